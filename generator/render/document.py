"""One document rendered: by the direct renderer when its template allows, else by docxtpl's pipeline."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.render import direct, docx


def render(template: Path, context: dict[str, Any], subdocs: dict[str, bytes] | None = None, draft: bool = False) -> bytes:
    """A rendered document's deterministic bytes (the same whichever renderer makes them)."""
    ready = direct.prepared(template)
    data = ready.render(template, context, subdocs or {}, draft) if ready else None
    return data if data is not None else docx.render(template, context, subdocs, draft)
