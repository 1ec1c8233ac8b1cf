"""One document rendered: by the direct renderer when its template allows, else by docxtpl's pipeline."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from generator.errors import UserError
from generator.pending import DERIVED, MARK
from generator.render import direct, docx, limits

PLACEHOLDER = re.compile(re.escape(MARK.split("{}")[0]) + r"([^】<]*)】")


def render(template: Path, context: dict[str, Any], subdocs: dict[str, bytes] | None = None, draft: bool = False) -> bytes:
    """A rendered document's deterministic bytes (the same whichever renderer makes them), within the limits a
    template must keep (render.limits)."""
    with limits.guarded(template):
        ready = direct.prepared(template)
        data = ready.render(template, context, subdocs or {}, draft) if ready else None
        if data is None:
            data = docx.render(template, context, subdocs, draft)
    limits.well_formed(template, data)
    if not draft:
        _no_placeholders(template, data)
    return data


def _no_placeholders(template: Path, data: bytes) -> None:
    """A final document may not print a fact still to fill (【待补充：…】): it would be published as is."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        text = "".join(package.read(n).decode("utf-8") for n in package.namelist() if n.startswith("word/") and n.endswith(".xml"))
    found = set(PLACEHOLDER.findall(text))
    labels = sorted(found - {DERIVED}) or sorted(found)  # “computed from a fact to fill” says nothing the facts do not
    if labels:
        raise UserError(f"正式文档（模板 {template.parent.name}/{template.name}）里还有待补充的内容（{'、'.join(labels)}），不能定稿。"
                        "请在年度文件中补上这些内容，或用 generate --draft 先生成草稿。")
