"""The Jinja environment every template renders in: sandboxed, autoescaped, strict, XML-safe, compiled once."""
from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import jinja2
from jinja2 import StrictUndefined, pass_context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from generator.formatting import DEFAULT_FORMAT, FILTERS, NumberFormat, amount, cell, magnitude, percent, share
from generator.pending import MARK, is_pending
from generator.provenance import SourcedText, Traced, TracedCount
from generator.render.limits import checked_binop, limited_concat
from generator.render.marks import marked

FORBIDDEN = re.compile(r"[\x00-\x08\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


TRACED_TYPES = (Traced, TracedCount, SourcedText)
NUMBER_FILTERS = ("money", "amount", "magnitude", "cell", "daxie", "pct", "share", "score", "count")
PRINTED: ContextVar[Optional[set]] = ContextVar("printed_placeholders", default=None)  # set by the render under way
PLACEHOLDER = re.compile(re.escape(MARK.split("{}")[0]) + r"([^】<]*)】")


def _note_placeholder(value: Any, seen: set) -> None:
    """Remember the facts to fill that a value prints (【待补充：…】), for the render under way to refuse a final one."""
    if is_pending(value) or (isinstance(value, str) and "【待补充" in value):
        seen.update(PLACEHOLDER.findall(str(value)))


def xml_safe(value: Any) -> Any:
    """Text as Word can hold it: CR LF and vertical tabs become line breaks, characters XML 1.0 forbids are dropped
    (the environment's autoescaping then escapes it).

    Braces next to an underscore are written as character references, because docxtpl rewrites
    ``{_{`` and the like in its output. A fact still to fill is noted on the way (PRINTED).
    """
    kind = type(value)
    if kind is str:  # most of what a document prints: the checks below, nothing else
        seen = PRINTED.get()
        if seen is not None and "【待补充" in value:
            seen.update(PLACEHOLDER.findall(value))
        return _clean(value) if not value.isprintable() or "_" in value else value
    seen = PRINTED.get()
    if seen is not None:
        _note_placeholder(value, seen)
    if kind in TRACED_TYPES:  # a draft's figure or text typed by the clerk: marked with where it comes from
        value = marked(value, str(value), "value")
    if type(value) is str or (isinstance(value, str) and not hasattr(value, "__html__")):
        return _clean(value)
    return value  # autoescaping escapes it


def _clean(value: str) -> Any:
    """A text without the characters XML cannot hold, its braces beside underscores as character references."""
    if not value.isprintable():  # only then can it hold a break or a forbidden character
        value = FORBIDDEN.sub("", value.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n"))
    if "_" in value and ("{_" in value or "_}" in value):
        return Markup(str(escape(value)).replace("{_", "&#123;_").replace("_}", "_&#125;"))
    return value  # autoescaping escapes it


def remembered(cache: dict, key, limit: int, make):
    """cache[key], made on first use; the oldest entries leave once the cache holds more than ``limit``."""
    value = cache.get(key)
    if value is None:
        value = cache[key] = make()
        while len(cache) > limit:
            cache.pop(next(iter(cache)))
    return value


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, also closed to the data model's own machinery (model_*).

    Each template text is compiled once per process: docxtpl asks for the same parts on every render. A template
    cannot build values or output beyond the limits (render.limits).
    """

    intercepted_binops = frozenset({"*", "**"})
    concat = staticmethod(limited_concat)

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        """``*`` and ``**``, refused when they would build a value beyond the limits."""
        return checked_binop(operator, left, right)

    def from_string(self, source, globals=None, template_class=None):
        """The compiled template of a source text, compiled on first use."""
        if globals or template_class or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        return remembered(_COMPILED, source, 256, lambda: self.template_class.from_code(
            self, _disk_code(self, source), self.make_globals(None), None))

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Jinja's sandboxed attribute lookup, answered at once for a dict's key (a dict has no attribute of that
        name, so Jinja would look the key up) and for a type and name already found safe."""
        kind = type(obj)
        if kind is dict and attribute not in DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        elif _SAFE_ATTRIBUTES.get((kind, attribute)) and attribute not in STR_FORMAT:
            try:
                return getattr(obj, attribute)
            except AttributeError:
                pass
        return super().getattr(obj, attribute)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Attributes a template may read: no dunder/private ones (Jinja's rule) and no pydantic internals.

        Jinja's answer depends only on the object's type and the name (its checks are isinstance tests), so it
        is worked out once per type and name.
        """
        key = (type(obj), attr)
        safe = _SAFE_ATTRIBUTES.get(key)
        if safe is None:
            safe = _SAFE_ATTRIBUTES[key] = not attr.startswith("model_") and super().is_safe_attribute(obj, attr, value)
        return safe


CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "juesuan" / "jinja"


def _disk_code(env, source: str):
    """The compiled code of a template text, kept on disk between runs (as Jinja's bytecode cache does)."""
    # the code depends on which filters take the context (Jinja compiles that in), so they are part of the key
    passing = ",".join(sorted(name for name, f in env.filters.items() if getattr(f, "jinja_pass_arg", None)))
    binops = ",".join(sorted(env.intercepted_binops))  # compiled in as well
    key = hashlib.sha256("\0".join((sys.version, jinja2.__version__, type(env).__name__, passing, binops, source)).encode()).hexdigest()
    path = CACHE / f"{key}.bin"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    code = env.compile(source)
    try:
        from generator.render.files import write_atomic
        write_atomic(path, marshal.dumps(code))
    except Exception:  # a read-only home only costs speed
        pass
    return code


_COMPILED: dict = {}
_SAFE_ATTRIBUTES: dict[tuple[type, str], bool] = {}
STR_FORMAT = ("format", "format_map")
DICT_ATTRIBUTES = frozenset(dir(dict))  # Jinja's sandbox wraps these (wrap_str_format)


@lru_cache(maxsize=1)
def environment() -> ImmutableSandboxedEnvironment:
    """The Jinja environment every template renders in: sandboxed, autoescaped, strict, XML-safe output."""
    env = Sandbox(autoescape=True, undefined=StrictUndefined, finalize=xml_safe)
    env.filters.update(template_filters())
    return env


def template_filters() -> dict:
    """Every filter a template can use: formatting's, the rate filters reading the layout's number format; a number
    filter marks a draft's traced figure with its explanation (render.comments)."""
    filters = {**FILTERS, "pct": _in_layout(percent), "share": _in_layout(share),
               "amount": _zero_in_layout(amount), "magnitude": _zero_in_layout(magnitude),
               "cell": _zero_in_layout(cell, "cell_zero")}
    return {name: _marking(f, name) if name in NUMBER_FILTERS else f for name, f in filters.items()}


def _marking(number_filter, kind: str):
    """A number filter whose output, for a traced value, carries the mark of its explanation."""
    at = 1 if getattr(number_filter, "jinja_pass_arg", None) else 0  # a layout filter takes the context first

    def marking_filter(*args, **kwargs):
        printed = number_filter(*args, **kwargs)
        return marked(args[at], printed, kind) if type(args[at]) in TRACED_TYPES else printed
    return pass_context(marking_filter) if at else marking_filter


def _layout(context) -> NumberFormat:
    """The number format of the document being rendered (its layout profile)."""
    return context.get("number_format") or DEFAULT_FORMAT


def _zero_in_layout(print_amount, zero: str = "zero"):
    """An amount filter that writes nothing the way the document's layout profile does: in text (0.00 or 0), or with
    ``zero="cell_zero"`` in a table cell (blank or 0.00)."""
    @pass_context
    def amount_filter(context, value):
        return print_amount(value, getattr(_layout(context), zero))
    return amount_filter


def _in_layout(print_rate):
    """A rate filter whose default decimals come from the document's layout profile (context variable number_format)."""
    @pass_context
    def rate_filter(context, value, places=None, trim=None):
        fmt = _layout(context)
        return print_rate(value, fmt.places if places is None else places, fmt.trim if trim is None else trim)
    return rate_filter
