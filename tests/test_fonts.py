"""The PDFs draw the official hierarchy in free fonts: a serif bold title (小标宋), sans headings (黑体), kai sub-headings
(楷体) and a serif body (仿宋), each in simplified-Chinese glyph forms, through templates/fonts/fonts.conf."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import require_pdftotext, require_soffice

from generator.workflow.pdf import convert

KINDS = ["panzhihua-renhe-jiwei/2019/2019年度部门决算说明.docx", "panzhihua-renhe-jiwei/2019/2019年部门整体支出绩效评价报告.docx",
         "panzhihua-renhe-jiwei/2019/2019年项目支出绩效评价报告（仁和区廉政风险防控平台建设项目）.docx",
         "zhuzhou-jiwei/2022/2022年度部门整体支出绩效自评报告.docx", "example-jiaoyuju/2024/2024年度部门决算.docx"]


@pytest.fixture(scope="module")
def pdfs(generated, tmp_path_factory):
    """One PDF of every document kind."""
    require_soffice()
    require_pdftotext()
    folder = tmp_path_factory.mktemp("fonts")
    for kind in KINDS:
        shutil.copy(generated[kind], folder / generated[kind].name)
    return convert([folder / generated[kind].name for kind in KINDS])


def faces(pdf) -> set[str]:
    """The CJK faces a PDF embeds, subset prefixes dropped."""
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    names = {line.split()[0].split("+", 1)[-1] for line in listing if line.strip()}
    return {n for n in names if "CJK" in n or "UKai" in n}


def test_every_kind_draws_at_least_three_cjk_faces_in_the_hierarchy(pdfs):
    assert len(pdfs) == len(KINDS)
    for pdf in pdfs:
        found = faces(pdf)
        assert len(found) >= 3, (pdf.name, found)
        assert any("Serif" in f and "Bold" in f for f in found), (pdf.name, found)  # the title
        assert any(f.startswith("NotoSansCJK") for f in found), (pdf.name, found)  # 黑体 headings
        assert any("UKai" in f for f in found), (pdf.name, found)  # 楷体 sub-headings
        assert any("Serif" in f and "Regular" in f for f in found), (pdf.name, found)  # 仿宋 body
