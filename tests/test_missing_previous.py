"""A national 部门决算 whose last-year figures are unknown: check says so, a final document is not made, a draft shows
each comparison to fill, never a reason standing alone."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.errors import DataError
from generator.tools.totext import docx_text
from generator.workflow.pipeline import Job, generate, prepare

ROOT = Path(__file__).resolve().parent.parent
PUTUO = ROOT / "tests" / "fixtures" / "putuo-corrected"


def without_previous(tmp_path: Path) -> Path:
    """putuo with its 上年 block removed (its reasons for the changes stay)."""
    folder = tmp_path / "putuo"
    shutil.copytree(PUTUO, folder)
    year = folder / "2024.yaml"
    year.write_text(re.sub(r"^上年:\n(  .*\n)+", "", year.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    return folder


def test_check_names_each_figure_the_comparisons_need(tmp_path):
    folder = without_previous(tmp_path)
    found = [f for f in prepare(Job(folder, folder / "2024.yaml")).findings if "与2023年度比较" in f.message]
    assert sorted(f.path for f in found) == ["上年.一般公共预算财政拨款支出", "上年.收支总计", "上年.机关运行经费", "上年.财政拨款收支总计"]
    assert all(f.is_error for f in found)  # putuo spent nothing on 三公: that comparison is not printed


def test_a_final_document_is_not_made_and_a_draft_shows_each_comparison_to_fill(tmp_path):
    folder = without_previous(tmp_path)
    with pytest.raises(DataError):
        generate(Job(folder, folder / "2024.yaml"), tmp_path / "final")
    _, written = generate(Job(folder, folder / "2024.yaml"), tmp_path / "draft", draft=True)
    text = docx_text(next(p for p in written if "部门决算" in p.name and "说明" not in p.name))
    assert "收入支出总计307.82万元。与2023年度相比，收入支出总计【待补充：2023年度收入支出总计】。主要原因：单位于2024年成立。" in text
    assert "与2023年度相比，财政拨款收入支出总计【待补充：2023年度财政拨款收入支出总计】。主要原因" in text
    assert "机关运行经费支出10.23万元，比2023年度【待补充：2023年度机关运行经费】。" in text


def test_the_example_units_first_year_compares_with_the_year_before(tmp_path):
    """data/example-jiaoyuju starts in 2023: its 上年 block gives 2022's figures, so its reasons follow a comparison."""
    unit = ROOT / "data" / "example-jiaoyuju"
    _, written = generate(Job(unit, unit / "2023.yaml"), tmp_path)
    text = docx_text(next(p for p in written if "部门决算" in p.name and "说明" not in p.name))
    assert "与2022年度相比，收入支出总计增加540.72万元，增长7.85%。主要原因：新增两所公办幼儿园开园" in text


def test_a_last_year_file_that_is_there_but_broken_is_named_not_asked_for(tmp_path):
    """With 2023.yaml beside the year but unreadable, check said “请放上 2023.yaml”: the clerk is now told the file is
    there and gave no figure (to correct it), and still asked for the file when it is not there."""
    folder = without_previous(tmp_path)
    job = Job(folder, folder / "2024.yaml")
    asked = [f.message for f in prepare(job).findings if f.path == "上年.机关运行经费"]
    assert len(asked) == 1 and "请放上 2023.yaml" in asked[0]
    (folder / "2023.yaml").write_text("年度: 2023\n收入: [\n", encoding="utf-8")
    found = {f.path: f.message for f in prepare(job).findings}
    assert "2023.yaml 里读不出这个数（文件有错误时请先改正它，运行 check 检查 2023.yaml）" in found["上年.机关运行经费"]
    assert "请放上" not in found["上年.机关运行经费"] and "上年文件 2023.yaml 有错误" in found["上年"]
