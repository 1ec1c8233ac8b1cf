"""The steps every rendered document takes after Jinja, each declared once with its two forms: on the tree (docxtpl's
pipeline, treesteps) and on the text (the direct renderer, xmltext). Both renderers run this list in this order, and
test_xmltext walks it: a step cannot be added to one renderer only."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.render import treesteps, xmltext


@dataclass(frozen=True)
class Step:
    """A step after Jinja: its name, its tree form (changes a body element) and its text form (body children → text)."""

    name: str
    tree: Callable[[object], None]
    text: Callable[[str], str]
    draft_only: bool = False


CONTENTS = Step("目录", treesteps.fill_contents, xmltext.fill_contents)  # a streamed document fills it from its batches
STEPS = (
    Step("草稿表格的数字出处", treesteps.mark_tables, xmltext.mark_tables, draft_only=True),
    CONTENTS,
    Step("表格数字右对齐", treesteps.align_numbers, xmltext.align_numbers),
    Step("草稿的待补充标黄", treesteps.highlight_placeholders, xmltext.highlight_placeholders, draft_only=True),
)
