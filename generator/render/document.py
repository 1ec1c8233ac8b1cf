"""One document rendered: by the direct renderer when its template allows, else by docxtpl's pipeline."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.render import direct, docx, limits


def render(template: Path, context: dict[str, Any], subdocs: dict[str, bytes] | None = None, draft: bool = False) -> bytes:
    """A rendered document's deterministic bytes (the same whichever renderer makes them), within the limits a
    template must keep (render.limits)."""
    with limits.guarded(template):
        ready = direct.prepared(template)
        data = ready.render(template, context, subdocs or {}, draft) if ready else None
        if data is None:
            data = docx.render(template, context, subdocs, draft)
    limits.well_formed(template, data)
    return data
