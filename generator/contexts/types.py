"""The variables each document kind's templates see: one TypedDict per kind, the source templates/README.md documents."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Optional, TypedDict

from generator.figures.core import Change
from generator.figures.national import Performance
from generator.figures.selfeval import SelfEvalFigures
from generator.figures.tables import Tables
from generator.figures.year import Figures
from generator.formatting import HeadingCounter, NumberFormat
from generator.model import Report, SelfEvaluation, Unit, Year
from generator.model.profile import Options

Rows = list[dict[str, Any]]


class Common(TypedDict):
    """Every document of a unit-year."""

    unit: Unit
    d: Year
    f: Figures
    year: int
    prev_year: int
    staffing: dict[str, Any]
    budget_unit: str
    numbering: HeadingCounter
    part: Callable[[], str]
    h1: Callable[[], str]
    h2: Callable[[], str]
    h3: Callable[[], str]
    h4: Callable[[], str]
    item: Callable[[], str]
    number_format: NumberFormat
    options: Options
    income_parts: Rows
    spending_kind: Rows
    classes: Rows
    changes: dict[str, Change]
    projects: Rows


class FinalAccounts(Common):
    """部门决算说明 (四川)."""

    three_public: dict[str, Any]
    glossary: Rows
    assessed_projects: list[str]
    targeted_count: int
    monitored_count: int
    self_evaluated_count: int
    vehicles: Rows
    annexes: Rows
    overall_annex: Optional[int]
    project_annexes: Rows
    procurement: Rows


class OverallEvaluation(Common):
    """部门整体支出绩效评价报告 (四川)."""

    ev: dict[str, str]


class ProjectReport(Common):
    """项目支出绩效评价报告 (四川)."""

    project: dict[str, Any]
    report: Optional[Report]
    blocks: Rows


class SelfEvaluationReport(Common):
    """部门整体支出绩效自评报告 (湖南)."""

    functions: Rows
    department_count: int
    departments: list[str]
    work: Rows
    work_intro: Rows
    work_summary: Rows
    project_funds: Decimal
    se: Optional[SelfEvalFigures]
    sd: Optional[SelfEvaluation]
    achieved: str
    indicator_rows: Rows
    grades: Rows


class National(Common):
    """部门决算 (全国)."""

    t: Tables
    covered: Rows
    organization: str
    reason_missing: str
    missing_tables: dict[str, list[str]]
    glossary: Rows
    sources: Rows
    class_rows: Rows
    fund_rows: Rows
    income_rows: Rows
    spending_rows: Rows
    general_rows: Rows
    economic_rows: Rows
    gov_fund_rows: Rows
    capital_rows: Rows
    income_total: list
    spending_total: list
    general_total: list
    gov_fund_rows_total: list
    capital_rows_total: list
    fiscal_totals: list[Decimal]
    fiscal_spending_total: Decimal
    fiscal_income_total: Decimal
    fiscal_start_total: Decimal
    fiscal_end_total: Decimal
    fund_grand: list[Decimal]
    general: Decimal
    general_share: Optional[Decimal]
    general_change: Change
    general_initial: Decimal
    general_completion: Optional[Decimal]
    general_full: Optional[Decimal]
    general_full_completion: Optional[Decimal]
    general_basis_completion: Optional[Decimal]
    budget_basis: str
    basis_word: str
    general_word: str
    tp: dict[str, Any]
    perf: Performance
    grand_change: Change
    fiscal_grand: Decimal
    fiscal_change: Change
    spending_parts: Rows
    general_classes: Rows
    item_lines: Rows
    gov_fund_lines: Rows
    capital_lines: Rows
    vehicle_counts: Rows
    personnel: Decimal
    public: Decimal
    basic_total: Decimal
    personnel_names: list[str]
    public_names: list[str]


RENDER_NAMES = ("subdocs", "draft", "draft_mark")  # added by the renderer to every document
VARIABLES: dict[str, type] = {
    "部门决算说明": FinalAccounts, "部门整体支出绩效评价报告": OverallEvaluation, "项目支出绩效评价报告": ProjectReport,
    "部门整体支出绩效自评报告": SelfEvaluationReport, "部门决算": National,
}


def names(kind: str) -> set[str]:
    """The variable names a kind's templates can use."""
    return set(VARIABLES[kind].__required_keys__) | set(RENDER_NAMES)  # type: ignore[attr-defined]
