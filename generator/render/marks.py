"""The marks a draft's printed figures carry while Jinja renders: the figure between private-use characters, with
its explanation (render.explain); render.comments turns them into Word comments."""
from __future__ import annotations

import re
from typing import Any

from generator.provenance import is_traced
from generator.render.explain import explanation

START, MID, END, NEWLINE = "\ue000", "\ue001", "\ue002", "\ue003"  # private-use characters no text holds
MARK = re.compile(f"{START}([^{MID}]*){MID}|{END}")
SOURCE = re.compile(r"([^\s：；]+\.ya?ml) 第 (\d+) 行(?!附近)")  # a typed value's line, not where a missing one goes
ANY_MARK = re.compile(f"[{START}{MID}{END}{NEWLINE}]")


def marked(value: Any, printed: str, kind: str) -> str:
    """The printed text of a traced value wrapped in a mark that carries its explanation (any other value as printed)."""
    if not printed or not is_traced(value) or "【待补充" in printed:
        return printed
    note = ANY_MARK.sub("", explanation(value, printed, kind)).replace("\n", NEWLINE)
    return f"{START}{note}{MID}{printed}{END}"


def unmarked(text: str) -> str:
    """Text without the marks (their explanations dropped)."""
    return MARK.sub("", text) if START in text or END in text else text


def table_note(notes: list[str]) -> str:
    """The mark a table carries instead of its figures' own: one note naming the lines its figures come from."""
    cited: dict[str, list[str]] = {}
    for note in notes:
        for name, line in SOURCE.findall(note):
            if line not in cited.setdefault(name, []):
                cited[name].append(line)
    if not cited:
        return ""
    text = "本表数字来自：" + "；".join(f"{name} 第 {'、'.join(sorted(lines, key=int))} 行" for name, lines in cited.items())
    return f"{START}{text}{MID}{END}"


def marks_of(text: str) -> list[str]:
    """The explanations the marks in a text carry."""
    return [m.group(1) for m in MARK.finditer(text) if m.group(1) is not None]
