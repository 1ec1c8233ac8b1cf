"""generate --xlsx: the nine tables as a 公开表 workbook (one sheet each, headers as published, 万元, stable bytes)."""
from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from generator import filenames
from generator.excel.expected import expected_grid
from generator.excel.shapes import SHAPES, Shape
from generator.excel.sheetrows import Layout, layout_of
from generator.figures.bundle import Bundle
from generator.render.package import zip_members

NUMBER_FORMAT = "#,##0.00"
THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT, BOLD, TITLE = Font(name="宋体", size=10), Font(name="宋体", size=10, bold=True), Font(name="黑体", size=16)
CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">{year}-12-31T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">{year}-12-31T00:00:00Z</dcterms:modified></cp:coreProperties>')


def workbook_name(bundle: Bundle) -> str:
    """The workbook's file name."""
    return filenames.workbook_name(bundle.year.year)


def workbook_bytes(bundle: Bundle, draft: bool = False) -> bytes:
    """The nine tables of a unit-year as .xlsx bytes (the same facts give the same bytes); a draft's titles say 草稿."""
    grid = expected_grid(bundle.year)
    book = Workbook()
    book.remove(book.active)
    for shape in SHAPES:
        sheet = book.create_sheet(_sheet_name(shape))
        _write(sheet, shape, layout_of(shape, grid.get(shape.key, {}), bundle), bundle)
        if draft:
            _put(sheet, 1, 1, f"{sheet.cell(1, 1).value}（草稿）")
    buffer = io.BytesIO()
    book.save(buffer)
    return _stable(buffer.getvalue(), bundle)


def _sheet_name(shape: Shape) -> str:
    """公开01表 收入支出决算总表, cut to Excel's 31 characters."""
    return f"{shape.public_code} {shape.title}"[:31]


def _write(sheet: Worksheet, shape: Shape, layout: Layout, bundle: Bundle) -> None:
    """One table: title, 公开表 code, 编制单位 and 金额单位, headers, rows, and its 注."""
    width = layout.width
    title = f"{bundle.unit.name}{bundle.year.year}年度{shape.title}"
    _merged(sheet, 1, 1, 1, width, title, TITLE, center=True)
    _put(sheet, 2, width, shape.public_code).font = FONT
    _put(sheet, 3, 1, f"编制单位：{bundle.unit.name}").font = FONT
    _put(sheet, 3, width, "金额单位：万元").font = FONT
    for r, c, r2, c2, text in layout.headers:
        _merged(sheet, 4 + r, c + 1, 4 + r2, c2 + 1, text, BOLD, center=True, border=True)
    top = 4 + layout.header_rows
    for i, row in enumerate(layout.rows):
        for c, value in enumerate(row):
            _cell(sheet, top + i, c + 1, value)
    for i, note in enumerate([shape.note, *layout.notes]):
        _put(sheet, top + len(layout.rows) + i, 1, note).font = FONT
    for c, size in enumerate(layout.widths, 1):
        sheet.column_dimensions[get_column_letter(c)].width = size
    sheet.page_setup.orientation = "landscape" if width > 6 else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0  # one page wide, as many long as it takes
    sheet.print_title_rows = f"{4}:{3 + layout.header_rows}"


def _put(sheet: Worksheet, r: int, c: int, value: Any) -> Cell:
    """A cell holding a value; text stays text even when it starts with = + - @ (never a formula a name could inject)."""
    cell = sheet.cell(r, c)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _merged(sheet: Worksheet, r: int, c: int, r2: int, c2: int, text: str, font: Font, center: bool = False, border: bool = False) -> None:
    """A (merged) cell of text."""
    cell = _put(sheet, r, c, text)
    cell.font = font
    cell.alignment = Alignment(horizontal="center" if center else None, vertical="center", wrap_text=True)
    if border:
        for rr in range(r, r2 + 1):
            for cc in range(c, c2 + 1):
                sheet.cell(rr, cc).border = BORDER
    if (r, c) != (r2, c2):
        sheet.merge_cells(start_row=r, start_column=c, end_row=r2, end_column=c2)


def _cell(sheet: Worksheet, r: int, c: int, value: Any) -> None:
    """A body cell: amounts as numbers with two decimals, codes and labels as text."""
    cell = _put(sheet, r, c, value)
    cell.font, cell.border = FONT, BORDER
    if isinstance(value, Decimal):
        cell.number_format = NUMBER_FORMAT
    elif value is not None:
        cell.number_format = "@"


def _stable(data: bytes, bundle: Bundle) -> bytes:
    """The package with fixed document properties, timestamps and member order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    members = {n: source.read(n) for n in source.namelist()}
    members["docProps/core.xml"] = CORE.format(title=f"{bundle.year.year}年度部门决算表", creator=escape(bundle.unit.name),
                                               year=bundle.year.year).encode("utf-8")
    return zip_members(members)

