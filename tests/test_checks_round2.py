"""`check`, round 2: no false alarm on figures published correctly, the contradictions a reviewer catches."""
from __future__ import annotations

import shutil
from pathlib import Path

from generator.workflow.pipeline import Job, prepare

ROOT = Path(__file__).resolve().parent.parent


def findings(tmp_path: Path, edit, unit: str = "example-jiaoyuju", year: int = 2024) -> list:
    """The findings of a copy of a data/ unit-year whose year file text is edited."""
    folder = tmp_path / unit
    shutil.copytree(ROOT / "data" / unit, folder)
    path = folder / f"{year}.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return prepare(Job(folder, path)).findings


def with_economic(personnel: str, public: str, scope: str = "") -> callable:
    """An edit adding 经济分类 (人员经费 and 公用经费, optionally its 口径) before 基本支出明细."""
    block = (f"经济分类:\n  人员经费: {{金额: {personnel}}}\n  公用经费: {{金额: {public}}}\n"
             + (f"  口径: {scope}\n" if scope else ""))
    return lambda text: text.replace("基本支出明细:\n", block + "基本支出明细:\n", 1)


def at(found: list, path: str) -> list:
    """The findings at one field path."""
    return [f for f in found if f.path == path or f.path.startswith((path + ".", path + "["))]


def test_economic_classification_is_compared_within_its_scope(tmp_path):
    """人员经费 + 公用经费 as table 6 prints them (一般公共预算财政拨款: 5487.64 + 1415.06 = 6902.70) are right, though all
    funds' basic spending is 7022.70 (120.00 of 事业收入); a split other than table 6's is an error at the part."""
    assert at(findings(tmp_path / "a", with_economic("5487.64", "1415.06")), "经济分类") == []
    found = at(findings(tmp_path / "b", with_economic("6000.00", "902.70")), "经济分类")
    assert [f.path for f in found] == ["经济分类.人员经费.金额", "经济分类.公用经费.金额"] and all(f.is_error for f in found)


def test_all_funds_scope_is_said_not_guessed(tmp_path):
    """The all-funds figures pass when the clerk says 口径: 全部资金, and draw a warning naming it when not."""
    assert at(findings(tmp_path / "a", with_economic("6000.00", "1022.70", "全部资金")), "经济分类") == []
    (warning,) = at(findings(tmp_path / "b", with_economic("6000.00", "1022.70")), "经济分类")
    assert not warning.is_error and "口径: 全部资金" in warning.message and warning.path == "经济分类.口径"


def test_economic_classification_off_says_which_figures(tmp_path):
    (error,) = at(findings(tmp_path, with_economic("6000.00", "1000.00")), "经济分类")
    assert error.is_error and "人员经费 6000.00 + 公用经费 1000.00 = 7000.00" in error.message and "6902.70" in error.message


def with_stated(**figures: str) -> callable:
    """An edit adding a 核对 section with figures as a published document states them."""
    block = "核对:\n" + "".join(f"  {name.replace('_', '.')}: {value}\n" for name, value in figures.items())
    return lambda text: text + block


def test_shares_rounded_one_by_one_may_sum_to_99_99(tmp_path):
    """81.85% + 9.45% + 3.48% + 5.21% = 99.99%: each is its share rounded, as the 决算 system prints them."""
    found = findings(tmp_path, with_stated(类占比_205="81.85%", 类占比_208="9.45%", 类占比_210="3.48%", 类占比_221="5.21%"))
    assert at(found, "核对") == []


def test_shares_that_do_not_round_still_warn(tmp_path):
    """Shares that are not each their value rounded (3.47% for 3.476%) and miss 100% (99.98%) are still reported."""
    found = at(findings(tmp_path, with_stated(类占比_205="81.85%", 类占比_208="9.45%", 类占比_210="3.47%", 类占比_221="5.21%")), "核对")
    assert any("99.98%" in f.message for f in found)


def stale(found: list) -> list:
    """The stale-year warnings."""
    return [f for f in found if "沿用了旧年度" in f.message]


def test_last_year_named_in_a_name_or_its_own_sentence_is_no_stale_year(tmp_path):
    """A project named after the year it was approved, and a sentence about last year, are not copied text."""
    def edit(text: str) -> str:
        text = text.replace("  - 名称: 学前教育普惠性补助", "  - 名称: 2023年省级预算内投资项目区级配套", 1)
        return text.replace("  收支总体: 新增两所公办幼儿园开园，", "  收支总体: 2023年无出国任务。新增两所公办幼儿园开园，", 1)
    assert stale(findings(tmp_path, edit)) == []


def test_last_year_labelling_this_years_work_is_still_stale(tmp_path):
    """“2023年，……” opening a 2024 paragraph, and “2023年一般公共预算……” labelling figures, are copied text."""
    def edit(text: str) -> str:
        return text.replace("  收支总体: 新增两所公办幼儿园开园，", "  收支总体: 2023年，新增两所公办幼儿园开园，2023年支出增加。", 1)
    assert len(stale(findings(tmp_path, edit))) == 2


def copied(found: list) -> list:
    """The same-用途 warnings."""
    return [f for f in found if "用途与科目" in f.message]


def test_an_other_item_may_share_its_siblings_purpose(tmp_path):
    """2080505 and its 款's 其他 项 2080599 both 机关事业单位基本养老保险缴费, as published documents give them."""
    line = "    - {科目编码: 2080599, 年初预算数: 1.00, 预算数: 1.00, 基本支出: 1.00, 项目支出: 0.00, 用途: 机关事业单位基本养老保险缴费}\n"
    assert copied(findings(tmp_path, lambda text: text.replace("    - {科目编码: 2080506,", line + "    - {科目编码: 2080506,", 1))) == []


def test_siblings_with_one_purpose_are_still_a_copy(tmp_path):
    """学前教育 and 小学教育 with one 用途 is a copy slip."""
    def edit(text: str) -> str:
        return text.replace("用途: 小学教师工资、公用经费和校舍维修", "用途: 公办幼儿园运转和普惠性学前教育补助", 1)
    assert len(copied(findings(tmp_path, edit))) == 1


def test_a_lines_total_must_be_its_split(tmp_path):
    """决算数 1200.00 written on a line of 基本支出 856.30 + 项目支出 120.00 is an error at that 决算数."""
    found = findings(tmp_path, lambda text: text.replace("基本支出: 856.30, 项目支出: 120.00,", "基本支出: 856.30, 项目支出: 120.00, 决算数: 1200.00,", 1))
    (error,) = [f for f in at(found, "支出.科目[1].决算数") if f.is_error]
    assert error.is_error and "1200.00" in error.message and "976.30" in error.message


def test_a_lines_basic_must_be_its_personnel_and_public(tmp_path):
    """人员经费 + 公用经费 written on a line must give its 基本支出 (699.09 changed to 689.09 is found)."""
    ok = "基本支出: 312.40, 项目支出: 0.00, 人员经费: 250.00, 公用经费: 62.40,"
    slip = "基本支出: 312.40, 项目支出: 0.00, 人员经费: 240.00, 公用经费: 62.40,"
    assert at(findings(tmp_path / "a", lambda text: text.replace("基本支出: 312.40, 项目支出: 0.00,", ok, 1)), "支出.科目[0]") == []
    (error,) = at(findings(tmp_path / "b", lambda text: text.replace("基本支出: 312.40, 项目支出: 0.00,", slip, 1)), "支出.科目[0]")
    assert error.is_error and error.path == "支出.科目[0].人员经费" and "302.40" in error.message


def test_a_doubled_word_is_reported(tmp_path):
    found = findings(tmp_path, lambda text: text.replace("教师工资调标和学前教育经费增加。", "教师工资调标和学前教育经费支出支出增加。", 1))
    (warning,) = [f for f in found if "连写了两次" in f.message]
    assert "“支出”" in warning.message and warning.path == "变动原因.财政拨款"


def test_a_paragraph_pasted_twice_is_reported(tmp_path):
    """The second copy of a 机构设置 paragraph is named with the first; one note on several lines is not."""
    line = "  - 示例区教育局内设办公室、计划财务科、基础教育科、人事科、督导室等 5 个科室。\n"
    found = findings(tmp_path, lambda text: text.replace(line, line + line, 1))
    (warning,) = [f for f in found if "一字不差" in f.message]
    assert warning.path == "机构设置[1]" and "机构设置[0]" in warning.message


def with_previous_three(abroad: str, purchase: str, operation: str, reception: str) -> callable:
    """An edit writing each 三公 item's 上年决算数 (last year's file gives the 上年 total: 18.35, vehicles 14.35)."""
    def edit(text: str) -> str:
        for item, value in (("因公出国（境）费", abroad), ("公务用车购置费", purchase), ("公务用车运行维护费", operation), ("公务接待费", reception)):
            text = text.replace(f"  {item}: {{预算数: ", f"  {item}: {{上年决算数: {value}, 预算数: ", 1)
        return text
    return edit


def test_last_years_three_public_items_add_up_to_last_years_total(tmp_path):
    assert at(findings(tmp_path / "a", with_previous_three("0", "0", "14.35", "4.00")), "上年") == []
    (error,) = at(findings(tmp_path / "b", with_previous_three("0", "0", "14.35", "3.00")), "上年")
    assert error.is_error and error.path == "上年.三公经费" and "18.35" in error.message and "17.35" in error.message


def test_a_missing_part_of_a_line_is_reported_as_that_part(tmp_path):
    """基本支出 written, 项目支出 left out: the finding names 项目支出 (not a 决算数 the clerk never wrote), and a slip
    elsewhere in the file is still reported."""
    def edit(text: str) -> str:
        return with_stated(收入增长率="增长 99.9%")(text.replace("基本支出: 312.40, 项目支出: 0.00,", "基本支出: 312.40,"))
    found = findings(tmp_path, edit)
    (missing,) = at(found, "支出.科目[0]")
    assert missing.is_error and missing.path == "支出.科目[0].项目支出" and "基本支出 312.40" in missing.message
    assert at(found, "核对.收入增长率")


INCOME = "收入:\n  一般公共预算财政拨款收入: {general}\n  政府性基金预算财政拨款收入: {fund}\n  上级补助收入: 60.00\n  事业收入: 180.00\n  其他收入: 8.50\n"


def test_a_funds_income_is_reconciled_with_its_spending_and_lines(tmp_path):
    """收入 written by source: 政府性基金 120.00 against its one line's 收入数 100.00 is an error at that source; 一般公共预算
    6000.00 cannot pay for 7643.80 of spending with 45.00 carried over, an error naming the fund."""
    right = findings(tmp_path / "a", lambda t: t + INCOME.format(general="7663.80", fund="100.00"))
    assert [f for f in right if f.is_error] == []
    found = findings(tmp_path / "b", lambda t: t + INCOME.format(general="6000.00", fund="120.00"))
    (fund,) = at(found, "收入")
    assert fund.path == "收入.政府性基金预算财政拨款收入" and "100.00" in fund.message and fund.is_error
    (means,) = at(found, "支出.科目")
    assert means.is_error and "一般公共预算财政拨款支出 7643.80" in means.message and "6000.00" in means.message
