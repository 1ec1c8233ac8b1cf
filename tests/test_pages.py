"""Pages a finance bureau would publish as they are: no blank page, table headers centred and merged as the official
template draws them and broken only where the template breaks them."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from conftest import pdf_pages
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FURNITURE = re.compile(r"^\s*(—\s*\d+\s*—|草稿（未经审核，不得公开）)\s*$")  # page numbers and the draft mark
TEMPLATES = sorted((ROOT / "templates").glob("*/*.docx"))


def body(xml: bytes) -> etree._Element:
    """The parsed document.xml."""
    return etree.parse(io.BytesIO(xml)).getroot()


def document_xml(path: Path) -> etree._Element:
    """A .docx's body."""
    with zipfile.ZipFile(path) as z:
        return body(z.read("word/document.xml"))


def lines_of(paragraph) -> list[str]:
    """A paragraph's text, split where it has a line break."""
    text = "".join("\n" if el.tag == f"{W}br" else el.text or "" for el in paragraph.iter(f"{W}t", f"{W}br"))
    return [line for line in text.split("\n") if line.strip()]


def is_centred(tc) -> bool:
    """Whether a cell's paragraphs are centred (the table's header cells)."""
    return all(p.find(f"{W}pPr/{W}jc") is not None and p.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center" for p in tc.iter(f"{W}p"))


def header_cells(root) -> list:
    """The cells of every table's heading rows (rows repeated on each page) that the template centres as headers."""
    return [tc for tr in root.iter(f"{W}tr") if tr.find(f"{W}trPr/{W}tblHeader") is not None
            for tc in tr.findall(f"{W}tc") if is_centred(tc)]


def test_no_page_is_blank(exported):
    """No page of any document holds nothing but its page number (and the draft mark)."""
    blank = []
    for pdf in exported:
        pages = pdf_pages(pdf)
        for number, text in enumerate(pages[:-1] if not pages[-1].strip() else pages, 1):
            if not any(line.strip() and not FURNITURE.match(line) for line in text.splitlines()):
                blank.append(f"{pdf.name} 第{number}页")
    assert not blank, blank


def test_header_words_stay_whole(exported):
    """Every line of every header cell, as the template breaks it, stands whole on one line of the PDF, between gaps:
    no header word is broken by a column too narrow for it."""
    broken, checked = {}, 0
    for pdf in exported:
        words = {word for page in pdf_pages(pdf) for word in page.split()}  # the PDF's text, split at every gap
        for tc in header_cells(document_xml(pdf.with_suffix(".docx"))):
            for paragraph in tc.iter(f"{W}p"):
                for part in lines_of(paragraph):
                    checked += 1
                    if part.strip() not in words:
                        broken.setdefault(pdf.name, []).append(part)
    assert checked > 500 and not broken, broken


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_header_cells_are_centred_and_merged(template):
    """A table's header rows (before its first row of data) are centred both ways, and a header cell left empty is
    the continuation of the cell above it (merged), never a blank box."""
    root = document_xml(template)
    for table in root.iter(f"{W}tbl"):
        for tr in table.findall(f"{W}tr"):
            texts = "".join(t.text or "" for t in tr.iter(f"{W}t"))
            if "{{" in texts or "{%" in texts:
                break
            for tc in tr.findall(f"{W}tc"):
                where = f"{template.parent.name}/{template.stem}: {texts[:30]}"
                assert is_centred(tc), where
                assert tc.find(f"{W}tcPr/{W}vAlign").get(f"{W}val") == "center", where
                if not "".join(t.text or "" for t in tc.iter(f"{W}t")).strip():
                    assert tc.find(f"{W}tcPr/{W}vMerge") is not None, f"{where}: an empty header cell"


def test_tables_are_off_the_line_grid():
    """Table text is not snapped to the body's 28.95 pt line grid: a 9 pt row is about 11 pt tall, not 29."""
    for template in TEMPLATES:
        with zipfile.ZipFile(template) as z:
            styles = body(z.read("word/styles.xml"))
        table_style = next(s for s in styles.iter(f"{W}style") if s.find(f"{W}name").get(f"{W}val") == "表格文字")
        assert table_style.find(f"{W}pPr/{W}snapToGrid").get(f"{W}val") == "0", template


def test_a_cover_page_shows_no_page_number(exported):
    """The cover of a 部门决算 or 决算说明 carries no page number; the next page carries its number, 2."""
    covers = [pdf for pdf in exported if "部门决算" in pdf.name]
    assert len(covers) >= 10
    for pdf in covers:
        pages = pdf_pages(pdf)
        assert not re.search(r"—\s*\d+\s*—", pages[0]), pdf.name
        assert re.search(r"—\s*2\s*—", pages[1]), pdf.name

