"""Spreadsheet files to grids of cell values: .xlsx through openpyxl, .xls through xlrd; merged headers filled in."""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries

from generator.errors import UsageError, UserError
from generator.excel.limits import MAX_COLUMNS, MAX_FILE, Bounds, check_package, check_xls
from generator.load.reader import display_path


@dataclass
class Sheet:
    """One worksheet: its name and its cell values by row and column (0-based), merged ranges filled with their text."""

    name: str
    rows: list[list[Any]]
    uncached: tuple[str, ...] = ()  # cells holding a formula whose result was never saved (no value to read)

    def value(self, row: int, col: int) -> Any:
        """The value at a cell, None outside the used range."""
        if row < len(self.rows) and col < len(self.rows[row]):
            return self.rows[row][col]
        return None

    def text(self, row: int, col: int) -> str:
        """The cell as text with all blanks removed ('' for an empty cell)."""
        value = self.value(row, col)
        return "" if value is None else "".join(str(value).split())

    @cached_property
    def width(self) -> int:
        """The number of columns in use."""
        return max((len(r) for r in self.rows), default=0)


def cell_name(row: int, col: int) -> str:
    """A cell's Excel name from 0-based indexes: (6, 2) → C7."""
    return f"{get_column_letter(col + 1)}{row + 1}"


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file that .xls and password-protected .xlsx files are
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # the stream a password-protected .xlsx keeps its package in
SAVE_AGAIN = "请用 Excel 或 WPS 打开后另存为 .xlsx 再导入"


def kind_of(path: Path) -> str:
    """What a file is by its first bytes: xlsx (a zip), xls (a compound file), encrypted, html, or unknown."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"PK"):
        return "xlsx"
    if head.startswith(OLE[:4]):
        with path.open("rb") as handle:
            return "encrypted" if ENCRYPTED in handle.read(MAX_FILE) else "xls"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "html" if text.startswith(b"<") or b"<html" in text or b"<table" in text else "unknown"


def read_workbook(path: Path) -> list[Sheet]:
    """The sheets of an .xlsx or .xls file (read by what it is, whatever its extension), or an error in Chinese that
    says why it cannot be read."""
    if not path.is_file():
        raise UsageError(f"找不到工作簿 {display_path(path)}。")
    if path.suffix.lower() not in (".xlsx", ".xlsm", ".xls"):
        raise UsageError(f"{display_path(path)} 不是 Excel 工作簿：只能导入 .xlsx 或 .xls 文件。")
    kind = kind_of(path)
    if kind in ("encrypted", "html", "unknown"):
        cause = {"encrypted": "工作簿有密码。请在 Excel 或 WPS 中去掉密码另存后再导入",
                 "html": f"它其实是网页（HTML）表格，只是扩展名写成了 {path.suffix}。{SAVE_AGAIN}",
                 "unknown": f"它不是 Excel 工作簿。{SAVE_AGAIN}"}[kind]
        raise UserError(f"{display_path(path)} 打不开：{cause}。")
    try:
        return _xlsx(path) if kind == "xlsx" else _xls(path)
    except (zipfile.BadZipFile, zlib.error, KeyError, ValueError, OSError, EOFError, SyntaxError) as exc:
        raise UserError(f"{display_path(path)} 打不开：{_cause(exc)}。") from exc
    except Exception as exc:  # xlrd's own errors have no common base, and a damaged file can make the readers' code
        if _raised_reading(exc):  # fail anywhere (IndexError in xlrd, NotImplementedError in zipfile…)
            raise UserError(f"{display_path(path)} 打不开：{_cause(exc)}。") from exc
        raise


PARSERS = ("xlrd", "openpyxl", "zipfile", "xml.", "et_xmlfile")  # the modules that parse a workbook's bytes


def _raised_reading(exc: Exception) -> bool:
    """Whether an exception is xlrd's, or was raised inside the code that parses a workbook's bytes."""
    if type(exc).__module__.startswith("xlrd"):
        return True
    frame = exc.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    return frame is not None and str(frame.tb_frame.f_globals.get("__name__", "")).startswith(PARSERS)


def _cause(exc: Exception) -> str:
    """Why a workbook's bytes could not be read, in Chinese."""
    if "encrypt" in str(exc).lower():
        return "工作簿有密码。请在 Excel 或 WPS 中去掉密码另存后再导入"
    return f"它不是完好的 Excel 工作簿（{type(exc).__name__}），可能已损坏或不完整。{SAVE_AGAIN}"


def _xlsx(path: Path) -> list[Sheet]:
    """An .xlsx workbook's sheets (cached values of formulas, as Excel last computed them), streamed: the package's
    unpacked size is checked first, and every sheet is read within the workbook's limits."""
    import openpyxl

    with path.open("rb") as handle, zipfile.ZipFile(handle) as package:  # by handle: a .xlsx named .xls is read too
        check_package(path, package)
        book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        bounds = Bounds(path)
        try:
            return [_sheet(bounds, ws, package.read(ws._worksheet_path)) for ws in book.worksheets]
        finally:
            book.close()


MERGE = re.compile(rb'<mergeCell ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"')
CELL = re.compile(rb'<c r="([A-Z]+)([0-9]+)"[^>]*?(?:/>|>(.*?)</c>)', re.S)
SAVED = re.compile(rb"<v>[^<]+</v>")  # a formula's saved result


def _sheet(bounds: Bounds, ws: Any, xml: bytes) -> Sheet:
    """One streamed sheet: its rows, merged ranges filled, and the formulas that hold no saved result."""
    uncached = []
    for found in CELL.finditer(xml):
        letters, number, content = found.groups()
        if content and (b"<v" in content or b"<is" in content):
            bounds.check_width(ws.title, column_index_from_string(letters.decode()))
        if content and b"<f" in content and not SAVED.search(content):
            uncached.append(f"{letters.decode()}{number.decode()}")
    ws.reset_dimensions()  # the rows as they are, not as the sheet's (possibly wrong) dimension says
    rows = bounds.rows(ws.title, ws.iter_rows(max_col=MAX_COLUMNS, values_only=True))
    return Sheet(ws.title, _filled(rows, _merges(xml)), tuple(uncached))


def _merges(xml: bytes) -> list[tuple[int, int, int, int]]:
    """A sheet's merged ranges (first row, first column, last row, last column; 0-based) from its XML."""
    spans = []
    for first, last in MERGE.findall(xml):
        c0, r0, c1, r1 = range_boundaries(f"{first.decode()}:{last.decode()}")
        spans.append((r0 - 1, c0 - 1, r1 - 1, c1 - 1))
    return spans


def _xls(path: Path) -> list[Sheet]:
    """An .xls workbook's sheets, one sheet in memory at a time (xlrd 2 reads the BIFF format .xls files are)."""
    import xlrd

    data = check_xls(path)
    book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, ragged_rows=True,
                              logfile=io.StringIO())  # its warnings are English, for no clerk
    bounds = Bounds(path)
    sheets = []
    for index in range(book.nsheets):
        ws = book.sheet_by_index(index)
        rows = bounds.rows(ws.name, (_xls_row(ws, r) for r in range(ws.nrows)))
        spans = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in ws.merged_cells]
        sheets.append(Sheet(ws.name, _filled(rows, spans)))
        book.unload_sheet(index)
    return sheets


def _xls_row(ws: Any, row: int) -> list[Any]:
    """An xlrd row's values as openpyxl would give them: None for empty cells, numbers as float, text as str."""
    import xlrd

    blank = (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK)
    return [None if kind in blank else "#错误" if kind == xlrd.XL_CELL_ERROR else value
            for kind, value in zip(ws.row_types(row), ws.row_values(row))]


def _filled(rows: list[list[Any]], spans: list[tuple[int, int, int, int]]) -> list[list[Any]]:
    """Rows with each merged range's text copied into all its cells, so merged headers name every column they span;
    merged numbers, and text that starts like a code or an amount (“201”, “1,234.50”), stay in their first row."""
    for r0, c0, r1, c1 in spans:
        c1 = min(c1, MAX_COLUMNS - 1)  # a range merged past the last column read fills no more (a damaged .xls had 54 535)
        value = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else None
        if not isinstance(value, str):
            continue
        last = r0 if value.strip()[:1].isdigit() else min(r1, len(rows) - 1)
        for r in range(r0, last + 1):
            row = rows[r]
            row.extend([None] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                row[c] = value
    return rows
