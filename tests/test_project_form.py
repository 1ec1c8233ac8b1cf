"""The 四川 部门预算项目支出绩效自评表: one landscape table per project that has a 自评表, with the reference form's
rows and columns, its scores computed, and its printed rules checked."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.tools.totext import docx_text
from generator.workflow.pipeline import Job, generate, prepare
from tests.test_seed_coverage import SHARED, seedcov

ROOT = Path(__file__).resolve().parent.parent
RENHE = ROOT / "data" / "panzhihua-renhe-jiwei"
PROJECT = "办案、纪律审查、党风廉政建设及巡察专项经费"
FORM = """    自评表:
      实施过程: 全年按计划开展专项监督检查和巡察，资金按进度支付。
      年初预算数: {财政拨款: 50.00}
      项目负责人: 张三
      财务负责人: 李四
"""


def renhe_with_a_form(tmp_path: Path, extra: str = "") -> Path:
    """仁和 whose first project has a 自评表: weights 40 + 30 + 20, the third scored by the rule (97% ≥ 95%)."""
    folder = tmp_path / "renhe"
    shutil.copytree(RENHE, folder)
    year = folder / "2019.yaml"
    text = year.read_text(encoding="utf-8")
    text = text.replace("    绩效自评: true\n", "    绩效自评: true\n" + FORM + extra, 1)
    for actual, weights in (("巡察工作按计划完成。", "分值: 40, 得分: 38"), ("结案率达到92%。", "分值: 30, 得分: 30"),
                            ("群众满意度97%.", "分值: 20")):
        line = next(x for x in text.splitlines() if x.strip().startswith("实际完成值:") and x.endswith(actual))
        text = text.replace(line + "\n", line + "\n" + "".join(f"        {w}\n" for w in weights.split(", ")), 1)
    year.write_text(text, encoding="utf-8")
    return folder


def test_an_adjusted_budget_needs_its_reason(tmp_path):
    folder = renhe_with_a_form(tmp_path)
    found = {f.path: f for f in prepare(Job(folder, folder / "2019.yaml")).findings}
    assert found["项目[0].自评表.调整原因"].is_error and "年初 50.00 万元，调整后 60.00 万元" in found["项目[0].自评表.调整原因"].message
    assert not [p for p in found if p.startswith("项目[0].绩效指标")]  # weights make 90, each indicator scored


@pytest.fixture(scope="module")
def form(tmp_path_factory) -> str:
    """The text of the generated 自评表 of the project."""
    tmp = tmp_path_factory.mktemp("form")
    folder = renhe_with_a_form(tmp, "      调整原因: 年中追加巡察工作经费10万元。\n")
    prepared, written = generate(Job(folder, folder / "2019.yaml"), tmp / "out")
    assert not prepared.errors
    forms = [p for p in written if "项目支出绩效自评表" in p.name]
    assert [p.name for p in forms] == [f"2019年项目支出绩效自评表（{PROJECT}）.docx"]  # only the project with a 自评表
    final = docx_text(next(p for p in written if p.name.endswith("部门决算说明.docx")))
    assert f"本部门对“{PROJECT}”项目开展了绩效自评，《部门预算项目支出绩效自评表》见附件（附件3，另附）。" in final  # after 2 annexes
    return docx_text(forms[0])


# the reference form's row and column labels, as printed there (the cells that are not a unit's data or instructions)
LABELS = ["部门预算项目支出绩效自评表", "项目名称", "主管部门", "实施单位 (盖章)", "项目基本情况", "1.项目年度目标完成情况", "项目年度目标",
          "年度目标完成情况", "2.项目实施内容及过程概述", "预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数",
          "预算执行率", "权重", "得分", "原因", "总额", "其中:财政资金", "财政专户管理资金", "单位资金", "其他资金", "绩效指标(90分)",
          "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "未完成原因分析", "合计", "评价结论", "存在问题",
          "改进措施", "项目负责人:", "财务负责人:"]


def test_the_form_has_the_reference_form_s_rows_and_columns(form):
    tool = seedcov()
    reference = tool.norm((SHARED / "references" / "sichuan-2023-project-selfeval-form.txt").read_text(encoding="utf-8"))
    assert all(tool.norm(label) in reference for label in LABELS)
    hay = tool.norm(form)
    assert [label for label in LABELS if tool.norm(label) not in hay] == []


def test_the_form_s_figures(form):
    assert "| 总额 | 50.00 | 60.00 | 60.00 | 100.00% | 10 | 10 | 年中追加巡察工作经费10万元。 |" in form
    assert "| 满意度指标 |  |  | ≥ | 95 | % | 97 | 20 | 20 |  |" in form  # scored by the rule
    assert "| 合计 | 100 | 98 |  |" in form
    assert f"经自评，“{PROJECT}”项目预算执行率100.00%，自评总分98分。" in form
    assert "项目负责人：张三" in form and "财务负责人：李四" in form


def test_the_form_s_rules(tmp_path):
    folder = renhe_with_a_form(tmp_path, "      调整原因: 年中追加。\n      评价结论: 项目完成良好。\n")
    year = folder / "2019.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("    执行数: {财政拨款: 60.00}", "    执行数: {财政拨款: 50.00}", 1)
                    .replace("        分值: 20\n", "        分值: 25\n", 1), encoding="utf-8")
    found = {f.path: f for f in prepare(Job(folder, year)).findings}
    assert found["项目[0].自评表.执行偏差原因"].is_error and "83.33%" in found["项目[0].自评表.执行偏差原因"].message
    assert found["项目[0].绩效指标"].is_error and "现在是 95 分" in found["项目[0].绩效指标"].message
    assert found["项目[0].自评表.评价结论"].severity == "警告"


def test_new_scaffolds_the_form_for_next_year(tmp_path):
    """The people and the indicators' weights stay; the year's figures and texts are left to fill."""
    from generator.workflow.scaffold import create
    folder = renhe_with_a_form(tmp_path, "      调整原因: 年中追加。\n")
    create(folder, 2020)
    text = (folder / "2020.yaml").read_text(encoding="utf-8")
    form = text[text.index("    自评表:\n"):text.index("    预期目标:")]
    assert "项目负责人: 张三" in form and "财务负责人: 李四" in form
    assert "实施过程: ~  # 待补充" in form and "财政拨款: ~  # 待补充" in form and "调整原因: ~  # 待补充" in form
    assert "        分值: 40\n        得分: ~  # 待补充" in text


def test_each_form_slip_is_found_at_its_line(tmp_path):
    """A budget raised during the year with no reason (238.93 → 251.89 in a published form), and a qualitative
    indicator graded above its weight, each at its line."""
    folder = renhe_with_a_form(tmp_path)
    year = folder / "2019.yaml"
    text = year.read_text(encoding="utf-8").replace("        得分: 38\n", "        得分: 45\n", 1)
    year.write_text(text, encoding="utf-8")
    found = {f.path: f for f in prepare(Job(folder, year)).findings}
    lines = text.splitlines()
    assert found["项目[0].自评表.调整原因"].line == 1 + next(i for i, x in enumerate(lines) if x.strip() == "自评表:")
    assert found["项目[0].绩效指标[0].得分"].line == 1 + next(i for i, x in enumerate(lines) if x.strip() == "得分: 45")
    assert "超出权重 40 的范围" in found["项目[0].绩效指标[0].得分"].message


def test_an_actual_in_another_unit_is_printed_as_written():
    """The form prints 指标值 and 度量单位 apart and the 实际完成值 as a number in that unit: 12000亩 under a target of
    1.5万亩 (or 68人次 under 人) is printed as written, never as 12000 万亩."""
    from generator.contexts.project_form import form_row
    from generator.model import Indicator

    def row(actual: str) -> dict:
        return form_row(Indicator.model_validate({"一级指标": "产出指标", "三级指标": "新建高标准农田", "指标值": "≥1.5万亩",
                                                   "实际完成值": actual, "分值": 20}), True)
    assert [(row(a)["value"], row(a)["unit"], row(a)["actual"]) for a in ("1.2万亩", "1.2", "12000亩")] == [
        ("1.5", "万亩", "1.2"), ("1.5", "万亩", "1.2"), ("1.5", "万亩", "12000亩")]
    assert row("12000亩")["score"] == 16 and row("68人次")["actual"] == "68人次" and row("68人次")["score"] is None
