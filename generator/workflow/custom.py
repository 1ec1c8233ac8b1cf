"""A unit's own templates, tried with its data by `check`: a file that is no .docx, or that does not render, is found
before `generate` meets it."""
from __future__ import annotations

from generator.errors import Finding, UserError
from generator.load.reader import load_yaml
from generator.render.kinds import plan
from generator.workflow.pipeline import UNIT_FILE, Prepared


def custom_template_findings(prepared: Prepared) -> list[Finding]:
    """One finding, located at unit.yaml's 模板 entry, for each custom template that cannot render the unit's data."""
    bundle, job = prepared.bundle, prepared.job
    if bundle is None or not bundle.unit.templates or prepared.errors:
        return []
    unit_file = load_yaml(job.unit_dir / UNIT_FILE)
    out = []
    for planned, seen in plan(bundle, job.unit_dir):
        kind = planned.kind
        path = bundle.unit.templates.get(kind.name)
        if path is None or not (job.unit_dir / path).is_file() or kind.missing(seen):
            continue
        try:
            planned.build(seen, job.unit_dir, False)
        except UserError as exc:
            out.append(unit_file.finding(("模板", kind.name), f"自定义模板 {path} 不能用本单位的数据生成{kind.name}：{exc.message}"))
    return out
