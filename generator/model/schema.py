"""JSON Schemas of the unit and year files, for editors (VS Code's YAML extension completes and validates keys)."""
from __future__ import annotations

import json

from generator import ROOT
from generator.model import Unit, Year

SCHEMAS = ROOT / "schemas"
FILES = {"unit.schema.json": (Unit, "单位基本情况（unit.yaml）"), "year.schema.json": (Year, "年度数据（如 2019.yaml）")}


def schema_text(model, title: str) -> str:
    """One model's JSON Schema as stable, readable text."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["title"] = title
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
