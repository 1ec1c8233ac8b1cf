"""The 湖南 自评报告: computed 自评表 figures, merged cells, grade."""
import zipfile
from decimal import Decimal as D

import pytest

from generator.figures.selfeval import grade
from generator.tools.totext import docx_lines


@pytest.fixture(scope="module")
def zhuzhou():
    from conftest import bundle_of
    return bundle_of("zhuzhou-jiwei", 2022)


def test_self_evaluation_figures(zhuzhou):
    se = zhuzhou.figures.self_eval
    assert se.full == D("6623.00") and se.total_initial == D("5564.87") and se.executed == D("6623.00")
    assert se.execution_rate == 1 and se.funds_score == 10
    assert [(g.name, g.weight) for g in se.level1] == [("产出指标", 50), ("效益指标", 30), ("满意度指标", 10)]
    assert se.weight_total == 100 and se.score_total == 100 and se.grade == "优"


@pytest.mark.parametrize("score, name", [(D(100), "优"), (D(90), "优"), (D("89.99"), "良"), (D(80), "良"), (D(60), "中"), (D("59.9"), "差")])
def test_grade_thresholds(score, name):
    assert grade(score) == name


def test_class_shares_against_the_right_base(zhuzhou):
    assert [c.share for c in zhuzhou.figures.classes] == [D("79.1"), D("8.9"), D("7.2"), D("4.8")]


def test_table_merges_level1_and_level2_cells(generated):
    path = generated["zhuzhou-jiwei/2022/2022年度部门整体支出绩效自评报告.docx"]
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert xml.count('w:vMerge w:val="restart"') >= 3 + 3 + 5
    lines = docx_lines(path)
    assert "| 总分 | 100 | 100 | 等级：优 |" in lines
    assert any(l.startswith("|  | 产出指标（50分） | 数量指标 | 反腐败") for l in lines)
    assert any(l.startswith("|  |  |  | 反腐败和党风廉政建设相关内容宣讲") for l in lines)
