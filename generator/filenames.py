"""File names made from a clerk's text: readable, safe on every system, unique, and never a path out of the folder."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from generator.errors import UserError

# Characters Windows forbids in a file name (and the path separators), each as its full-width look-alike.
FULL_WIDTH = str.maketrans({"/": "／", "\\": "＼", ":": "：", "*": "＊", "?": "？", '"': "＂", "<": "＜", ">": "＞", "|": "｜"})
INVISIBLE = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
SPACES = re.compile(r"\s+")
# Names Windows reserves for devices, whatever the extension.
RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
# A file name's length in UTF-8 bytes: ext4 takes 255 bytes and Windows 255 UTF-16 units; this leaves room for the
# .pdf beside it and for Windows' 260-character paths under an ordinary output folder.
MAX_BYTES = 150
ELLIPSIS = "…"


def safe_part(text: str) -> str:
    """A piece of a clerk's text made fit for a file name: separators and forbidden characters as their full-width
    look-alikes, invisible characters dropped, runs of spaces folded, no leading or trailing dot or space."""
    text = unicodedata.normalize("NFC", text).translate(FULL_WIDTH)
    text = SPACES.sub(" ", INVISIBLE.sub("", SPACES.sub(" ", text)))
    return text.strip(" .")


def name_from(pattern: str, **parts: str) -> str:
    """A file name from a pattern such as ``{年度}年报告（{标题}）.docx`` and data values: each value made safe, the
    longest shortened (ending in …) until the name fits MAX_BYTES."""
    safe = {key: safe_part(str(value)) for key, value in parts.items()}
    while len(pattern.format(**safe).encode("utf-8")) > MAX_BYTES:
        key = max(safe, key=lambda k: len(safe[k].encode("utf-8")), default=None)
        if key is None or len(safe[key]) <= 1:
            break
        safe[key] = safe[key].rstrip(ELLIPSIS)[:-1].rstrip(" .") + ELLIPSIS
    name = safe_part(pattern.format(**safe))  # the pattern's own text too (a layout's profile is a clerk's file)
    return f"_{name}" if RESERVED.match(name) else name


def unique(names: list[str]) -> list[str]:
    """The names with a repeat (compared as Windows and macOS do, ignoring case) numbered （2）, （3）… before its extension."""
    taken: set[str] = set()
    out = []
    for name in names:
        stem, dot, ext = name.rpartition(".") if "." in name else (name, "", "")
        candidate, n = name, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{stem}（{n}）{dot}{ext}"
        taken.add(candidate.casefold())
        out.append(candidate)
    return out


def project_report_names(pattern: str, year: int, titles: list[tuple[str, str]]) -> list[str]:
    """The file names of a year's 项目支出绩效评价报告 from the layout's pattern ({年度}, {标题}), one per (report title,
    project name), safe and unique; a title with nothing left to show gives way to the project's name."""
    return unique([name_from(pattern, 年度=str(year), 标题=title if safe_part(title) else name) for title, name in titles])


def workbook_name(year: int) -> str:
    """The file name of a unit-year's 决算表 workbook (generate --xlsx)."""
    return f"{year}年度部门决算表.xlsx"


def inside(folder: Path, name: str) -> Path:
    """The path of a file named ``name`` directly in ``folder``; refuses a name that would reach anywhere else."""
    path = folder / name
    if name != safe_part(name) or path.resolve().parent != folder.resolve():
        raise UserError(f"文件名“{name}”不能用作输出文件名（含有路径或不允许的字符），未写入任何文件。请修改数据中的标题。")
    return path
