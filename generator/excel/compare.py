"""Differences between a workbook's grid and the grid a year's facts give, cell by cell."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import takewhile
from typing import Any, Optional

from generator.constants import ZERO
from generator.excel.found import Place, Read
from generator.excel.shapes import BY_KEY, FUND_TABLES, TOTAL, Grid
from generator.figures.sums import gap, within_rounding


@dataclass
class Difference:
    """One cell where the workbook and the facts disagree (a row the workbook lacks has no place)."""

    table: str
    row: str
    col: str
    got: Optional[Decimal]
    want: Decimal
    place: Optional[Place]
    rounding: bool = False  # a 万元 table's 类/款 or 合计 cell off its items' sum by no more than their rounding

    @property
    def title(self) -> str:
        """The table's title."""
        return BY_KEY[self.table].title

    @property
    def label(self) -> str:
        """The row as the table names it (年末:一般公共预算 → 年末一般公共预算财政拨款结转和结余)."""
        side, _, fund = self.row.partition(":")
        if fund:
            return f"{fund}财政拨款收入" if side == "收入" else f"{side}{fund}财政拨款结转和结余"
        return {"年初合计": "年初财政拨款结转和结余", "年末合计": "年末财政拨款结转和结余"}.get(self.row, self.row)

    @property
    def column(self) -> str:
        """The column as the table names it (公务接待费:预算数 → 公务接待费预算数)."""
        return self.col.replace(":", "")


def differences(read: Read, expected: Grid) -> list[Difference]:
    """Every cell of the workbook's tables that differs from the facts, and every non-zero row the workbook lacks (a 元
    workbook is read to the 分, so its cells compare exactly too)."""
    out = []
    for table in read.sheets:
        got_rows, want_rows = read.grid.get(table, {}), expected.get(table, {})
        for row in sorted(set(got_rows) | set(want_rows)):
            for col in sorted(set(got_rows.get(row, {})) | set(want_rows.get(row, {}))):
                got, want = got_rows.get(row, {}).get(col), want_rows.get(row, {}).get(col)
                if (want is None and col in want_rows.get(row, {})) or (table, row, col) in read.unreadable:
                    continue  # the facts leave it unknown (no split written): nothing to compare
                if gap(got or ZERO, want or ZERO) > 0:
                    place = read.places.get((table, row, col))
                    if place is not None or want:
                        rounding = read.units.get(table) == "万元" and got is not None and want is not None \
                            and within_rounding(got, want, _rounded_items(want_rows, row, col))
                        out.append(Difference(table, row, col, got, want or ZERO, place, rounding))
    return out


def _rounded_items(rows: dict[str, Any], row: str, col: str) -> int:
    """How many printed amounts a cell adds up: the codes under a 类/款 or 合计 row; for a total of named rows (本年收入合计,
    总计, 年末结转和结余 …) at most the non-zero cells above it in its column, which it is made from."""
    if row.isdigit() or row == TOTAL:
        return len(_items_under(rows, row))
    if "合计" in row or "总计" in row or row.startswith("年末"):
        above = takewhile(lambda key: key != row, rows) if row in rows else iter(())
        return sum(1 for key in above if rows[key].get(col))
    return 0


def _items_under(rows: dict[str, Any], row: str) -> list[str]:
    """The item rows a 类/款 row (or the 合计 row) adds up: the codes under it that no other code extends."""
    codes = [key for key in rows if key.isdigit()]
    under = [code for code in codes if len(code) > len(row) and (code.startswith(row) or not row.isdigit())]
    return [code for code in under if not any(other != code and other.startswith(code) for other in codes)]


def yaml_path(data: Any, diff: Difference) -> tuple:
    """The year file's value path behind a table cell (the nearest one that exists)."""
    data = data if isinstance(data, dict) else {}
    row = diff.row
    if diff.table == "三公":
        part, _, measure = diff.col.partition(":")
        return ("三公经费", part, measure)
    if diff.table == "基本支出":
        return _entry(data, "基本支出明细", row) or ("基本支出明细",)
    if row.isdigit():
        fund = next((f for f, t in FUND_TABLES.items() if t == diff.table), None)
        return _entry(data, ("支出", "科目"), row, fund) or _entry(data, "非财政拨款收入", row) \
            or _entry(data, "非财政拨款支出", row) or ("支出", "科目")
    if diff.table == "总表" and row in (data.get("收入") or {}):
        return ("收入", row)
    if row in ("年初结转和结余", "使用非财政拨款结余", "结余分配") and row in data:
        return (row,)
    return ("支出", "科目")


def _entry(data: dict, key: Any, code: str, fund: Optional[str] = None) -> Optional[tuple]:
    """The path of the first list entry whose 科目编码 falls under a code (and is of a fund, when given)."""
    keys = key if isinstance(key, tuple) else (key,)
    node: Any = data
    for k in keys:
        node = node.get(k) if isinstance(node, dict) else None
    for i, entry in enumerate(node if isinstance(node, list) else []):
        if isinstance(entry, dict) and str(entry.get("科目编码", "")).startswith(code) \
                and (fund is None or entry.get("资金性质", "一般公共预算") == fund):
            return (*keys, i)
    return None
