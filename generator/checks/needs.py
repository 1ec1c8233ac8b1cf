"""The facts a layout's profile says its main document must state (profile.yaml 必填): each missing one is an error,
since the template leaves it out of a final document (a draft shows it 待补充)."""
from __future__ import annotations

from collections.abc import Callable
from typing import get_args

from generator.checks.indicators import indicator_rows, shortfall_text
from generator.checks.registry import DRAFT_HINT, rule
from generator.errors import Finding
from generator.figures.bundle import Bundle
from generator.figures.indicators import met
from generator.figures.year import three_public_previous
from generator.load.paths import year_file as last_year_file
from generator.load.reader import Loaded
from generator.model.profile import Need


def _to_fill(year_file: Loaded, path: tuple, message: str) -> Finding:
    """An error at a path of the year file, which a draft shows as 【待补充】."""
    return year_file.finding(path, message, placeholder=True)


def organisation_stated(bundle: Bundle) -> bool:
    """Whether the data says how the unit is organised: the year's 机构设置 or 决算单位, or unit.yaml's 内设机构."""
    year, unit = bundle.year, bundle.unit
    return bool(year.institutions or year.covered_units or unit.departments or unit.departments_summary)


def _institutions(bundle: Bundle, year_file: Loaded) -> list[Finding]:
    """机构设置: the section cannot be left empty."""
    if organisation_stated(bundle):
        return []
    return [_to_fill(year_file, ("机构设置",), f"{bundle.layout.primary}的“机构设置”一节没有内容：请写“机构设置”（或“决算单位”，或在 "
                                           f"unit.yaml 写“内设机构”），{DRAFT_HINT}")]


def _nature(bundle: Bundle, year_file: Loaded) -> list[Finding]:
    """经费性质: the 决算单位 table prints each unit's (the unit's own 单位性质 when none is listed), never a blank cell."""
    units, where = bundle.year.covered_units, f"{bundle.layout.primary}的部门决算单位表"
    if units:
        return [_to_fill(year_file, ("决算单位", i, "经费性质"), f"{where}要写“{u.name}”的经费性质（例如“财政拨款”）：请补充，{DRAFT_HINT}")
                for i, u in enumerate(units) if not u.nature]
    if bundle.unit.nature:
        return []
    return [_to_fill(year_file, ("决算单位",), f"{where}要写本单位的经费性质：请在 unit.yaml 写“单位性质”（例如“财政拨款”），或在年度文件"
                                            f"写“决算单位”（每个单位的名称、经费性质、编制、在职），{DRAFT_HINT}")]


def _approval(bundle: Bundle, year_file: Loaded) -> list[Finding]:
    """批复文件: the document opens by citing the approval of the year's 决算."""
    publication = bundle.year.publication
    if publication.approval and publication.number:
        return []
    missing = "批复文件" if not publication.approval else "批复文号"
    return [_to_fill(year_file, ("公开", missing), f"{bundle.layout.primary}开头要写财政部门批复本年度决算的文件和文号：请在“公开”下写"
                                               f"“批复文件”和“批复文号”，{DRAFT_HINT}")]


def _date(bundle: Bundle, year_file: Loaded) -> list[Finding]:
    """落款日期: the document is signed and dated."""
    if bundle.year.publication.date:
        return []
    return [_to_fill(year_file, ("公开", "日期"), f"{bundle.layout.primary}末尾要落款日期：请在“公开”下写“日期”（例如 2018-08-17），{DRAFT_HINT}")]


def _key_work(bundle: Bundle, year_file: Loaded) -> list[Finding]:
    """主要工作任务: the section cannot be left empty."""
    if bundle.year.key_work:
        return []
    return [_to_fill(year_file, ("重点工作",), f"{bundle.layout.primary}讲本年主要工作（主要工作任务、重点工作完成情况）的一节没有内容：请写“重点工作”，{DRAFT_HINT}")]


# 上年.<figure>: last year's figure a layout compares with, and whether this year's document prints the comparison
LAST_YEAR: dict[str, Callable[[Bundle], tuple[object, bool]]] = {
    "收入合计": lambda b: (b.year.previous.income_total, True),
    "支出合计": lambda b: (b.year.previous.expenditure_total, True),
    "财政拨款收支总计": lambda b: (b.year.previous.fiscal_total, True),
    "一般公共预算财政拨款支出": lambda b: (b.year.previous.general_budget_expenditure, True),
    "政府性基金预算财政拨款支出": lambda b: (b.year.previous.government_fund, bool(b.figures.fund_spending.get("政府性基金预算"))),
    "三公经费": lambda b: (three_public_previous(b.year)["total"], True),
    "公务接待费": lambda b: (three_public_previous(b.year)["reception"], True),
    "机关运行经费": lambda b: (b.year.previous.operating, True),
}


def _last_year(label: str) -> Callable[[Bundle, Loaded], list[Finding]]:
    """上年.<label>: the document compares the figure with last year's, so last year's must be known."""
    def check(bundle: Bundle, year_file: Loaded) -> list[Finding]:
        value, printed = LAST_YEAR[label](bundle)
        if not printed or value is not None:
            return []
        last = bundle.year.year - 1
        return [_to_fill(year_file, ("上年", label), f"{bundle.layout.primary}要把{label}与{last}年比较，但不知道{last}年的{label}："
                                                    f"{last_file_hint(year_file, last)}，或在“上年”下写“{label}”（上年没有这项收支时写 0），{DRAFT_HINT}")]
    return check


def last_file_hint(year_file: Loaded, last: int) -> str:
    """What to do about last year's file: put it beside this one, or correct it when it is there but gave no figure."""
    found = last_year_file(year_file.path.parent, last)
    if found is None:
        return f"请放上 {last}.yaml"
    return f"{found.name} 里读不出这个数（文件有错误时请先改正它，运行 check 检查 {found.name}）"


def _line_comparisons(bundle: Bundle, year_file: Loaded) -> list[Finding]:
    """各科目上年决算数: each code line is compared with last year, so each needs its 上年决算数."""
    last = bundle.year.year - 1
    return [_to_fill(year_file, ("支出", "科目", i, "上年决算数"), f"{bundle.layout.primary}逐项说明科目 {line.code} 与{last}年相比的增减，"
                                                                f"但这一项没有上年决算数：请填写（上年没有这个科目时写 0），{DRAFT_HINT}")
            for i, line in enumerate(bundle.year.expenditure.lines) if line.previous is None]


def _deviations(bundle: Bundle, year_file: Loaded) -> list[Finding]:
    """指标偏差原因: the form prints why a target was missed, so each missed one has its reason."""
    return [_to_fill(year_file, path + ("偏差原因",), f"{shortfall_text(indicator)}，要写偏差原因（未完成原因分析及改进措施）。请补充，"
                                                   f"{DRAFT_HINT}")
            for path, indicator in indicator_rows(bundle.year)
            if met(indicator.target, indicator.actual, indicator.nature) is False and not indicator.deviation.strip()]


CHECKS: dict[str, Callable[[Bundle, Loaded], list[Finding]]] = {
    "机构设置": _institutions, "经费性质": _nature, "批复文件": _approval, "落款日期": _date, "主要工作任务": _key_work, "指标偏差原因": _deviations,
    "各科目上年决算数": _line_comparisons, **{f"上年.{label}": _last_year(label) for label in LAST_YEAR},
}


assert set(CHECKS) == set(get_args(Need)), "every 必填 a profile may name has its check"


@rule
def layout_needs_met(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Each fact the layout's profile lists under 必填 is stated."""
    return [finding for need in bundle.layout.needs for finding in CHECKS[need](bundle, year_file)]
