"""The figures 第三部分 of the national 部门决算 states: 三公 completion and changes, structure shares, 绩效 statistics."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, Optional

from generator.constants import PROJECT_GRADES, VEHICLE_ALIASES, VEHICLE_KINDS, ZERO, band
from generator.figures.columns import IncomeColumns, SpendingColumns
from generator.figures.core import Change, Part, breakdown, compared, ratio
from generator.figures.scope import GENERAL, basic_in_scope, basic_items
from generator.figures.sums import total, within_rounding
from generator.figures.tables import FUNDS, PERSONNEL, PUBLIC, C, Row, Tables, add_all
from generator.figures.year import Figures, three_public_previous
from generator.model import CodeLine, Year
from generator.model.accounts import NON_FISCAL_KINDS, NON_FISCAL_SOURCES
from generator.pending import Pending, PendingCount, is_pending
from generator.provenance import absent_beside, counted

PLACES = 2  # the 部门决算 states its structure shares with two decimals (the figures `check` compares)
SPENDING_COLUMNS = ["基本支出", "项目支出", *(key for _, key in NON_FISCAL_KINDS)]


def three_public(year: Year, figures: Figures, whole: bool = True) -> dict[str, Any]:
    """The 三公 table and sentences: budget and actual by category, completion, changes against last year."""
    tp = year.three_public
    vehicles_budget = figures.three_public[1].budget
    vehicles = figures.three_public[1].amount
    total_budget, total = figures.three_public_budget, figures.three_public_total
    return {
        "budget": total_budget, "total": total, "completion": ratio(total, total_budget),
        "word": compared(total, total_budget),
        "vehicles_budget": vehicles_budget, "vehicles": vehicles,
        "abroad_completion": ratio(tp.abroad.actual, tp.abroad.budget),
        "vehicles_completion": ratio(vehicles, vehicles_budget),
        "reception_completion": ratio(tp.reception.actual, tp.reception.budget),
        "change": Change(total, three_public_previous(year)["total"]), "abroad_change": figures.changes["abroad"],
        "vehicles_change": figures.changes["vehicles"], "reception_change": figures.changes["reception"],
        "shares": breakdown([(p.key, p.amount) for p in figures.three_public], places=PLACES, whole=whole),
    }


@dataclass
class Performance:
    """十、预算绩效管理: project counts and budgets at each stage, the average self-evaluation score and grades."""

    LABELS: ClassVar[dict[str, str]] = {
        "targets": "编报绩效目标的项目：（个数, 金额）",
        "monitored": "开展绩效监控的项目：（个数, 金额）",
        "evaluated": "开展绩效自评的项目：（个数, 金额）",
        "average": "项目自评平均分（未知时为空）",
        "grades": "各等级的项目个数：等级 → 个数",
    }

    targets: tuple[int, Decimal]
    monitored: tuple[int, Decimal]
    evaluated: tuple[int, Decimal]
    average: Optional[Decimal]
    grades: dict[str, int]


def performance(year: Year, figures: Figures) -> Performance:
    """The 绩效 statistics: as written under 预算绩效管理.项目统计, else from the year's projects."""
    totals = year.performance.totals
    if totals is not None:
        grades = {name: totals.grades.get(name, 0) for _, name in PROJECT_GRADES}
        stages = [(s.count, s.amount) for s in (totals.targets, totals.monitored, totals.evaluated)]
        return Performance(stages[0], stages[1], stages[2], totals.average, grades)
    projects = list(zip(year.projects, figures.projects))
    scored = [p.self_score for p in year.projects if p.self_evaluated and p.self_score is not None]
    grades = {name: counted([s for s in scored if band(s, PROJECT_GRADES) == name], scored) for _, name in PROJECT_GRADES}

    def stage(keep) -> tuple[int, Decimal]:
        chosen = [f.budget for p, f in projects if keep(p)]
        return counted(chosen, [f.budget for f in figures.projects]), sum(chosen, ZERO)
    return Performance(stage(lambda p: True), stage(lambda p: p.monitored), stage(lambda p: p.self_evaluated),
                       sum(scored, ZERO) / counted(scored, scored) if scored else None, grades)


def level1_total(rows: list[Row], kind: type[C], start: Decimal = ZERO) -> C:
    """Column totals of a table: the sum of its 类 rows (from ``start``: Tables.spent_from for spending tables)."""
    return add_all([r.values for r in rows if r.level == 1], kind, start)


def income_table_total(t: Tables) -> IncomeColumns:
    """收入决算表's 合计 row: the 总表's income, 财政拨款收入 being its three funds together."""
    fiscal_count = len(FUNDS)
    return IncomeColumns(t.income_total, sum(t.income_sources[:fiscal_count], ZERO), *t.income_sources[fiscal_count:])


def income_parts(t: Tables, whole: bool = True) -> list[Part]:
    """本年收入合计 的构成: 财政拨款收入 together, then the other sources, with shares (nonzero only)."""
    total = income_table_total(t)
    items = [("财政拨款收入", total.fiscal)] + [(label, getattr(total, name)) for name, label in NON_FISCAL_SOURCES]
    return breakdown([i for i in items if i[1]], places=PLACES, whole=whole)


def spending_parts(year: Year, figures: Figures, whole: bool = True) -> list[Part]:
    """本年支出合计 的构成: 基本, 项目 (as the year gives them, in total or per line), 上缴上级, 经营, 对附属单位补助."""
    other = [sum((getattr(n, k) for n in year.non_fiscal_spending), ZERO) for k, _ in NON_FISCAL_KINDS]
    totals = [figures.spending_kind[0].amount, figures.spending_kind[1].amount, *other]
    return breakdown([i for i in zip(SPENDING_COLUMNS, totals) if i[1]], places=PLACES, whole=whole)


def general_class_parts(t: Tables, whole: bool = True) -> list[Part]:
    """一般公共预算财政拨款支出 by 类 code, with shares."""
    rows = [r for r in t.general if r.level == 1]
    return breakdown([(r.code, r.values.total or ZERO) for r in rows], places=PLACES, whole=whole)


def general_budget(year: Year, figures: Figures, t: Tables) -> dict[str, Any]:
    """一般公共预算财政拨款支出: its share, change, 年初预算 and completion, and how it compares with the budget."""
    general, initial, full = t.fiscal_class_total("一般公共预算"), figures.general_budget_initial, figures.general_budget_budget
    basis = full if year.budget_basis == "全年预算" and full is not None else initial
    return {
        "general": general, "general_share": ratio(general, t.spending_total),
        "general_change": Change(general, year.previous.general_budget_expenditure),
        "general_initial": initial, "general_completion": ratio(general, initial),
        "general_full": full, "general_full_completion": ratio(general, full),
        "general_word": compared(general, basis), "general_basis_completion": ratio(general, basis),
    }


def fiscal_summary(t: Tables) -> dict[str, Any]:
    """财政拨款收入支出决算总表: totals by fund and over all funds."""
    spending = [t.fiscal_class_total(f) for f in FUNDS]
    return {
        "fiscal_totals": spending, "fiscal_spending_total": sum(spending, ZERO),
        "fiscal_income_total": sum(t.fiscal_income.values(), ZERO),
        "fiscal_start_total": sum(t.fiscal_start.values(), ZERO),
        "fiscal_end_total": sum(t.fiscal_end.values(), ZERO),
        "fund_grand": [t.fiscal_class_total(f) + t.fiscal_end[f] for f in FUNDS],
        "fiscal_spending_grand": sum(spending, ZERO) + sum(t.fiscal_end.values(), ZERO),
    }


def basic_spending(year: Year, t: Tables) -> tuple[Decimal, Decimal, Decimal]:
    """人员经费, 公用经费 and their sum as table 6 prints them: from the 基本支出明细, or as written under 经济分类 in its
    口径 (the system's totals, kept in 元); pending without the 基本支出明细."""
    if not year.economic_lines:
        missing = Pending("基本支出明细")
        return missing, missing, missing + missing
    written = system_economic(year, t)
    if written is not None:
        basic = basic_in_scope(year, GENERAL)  # the system's 基本支出, as table 5 prints it beside these two
        return written[0], written[1], basic
    return t.personnel, t.public, t.personnel + t.public


def economic_as_table6(year: Year) -> bool:
    """Whether 经济分类's 人员经费 and 公用经费 state table 6's totals: written in its 口径 beside a 基本支出明细, and
    adding up, within rounding, to the 基本支出 of the 一般公共预算 lines."""
    economic = year.economic
    if economic is None or economic.scope != GENERAL or economic.capital or not year.economic_lines:
        return False
    basic, written = basic_in_scope(year, GENERAL), total([economic.personnel.amount, economic.public.amount])
    return not is_pending(basic) and within_rounding(written, basic, 2 + basic_items(year, GENERAL))


def table6_parts(t: Tables) -> list[tuple[Decimal, int]]:
    """人员经费 and 公用经费 as table 6's 款 lines add them up, each with how many lines it adds."""
    counts = [sum(1 for code in t.economic if len(code) == 5 and code[:3] in classes) for classes in (PERSONNEL, PUBLIC)]
    return [(t.personnel, counts[0]), (t.public, counts[1])]


def system_economic(year: Year, t: Tables) -> Optional[tuple[Decimal, Decimal]]:
    """人员经费 and 公用经费 as written under 经济分类 when they are the system's totals of table 6 (each within rounding
    of its lines), else None."""
    if not economic_as_table6(year) or year.economic is None:
        return None
    written = (year.economic.personnel.amount, year.economic.public.amount)
    return written if all(within_rounding(w, s, n) for w, (s, n) in zip(written, table6_parts(t))) else None


def economic_printed(year: Year, t: Tables) -> dict[str, Decimal]:
    """Table 6's amounts by economic code as printed: a 类 that is the whole of 人员经费 or 公用经费 (301 without 303,
    302 without 310) shows that total as written under 经济分类, since the system prints both from the same 元."""
    amounts = dict(t.economic)
    personnel, public, _ = basic_spending(year, t)
    for whole, classes in ((personnel, PERSONNEL), (public, PUBLIC)):
        present = [code for code in classes if code in amounts]
        if len(present) == 1:
            amounts[present[0]] = whole
    return amounts


def spending_table_total(year: Year, t: Tables) -> SpendingColumns:
    """支出决算表's 合计 row: its 类 rows added up, with 基本支出 and 项目支出 as written under 支出 when they are (the
    system's totals, which may differ from the sum of the printed rows by rounding)."""
    total = level1_total(t.spending, SpendingColumns, t.spent_from)
    e = year.expenditure
    return total._replace(basic=total.basic if e.basic is None else e.basic,
                          project=total.project if e.project is None else e.project)


@dataclass
class LineComparison:
    """A code line against its budget (年初 or 全年, as the year's 预算口径 says): the budget, 持平/大于/小于, completion."""

    line: CodeLine
    budget: Optional[Decimal]
    word: str
    completion: Optional[Decimal]


def compared_lines(year: Year, fund: str) -> list[LineComparison]:
    """A fund's code lines in code order, each compared with its budget."""
    lines = sorted((line for line in year.expenditure.lines if line.fund == fund), key=lambda line: line.code)
    out = []
    for line in lines:
        budget = line.compared_budget(year.budget_basis)
        out.append(LineComparison(line, budget, compared(line.actual, budget), ratio(line.actual, budget)))
    return out


def vehicle_counts(year: Year) -> dict[str, int]:
    """Vehicles by the national layout's eight kinds, the names clerks also use (执勤执法用车) counted under the official one."""
    if year.assets.vehicles is None:  # not known yet: every kind to fill, not 0
        return dict.fromkeys(VEHICLE_KINDS, PendingCount("车辆"))
    written = next(iter(year.assets.vehicles.values()), 0)
    counts = {kind: absent_beside(written, f"资产.车辆.{kind}") for kind in VEHICLE_KINDS}
    for kind, count in year.assets.vehicles.items():
        name = VEHICLE_ALIASES.get(kind, kind)
        if name in counts:
            counts[name] += count
    return counts
