"""Builds the default .docx templates from their Python sources: python templates/source/build.py [OUTDIR]."""
from __future__ import annotations

import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parent
HERE = SOURCE.parent  # templates/: one folder per layout
sys.path.insert(0, str(SOURCE))
sys.path.insert(0, str(SOURCE.parents[1]))  # the generator package: the tables' column names

import fujian  # noqa: E402
import hunan  # noqa: E402
import national  # noqa: E402
import sichuan  # noqa: E402
import sichuan_form  # noqa: E402

# (document kind, layout) → builder function
TEMPLATES = {
    ("部门决算说明", "四川"): sichuan.final_accounts,
    ("部门整体支出绩效评价报告", "四川"): sichuan.overall_evaluation,
    ("项目支出绩效评价报告", "四川"): sichuan.project_report,
    ("项目支出绩效自评表", "四川"): sichuan_form.project_self_evaluation,
    ("部门整体支出绩效自评报告", "湖南"): hunan.self_evaluation_report,
    ("部门决算", "全国"): national.report,
    ("部门决算说明", "福建"): fujian.final_accounts,
}


def build(outdir: Path = HERE) -> list[Path]:
    """Write every default template under outdir/<layout>/<kind>.docx (beside the layout's profile.yaml)."""
    written = []
    for (kind, layout), make in TEMPLATES.items():
        path = outdir / layout / f"{kind}.docx"
        path.parent.mkdir(parents=True, exist_ok=True)
        make().save(path)
        written.append(path)
    return written


if __name__ == "__main__":
    for p in build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(p)
