"""Consistency rules over a unit-year's facts and figures; each problem a located finding."""
from __future__ import annotations

from decimal import Decimal
from typing import Callable

from .contexts import Bundle
from .errors import ERROR, WARNING, Finding
from .formatting import money
from .loading import Loaded

ROUNDING = Decimal("0.01")

Rule = Callable[[Bundle, Loaded, Loaded], list[Finding]]
RULES: list[Rule] = []


def rule(func: Rule) -> Rule:
    """Register a consistency rule."""
    RULES.append(func)
    return func


def run(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Every finding of every rule."""
    findings: list[Finding] = []
    for check in RULES:
        findings.extend(check(bundle, year_file, unit_file))
    return findings


def mismatch(loaded: Loaded, path: tuple, stated: Decimal, computed: Decimal, what: str) -> list[Finding]:
    """A finding when a stated total differs from its parts: 警告 within rounding, 错误 beyond."""
    diff = abs(stated - computed)
    if diff == 0:
        return []
    severity = WARNING if diff <= ROUNDING else ERROR
    return [loaded.finding(path, f"填写的 {money(stated)} 与{what} {money(computed)} 相差 {money(diff)} 万元。请核对各项数字或合计数。", severity)]


@rule
def year_matches_file(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """The 年度 inside a year file equals its file name."""
    name = year_file.path.stem
    if name.isdigit() and int(name) != bundle.year.year:
        return [year_file.finding(("年度",), f"文件名是 {name}.yaml，但年度写的是 {bundle.year.year}。请改正其中一个。")]
    return []


@rule
def spending_kinds_add_up(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """基本支出 + 项目支出 equals the sum of the code lines."""
    e = bundle.year.expenditure
    return mismatch(year_file, ("支出", "项目支出"), e.basic + e.project, bundle.figures.expenditure_total,
                    "基本支出与项目支出之和对比：各科目决算数合计")


@rule
def economic_adds_up(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """人员经费 + 公用经费 + 资本性支出 equals total spending."""
    if bundle.year.economic is None:
        return []
    return mismatch(year_file, ("经济分类",), bundle.figures.economic_total, bundle.figures.expenditure_total,
                    "人员经费、公用经费、资本性支出之和对比：各科目决算数合计")


@rule
def codes_known(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Every code exists in the catalogue, appears once, and any stated name matches."""
    out, seen = [], {}
    for i, line in enumerate(bundle.year.expenditure.lines):
        path = ("支出", "科目", i, "科目编码")
        official = bundle.catalog.name(line.code, bundle.year.year)
        if official is None:
            out.append(year_file.finding(path, f"科目编码 {line.code} 不在功能分类科目目录中（data/common/功能分类科目.yaml）。请核对编码。"))
        elif line.name and line.name != official:
            out.append(year_file.finding(("支出", "科目", i, "科目名称"), f"科目 {line.code} 在目录中的名称是“{official}”，这里写的是“{line.name}”。请改正或删去科目名称。"))
        if line.code in seen:
            out.append(year_file.finding(path, f"科目编码 {line.code} 重复（第 {seen[line.code] + 1} 项已有）。请合并为一项。"))
        seen.setdefault(line.code, i)
    return out


@rule
def spending_within_means(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Fiscal spending does not exceed fiscal income plus carry-over."""
    end = bundle.figures.fiscal_end
    if end < 0:
        return [year_file.finding(("支出", "科目"), f"财政拨款支出超过了财政拨款收入与年初结转和结余之和 {money(-end)} 万元。请核对收入或支出。")]
    return []
