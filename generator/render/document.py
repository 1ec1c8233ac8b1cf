"""One document rendered: by the direct renderer when its template allows, else by docxtpl's pipeline."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.errors import UserError
from generator.pending import DERIVED
from generator.render import direct, docx, limits
from generator.render.jinja import PRINTED


def render(template: Path, context: dict[str, Any], subdocs: dict[str, bytes] | None = None, draft: bool = False) -> bytes:
    """A rendered document's deterministic bytes (the same whichever renderer makes them), within the limits a
    template must keep (render.limits); a final one may not print a fact still to fill."""
    token = PRINTED.set(set())
    try:
        with limits.guarded(template):
            ready = direct.prepared(template)
            data = ready.render(template, context, subdocs or {}, draft) if ready else None
            if data is None:
                data = docx.render(template, context, subdocs, draft)
        printed = PRINTED.get() or set()
    finally:
        PRINTED.reset(token)
    limits.well_formed(template, data)
    if not draft:
        _no_placeholders(template, printed)
    return data


def _no_placeholders(template: Path, printed: set[str]) -> None:
    """A final document may not print a fact still to fill (【待补充：…】): it would be published as is."""
    labels = sorted(printed - {DERIVED}) or sorted(printed)  # “computed from a fact to fill” says nothing the facts do not
    if labels:
        raise UserError(f"正式文档（模板 {template.parent.name}/{template.name}）里还有待补充的内容（{'、'.join(labels)}），不能定稿。"
                        "请在年度文件中补上这些内容，或用 generate --draft 先生成草稿。")
