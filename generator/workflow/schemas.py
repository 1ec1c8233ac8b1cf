"""Writing the JSON Schemas of the unit and year files into schemas/ (for editors)."""
from __future__ import annotations

from pathlib import Path

from generator import ROOT
from generator.checks.stated_names import reference_text
from generator.model.schema import FILES, SCHEMAS, schema_text
from generator.render.files import write_atomic


def write(folder: Path = SCHEMAS) -> list[Path]:
    """Write both schemas into a folder."""
    written = []
    for name, (model, title) in FILES.items():
        path = folder / name
        write_atomic(path, schema_text(model, title).encode("utf-8"))
        written.append(path)
    return written


def write_reference(folder: Path = ROOT / "docs") -> Path:
    """Write the reference list of 核对 names (docs/核对项.md), made from the code."""
    path = folder / "核对项.md"
    write_atomic(path, reference_text().encode("utf-8"))
    return path
