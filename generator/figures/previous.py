"""Last year's figures that this year's comparisons need, derived from last year's facts."""
from __future__ import annotations

from decimal import Decimal
from typing import Optional

from generator.constants import ZERO
from generator.figures.core import total_or_none
from generator.figures.tables import compute_tables
from generator.figures.year import Figures, compute
from generator.model import Previous, Year

# Previous field → how last year's figures give it
FROM_FIGURES = {
    "income_total": lambda f, y: f.income_total,
    "expenditure_total": lambda f, y: f.expenditure_total,
    "fiscal_total": lambda f, y: f.fiscal_total,
    "general_budget_expenditure": lambda f, y: f.general_budget,
    "operating": lambda f, y: f.operating,
    "reception": lambda f, y: y.three_public.reception.actual,
    "three_public": lambda f, y: f.three_public_total,
    "abroad": lambda f, y: f.three_public[0].amount,
    "vehicles": lambda f, y: f.three_public[1].amount,
    "government_fund": lambda f, y: f.fund_spending.get("政府性基金预算", ZERO),
}


def derive(last: Year) -> Previous:
    """The previous-year figures a year file needs, computed from last year's facts."""
    figures: Figures = compute(last)
    tables = compute_tables(last)
    values = {name: get(figures, last) for name, get in FROM_FIGURES.items()}
    values["grand_total"] = tables.grand_total
    return Previous(**values)


def lines_previous(year: Year, fund: str) -> Optional[Decimal]:
    """The 上年决算数 of one fund's code lines together; None unless there are such lines and each has one."""
    written = [line.previous for line in year.expenditure.lines if line.fund == fund]
    return total_or_none(written) if written else None
