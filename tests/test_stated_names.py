"""核对, round 2: the names published documents state (三公 changes, income sources, 采购, 绩效 counts, vehicles, table 6
subtotals, year-end balances), “持平”, and a rate on a budget of 0."""
from __future__ import annotations

import pytest

from generator.checks.stated_names import FIGURES
from tests.test_checks_round2 import at, findings, with_stated

# data/example-jiaoyuju 2024 by hand: 三公 15.60 + 4.35 = 19.95 against 2023's 14.35 + 4.00 = 18.35; 采购 356.80 + 120.00
# + 210.45 = 687.25, of which 中小企业 410.00 + 95.00 = 505.00; table 6's 30101 … 30114 lines
CASES = {  # name: (as published correctly, with a slip)
    "三公经费增减额": ("增加 1.60", "增加 1.70"), "三公经费增长率": ("增长 8.7%", "增长 8.0%"),
    "公务用车购置及运行维护费增长率": ("增长 8.71%", "增长 8.17%"), "收入来源.事业收入": ("180.00", "18.00"),
    "财政拨款收入": ("7763.80", "7663.80"), "政府采购货物支出": ("356.80", "365.80"),
    "政府采购货物支出占比": ("51.92%", "51.29%"), "授予中小企业合同金额": ("505.00", "410.00"),
    "授予中小企业合同金额占比": ("73.48%", "59.66%"), "车辆数.其他用车": ("3", "4"), "车辆数": ("4", "3"),
    "单价100万元以上设备": ("2", "3"), "绩效目标项目个数": ("3", "2"), "基本支出明细.30101": ("1518.59", "1518.95"),
    "年末财政拨款结转和结余": ("85.00", "1044.12"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_published_figure_under_its_name_is_checked(tmp_path, name):
    """Each name is known, its right value passes and a slip is reported."""
    right, wrong = CASES[name]
    assert at(findings(tmp_path / "right", with_stated(**{name.replace(".", "_"): right})), "核对") == []
    assert at(findings(tmp_path / "wrong", with_stated(**{name.replace(".", "_"): wrong})), "核对"), wrong


def test_the_three_public_change_is_not_mistaken_for_its_completion(tmp_path):
    """三公经费增长率 used to draw “是不是‘三公经费完成率’？”: now it is compared, and a wrong direction is an error."""
    (error,) = at(findings(tmp_path, with_stated(三公经费增长率="下降 8.7%")), "核对")
    assert error.is_error and "增减的方向" in error.message


def test_no_change_is_written_as_chiping(tmp_path):
    """“持平” is a change of 0: right when nothing changed, an error when something did, refused on a non-change."""
    def same(text: str) -> str:
        """三公 of 2024 brought back to 2023's 18.35."""
        return with_stated(三公经费增减额="持平")(text).replace("决算数: 4.35", "决算数: 2.75")
    assert at(findings(tmp_path / "a", same), "核对") == []
    (wrong,) = at(findings(tmp_path / "b", with_stated(三公经费增长率="持平")), "核对")
    assert "8.72%" in wrong.message
    (odd,) = at(findings(tmp_path / "c", with_stated(三公经费合计="持平")), "核对")
    assert "“持平”只用于与上年相比的增减" in odd.message


def test_a_rate_on_a_zero_budget_says_so(tmp_path):
    """因公出国（境）费 had a budget of 0: “完成预算的0%” is the slip, and the message says why rather than “缺少所需的数据”."""
    (warning,) = at(findings(tmp_path, with_stated(**{"因公出国（境）费完成率": "0%"})), "核对")
    assert "预算数为 0" in warning.message and "缺少" not in warning.message


def test_every_name_has_an_example_that_parses():
    """docs/核对项.md shows an example for every name, in the form the rule reads."""
    from generator.checks.stated_rule import parse_stated
    for name, figure in FIGURES.items():
        if figure.kind != "文字":
            assert parse_stated(figure.kind, figure.example, figure.signed)[0] is not None, name
