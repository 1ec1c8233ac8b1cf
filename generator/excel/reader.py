"""A workbook's sheets read into the nine tables' grid, each value remembered with its sheet and cell."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from generator.errors import WARNING
from generator.excel import layouts
from generator.excel.cells import maker_of, reads_as_amount, title_lines, unit_of, year_of
from generator.excel.found import Read
from generator.excel.shapes import BY_KEY, SHAPES, identify, identify_code
from generator.excel.workbook import Sheet, read_workbook

CONTENTS = 3  # a sheet naming this many of the nine tables is a 目录, not a table


def read(path: Path) -> Read:
    """Every recognised table of a workbook, and a finding for each sheet, row or column that was not taken."""
    result = Read(path)
    claims: dict[str, list[Sheet]] = {}
    for sheet in read_workbook(path):
        listed = tables_listed(sheet)
        if len(listed) >= CONTENTS:
            result.findings.append(result.finding(sheet.name, "", f"这是目录页（列出了 {len(listed)} 张表），不是决算表，已跳过。", WARNING))
            continue
        key = table_of(sheet)
        if key is None:
            _not_a_table(result, sheet)
        else:
            claims.setdefault(key, []).append(sheet)
    for key, sheets in claims.items():
        chosen = max(sheets, key=amounts_in)  # the sheet with the table's rows, not a cover or a copy of its title
        for other in (s for s in sheets if s is not chosen):
            result.findings.append(result.finding(other.name, "", f"“{BY_KEY[key].title}”有两个工作表：导入了金额多的“{chosen.name}”"
                                                                  f"（{amounts_in(chosen)} 个），这个工作表（{amounts_in(other)} 个）未导入。请核对。"))
        _read_sheet(result, chosen, key)
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


def tables_listed(sheet: Sheet) -> set[str]:
    """The tables whose titles a sheet's cells name anywhere (a 目录 sheet names them all; a table only itself)."""
    texts = {sheet.text(r, c) for r in range(len(sheet.rows)) for c in range(sheet.width)}
    return {key for key in (identify(t) or identify_code(t) for t in texts if "表" in t and len(t) <= 60) if key}


def amounts_in(sheet: Sheet) -> int:
    """How many cells of a sheet hold an amount: a number, or text that reads as one (“2,940.05”)."""
    return sum(1 for row in sheet.rows for v in row if reads_as_amount(v))


def _not_a_table(result: Read, sheet: Sheet) -> None:
    """A sheet that is none of the nine tables: skipped, and said so when it holds numbers."""
    if amounts_in(sheet):
        result.findings.append(result.finding(sheet.name, "", "这个工作表不是九张部门决算表之一（按表名和表头都认不出），未导入。", WARNING))


def _read_sheet(result: Read, sheet: Sheet, key: str) -> None:
    """One sheet of one of the nine tables into the grid."""
    result.sheets[key] = sheet.name
    for cell in sheet.uncached:
        result.findings.append(result.finding(sheet.name, cell, "这个单元格是公式，但文件里没有保存它的计算结果（工作簿可能由程序生成、"
                                                                "没有在 Excel 中打开过），读不到数字。请在 Excel 或 WPS 中打开后保存，再导入。"))
    unit = unit_of(sheet)
    if unit is None:
        unit = "万元"
        result.findings.append(result.finding(sheet.name, "", "表头没有写金额单位（“单位：万元”或“金额单位：元”），按万元导入。请核对。", WARNING))
    result.units[key] = unit
    year, maker = year_of(sheet), maker_of(sheet)
    if year:
        result.years.append(year)
    if maker:
        result.makers.append(maker)
    before = len(result.findings)
    layouts.READERS[BY_KEY[key].kind](result, sheet, BY_KEY[key], unit)
    if key not in result.grid and len(result.findings) == before and amounts_in(sheet):
        result.findings.append(result.finding(sheet.name, "", f"认出这是“{BY_KEY[key].title}”，但一个金额也没读出来：表头里找不到"
                                                              "“项目”或“科目编码”和“决算数”等栏目。请对照官方格式核对表头后再导入。"))
