"""The problems the CLI knows how to show: findings in data, and the errors that stop a command (click's contract)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Any, Optional

import click

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


def ordered(findings: list[Finding]) -> list[Finding]:
    """Findings without repeats, in file order, errors first, then by line, field and message (a stable order)."""
    return sorted(set(findings), key=lambda f: (f.file, f.severity != ERROR, f.line, f.path, f.message))


def echo_findings(findings: list[Finding]) -> None:
    """Each finding on its own line, in the stable order."""
    for finding in ordered(findings):
        click.echo(finding.render())


class UserError(click.ClickException):
    """A problem the user can fix (bad data, a bad template, a file that cannot be written); exits 1."""

    exit_code = 1

    def __init__(self, message: str, findings: Optional[list[Finding]] = None) -> None:
        super().__init__(message)
        self.findings = findings or []
        self.written: list = []  # documents written before the problem stopped the rest

    def show(self, file: Optional[IO[Any]] = None) -> None:
        """The findings on standard output, then the message on standard error."""
        echo_findings(self.findings)
        click.echo(self.message, err=True)


class DataError(UserError):
    """Data that cannot be used as it is; carries every finding."""


class TemplateProblem(UserError):
    """A template that cannot be rendered."""


class UsageError(click.UsageError):
    """A command used the wrong way (a path that is not a unit, an unknown option); exits 2."""

    hint = ""

    def show(self, file: Optional[IO[Any]] = None) -> None:
        """The message in Chinese."""
        click.echo(f"用法错误：{self.format_message()}{self.hint}", err=True)


class CommandLineError(UsageError):
    """click's own usage errors (unknown option, missing argument), shown in Chinese with where to find the usage."""

    hint = "\n运行 python cli.py --help 查看用法。"


class Interrupted(click.ClickException):
    """The user pressed Ctrl-C; exits 130, as a shell reports a command stopped by Ctrl-C."""

    exit_code = 130

    def show(self, file: Optional[IO[Any]] = None) -> None:
        """One line saying the command stopped and that no document was left half written."""
        click.echo("已中止（Ctrl-C）。没有写完的文档不会留下半个文件，已有的文档保持原样。", err=True)


class InternalError(click.ClickException):
    """A bug in the toolkit, not in the user's data; exits 3, with the traceback only under --debug."""

    exit_code = 3

    def __init__(self, debug: bool) -> None:
        super().__init__("internal error")
        self.debug = debug

    def show(self, file: Optional[IO[Any]] = None) -> None:
        """An apology, what to send, and the traceback when asked for."""
        import traceback
        click.echo("抱歉，程序内部出错了。这不是您的数据问题。请把运行的命令和数据文件发给维护人员；"
                   "加上 --debug 可以显示详细信息。", err=True)
        if self.debug and self.__cause__ is not None:
            traceback.print_exception(self.__cause__)
