"""The plain sums and differences other stages need: a check comparing a written amount with a computed one, the
workbook import splitting a table's cell between the facts that make it up."""
from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from decimal import Decimal
from typing import Optional

from generator.constants import ZERO


def total(amounts: Iterable[Optional[Decimal]]) -> Decimal:
    """The sum of some amounts, a blank one counting as zero."""
    return sum((ZERO if a is None else a for a in amounts), ZERO)


HALF_CENT = Decimal("0.005")  # 万元: the most one printed amount can differ from the 元 it rounds


def within_rounding(a: Decimal, b: Decimal, items: int) -> bool:
    """Whether two amounts differ by no more than rounding some items one by one can make (half a cent per item): a
    total the 决算 system printed from its 元 beside the sum of its printed items."""
    return gap(a, b) <= HALF_CENT * items


def gap(a: Decimal, b: Decimal) -> Decimal:
    """How far apart two amounts are (never negative)."""
    return abs(a - b)


def nearer(value: Decimal, first: Decimal, second: Decimal) -> bool:
    """Whether a value is strictly nearer the first amount than the second."""
    return gap(value, first) < gap(value, second)


def remainder(whole: Decimal, part: Decimal) -> Decimal:
    """What a whole leaves once a part of it is accounted for elsewhere."""
    return whole - part


def add_to(totals: MutableMapping[str, Decimal], key: str, amount: Decimal) -> None:
    """Add an amount to one key's running total."""
    totals[key] = totals.get(key, ZERO) + amount
