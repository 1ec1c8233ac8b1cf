"""What a template can reach: each variable's type and Chinese description, the attributes of each type, read from the
typed contexts (contexts/types.py), the data models (their field descriptions) and the figures (their LABELS)."""
from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Optional, TypeGuard, Union, get_args, get_origin, get_type_hints, is_typeddict

import typing_extensions
from pydantic import BaseModel
from typing_extensions import NotRequired

from generator.contexts.types import RENDER_NAMES, VARIABLES


@dataclass(frozen=True)
class Member:
    """A name a template can use: its type (None when any attribute of it is accepted) and what it is."""

    name: str
    type: Any
    description: str


def plain(tp: Any) -> Any:
    """A type without its Annotated description and without Optional."""
    if get_origin(tp) is Annotated:
        return plain(get_args(tp)[0])
    if get_origin(tp) in (Union, types.UnionType):
        rest = [a for a in get_args(tp) if a is not type(None)]
        return plain(rest[0]) if len(rest) == 1 else None
    return tp


def described(tp: Any) -> str:
    """The description an Annotated type carries, else ""."""
    if get_origin(tp) is Annotated:
        return next((m for m in reversed(get_args(tp)[1:]) if isinstance(m, str)), "")  # the innermost alias's is first
    return ""


@cache
def top(kind: Optional[str] = None) -> dict[str, Member]:
    """The variables of a kind's templates (all kinds' when None), with the renderer's own."""
    kinds = [VARIABLES[kind]] if kind else list(VARIABLES.values())
    out: dict[str, Member] = {}
    for typed in kinds:
        out.update(_typed_dict(typed))
    out.update({name: Member(name, None, text) for name, text in RENDER_NAMES.items()})
    return out


def members(tp: Any) -> Optional[dict[str, Member]]:
    """The attributes of a type a template may use, or None when the type is not described (any attribute passes)."""
    tp = plain(tp)
    if not isinstance(tp, type):
        return None
    if is_typeddict(tp):
        return _typed_dict(tp)
    if issubclass(tp, BaseModel):
        return _model(tp)
    if dataclasses.is_dataclass(tp):
        return _dataclass(tp)
    if _is_named_tuple(tp):
        return _named_tuple(tp)
    return None


def element(tp: Any) -> Any:
    """The type of the items of a list (or the values of a mapping), None when unknown."""
    tp = plain(tp)
    args = get_args(tp)
    if get_origin(tp) in (list, tuple, set) and args:
        return args[0]
    if _is_named_tuple(tp):
        return plain(next(iter(get_type_hints(tp).values())))  # a row's columns, read by position in older templates
    if get_origin(tp) is dict and len(args) == 2:
        return args[1]
    return None


def is_mapping(tp: Any) -> bool:
    """Whether a type is a dict (a template reads its keys as attributes)."""
    return get_origin(plain(tp)) is dict


@cache
def _typed_dict(tp: type) -> dict[str, Member]:
    """A TypedDict's keys with their annotated descriptions."""
    hints = {name: _required(hint) for name, hint in get_type_hints(tp, include_extras=True).items()}
    return {name: Member(name, hint, described(hint)) for name, hint in hints.items()}


def _is_named_tuple(tp: Any) -> TypeGuard[type[tuple]]:
    """Whether a type is a named tuple (a table's columns)."""
    return isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields")


@cache
def _named_tuple(tp: type) -> dict[str, Member]:
    """A named tuple's columns with their annotated descriptions."""
    hints = get_type_hints(tp, include_extras=True)
    return {name: Member(name, hints[name], described(hints[name])) for name in tp._fields}  # type: ignore[attr-defined]


def _required(hint: Any) -> Any:
    """A TypedDict key's type without its NotRequired mark."""
    return get_args(hint)[0] if get_origin(hint) in (NotRequired, typing_extensions.NotRequired) else hint


@cache
def _model(tp: type[BaseModel]) -> dict[str, Member]:
    """A data model's fields (described by their YAML key and description) and its labelled properties."""
    out = {name: Member(name, field.annotation, f"{field.description or ''}（数据文件中的键：{field.alias or name}）")
           for name, field in tp.model_fields.items()}
    out.update(_labelled_properties(tp, getattr(tp, "LABELS", {})))
    return out


@cache
def _dataclass(tp: type) -> dict[str, Member]:
    """A dataclass's fields and properties, described by its LABELS."""
    labels = getattr(tp, "LABELS", {})
    hints = get_type_hints(tp)
    out = {f.name: Member(f.name, hints.get(f.name), labels.get(f.name, "")) for f in dataclasses.fields(tp)}
    properties = {n: labels.get(n, "") for n, v in vars(tp).items() if isinstance(v, property) and not n.startswith("_")}
    out.update(_labelled_properties(tp, properties))
    return out


def _labelled_properties(tp: type, labels: dict[str, str]) -> dict[str, Member]:
    """Properties of a class with their return types, for the names given."""
    out = {}
    for name, text in labels.items():
        attribute = getattr(tp, name, None)
        if isinstance(attribute, property) and attribute.fget is not None:
            out[name] = Member(name, typing.get_type_hints(attribute.fget).get("return"), text)
    return out
