"""Placeholders for facts not yet written: they render as 【待补充：说明】 and taint what is computed from them."""
from __future__ import annotations

import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

MARK = "【待补充：{}】"
DERIVED = "由待补充的数字计算"


class _Shown:
    """How a placeholder prints: 【待补充：label】, as text and as markup."""

    label: str = ""

    def __str__(self) -> str:
        return MARK.format(self.label or "数字")

    def __html__(self) -> str:
        return str(self)


class Pending(_Shown, Decimal):
    """An amount not yet known: counts as 0 in sums, but anything computed from it is pending too."""

    def __new__(cls, label: str = "") -> Pending:
        obj = super().__new__(cls, 0)
        obj.label = label
        return obj

    def __bool__(self) -> bool:
        return True

    def quantize(self, *args, **kwargs) -> Pending:
        return self

    def __deepcopy__(self, memo) -> Pending:
        return self

    def __reduce__(self):
        return (Pending, (self.label,))


def _tainting(name: str):
    """A Decimal operator whose result is Pending when either operand is."""
    def op(self, *args):
        return Pending(DERIVED)
    return op


for _name in ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__truediv__",
              "__rtruediv__", "__neg__", "__abs__", "__pos__", "__floordiv__", "__mod__"):
    setattr(Pending, _name, _tainting(_name))


class PendingCount(_Shown, int):
    """A count not yet known."""

    def __new__(cls, label: str = "") -> PendingCount:
        obj = super().__new__(cls, 0)
        obj.label = label
        return obj


class PendingItems(list):
    """A list not yet written: it has no items, yet a total over it is not 0 but pending (a draft's 【待补充】)."""

    def __init__(self, label: str = "") -> None:
        super().__init__()
        self.label = label


def unknown(items: list) -> bool:
    """Whether a list is a draft's placeholder for items not yet written."""
    return isinstance(items, PendingItems)


def over(items: list, total: Any) -> Any:
    """A total computed over items, or pending when the items are not yet written."""
    return Pending(DERIVED) if unknown(items) else total


def zero_of(items: list) -> Decimal:
    """Where a sum over items starts: 0, or pending when the items are not yet written."""
    return over(items, Decimal(0))


def is_pending(value: Any) -> bool:
    """Whether a value is a placeholder."""
    return isinstance(value, (Pending, PendingCount))


def placeholder(annotation: Any, label: str) -> Any:
    """A placeholder value for a field of a given type."""
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        return placeholder(args[0], label)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)) and args:
        if type(None) in typing.get_args(annotation) and typing.get_origin(args[0]) in (dict, list):
            return None  # a collection that may be unknown stays unknown (printed 待补充), not empty (printed 0)
        return placeholder(args[0], label)
    if origin is list:
        return PendingItems(label)
    if origin is dict:
        return {}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {}
    if annotation is Decimal:
        return Pending(label)
    if annotation is int:
        return PendingCount(label)
    if annotation is bool:
        return False
    return MARK.format(label)
