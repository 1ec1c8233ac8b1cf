"""The nine 部门决算表 of the national layout, computed from the detail lines (numbers only; names come later)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar, Optional, TypeVar

from generator.constants import FUNDS, ZERO
from generator.figures.columns import (
    FUND_FIELDS,
    Columns,
    FiscalColumns,
    FundColumns,
    GeneralColumns,
    IncomeColumns,
    SpendingColumns,
)
from generator.model import Year
from generator.model.accounts import INCOME_SOURCES, NON_FISCAL_KINDS, NON_FISCAL_SOURCES
from generator.pending import zero_of

# The 26 expenditure classes the 收入支出决算总表 lists, in order (as the 2024 published tables do).
CLASSES = ["201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213",
           "214", "215", "216", "217", "219", "220", "221", "222", "223", "224", "229", "231", "232", "234"]
PERSONNEL, PUBLIC = ("301", "303"), ("302", "310")
FISCAL_ZERO = FiscalColumns(ZERO, ZERO, ZERO, ZERO)
C = TypeVar("C", IncomeColumns, SpendingColumns, GeneralColumns, FundColumns)  # one table's columns


def add(a: Optional[Decimal], b: Optional[Decimal]) -> Optional[Decimal]:
    """a + b, unknown when either is unknown."""
    return None if a is None or b is None else a + b


def add_all(rows: Sequence[Columns], kind: type[C], start: Decimal = ZERO) -> C:
    """Column sums of rows of one table (from ``start``: pending when its lines are not yet written)."""
    total: list[Optional[Decimal]] = [start] * len(kind._fields)
    for row in rows:
        total = [add(x, y) for x, y in zip(total, row)]
    return kind._make(total)


@dataclass
class Row:
    """A table row: a functional code at its level (1 类, 2 款, 3 项) and its column values."""

    LABELS: ClassVar[dict[str, str]] = {
        "code": "科目编码",
        "level": "科目级次：1 类、2 款、3 项",
        "values": "各栏金额（万元，未知时为空），按栏名取用",
    }

    code: str
    level: int
    values: Columns


def hierarchy(leaves: dict[str, C], kind: type[C]) -> list[Row]:
    """Rows for 类, 款 and 项 in code order, each 类 and 款 the sum of the lines below it."""
    sums: dict[str, C] = {}
    zeros = kind._make([ZERO] * len(kind._fields))
    for code, values in leaves.items():
        for prefix in {code[:3], code[:5], code}:
            sums[prefix] = add_all([sums.get(prefix, zeros), values], kind)
    level = {3: 1, 5: 2, 7: 3}
    return [Row(code, level[len(code)], sums[code]) for code in sorted(sums)]


def _merge(leaves: dict[str, C], code: str, values: C) -> None:
    """Add a line's values to its code's leaf."""
    leaves[code] = add_all([leaves[code], values], type(values)) if code in leaves else values


def income_leaves(year: Year) -> dict[str, IncomeColumns]:
    """收入决算表 lines by code."""
    leaves: dict[str, IncomeColumns] = {}
    for line in year.expenditure.lines:
        fiscal = line.income if line.income is not None else line.actual
        _merge(leaves, line.code, IncomeColumns(fiscal, fiscal, ZERO, ZERO, ZERO, ZERO, ZERO))
    for n in year.non_fiscal_income:
        parts = [getattr(n, k) for k, _ in NON_FISCAL_SOURCES]
        _merge(leaves, n.code, IncomeColumns(sum(parts, ZERO), ZERO, *parts))
    return leaves


def spending_leaves(year: Year) -> dict[str, SpendingColumns]:
    """支出决算表 lines by code."""
    leaves: dict[str, SpendingColumns] = {}
    for line in year.expenditure.lines:
        _merge(leaves, line.code, SpendingColumns(line.actual, line.basic, line.project, ZERO, ZERO, ZERO))
    for n in year.non_fiscal_spending:
        parts = [n.basic, n.project, *(getattr(n, k) for k, _ in NON_FISCAL_KINDS)]
        _merge(leaves, n.code, SpendingColumns(sum(parts, ZERO), *parts))
    return leaves


def fund_leaves(year: Year, fund: str) -> dict[str, FundColumns]:
    """A fund's table lines by code."""
    leaves: dict[str, FundColumns] = {}
    for line in year.expenditure.lines:
        if line.fund == fund:
            income = line.income if line.income is not None else line.actual
            end = line.carryover + income - line.actual
            _merge(leaves, line.code, FundColumns(line.carryover, income, line.actual, line.basic, line.project, end))
    return leaves


@dataclass
class Tables:
    """The nine tables' numbers."""

    LABELS: ClassVar[dict[str, str]] = {
        "income_sources": "收入决算表各来源的金额（按收入来源的顺序）",
        "income_total": "本年收入合计（万元）",
        "class_spending": "各类（3 位编码）的本年支出（万元）",
        "spending_total": "本年支出合计（万元）",
        "carryover": "年初结转和结余（万元）",
        "surplus_used": "使用非财政拨款结余（万元）",
        "surplus_distributed": "结余分配（万元）",
        "income": "收入决算表的行（Row）",
        "spending": "支出决算表的行（Row）",
        "fiscal_income": "各类财政拨款的本年收入：资金性质 → 万元",
        "fiscal_class": "财政拨款支出按类：类编码 → 各栏（合计、三类资金）",
        "fiscal_start": "各类财政拨款的年初结转和结余：资金性质 → 万元",
        "general": "一般公共预算财政拨款支出决算表的行（Row）",
        "economic": "基本支出按经济分类科目：编码 → 万元",
        "funds": "政府性基金、国有资本经营预算支出表的行：资金性质 → 行（Row）",
        "end_carryover": "年末结转和结余 = 年初 + 收入 + 使用非财政拨款结余 − 支出 − 结余分配（万元）",
        "grand_total": "收入支出决算总表的总计（万元）",
        "fiscal_grand": "财政拨款收入支出总计：财政拨款收入 + 年初财政拨款结转和结余（万元）",
        "fiscal_end": "年末财政拨款结转和结余：资金性质 → 万元",
        "personnel": "人员经费合计（301、303，万元）",
        "spent_from": "支出合计的起点：0；草稿里还没有写科目时为待补充",
        "public": "公用经费合计（302、310，万元）",
    }

    income_sources: list[Decimal]
    income_total: Decimal
    class_spending: dict[str, Decimal]
    spending_total: Decimal
    carryover: Decimal
    surplus_used: Decimal
    surplus_distributed: Decimal
    income: list[Row]
    spending: list[Row]
    fiscal_income: dict[str, Decimal]
    fiscal_class: dict[str, FiscalColumns]
    fiscal_start: dict[str, Decimal]
    general: list[Row]
    economic: dict[str, Decimal]
    funds: dict[str, list[Row]]
    spent_from: Decimal = ZERO

    @property
    def end_carryover(self) -> Decimal:
        """年末结转和结余 = 年初 + 收入 + 使用非财政拨款结余 − 支出 − 结余分配."""
        return self.carryover + self.income_total + self.surplus_used - self.spending_total - self.surplus_distributed

    @property
    def grand_total(self) -> Decimal:
        """总计 (both sides)."""
        return self.income_total + self.surplus_used + self.carryover

    @property
    def fiscal_grand(self) -> Decimal:
        """财政拨款收入支出总计: 财政拨款收入 + 年初财政拨款结转和结余."""
        return sum(self.fiscal_income.values(), ZERO) + sum(self.fiscal_start.values(), ZERO)

    @property
    def fiscal_end(self) -> dict[str, Decimal]:
        """年末财政拨款结转和结余 by fund."""
        return {f: self.fiscal_start[f] + self.fiscal_income[f] - self.fiscal_class_total(f) for f in FUNDS}

    def fiscal_class_total(self, fund: str) -> Decimal:
        """财政拨款支出 of a fund, all classes."""
        return sum((getattr(v, FUND_FIELDS[fund]) for v in self.fiscal_class.values()), self.spent_from)

    @property
    def personnel(self) -> Decimal:
        """人员经费合计 (301 + 303)."""
        return sum((v for c, v in self.economic.items() if c[:3] in PERSONNEL and len(c) == 5), ZERO)

    @property
    def public(self) -> Decimal:
        """公用经费合计 (302 + 310)."""
        return sum((v for c, v in self.economic.items() if c[:3] in PUBLIC and len(c) == 5), ZERO)


SOURCE_KEYS = [name for name, _ in INCOME_SOURCES]


def income_sources(year: Year) -> list[Decimal]:
    """Income by the eight sources of the 总表: as written under 收入, else from the detail lines."""
    written = year.income
    if any(getattr(written, k) for k in SOURCE_KEYS):
        return [getattr(written, k) for k in SOURCE_KEYS]
    return detail_sources(year)


def _sources(year: Year) -> tuple[list[Decimal], dict[str, Decimal]]:
    """Income by source, and 财政拨款 income by fund."""
    sources = income_sources(year)
    return sources, dict(zip(FUNDS, sources[:3]))


def _fiscal_by_class(year: Year) -> dict[str, FiscalColumns]:
    """财政拨款支出 by 类: 合计 and each fund."""
    out: dict[str, FiscalColumns] = {}
    for line in year.expenditure.lines:
        row = out.get(line.code[:3], FISCAL_ZERO)
        field = FUND_FIELDS[line.fund]
        out[line.code[:3]] = row._replace(total=row.total + line.actual, **{field: getattr(row, field) + line.actual})
    return out


def fiscal_start(year: Year) -> dict[str, Decimal]:
    """年初财政拨款结转和结余 by fund: from the code lines (一般公共预算 as a whole when written so), else the whole 年初结转和结余."""
    start = {f: sum((l.carryover for l in year.expenditure.lines if l.fund == f), ZERO) for f in FUNDS}
    if year.general_carryover is not None:
        start["一般公共预算"] = year.general_carryover
    elif not any(start.values()) and not year.non_fiscal_income and not year.non_fiscal_spending:
        start["一般公共预算"] = year.carryover
    return start


def compute_tables(year: Year) -> Tables:
    """All nine tables of a year."""
    income_rows = hierarchy(income_leaves(year), IncomeColumns)
    spending_rows = hierarchy(spending_leaves(year), SpendingColumns)
    sources, fiscal = _sources(year)
    general = {c: GeneralColumns(v.total, v.basic, v.project) for c, v in fund_leaves(year, "一般公共预算").items()}
    economic: dict[str, Decimal] = {}
    for line in year.economic_lines:
        for prefix in (line.code[:3], line.code):
            economic[prefix] = economic.get(prefix, ZERO) + line.actual
    start, spent_from = fiscal_start(year), zero_of(year.expenditure.lines)
    tables = Tables(
        income_sources=sources, income_total=sum(sources, ZERO),
        class_spending={r.code: r.values.total or ZERO for r in spending_rows if r.level == 1},
        spending_total=sum((r.values.total or ZERO for r in spending_rows if r.level == 1), spent_from),
        carryover=year.carryover, surplus_used=year.surplus_used, surplus_distributed=year.surplus_distributed,
        income=income_rows, spending=spending_rows, fiscal_income=fiscal, fiscal_class=_fiscal_by_class(year),
        fiscal_start=start, general=hierarchy(general, GeneralColumns), economic=economic,
        funds={f: hierarchy(fund_leaves(year, f), FundColumns) for f in FUNDS[1:]}, spent_from=spent_from,
    )
    return tables


def detail_sources(year: Year) -> list[Decimal]:
    """Income by source as the detail lines alone give it."""
    fiscal = dict.fromkeys(FUNDS, ZERO)
    for line in year.expenditure.lines:
        fiscal[line.fund] += line.income if line.income is not None else line.actual
    nf = [sum((getattr(n, k) for n in year.non_fiscal_income), ZERO) for k, _ in NON_FISCAL_SOURCES]
    return [fiscal[f] for f in FUNDS] + nf
