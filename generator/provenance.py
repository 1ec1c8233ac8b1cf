"""Figures that remember where they come from (a draft's): a typed value's file, line and field, and for a computed
one the operation and its operands; arithmetic on them builds the record as the figures are computed."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Optional

from generator.pending import is_pending


@dataclass(eq=False)
class Source:
    """Where a typed value stands: its file, line and field path, and the warnings `check` gave about it."""

    file: str
    line: int
    path: str
    stated: bool = True  # False: the file leaves the value out (its default counts); line is where it would go
    notes: list[str] = field(default_factory=list)
    yuan: bool = False  # an amount the file writes in 元 (金额单位: 元), shown in 万元

    def __str__(self) -> str:
        if not self.stated:
            return f"{self.file} 第 {self.line} 行附近没有写 {self.path}，按默认值计"
        return f"{self.file} 第 {self.line} 行 {self.path}" + ("（文件以元填写，这里折合万元）" if self.yuan else "")


class _Recorded:
    """The record a traced number carries: its source (typed) or its operation and operands (computed), and a label."""

    source: Optional[Source]
    op: str
    args: tuple
    label: str

    def __new__(cls, value: Any, source: Optional[Source] = None, op: str = "", args: tuple = (), label: str = ""):
        obj = super().__new__(cls, value)  # type: ignore[call-arg]  # Decimal's or int's, by the subclass
        obj.source, obj.op, obj.args, obj.label = source, op, args, label
        return obj

    def __reduce__(self):
        return (type(self), (self._plain(), self.source, self.op, self.args, self.label))

    def _plain(self) -> Any:
        raise NotImplementedError


class Traced(_Recorded, Decimal):
    """An amount or rate with its record."""

    def quantize(self, exp, rounding=None, context=None) -> Traced:
        return Traced(Decimal.quantize(self, exp, rounding, context), op="round", args=(self, rounding), label=self.label)

    def __deepcopy__(self, memo) -> Traced:
        return self

    def __copy__(self) -> Traced:
        return self

    def _plain(self) -> str:
        return str(self)


class TracedCount(_Recorded, int):
    """A count with its record, as Traced is for amounts."""

    def _plain(self) -> int:
        return int(self)


class SourcedText(str):
    """A text typed by the clerk, with its source."""

    source: Source

    def __new__(cls, value: str, source: Source) -> SourcedText:
        obj = super().__new__(cls, value)
        obj.source = source
        return obj

    def __reduce__(self):
        return (SourcedText, (str(self), self.source))


TRACED = (Traced, TracedCount)
SYMBOLS = {"add": "+", "sub": "−", "mul": "×", "truediv": "÷"}


def _binary(kind: type, base: type, name: str, reflected: bool):
    """An operator of a traced type: the base type's result, recorded with its operands in written order."""
    method = getattr(base, f"__{'r' if reflected else ''}{name}__")

    def op(self, other):
        if is_pending(other) or not isinstance(other, (int, Decimal)) or isinstance(other, bool):
            return NotImplemented
        result = method(self, other)
        if result is NotImplemented:
            return result
        operands = (other, self) if reflected else (self, other)
        made = Traced if isinstance(result, Decimal) else kind
        return made(result, op=SYMBOLS[name], args=operands) if isinstance(result, (int, Decimal)) else result
    return op


def _unary(kind: type, base: type, name: str):
    """A one-operand operator of a traced type (−x, |x|, +x), recorded."""
    method = getattr(base, f"__{name}__")

    def op(self):
        return kind(method(self), op=name, args=(self,), label=self.label)
    return op


for _kind, _base in ((Traced, Decimal), (TracedCount, int)):
    for _name in SYMBOLS:
        if _name == "truediv" and _base is int:
            continue  # a count divided is no count: int's own result (a float) is never a figure here
        setattr(_kind, f"__{_name}__", _binary(_kind, _base, _name, False))
        setattr(_kind, f"__r{_name}__", _binary(_kind, _base, _name, True))
    for _name in ("neg", "abs", "pos"):
        setattr(_kind, f"__{_name}__", _unary(_kind, _base, _name))


def labelled(value: Any, label: str) -> Any:
    """The value named for a reader (增减额, 占比 …) when it is traced; any other value as it is."""
    if type(value) is Traced:
        return Traced(value, value.source, value.op, value.args, label)
    return value


def is_traced(value: Any) -> bool:
    """Whether a value carries a record of its source."""
    return isinstance(value, TRACED) or type(value) is SourcedText


def counted(chosen: list, among: list, label: str = "") -> int:
    """How many items were chosen among some: a traced count naming the items it was counted from when they are
    traced (a draft's), else a plain int."""
    if any(isinstance(item, TRACED) for item in among):
        return TracedCount(len(chosen), op="count", args=tuple(among), label=label)
    return len(chosen)


def absent_beside(sibling: Any, path: str, default: int = 0) -> int:
    """A count the file leaves out, placed beside a traced sibling (a draft's), else the plain default."""
    source = getattr(sibling, "source", None)
    if isinstance(sibling, TracedCount) and source is not None:
        return TracedCount(default, Source(source.file, source.line, path, stated=False))
    return default
