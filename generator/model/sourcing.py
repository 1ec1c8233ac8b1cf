"""A draft's model with sources: every amount, count and text the clerk typed becomes a traced value naming its file,
line and field, so the figures computed from them carry their record (generator.provenance)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Optional

from pydantic import BaseModel

from generator.load.paths import display_path, dotted
from generator.load.reader import Loaded, value_at
from generator.pending import is_pending
from generator.provenance import Source, SourcedText, Traced, TracedCount


def sourced(model: BaseModel, loaded: Loaded) -> dict[tuple, Source]:
    """Replace, in place, each value of the model that the file states by its traced twin; the sources by path."""
    sources: dict[tuple, Source] = {}
    yuan = loaded.data if isinstance(loaded.data, dict) and loaded.data.get("金额单位") == "元" else None
    _walk(model, (), _Files(display_path(loaded.path), loaded.lines, sources, yuan))
    return sources


UNTRACED = {("年度",)}  # the year a file is for: a heading's, not a figure


class _Files:
    """What the walk needs: the file's name, the line of each value path, and the sources made so far."""

    def __init__(self, name: str, lines: dict[tuple, int], sources: dict[tuple, Source], yuan: Any) -> None:
        self.name, self.lines, self.sources = name, lines, sources
        self.yuan = yuan  # a file in 元: its data, to tell the amounts converted to 万元

    def traced(self, value: Any, path: tuple) -> Any:
        """The traced twin of a value (an amount or count the file leaves out names the line it would go under), or
        the value as it is (a placeholder, a year, another type)."""
        if is_pending(value) or isinstance(value, bool) or path in UNTRACED:
            return value
        line = self.lines.get(path)
        if type(value) is Decimal:
            source = self._source(path, line)
            source.yuan = source.stated and self.yuan is not None and _written(self.yuan, path) != value
            return Traced(value, source)
        if type(value) is int:
            return TracedCount(value, self._source(path, line))
        if type(value) is str and line is not None and any(c.isdigit() for c in value) and not value.isdigit():
            return SourcedText(value, self._source(path, line))
        return value

    def _source(self, path: tuple, line: Optional[int]) -> Source:
        """The source of the value at a path; one the file leaves out stands at its nearest written parent."""
        if line is None:
            parent = path[:-1]
            while parent and parent not in self.lines:
                parent = parent[:-1]
            return Source(self.name, self.lines.get(parent, 1), dotted(path), stated=False)
        source = self.sources[path] = Source(self.name, line, dotted(path))
        return source


def _written(data: Any, path: tuple) -> Any:
    """The value a path holds in a file's plain data, as a Decimal when it is a number (None when it is not there)."""
    data = value_at(data, path)
    try:
        return Decimal(str(data)) if isinstance(data, (int, float, str)) and not isinstance(data, bool) else data
    except ArithmeticError:  # written as text the validator read (“1,622.30”): not the same figure as typed
        return None


def _walk(node: Any, path: tuple, files: _Files) -> None:
    """Trace the values under a model, list or mapping."""
    if isinstance(node, BaseModel):
        for name, info in type(node).model_fields.items():
            _put(node.__dict__, name, path + (info.alias or name,), files)
        again = getattr(node, "derive_again", None)
        if again is not None:
            again({info.alias or name for name, info in type(node).model_fields.items() if path + (info.alias or name,) in files.lines})
    elif isinstance(node, list):
        for i in range(len(node)):
            _put(node, i, path + (i,), files)
    elif isinstance(node, dict):
        for key in list(node):
            _put(node, key, path + (key,), files)


def _put(holder: Any, key: Any, path: tuple, files: _Files) -> None:
    """Trace one held value: replaced by its twin, or walked into."""
    value = holder.get(key) if isinstance(holder, dict) else holder[key]
    twin = files.traced(value, path)
    if twin is not value:
        holder[key] = twin
    else:
        _walk(value, path, files)


def annotate(sources, findings) -> None:
    """Note on each source the warnings and errors `check` gave at its own field or at a sibling field (the 变动原因
    beside a 决算数, the 科目编码 of its line); a finding about a whole section or list is not any one figure's."""
    by_file: dict[str, list[Source]] = {}
    for source in sources:
        by_file.setdefault(source.file, []).append(source)
    for finding in findings:
        if not finding.path or finding.placeholder:
            continue
        mine = by_file.get(finding.file, [])
        if any(_holds(finding.path, s.path) and s.path != finding.path for s in mine):
            continue  # a section or a list: no one figure's
        parent = _parent(finding.path)
        for source in mine:
            if source.path == finding.path or (parent and _parent(source.path) == parent):
                source.notes.append(f"{finding.severity}：{finding.message}")


def _holds(field: str, path: str) -> bool:
    """Whether a field path is a value's own path or one of the fields that hold it."""
    return path == field or path.startswith((field + ".", field + "["))


def _parent(path: str) -> str:
    """The field that holds a field: 支出.科目[2] for 支出.科目[2].决算数 ("" at the top)."""
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""
