"""A workbook's sheets read into the nine tables' grid, each value remembered with its sheet and cell."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from generator.errors import WARNING
from generator.excel import layouts
from generator.excel.cells import title_lines, unit_of, year_of
from generator.excel.found import Read
from generator.excel.shapes import BY_KEY, SHAPES, identify, identify_code
from generator.excel.workbook import Sheet, read_workbook


def read(path: Path) -> Read:
    """Every recognised table of a workbook, and a finding for each sheet, row or column that was not taken."""
    result = Read(path)
    for sheet in read_workbook(path):
        _read_sheet(result, sheet)
    for shape in SHAPES:
        if shape.key not in result.sheets:
            result.findings.append(result.finding("", "", f"工作簿里没有“{shape.title}”（{shape.public_code}）。", WARNING))
    return result


def table_of(sheet: Sheet) -> Optional[str]:
    """The table a sheet holds: by the title in its first rows, else by its name's title or code."""
    for text in title_lines(sheet):
        if len(text) <= 60 and ("表" in text):
            key = identify(text)
            if key:
                return key
    return identify(sheet.name) or identify_code(sheet.name)


def _read_sheet(result: Read, sheet: Sheet) -> None:
    """One sheet into the grid, when it is one of the nine tables."""
    key = table_of(sheet)
    if key is None:
        if any(isinstance(v, (int, float)) for row in sheet.rows for v in row):
            result.findings.append(result.finding(sheet.name, "", "这个工作表不是九张部门决算表之一（按表名和表头都认不出），未导入。", WARNING))
        return
    if key in result.sheets:
        result.findings.append(result.finding(sheet.name, "", f"“{BY_KEY[key].title}”已从工作表“{result.sheets[key]}”导入，这个工作表是重复的，未导入。"))
        return
    result.sheets[key] = sheet.name
    unit = unit_of(sheet)
    if unit is None:
        unit = "万元"
        result.findings.append(result.finding(sheet.name, "", "表头没有写金额单位（“单位：万元”或“金额单位：元”），按万元导入。请核对。", WARNING))
    result.units[key] = unit
    year = year_of(sheet)
    if year:
        result.years.append(year)
    layouts.READERS[BY_KEY[key].kind](result, sheet, BY_KEY[key], unit)

