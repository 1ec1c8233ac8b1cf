"""The arithmetic every figure is built from: exact ratios, largest-remainder shares, changes, breakdowns."""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import ClassVar, Optional

from generator.constants import ZERO, TextEnum
from generator.formatting import quantize
from generator.pending import is_pending
from generator.provenance import labelled


def ratio(numerator: Optional[Decimal], denominator: Optional[Decimal]) -> Optional[Decimal]:
    """numerator / denominator as an exact fraction, None when undefined."""
    if numerator is None or not denominator:
        return None
    if is_pending(numerator) or is_pending(denominator):
        return numerator / denominator if is_pending(numerator) else denominator.__rtruediv__(numerator)
    return (numerator if isinstance(numerator, Decimal) else Decimal(numerator)) / denominator


def total_or_none(values: list[Optional[Decimal]]) -> Optional[Decimal]:
    """The sum of values, or None when any is unknown."""
    known = [v for v in values if v is not None]
    return sum(known, ZERO) if len(known) == len(values) else None


def shares(amounts: list[Decimal], places: int = 1, whole: bool = True) -> list[Optional[Decimal]]:
    """Percent shares of a whole: rounded so they sum to exactly 100 (largest remainder), or (``whole`` false) each
    rounded on its own, half up, as some layouts print them."""
    total = sum(amounts, ZERO)
    if is_pending(total):
        return [total] * len(amounts)
    if not amounts or total <= 0 or any(a < 0 for a in amounts):
        return [None] * len(amounts)
    unit = Decimal(1).scaleb(-places)
    exact = [a * 100 / total for a in amounts]
    if not whole:
        return [e.quantize(unit, rounding=ROUND_HALF_UP) for e in exact]
    floors = [e.quantize(unit, rounding=ROUND_FLOOR) for e in exact]
    missing = int(((Decimal(100) - sum(floors, ZERO)) / unit).to_integral_value())
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:missing]:
        floors[i] = labelled(floors[i] + unit, "占比（各项舍去尾数后，余数最大的补足合计100%）")
    return list[Optional[Decimal]](floors)


@dataclass
class Change:
    """A figure against last year's: the difference and the growth rate."""

    LABELS: ClassVar[dict[str, str]] = {
        "current": "本年数",
        "previous": "上年数（上年数据未知时为空）",
        "delta": "增减额：本年数 − 上年数",
        "rate": "增减幅度：增减额 ÷ 上年数（绝对值，增减由措辞表达）",
        "known": "上年数是否已知",
    }

    current: Decimal
    previous: Optional[Decimal]

    @property
    def delta(self) -> Optional[Decimal]:
        """current − previous, None without a previous figure."""
        return None if self.previous is None else labelled(self.current - self.previous, "增减额")

    @property
    def rate(self) -> Optional[Decimal]:
        """delta / previous as a fraction (absolute value; the wording carries the sign)."""
        delta = self.delta
        return None if delta is None else labelled(ratio(abs(delta), self.previous), "增减幅度")

    @property
    def known(self) -> bool:
        """Whether last year's figure is known."""
        return self.previous is not None


@dataclass
class Part:
    """One part of a breakdown: a key, its amount and its share in percent points."""

    LABELS: ClassVar[dict[str, str]] = {
        "key": "这一部分的名称或科目编码",
        "amount": "金额（万元）",
        "share": "占比（百分点，同一构成各部分合计正好 100）",
        "budget": "预算数（万元，未知时为空）",
        "completion": "完成预算的比率：金额 ÷ 预算数",
    }

    key: str
    amount: Decimal
    share: Optional[Decimal] = None
    budget: Optional[Decimal] = None

    @property
    def completion(self) -> Optional[Decimal]:
        """amount / budget."""
        return ratio(self.amount, self.budget)


def breakdown(items: list[tuple[str, Decimal]], budgets: Optional[list[Optional[Decimal]]] = None, places: int = 1,
              whole: bool = True) -> list[Part]:
    """Parts with shares (at some decimal places) that sum to 100, or each rounded on its own (``whole`` false)."""
    values = shares([amount for _, amount in items], places, whole)
    known: list[Optional[Decimal]] = list(budgets) if budgets else [None] * len(items)
    return [Part(k, a, s, b) for (k, a), s, b in zip(items, values, known)]


@dataclass
class CodeGroup:
    """Spending lines grouped under a 类 (class) code, with its total and share."""

    LABELS: ClassVar[dict[str, str]] = {
        "code": "类级科目编码",
        "lines": "这一类下的各项（Part）",
        "share": "占一般公共预算支出的比重（百分点）",
        "amount": "这一类的决算数合计（万元）",
        "budget": "这一类的预算数合计（万元，某项预算未知时为空）",
    }

    code: str
    lines: list[Part] = field(default_factory=list)
    share: Optional[Decimal] = None

    @property
    def amount(self) -> Decimal:
        """Total actual spending of the group."""
        return sum((p.amount for p in self.lines), ZERO)

    @property
    def budget(self) -> Optional[Decimal]:
        """Total budget of the group, None when a line's budget is unknown."""
        return total_or_none([p.budget for p in self.lines])


def group_lines(lines: list[Part], digits: int = 3, whole: bool = True) -> list[CodeGroup]:
    """Lines grouped by the leading digits of their code, in code order, with shares (summing to 100 unless not
    ``whole``)."""
    groups: OrderedDict[str, CodeGroup] = OrderedDict()
    for line in sorted(lines, key=lambda p: p.key):
        groups.setdefault(line.key[:digits], CodeGroup(line.key[:digits])).lines.append(line)
    result = list(groups.values())
    for group, value in zip(result, shares([g.amount for g in result], whole=whole)):
        group.share = value
    return result


class Comparison(TextEnum):
    """How spending compares with its budget, as the documents word it ("" while the budget is unknown)."""

    UNKNOWN = ""
    EQUAL = "持平"
    MORE = "大于"
    LESS = "小于"


def compared(actual: Decimal, budget: Optional[Decimal]) -> Comparison:
    """持平, 大于 or 小于: how spending compares with its budget (UNKNOWN while the budget is unknown or pending)."""
    if budget is None or is_pending(budget) or is_pending(actual):
        return Comparison.UNKNOWN
    actual, budget = quantize(actual, 2), quantize(budget, 2)  # as printed: amounts kept to the 分 compare in 万元
    return Comparison.EQUAL if actual == budget else (Comparison.MORE if actual > budget else Comparison.LESS)
