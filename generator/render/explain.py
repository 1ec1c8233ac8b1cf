"""The text of a draft's comment on a printed figure: what it is, its formula with operands and rounding, and where
each operand was typed (file, line, field), with the warnings `check` gave about them."""
from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

from generator.provenance import Source, SourcedText, Traced, TracedCount, is_traced

KINDS = {"money": "金额", "amount": "金额", "magnitude": "金额", "cell": "金额", "daxie": "金额", "pct": "比率",
         "share": "占比", "score": "分值", "count": "数量", "value": "数字"}
ROUNDING = {ROUND_HALF_UP: "四舍五入", ROUND_FLOOR: "舍去尾数"}
MAX_NOTES = 3  # warnings quoted in one comment; the others are counted
MANY = 8  # a sum of more terms is written as a count, its values listed by line
LISTED = 60  # a longer sum lists its first values only (a comment a reviewer can read)
MAX_LINES = 40
SHOWN = 6  # decimals an inexact operand is shown with (≈)


def explanation(value: Any, printed: str, kind: str) -> str:
    """The comment for one printed figure or text, lines separated by newlines."""
    if type(value) is SourcedText:
        return "\n".join([f"文字，填写于 {value.source}", *_notes([value.source])])
    what = value.label or KINDS.get(kind, "数字")
    floor = "（舍去尾数）" if getattr(value, "op", "") == "round" and value.args[1] == ROUND_FLOOR else ""
    core = _simplest(_unrounded(value))
    if core.source is not None:
        return "\n".join([f"{what}：{printed}，填写于 {core.source}", *_notes([core.source])])
    if not core.op:
        return f"{what}：{printed}"
    if core.op == "count":
        return "\n".join([f"{what}：{printed}，{_counted(core)}", *_items(core), *_notes(_leaves(core))])
    lines = [f"{what} = {_formula(core)} = {_exact(core, kind)} → {printed}{floor}"]
    sources: list[Source] = []
    _operands(core, lines, sources, set())
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES] + ["……（其余从略）"]
    return "\n".join(lines + _notes(sources))


def _unrounded(value: Any) -> Any:
    """The value before its rounding steps (the comment shows the rounding as “→ printed”)."""
    while getattr(value, "op", "") in ("round", "pos"):
        value = value.args[0]
    return value


def _exact(value: Decimal, kind: str) -> str:
    """A computed value as the formula gives it: a rate in percent, anything else as a number."""
    if kind == "pct":
        return number(Decimal(value) * 100, 2) + "%"
    return number(value, 4)


def number(value: Any, places: int = SHOWN) -> str:
    """An operand as written in a formula: exact when it has at most ``places`` decimals, else rounded with ≈."""
    exact = Decimal(value)
    unit = Decimal(1).scaleb(-places)
    if exact == exact.quantize(unit, rounding=ROUND_HALF_UP):
        text = f"{exact.normalize():f}" if exact == exact.to_integral_value() else f"{exact:f}".rstrip("0")
        if "." in text and len(text.split(".")[1]) < 2:
            text += "0" * (2 - len(text.split(".")[1]))
        return text.replace("-", "−")
    return "≈" + f"{exact.quantize(unit, rounding=ROUND_HALF_UP):f}".replace("-", "−")


def _terms(value: Any) -> list[Any]:
    """The terms of a sum, unnamed sums among them opened up; the nonzero ones, unless all are zero (a zero adds
    nothing to read)."""
    terms = _all_terms(value)
    nonzero = [t for t in terms if t != 0]
    return nonzero or [t for t in terms if is_traced(t)][:MANY]


def _all_terms(value: Any) -> list[Any]:
    """The terms of a sum, in order, unnamed sums among them opened up (walked without recursion: a sum over
    thousands of projects is a chain thousands deep)."""
    out, todo = [], list(reversed(value.args))
    while todo:
        arg = todo.pop()
        if type(arg) in (Traced, TracedCount) and arg.op == "+" and not arg.label:
            todo += reversed(arg.args)
        else:
            out.append(arg)
    return out


def _simplest(value: Any) -> Any:
    """A value as simply as it can be explained: a sum of one term is that term."""
    while True:
        op = getattr(value, "op", "")
        if op == "pos" or (op == "abs" and value.args[0] >= 0):
            value = value.args[0]
            continue
        terms = _terms(value) if op == "+" else ()
        if len(terms) != 1:
            return value
        value = terms[0]


def _formula(value: Any) -> str:
    """One operation written with its operands' values: a + b + c, a − b, a × b, a ÷ b × 100, |a|, −a."""
    if value.op == "+":
        terms = _terms(value)
        if _long(terms):
            return f"{len(terms)} 个数之和"
        return " + ".join(_shown(t) for t in terms) or "0"
    left, right = (value.args + (None,))[:2]
    if value.op == "÷" and _hundredfold(left):
        return f"{_shown(left.args[0])} ÷ {_shown(right)} × 100"
    if value.op in ("−", "×", "÷"):
        return f"{_shown(left)} {value.op} {_shown(right)}"
    if value.op == "abs":
        return f"|{_shown(left)}|"
    if value.op == "neg":
        return f"−{_shown(left)}"
    return number(value)


def _long(terms: list) -> bool:
    """Whether a sum is written as a count of typed values, listed by line, rather than term by term."""
    return len(terms) > MANY and all(getattr(_simplest(t), "source", None) for t in terms)


def _hundredfold(value: Any) -> bool:
    """Whether a value is an amount times 100 (a share's numerator), written inside the share's formula."""
    return type(value) is Traced and value.op == "×" and not isinstance(value.args[1], (Traced, TracedCount)) and value.args[1] == 100


def _shown(value: Any) -> str:
    """An operand in a formula: its value, negative ones in brackets."""
    text = number(value)
    return f"({text})" if text.startswith("−") else text


def _operands(value: Any, lines: list[str], sources: list[Source], seen: set) -> None:
    """A line for each operand of a computed value: a typed one names its source, a computed one gives its formula."""
    if value.op == "+":
        terms = _terms(value)
        operands = [_simplest(t) for t in terms]
        if _long(terms):
            lines.append(_lines_of(operands))
            sources += [t.source for t in operands]
            return
    elif value.op == "÷" and _hundredfold(value.args[0]):
        operands = [value.args[0].args[0], value.args[1]]
    else:
        operands = list(value.args)
    for operand in map(_simplest, operands):
        if id(operand) in seen or type(operand) not in (Traced, TracedCount):
            continue
        seen.add(id(operand))
        _operand(operand, lines, sources, seen)


def _operand(operand: Any, lines: list[str], sources: list[Source], seen: set) -> None:
    """The line (or lines) that say where one operand comes from."""
    if operand.source is not None:
        lines.append(f"{number(operand)}：{operand.source}")
        sources.append(operand.source)
    elif operand.op == "count":
        lines += [f"{number(operand)}：{_counted(operand)}", *_items(operand)]
        sources += _leaves(operand)
    elif operand.op == "round":
        inner = _unrounded(operand)
        lines.append(f"{Decimal(operand):f} = {_formula(inner)} {ROUNDING.get(operand.args[1], '四舍五入')}")
        _operands(inner, lines, sources, seen)
    elif operand.op:
        lines.append(f"{number(operand)} = {_formula(operand)}")
        _operands(operand, lines, sources, seen)


def _counted(value: Any) -> str:
    """How a count was made."""
    return f"从下列 {len(value.args)} 项中数出"


def _items(value: Any) -> list[str]:
    """A line for each item a count was made from: where it is written."""
    return [f"  {source}" for source in (_first(item) for item in value.args) if source is not None]


def _first(value: Any) -> Source | None:
    """The first typed value a figure is computed from (the item it stands for)."""
    leaves = _leaves(value)
    return leaves[0] if leaves else None


def _leaves(value: Any) -> list[Source]:
    """The sources of the typed values a figure is computed from, in order (walked without recursion)."""
    out, todo = [], [value]
    while todo:
        node = todo.pop()
        if getattr(node, "source", None) is not None:
            out.append(node.source)
        elif isinstance(node, (Traced, TracedCount)):
            todo += reversed(node.args)
    return out


def _lines_of(operands: list) -> str:
    """The values a long sum adds with their lines, file by file: 其中各数（2019.yaml）：第 12 行 312.40；第 14 行 120、5
    (the first LISTED of them when there are more)."""
    by_file: dict[str, dict[int, list[str]]] = {}
    for operand in operands[:LISTED]:
        by_file.setdefault(operand.source.file, {}).setdefault(operand.source.line, []).append(number(operand))
    more = f"……共 {len(operands)} 个数，其余从略" if len(operands) > LISTED else ""
    return "\n".join(f"其中各数（{name}）：" + "；".join(f"第 {line} 行 {'、'.join(values)}" for line, values in lines.items())
                     for name, lines in by_file.items()) + more


def _notes(sources: list[Source]) -> list[str]:
    """The warnings `check` gave about the sources, each once."""
    notes = list(dict.fromkeys(note for source in sources for note in source.notes))
    more = [f"……另有 {len(notes) - MAX_NOTES} 条 check 提示，见各数所在的行"] if len(notes) > MAX_NOTES else []
    return [f"check：{note}" for note in notes[:MAX_NOTES]] + more
