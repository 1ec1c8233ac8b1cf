"""Rules over performance indicators (the 自评表's and each project's): a target met or missed as its numbers say, the
score the proportional rule gives, a result written; and the 评价结论 stating the 自评总分. (A shortfall's reason is
required where the layout's form prints one: 必填 指标偏差原因, checks.needs.)"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from generator.checks.registry import DRAFT_HINT, rule
from generator.errors import WARNING, Finding
from generator.figures.bundle import Bundle
from generator.figures.indicators import met, rule_score
from generator.figures.sums import gap
from generator.formatting import score
from generator.load.reader import Loaded
from generator.model import Indicator, Year
from generator.pending import is_pending


def indicator_rows(year: Year) -> Iterator[tuple[tuple, Indicator]]:
    """Every indicator of the year with its YAML path: the 自评表's, then each project's."""
    if year.self_evaluation is not None:
        for i, indicator in enumerate(year.self_evaluation.indicators):
            yield ("整体支出自评", "绩效指标", i), indicator
    for p, project in enumerate(year.projects):
        for i, indicator in enumerate(project.indicators):
            yield ("项目", p, "绩效指标", i), indicator


def _name(indicator: Indicator) -> str:
    """How a message names an indicator: its 三级指标, else its 一级指标."""
    return indicator.level3 or indicator.level2 or indicator.level1


@rule
def indicators_scored_by_their_results(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """An indicator's result is written; a missed target is not scored full (the proportional rule's score is expected);
    a met one scores its full weight."""
    out: list[Finding] = []
    for path, indicator in indicator_rows(bundle.year):
        if not indicator.actual.strip():
            out.append(year_file.finding(path + ("实际完成值",), f"指标“{_name(indicator)}”的实际完成值还没有填写。请填写，{DRAFT_HINT}",
                                         placeholder=True))
            continue
        reached = met(indicator.target, indicator.actual, indicator.nature)
        if reached is False:
            out += _shortfall(year_file, path, indicator, bundle.layout.rules.proportional)
        elif reached and indicator.weight is not None and indicator.score is not None and indicator.score < indicator.weight:
            out.append(year_file.finding(path + ("得分",), f"指标“{_name(indicator)}”达到了指标值（{indicator.target}，完成 {indicator.actual}），"
                                                          f"按评分规则应得满分 {score(indicator.weight)} 分，填的是 {score(indicator.score)} 分。"
                                                          "请核对。", WARNING))
    return out


def shortfall_text(indicator: Indicator) -> str:
    """How a message describes a missed target."""
    return f"指标“{_name(indicator)}”没有达到指标值（{indicator.target}，实际完成 {indicator.actual}）"


def _shortfall(year_file: Loaded, path: tuple, indicator: Indicator, proportional: bool) -> list[Finding]:
    """A missed target scored below its full weight: the share of the target reached (or 0, as the layout says)."""
    what, out = shortfall_text(indicator), list[Finding]()
    weight, given = indicator.weight, indicator.score
    if weight is None or given is None:
        return out
    due = rule_score(indicator.target, indicator.actual, weight, indicator.nature, proportional)
    if given >= weight:
        rule = "按完成比例" if proportional else "按评分规则"
        out.append(year_file.finding(path + ("得分",), f"{what}，却得了满分 {score(weight)} 分；{rule}应得 {score(due)} 分。请改正。"))
    elif due is not None and gap(given, due) > Decimal("0.01"):
        how = f"按完成比例应得 {score(due)} 分（{score(weight)} 分 × 完成比例）" if proportional else "按评分规则未达标的指标得 0 分"
        out.append(year_file.finding(path + ("得分",), f"{what}，{how}，填的是 {score(given)} 分。请核对。", WARNING))
    return out


@rule
def conclusion_states_the_total(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A written 评价结论 states the 自评总分 the 自评表 gives."""
    evaluation, figures = bundle.year.overall_evaluation, bundle.figures.self_eval
    if evaluation is None or not evaluation.conclusion or figures is None or is_pending(figures.score_total):
        return []
    total = score(figures.score_total)
    if total in evaluation.conclusion:
        return []
    return [year_file.finding(("整体支出绩效评价", "评价结论"), f"评价结论没有写出自评总分：自评表的总分是 {total} 分（等级“{figures.grade}”）。"
                                                        "请在评价结论中写明。", WARNING)]
