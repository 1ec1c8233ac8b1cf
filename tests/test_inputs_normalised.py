"""Codes, amounts and percentages typed with a Chinese input method are read as meant (NFKC), other digits are refused
naming the character, and a key with an invisible character says so."""
from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from generator.workflow.pipeline import Job, prepare

ROOT = Path(__file__).resolve().parent.parent


def prepared(tmp_path: Path, old: str, new: str):
    """The 四川 sample unit with one text of its 2019.yaml replaced."""
    folder = tmp_path / "u"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", folder)
    path = folder / "2019.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return prepare(Job(folder, path))


def test_a_full_width_code_is_the_code(tmp_path):
    result = prepared(tmp_path, "科目编码: 2010302,", "科目编码: ２０１０３０２,")
    assert result.bundle is not None and "2010302" in [line.code for line in result.bundle.year.expenditure.lines]
    assert not [f for f in result.findings if "科目编码" in f.path]


def test_arabic_indic_digits_in_a_code_are_named(tmp_path):
    result = prepared(tmp_path, "科目编码: 2010302,", "科目编码: ٢٠١٠٣٠٢,")
    [finding] = [f for f in result.findings if f.path.endswith("科目编码")]
    assert finding.is_error and "U+0662" in finding.message and "半角数字" in finding.message


def test_a_full_width_amount_is_the_amount(tmp_path):
    result = prepared(tmp_path, "一般公共预算财政拨款收入: 1622.30", "一般公共预算财政拨款收入: １６２２.３０")
    assert result.bundle is not None and result.bundle.year.income.general_budget == Decimal("1622.30")
    assert not [f for f in result.findings if f.path.startswith("收入")]


@pytest.mark.parametrize("typed, wrong", [("66.2％", False), ("６６.２%", False), ("60.0％", True)])
def test_a_full_width_percent_in_核对_is_compared(tmp_path, typed, wrong):
    result = prepared(tmp_path, "名词解释:", f"核对:\n  支出增长率: {typed}\n名词解释:")
    found = [f.message for f in result.findings if f.path.startswith("核对")]
    assert found == ([f"写的是 {typed}，按数据计算应为 66.20%。请改正（文档中的数字由程序计算）。"] if wrong else []), found


def test_an_invisible_character_in_a_key_is_named(tmp_path):
    result = prepared(tmp_path, "实有人数: 60", "实有人数\u200b: 60")
    [finding] = [f for f in result.findings if "看不见的字符" in f.message]
    assert "U+200B" in finding.message and "ZERO WIDTH SPACE" in finding.message and "是不是" not in finding.message
