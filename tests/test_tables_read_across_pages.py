"""Every generated table that can run over a page reads across it: heading rows repeat, rows never split, and
numbers are right-aligned."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from conftest import documents
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NUMBER = re.compile(r"^-?\d+\.\d+%?$|^-?\d+%$")  # amounts and rates (codes, counts and 序号 read left)


@pytest.fixture(scope="module")
def long_tables(tmp_path_factory) -> list[tuple[str, etree._Element]]:
    """(document, table) for every table of at least 8 rows in every generated document."""
    out = tmp_path_factory.mktemp("tables")
    documents(out)
    found = []
    for path in sorted(out.rglob("*.docx")):
        with zipfile.ZipFile(path) as z:
            root = etree.parse(io.BytesIO(z.read("word/document.xml"))).getroot()
        found += [(path.name, t) for t in root.iter(f"{W}tbl") if len(t.findall(f"{W}tr")) >= 8]
    return found


def cell_text(tc) -> str:
    """A table cell's text."""
    return "".join(t.text or "" for t in tc.iter(f"{W}t")).strip()


def test_there_are_long_tables_in_every_layout(long_tables):
    names = {name for name, _ in long_tables}
    assert len(long_tables) >= 40 and any("决算说明" in n for n in names) and any("自评报告" in n for n in names)
    assert any(n.endswith("部门决算.docx") for n in names)


def test_heading_rows_repeat(long_tables):
    bad = [name for name, t in long_tables if t.find(f"{W}tr/{W}trPr/{W}tblHeader") is None]
    assert not bad, bad


def test_rows_never_split(long_tables):
    bad = {name for name, t in long_tables for tr in t.findall(f"{W}tr") if tr.find(f"{W}trPr/{W}cantSplit") is None}
    assert not bad, bad


def test_numbers_are_right_aligned(long_tables):
    bad = set()
    for name, t in long_tables:
        for tc in t.iter(f"{W}tc"):
            if NUMBER.match(cell_text(tc)) and tc.find(f"{W}p/{W}pPr/{W}jc[@{W}val='right']") is None:
                bad.add((name, cell_text(tc)))
    assert not bad, sorted(bad)[:10]
