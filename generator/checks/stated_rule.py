"""The 核对 rule: every stated figure equals what the facts give, at the precision and with the direction it is written."""
from __future__ import annotations

import difflib
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Optional

from generator.checks.registry import mismatch, rule
from generator.checks.stated import AMOUNT, RATE, TEXT, ChangePart, Figure
from generator.checks.stated_names import FIGURES, computed, lookup, split_name
from generator.errors import ERROR, WARNING, Finding
from generator.figures import national as fn
from generator.figures.bundle import Bundle
from generator.figures.core import ratio
from generator.figures.previous import lines_previous
from generator.figures.sums import gap, total
from generator.formatting import money, percent, score
from generator.load.reader import Loaded
from generator.model.types import decimals, foreign_digit, normalized
from generator.pending import is_pending

UP, DOWN = ("增加", "增长", "上升", "提高"), ("减少", "下降", "降低")
STATED = re.compile(r"^\s*(增加|增长|上升|提高|减少|下降|降低)?\s*([-+]?[0-9]+(?:\.[0-9]+)?)\s*(%?)\s*$")


def parse_stated(kind: str, value: Any, signed: bool = False) -> tuple[Optional[Decimal], int, Optional[int]]:
    """A stated value as a number (a rate as a fraction), its decimals and its direction (+1, −1, or None); a change
    stated as 持平 is no change at all, at two decimals."""
    if signed and normalized(str(value)) == "持平":
        return Decimal(0), 2, None
    match = STATED.match(normalized(str(value)))  # 66.2％ and full-width digits read as typed
    if match is None or (kind == RATE) != bool(match.group(3)):
        return None, 0, None
    word, text = match.group(1), match.group(2)
    number = Decimal(text)
    direction = -1 if (word in DOWN or text.startswith("-")) else 1 if (word in UP or text.startswith("+")) else None
    places = decimals(number)
    return (abs(number) / 100 if kind == RATE else abs(number)), places, direction


@rule
def stated_figures(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Every figure under 核对 equals what the facts give, and the shares of one breakdown sum to 100%."""
    out = []
    for name, value in bundle.year.stated.items():
        out.extend(_stated_one(bundle, year_file, name, value))
    return out + _share_sums(bundle, year_file)


def _stated_one(bundle: Bundle, year_file: Loaded, name: str, value: Any) -> list[Finding]:
    """Findings for one stated figure."""
    path = ("核对", name)
    figure = lookup(name)
    if figure is None:
        close = difflib.get_close_matches(split_name(name)[0], list(FIGURES), n=1, cutoff=0.3)
        hint = f"是不是“{close[0]}”？" if close else "可用的名称见 docs/核对项.md。"
        return [year_file.finding(path, f"不认识的核对项“{name}”。{hint}")]
    if figure.kind == TEXT:
        official = computed(bundle, name)
        return [] if official is None else _compare_text(year_file, path, str(value), str(official))
    number, places, direction = parse_stated(figure.kind, value, figure.signed)
    if number is None:
        odd = foreign_digit(normalized(str(value)))
        hint = f"其中 {odd} 不是半角数字；" if odd else "“持平”只用于与上年相比的增减；" if "持平" in str(value) else ""
        return [year_file.finding(path, f"“{value}”不是{figure.kind}，{hint}应写成例如 {figure.example or '1622.30'}。")]
    if figure.kind == RATE and direction == -1 and number > 1:
        return [year_file.finding(path, f"写的是{value}：下降（减少）的幅度不会超过 100%。请核对这个百分比和它的计算基数。")]
    actual = computed(bundle, name)
    if actual is None:
        other = _matching_rate(bundle, figure, number, places)
        if other:
            return [year_file.finding(path, f"无法计算“{name}”（{figure.help}：所需的数为 0 或未知），而写的 {value} 正是“{other}”的计算结果。"
                                            "像是用错了口径，请改正文字或数字。", ERROR)]
        return [_unknown(bundle, year_file, path, name, figure)]
    diagnosis = _base_diagnosis(bundle, name, figure, number, places)
    return (_direction(year_file, path, figure, direction, Decimal(actual))
            or _compare(year_file, path, name, figure, (number, places, Decimal(actual)), value, diagnosis,
                        figure.items(bundle, split_name(name)[1]) if figure.items else 0))


def _matching_rate(bundle: Bundle, figure: Figure, number: Decimal, places: int) -> Optional[str]:
    """Another rate figure (one that takes no argument) whose value the stated number is a rounding of."""
    if figure.kind != RATE or figure.signed or number in (0, 1):  # 0% and 100% match too much to tell anything
        return None
    for other, candidate in FIGURES.items():
        if candidate is figure or candidate.kind != RATE or "<" in candidate.help:
            continue
        value = computed(bundle, other)
        if value is not None and rounded(abs(Decimal(value)) * 100, places) == number * 100:
            return other
    return None


def _unknown(bundle: Bundle, year_file: Loaded, path: tuple, name: str, figure: Figure) -> Finding:
    """A stated figure the data cannot give."""
    base = None if figure.base is None else figure.base(bundle, split_name(name)[1])
    if base is not None and not is_pending(base) and base == 0:
        return year_file.finding(path, f"“{name}”无法计算：预算数为 0，完成率没有意义。文档不应写完成预算的百分比"
                                       "（已公布的“完成预算的0%”之类是笔误），可写“年初未安排预算”。", WARNING)
    if figure.signed and figure.kind == RATE:
        return year_file.finding(path, f"无法计算“{name}”：没有上年数，或上年数为 0，增减幅度没有意义。上年没有这项收支时，"
                                       "文档应写“上年无此项收支”，不写百分比。", WARNING)
    return year_file.finding(path, f"无法计算“{name}”：缺少所需的数据（{figure.help}）。", WARNING)


def _direction(year_file: Loaded, path: tuple, figure: Figure, direction: Optional[int], actual: Decimal) -> list[Finding]:
    """A finding when a stated 增加/减少 (增长/下降) contradicts the sign of the change."""
    if not figure.signed or direction is None or actual == 0 or (actual > 0) == (direction > 0):
        return []
    said, truth = ("增加（增长）", "减少（下降）") if direction > 0 else ("减少（下降）", "增加（增长）")
    return [year_file.finding(path, f"写的是{said}，但按数据计算与上年相比是{truth}。请核对增减的方向。", ERROR)]


def rounded(value: Decimal, places: int) -> Decimal:
    """A value rounded half-up to some decimal places."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _compare(year_file: Loaded, path: tuple, name: str, figure: Figure, values: tuple[Decimal, int, Decimal], written: Any,
             diagnosis: str, items: int = 0) -> list[Finding]:
    """A finding when a stated figure (number, places written) is not a correct rounding of the computed one (actual)
    at its written precision; the diagnosis, if any, says which base would make it right; an amount that adds up
    ``items`` printed amounts may differ from the stated one by their rounding."""
    number, places, actual = values
    actual = abs(actual) if figure.signed else actual
    if figure.kind == AMOUNT:
        return mismatch(year_file, path, number, actual, f"计算得到的{name}", items)
    scale = 100 if figure.kind == RATE else 1
    exact, stated = actual * scale, number * scale
    # right when it rounds the exact value, or the two-decimal figure a document prints, to the places written;
    # a share of a breakdown may also be the other neighbour, as rounding so that the shares sum to 100% makes it
    if stated in (rounded(exact, places), rounded(rounded(exact, 2), places)):
        return []
    if figure.group and gap(stated, exact) < Decimal(1).scaleb(-places):
        return []
    shown = percent(actual, 2, trim=False) if figure.kind == RATE else score(actual)
    return [year_file.finding(path, f"写的是 {written}，按数据计算应为 {shown}。{diagnosis}请改正（文档中的数字由程序计算）。")]


def _base_diagnosis(bundle: Bundle, name: str, figure: Figure, number: Decimal, places: int) -> str:
    """For a stated growth rate that is wrong, the base that would make it right: this year's amount instead of last
    year's, or last year's figure as the code lines' 上年决算数 add it up."""
    if figure.kind != RATE or not isinstance(figure.compute, ChangePart):
        return ""
    moved = figure.compute.moved(bundle, split_name(name)[1])
    if moved is None or moved.delta is None or moved.previous is None:
        return ""
    right = rounded(number * 100, places)
    on_current = ratio(abs(moved.delta), moved.current)
    if on_current is not None and rounded(on_current * 100, places) == right:
        return (f"写的数是增减额 {money(abs(moved.delta))} 除以本年数 {money(moved.current)} 的结果；"
                f"增长率应以上年数 {money(moved.previous)} 为基数。")
    lines = lines_previous(bundle.year, figure.compute.fund) if figure.compute.fund else None
    on_lines = None if lines is None or lines == moved.previous else ratio(gap(moved.current, lines), lines)
    if on_lines is not None and rounded(on_lines * 100, places) == right:
        return (f"写的数以各科目上年决算数之和 {money(lines)} 为上年数，而比较用的上年数是 {money(moved.previous)}："
                "请核对上年数或各科目的上年决算数。")
    return ""


def _compare_text(year_file: Loaded, path: tuple, written: str, official: str) -> list[Finding]:
    """A finding when a stated name is neither the official name nor its short form."""
    short = official[:-2] if official.endswith("支出") else official
    if written.strip() in (official, short):
        return []
    return [year_file.finding(path, f"写的是“{written}”，本年度的科目名称是“{official}”。请改正（名称由程序从科目目录取得）。")]


def _members(group: str, bundle: Bundle) -> list[str]:
    """The stated names that make up one breakdown."""
    if group == "类占比":
        return [f"类占比.{g.code}" for g in bundle.figures.classes]
    if group == "收入占比":
        return [f"收入占比.{p.key}" for p in fn.income_parts(bundle.tables)]
    return [name for name, figure in FIGURES.items() if figure.group == group]


def _each_rounded(bundle: Bundle, names: list[str], values: list) -> bool:
    """Whether every stated share is its exact value rounded at the places written: then a sum of 99.99% or 100.01%
    is what rounding one by one gives, not a slip."""
    for name, (number, places, _) in zip(names, values):
        exact = computed(bundle, name)
        if exact is None or rounded(Decimal(exact) * 100, places) != number * 100:
            return False
    return True


def _share_sums(bundle: Bundle, year_file: Loaded) -> list[Finding]:
    """Shares of one breakdown, all stated, that do not sum to 100%."""
    out = []
    for group in sorted({f.group for f in FIGURES.values() if f.group}):
        names = _members(group, bundle)
        values = [parse_stated(RATE, bundle.year.stated[n]) for n in names if n in bundle.year.stated]
        if len(names) < 2 or len(values) < len(names) or any(v[0] is None for v in values):
            continue
        whole = total(v[0] * 100 for v in values if v[0] is not None)
        slack = total(Decimal(1).scaleb(-v[1]) / 2 for v in values)
        if whole != 100 and not _each_rounded(bundle, names, values):
            severity = WARNING if gap(whole, Decimal(100)) <= slack else ERROR
            listed = "、".join(f"{n}（{bundle.year.stated[n]}）" for n in names)
            out.append(year_file.finding(("核对", names[0]), f"同一构成的各项占比之和是 {money(whole)}%，不是 100%：{listed}。"
                                                            "各项占比应以同一合计为基数，并使合计正好为 100%。", severity))
    return out
