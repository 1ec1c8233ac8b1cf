"""Spreadsheet files to grids of cell values: .xlsx through openpyxl, .xls through xlrd; merged headers filled in."""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from generator.errors import UsageError, UserError
from generator.load.reader import display_path


@dataclass
class Sheet:
    """One worksheet: its name and its cell values by row and column (0-based), merged ranges filled with their text."""

    name: str
    rows: list[list[Any]]

    def value(self, row: int, col: int) -> Any:
        """The value at a cell, None outside the used range."""
        if row < len(self.rows) and col < len(self.rows[row]):
            return self.rows[row][col]
        return None

    def text(self, row: int, col: int) -> str:
        """The cell as text with all blanks removed ('' for an empty cell)."""
        value = self.value(row, col)
        return "" if value is None else "".join(str(value).split())

    @property
    def width(self) -> int:
        """The number of columns in use."""
        return max((len(r) for r in self.rows), default=0)


def cell_name(row: int, col: int) -> str:
    """A cell's Excel name from 0-based indexes: (6, 2) → C7."""
    return f"{get_column_letter(col + 1)}{row + 1}"


def xls_cause(path: Path, exc: Exception) -> str:
    """Why xlrd could not read an .xls file, in Chinese."""
    head = path.read_bytes()[:512].lstrip().lower()
    if head.startswith(b"pk"):
        return "它其实是 .xlsx 工作簿，只是扩展名写成了 .xls（请把扩展名改为 .xlsx）"
    if head.startswith((b"<", b"\xef\xbb\xbf<")) or b"<html" in head or b"<table" in head:
        return "它其实是网页（HTML）表格，只是扩展名写成了 .xls"
    return f"它不是完好的 .xls 工作簿（{type(exc).__name__}）"


def read_workbook(path: Path) -> list[Sheet]:
    """The sheets of an .xlsx or .xls file, or a UsageError in Chinese when it cannot be read."""
    if not path.is_file():
        raise UsageError(f"找不到工作簿 {display_path(path)}。")
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _xlsx(path)
        if suffix == ".xls":
            return _xls(path)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        cause = xls_cause(path, exc) if suffix == ".xls" else f"它不是完好的 Excel 工作簿（{type(exc).__name__}）"
        raise UserError(f"{display_path(path)} 打不开：{cause}。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。") from exc
    except Exception as exc:  # xlrd's own errors (XLRDError, CompDocError) have no common public base
        if type(exc).__module__.startswith("xlrd"):
            raise UserError(f"{display_path(path)} 打不开：{xls_cause(path, exc)}。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。") from exc
        raise
    raise UsageError(f"{display_path(path)} 不是 Excel 工作簿：只能导入 .xlsx 或 .xls 文件。")


def _xlsx(path: Path) -> list[Sheet]:
    """An .xlsx workbook's sheets (cached values of formulas, as Excel last computed them)."""
    import openpyxl

    book = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in book.worksheets:
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        spans = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
        sheets.append(Sheet(ws.title, _filled(rows, spans)))
    return sheets


def _xls(path: Path) -> list[Sheet]:
    """An .xls workbook's sheets (xlrd 2 reads the BIFF format only, which is what .xls files are)."""
    import xlrd

    book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    sheets = []
    for index in range(book.nsheets):
        ws = book.sheet_by_index(index)
        rows = [[_xls_value(ws.cell(r, c)) for c in range(ws.ncols)] for r in range(ws.nrows)]
        spans = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in ws.merged_cells]
        sheets.append(Sheet(ws.name, _filled(rows, spans)))
    return sheets


def _xls_value(cell) -> Any:
    """An xlrd cell's value as openpyxl would give it: None for empty cells, numbers as float, text as str."""
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return "#错误"
    return cell.value


def _filled(rows: list[list[Any]], spans: list[tuple[int, int, int, int]]) -> list[list[Any]]:
    """Rows with each merged range's text copied into all its cells (merged numbers stay in their first cell)."""
    for r0, c0, r1, c1 in spans:
        value = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else None
        if not isinstance(value, str):
            continue
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            row.extend([None] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                row[c] = value
    return rows
