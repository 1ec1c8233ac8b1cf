"""Template variables of a project's 部门预算项目支出绩效自评表 (四川)."""
from __future__ import annotations

from typing import Any

from generator import formatting
from generator.contexts.common import base_context, project_view
from generator.figures import project_form as pf
from generator.figures.bundle import Bundle
from generator.figures.indicators import QUALITATIVE, measure, scored
from generator.model import Indicator, Project


def forms(bundle: Bundle) -> list[int]:
    """The indexes of the projects that have a 自评表."""
    return [i for i, p in enumerate(bundle.year.projects) if p.form is not None]


def project_form(bundle: Bundle, index: int) -> dict[str, Any]:
    """Variables of one project's 自评表."""
    ctx = base_context(bundle)
    project = bundle.year.projects[index]
    form, figures = project.form, pf.compute(project, bundle.layout.rules.proportional)
    assert form is not None and figures is not None
    ctx.update({
        "project": project_view(bundle, project, index), "form": form, "pf": figures,
        "department": form.department or bundle.unit.name,
        "implementer": form.implementer or project.budget_unit or bundle.unit.name,
        "form_rows": [form_row(i, figures.proportional) for i in project.indicators],
        "conclusion": form.conclusion or _conclusion(project, figures),
    })
    return ctx


def form_row(indicator: Indicator, proportional: bool) -> dict[str, Any]:
    """An indicator as the form's columns give it: 指标性质, 指标值 and 度量单位 apart when it is quantitative."""
    target = measure(indicator.target, indicator.nature)
    done = measure(indicator.actual, None if indicator.nature == QUALITATIVE else "=")
    return {
        "level1": indicator.level1, "level2": indicator.level2, "level3": indicator.level3,
        "nature": target.sign if target else QUALITATIVE,
        "value": formatting.score(target.number) if target else indicator.target, "unit": target.unit if target else "",
        "actual": formatting.score(done.number) if target and done and done.unit in ("", target.unit) else indicator.actual,
        "weight": indicator.weight, "score": scored(indicator, proportional), "reason": indicator.deviation,
    }


def _conclusion(project: Project, figures: pf.ProjectFormFigures) -> str:
    """The 评价结论 when the clerk writes none: the 自评总分 and the execution."""
    rate = figures.funds[0].rate
    executed = f"预算执行率{formatting.percent(rate, 2, False)}，" if rate is not None else ""
    return f"经自评，“{project.name}”项目{executed}自评总分{formatting.score(figures.score_total)}分。"
