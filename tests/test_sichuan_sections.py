"""A document never prints a heading over nothing or a list of nothing: the 四川 “重点工作完成情况” needs its text (an
error in a final document, 【待补充】 in a draft), 人员经费/公用经费 without 主要包括 say no “主要包括：等”, and a 湖南
report without 工作情况 has no heading for it."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.errors import DataError
from generator.tools.totext import docx_text
from generator.workflow.pipeline import Job, generate, prepare

ROOT = Path(__file__).resolve().parent.parent
RENHE = ROOT / "data" / "panzhihua-renhe-jiwei"
PINGTAN = ROOT / "tests" / "fixtures" / "pingtan-corrected"


def edited(tmp_path: Path, source: Path, year: int, edit) -> Job:
    """A copy of a unit whose year file is edited."""
    folder = tmp_path / source.name
    shutil.copytree(source, folder)
    path = folder / f"{year}.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return Job(folder, path)


def without_key_work(text: str) -> str:
    """仁和's year file without its 重点工作."""
    return re.sub(r"^重点工作:\n(  - .*\n)+", "", text, flags=re.M)


def explanation(job: Job, out: Path, draft: bool = False) -> str:
    """The text of the unit-year's 决算说明."""
    _, written = generate(job, out, draft)
    return docx_text(next(p for p in written if p.name.endswith("部门决算说明.docx")))


def test_key_work_left_out_is_an_error_and_a_draft_shows_it_to_fill(tmp_path):
    job = edited(tmp_path, RENHE, 2019, without_key_work)
    errors = [f for f in prepare(job).findings if f.is_error]
    assert [f.path for f in errors] == ["重点工作"] and "请写“重点工作”" in errors[0].message
    with pytest.raises(DataError):
        generate(job, tmp_path / "out")
    text = explanation(job, tmp_path / "draft", draft=True)
    assert "年重点工作完成情况。\n【待补充：重点工作完成情况（重点工作）】\n" in text


def test_spending_without_its_items_says_no_empty_list(tmp_path):
    def no_items(text: str) -> str:
        return re.sub(r"^    主要包括: \[.*\]\n", "", text, flags=re.M)
    text = explanation(edited(tmp_path, RENHE, 2019, no_items), tmp_path / "out")
    assert "人员经费703.64万元。\n公用经费341.38万元。" in text and "主要包括：等" not in text


def test_fujian_spending_without_its_items_says_no_empty_list(tmp_path):
    def no_items(text: str) -> str:
        return re.sub(r"^    主要包括: \[.*\]\n", "", text, flags=re.M)
    text = explanation(edited(tmp_path, PINGTAN, 2017, no_items), tmp_path / "out")
    assert "（一）人员经费1264.60万元。" in text and "主要包括：。" not in text


ZHUZHOU = ROOT / "data" / "zhuzhou-jiwei"


def test_hunan_work_left_out_prints_no_heading_and_a_draft_shows_it(tmp_path):
    """湖南: without 工作情况 the report printed “（二）2022年工作情况” over nothing; the final report leaves the heading out
    (the next one is numbered （二）), a draft shows it to fill."""
    def without_work(text: str) -> str:
        return text[:text.index("工作情况:\n")] + text[text.index("工作总结:\n"):]
    job = edited(tmp_path, ZHUZHOU, 2022, without_work)

    def report(out: Path, draft: bool) -> str:
        _, written = generate(job, out, draft)
        return docx_text(next(p for p in written if p.name.endswith("自评报告.docx")))
    final = report(tmp_path / "final", False)
    assert "年工作情况" not in final and "### （二）项目支出绩效情况" in final
    assert "### （二）2022年工作情况\n【待补充：工作情况】\n" in report(tmp_path / "draft", True)
