import pytest

from generator.load.reader import load_yaml
from generator.model.layouts import default_name
from generator.model import Unit, Year
from generator.model.validation import validate

UNIT = "单位名称: 甲单位\n简称: 甲\n职能: [一段]\n编制: {行政编制: 3}\n"


def findings(tmp_path, text, model=Unit):
    path = tmp_path / "unit.yaml"
    path.write_text(text, encoding="utf-8")
    return validate(model, load_yaml(path))


def test_a_valid_unit(tmp_path):
    unit, found = findings(tmp_path, UNIT)
    assert not found and unit.short == "甲" and unit.layout is None and default_name() == "四川"


def test_unknown_key_suggests_the_closest(tmp_path):
    _, found = findings(tmp_path, UNIT + "单位名: 甲\n")
    assert found[0].line == 5 and "未知的键“单位名”" in found[0].message and "“单位名称”" in found[0].message


def test_missing_fact_names_what_to_fill(tmp_path):
    _, found = findings(tmp_path, "单位名称: 甲单位\n职能: [一段]\n编制: {行政编制: 3}\n")
    assert [f.path for f in found] == ["简称"] and "缺少必填项" in found[0].message


@pytest.mark.parametrize("value, expected", [
    ("'1,622.30'", "千位分隔符"), ("1622.30万元", "万元"), ("abc", "不是金额"), ("'1622.30'", "不要加引号"),
])
def test_wrong_amounts_say_what_form_is_expected(tmp_path, value, expected):
    text = f"年度: 2019\n收入: {{一般公共预算财政拨款收入: {value}}}\n支出: {{基本支出: 0, 项目支出: 0, 科目: []}}\n"
    _, found = findings(tmp_path, text, Year)
    assert len(found) == 1 and found[0].path == "收入.一般公共预算财政拨款收入" and expected in found[0].message
    assert found[0].line == 2


def test_bad_code_is_located(tmp_path):
    text = "年度: 2019\n收入: {}\n支出:\n  基本支出: 1\n  项目支出: 0\n  科目:\n    - {科目编码: 20111, 预算数: 1, 决算数: 1}\n    - {科目编码: 2011x, 预算数: 1, 决算数: 1}\n"
    _, found = findings(tmp_path, text, Year)
    assert [(f.line, f.path) for f in found] == [(8, "支出.科目[1].科目编码")]
