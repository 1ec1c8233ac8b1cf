"""The PDF says what the .docx says: no mark or character is lost in the export (LibreOffice used to drop a 、，。 that
fell at the end of a justified line), and every body paragraph reads whole across line and page breaks."""
from __future__ import annotations

import html
import re
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

W_T = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.S)


def pdf_text(pdf: Path) -> str:
    """The PDF's text without its page footers (— 1 —) and draft headers."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return "\n".join(line for line in text.splitlines()
                     if not re.fullmatch(r"\s*—\s*\d+\s*—\s*", line) and "草稿（未经审核，不得公开）" not in line)


def docx_body(docx: Path) -> str:
    """The document body's XML."""
    with zipfile.ZipFile(docx) as z:
        return z.read("word/document.xml").decode("utf-8")


def chinese(text: str) -> Counter:
    """The Chinese characters and marks of a text, counted."""
    return Counter(c for c in text if ord(c) > 0x2000 and not c.isspace())


def test_every_document_was_exported(exported):
    assert len(exported) >= 25


def test_no_character_or_mark_is_lost(exported):
    lost = {}
    for pdf in exported:
        words = html.unescape("".join(W_T.findall(docx_body(pdf.with_suffix(".docx")))))
        missing = chinese(words) - chinese(pdf_text(pdf))
        if missing:
            lost[pdf.name] = dict(missing.most_common(5))
    assert not lost, lost


def test_every_body_paragraph_reads_whole(exported):
    broken = {}
    for pdf in exported:
        flat = re.sub(r"\s+", "", pdf_text(pdf))
        xml = docx_body(pdf.with_suffix(".docx"))
        outside_tables = re.sub(r"<w:tbl>.*?</w:tbl>", "", xml, flags=re.S)
        for p in PARAGRAPH.findall(outside_tables):
            if 'w:val="toc' in p:
                continue
            text = re.sub(r"\s+", "", html.unescape("".join(W_T.findall(p))))
            if len(text) > 1 and text not in flat:
                broken.setdefault(pdf.name, text[:40])
    assert not broken, broken
