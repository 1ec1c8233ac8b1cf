"""Number-to-text rules: amounts, percentages, change wording, heading numbers, 大写."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import ClassVar

from generator.pending import is_pending

CENT = Decimal("0.01")


@dataclass(frozen=True)
class NumberFormat:
    """How a layout prints rates and shares (decimals, whether a trailing .0 is dropped) and an amount of nothing."""

    LABELS: ClassVar[dict[str, str]] = {
        "places": "百分数的小数位数",
        "trim": "是否去掉末尾的 .0（100%）",
        "zero": "正文中金额为零的写法",
        "cell_zero": "表格中金额为零的写法（空白或 0.00）",
    }

    places: int
    trim: bool
    zero: str = "0.00"  # an amount of nothing in running text
    cell_zero: str = ""  # an amount of nothing in a 决算表 cell (blank, as the official tables print)


DEFAULT_FORMAT = NumberFormat(1, True)  # for a document rendered without a layout's format
LEADS = ("主要用于：", "主要用于", "主要原因是：", "主要原因是", "主要原因：", "主要原因", "用于")
CLOSING = "。；，、,;.：: "


def quantize(value: Decimal, places: int) -> Decimal:
    """The value rounded half-up to the given number of decimal places."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def money(value: Decimal | int | None) -> str:
    """An amount in 万元 printed with two decimals, e.g. ``1622.30``."""
    if value is None:
        return ""
    if is_pending(value):
        return str(value)
    text = f"{quantize(Decimal(value), 2):f}"
    return "0.00" if text == "-0.00" else text


def amount(value: Decimal | int | None, zero: str = "0.00") -> str:
    """An amount in running text: two decimals, and nothing at all written as the layout writes it (0.00 or 0)."""
    if value is not None and not is_pending(value) and Decimal(value) == 0:
        return zero
    return money(value)


def cell(value: Decimal | int | None, zero: str = "") -> str:
    """An amount in a 决算表 cell: two decimals, blank when unknown, and nothing written as the layout writes it."""
    if value is None:
        return ""
    if not is_pending(value) and Decimal(value) == 0:
        return zero
    return money(value)


def percent(rate: Decimal | None, places: int = 1, trim: bool = True) -> str:
    """A fraction printed as a percentage; ``trim`` drops a trailing ``.0`` (``100%``)."""
    if rate is None:
        return ""
    if is_pending(rate):
        return str(rate)
    text = f"{quantize(Decimal(rate) * 100, places):f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return ("0" if text == "-0" else text) + "%"


def share(value: Decimal | None, places: int = 1, trim: bool = True) -> str:
    """A share already expressed in percent points (largest-remainder rounded) as text."""
    if value is None:
        return ""
    if is_pending(value):
        return str(value)
    return percent(Decimal(value) / 100, places, trim)


def score(value: Decimal | int | None) -> str:
    """A score or weight: at most two decimals, trailing zeros dropped (10, 9.5, 8.25)."""
    if value is None:
        return ""
    if is_pending(value):
        return str(value)
    text = f"{quantize(Decimal(value), 2):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def count(value: int | Decimal | None) -> str:
    """A whole number of things (persons, batches, vehicles)."""
    return "" if value is None else str(value)


def increase_word(delta: Decimal | None) -> str:
    """增加 or 减少, chosen by the sign of a change (持平 when zero)."""
    return _by_sign(delta, "增加", "减少", "持平")


def growth_word(delta: Decimal | None) -> str:
    """增长 or 下降, chosen by the sign of a change (持平 when zero)."""
    return _by_sign(delta, "增长", "下降", "持平")


def magnitude(value: Decimal | None, zero: str = "0.00") -> str:
    """An amount without its sign, for printing after a word that carries the sign (增加5.00, 调减3.00)."""
    if value is None or is_pending(value):
        return money(value)
    return amount(abs(value), zero)


def adjust_word(delta: Decimal | None) -> str:
    """追加 or 调减 for a budget adjustment, chosen by its sign (追加 when zero)."""
    return "调减" if delta is not None and not is_pending(delta) and delta < 0 else "追加"


def _by_sign(delta: Decimal | None, up: str, down: str, flat: str) -> str:
    """One of three words by the sign of a number."""
    if is_pending(delta):
        return f"{up}（{down}）"
    if delta is None or quantize(delta, 2) == 0:  # a change printed as 0.00 is none (amounts kept to the 分)
        return flat
    return up if delta > 0 else down


@lru_cache(maxsize=4096)
def chinese_number(n: int) -> str:
    """A positive integer in Chinese numerals (一, 十一, 二十); cn2an's answer remembered (headings ask it again and
    again for the same small numbers)."""
    import cn2an  # imported on first use: it takes most of a second's import budget
    return cn2an.an2cn(int(n))


def chinese_date(day: date) -> str:
    """A date as documents sign it: 2018年8月17日."""
    return f"{day.year}年{day.month}月{day.day}日"


def capital_amount(value_wan: Decimal) -> str:
    """An amount in 万元 written as 大写金额 in yuan (壹仟陆佰贰拾贰万叁仟元整)."""
    import cn2an
    yuan = quantize(Decimal(value_wan) * 10000, 2)
    return cn2an.an2cn(f"{yuan:f}", "rmb")


HEADING_FORMATS = {
    0: lambda n: f"第{chinese_number(n)}部分",
    1: lambda n: f"{chinese_number(n)}、",
    2: lambda n: f"（{chinese_number(n)}）",
    3: lambda n: f"{n}.",
    4: lambda n: f"（{n}）",
    5: lambda n: f"{n}、",  # items listed in a paragraph's place (1、2、3、)
}


@lru_cache(maxsize=4096)
def heading_number(level: int, n: int) -> str:
    """The official number of the n-th heading at a level (第一部分, 一、, （一）, 1., （1）) or of a listed item (1、)."""
    return HEADING_FORMATS[level](n)


class HeadingCounter:
    """Numbers headings in document order, restarting lower levels under a higher one."""

    def __init__(self) -> None:
        self.counts = [0] * len(HEADING_FORMATS)

    def restart(self) -> None:
        """Count from the start again (each rendering of a document numbers from 第一部分)."""
        self.counts = [0] * len(HEADING_FORMATS)

    def next(self, level: int) -> str:
        """The number of the next heading at ``level``."""
        self.counts[level] += 1
        for lower in range(level + 1, len(self.counts)):
            self.counts[lower] = 0
        return heading_number(level, self.counts[level])

    def part(self) -> str:
        """Next 第N部分."""
        return self.next(0)

    def h1(self) -> str:
        """Next 一、."""
        return self.next(1)

    def h2(self) -> str:
        """Next （一）."""
        return self.next(2)

    def h3(self) -> str:
        """Next 1.."""
        return self.next(3)

    def h4(self) -> str:
        """Next （1）."""
        return self.next(4)

    def item(self) -> str:
        """Next 1、 (a numbered paragraph; restarts under every heading)."""
        return self.next(5)


def clause(text: str | None, lead: str = "", end: str = "。") -> str:
    """Data text joined to the template's words: ``lead`` + text + ``end``, never doubling them.

    A text that already starts with the lead's words (主要用于, 主要原因是) or ends with a mark loses them, so
    “主要用于主要用于…” and “…支出。。” cannot happen; an empty text gives nothing at all.
    """
    core = (text or "").strip()
    for word in sorted({lead.rstrip("：:"), *LEADS} - {""}, key=len, reverse=True):
        if lead and core.startswith(word):
            core = core[len(word):].lstrip("：: ")
            break
    core = core.rstrip(CLOSING)
    return f"{lead}{core}{end}" if core else ""


def join_list(items: list[str], sep: str = "、", last: str | None = None) -> str:
    """Items joined Chinese-style; ``last`` (e.g. 及) before the final item if given."""
    items = [i for i in items if i]
    if last and len(items) > 1:
        return sep.join(items[:-1]) + last + items[-1]
    return sep.join(items)


FILTERS = {
    "money": money,
    "cell": cell,
    "pct": percent,
    "share": share,
    "count": count,
    "score": score,
    "increase_word": increase_word,
    "growth_word": growth_word,
    "adjust_word": adjust_word,
    "magnitude": magnitude,
    "amount": amount,
    "cn": chinese_number,
    "daxie": capital_amount,
    "join_cn": join_list,
    "clause": clause,
}
