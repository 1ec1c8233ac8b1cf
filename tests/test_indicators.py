"""Indicators read as numbers and scored by the rule; each 自评表 slip of real published tables is found at its line."""
from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from generator.figures.indicators import Measure, measure, met, rule_score
from generator.workflow.pipeline import Job, prepare

ROOT = Path(__file__).resolve().parent.parent
ZHUZHOU = ROOT / "data" / "zhuzhou-jiwei"
FIRST = "{一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 反腐败和党风廉政相关业务工作建设相关业务工作会议及调研, 指标值: 8次, 实际完成值: 9次, 分值: 5, 得分: 5}"


@pytest.mark.parametrize("text, expected", [
    ("≥60人", Measure("≥", Decimal(60), "人")), ("8次", Measure("≥", Decimal(8), "次")),  # no sign: at least
    ("群众满意度达到95%以上", Measure("≥", Decimal(95), "%")), ("≤5天", Measure("≤", Decimal(5), "天")),
    ("维修学校 8 所", Measure("≥", Decimal(8), "所")), ("=1项", Measure("=", Decimal(1), "项")), ("971", Measure("≥", Decimal(971), "")),
    ("良好", None), ("2023年已完成", None), ("全年开展专项监督检查不少于4次，定期不定期开展明察暗访", None),
])
def test_indicator_values_are_read_as_numbers_where_they_are_quantitative(text, expected):
    assert measure(text) == expected


def test_met_and_the_proportional_score():
    assert met("8次", "9次") and met("800次", "971") and met("≤5天", "5天") and met("100%", "100.00%")
    assert met("100%", "72.74%") is False and met("≤5天", "6天") is False and met("良好", "良好") is None and met("8次", "8人") is None
    assert rule_score("100%", "72.74%", Decimal(2)) == Decimal("1.45")  # 2 × 72.74%
    assert rule_score("≤5天", "6天", Decimal(10)) == Decimal("8.33")  # 10 × 5/6
    assert rule_score("≥60人", "68人", Decimal(30)) == 30 and rule_score("良好", "良好", Decimal(30)) is None


def test_a_unit_with_wan_or_qian_compares_on_one_scale():
    """1.5万亩, 10万人次, 12000亩 (a 农业 or 文旅 target): once read as no number at all, so a missed target went unchecked."""
    assert measure("≥1.5万亩") == Measure("≥", Decimal("1.5"), "万亩") and measure("10万人次") == Measure("≥", Decimal(10), "万人次")
    assert met("≥1.5万亩", "1.2万亩") is False and met("≥1.5万亩", "15000亩") and met("≥1.5万亩", "1.6")  # no unit: the target's
    assert rule_score("≥1.5万亩", "12000亩", Decimal(50)) == Decimal("40.00") and rule_score("≥10万人次", "9.5万人次", Decimal(10)) == Decimal("9.50")
    assert met("5千米", "6公里") is None and met("≥12万元", "120000元")  # different units never compare; the same at another scale do


def findings_after(tmp_path: Path, old: str, new: str, add: str = "") -> tuple[dict[str, tuple[str, int]], str]:
    """株洲 with one line changed (and lines added): field path → (severity, line) of each finding, and the new text."""
    folder = tmp_path / "zhuzhou"
    shutil.copytree(ZHUZHOU, folder)
    year = folder / "2022.yaml"
    text = year.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1) + add
    year.write_text(text, encoding="utf-8")
    return {f.path: (f.severity, f.line) for f in prepare(Job(folder, year)).findings}, text


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of the first line containing a fragment."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_the_seed_checks_as_before():
    assert not [f for f in prepare(Job(ZHUZHOU, ZHUZHOU / "2022.yaml")).findings if f.is_error]


def test_full_marks_on_a_missed_target_is_an_error_and_its_reason_is_required(tmp_path):
    """政府采购执行率: target 100%, actual 72.74%, scored 2 of 2 (a published table)."""
    row = "{一级指标: 产出指标, 二级指标: 质量指标, 三级指标: 政府采购执行率, 指标值: 100%, 实际完成值: 72.74%, 分值: 5, 得分: 5}"
    found, text = findings_after(tmp_path, FIRST, row)
    line = line_of(text, "政府采购执行率")
    assert found["整体支出自评.绩效指标[0].得分"] == ("错误", line)
    assert found["整体支出自评.绩效指标[0].偏差原因"] == ("错误", line)  # the 湖南 form prints 偏差原因分析 (必填)
    found, _ = findings_after(tmp_path / "b", FIRST, row.replace("得分: 5", "得分: 3.64, 偏差原因: 部分采购项目延至下年"))
    assert not [p for p in found if p.startswith("整体支出自评.绩效指标[0]")]  # 5 × 72.74% = 3.64, explained


def test_a_score_the_rule_does_not_give_is_a_warning(tmp_path):
    found, _ = findings_after(tmp_path, FIRST, FIRST.replace("实际完成值: 9次, 分值: 5, 得分: 5", "实际完成值: 6次, 分值: 5, 得分: 2, 偏差原因: 疫情"))
    assert found["整体支出自评.绩效指标[0].得分"][0] == "警告"  # 5 × 6/8 = 3.75
    found, _ = findings_after(tmp_path / "b", FIRST, FIRST.replace("得分: 5", "得分: 4"))
    assert found["整体支出自评.绩效指标[0].得分"][0] == "警告"  # met, so the full 5


def test_a_blank_result_and_a_form_instruction_left_in_a_cell(tmp_path):
    found, text = findings_after(tmp_path, FIRST, FIRST.replace("实际完成值: 9次", "实际完成值: \"\""))
    assert found["整体支出自评.绩效指标[0].实际完成值"] == ("错误", line_of(text, "实际完成值: \"\""))
    instruction = "对照年度目标，说明相关任务目标的完成情况（100字以内）"
    found, text = findings_after(tmp_path / "b", "  预期目标: 2022年", f"  实际完成情况: {instruction}\n  预期目标: 2022年")
    assert found["整体支出自评.实际完成情况"] == ("错误", line_of(text, instruction))


def test_a_conclusion_without_the_total_score(tmp_path):
    found, _ = findings_after(tmp_path, "其他说明: 无", "其他说明: 无\n整体支出绩效评价:\n  评价结论: 经自评，部门整体支出绩效良好。")
    assert found["整体支出绩效评价.评价结论"][0] == "警告"
    found, _ = findings_after(tmp_path / "b", "其他说明: 无", "其他说明: 无\n整体支出绩效评价:\n  评价结论: 经自评，总分100分，等级为优。")
    assert "整体支出绩效评价.评价结论" not in found


def test_a_stated_total_that_is_not_the_sum_of_the_scores(tmp_path):
    """“30 + 30 + 29.99” stated as 89.97: 核对 自评总分 is compared with the 资金得分 and the indicators' scores."""
    found, text = findings_after(tmp_path, "其他说明: 无", "其他说明: 无\n核对:\n  自评总分: 99.97\n")
    assert found["核对.自评总分"] == ("错误", line_of(text, "自评总分: 99.97"))


def test_a_stated_nature_overrides_the_text():
    """办案人员被投诉次数 “0次” is a ceiling: 指标性质 ≤ says so (the text alone reads as at least 0); 定性 is not compared."""
    assert met("0次", "2次") is True and met("0次", "2次", "≤") is False
    assert rule_score("0次", "2次", Decimal(10), "≤") == 0 and met("8次", "6次", "定性") is None


def test_a_score_left_out_is_the_rules(tmp_path):
    """Without 得分, a quantitative indicator scores by the rule (5 × 6/8 = 3.75), and the 自评总分 adds it."""
    folder = tmp_path / "zhuzhou"
    shutil.copytree(ZHUZHOU, folder)
    year = folder / "2022.yaml"
    text = year.read_text(encoding="utf-8")
    year.write_text(text.replace(FIRST, FIRST.replace("实际完成值: 9次, 分值: 5, 得分: 5", "实际完成值: 6次, 分值: 5, 偏差原因: 疫情")), encoding="utf-8")
    before = prepare(Job(ZHUZHOU, ZHUZHOU / "2022.yaml")).bundle.figures.self_eval.score_total
    prepared = prepare(Job(folder, year))
    assert not prepared.errors and prepared.bundle.figures.self_eval.score_total == before - Decimal("1.25")


def test_the_layout_states_its_scoring_rule_and_its_execution_basis(tmp_path):
    """A layout (or a unit) may score a missed target 0 instead of in proportion, and compute the 自评表's execution
    rate on the 调整后预算数 (年初 + 调整) instead of the 全年预算数 (which adds 年初结转 and 其他资金)."""
    folder = tmp_path / "zhuzhou"
    shutil.copytree(ZHUZHOU, folder)
    year = folder / "2022.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace(FIRST, FIRST.replace("实际完成值: 9次, 分值: 5, 得分: 5", "实际完成值: 6次, 分值: 5, 偏差原因: 疫情"))
                    .replace("  调整追加: 1058.13\n  其他资金: 0\n", "  调整追加: 1058.13\n  其他资金: 100.00\n", 1), encoding="utf-8")
    base = prepare(Job(folder, year)).bundle.figures.self_eval
    with open(folder / "unit.yaml", "a", encoding="utf-8") as f:
        f.write("版式选项:\n  未达标指标按比例得分: false\n  自评执行率口径: 调整后预算数\n")
    other = prepare(Job(folder, year)).bundle.figures.self_eval
    assert base.level1[0].score - other.level1[0].score == Decimal("3.75")  # 5 × 6/8, now 0
    assert base.total_full - other.total_full == 0 and base.full == other.full
    assert other.execution_rate == other.executed / other.full and base.execution_rate == base.executed / base.total_full


def test_a_funds_total_of_zero_above_its_parts(tmp_path):
    """A 年度资金总额 row of 0 above a 全年预算数 of 6623: stated under 核对, it is compared with the computed total."""
    found, text = findings_after(tmp_path, "其他说明: 无", "其他说明: 无\n核对:\n  自评全年预算数: 0\n")
    assert found["核对.自评全年预算数"] == ("错误", line_of(text, "自评全年预算数: 0"))
