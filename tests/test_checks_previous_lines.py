"""check, round 2: the code lines' 上年决算数 against last year's file and last year's totals, and a wrong growth rate
diagnosed by the base that would make it right."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.workflow.pipeline import Job, prepare
from tests.test_checks_round2 import ROOT, at, findings, with_stated

# data/example-jiaoyuju 2023's 决算数 (基本支出 + 项目支出) of its 一般公共预算 lines: 7032.30 together
LAST_YEAR = {"2050101": "287.41", "2050201": "898.20", "2050202": "2545.92", "2050203": "1982.78", "2050803": "41.95",
             "2080505": "471.32", "2080506": "193.57", "2101102": "244.44", "2210201": "366.71"}


def with_previous(values: dict[str, str]) -> callable:
    """An edit writing 上年决算数 on the given code lines."""
    def edit(text: str) -> str:
        for code, value in values.items():
            text = re.sub(rf"\{{科目编码: {code}, ", f"{{科目编码: {code}, 上年决算数: {value}, ", text, count=1)
        return text
    return edit


def without_last_year(tmp_path: Path, edit) -> list:
    """The findings of data/example-jiaoyuju 2024 edited, with no 2023 file beside it."""
    folder = tmp_path / "example-jiaoyuju"
    shutil.copytree(ROOT / "data" / "example-jiaoyuju", folder)
    (folder / "2023.yaml").unlink()
    path = folder / "2024.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return prepare(Job(folder, path)).findings


def test_a_rate_divided_by_this_years_amount_is_named(tmp_path):
    """2050101: 312.40 against 287.41 is 增长 8.69%; 8.00% is the increase divided by this year's 312.40."""
    edit = with_previous({"2050101": "287.41"})
    assert at(findings(tmp_path / "a", lambda t: with_stated(项增长率_2050101="增长 8.69%")(edit(t))), "核对") == []
    (wrong,) = at(findings(tmp_path / "b", lambda t: with_stated(项增长率_2050101="增长 8.00%")(edit(t))), "核对")
    assert "8.69%" in wrong.message and "除以本年数 312.40" in wrong.message and "上年数 287.41" in wrong.message


def test_a_rate_on_the_lines_previous_amounts_names_them(tmp_path):
    """上年 一般公共预算财政拨款支出 written 6032.30 while the lines' 上年决算数 add up to 7032.30: a stated 增长 8.70%
    (on 7032.30) is diagnosed, and the lines adding up to more than last year's total is an error."""
    def edit(text: str) -> str:
        text = with_previous(LAST_YEAR)(text) + "上年:\n  一般公共预算财政拨款支出: 6032.30\n"
        return with_stated(一般公共预算财政拨款支出增长率="增长 8.70%")(text)
    found = without_last_year(tmp_path, edit)
    (rate,) = at(found, "核对")
    assert "各科目上年决算数之和 7032.30" in rate.message and "6032.30" in rate.message
    (total,) = at(found, "支出.科目")
    assert total.is_error and "7032.30" in total.message and "1000.00" in total.message


def test_the_lines_previous_amounts_may_add_up_to_less(tmp_path):
    """A code of last year with no line this year leaves the lines' sum below last year's total: no finding."""
    def edit(text: str) -> str:
        return with_previous(LAST_YEAR)(text) + "上年:\n  一般公共预算财政拨款支出: 7100.00\n"
    assert at(without_last_year(tmp_path, edit), "支出") == []


def test_a_lines_previous_amount_is_checked_against_last_years_file(tmp_path):
    """2050101 spent 287.41 in 2023.yaml: 上年决算数 280.00 is reported at the line, 287.41 passes."""
    assert at(findings(tmp_path / "a", with_previous({"2050101": "287.41"})), "支出") == []
    (wrong,) = at(findings(tmp_path / "b", with_previous({"2050101": "280.00"})), "支出")
    assert wrong.path == "支出.科目[0].上年决算数" and "287.41" in wrong.message and wrong.is_error
