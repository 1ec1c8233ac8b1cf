"""核对: stated figures are judged at the precision they are written with, with their direction, and as breakdowns."""
from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from generator.checks.stated_names import FIGURES, reference_text
from generator.workflow.pipeline import Job, prepare

ROOT = Path(__file__).resolve().parent.parent


def stated(tmp_path: Path, lines: dict[str, str], unit: str = "example-jiaoyuju", year: int = 2024) -> dict[str, str]:
    """Field path → '严重程度: 说明' of the 核对 findings for a copy of a sample unit with extra stated figures."""
    folder = tmp_path / unit
    shutil.copytree(ROOT / "data" / unit, folder)
    path = folder / f"{year}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "核对:\n" + "".join(f"  {k}: {v}\n" for k, v in lines.items()), encoding="utf-8")
    return {f.path: f"{f.severity}: {f.message}" for f in prepare(Job(folder, path)).findings if f.path.startswith("核对")}


def test_total_spending_includes_non_fiscal_spending(tmp_path):
    assert stated(tmp_path, {"本年支出合计": "7958.80"}) == {}


@pytest.mark.parametrize("written", ["88.24%", "88.2%", "88%"])
def test_a_correct_rounding_at_the_written_precision_is_accepted(tmp_path, written):
    # 基本支出 7022.70 of 7958.80 is 88.238…%: the printed figure is judged at the decimals it is written with
    assert stated(tmp_path, {"基本支出占比": written}) == {}


@pytest.mark.parametrize("written, right", [("71.65%", True), ("71.7%", True), ("71.6%", True), ("71.73%", False), ("72%", True)])
def test_a_double_rounding_of_the_printed_two_decimal_figure_is_accepted(written, right):
    from generator.checks.stated_names import FIGURES
    from generator.checks.stated_rule import _compare, parse_stated
    from generator.load.reader import Loaded
    number, places, _ = parse_stated("百分比", written)
    found = _compare(Loaded(Path("2024.yaml"), lines={}), ("核对", "x"), "x", FIGURES["基本支出占比"],
                     (number, places, Decimal("0.716499")), written, "")
    assert (found == []) == right
    if not right:
        assert "71.65%" in found[0].message


def test_a_wrong_rate_names_the_two_decimal_figure(tmp_path):
    message = stated(tmp_path, {"基本支出占比": "71.73%"})["核对.基本支出占比"]
    assert message.startswith("错误") and "88.24%" in message


def test_the_direction_word_must_match_the_sign(tmp_path):
    found = stated(tmp_path, {"收入增长率": "下降 10%"})
    assert found["核对.收入增长率"].startswith("错误") and "增加（增长）" in found["核对.收入增长率"]


def test_a_decrease_over_a_hundred_percent_is_impossible(tmp_path):
    assert "不会超过 100%" in stated(tmp_path, {"支出增长率": "下降 308.51%"})["核对.支出增长率"]


def test_shares_of_one_breakdown_must_sum_to_a_hundred(tmp_path):
    found = stated(tmp_path, {"基本支出占比": "88.24%", "项目支出占比": "11.83%"})
    assert "之和是 100.07%" in found["核对.基本支出占比"]
    assert stated(tmp_path / "again", {"基本支出占比": "88.24%", "项目支出占比": "11.76%"}) == {}


def test_a_first_year_has_no_growth_rate(tmp_path):
    found = stated(tmp_path, {"收入增长率": "增长 100.00%"}, "zhuzhou-jiwei", 2022)
    assert found["核对.收入增长率"].startswith("警告") and "上年无此项" in found["核对.收入增长率"]


def test_the_reference_list_is_current_and_names_every_figure():
    text = (ROOT / "docs" / "核对项.md").read_text(encoding="utf-8")
    assert text == reference_text(), "运行 python cli.py schema 更新 docs/核对项.md"
    assert all(f"`{name}`" in text for name in FIGURES)


def test_a_figure_kept_to_the_fen_is_compared_as_it_is_printed():
    """The 福建 reference's 政府性基金收入 1406.67, transcribed to the 分 as 1406.6651: the stated 1406.67 is the printed
    figure, not a gap of 0.0049."""
    folder = Path(__file__).parent / "fixtures" / "pingtan-corrected"
    assert [f for f in prepare(Job(folder, folder / "2017.yaml")).findings if f.path.startswith("核对")] == []
    assert "政府性基金收入: 1406.67" in (folder / "2017.yaml").read_text(encoding="utf-8")

