"""YAML parser events to plain Python data, one value at a time, with the line of every value (no node tree is kept)."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode

from generator.errors import ERROR, Finding, Severity
from generator.load.paths import display_path, dotted

TAG = "tag:yaml.org,2002:"
PLAIN_TAGS = {TAG + "str", TAG + "timestamp", "!"}


def _line(event) -> int:
    """The line an event starts on."""
    return event.start_mark.line + 1 if event.start_mark else 1


class Builder:
    """Builds plain Python data from YAML parser events, one value at a time (no node tree is kept: a large file takes
    little more memory than its data), recording the line of every value."""

    def __init__(self, loaded: Any, events) -> None:  # a reader.Loaded: its path, lines and findings
        self.loaded = loaded
        self.events = iter(events)
        self.constructor = yaml.SafeLoader("")  # resolves plain scalars' tags and builds ints, booleans and nulls

    def fail(self, event, path: tuple, message: str, severity: Severity = ERROR) -> None:
        """Record a finding at an event's line."""
        self.loaded.findings.append(Finding(display_path(self.loaded.path), _line(event), severity, dotted(path), message))

    def stream(self) -> Any:
        """The data of the file's one document ({} for an empty file); a second document is a finding."""
        data: Any = {}
        documents = 0
        for event in self.events:
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents == 2:
                    self.fail(event, (), "文件里有第二个 YAML 文档（“---”之后）。一个文件只能有一个文档：请删掉“---”或把内容合并。")
            elif isinstance(event, NodeEvent):
                value = self.build(event, ())
                if documents == 1:
                    data = {} if value is None else value
        return data

    def build(self, event, path: tuple) -> Any:
        """The plain value starting at an event, recording its line."""
        self.loaded.lines[path] = _line(event)
        if isinstance(event, AliasEvent) or event.anchor is not None:
            self.fail(event, path, "不支持 YAML 锚点和别名（& 和 *）：请把内容直接写出来。")
            self._skip(event)
            return None
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)) and event.tag not in (None, "!", TAG + "map", TAG + "seq"):
            self.fail(event, path, f"不支持 YAML 标签 {event.tag}（出于安全考虑，不会执行或构造任何对象）：请删掉它。")
            self._skip(event)
            return None
        if isinstance(event, MappingStartEvent):
            return self.mapping(path)
        if isinstance(event, SequenceStartEvent):
            return self.sequence(path)
        return self.scalar(event, path)

    def _skip(self, event) -> None:
        """Pass over the rest of a collection that is not built."""
        depth = 1 if isinstance(event, (MappingStartEvent, SequenceStartEvent)) else 0
        while depth:
            inner = next(self.events)
            depth += isinstance(inner, (MappingStartEvent, SequenceStartEvent)) - isinstance(inner, (MappingEndEvent, SequenceEndEvent))

    def sequence(self, path: tuple) -> list:
        """A sequence's items, up to its end."""
        items: list = []
        for event in self.events:
            if isinstance(event, SequenceEndEvent):
                return items
            items.append(self.build(event, path + (len(items),)))
        return items

    def mapping(self, path: tuple) -> dict:
        """A mapping as a dict, up to its end; duplicate keys are findings, never silently dropped."""
        result: dict = {}
        for key_event in self.events:
            if isinstance(key_event, MappingEndEvent):
                return result
            if not isinstance(key_event, ScalarEvent) or key_event.anchor is not None or self._tag(key_event) == TAG + "merge":
                self.fail(key_event, path, "不支持这种键（合并键 << 或复合键）：请直接写出每个键。")
                self._skip(key_event)
                self._skip(next(self.events))
                continue
            key = key_event.value
            value_event = next(self.events)
            if key in result:
                first = self.loaded.lines.get(path + (key,), 0)
                self.fail(key_event, path + (key,), f"键“{key}”重复（第 {first} 行已经出现过）。YAML 只会保留最后一个，前面的数据会丢失：请合并或删掉其中一个。")
                self._skip(value_event)
                continue
            result[key] = self.build(value_event, path + (key,))
            self.loaded.lines[path + (key,)] = _line(key_event)
        return result

    def _tag(self, event: ScalarEvent) -> str:
        """A scalar's tag: written, or resolved as PyYAML's safe loader resolves it."""
        if event.tag not in (None, "!"):
            return event.tag
        return self.constructor.resolve(ScalarNode, event.value, event.implicit)

    def scalar(self, event: ScalarEvent, path: tuple) -> Any:
        """A scalar: numbers with a fraction become Decimal, dates stay text, unknown tags are refused."""
        tag = self._tag(event)
        if tag in PLAIN_TAGS:
            return event.value
        if tag == TAG + "float":
            try:
                return Decimal(event.value.replace("_", ""))
            except InvalidOperation:
                return event.value
        if tag in (TAG + "int", TAG + "bool", TAG + "null"):
            return self.constructor.construct_object(ScalarNode(tag, event.value))
        self.fail(event, path, f"不支持 YAML 标签 {tag}（出于安全考虑，不会执行或构造任何对象）：请删掉它，只写普通文字或数字。")
        return None
