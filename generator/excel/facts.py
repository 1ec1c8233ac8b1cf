"""The year file's facts from a workbook's grid: 科目 lines by fund, 非财政拨款 lines, 基本支出明细, 三公 and the 总表's own rows.

Each fact is taken from the one table that holds it at the lowest level (the 项 rows); 类, 款, 合计 and the other
tables' cells are computed again from these facts and compared with the workbook (compare.py).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Optional

from generator.constants import FUNDS, ZERO
from generator.excel.shapes import AMOUNT, FUND_TABLES, SUMMARY_LEFT, TOTAL, Grid
from generator.figures.sums import add_to, remainder, total
from generator.figures.tables import PERSONNEL, PUBLIC
from generator.model.accounts import NON_FISCAL_KINDS, NON_FISCAL_SOURCES
from generator.model.matters import THREE_PUBLIC_PARTS

Cells = dict[str, dict[str, Optional[Decimal]]]
NIL = Decimal("0.00")  # a blank cell, written as 0.00 like the amounts beside it
THREE_PARTS = [key for _, key in THREE_PUBLIC_PARTS]
NON_FISCAL_INCOME = [key for _, key in NON_FISCAL_SOURCES]
NON_FISCAL_SPENDING = [key for _, key in NON_FISCAL_KINDS]


def value(cells: Cells, row: str, col: str) -> Decimal:
    """An amount of the grid, 0.00 when blank or absent."""
    return cells.get(row, {}).get(col) or NIL


def leaves(cells: Cells) -> list[str]:
    """The lowest code rows of a table: codes no other row's code extends (项, or a 款/类 listed without its 项)."""
    codes = sorted(k for k in cells if k.isdigit())
    return [c for c in codes if not any(o != c and o.startswith(c) for o in codes)]


def year_facts(grid: Grid) -> dict[str, Any]:
    """The year file's facts (plain YAML data, Chinese keys, amounts in 万元) from the grid."""
    lines = _fiscal_lines(grid)
    data: dict[str, Any] = {}
    summary = grid.get("总表", {})
    stated = {k: value(summary, k, AMOUNT) for k in SUMMARY_LEFT}
    if "总表" in grid and ("收入" not in grid or income_differs(grid, lines)):
        data["收入"] = {k: v for k, v in stated.items() if v}
    for key in ("年初结转和结余", "使用非财政拨款结余", "结余分配"):
        if value(summary, key, AMOUNT):
            data[key] = value(summary, key, AMOUNT)
    start = value(grid.get("财政拨款总表", {}), "年初:一般公共预算", AMOUNT)
    if start or ("财政拨款总表" in grid and "年初结转和结余" in data):
        data["一般公共预算财政拨款年初结转和结余"] = start  # written as 0 too, lest the 年初结转和结余 be taken for it
    data["支出"] = {"科目": lines}
    data.update(_non_fiscal(grid, lines))
    economic = grid.get("基本支出", {})
    data["基本支出明细"] = [{"科目编码": c, "决算数": value(economic, c, AMOUNT)} for c in leaves(economic)
                        if len(c) == 5 and value(economic, c, AMOUNT)]
    if "三公" in grid:
        data["三公经费"] = _three(grid["三公"].get(TOTAL, {}))
    data["支出"].update(_spending_totals(grid.get("支出", {})))
    written = _economic_totals(economic)
    if written:
        data["经济分类"] = {key: {"金额": amount} for key, amount in written.items()}
    return data


def _spending_totals(cells: Cells) -> dict[str, Decimal]:
    """支出决算表's printed 基本支出 and 项目支出 totals, when either differs from its 类 rows added up: the system's
    totals, kept in 元, are then written as printed."""
    if TOTAL not in cells:
        return {}
    printed = {key: value(cells, TOTAL, key) for key in ("基本支出", "项目支出")}
    summed = {key: total(value(cells, c, key) for c in cells if c.isdigit() and len(c) == 3) for key in printed}
    return printed if printed != summed else {}


def _economic_totals(cells: Cells) -> dict[str, Decimal]:
    """Table 6's printed 人员经费 and 公用经费 totals, when either differs from its 款 rows added up (as above)."""
    if "人员经费合计" not in cells:
        return {}
    printed = {key: value(cells, f"{key}合计", AMOUNT) for key in ("人员经费", "公用经费")}
    classes = {"人员经费": PERSONNEL, "公用经费": PUBLIC}
    summed = {key: total(value(cells, c, AMOUNT) for c in leaves(cells) if len(c) == 5 and c[:3] in classes[key]) for key in printed}
    return printed if printed != summed else {}


def _fiscal_lines(grid: Grid) -> list[dict[str, Any]]:
    """支出.科目: the 一般公共预算 lines (with their 收入数 when it differs), then the fund lines."""
    general, income = grid.get("一般公共预算支出", {}), grid.get("收入", {})
    fund_lines = []
    fund_income: dict[str, Decimal] = {}
    for fund, table in FUND_TABLES.items():
        cells = grid.get(table, {})
        for code in leaves(cells):
            line: dict[str, Any] = {"科目编码": code, "资金性质": fund}
            if value(cells, code, "年初结转和结余"):
                line["年初结转和结余"] = value(cells, code, "年初结转和结余")
            line.update({"基本支出": value(cells, code, "基本支出"), "项目支出": value(cells, code, "项目支出")})
            if value(cells, code, "本年收入") != total([line["基本支出"], line["项目支出"]]):
                line["收入数"] = value(cells, code, "本年收入")
            add_to(fund_income, code, value(cells, code, "本年收入"))
            fund_lines.append(line)
    received_only = {c for c in leaves(income) if value(income, c, "财政拨款收入") > fund_income.get(c, ZERO)}
    general_lines = []
    for code in sorted(set(leaves(general)) | received_only):
        line = _general_line(general, code)
        if income:
            received = remainder(value(income, code, "财政拨款收入"), fund_income.get(code, ZERO))
            if received != _spent(line) and received >= 0:
                line["收入数"] = received
        general_lines.append(line)
    return general_lines + fund_lines


def detail_income(grid: Grid, lines: list[dict[str, Any]]) -> dict[str, Decimal]:
    """Income by the 总表's eight sources as the 科目 lines and the 收入决算表's other columns give it."""
    out = dict.fromkeys(SUMMARY_LEFT, ZERO)
    for line in lines:
        fund = line.get("资金性质", FUNDS[0])
        add_to(out, SUMMARY_LEFT[FUNDS.index(fund)], line.get("收入数", _spent(line)))
    income = grid.get("收入", {})
    for code in leaves(income):
        for key in NON_FISCAL_INCOME:
            add_to(out, key, value(income, code, key))
    return out


def income_differs(grid: Grid, lines: list[dict[str, Any]]) -> list[str]:
    """The 总表 income rows that differ from what the detail gives (their 收入 is then written as the 总表 says)."""
    detail = detail_income(grid, lines)
    return [k for k in SUMMARY_LEFT if value(grid.get("总表", {}), k, AMOUNT) != detail[k]]


def _general_line(general: Cells, code: str) -> dict[str, Any]:
    """An 一般公共预算 line: its 基本支出 and 项目支出, or only its 决算数 when the table gives no split."""
    basic, project = general.get(code, {}).get("基本支出"), general.get(code, {}).get("项目支出")
    if basic is None and project is None and value(general, code, TOTAL):
        return {"科目编码": code, "决算数": value(general, code, TOTAL)}
    return {"科目编码": code, "基本支出": basic or NIL, "项目支出": project or NIL}


def _spent(line: dict[str, Any]) -> Decimal:
    """A line's 决算数: as written, else 基本支出 + 项目支出."""
    return line["决算数"] if "决算数" in line else total([line["基本支出"], line["项目支出"]])


def _non_fiscal(grid: Grid, lines: list[dict[str, Any]]) -> dict[str, Any]:
    """非财政拨款收入 and 非财政拨款支出 by code: the 收入决算表's other sources, the 支出决算表 less 财政拨款."""
    out: dict[str, Any] = {}
    income, spending = grid.get("收入", {}), grid.get("支出", {})
    rows = [{"科目编码": c, **{k: value(income, c, k) for k in NON_FISCAL_INCOME if value(income, c, k)}} for c in leaves(income)]
    out["非财政拨款收入"] = [r for r in rows if len(r) > 1]
    fiscal: dict[str, dict[str, Decimal]] = {"基本支出": {}, "项目支出": {}}
    for line in lines:
        for key, by_code in fiscal.items():
            add_to(by_code, line["科目编码"], line.get(key, ZERO))
    spent = []
    for code in leaves(spending):
        row: dict[str, Any] = {"科目编码": code}
        for key, by_code in fiscal.items():
            rest = remainder(value(spending, code, key), by_code.get(code, ZERO))
            if rest > 0:
                row[key] = rest
        row.update({k: value(spending, code, k) for k in NON_FISCAL_SPENDING if value(spending, code, k)})
        if len(row) > 1:
            spent.append(row)
    out["非财政拨款支出"] = spent
    return out


def _three(cells: dict[str, Optional[Decimal]]) -> dict[str, Any]:
    """三公经费: budget (when the table has the column) and actual of each category, a blank cell 0.00."""
    out: dict[str, Any] = {}
    for part in THREE_PARTS:
        entry: dict[str, Any] = {}
        if f"{part}:预算数" in cells:  # a blank budget is 0.00, as a blank 决算数 is (a table without the column gives none)
            entry["预算数"] = cells[f"{part}:预算数"] or NIL
        entry["决算数"] = cells.get(f"{part}:决算数") or NIL
        out[part] = entry
    return out

