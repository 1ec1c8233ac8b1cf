"""JSON Schemas of the unit and year files, for editors (VS Code's YAML extension completes and validates keys)."""
from __future__ import annotations

import json
from pathlib import Path

from .model import Unit, Year
from .files import write_atomic

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
FILES = {"unit.schema.json": (Unit, "单位基本情况（unit.yaml）"), "year.schema.json": (Year, "年度数据（如 2019.yaml）")}


def schema_text(model, title: str) -> str:
    """One model's JSON Schema as stable, readable text."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["title"] = title
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write(folder: Path = SCHEMAS) -> list[Path]:
    """Write both schemas into a folder."""
    written = []
    for name, (model, title) in FILES.items():
        path = folder / name
        write_atomic(path, schema_text(model, title).encode("utf-8"))
        written.append(path)
    return written
