"""Derived figures: totals, shares, rates and changes computed from the model (Decimal only)."""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from typing import Optional

from . import selfeval, tables
from .drafts import Pending, is_pending
from .model import Year

ZERO = Decimal("0")


def ratio(numerator: Optional[Decimal], denominator: Optional[Decimal]) -> Optional[Decimal]:
    """numerator / denominator as an exact fraction, None when undefined."""
    if numerator is None or not denominator:
        return None
    if is_pending(numerator) or is_pending(denominator):
        return numerator / denominator if is_pending(numerator) else denominator.__rtruediv__(numerator)
    return Decimal(numerator) / Decimal(denominator)


def total_or_none(values: list[Optional[Decimal]]) -> Optional[Decimal]:
    """The sum of values, or None when any is unknown."""
    return None if any(v is None for v in values) else sum(values, ZERO)


def shares(amounts: list[Decimal], places: int = 1) -> list[Optional[Decimal]]:
    """Percent shares of a whole, rounded so they sum to exactly 100 (largest remainder)."""
    total = sum(amounts, ZERO)
    if is_pending(total):
        return [total] * len(amounts)
    if not amounts or total <= 0 or any(a < 0 for a in amounts):
        return [None] * len(amounts)
    unit = Decimal(1).scaleb(-places)
    exact = [a * 100 / total for a in amounts]
    floors = [e.quantize(unit, rounding=ROUND_FLOOR) for e in exact]
    missing = int(((Decimal(100) - sum(floors, ZERO)) / unit).to_integral_value())
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:missing]:
        floors[i] += unit
    return floors


@dataclass
class Change:
    """A figure against last year's: the difference and the growth rate."""

    current: Decimal
    previous: Optional[Decimal]

    @property
    def delta(self) -> Optional[Decimal]:
        """current − previous, None without a previous figure."""
        return None if self.previous is None else self.current - self.previous

    @property
    def rate(self) -> Optional[Decimal]:
        """delta / previous as a fraction (absolute value; the wording carries the sign)."""
        delta = self.delta
        return None if delta is None else ratio(abs(delta), self.previous)

    @property
    def known(self) -> bool:
        """Whether last year's figure is known."""
        return self.previous is not None


@dataclass
class Part:
    """One part of a breakdown: a key, its amount and its share in percent points."""

    key: str
    amount: Decimal
    share: Optional[Decimal] = None
    budget: Optional[Decimal] = None

    @property
    def completion(self) -> Optional[Decimal]:
        """amount / budget."""
        return ratio(self.amount, self.budget)


def breakdown(items: list[tuple[str, Decimal]], budgets: Optional[list[Decimal]] = None) -> list[Part]:
    """Parts with shares that sum to 100."""
    values = shares([amount for _, amount in items])
    budgets = budgets or [None] * len(items)
    return [Part(k, a, s, b) for (k, a), s, b in zip(items, values, budgets)]


@dataclass
class CodeGroup:
    """Spending lines grouped under a 类 (class) code, with its total and share."""

    code: str
    lines: list[Part] = field(default_factory=list)
    share: Optional[Decimal] = None

    @property
    def amount(self) -> Decimal:
        """Total actual spending of the group."""
        return sum((p.amount for p in self.lines), ZERO)

    @property
    def budget(self) -> Optional[Decimal]:
        """Total budget of the group, None when a line's budget is unknown."""
        return total_or_none([p.budget for p in self.lines])


def group_lines(lines: list[Part], digits: int = 3) -> list[CodeGroup]:
    """Lines grouped by the leading digits of their code, in code order, with shares."""
    groups: "OrderedDict[str, CodeGroup]" = OrderedDict()
    for line in sorted(lines, key=lambda p: p.key):
        groups.setdefault(line.key[:digits], CodeGroup(line.key[:digits])).lines.append(line)
    result = list(groups.values())
    for group, value in zip(result, shares([g.amount for g in result])):
        group.share = value
    return result


@dataclass
class ProjectFigures:
    """A project's budget and spending totals."""

    budget: Decimal
    spent: Decimal

    @property
    def completion(self) -> Optional[Decimal]:
        """spent / budget."""
        return ratio(self.spent, self.budget)


@dataclass
class Figures:
    """Every figure the documents print that can be derived from the year's facts."""

    income_parts: list[Part]
    income_total: Decimal
    fiscal_income: Decimal
    fiscal_total: Decimal
    expenditure_total: Decimal
    budget_total: Optional[Decimal]
    spending_kind: list[Part]
    fund_spending: dict[str, Decimal]
    general_budget: Decimal
    general_budget_budget: Optional[Decimal]
    general_budget_initial: Decimal
    general_budget_share: Optional[Decimal]
    classes: list[CodeGroup]
    fiscal_end: Decimal
    economic_total: Decimal
    capital_total: Decimal
    three_public: list[Part]
    three_public_total: Decimal
    three_public_budget: Decimal
    operating: Decimal
    procurement_total: Decimal
    vehicles_total: int
    projects: list[ProjectFigures]
    changes: dict[str, Change]
    self_eval: Optional["selfeval.SelfEvalFigures"] = None

    @property
    def completion(self) -> Optional[Decimal]:
        """Total actual / total budget."""
        return ratio(self.expenditure_total, self.budget_total)

    @property
    def general_budget_completion(self) -> Optional[Decimal]:
        """一般公共预算 actual / budget."""
        return ratio(self.general_budget, self.general_budget_budget)

    @property
    def three_public_completion(self) -> Optional[Decimal]:
        """“三公” actual / budget."""
        return ratio(self.three_public_total, self.three_public_budget)


INCOME_KEYS = ["general_budget", "government_fund", "state_capital", "higher_subsidy",
               "business", "operating", "affiliated", "other"]


def compute(year: Year) -> Figures:
    """All derived figures of one year."""
    sources = tables.income_sources(year)
    income = list(zip(INCOME_KEYS, sources))
    income_total = sum(sources, ZERO)
    fiscal_income = sum(sources[:3], ZERO)
    fiscal_total = fiscal_income + sum(tables.fiscal_start(year).values(), ZERO)
    lines = year.expenditure.lines
    expenditure_total = sum((l.actual for l in lines), ZERO)
    fund_spending = _by_fund(year)
    general_lines = [Part(l.code, l.actual, None, l.budget) for l in lines if l.fund == "一般公共预算"]
    general_budget = fund_spending.get("一般公共预算", ZERO)
    tp = year.three_public
    tp_items = [("abroad", tp.abroad.actual),
                ("vehicles", tp.vehicle_purchase.actual + tp.vehicle_operation.actual),
                ("reception", tp.reception.actual)]
    tp_budgets = [tp.abroad.budget, tp.vehicle_purchase.budget + tp.vehicle_operation.budget,
                  tp.reception.budget]
    return Figures(
        income_parts=breakdown([x for x in income if x[1]]),
        income_total=income_total,
        fiscal_income=fiscal_income,
        fiscal_total=fiscal_total,
        expenditure_total=expenditure_total,
        budget_total=total_or_none([l.budget for l in lines]),
        spending_kind=breakdown([("basic", spending_kind(year, "basic")), ("project", spending_kind(year, "project"))]),
        fund_spending=fund_spending,
        general_budget=general_budget,
        general_budget_budget=total_or_none([p.budget for p in general_lines]),
        general_budget_initial=_initial_budget(l for l in lines if l.fund == "一般公共预算"),
        general_budget_share=ratio(general_budget, expenditure_total),
        classes=group_lines(general_lines),
        fiscal_end=fiscal_total - sum(fund_spending.values(), ZERO),
        economic_total=_economic_total(year),
        capital_total=_capital_total(year),
        three_public=breakdown(tp_items, tp_budgets),
        three_public_total=sum((a for _, a in tp_items), ZERO),
        three_public_budget=sum(tp_budgets, ZERO),
        operating=_operating(year),
        procurement_total=year.procurement.goods + year.procurement.works + year.procurement.services,
        vehicles_total=sum(year.assets.vehicles.values()),
        projects=[ProjectFigures(p.budget.fiscal + p.budget.other, p.spent.fiscal + p.spent.other) for p in year.projects],
        changes=_changes(year, income_total, expenditure_total, fiscal_total, general_budget),
        self_eval=selfeval.compute(year, expenditure_total),
    )


def _initial_budget(lines) -> Decimal:
    """The 年初预算 of some code lines: each line's 年初预算数, else its 预算数; pending when a line has neither."""
    budgets = [line.start_budget for line in lines]
    if any(b is None for b in budgets):
        return Pending("年初预算数")
    return sum(budgets, ZERO)


def compared(actual: Decimal, budget: Optional[Decimal]) -> str:
    """持平, 大于 or 小于: how spending compares with its budget ("" while the budget is unknown or pending)."""
    if budget is None or is_pending(budget) or is_pending(actual):
        return ""
    return "持平" if actual == budget else ("大于" if actual > budget else "小于")


SPENDING_KINDS = {"basic": "基本支出", "project": "项目支出"}


def spending_kind(year: Year, kind: str) -> Decimal:
    """基本支出 or 项目支出: as stated, else the lines' split plus non-fiscal spending of that kind."""
    stated = getattr(year.expenditure, kind)
    if stated is not None:
        return stated
    split = [getattr(l, kind) for l in year.expenditure.lines]
    if any(value is None for value in split):  # not written at all: unknown, not zero (check names what is missing)
        return Pending(SPENDING_KINDS[kind])
    return sum(split + [getattr(n, kind) for n in year.non_fiscal_spending], ZERO)


def _by_fund(year: Year) -> dict[str, Decimal]:
    """Actual spending by fund kind."""
    result: dict[str, Decimal] = {}
    for line in year.expenditure.lines:
        result[line.fund] = result.get(line.fund, ZERO) + line.actual
    return result


def _capital_total(year: Year) -> Decimal:
    """资本性支出 as the sum of its items."""
    if year.economic is None:
        return ZERO
    return sum((i.amount for g in year.economic.capital for i in g.items), ZERO)


def _economic_total(year: Year) -> Decimal:
    """人员经费 + 公用经费 + 资本性支出."""
    if year.economic is None:
        return ZERO
    return year.economic.personnel.amount + year.economic.public.amount + _capital_total(year)


def _operating(year: Year) -> Decimal:
    """机关运行经费: as stated, or 公用经费 when not stated."""
    if year.operating.amount is not None:
        return year.operating.amount
    return year.economic.public.amount if year.economic else ZERO


def _changes(year: Year, income_total, expenditure_total, fiscal_total, general_budget) -> dict[str, Change]:
    """This year's headline figures against last year's."""
    prev = year.previous
    return {
        "income": Change(income_total, prev.income_total),
        "expenditure": Change(expenditure_total, prev.expenditure_total),
        "fiscal_total": Change(fiscal_total, prev.fiscal_total),
        "general_budget": Change(general_budget, prev.general_budget_expenditure),
        "operating": Change(_operating(year), prev.operating),
        "reception": Change(year.three_public.reception.actual, prev.reception),
    }
