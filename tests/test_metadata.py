"""Package and PDF metadata true to the document, and PDFs that depend on their content only."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

from conftest import require_pdftotext, require_soffice

from generator.workflow.pdf import convert


def test_docx_metadata_is_the_documents_own(generated):
    for relative, path in generated.items():
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            app, core = z.read("docProps/app.xml").decode(), z.read("docProps/core.xml").decode()
        assert "docProps/thumbnail.jpeg" not in names and not any(n.startswith("customXml") for n in names), relative
        assert "<Application>决算文档生成工具</Application>" in app and "Microsoft" not in app and "<Pages>" not in app
        unit_year = relative.split("/")[1]
        assert f"<dc:title>{unit_year}" in core or unit_year in core.split("<dc:title>")[1].split("</dc:title>")[0], core


def test_pdfs_carry_the_title_and_the_same_bytes_twice(generated, tmp_path):
    require_soffice()
    require_pdftotext()
    source = generated["zhuzhou-jiwei/2022/2022年部门整体支出绩效评价报告.docx"]
    runs = []
    for run in ("a", "b"):
        folder = tmp_path / run
        folder.mkdir()
        shutil.copy(source, folder / source.name)
        runs.append(convert([folder / source.name])[0].read_bytes())
    assert runs[0] == runs[1]
    info = subprocess.run(["pdfinfo", str(tmp_path / "a" / source.with_suffix(".pdf").name)], capture_output=True, text=True).stdout
    assert "Title:           中共株洲市纪律检查委员会2022年部门整体支出绩效评价报告" in info and "1980" in info


def test_an_annexed_report_does_not_join_the_title(generated):
    with zipfile.ZipFile(generated["panzhihua-renhe-jiwei/2019/2019年度部门决算说明.docx"]) as z:
        core = z.read("docProps/core.xml").decode()
    assert "<dc:title>攀枝花市仁和区纪委监委2019年度部门决算说明</dc:title>" in core
