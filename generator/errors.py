"""The problems the CLI knows how to show: findings in data, and errors that stop a run."""
from __future__ import annotations

from dataclasses import dataclass

ERROR = "错误"
WARNING = "警告"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in a data file: where it is, how bad it is, and what to do."""

    file: str
    line: int
    severity: str
    path: str
    message: str

    def render(self) -> str:
        """The finding as ``FILE:LINE: 错误: FIELD.PATH: 说明``."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f"{self.path}: " if self.path else ""
        return f"{where}: {self.severity}: {field}{self.message}"

    @property
    def is_error(self) -> bool:
        """Whether this finding blocks generation."""
        return self.severity == ERROR


class UserError(Exception):
    """A problem the user can fix (bad data, bad template, bad arguments); exits 1."""

    def __init__(self, message: str, findings: list[Finding] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.findings = findings or []


class DataError(UserError):
    """Data that cannot be used as it is; carries every finding."""


class TemplateProblem(UserError):
    """A template that cannot be rendered."""


class UsageError(Exception):
    """A command used the wrong way; exits 2."""
