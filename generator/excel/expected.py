"""A year's nine tables as a keyed grid (shapes.Grid): what its workbook should hold, cell by cell."""
from __future__ import annotations

from decimal import Decimal
from typing import Optional

from generator.constants import FUNDS, ZERO
from generator.excel.shapes import (
    AMOUNT,
    BY_KEY,
    FISCAL_COLUMNS,
    SUMMARY_LEFT,
    TOTAL,
    VEHICLES,
    Grid,
)
from generator.figures.columns import FUND_FIELDS, Columns, FundColumns, GeneralColumns, IncomeColumns, SpendingColumns
from generator.figures.national import basic_spending, economic_printed, fiscal_summary, level1_total, spending_table_total
from generator.figures.tables import CLASSES, FISCAL_ZERO, C, Row, Tables, compute_tables
from generator.figures.year import compute
from generator.model import Year
from generator.model.matters import THREE_PUBLIC_PARTS

Cells = dict[str, dict[str, Optional[Decimal]]]


def expected_grid(year: Year) -> Grid:
    """Every table's cells as the year's facts give them."""
    t = compute_tables(year)
    return {
        "总表": _summary(t), "财政拨款总表": _fiscal(t),
        "收入": _coded(t.income, "收入", IncomeColumns), "支出": {**_coded(t.spending, "支出", SpendingColumns), TOTAL: _cells("支出", spending_table_total(year, t))},
        "一般公共预算支出": _coded(t.general, "一般公共预算支出", GeneralColumns),
        "基本支出": _economic(year, t), "三公": {TOTAL: _three(year)},
        "政府性基金": _coded(t.funds["政府性基金预算"], "政府性基金", FundColumns),
        "国有资本经营": _coded(t.funds["国有资本经营预算"], "国有资本经营", FundColumns),
    }


def _one(value: Optional[Decimal]) -> dict[str, Optional[Decimal]]:
    """A row of the one-amount column."""
    return {AMOUNT: value}


def _summary(t: Tables) -> Cells:
    """收入支出决算总表."""
    rows = {label: _one(v) for label, v in zip(SUMMARY_LEFT, t.income_sources)}
    rows.update({"本年收入合计": _one(t.income_total), "使用非财政拨款结余": _one(t.surplus_used),
                 "年初结转和结余": _one(t.carryover), "收入总计": _one(t.grand_total)})
    rows.update({code: _one(t.class_spending.get(code, ZERO)) for code in CLASSES})
    rows.update({"本年支出合计": _one(t.spending_total), "结余分配": _one(t.surplus_distributed),
                 "年末结转和结余": _one(t.end_carryover), "支出总计": _one(t.grand_total)})
    return rows


def _fiscal(t: Tables) -> Cells:
    """财政拨款收入支出决算总表: income and 年初 by fund on the left, spending by 类 and fund and 年末 on the right."""
    totals = fiscal_summary(t)
    rows: Cells = {f"收入:{f}": _one(t.fiscal_income[f]) for f in FUNDS}
    rows["本年收入合计"] = _one(totals["fiscal_income_total"])
    rows["年初合计"] = _one(totals["fiscal_start_total"])
    rows.update({f"年初:{f}": _one(t.fiscal_start[f]) for f in FUNDS})
    rows["收入总计"] = _one(t.fiscal_grand)
    classes = {code: t.fiscal_class.get(code, FISCAL_ZERO) for code in CLASSES}
    rows.update({code: {TOTAL: v.total, **{f: getattr(v, FUND_FIELDS[f]) for f in FUNDS}} for code, v in classes.items()})
    rows["本年支出合计"] = dict(zip(FISCAL_COLUMNS, [totals["fiscal_spending_total"], *totals["fiscal_totals"]]))
    rows["年末合计"] = {TOTAL: totals["fiscal_end_total"]}
    rows.update({f"年末:{f}": {TOTAL: t.fiscal_end[f]} for f in FUNDS})
    rows["支出总计"] = {TOTAL: totals["fiscal_spending_grand"]}
    return rows


def _cells(table: str, values: Columns) -> dict[str, Optional[Decimal]]:
    """One row of a 功能分类 table, each column by its name."""
    return {c.key: getattr(values, c.field) for c in BY_KEY[table].columns}


def _coded(rows: list[Row], table: str, kind: type[C]) -> Cells:
    """A table of 功能分类 rows and its 合计 row (the sum of its 类 rows), each column by its name."""
    return {TOTAL: _cells(table, level1_total(rows, kind)), **{row.code: _cells(table, row.values) for row in rows}}


def _economic(year: Year, t: Tables) -> Cells:
    """一般公共预算财政拨款基本支出决算表: 类 and 款 amounts, and the 人员经费 and 公用经费 totals as printed."""
    if not year.economic_lines:  # unknown, not zero: the workbook leaves the table blank
        return {"人员经费合计": _one(None), "公用经费合计": _one(None)}
    rows = {code: _one(v) for code, v in sorted(economic_printed(year, t).items())}
    personnel, public, _ = basic_spending(year, t)
    rows["人员经费合计"] = _one(personnel)
    rows["公用经费合计"] = _one(public)
    return rows


def _three(year: Year) -> dict[str, Optional[Decimal]]:
    """财政拨款“三公”经费支出决算表's one row: budget and actual by item, the vehicles' 小计 and the 合计 (from figures)."""
    tp, figures = year.three_public, compute(year)
    cells: dict[str, Optional[Decimal]] = {}
    for name, key in THREE_PUBLIC_PARTS:
        cells[f"{key}:预算数"], cells[f"{key}:决算数"] = getattr(tp, name).budget, getattr(tp, name).actual
    vehicles = figures.three_public[1]
    cells[f"{VEHICLES}:预算数"], cells[f"{VEHICLES}:决算数"] = vehicles.budget, vehicles.amount
    cells[f"{TOTAL}:预算数"], cells[f"{TOTAL}:决算数"] = figures.three_public_budget, figures.three_public_total
    return cells
