"""The national 部门决算 in the cases real units have: no change, a first year, no last year, no 三公, class-level
codes, missing facts; and its official tables and page structure. One test per defect it once had."""
from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generator.errors import DataError
from generator.tools.totext import docx_lines, docx_text
from generator.workflow.pipeline import Job, generate, prepare
from tests.test_national import tables

ROOT = Path(__file__).resolve().parent.parent
PUTUO = ROOT / "tests" / "fixtures" / "putuo-corrected"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def national(tmp_path: Path, source: Path, year: int, edit=lambda t: t, draft: bool = False) -> Path:
    """The national document of a copy of a unit whose year file is edited first."""
    folder = tmp_path / source.name
    shutil.copytree(source, folder)
    path = folder / f"{year}.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    _, written = generate(Job(folder, path), tmp_path / "out", draft)
    return next(p for p in written if "部门决算" in p.name and "说明" not in p.name)


def part_three(path: Path) -> str:
    """The text of 第三部分 (情况说明)."""
    text = docx_text(path)
    return text[text.index("# 第三部分"):]


def test_no_change_reads_as_unchanged(tmp_path):
    same = "上年:\n  收支总计: 307.82\n  财政拨款收支总计: 307.82\n  一般公共预算财政拨款支出: 307.82\n  机关运行经费: 10.23\n"
    text = part_three(national(tmp_path, PUTUO, 2024, lambda t: t.replace("上年:\n  收入合计: 0\n", same + "  收入合计: 0\n")
                               .replace("  收支总计: 0\n  财政拨款收支总计: 0\n  一般公共预算财政拨款支出: 0\n  机关运行经费: 0\n", "")))
    assert "收入支出总计与2023年度持平。" in text and "一般公共预算财政拨款支出与2023年度持平。" in text
    assert "机关运行经费支出10.23万元，与2023年度持平。" in text and "持平0" not in text


def test_a_first_year_has_an_increase_but_no_growth_rate(tmp_path):
    text = part_three(national(tmp_path, PUTUO, 2024))
    assert "与2023年度相比，收入支出总计增加307.82万元。" in text and "增长" not in text


def test_without_last_year_a_final_document_is_not_made(tmp_path):
    """It used to drop every comparison and keep the reasons after them; a draft shows them to fill
    (tests/test_missing_previous.py)."""
    def drop_previous(t: str) -> str:
        head, rest = t.split("上年:\n", 1)
        return head + "变动原因:" + rest.split("变动原因:", 1)[1]
    with pytest.raises(DataError, match="数据有错误"):
        national(tmp_path, PUTUO, 2024, drop_previous)


def test_no_three_public_spending_is_one_sentence_and_a_table_note(tmp_path):
    text = docx_text(national(tmp_path, PUTUO, 2024))
    assert text.count("年度无“三公”经费财政拨款支出。") == 1 and "“三公”经费财政拨款支出决算总体情况说明" not in text
    assert "本年度没有财政拨款“三公”经费支出，故本表无数据。" in text


def test_a_three_public_budget_without_spending_prints_no_empty_share(tmp_path):
    text = part_three(national(tmp_path, PUTUO, 2024, lambda t: t + "三公经费:\n  公务接待费: {预算数: 1.00, 决算数: 0}\n  预算差异原因: 没有接待任务\n"))
    assert "占；" not in text and "占。" not in text and "完成预算的0.00%" in text and "决算数小于预算数的主要原因：没有接待任务。" in text


def test_shares_and_rates_have_two_decimals(tmp_path):
    text = part_three(national(tmp_path, PUTUO, 2024))
    assert "基本支出105.58万元，占34.30%；项目支出202.24万元，占65.70%。" in text and "完成全年预算数的98.69%" in text


def test_known_spending_split_follows_its_qizhong(generated):
    text = part_three(generated["zhuzhou-jiwei/2022/2022年度部门决算（全国版式）.docx"])
    assert "本年支出合计6623.00万元，其中：基本支出5693.46万元" in text


def test_the_unit_structure_is_never_empty(generated):
    """株洲 lists no 决算单位: the part is its 机构设置, from unit.yaml's 内设机构."""
    lines = docx_lines(generated["zhuzhou-jiwei/2022/2022年度部门决算（全国版式）.docx"])
    after = lines[lines.index("## 二、机构设置") + 1]
    assert not after.startswith("#") and "内设" in after and "## 二、部门决算单位构成" not in lines


def test_a_department_of_several_units_lists_them(tmp_path):
    lines = docx_lines(national(tmp_path, PUTUO, 2024))
    at = lines.index("## 二、部门决算单位构成")
    assert lines[at + 1].endswith("本级决算、下属行政事业单位决算。") and "## 二、机构设置" not in lines


def test_a_department_of_one_unit_describes_its_institutions(tmp_path):
    """The national template: “仅有一个单位的部门，本部分内容为‘机构设置’” (it used to say 下属行政事业单位 of a unit
    that has none)."""
    def one_unit(t: str) -> str:
        return t.replace("  - {名称: 上海市普陀区社会工作发展服务中心}\n", "").replace("决算单位:", "机构设置: [区委社会工作部内设办公室、信访科等 4 个科室。]\n决算单位:")
    lines = docx_lines(national(tmp_path, PUTUO, 2024, one_unit))
    at = lines.index("## 二、机构设置")
    assert lines[at + 1] == "区委社会工作部内设办公室、信访科等 4 个科室。" and "下属行政事业单位" not in "".join(lines)


def test_one_unit_without_institutions_is_listed_without_units_it_lacks(tmp_path):
    def one_unit(t: str) -> str:
        return t.replace("  - {名称: 上海市普陀区社会工作发展服务中心}\n", "")
    text = docx_text(national(tmp_path, PUTUO, 2024, one_unit))
    assert "## 二、部门决算单位构成" in text and "下属行政事业单位" not in text and "中共上海市普陀区委社会工作部（本级）" in text


def test_a_change_from_nothing_without_a_reason_is_a_large_change(tmp_path):
    """A growth rate from 0 does not exist; the change still needs its reason (check used to stay silent)."""
    folder = tmp_path / "copy"
    shutil.copytree(PUTUO, folder)
    path = folder / "2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  财政拨款: 单位于2024年成立。\n", ""), encoding="utf-8")
    found = [f for f in prepare(Job(folder, path)).findings if f.path == "变动原因.财政拨款"]
    assert [f.message for f in found] == ["财政拨款收支总计与上年相比增加307.82万元（上年为 0），变动较大，但没有写变动原因。请补充。"]


def test_class_level_codes_do_not_invent_kuan_and_xiang(generated):
    text = part_three(generated["zhuzhou-jiwei/2022/2022年度部门决算（全国版式）.docx"])
    assert "1、一般公共服务支出（类）。" in text and "（款）一般公共服务支出（项）" not in text


def test_a_missing_fact_is_an_error_for_a_national_unit_and_chinese_in_a_draft(tmp_path):
    def unsplit(t: str) -> str:
        return t.replace("{科目编码: 2013901, 年初预算数: 0, 预算数: 52.00, 基本支出: 51.32, 项目支出: 0,", "{科目编码: 2013901, 年初预算数: 0, 预算数: 52.00, 决算数: 51.32,")
    folder = tmp_path / "copy"
    shutil.copytree(PUTUO, folder)
    (folder / "2024.yaml").write_text(unsplit((folder / "2024.yaml").read_text(encoding="utf-8")), encoding="utf-8")
    errors = [f for f in prepare(Job(folder, folder / "2024.yaml")).findings if f.is_error]
    assert any("部门决算的" in f.message and "科目2013901的基本支出和项目支出" in f.message for f in errors)
    text = docx_text(national(tmp_path / "draft", PUTUO, 2024, unsplit, draft=True))
    assert "【待补充：科目2013901的基本支出和项目支出】" in text and "支出.科目" not in text


def test_the_fiscal_summary_total_fills_every_fund_column(tmp_path):
    rows = tables(national(tmp_path, PUTUO, 2024))["财政拨款收入支出决算总表"]
    assert rows[-1][:5] == ["总计", "307.82", "总计", "307.82", "307.82"]


def test_the_income_table_total_equals_the_summary(generated):
    found = tables(generated["panzhihua-renhe-jiwei/2019/2019年度部门决算（全国版式）.docx"])
    summary = {r[0]: r for r in found["收入支出决算总表"]}
    total = next(r for r in found["收入决算表"] if r[0] == "合计")
    assert total[1] == summary["本年收入合计"][1] == "1622.30"


def test_unknown_personnel_and_public_costs_are_placeholders(generated):
    rows = tables(generated["zhuzhou-jiwei/2022/2022年度部门决算（全国版式）.docx"])["一般公共预算财政拨款基本支出决算表"]
    assert rows[-1][1].startswith("【待补充") and rows[-1][3].startswith("【待补充") and "0.00" not in rows[-1]


def test_vehicles_written_under_another_name_are_counted(generated):
    text = part_three(generated["panzhihua-renhe-jiwei/2019/2019年度部门决算（全国版式）.docx"])
    assert "共有车辆6辆，其中：" in text and "执法执勤用车6辆" in text


@pytest.mark.parametrize("table", ["收入支出决算总表", "财政拨款收入支出决算总表"])
def test_the_summary_tables_list_all_26_classes(tmp_path, table):
    rows = tables(national(tmp_path, PUTUO, 2024))[table]
    labels = [r[2] for r in rows if len(r) > 2]
    assert "二十四、债务还本支出" in labels and "二十五、债务付息支出" in labels and "二十六、抗疫特别国债安排的支出" in labels


def breaks_before(path: Path) -> dict[str, bool]:
    """Each 第N部分 heading and the 目录 title: whether it starts a page (page break before) or a page break or a section
    break comes right before it."""
    with zipfile.ZipFile(path) as z:
        body = etree.parse(io.BytesIO(z.read("word/document.xml"))).getroot().find(f"{W}body")
    out, previous = {}, None
    for p in body.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val", "").startswith("toc"):
            continue
        if (text.startswith("第") and "部分" in text[:6]) or text.replace(" ", "") == "目录":
            broke = p.find(f"{W}pPr/{W}pageBreakBefore") is not None or previous is not None and (
                previous.find(f".//{W}br[@{W}type='page']") is not None or previous.find(f".//{W}sectPr") is not None)
            out.setdefault(text[:4], broke)
        if text or p.find(f".//{W}br") is not None or p.find(f".//{W}sectPr") is not None:
            previous = p
    return out


def test_cover_contents_and_each_part_start_a_page(tmp_path):
    found = breaks_before(national(tmp_path, PUTUO, 2024))
    assert found == {"目  录": True, "第一部分": True, "第二部分": True, "第三部分": True, "第四部分": True}, found


def test_rectification_counts_are_written_when_no_problem_was_found_as_the_template_does(tmp_path):
    """The 2024 template writes “发现问题0个，已经完成整改的0个，正在整改的0个”; putuo's own document only “发现问题0个”
    (its unit.yaml says so with 版式选项 未发现问题也写整改数: false)."""
    assert "绩效自评中共发现问题0个）" in part_three(national(tmp_path / "own", PUTUO, 2024))
    folder = tmp_path / "template"
    shutil.copytree(PUTUO, folder)
    unit = folder / "unit.yaml"
    text = unit.read_text(encoding="utf-8")
    unit.write_text(text[:text.index("版式选项:")] + text[text.index("职能:"):], encoding="utf-8")
    assert "绩效自评中共发现问题0个，已经完成整改的0个，正在整改的0个）" in part_three(national(tmp_path / "out", folder, 2024))


def test_the_rules_sentence_is_framed_as_the_template_frames_it(tmp_path):
    """“制度：A、B，建立了X的预算绩效管理工作机制；”: a comma before the mechanism (it had “；”), and titles in book-title
    marks follow each other without 顿号 (GB/T 15834)."""
    unit = ROOT / "data" / "example-jiaoyuju"
    text = part_three(national(tmp_path, unit, 2024))
    assert ("预算绩效管理制度：《示例区教育局预算绩效管理办法》《示例区教育局项目支出绩效评价实施细则》，建立了事前评估、事中监控、"
            "事后评价全过程闭环管理的预算绩效管理工作机制；全过程绩效管理实施情况") in text


def test_a_class_of_nothing_spent_is_not_what_spending_was_used_for(tmp_path):
    """A 类 whose lines spent 0 is left out of “主要用于以下方面” (it read “农林水支出（类）0万元，占0.00%”); its line
    still says why its budget was not spent."""
    line = "    - {科目编码: 2130705, 年初预算数: 5.00, 预算数: 5.00, 基本支出: 0, 项目支出: 0, 用途: 村级组织运转补助, 说明: 当年未拨付}\n"
    text = part_three(national(tmp_path, PUTUO, 2024, lambda t: t.replace("  科目:\n", "  科目:\n" + line, 1)))
    structure = next(p for p in text.splitlines() if "主要用于以下方面" in p)
    assert "农林水支出" not in structure and "住房保障支出（类）29.42万元" in structure
    assert "农林水支出（类）农村综合改革（款）对村民委员会和村党支部的补助（项）" in text and "当年未拨付" in text


def test_the_grand_total_change_needs_its_reason_when_it_is_the_only_total_compared(tmp_path):
    """A national unit gives last year's 收支总计 only (本年收入合计 and 支出合计 unknown): the change it prints still
    needs 变动原因.收支总体 (check used to look only at 本年收入合计 and 支出合计)."""
    folder = tmp_path / "copy"
    shutil.copytree(PUTUO, folder)
    path = folder / "2024.yaml"
    text = path.read_text(encoding="utf-8").replace("  收入合计: 0\n  支出合计: 0\n", "").replace("  收支总体: 单位于2024年成立。\n", "")
    path.write_text(text, encoding="utf-8")
    prepared = prepare(Job(folder, path))
    found = [f.message for f in prepared.findings if f.path == "变动原因.收支总体"]
    assert found == ["收入支出总计与上年相比增加307.82万元（上年为 0），变动较大，但没有写变动原因。请补充。"]
    from generator.checks.review import changed
    from generator.load.reader import load_yaml
    first = changed(prepared.bundle, load_yaml(path))[0]  # the review list names it first, as the document does
    assert (first.label, first.reason, first.where) == ("收入支出总计", None, "2024.yaml 的 变动原因.收支总体")
