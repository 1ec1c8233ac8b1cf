"""Figures a document may state (核对): their names, what each means, how it is computed, and an example."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Optional

from generator.constants import VEHICLE_ALIASES
from generator.figures import national as fn
from generator.figures.bundle import Bundle
from generator.figures.core import Change, ratio
from generator.figures.sums import total
from generator.model.accounts import INCOME_SOURCES

AMOUNT, RATE, SCORE, TEXT = "金额", "百分比", "分值", "文字"
Compute = Callable[[Bundle, str], Any]


@dataclass(frozen=True)
class Figure:
    """A figure that a published text may state: its kind, how to compute it, its meaning and an example."""

    kind: str
    compute: Compute
    help: str
    example: str = ""
    group: str = ""  # shares of one breakdown: stated together, they must sum to 100%
    signed: bool = False  # a change against last year: its 增加/减少 word must match the sign
    base: Optional[Compute] = None  # a completion rate's budget: a rate on a budget of 0 cannot be stated
    items: Optional[Callable[[Bundle, str], int]] = None  # a total: how many printed amounts it adds up


def attr(attr: str) -> Compute:
    """A figure of the year's Figures by attribute name."""
    return lambda b, _: getattr(b.figures, attr)


@dataclass(frozen=True)
class ChangePart:
    """The delta or signed rate of a change against last year, keeping the change so a stated rate can be diagnosed."""

    moved: Callable[[Bundle, str], Optional[Change]]
    part: str
    fund: str = ""  # the fund whose code lines' 上年决算数 make up last year's figure, when they do

    def __call__(self, b: Bundle, arg: str) -> Optional[Decimal]:
        found = self.moved(b, arg)
        return None if found is None else part_of(found, self.part)


def change(key: str, part: str) -> Compute:
    """The delta or rate of a headline change against last year."""
    return ChangePart(lambda b, _: b.figures.changes[key], part, "一般公共预算" if key == "general_budget" else "")


def part_of(change: Change, part: str) -> Optional[Decimal]:
    """A change's delta or its signed rate (delta / last year), None while last year is unknown or zero."""
    if part == "delta":
        return change.delta
    return None if change.delta is None else ratio(change.delta, change.previous)


def grand(part: str) -> Compute:
    """收入支出总计 and its change against last year."""
    def moved(b: Bundle, _: str) -> Change:
        return Change(b.tables.grand_total, b.year.previous.grand_total)
    return (lambda b, arg: moved(b, arg).current) if part == "amount" else ChangePart(moved, part)


def klass(part: str) -> Compute:
    """A 类's amount or its exact share of 一般公共预算财政拨款支出."""
    def get(b: Bundle, code: str) -> Optional[Decimal]:
        group = next((g for g in b.figures.classes if g.code == code), None)
        if group is None:
            return None
        return group.amount if part == "amount" else ratio(group.amount, b.figures.general_budget)
    return get


def breakdown_share(parts: Callable[[Bundle], list]) -> Compute:
    """The exact share of one named part of a breakdown."""
    def get(b: Bundle, name: str) -> Optional[Decimal]:
        items = parts(b)
        whole = total(p.amount for p in items)
        return next((ratio(p.amount, whole) for p in items if p.key == name), None)
    return get


def kind_share(index: int) -> Compute:
    """基本支出 or 项目支出 as an exact share of 本年支出合计."""
    return lambda b, _: ratio(b.figures.spending_kind[index].amount, b.figures.expenditure_total)


def three_public(index: int, part: str) -> Compute:
    """A “三公” category's amount, exact share or completion."""
    def get(b: Bundle, _: str) -> Optional[Decimal]:
        p = b.figures.three_public[index]
        return {"amount": p.amount, "share": ratio(p.amount, b.figures.three_public_total), "completion": p.completion,
                "budget": p.budget}[part]
    return get


def line(part: str) -> Compute:
    """A 项 line's amount, budgets, the budget its completion is on, or its completion, by code."""
    def get(b: Bundle, code: str) -> Optional[Decimal]:
        found = next((item for item in b.year.expenditure.lines if item.code == code), None)
        if found is None:
            return None
        base = found.budget if found.budget is not None else found.initial
        return {"actual": found.actual, "budget": found.budget, "initial": found.initial, "base": base,
                "completion": ratio(found.actual, base)}[part]
    return get


def line_change(part: str) -> Compute:
    """A 项 line's delta or rate against its 上年决算数, by code."""
    return ChangePart(lambda b, code: b.figures.line_changes.get(code), part)


def project(part: str) -> Compute:
    """A project's budget, spending or completion by name."""
    def get(b: Bundle, name: str) -> Optional[Decimal]:
        for project, figs in zip(b.year.projects, b.figures.projects):
            if project.name == name:
                return {"budget": figs.budget, "spent": figs.spent, "completion": figs.completion}[part]
        return None
    return get


def self_eval(getter: Callable[[Any], Any]) -> Compute:
    """A 自评表 figure, None without a self-evaluation."""
    return lambda b, _: None if b.figures.self_eval is None else getter(b.figures.self_eval)


def level1_weight(b: Bundle, name: str) -> Optional[Decimal]:
    """The weight of one 一级指标 of the 自评表."""
    se = b.figures.self_eval
    return None if se is None else next((g.weight for g in se.level1 if g.name == name), None)


def basic(part: str) -> Compute:
    """人员经费, 公用经费 or their sum: as table 6 prints them when there is a 基本支出明细, else from 经济分类."""
    def get(b: Bundle, _: str) -> Optional[Decimal]:
        if b.year.economic_lines:
            personnel, public = fn.basic_spending(b.year, b.tables)[:2]
        elif b.year.economic is not None:
            personnel, public = b.year.economic.personnel.amount, b.year.economic.public.amount
        else:
            return None
        return {"personnel": personnel, "public": public, "total": total([personnel, public])}[part]
    return get


def general(key: str) -> Compute:
    """A figure of the national 一般公共预算财政拨款支出 section."""
    return lambda b, _: fn.general_budget(b.year, b.figures, b.tables)[key]


def fund(side: str) -> Compute:
    """政府性基金预算财政拨款 income or spending."""
    return lambda b, _: b.tables.fiscal_income["政府性基金预算"] if side == "income" else b.tables.fiscal_class_total("政府性基金预算")


def three_change(key: str, part: str) -> Compute:
    """A “三公” total's or category's delta or signed rate against last year."""
    return ChangePart(lambda b, _: fn.three_public(b.year, b.figures)[key], part)


def income_source(b: Bundle, label: str) -> Optional[Decimal]:
    """The income of one source of the 收入支出决算总表, by its official name."""
    labels = [label_ for _, label_ in INCOME_SOURCES]
    return b.tables.income_sources[labels.index(label)] if label in labels else None


def procured(kind: str, part: str) -> Compute:
    """政府采购 of one kind (货物, 工程, 服务, or 中小企业: 中标 in reserved and other projects): amount or exact share."""
    def get(b: Bundle, _: str) -> Optional[Decimal]:
        p = b.year.procurement
        amount = {"goods": p.goods, "works": p.works, "services": p.services,
                  "sme": total([p.sme_awarded, p.sme_other])}[kind]
        return amount if part == "amount" else ratio(amount, b.figures.procurement_total)
    return get


def stage(index: int, part: int) -> Compute:
    """A 绩效 statistic: the projects (count, part 0) or their budgets (part 1) with targets, monitoring, self-evaluation."""
    def get(b: Bundle, _: str) -> Any:
        p = fn.performance(b.year, b.figures)
        return (p.targets, p.monitored, p.evaluated)[index][part]
    return get


def vehicles(b: Bundle, kind: str) -> Optional[int]:
    """The number of vehicles of one use (执法执勤用车, or a name clerks also use), or all of them without one."""
    return b.figures.vehicles_total if not kind else fn.vehicle_counts(b.year).get(VEHICLE_ALIASES.get(kind, kind))


def economic(b: Bundle, code: str) -> Optional[Decimal]:
    """一般公共预算财政拨款基本支出 of one economic class or 款 (301, 30101 …) as table 6 prints it."""
    return fn.economic_printed(b.year, b.tables).get(code)


def fiscal_balance(side: str) -> Compute:
    """年初 or 年末财政拨款结转和结余, all funds, as the 财政拨款收入支出决算总表 totals them."""
    return lambda b, _: fn.fiscal_summary(b.tables)[f"fiscal_{side}_total"]


def counted(lines: str) -> Callable[[Bundle, str], int]:
    """How many printed amounts a total adds up: the spending lines (all, 一般公共预算 ones, or one 类's, given as the
    figure's argument), with the non-fiscal ones for a total over all funds; the 基本支出明细 lines; the income sources;
    or, for the year-end balance, the income sources and all spending lines."""
    def count(b: Bundle, code: str) -> int:
        year = b.year
        if lines == "economic":
            return len(year.economic_lines)
        if lines in ("income", "balance"):  # the income sources; the year-end balance adds the spending lines too
            sources = sum(1 for amount in b.tables.income_sources if amount)
            return sources + (counted("all")(b, code) if lines == "balance" else 0)
        codes = [l.code for l in year.expenditure.lines if lines != "general" or l.fund == "一般公共预算"]
        codes += [n.code for n in year.non_fiscal_spending] if lines == "all" else []
        return sum(1 for c in codes if c.startswith(code))
    return count
