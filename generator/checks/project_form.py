"""Rules over a project's 部门预算项目支出绩效自评表 (四川), as its printed rules say: the indicators' weights make its
90 分, each indicator is scored, a budget adjusted during the year or executed below 90% is explained, and the 评价结论
states the 自评总分."""
from __future__ import annotations

from generator.checks.registry import DRAFT_HINT, rule
from generator.errors import WARNING, Finding
from generator.figures import project_form as pf
from generator.figures.bundle import Bundle
from generator.figures.indicators import scored
from generator.formatting import money, percent, score
from generator.load.reader import Loaded
from generator.model import Project


@rule
def project_forms_complete(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Each project 自评表 follows the form's rules."""
    out: list[Finding] = []
    for p, project in enumerate(bundle.year.projects):
        figures = pf.compute(project, bundle.layout.rules.proportional)
        if figures is not None:
            out += _indicators(year_file, ("项目", p), project, figures) + _budget(year_file, ("项目", p), project, figures)
    return out


def _indicators(year_file: Loaded, path: tuple, project: Project, figures: pf.ProjectFormFigures) -> list[Finding]:
    """The weights make 90 分; every indicator has a weight and a score (the rule's, or the clerk's for a qualitative one)."""
    out = [year_file.finding(path + ("绩效指标", i), f"自评表的指标“{indicator.level3 or indicator.level1}”缺少"
                                                  f"{'权重（分值）' if indicator.weight is None else '得分（定性指标要由单位评分）'}。请填写，{DRAFT_HINT}",
                             placeholder=True)
           for i, indicator in enumerate(project.indicators)
           if indicator.weight is None or scored(indicator, figures.proportional) is None]
    out += [year_file.finding(path + ("绩效指标", i, "得分"), f"指标“{indicator.level3 or indicator.level1}”的得分 {score(indicator.score)} "
                                                          f"超出权重 {score(indicator.weight)} 的范围（0 至 {score(indicator.weight)} 分）。")
            for i, indicator in enumerate(project.indicators)
            if indicator.score is not None and indicator.weight is not None and not 0 <= indicator.score <= indicator.weight]
    if figures.indicator_weight != pf.INDICATORS_WEIGHT:
        out.append(year_file.finding(path + ("绩效指标",), f"项目“{project.name}”自评表的绩效指标权重合计应为 {score(pf.INDICATORS_WEIGHT)} 分"
                                                         f"（预算执行 {score(pf.BUDGET_WEIGHT)} 分另计），现在是 {score(figures.indicator_weight)} 分。"
                                                         "请调整各指标的分值。"))
    return out


def _budget(year_file: Loaded, path: tuple, project: Project, figures: pf.ProjectFormFigures) -> list[Finding]:
    """An adjusted budget and an execution below 90% each have their reason; the 评价结论 states the 自评总分."""
    form, total, out = project.form, figures.funds[0], list[Finding]()
    assert form is not None
    if figures.adjusted and not form.adjustment_reason:
        out.append(year_file.finding(path + ("自评表", "调整原因"), f"项目“{project.name}”年中调整了预算（年初 {money(total.initial)} 万元，调整后 "
                                                                 f"{money(total.adjusted)} 万元），自评表要单独说明理由。请写“调整原因”，{DRAFT_HINT}", placeholder=True))
    if total.rate is not None and total.rate < pf.LOW_EXECUTION and not form.execution_reason:
        out.append(year_file.finding(path + ("自评表", "执行偏差原因"), f"项目“{project.name}”预算执行率 {percent(total.rate, 2, False)} 未达到 90%，"
                                                                   f"自评表要说明原因。请写“执行偏差原因”，{DRAFT_HINT}", placeholder=True))
    if form.conclusion and score(figures.score_total) not in form.conclusion:
        out.append(year_file.finding(path + ("自评表", "评价结论"), f"评价结论没有写出项目自评总分 {score(figures.score_total)} 分。请写明。",
                                     WARNING))
    return out
