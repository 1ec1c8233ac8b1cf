"""A real published national-layout 部门决算 (上海普陀区委社会工作部 2024), transcribed as a new user would."""
from __future__ import annotations

from pathlib import Path

from generator.workflow.pipeline import Job, generate, prepare

FIXTURES = Path(__file__).parent / "fixtures"

# Every slip of the published document, each found by a general rule (see the note of the issue that added them).
# 公用经费合计 10.23 beside 302 items that sum to 10.22 is no slip: the 决算 system adds 元 and rounds the total, so a
# total of 8 printed items may differ from their sum by up to 0.04 (as may 机关运行经费, the same figure).
SLIPS = {
    "核对.完成年初预算率": "错误",  # “年初预算为 0 万元 … 完成年初预算的 95.89%”: 95.89% is the share of the 全年预算
    "核对.收支总计增长率": "警告",  # “增长 100.00%” from a 2023 figure of 0: a new unit has no growth rate
    "核对.财政拨款收支总计增长率": "警告",
    "核对.一般公共预算财政拨款支出增长率": "警告",
    "核对.机关运行经费增长率": "警告",
    "支出.科目[7].用途": "警告",  # 住房公积金 “主要用于：事业单位医疗保险支出”, copied from the line above
    "政府采购.其他项目中小企业中标": "警告",  # 21.07 in reserved projects and 21.07 again in the other projects
}


def findings(name: str) -> dict[str, str]:
    """Field path → severity of every finding of a fixture."""
    folder = FIXTURES / name
    return {f.path: f.severity for f in prepare(Job(folder, folder / "2024.yaml")).findings}


def test_every_slip_of_the_published_document_is_found_and_nothing_else():
    assert findings("putuo-faithful") == SLIPS


def test_the_corrected_copy_checks_clean_and_generates(tmp_path):
    assert findings("putuo-corrected") == {}
    folder = FIXTURES / "putuo-corrected"
    prepared, written = generate(Job(folder, folder / "2024.yaml"), tmp_path)
    assert [p.name for p in written] == ["2024年度部门决算.docx"] and not prepared.errors
