"""Derived figures: totals, shares, rates and changes computed from the model (Decimal only)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar, Optional

from generator.constants import SPENDING_KINDS
from generator.figures import selfeval, tables
from generator.figures.core import (
    ZERO,
    Change,
    CodeGroup,
    Part,
    breakdown,
    group_lines,
    ratio,
    total_or_none,
)
from generator.model import Year
from generator.model.accounts import INCOME_SOURCES
from generator.model.profile import DEFAULT_RULES, Rules
from generator.pending import DERIVED, Pending, PendingCount, is_pending, over, unknown, zero_of


@dataclass
class ProjectFigures:
    """A project's budget and spending totals."""

    LABELS: ClassVar[dict[str, str]] = {
        "budget": "项目预算数合计（万元）",
        "spent": "项目执行数合计（万元）",
        "completion": "执行率：执行数 ÷ 预算数",
    }

    budget: Decimal
    spent: Decimal

    @property
    def completion(self) -> Optional[Decimal]:
        """spent / budget."""
        return ratio(self.spent, self.budget)


@dataclass
class Figures:
    """Every figure the documents print that can be derived from the year's facts."""

    LABELS: ClassVar[dict[str, str]] = {
        "income_parts": "收入按来源（Part），合计 100%",
        "income_total": "本年收入合计（万元）",
        "fiscal_income": "财政拨款收入（万元）",
        "fiscal_total": "财政拨款收支总计（万元）",
        "expenditure_total": "本年支出合计（万元）",
        "budget_total": "支出预算合计（万元，未知时为空）",
        "spending_kind": "基本支出、项目支出（Part）",
        "fund_spending": "按资金性质的财政拨款支出：资金性质 → 万元",
        "general_budget": "一般公共预算财政拨款支出（万元）",
        "general_budget_budget": "一般公共预算财政拨款支出的预算数（万元，未知时为空）",
        "general_budget_initial": "一般公共预算财政拨款支出的年初预算数（万元）",
        "general_budget_share": "一般公共预算财政拨款支出占本年支出的比重（百分点）",
        "classes": "一般公共预算支出按类（CodeGroup）",
        "fiscal_end": "年末财政拨款结转和结余（万元）",
        "economic_total": "人员经费与公用经费之和（万元）",
        "capital_total": "资本性支出（万元）",
        "three_public": "“三公”经费三项（Part）：因公出国（境）费、公务用车购置及运行费、公务接待费",
        "three_public_total": "“三公”经费合计（万元）",
        "three_public_budget": "“三公”经费预算数（万元，未知时为空）",
        "operating": "机关运行经费（万元）",
        "procurement_total": "政府采购支出合计（万元）",
        "vehicles_total": "车辆总数",
        "projects": "各项目的预算和执行合计（ProjectFigures）",
        "changes": "与上年比较（Change）：income、expenditure、fiscal_total、general_budget、government_fund、operating、reception",
        "self_eval": "自评表的计算结果（SelfEvalFigures；没有自评表时为空）",
        "line_changes": "各科目与上年比较：科目编码 → Change",
        "targeted_count": "编报绩效目标的项目个数",
        "monitored_count": "开展绩效监控的项目个数",
        "self_evaluated_count": "开展绩效自评的项目个数",
        "project_funds": "各项目预算数之和（万元）",
        "completion": "本年支出完成预算的比率",
        "general_budget_completion": "一般公共预算财政拨款支出完成预算的比率",
        "three_public_completion": "“三公”经费完成预算的比率",
    }

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
    three_public_budget: Optional[Decimal]
    operating: Decimal
    procurement_total: Decimal
    vehicles_total: int
    projects: list[ProjectFigures]
    changes: dict[str, Change]
    self_eval: Optional[selfeval.SelfEvalFigures] = None
    line_changes: dict[str, Change] = field(default_factory=dict)
    targeted_count: int = 0
    monitored_count: int = 0
    self_evaluated_count: int = 0

    @property
    def project_funds(self) -> Decimal:
        """The projects' budgets together."""
        return sum((p.budget for p in self.projects), ZERO)

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


INCOME_KEYS = [name for name, _ in INCOME_SOURCES]


def compute(year: Year, rules: Rules = DEFAULT_RULES) -> Figures:
    """All derived figures of one year, by the layout's rules (shares summing to 100 or each rounded on its own, the
    自评表's scoring and execution rate)."""
    whole = rules.whole_shares
    money = _income_figures(year, whole)
    money.update(_spending_figures(year, money["fiscal_total"], whole))
    money.update(_three_public(year, whole))
    expenditure_total = money["expenditure_total"]
    return Figures(
        **money,
        economic_total=_economic_total(year),
        capital_total=_capital_total(year),
        operating=_operating(year),
        procurement_total=year.procurement.goods + year.procurement.works + year.procurement.services,
        vehicles_total=PendingCount("车辆") if year.assets.vehicles is None else count_total(year.assets.vehicles.values()),
        projects=[ProjectFigures(p.budget.fiscal + p.budget.other, p.spent.fiscal + p.spent.other) for p in year.projects],
        changes=_changes(year, money),
        self_eval=selfeval.compute(year, expenditure_total, rules),
        line_changes={line.code: Change(line.actual, line.previous) for line in year.expenditure.lines},
        targeted_count=len(year.projects),
        monitored_count=sum(p.monitored for p in year.projects),
        self_evaluated_count=sum(p.self_evaluated for p in year.projects),
    )


def count_total(counts) -> int:
    """A total of counts; unknown (a placeholder) when any of them is."""
    counts = list(counts)
    return PendingCount(DERIVED) if any(is_pending(c) for c in counts) else sum(counts)


def _income_figures(year: Year, whole: bool) -> dict:
    """Income by source with shares, its totals, and the 财政拨款 totals."""
    sources = tables.income_sources(year)
    fiscal_income = sum(sources[:3], ZERO)
    return {
        "income_parts": breakdown([x for x in zip(INCOME_KEYS, sources) if x[1]], whole=whole),
        "income_total": sum(sources, ZERO),
        "fiscal_income": fiscal_income,
        "fiscal_total": fiscal_income + sum(tables.fiscal_start(year).values(), ZERO),
    }


def _spending_figures(year: Year, fiscal_total: Decimal, whole: bool) -> dict:
    """Spending totals, its 基本/项目 split, by fund, 一般公共预算 by class, and what 财政拨款 leaves at year end."""
    lines = year.expenditure.lines
    expenditure_total = sum((line.actual for line in lines), zero_of(lines)) + non_fiscal_spending(year)
    fund_spending = _by_fund(year)
    general = [line for line in lines if line.fund == "一般公共预算"]
    general_lines = [Part(line.code, line.actual, None, line.budget) for line in general]
    general_budget = fund_spending.get("一般公共预算", zero_of(lines))
    return {
        "expenditure_total": expenditure_total,
        "budget_total": over(lines, total_or_none([line.budget for line in lines])),
        "spending_kind": breakdown([("basic", spending_kind(year, "basic")), ("project", spending_kind(year, "project"))], whole=whole),
        "fund_spending": fund_spending,
        "general_budget": general_budget,
        "general_budget_budget": over(lines, total_or_none([p.budget for p in general_lines])),
        "general_budget_initial": over(lines, _initial_budget(general)),
        "general_budget_share": ratio(general_budget, expenditure_total),
        "classes": group_lines(general_lines, whole=whole),
        "fiscal_end": fiscal_total - sum(fund_spending.values(), zero_of(lines)),
    }


def _three_public(year: Year, whole: bool) -> dict:
    """“三公” spending by category (出国, 用车, 接待) with budgets, shares and totals."""
    tp = year.three_public
    items = [("abroad", tp.abroad.actual),
             ("vehicles", tp.vehicle_purchase.actual + tp.vehicle_operation.actual),
             ("reception", tp.reception.actual)]
    budgets = [tp.abroad.budget, total_or_none([tp.vehicle_purchase.budget, tp.vehicle_operation.budget]), tp.reception.budget]
    return {
        "three_public": breakdown(items, budgets, whole=whole),
        "three_public_total": sum((a for _, a in items), ZERO),
        "three_public_budget": total_or_none(budgets),
    }


def three_public_previous(year: Year) -> dict[str, Optional[Decimal]]:
    """Last year's 三公 figures: from the 上年 figures (last year's file), else from each item's 上年决算数."""
    tp, prev = year.three_public, year.previous
    abroad = prev.abroad if prev.abroad is not None else tp.abroad.previous
    vehicles = prev.vehicles if prev.vehicles is not None else total_or_none([tp.vehicle_purchase.previous, tp.vehicle_operation.previous])
    reception = prev.reception if prev.reception is not None else tp.reception.previous
    total = prev.three_public if prev.three_public is not None else total_or_none([abroad, vehicles, reception])
    return {"abroad": abroad, "vehicles": vehicles, "reception": reception, "total": total}


def _initial_budget(lines) -> Decimal:
    """The 年初预算 of some code lines: each line's 年初预算数, else its 预算数; pending when a line has neither."""
    budgets = [line.start_budget for line in lines]
    if any(b is None for b in budgets):
        return Pending("年初预算数")
    return sum(budgets, ZERO)




def spending_kind(year: Year, kind: str) -> Decimal:
    """基本支出 or 项目支出: as stated, else the lines' split plus non-fiscal spending of that kind."""
    stated = getattr(year.expenditure, kind)
    if stated is not None:
        return stated
    split = [getattr(l, kind) for l in year.expenditure.lines]
    if any(value is None for value in split) or unknown(year.expenditure.lines):  # not written: unknown, not zero (check names what is missing)
        return Pending(SPENDING_KINDS[kind])
    return sum(split + [getattr(n, kind) for n in year.non_fiscal_spending], ZERO)


def non_fiscal_spending(year: Year) -> Decimal:
    """Spending from funds other than 财政拨款 (事业收入, 经营收入, …): all its kinds."""
    return sum((n.basic + n.project + n.remitted + n.operating + n.affiliated for n in year.non_fiscal_spending), ZERO)


def _by_fund(year: Year) -> dict[str, Decimal]:
    """Actual spending by fund kind."""
    result: dict[str, Decimal] = {}
    for line in year.expenditure.lines:
        result[line.fund] = result.get(line.fund, ZERO) + line.actual
    return result


def _capital_total(year: Year) -> Decimal:
    """资本性支出: the sum of its items under 经济分类, else the 310 lines of 基本支出明细 (as table 6 prints it)."""
    if year.economic is not None and year.economic.capital:
        return sum((i.amount for g in year.economic.capital for i in g.items), ZERO)
    return sum((line.actual for line in year.economic_lines if line.code.startswith("310")), ZERO)


def _economic_total(year: Year) -> Decimal:
    """人员经费 + 公用经费 + 资本性支出."""
    if year.economic is None:
        return ZERO
    capital = _capital_total(year) if year.economic.capital else ZERO
    return year.economic.personnel.amount + year.economic.public.amount + capital


def _operating(year: Year) -> Decimal:
    """机关运行经费: as stated, else 公用经费 (of 经济分类, or of 基本支出明细 302 and 310 as table 6 totals it)."""
    if year.operating.amount is not None:
        return year.operating.amount
    if year.economic is not None:
        return year.economic.public.amount
    return sum((line.actual for line in year.economic_lines if line.code[:3] in tables.PUBLIC), ZERO)


def _changes(year: Year, money: dict[str, Any]) -> dict[str, Change]:
    """This year's headline figures against last year's."""
    prev, tp_prev = year.previous, three_public_previous(year)
    three_public = {part.key: part.amount for part in money["three_public"]}
    return {
        "income": Change(money["income_total"], prev.income_total),
        "expenditure": Change(money["expenditure_total"], prev.expenditure_total),
        "fiscal_total": Change(money["fiscal_total"], prev.fiscal_total),
        "general_budget": Change(money["general_budget"], prev.general_budget_expenditure),
        "government_fund": Change(money["fund_spending"].get("政府性基金预算", ZERO), prev.government_fund),
        "operating": Change(_operating(year), prev.operating),
        **{key: Change(three_public[key], tp_prev[key]) for key in ("abroad", "vehicles", "reception")},
    }
