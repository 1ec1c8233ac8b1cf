"""The national 部门决算 of a real unit, generated from the corrected transcription, against the published document."""
from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from generator.tools.totext import docx_lines
from generator.workflow.pipeline import Job, generate
from tests.test_seed_coverage import SHARED, explained, seedcov

FIXTURE = Path(__file__).parent / "fixtures" / "putuo-corrected"
REFERENCE = "references/real-national-2024-shanghai-putuo-shehuigongzuobu.txt"
NUMBER = re.compile(r"(?<![\d.])\d+\.\d{2}(?!\d)")


@pytest.fixture(scope="module")
def document(tmp_path_factory) -> Path:
    """The generated national 部门决算 of the corrected transcription."""
    _, written = generate(Job(FIXTURE, FIXTURE / "2024.yaml"), tmp_path_factory.mktemp("putuo"))
    return written[0]


def reference() -> str:
    """The published document's text (needs ../shared beside the checkout)."""
    seedcov()
    return (SHARED / REFERENCE).read_text(encoding="utf-8")


def test_part_three_and_four_reproduce_the_published_text(document):
    tool, ref = seedcov(), reference()
    text = ref[ref.index("--- 第17页"):]  # 第三部分 and 第四部分
    hay = tool.norm(tool.docx_text(str(document)))
    fragments = [f for _, f in tool.fragments(text)]
    missing = {f for f in fragments if f not in hay}
    known = explained("putuo_explained.tsv")
    assert sorted(missing - set(known)) == [], "未解释的缺失片段"
    assert sorted(set(known) - missing) == [], "已覆盖的片段请从 putuo_explained.tsv 删除"
    covered = sum(len(f) for f in fragments if f in hay) / sum(len(f) for f in fragments)
    beyond_markers = sum(len(f) for f in fragments if f in hay) / sum(len(f) for f in fragments if known.get(f) != "page-marker")
    assert covered >= 0.89 and beyond_markers >= 0.92, (covered, beyond_markers)


def test_the_tables_reproduce_every_published_number(document):
    ref = reference()
    published = Counter(NUMBER.findall(ref[ref.index("--- 第5页"):ref.index("--- 第17页")]))
    lines = docx_lines(document)
    start = next(i for i, line in enumerate(lines) if line.startswith("# 第二部分"))
    end = next(i for i, line in enumerate(lines) if line.startswith("# 第三部分"))
    ours = Counter(NUMBER.findall("\n".join(line for line in lines[start:end] if line.startswith("|"))))
    # 公用经费合计 and the 302 row print 10.23 as published, though the 302 items sum to 10.22: the system's total
    assert published - ours == Counter() and ours - published == Counter()


def test_the_document_has_no_more_pages_than_the_published_one(document):
    """At the published type size the tables take as many pages as published: the whole document is at most 2 pages
    longer than the published PDF (its page markers count its pages)."""
    from conftest import require_soffice

    from generator.workflow.pdf import convert
    require_soffice()
    published = max(int(n) for n in re.findall(r"^--- 第(\d+)页", reference(), re.M))
    pdf = convert([document])[0]
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", pages, re.M).group(1))
    assert published >= 20 and count <= published + 2, (count, published)
