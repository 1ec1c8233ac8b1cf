"""The requirements table: which facts each document kind needs, and what happens when one is missing.

`check`, `generate` and `--draft` all read this table:
- for the document a unit publishes (its layout's kind), a missing fact is an error, and a draft shows a placeholder;
- for the other kinds, a missing fact either skips the document (SKIP) or, for the national 部门决算, makes it a
  draft when its tables lack their detail facts (DRAFT).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from generator.constants import TextEnum
from generator.figures import national as fn
from generator.figures.bundle import Bundle
from generator.figures.core import Comparison, compared
from generator.figures.tables import detail_sources, income_sources
from generator.model import Unit, Year


class Otherwise(TextEnum):
    """What happens to a document that is not the unit's own when it lacks a fact: it is skipped, or made a draft."""

    SKIP = "skip"
    DRAFT = "draft"


SKIP, DRAFT = Otherwise.SKIP, Otherwise.DRAFT

FINAL = "部门决算说明"
OVERALL = "部门整体支出绩效评价报告"
PROJECT = "项目支出绩效评价报告"
SELF = "部门整体支出绩效自评报告"
NATIONAL = "部门决算"
PROJECT_FORM = "项目支出绩效自评表"


@dataclass(frozen=True)
class Need:
    """One fact a document needs: the YAML keys that can hold it (any one is enough)."""

    paths: tuple[tuple[str, ...], ...]
    unit: bool = False  # a fact of unit.yaml rather than of the year file

    @property
    def label(self) -> str:
        """The fact's name in messages: its keys, joined by 或 when there are several."""
        return " 或 ".join(".".join(p) for p in self.paths)

    def present(self, year: Year, unit: Unit) -> bool:
        """Whether the year (or the unit) holds the fact under one of its keys."""
        return any(value_at(unit if self.unit else year, path) not in (None, {}, []) for path in self.paths)


def need(*paths: str, unit: bool = False) -> Need:
    """A need from dotted key paths, e.g. need("整体支出绩效评价", "整体支出自评")."""
    return Need(tuple(tuple(p.split(".")) for p in paths), unit)


STAFFING = need("编制", unit=True)


@dataclass(frozen=True)
class Requirement:
    """A document kind's needs, and what happens to it when it is not the unit's own document and lacks them."""

    kind: str
    needs: tuple[Need, ...]
    otherwise: Otherwise = SKIP


REQUIREMENTS: dict[str, Requirement] = {r.kind: r for r in (
    Requirement(FINAL, (STAFFING, need("实有人数"), need("经济分类"))),
    Requirement(OVERALL, (STAFFING, need("实有人数"), need("整体支出绩效评价", "整体支出自评"))),
    Requirement(PROJECT, ()),
    Requirement(PROJECT_FORM, ()),  # one per project that has a 自评表; none without
    Requirement(SELF, (STAFFING, need("实有人数"), need("预算"), need("整体支出自评"))),
    Requirement(NATIONAL, (need("基本支出明细"),), DRAFT),  # it never prints 实有人数
)}
KIND_NAMES = list(REQUIREMENTS)


def value_at(model: Any, path: tuple[str, ...]) -> Any:
    """The value at a path of YAML keys in a model (an empty one counts as absent), None when absent."""
    for key in path:
        fields = {f.alias or n: n for n, f in type(model).model_fields.items()}
        model = getattr(model, fields[key], None)
        if model is None:
            return None
    if hasattr(model, "model_fields_set") and not model.model_fields_set:
        return None
    return model


def primary(kind: Optional[str]) -> Optional[Requirement]:
    """The requirement of the document a unit publishes (its layout's 主文档), if any."""
    return REQUIREMENTS.get(kind or "")


def absent_in_data(requirement: Requirement, data: dict) -> list[tuple[str, ...]]:
    """The first key path of each need that the plain data of a year file does not hold (checked before the model)."""
    return [n.paths[0] for n in requirement.needs if not n.unit and all(data.get(p[0]) is None for p in n.paths)]


def absent_in_unit(requirement: Requirement, unit: Unit) -> list[tuple[str, ...]]:
    """The first key path of each unit.yaml need the unit does not hold."""
    return [n.paths[0] for n in requirement.needs if n.unit and not n.present(Year.model_construct(), unit)]


def skipped_for(requirement: Requirement, year: Year, unit: Unit) -> list[str]:
    """The needs whose absence skips a document that is not the unit's own (none for a DRAFT kind)."""
    if requirement.otherwise != SKIP:
        return []
    return [n.label for n in requirement.needs if not n.present(year, unit)]


def table_facts(year: Year) -> dict[str, list[str]]:
    """Per national table, the detail facts the year lacks for it (table number → YAML keys)."""
    lines = year.expenditure.lines
    split = [line.code for line in lines if line.basic is None and line.project is None]  # one part: reported as that part
    per_code_income = year.income != type(year.income)() and not year.non_fiscal_income and not any(line.income is not None for line in lines)
    out: dict[str, list[str]] = {}
    if per_code_income and income_sources(year) != detail_sources(year):
        out["二"] = ["各科目的财政拨款收入（收入数）", "非财政拨款收入"]
    if split:
        out["三"] = out["五"] = ["科目" + "、".join(split[:3]) + ("等" if len(split) > 3 else "") + "的基本支出和项目支出"]
    if not year.economic_lines:
        out["六"] = ["基本支出明细（按经济分类科目的基本支出）"]
    return out


def reason_gaps(bundle: Bundle) -> list[tuple[tuple, str]]:
    """The national layout's 大于/小于 sentences that lack the clerk's reason: (YAML path, what differs)."""
    year, f = bundle.year, bundle.figures
    basis = year.budget_basis
    gaps: list[tuple[tuple, str]] = []
    for i, line in enumerate(year.expenditure.lines):
        word = compared(line.actual, line.compared_budget(basis))
        if word not in (Comparison.UNKNOWN, Comparison.EQUAL) and not line.reason:
            gaps.append((("支出", "科目", i, "说明"), f"科目 {line.code} 决算数{word}{basis}数"))
    general = fn.general_budget(year, f, bundle.tables)["general_word"]
    if general not in (Comparison.UNKNOWN, Comparison.EQUAL) and not year.reasons.execution:
        gaps.append((("变动原因", "预算执行"), f"一般公共预算财政拨款支出决算数{general}{basis}数"))
    three_public = compared(f.three_public_total, f.three_public_budget)
    if three_public not in (Comparison.UNKNOWN, Comparison.EQUAL) and not year.three_public.budget_reason:
        gaps.append((("三公经费", "预算差异原因"), f"“三公”经费决算数{three_public}预算数"))
    return gaps


def comparison_gaps(bundle: Bundle) -> list[str]:
    """The national layout's comparisons with last year whose 上年 figure is unknown (the 上年 keys)."""
    prev, figures = bundle.year.previous, bundle.figures
    compared_with = [("收支总计", prev.grand_total, True), ("财政拨款收支总计", prev.fiscal_total, True),
                     ("一般公共预算财政拨款支出", prev.general_budget_expenditure, True),
                     ("机关运行经费", prev.operating, bool(figures.operating)),
                     ("三公经费", prev.three_public, bool(figures.three_public_total))]
    return [label for label, value, printed in compared_with if printed and value is None]


def renders_as_draft(requirement: Requirement, bundle: Bundle, own: bool) -> bool:
    """Whether a DRAFT kind that is not the unit's own document lacks facts it prints (a table's detail, a reason, a
    figure to compare with), and so renders as a draft."""
    return requirement.otherwise == DRAFT and not own and bool(table_facts(bundle.year) or reason_gaps(bundle)
                                                               or comparison_gaps(bundle))
