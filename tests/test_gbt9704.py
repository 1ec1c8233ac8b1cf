"""The GB/T 9704 type area as LibreOffice lays it out: 28 characters a line and 22 lines a page of 三号 body text."""
from __future__ import annotations

import shutil
import subprocess
import zipfile

from conftest import require_pdftotext, require_soffice

from generator.workflow.pdf import convert

DOC = "zhuzhou-jiwei/2022/2022年度部门整体支出绩效自评报告.docx"


def test_every_portrait_section_has_the_line_grid():
    from pathlib import Path
    for template in Path(__file__).resolve().parent.parent.joinpath("templates").rglob("*.docx"):
        xml = zipfile.ZipFile(template).read("word/document.xml").decode()
        sections = xml.split("<w:sectPr")[1:]
        portrait = [s for s in sections if 'w:w="11906"' in s]
        assert all('w:docGrid w:linePitch="579" w:type="lines"' in s for s in portrait), template
        assert portrait or all('w:orient="landscape"' in s for s in sections), template  # a form printed landscape only


def test_body_text_runs_28_characters_a_line_and_22_lines_a_page(generated, tmp_path):
    require_soffice()
    require_pdftotext()
    shutil.copy(generated[DOC], tmp_path / "doc.docx")
    pdf = convert([tmp_path / "doc.docx"])[0]
    text = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line.replace(" ", "") for line in text.splitlines() if line.strip() and "—" not in line]
    assert len(lines) == 22, len(lines)
    assert max(len(line) for line in lines) == 28 and sum(len(line) == 28 for line in lines) >= 10
