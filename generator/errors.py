"""The problems the CLI knows how to show: findings in data, and the errors that stop a command (click's contract)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import IO, Any, Optional

import click

from generator.constants import TextEnum


class Severity(TextEnum):
    """How bad a finding is: an 错误 stops generation, a 警告 is for the clerk to judge."""

    ERROR = "错误"
    WARNING = "警告"


ERROR, WARNING = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in a data file: where it is, how bad it is, and what to do."""

    file: str
    line: int
    severity: Severity
    path: str
    message: str
    placeholder: bool = False  # a fact a draft prints as 【待补充】: counted in the draft's note, not listed

    def render(self) -> str:
        """The finding as ``FILE:LINE: 错误: FIELD.PATH: 说明``."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f"{self.path}: " if self.path else ""
        return f"{where}: {self.severity}: {field}{self.message}"

    @property
    def is_error(self) -> bool:
        """Whether this finding blocks generation."""
        return self.severity == ERROR


CELL = re.compile(r"^(.*)!([A-Z]+)(\d+)$")


def natural(text: str) -> tuple[tuple, tuple]:
    """A field path's sort key: words and numbers (科目[2] before 科目[10]); a workbook cell by sheet, then row, then
    column (公开03表!C7 before 公开03表!B10)."""
    cell = CELL.match(text)
    if cell:
        column = sum(26 ** i * (ord(ch) - 64) for i, ch in enumerate(reversed(cell.group(2))))
        return natural(cell.group(1))[0], (int(cell.group(3)), column)
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)), ()


def ordered(findings: list[Finding]) -> list[Finding]:
    """Findings without repeats, in file order, errors first, then by line, field (sheet, row and column of a workbook
    cell as numbers) and message (a stable order)."""
    return sorted(set(findings), key=lambda f: (f.file, f.severity != ERROR, f.line, natural(f.path), f.message))


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

    def format_message(self) -> str:
        """click's message in Chinese."""
        return in_chinese(super().format_message())


ARGUMENTS = {"YEAR": "年度", "UNIT_DIR": "单位文件夹", "WORKBOOK": "工作簿", "DOCX": "文档", "PATHS": "路径"}
# click's usage messages, and how to say them
CLICK_MESSAGES = [
    (r"Invalid value for '(.+?)': (?:File|Path|Directory) '(.+?)' is a directory\.", "{0} 应是一个文件，{1} 是文件夹。"),
    (r"Invalid value for '(.+?)': (?:File|Path|Directory) '(.+?)' is a file\.", "{0} 应是一个文件夹，{1} 是文件。"),
    (r"Invalid value for '(.+?)': (?:File|Path|Directory) '(.+?)' does not exist\.", "找不到 {1}。"),
    (r"Invalid value for '(.+?)': '(.+?)' is not a valid integer\.", "{0} 应是整数，“{1}”不是。"),
    (r"No such option '(.+?)'\. Did you mean '(.+?)'\?", "没有选项 {0}。是不是 {1}？"),
    (r"No such option '(.+?)'\. \(Did you mean one of: (.+)\?\)", "没有选项 {0}。是不是以下之一：{1}？"),
    (r"No such option '(.+?)'\.", "没有选项 {0}。"),
    (r"No such command '(.+?)'\.", "没有命令 {0}。"),
    (r"Missing argument '(.+?)'\.", "缺少参数：{0}。"),
    (r"Missing option '(.+?)'\.", "缺少选项 {0}。"),
    (r"Option '(.+?)' requires an argument\.", "选项 {0} 后面要写一个值。"),
    (r"Got unexpected extra arguments? \((.+)\)", "多余的参数：{0}。"),
]


def in_chinese(message: str) -> str:
    """One of click's usage messages in Chinese (an unknown one as it is)."""
    import re
    for pattern, chinese in CLICK_MESSAGES:
        found = re.fullmatch(pattern, message.strip())
        if found:
            return chinese.format(*(ARGUMENTS.get(g.strip("'"), g) for g in found.groups()))
    return message


class Interrupted(click.ClickException):
    """The user pressed Ctrl-C; exits 130, as a shell reports a command stopped by Ctrl-C."""

    exit_code = 130

    def show(self, file: Optional[IO[Any]] = None) -> None:
        """One line saying the command stopped and that no document was left half written."""
        click.echo("已中止（Ctrl-C）。没有写完的文档不会留下半个文件，已有的文档保持原样。", err=True)


class EnvironmentProblem(click.ClickException):
    """The Python running the toolkit lacks a package it needs (a venv not activated, a git client's own Python);
    exits 4."""

    exit_code = 4

    def __init__(self, package: str) -> None:
        super().__init__(package)
        self.package = package

    def show(self, file: Optional[IO[Any]] = None) -> None:
        """Which package is missing, and how to install it."""
        click.echo(missing_package(self.package), err=True)


def missing_package(package: str) -> str:
    """What to say when a package the toolkit needs cannot be imported."""
    return (f"运行本程序的 Python 缺少软件包 {package}（这不是您的数据问题）。请在程序所在的文件夹运行 "
            "pip install -c constraints.txt . 安装；如果安装时用了虚拟环境（venv），请先激活它，或用那个环境里的 python 运行。")


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
