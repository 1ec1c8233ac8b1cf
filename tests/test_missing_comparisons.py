"""A comparison with last year never disappears from a document: without last year's figure a final document is
refused (check says which) and a draft prints 【待补充】 where the comparison goes, with the clerk's reason after it;
a companion 部门决算 lacking one is made a draft."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.checks.requirements import NATIONAL, REQUIREMENTS, renders_as_draft
from generator.tools.totext import docx_text
from generator.workflow.pipeline import Job, discover, generate, prepare

ROOT = Path(__file__).resolve().parent.parent


def without_last_year(tmp_path: Path) -> Path:
    """仁和 (四川) without its 上年 block."""
    folder = tmp_path / "renhe"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", folder)
    year = folder / "2019.yaml"
    year.write_text(re.sub(r"\n上年:\n((  .*|  #.*)\n)+", "\n", year.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def test_the_sichuan_document_needs_each_figure_it_compares_with(tmp_path):
    folder = without_last_year(tmp_path)
    errors = {f.path for f in prepare(Job(folder, folder / "2019.yaml")).findings if f.is_error}
    assert errors == {"上年.收入合计", "上年.支出合计", "上年.财政拨款收支总计", "上年.一般公共预算财政拨款支出", "上年.公务接待费",
                      "上年.机关运行经费"}


def test_a_draft_shows_the_comparison_to_fill_and_keeps_the_reason_after_it(tmp_path):
    folder = without_last_year(tmp_path)
    prepared, written = generate(Job(folder, folder / "2019.yaml"), tmp_path / "out", draft=True)
    assert not prepared.errors
    text = docx_text(next(p for p in written if p.name.endswith("部门决算说明.docx")))
    assert "2019年度总收入1622.30万元，与2018年相比，收入【待补充：2018年收入合计】；" in text
    assert "与2018年相比，财政拨款收、支总计各【待补充：2018年财政拨款收支总计】。收入、支出大幅增加的主要原因一是" in text
    assert "机关运行经费支出341.38万元，比2018年【待补充：2018年机关运行经费】。主要原因是2019年人员增加" in text
    assert "公务接待费支出决算比2018年【待补充：2018年公务接待费】。主要原因是" in text


def test_a_companion_national_document_lacking_a_figure_to_compare_with_is_a_draft():
    bundle = prepare(discover([ROOT / "data" / "example-jiaoyuju"])[-1]).bundle
    requirement = REQUIREMENTS[NATIONAL]
    assert not renders_as_draft(requirement, bundle, own=False)
    bundle.year.previous.grand_total = None
    assert renders_as_draft(requirement, bundle, own=False) and not renders_as_draft(requirement, bundle, own=True)
