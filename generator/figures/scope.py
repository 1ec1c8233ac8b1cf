"""基本支出 in the scope a figure is stated in: the 一般公共预算财政拨款 lines' (as table 6 and its section state it) or
all funds' (财政拨款 and the unit's other funds)."""
from __future__ import annotations

from decimal import Decimal
from typing import get_args

from generator.constants import FUNDS
from generator.figures.core import total_or_none
from generator.figures.year import spending_kind
from generator.model import Year
from generator.model.accounts import EconomicScope
from generator.pending import Pending

GENERAL, ALL_FUNDS = get_args(EconomicScope)


def basic_in_scope(year: Year, scope: str) -> Decimal:
    """基本支出 of a scope; pending while a line of it has no 基本支出 written."""
    if scope == ALL_FUNDS:
        return spending_kind(year, "basic")
    split = total_or_none([line.basic for line in year.expenditure.lines if line.fund == FUNDS[0]])
    return Pending("基本支出") if split is None else split


def basic_items(year: Year, scope: str) -> int:
    """How many printed amounts the 基本支出 of a scope adds up: its lines (with the non-fiscal ones for all funds)."""
    fiscal = [line for line in year.expenditure.lines if scope == ALL_FUNDS or line.fund == FUNDS[0]]
    return len(fiscal) + (len(year.non_fiscal_spending) if scope == ALL_FUNDS else 0)
