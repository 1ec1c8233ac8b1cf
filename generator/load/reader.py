"""YAML files to plain data, remembering the line of every value; safe loading only."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ERROR, Finding, Severity
from generator.load.builder import Builder
from generator.load.paths import display_path, dotted

MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class Loaded:
    """A parsed YAML file: its data, the line of each value path, and any findings."""

    path: Path
    data: Any = None
    lines: dict[tuple, int] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    todo: list[tuple] = field(default_factory=list)  # empty values marked “# 待补充”
    filled: set[tuple] = field(default_factory=set)  # paths a draft filled with a placeholder

    def line_of(self, path: tuple) -> int:
        """The line of a value path, or of its nearest recorded parent."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def finding(self, path: tuple, message: str, severity: Severity = ERROR, placeholder: bool = False) -> Finding:
        """A finding located at a value path of this file (``placeholder``: a draft shows the fact 【待补充】)."""
        return Finding(display_path(self.path), self.line_of(path), severity, dotted(path), message, placeholder)

    @property
    def ok(self) -> bool:
        """Whether the file parsed without errors."""
        return not any(f.is_error for f in self.findings)


def load_yaml(path: Path) -> Loaded:
    """Parse one YAML file into a ``Loaded`` (never raises for bad content)."""
    loaded = Loaded(Path(path))
    text = _read_text(loaded)
    if text is None:
        return loaded
    _check_tabs(loaded, text)
    if not loaded.ok:
        return loaded
    try:
        loaded.data = Builder(loaded, yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))).stream()
    except yaml.MarkedYAMLError as exc:
        loaded.data = None
        loaded.findings.append(_syntax_finding(loaded, exc, text))
        return loaded
    except yaml.reader.ReaderError as exc:
        loaded.data = None
        loaded.findings.append(_reader_finding(loaded, exc, text))
        return loaded
    except yaml.YAMLError:
        loaded.data = None
        loaded.findings.append(Finding(display_path(path), 1, ERROR, "", "YAML 无法解析：请检查缩进、冒号和引号。"))
        return loaded
    loaded.todo = _marked_empty(loaded, text)
    return loaded


TODO_MARK = re.compile(r"#\s*待补充")  # what `new` writes after each fact to fill this year


def _marked_empty(loaded: Loaded, text: str) -> list[tuple]:
    """The paths of empty values on lines marked “# 待补充”: facts the clerk still has to write."""
    marked = {n for n, line in enumerate(text.splitlines(), 1) if TODO_MARK.search(line)}
    if not marked:
        return []
    return [path for path, line in loaded.lines.items() if path and line in marked and value_at(loaded.data, path) is None]


def value_at(data: Any, path: tuple) -> Any:
    """The value at a path of plain data (None when absent)."""
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _read_text(loaded: Loaded) -> str | None:
    """The file's text as UTF-8 (BOM allowed), or None with a finding."""
    where = display_path(loaded.path)
    try:
        size = loaded.path.stat().st_size
        if size > MAX_FILE_BYTES:
            loaded.findings.append(Finding(where, 0, ERROR, "", f"文件过大（{size // 1024 // 1024} MB），上限为 {MAX_FILE_BYTES // 1024 // 1024} MB。请检查是否误把其他文件内容粘贴进来。"))
            return None
        raw = loaded.path.read_bytes()
    except OSError as exc:
        loaded.findings.append(Finding(where, 0, ERROR, "", f"无法读取文件：{exc.strerror or exc}"))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = "看起来是 GBK/GB2312 编码（Windows 记事本或 WPS 的默认编码）" if _is_gbk(raw) else "不是 UTF-8 编码"
        loaded.findings.append(Finding(where, line, ERROR, "", f"文件{hint}。请用记事本“另存为”并选择编码 UTF-8，或在 VS Code 右下角点编码选“通过编码保存 → UTF-8”。"))
        return None


def _is_gbk(raw: bytes) -> bool:
    """Whether bytes decode cleanly as GBK."""
    try:
        raw.decode("gbk")
        return True
    except UnicodeDecodeError:
        return False


def _check_tabs(loaded: Loaded, text: str) -> None:
    """Findings for tab characters used as indentation."""
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(r"^ *\t", line):
            loaded.findings.append(Finding(display_path(loaded.path), number, ERROR, "", "行首缩进用了制表符（Tab）。YAML 只允许用空格缩进，请把 Tab 换成空格（通常每级 2 个空格）。"))


SYNTAX_HINTS = [
    ("mapping values are not allowed", "这里多了一个冒号，或上一行缩进不对。含冒号的文字请用引号括起来。"),
    ("could not find expected ':'", "缺少冒号（“键: 值”），或多行文字没有用引号括起来。"),
    ("did not find expected key", "缩进不一致：同一层的键必须对齐。"),
    ("did not find expected '-'", "列表项缩进不一致：同一列表的“- ”必须对齐。"),
    ("found undefined alias", "用了未定义的别名（*）。"),
    ("while scanning a quoted scalar", "引号没有成对关闭。"),
    ("found unexpected end of stream", "文件在引号或括号内结束，可能缺少右引号或右括号。"),
    ("found character '\\t'", "这里有制表符（Tab），请换成空格。"),
]


OPENERS = {"flow sequence": "方括号“[”", "flow mapping": "花括号“{”", "quoted scalar": "引号", "block mapping": "这一段", "block collection": "这一段"}
FULL_WIDTH_KEY = re.compile(r"^\s*[^\s#:：\"'-][^:#：]*：")


def _syntax_finding(loaded: Loaded, exc: yaml.MarkedYAMLError, text: str) -> Finding:
    """A Chinese finding for a YAML syntax error: where the construct opened and where it broke, and why."""
    where = display_path(loaded.path)
    lines = text.splitlines()
    start = exc.context_mark.line + 1 if exc.context_mark else None
    if "simple key" in str(exc.context or "") and start and start <= len(lines) and FULL_WIDTH_KEY.match(lines[start - 1]):
        return Finding(where, start, ERROR, "", "这一行的键后面用了全角冒号“：”。YAML 只认半角冒号加空格“: ”，请把“：”改成“: ”。")
    opened = next((name for key, name in OPENERS.items() if key in str(exc.context or "")), None)
    broke = exc.problem_mark.line + 1 if exc.problem_mark else start or 1
    column = (exc.problem_mark.column + 1) if exc.problem_mark else 1
    problem = str(exc.problem or exc.context or "")
    hint = next((h for key, h in SYNTAX_HINTS if key in problem or key in str(exc.context)), "请检查这一行和上一行的缩进、冒号和引号。")
    if opened in ("方括号“[”", "花括号“{”", "引号") and start and start != broke:
        extra = _quote_hint(text, start) if opened == "引号" else f"请补上{'右方括号“]”' if '[' in opened else '右花括号“}”'}，并检查各项之间的逗号。"
        opening = exc.context_mark.column + 1 if exc.context_mark else 1
        own = "" if hint.startswith("请检查") else hint
        return Finding(where, start, ERROR, "", f"YAML 格式错误：第 {start} 行第 {opening} 列开始的{opened}到第 {broke} 行还没有闭合。{extra}{own}")
    return Finding(where, broke, ERROR, "", f"YAML 格式错误（第 {column} 列）：{hint}")


def _quote_hint(text: str, line: int) -> str:
    """Why a quote does not close: a full-width quote cannot close a half-width one."""
    source = text.splitlines()[line - 1] if line <= len(text.splitlines()) else ""
    if any(mark in source for mark in "“”‘’"):
        return "这一行用半角引号开头、全角引号（“ ” ‘ ’）结尾，全角引号不能闭合半角引号，请都改成半角引号。"
    return ""


def _reader_finding(loaded: Loaded, exc: yaml.reader.ReaderError, text: str) -> Finding:
    """A Chinese finding for a character YAML does not allow (a control character pasted from Word)."""
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
    position = text.find(chr(code))
    line = text[:position].count("\n") + 1 if position >= 0 else 1
    what = "垂直制表符（从 Word 复制的手动换行）" if code == 0x0B else f"控制字符 U+{code:04X}"
    return Finding(display_path(loaded.path), line, ERROR, "", f"这一行有 YAML 不允许的{what}。请删掉它（需要换行时直接回车）。")
