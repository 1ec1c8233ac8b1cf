"""Figures a document may state (核对): their names and how each is computed from the facts."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Optional

from generator.figures.bundle import Bundle
from generator.model.types import decimals

AMOUNT, RATE, SCORE, TEXT = "金额", "百分比", "分值", "文字"


@dataclass(frozen=True)
class Figure:
    """A figure that a published text may state: its kind and how to compute it."""

    kind: str
    compute: Callable[[Bundle, str], Any]
    help: str


def _f(bundle: Bundle):
    return bundle.figures


def _change(key: str, part: str) -> Callable[[Bundle, str], Any]:
    """The delta or rate of a change against last year."""
    def get(bundle: Bundle, _arg: str):
        change = bundle.figures.changes[key]
        return change.delta if part == "delta" else change.rate
    return get


def _class(part: str) -> Callable[[Bundle, str], Any]:
    """A 类 amount or share by code."""
    def get(bundle: Bundle, code: str):
        group = next((g for g in bundle.figures.classes if g.code == code), None)
        if group is None:
            return None
        if part == "amount":
            return group.amount
        return None if group.share is None else group.share / 100
    return get


def _three_public(index: int, part: str) -> Callable[[Bundle, str], Any]:
    """A “三公” category's amount, share or completion."""
    def get(bundle: Bundle, _arg: str):
        p = bundle.figures.three_public[index]
        return {"share": p.share / 100 if p.share is not None else None, "completion": p.completion}[part]
    return get


def _project(part: str) -> Callable[[Bundle, str], Any]:
    """A project's budget, spending or completion by name."""
    def get(bundle: Bundle, name: str):
        for project, figs in zip(bundle.year.projects, bundle.figures.projects):
            if project.name == name:
                return {"budget": figs.budget, "spent": figs.spent, "completion": figs.completion}[part]
        return None
    return get


def _class_name(bundle: Bundle, code: str):
    """A 类's catalogue name in the report's year."""
    return bundle.catalog.name(code, bundle.year.year)


def _self_eval(getter: Callable[[Any], Any]) -> Callable[[Bundle, str], Any]:
    """A 自评表 figure, None without a self-evaluation."""
    def get(bundle: Bundle, _arg: str):
        se = bundle.figures.self_eval
        return None if se is None else getter(se)
    return get


def _level1_weight(bundle: Bundle, name: str):
    se = bundle.figures.self_eval
    return None if se is None else next((g.weight for g in se.level1 if g.name == name), None)


FIGURES: dict[str, Figure] = {
    "本年收入合计": Figure(AMOUNT, lambda b, _: _f(b).income_total, "收入各来源之和"),
    "本年支出合计": Figure(AMOUNT, lambda b, _: _f(b).expenditure_total, "各科目决算数之和"),
    "基本支出": Figure(AMOUNT, lambda b, _: _f(b).spending_kind[0].amount, "支出.基本支出"),
    "项目支出": Figure(AMOUNT, lambda b, _: _f(b).spending_kind[1].amount, "支出.项目支出"),
    "基本支出占比": Figure(RATE, lambda b, _: _f(b).spending_kind[0].share / 100, "基本支出 / 本年支出合计"),
    "项目支出占比": Figure(RATE, lambda b, _: _f(b).spending_kind[1].share / 100, "项目支出 / 本年支出合计"),
    "收入增长率": Figure(RATE, _change("income", "rate"), "与上年相比"),
    "支出增长率": Figure(RATE, _change("expenditure", "rate"), "与上年相比"),
    "财政拨款收支总计": Figure(AMOUNT, lambda b, _: _f(b).fiscal_total, "财政拨款收入 + 年初结转和结余"),
    "财政拨款收支总计增减额": Figure(AMOUNT, _change("fiscal_total", "delta"), "与上年相比"),
    "财政拨款收支总计增长率": Figure(RATE, _change("fiscal_total", "rate"), "与上年相比"),
    "一般公共预算财政拨款支出": Figure(AMOUNT, lambda b, _: _f(b).general_budget, "一般公共预算科目决算数之和"),
    "一般公共预算财政拨款支出占比": Figure(RATE, lambda b, _: _f(b).general_budget_share, "占本年支出合计"),
    "一般公共预算财政拨款支出增减额": Figure(AMOUNT, _change("general_budget", "delta"), "与上年相比"),
    "一般公共预算财政拨款支出增长率": Figure(RATE, _change("general_budget", "rate"), "与上年相比"),
    "一般公共预算支出完成率": Figure(RATE, lambda b, _: _f(b).general_budget_completion, "决算数 / 预算数"),
    "类支出": Figure(AMOUNT, _class("amount"), "类支出.<类编码>，例如 类支出.208"),
    "类占比": Figure(RATE, _class("share"), "类占比.<类编码>，例如 类占比.208"),
    "类名称": Figure(TEXT, _class_name, "类名称.<类编码>，例如 类名称.210"),
    "资本性支出": Figure(AMOUNT, lambda b, _: _f(b).capital_total, "资本性支出明细之和"),
    "人员经费与公用经费之和": Figure(AMOUNT, lambda b, _: b.year.economic and b.year.economic.personnel.amount + b.year.economic.public.amount, "人员经费 + 公用经费"),
    "三公经费合计": Figure(AMOUNT, lambda b, _: _f(b).three_public_total, "三公各项决算数之和"),
    "三公经费预算": Figure(AMOUNT, lambda b, _: _f(b).three_public_budget, "三公各项预算数之和"),
    "三公经费完成率": Figure(RATE, lambda b, _: _f(b).three_public_completion, "决算 / 预算"),
    "因公出国（境）费占比": Figure(RATE, _three_public(0, "share"), "占三公经费"),
    "公务用车购置及运行维护费占比": Figure(RATE, _three_public(1, "share"), "占三公经费"),
    "公务接待费占比": Figure(RATE, _three_public(2, "share"), "占三公经费"),
    "公务用车购置及运行维护费完成率": Figure(RATE, _three_public(1, "completion"), "决算 / 预算"),
    "公务接待费完成率": Figure(RATE, _three_public(2, "completion"), "决算 / 预算"),
    "公务接待费增减额": Figure(AMOUNT, _change("reception", "delta"), "与上年相比"),
    "公务接待费增长率": Figure(RATE, _change("reception", "rate"), "与上年相比"),
    "机关运行经费": Figure(AMOUNT, lambda b, _: _f(b).operating, "机关运行经费"),
    "机关运行经费增减额": Figure(AMOUNT, _change("operating", "delta"), "与上年相比"),
    "机关运行经费增长率": Figure(RATE, _change("operating", "rate"), "与上年相比"),
    "政府采购支出总额": Figure(AMOUNT, lambda b, _: _f(b).procurement_total, "货物 + 工程 + 服务"),
    "项目预算数": Figure(AMOUNT, _project("budget"), "项目预算数.<项目名称>"),
    "项目执行数": Figure(AMOUNT, _project("spent"), "项目执行数.<项目名称>"),
    "项目完成率": Figure(RATE, _project("completion"), "项目完成率.<项目名称>"),
    "自评年初预算数": Figure(AMOUNT, _self_eval(lambda s: s.total_initial), "自评表合计行的年初预算数"),
    "自评全年预算数": Figure(AMOUNT, _self_eval(lambda s: s.total_full), "自评表合计行的全年预算数"),
    "自评全年执行数": Figure(AMOUNT, _self_eval(lambda s: s.executed), "自评表合计行的全年执行数"),
    "自评执行率": Figure(RATE, _self_eval(lambda s: s.execution_rate), "全年执行数 / 全年预算数"),
    "自评资金得分": Figure(SCORE, _self_eval(lambda s: s.funds_score), "分值 × 执行率"),
    "自评一级分值": Figure(SCORE, _level1_weight, "自评一级分值.<一级指标>，例如 自评一级分值.效益指标"),
    "自评分值合计": Figure(SCORE, _self_eval(lambda s: s.weight_total), "资金分值 + 各指标分值"),
    "自评总分": Figure(SCORE, _self_eval(lambda s: s.score_total), "资金得分 + 各指标得分"),
}


def split_name(name: str) -> tuple[str, str]:
    """A stated name split into the figure and its argument: 类占比.208 → (类占比, 208)."""
    base, _, arg = name.partition(".")
    return base, arg


def lookup(name: str) -> Optional[Figure]:
    """The figure a stated name refers to."""
    return FIGURES.get(split_name(name)[0])


def parse_stated(kind: str, value: Any) -> tuple[Optional[Decimal], int]:
    """A stated value as a number (a rate as a fraction) and its number of decimals; None if unreadable."""
    text = str(value).strip()
    if kind == RATE:
        if not text.endswith("%"):
            return None, 0
        text = text[:-1].strip()
    try:
        number = Decimal(text)
    except Exception:
        return None, 0
    places = decimals(number)
    return (number / 100 if kind == RATE else number), places
