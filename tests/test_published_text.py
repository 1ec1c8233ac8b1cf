"""Text no published document contains, in any generated document of any unit, final or draft."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import documents

ROOT = Path(__file__).resolve().parent.parent
SMELLS = {
    "doubled marks": re.compile(r"。。|。，|，。|；。|。；"),
    "an empty share": re.compile(r"占[；。，]"),
    "no change written as an amount": re.compile(r"持平0\.00|持平0万元"),
    "a repeated phrase": re.compile(r"([\u4e00-\u9fff]{3,})\1"),
    "a field path": re.compile(r"[\u4e00-\u9fff]+\.[\u4e00-\u9fff]+\[\d*\]|\[\d+\]\.|支出\.科目"),
    "a dangling 其中": re.compile(r"其中：[。；]|其中：(\n#|\n*\Z)"),
}


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> dict[str, str]:
    return documents(tmp_path_factory.mktemp("all"))


def test_every_kind_of_unit_was_generated(texts):
    assert sum(name.startswith("定稿") for name in texts) >= 10 and sum(name.startswith("草稿") for name in texts) >= 14


@pytest.mark.parametrize("smell", list(SMELLS))
def test_no_document_contains(texts, smell):
    found = {name: m.group(0) for name, text in texts.items() if (m := SMELLS[smell].search(text))}
    assert not found, found


@pytest.mark.parametrize("smell, example", [
    ("doubled marks", "保险费等支出。。"), ("doubled marks", "用餐费等。，共接待"), ("an empty share", "支出0.00万元，占；"),
    ("no change written as an amount", "比2023年度持平0.00万元"), ("a repeated phrase", "主要用于主要用于办案"),
    ("a repeated phrase", "主要原因是主要原因是"), ("a field path", "缺少：支出.科目[0].基本支出"),
    ("a dangling 其中", "本年支出合计6623.00万元，其中：\n# 四、"),
])
def test_each_smell_is_caught(smell, example):
    assert SMELLS[smell].search(example)
