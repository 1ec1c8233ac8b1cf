"""Writing the JSON Schemas of the unit and year files into schemas/ (for editors)."""
from __future__ import annotations

from pathlib import Path

from generator import ROOT, TEMPLATES
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


def sample_contexts() -> dict[str, dict]:
    """For each document kind, the context of the first unit-year of data/ that gets it (the reference's examples)."""
    from generator.render.kinds import CONTEXTS, plan
    from generator.workflow.pipeline import discover, prepare
    out: dict[str, dict] = {}
    for job in discover([]):
        bundle = prepare(job).bundle
        for planned, seen in plan(bundle, job.unit_dir) if bundle else []:
            if planned.kind.name not in out and not planned.kind.missing(seen):
                out[planned.kind.name] = CONTEXTS[planned.kind.name](seen)
    return out


def write_variables(folder: Path = TEMPLATES) -> Path:
    """Write templates/变量说明.md, the reference of every template variable, attribute and filter."""
    from generator.tools.reference import reference_text
    path = folder / "变量说明.md"
    write_atomic(path, reference_text(sample_contexts()).encode("utf-8"))
    return path
