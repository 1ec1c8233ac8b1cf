"""Performance indicators measured: a target and its actual read as numbers, whether the target was met, and the score
the proportional rule gives a quantitative indicator (a qualitative one is graded by the clerk)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from generator.constants import ZERO
from generator.formatting import quantize

AT_LEAST, AT_MOST, EXACTLY, QUALITATIVE = "≥", "≤", "=", "定性"
SIGNS = {"≥": AT_LEAST, ">=": AT_LEAST, "＞=": AT_LEAST, "不低于": AT_LEAST, "不少于": AT_LEAST, "达到": AT_LEAST, "大于等于": AT_LEAST,
         "≤": AT_MOST, "<=": AT_MOST, "不高于": AT_MOST, "不超过": AT_MOST, "不多于": AT_MOST, "小于等于": AT_MOST,
         "=": EXACTLY, "＝": EXACTLY}
AFTER = {"以上": AT_LEAST, "及以上": AT_LEAST, "以下": AT_MOST, "及以下": AT_MOST}
UNITS = ("%", "％", "人次", "批次", "万元", "平方米", "公里", "小时", "分钟", "课时", "学时", "次", "人", "名", "位", "个", "项", "所", "家",
         "户", "天", "日", "周", "月", "件", "份", "场", "批", "篇", "期", "条", "册", "套", "台", "辆", "元", "米", "亩", "吨", "张", "部",
         "本", "处", "座", "间", "分", "公顷", "平方公里", "千克", "公斤", "头", "只", "株", "棵", "宗")
SCALES = {"百": Decimal(100), "千": Decimal(1000), "万": Decimal(10000), "亿": Decimal(100000000)}  # 1.5万亩, 10万人次, 5千米
# optional words, a sign, one number, a unit of measure, “以上/以下”: “≥60人”, “8次”, “群众满意度达到95%以上”, “维修学校 8 所”
VALUE = re.compile(r"(?P<words>\D*?)\s*(?P<sign>" + "|".join(map(re.escape, sorted(SIGNS, key=len, reverse=True))) + r")?\s*"
                   r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[百千万亿]?(?:" + "|".join(UNITS) + r")|[百千万亿])?\s*(?P<after>及以上|及以下|以上|以下)?[。.]?")


@dataclass(frozen=True)
class Measure:
    """A quantitative target or result: its sign (≥, ≤, =), number and unit."""

    sign: str
    number: Decimal
    unit: str

    @property
    def scaled(self) -> tuple[Decimal, str]:
        """The number in its unit without 百/千/万/亿 (1.5万亩 → 15000 亩), so that 1.2万亩 and 12000亩 compare."""
        scale = SCALES.get(self.unit[:1])
        return (self.number * scale, self.unit[1:]) if scale is not None else (self.number, self.unit)


def _comparable(want: Optional[Measure], got: Optional[Measure]) -> Optional[tuple[Decimal, Decimal]]:
    """The target's and the actual's numbers on one scale; None when either is qualitative or their units differ (a
    number without a unit is taken in the other's unit)."""
    if want is None or got is None:
        return None
    if not (want.unit and got.unit):
        return want.number, got.number
    (want_number, want_unit), (got_number, got_unit) = want.scaled, got.scaled
    return (want_number, got_number) if want_unit == got_unit else None


def measure(text: str, nature: Optional[str] = None) -> Optional[Measure]:
    """The indicator value a text states, or None for a qualitative one (or text with more than one number); a stated
    指标性质 (≥, ≤, =) overrides the text's sign, and 定性 makes it qualitative."""
    match = None if nature == QUALITATIVE else VALUE.fullmatch(text.strip())
    if match is None:
        return None
    written = SIGNS.get(match["sign"] or "") or AFTER.get(match["after"] or "") or AT_LEAST  # “8次” means at least 8
    sign = nature or written
    return Measure(sign, Decimal(match["number"]), (match["unit"] or "").replace("％", "%"))


def _measured(target: str, actual: str, nature: Optional[str]) -> Optional[tuple[str, Decimal, Decimal]]:
    """The target's sign and the target's and actual's numbers on one scale; None when they cannot be compared."""
    want = measure(target, nature)
    numbers = _comparable(want, measure(actual, None if nature == QUALITATIVE else EXACTLY))
    return None if want is None or numbers is None else (want.sign, *numbers)


def _reached(sign: str, wanted: Decimal, got: Decimal) -> bool:
    """Whether ``got`` meets ``wanted`` under the target's sign."""
    if sign == AT_MOST:
        return got <= wanted
    if sign == EXACTLY:
        return got == wanted
    return got >= wanted


def met(target: str, actual: str, nature: Optional[str] = None) -> Optional[bool]:
    """Whether an actual value meets its target; None when either is qualitative or their units differ."""
    measured = _measured(target, actual, nature)
    return None if measured is None else _reached(*measured)


def scored(indicator, proportional: bool = True) -> Optional[Decimal]:
    """An indicator's 得分: the clerk's, else (when left out) the rule's for a quantitative one; None while unknown."""
    if indicator.score is not None or indicator.weight is None:
        return indicator.score
    return rule_score(indicator.target, indicator.actual, indicator.weight, indicator.nature, proportional)


def rule_score(target: str, actual: str, weight: Decimal, nature: Optional[str] = None, proportional: bool = True) -> Optional[Decimal]:
    """The score the rule gives: the full weight when the target is met; when missed, the share of it achieved (actual
    ÷ target, or target ÷ actual for a ceiling), or 0 where the layout says so; None for a qualitative indicator."""
    measured = _measured(target, actual, nature)
    if measured is None:
        return None
    sign, wanted, got = measured
    if _reached(sign, wanted, got):
        return weight
    if not proportional:
        return ZERO
    if sign == AT_MOST:
        part = wanted / got if got else Decimal(1)
    elif sign == EXACTLY:
        part = min(wanted, got) / max(wanted, got) if max(wanted, got) else Decimal(1)
    else:
        part = got / wanted if wanted else Decimal(1)
    return quantize(max(ZERO, min(weight, weight * part)), 2)
