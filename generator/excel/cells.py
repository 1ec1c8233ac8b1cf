"""One worksheet's layout: its title, amount unit, header paths by column, and cell values as 万元 amounts."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Optional

from generator.excel.shapes import normalized
from generator.excel.workbook import Sheet
from generator.model.types import YUAN_PER_WAN

CENT = Decimal("0.01")
FEN = Decimal("0.000001")  # one 分 in 万元
DASHES = {"-", "--", "—", "——", "－", "/", "—-"}
MAKER = re.compile(r"编制单位[:：](.*?)(?:金额单位|单位[:：]|$)")
UNIT = re.compile(r"单位[:：]\s*(万元|元)")
YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
HEAD_ROWS = 8  # titles, 编制单位 and 金额单位 lines sit above the header


class NotAmount(ValueError):
    """A cell that should hold an amount holds something else."""


def title_lines(sheet: Sheet) -> list[str]:
    """The texts of the sheet's first rows, one per distinct non-empty cell, in reading order."""
    seen: list[str] = []
    for r in range(min(HEAD_ROWS, len(sheet.rows))):
        for c in range(sheet.width):
            text = sheet.text(r, c)
            if text and text not in seen and not _is_number(sheet.value(r, c)):
                seen.append(text)
    return seen


def unit_of(sheet: Sheet) -> Optional[str]:
    """万元 or 元, as the sheet's 金额单位 line states it, or None when it states none."""
    for text in title_lines(sheet):
        found = UNIT.search(text)
        if found:
            return found.group(1)
    return None


def year_of(sheet: Sheet) -> Optional[int]:
    """The year the sheet's title or 编制单位 line names (2024年度 …), or None."""
    for text in title_lines(sheet):
        found = YEAR.search(text)
        if found:
            return int(found.group(1))
    return None


def maker_of(sheet: Sheet) -> Optional[str]:
    """The unit the sheet's 编制单位 line names, or None."""
    for text in title_lines(sheet):
        found = MAKER.search(text)
        if found and found.group(1):
            return found.group(1)
    return None


HEADER_DEPTH = 20  # rows a table's header may take: the deepest among the fixture workbooks (公开07表) takes 10


def header_paths(sheet: Sheet, top: int, bottom: int) -> list[list[str]]:
    """Each column's header texts from row top to bottom (exclusive; at most HEADER_DEPTH rows), normalized, repeats
    of merged cells removed."""
    rows = [r for r in range(top, min(bottom, top + HEADER_DEPTH)) if not is_counter_row(sheet, r)]
    paths: list[list[str]] = []
    for c in range(sheet.width):
        path: list[str] = []
        for r in rows:
            text = normalized(sheet.text(r, c))
            if text and (not path or path[-1] != text):
                path.append(text)
        paths.append(path)
    return paths


def is_counter_row(sheet: Sheet, row: int) -> bool:
    """Whether a row is the 栏次 row (1, 2, 3 … under the headers)."""
    return any(sheet.text(row, c) == "栏次" for c in range(sheet.width))


NOTE = re.compile(r"^(注|说明|备注|填表说明)\d*[:：．.、]")


def is_note(sheet: Sheet, row: int) -> bool:
    """Whether a row is a note under a table: its first text starts with 注：, 说明：, 备注：."""
    first = next((sheet.text(row, c) for c in range(sheet.width) if sheet.text(row, c)), "")
    return bool(NOTE.match(first))


def reads_as_amount(value: Any) -> bool:
    """Whether a cell holds an amount: a number, or text that reads as one (“2,940.05”)."""
    try:
        return amount(value, "万元") is not None
    except NotAmount:
        return False


def amount(value: Any, unit: str) -> Optional[Decimal]:
    """A cell's amount in 万元, to the 分 the cell holds; None for a blank cell; NotAmount for text that is no number."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise NotAmount(str(value))
    if isinstance(value, (int, float)):
        number = Decimal(str(value))
    else:
        text = "".join(str(value).split()).replace(",", "").replace("，", "")
        if text == "":
            return None
        if text in DASHES:
            return Decimal("0.00")
        try:
            number = Decimal(text)
        except InvalidOperation as exc:
            raise NotAmount(str(value).strip()) from exc
        if not number.is_finite():
            raise NotAmount(str(value).strip())
    # kept to the 分: 万元 with up to six decimals, two when the cell holds whole hundreds of 元 (a 万元 cell shown with two
    # decimals may hold the system's 元 behind them: 1931.9351)
    wan = (number / YUAN_PER_WAN if unit == "元" else number).quantize(FEN, rounding=ROUND_HALF_UP)
    return wan.quantize(CENT) if wan == wan.quantize(CENT) else wan.normalize()


def _is_number(value: Any) -> bool:
    """Whether a cell holds a number (not text)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def code_in(text: str) -> Optional[str]:
    """A 3-, 5- or 7-digit classification code at the start of a cell's text (201, 20101, 2010101 行政运行), or None."""
    found = re.match(r"^(\d{7}|\d{5}|\d{3})(?!\d)", "".join(text.split()))
    return found.group(1) if found else None
