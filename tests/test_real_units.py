"""Facts real documents state and the samples did not: per-item figures, optional facts, unknown budgets."""
from __future__ import annotations

import shutil
from decimal import Decimal as D
from pathlib import Path

from generator.contexts.national import national
from generator.workflow.pipeline import Job, prepare

ROOT = Path(__file__).resolve().parent.parent


def prepared(tmp_path: Path, unit: str, year: int, edit=lambda text: text, unit_edit=lambda text: text):
    """A sample unit copied, its year file (and unit file) edited, then prepared."""
    folder = tmp_path / unit
    shutil.copytree(ROOT / "data" / unit, folder)
    for name, change in ((f"{year}.yaml", edit), ("unit.yaml", unit_edit)):
        path = folder / name
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return prepare(Job(folder, folder / f"{year}.yaml"))


def test_a_line_carries_last_years_amount_and_its_change(tmp_path):
    result = prepared(tmp_path, "example-jiaoyuju", 2024, lambda t: t.replace(
        "{科目编码: 2050101, 年初预算数: 300.00,", "{科目编码: 2050101, 上年决算数: 330.00, 变动原因: 人员减少, 人员经费: 300.00, 公用经费: 12.40, 年初预算数: 300.00,"))
    line = next(l for l in national(result.bundle)["item_lines"] if "行政运行" in l["path"])
    assert line["change"].delta == D("-17.60") and line["change_reason"] == "人员减少" and line["personnel"] == D("300.00")


def test_a_missing_three_public_budget_is_unknown_not_zero(tmp_path):
    result = prepared(tmp_path, "panzhihua-renhe-jiwei", 2019, lambda t: t.replace("    预算数: 30.00\n    决算数: 20.30", "    决算数: 20.30"))
    figures = result.bundle.figures
    assert figures.three_public_budget is None and figures.three_public_completion is None
    assert not [f for f in result.findings if "超过预算数 0.00" in f.message]


def test_an_item_not_written_is_nothing_spent_nothing_budgeted(tmp_path):
    result = prepared(tmp_path, "zhuzhou-jiwei", 2022)
    assert result.bundle.figures.three_public_budget == 0 and result.bundle.figures.three_public_total == 0


def test_glossary_wording_of_the_unit_and_of_the_year(tmp_path):
    from generator.contexts.common import final_accounts
    result = prepared(tmp_path, "panzhihua-renhe-jiwei", 2019,
                      lambda t: t + "名词解释措辞:\n  基本支出: 本年改写的基本支出。\n",
                      lambda t: t + "名词解释措辞:\n  财政拨款收入: 指本级财政当年拨付的资金。\n  基本支出: 单位的写法。\n")
    entries = {e["term"]: e["text"] for e in final_accounts(result.bundle, [])["glossary"]}
    assert entries["财政拨款收入"] == "指本级财政当年拨付的资金。" and entries["基本支出"] == "本年改写的基本支出。"


def test_performance_as_totals_instead_of_projects(tmp_path):
    totals = ("  项目统计:\n    编报绩效目标: {项目数: 4, 金额: 598.42}\n    绩效跟踪评价: {项目数: 4, 金额: 598.42}\n"
              "    绩效自评: {项目数: 4, 金额: 598.42}\n    平均得分: 99.43\n    等级: {优: 4}\n")
    result = prepared(tmp_path, "example-jiaoyuju", 2024, lambda t: t.replace("预算绩效管理:\n", "预算绩效管理:\n" + totals))
    perf = national(result.bundle)["perf"]
    assert perf.targets == (4, D("598.42")) and perf.average == D("99.43") and perf.grades == {"优": 4, "良": 0, "合格": 0, "不合格": 0}


def test_the_national_document_does_not_need_staff_or_posts(tmp_path):
    result = prepared(tmp_path, "example-jiaoyuju", 2024, lambda t: t.replace("实有人数: 186\n", ""),
                      lambda t: t.replace("编制:\n  行政编制: 24\n  事业编制: 170\n", ""))
    assert not result.errors, [f.render() for f in result.errors]


def test_the_sichuan_document_still_needs_its_posts(tmp_path):
    result = prepared(tmp_path, "panzhihua-renhe-jiwei", 2019, unit_edit=lambda t: t.split("编制:")[0] + "\n".join(
        line for line in t.split("编制:")[1].splitlines() if not line.startswith("  ")))
    assert any(f.path == "编制" and f.is_error for f in result.findings), [f.render() for f in result.findings]
