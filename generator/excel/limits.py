"""The limits reading a workbook keeps, checked before and while it is read, so no file can take minutes or gigabytes."""
from __future__ import annotations

import io
import struct
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from generator.errors import UserError
from generator.load.reader import display_path

MAX_INFLATED = 100 * 1024 * 1024  # bytes an .xlsx may unpack to: nine tables take well under 1 MB
MAX_PART = 2 * 1024 * 1024  # bytes of a part openpyxl reads whole (styles, workbook…): nine tables take some KB
MAX_STRINGS = 10 * 1024 * 1024  # bytes of the shared strings, read whole too
NOT_READ_WHOLE = ("xl/worksheets/sheet", "xl/media/", "xl/embeddings/", "xl/printerSettings/", "docProps/thumbnail")
MAX_FILE = 20 * 1024 * 1024  # bytes of an .xls file (xlrd holds all of a sheet's cells: about 8 bytes per byte of file)
MAX_ROWS = 20_000  # rows of data in one sheet: a 决算表 has some hundreds
MAX_COLUMNS = 256  # columns of one sheet, as many as an .xls can hold: a 决算表 has some tens
MAX_CELLS = 1_000_000  # cells holding a value in a whole workbook: nine tables hold some thousands
EMPTY_RUN = 500  # blank rows in a row that end a sheet (one formatted down to row 1,048,576 is not read that far)
# records of an .xls workbook's globals that xlrd keeps as objects of about a kilobyte each, and how many Excel itself
# allows (4 000 cell formats, 512 fonts) or, for names and number formats, far more than a 决算表 needs
XLS_RECORDS = {0x00E0: ("单元格格式", 4_100), 0x0031: ("字体", 1_024), 0x041E: ("数字格式", 1_024), 0x0293: ("样式", 4_100),
               0x0018: ("名称", 10_000)}
BIFF_EOF = 0x000A
TOO_MUCH = "不像部门决算表，未导入。请只保留决算表的工作表另存后再导入。"


def check_package(path: Path, package: zipfile.ZipFile) -> None:
    """Refuse a package that unpacks past MAX_INFLATED, or with a part read whole past its cap (MAX_STRINGS for the
    shared strings, MAX_PART for the others), from the package's directory, before anything is parsed."""
    members = package.infolist()
    if sum(member.file_size for member in members) > MAX_INFLATED:
        raise UserError(f"{display_path(path)} 解压后超过 {MAX_INFLATED // 1024 // 1024} MB，{TOO_MUCH}")
    for member in members:
        cap = MAX_STRINGS if member.filename.lower().endswith("sharedstrings.xml") else MAX_PART
        if not member.filename.startswith(NOT_READ_WHOLE) and member.file_size > cap:
            raise UserError(f"{display_path(path)} 里的 {member.filename} 解压后超过 {cap // 1024 // 1024} MB，{TOO_MUCH}")


class Bounds:
    """The limits reading one workbook keeps: rows and columns of each sheet, cells holding a value in all of them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.cells = 0

    def rows(self, title: str, rows: Iterable[Sequence[Any]]) -> list[list[Any]]:
        """A sheet's rows, each without its trailing blanks, up to the last one with a value (a run of EMPTY_RUN blank
        rows ends the sheet); a sheet past the limits is refused."""
        kept: list[list[Any]] = []
        blank = 0
        for row in rows:
            values = _trimmed(row)
            blank = 0 if values else blank + 1
            if blank >= EMPTY_RUN:
                break
            self.check_width(title, len(values))
            self.cells += sum(v is not None for v in values)
            if self.cells > MAX_CELLS:
                raise self.refused(f"有超过 {MAX_CELLS} 个填了内容的单元格")
            kept.append(values)
            if len(kept) > MAX_ROWS:
                raise self.refused(f"的工作表“{title}”有超过 {MAX_ROWS} 行数据")
        while kept and not kept[-1]:
            kept.pop()
        return kept

    def check_width(self, title: str, columns: int) -> None:
        """Refuse a sheet with a value beyond column MAX_COLUMNS."""
        if columns > MAX_COLUMNS:
            raise self.refused(f"的工作表“{title}”在第 {MAX_COLUMNS} 列之后还有内容")

    def refused(self, why: str) -> UserError:
        """The error for a workbook past a limit."""
        return UserError(f"{display_path(self.path)} {why}，{TOO_MUCH}")


def _trimmed(row: Sequence[Any]) -> list[Any]:
    """A row's values without the blank cells after its last value."""
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return list(row[:end])


def check_xls(path: Path) -> bytes:
    """An .xls file's bytes, once its size and its globals' formatting records are within the limits."""
    from xlrd import compdoc

    if path.stat().st_size > MAX_FILE:
        raise UserError(f"{display_path(path)} 超过 {MAX_FILE // 1024 // 1024} MB，{TOO_MUCH}")
    data = path.read_bytes()
    document = compdoc.CompDoc(data, logfile=io.StringIO())  # xlrd's warnings are English, for no clerk
    for name in ("Workbook", "Book"):  # BIFF8's stream, and BIFF5's
        mem, base, size = document.locate_named_stream(name)
        if mem is not None:
            break
    counts = _globals_records(mem or b"", base or 0, size or 0)
    for record, (name, cap) in XLS_RECORDS.items():
        if counts[record] > cap:
            raise UserError(f"{display_path(path)} 定义了 {counts[record]} 个{name}（超过 {cap} 个），{TOO_MUCH}")
    return data


def _globals_records(mem: bytes, base: int, size: int) -> Counter:
    """How many records of each type a BIFF stream's workbook globals hold (up to their EOF record)."""
    counts: Counter = Counter()
    position, end = base, min(base + size, len(mem))  # a cut file's stream ends early
    while position + 4 <= end:
        record, length = struct.unpack_from("<HH", mem, position)
        if record == BIFF_EOF:
            break
        counts[record] += 1
        position += 4 + length
    return counts
