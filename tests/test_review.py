"""`review`: the year-on-year review list of the three example units (golden Markdown), its Word twin, thresholds."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from cli import main
from generator.workflow.review import review, review_job

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "review"
CASES = {  # golden name: (unit, year, rate, amount)
    "panzhihua-renhe-jiwei-2019": ("panzhihua-renhe-jiwei", None, Decimal("0.10"), Decimal(1)),
    "zhuzhou-jiwei-2022": ("zhuzhou-jiwei", None, Decimal("0.10"), Decimal(1)),
    "example-jiaoyuju-2024": ("example-jiaoyuju", 2024, Decimal("0.10"), Decimal(1)),
    "example-jiaoyuju-2024-rate5": ("example-jiaoyuju", 2024, Decimal("0.05"), Decimal(1)),
}


@pytest.mark.parametrize("name", CASES)
def test_review_list_matches_its_snapshot(name, tmp_path, monkeypatch, update_golden):
    unit, year, rate, amount = CASES[name]
    monkeypatch.chdir(ROOT)  # the list names files as check does: relative to the working folder
    markdown, document = review(review_job(Path("data") / unit, year), tmp_path, rate, amount)
    text = markdown.read_text(encoding="utf-8")
    golden = GOLDEN / f"{name}.md"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| 数字")]
    table = Document(str(document)).tables
    assert len(table[0].rows) - 1 == len(rows) if rows else not table


def test_the_lists_show_reasons_and_what_is_unexplained():
    renhe = (GOLDEN / "panzhihua-renhe-jiwei-2019.md").read_text(encoding="utf-8")
    assert "| 本年收入合计 | 1622.30 | 826.79 | 增加795.51 | 增长96.2% | 收入、支出大幅增加" in renhe
    assert "公务接待费决算数 1.06 超过预算数 0.89" in renhe
    lower = (GOLDEN / "example-jiaoyuju-2024-rate5.md").read_text(encoding="utf-8")
    assert "| 政府性基金预算财政拨款支出 | 80.00 | 73.60 | 增加6.40 | 增长8.7% | 【未说明原因】 |" in lower
    assert "数字 0 个" in (GOLDEN / "example-jiaoyuju-2024.md").read_text(encoding="utf-8")  # 8.7% is under 10%
    assert "无法与上年比较" in (GOLDEN / "zhuzhou-jiwei-2022.md").read_text(encoding="utf-8")


def test_the_word_list_is_the_same_bytes_every_time(tmp_path):
    job = review_job(ROOT / "data" / "panzhihua-renhe-jiwei", 2019)
    first = review(job, tmp_path / "a")[1].read_bytes()
    assert review(job, tmp_path / "b")[1].read_bytes() == first


@pytest.mark.parametrize("args, says", [
    (["--rate", "abc"], "应是不小于 0 的数字"),
    (["2020"], "没有 2020 年的年度文件"),
])
def test_review_refuses_bad_arguments_in_chinese(args, says, tmp_path):
    result = CliRunner().invoke(main, ["review", str(ROOT / "data" / "example-jiaoyuju"), *args, "-o", str(tmp_path)])
    assert result.exit_code == 2 and says in result.output


def test_review_of_a_folder_of_units_asks_for_one_unit(tmp_path):
    result = CliRunner().invoke(main, ["review", str(ROOT / "data"), "-o", str(tmp_path)])
    assert result.exit_code == 2 and "不是一个单位文件夹" in result.output


def test_the_word_list_is_valid_ooxml(tmp_path):
    """python-docx's default package carries a stylesWithEffects part that disagrees with its styles; it is left out."""
    from openxml_audit import OpenXmlValidator
    document = review(review_job(ROOT / "data" / "panzhihua-renhe-jiwei", 2019), tmp_path)[1]
    result = OpenXmlValidator().validate(str(document))
    assert result.is_valid, [str(e) for e in result.errors][:3]
