"""The national layout: identities hold in every generated table; the template's headings, columns, notes and glossary are all there."""
import re
from decimal import Decimal
from pathlib import Path

import pytest

from generator.tools.totext import docx_lines

ROOT = Path(__file__).resolve().parent.parent

GOLDEN = Path(__file__).parent / "golden"
DOC = "example-jiaoyuju/2024/2024年度部门决算.docx"


def norm(text: str) -> str:
    """Text folded the way the coverage tool folds it: no whitespace, half-width punctuation."""
    fold = str.maketrans({"，": ",", "：": ":", "（": "(", "）": ")", "；": ";", "“": '"', "”": '"', "、": ","})
    return re.sub(r"\s+", "", text.translate(fold))


def tables(path) -> dict[str, list[list[str]]]:
    """Each table's rows of cells, keyed by the heading before it."""
    out, heading = {}, None
    for line in docx_lines(path):
        if line.startswith("#"):
            heading = line.lstrip("# ").split("、", 1)[-1]
        elif line.startswith("| ") and heading:
            out.setdefault(heading, []).append([c.strip() for c in line.strip("|").split(" | ")])
    return out


def num(cell: str) -> Decimal:
    """A table cell as a number (blank is zero)."""
    return Decimal(cell) if cell else Decimal(0)


def code_rows(rows, first_value: int = 2):
    """code → values of the rows that start with a functional code, and the 合计 row's values."""
    coded = {r[0]: [num(c) for c in r[first_value:]] for r in rows if re.fullmatch(r"\d{3}|\d{5}|\d{7}", r[0])}
    total = next([num(c) for c in r[1:]] for r in rows if r[0] == "合计")
    return coded, total


def assert_hierarchy(coded, total):
    """Every 类 and 款 is the sum of the lines one level below it; 合计 is the sum of the 类."""
    for code, values in coded.items():
        below = [v for c, v in coded.items() if c.startswith(code) and len(c) == len(code) + 2]
        if below:
            assert values == [sum(col) for col in zip(*below)], code
    classes = [v for c, v in coded.items() if len(c) == 3]
    assert total == [sum(col) for col in zip(*classes)] if classes else all(v == 0 for v in total)


@pytest.fixture(scope="module")
def doc(generated):
    return tables(generated[DOC])


@pytest.mark.parametrize("name", ["收入决算表", "支出决算表", "一般公共预算财政拨款支出决算表",
                                  "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表"])
def test_code_tables_add_up(doc, name):
    assert_hierarchy(*code_rows(doc[name]))


def test_income_and_spending_tables_split_their_totals(doc):
    income, total = code_rows(doc["收入决算表"])
    assert all(v[0] == sum(v[1:]) for v in income.values()) and total[0] == sum(total[1:])
    spending, total = code_rows(doc["支出决算表"])
    assert all(v[0] == sum(v[1:]) for v in spending.values()) and total[0] == sum(total[1:])


def test_summary_table_balances(doc):
    rows = {r[0]: r for r in doc["收入支出决算总表"]}
    sources = [num(r[1]) for r in doc["收入支出决算总表"][2:10]]
    classes = [num(r[3]) for r in doc["收入支出决算总表"][2:26]]
    assert num(rows["本年收入合计"][1]) == sum(sources) and num(rows["本年收入合计"][3]) == sum(classes)
    left = num(rows["本年收入合计"][1]) + num(rows["使用非财政拨款结余"][1]) + num(rows["年初结转和结余"][1])
    right = num(rows["本年收入合计"][3]) + num(rows["使用非财政拨款结余"][3]) + num(rows["年初结转和结余"][3])
    assert num(rows["总计"][1]) == left == right == num(rows["总计"][3])
    spending = code_rows(doc["支出决算表"])[1]
    income = code_rows(doc["收入决算表"])[1]
    assert num(rows["本年收入合计"][3]) == spending[0] and num(rows["本年收入合计"][1]) == income[0]


def test_fiscal_table_balances(doc):
    rows = doc["财政拨款收入支出决算总表"]
    by = {r[0]: r for r in rows}
    classes = [[num(c) for c in r[3:7]] for r in rows[2:26]]
    spent = [sum(col) for col in zip(*classes)]
    assert [num(c) for c in by["本年收入合计"][3:7]] == spent and spent[0] == sum(spent[1:])
    total = num(by["本年收入合计"][1]) + num(by["年初财政拨款结转和结余"][1])
    assert num(by["总计"][1]) == total == num(by["总计"][3]) == spent[0] + num(by["年初财政拨款结转和结余"][3])
    general = code_rows(doc["一般公共预算财政拨款支出决算表"])[1]
    assert spent[1] == general[0]


def test_basic_spending_is_personnel_plus_public(doc):
    rows = doc["一般公共预算财政拨款基本支出决算表"]
    items = {}
    for r in rows[1:-1]:
        for code, amount in ((r[0], r[2]), (r[3], r[5])):
            if len(code) == 5:
                items[code] = num(amount)
    last = rows[-1]
    personnel = sum(v for c, v in items.items() if c[:3] in ("301", "303"))
    public = sum(v for c, v in items.items() if c[:3] in ("302", "310"))
    assert num(last[1]) == personnel and num(last[3]) == public
    assert personnel + public == code_rows(doc["一般公共预算财政拨款支出决算表"])[1][1]


def test_three_public_is_its_parts(doc):
    values = [num(c) for c in doc["财政拨款“三公”经费支出决算表"][-1]]
    budget, actual = values[0::2], values[1::2]
    for side in (budget, actual):
        total, abroad, vehicles, purchase, operation, reception = side
        assert vehicles == purchase + operation and total == abroad + vehicles + reception


def test_every_heading_column_note_and_glossary_sentence(generated):
    text = norm("\n".join(docx_lines(generated[DOC])))
    required = [l for l in (GOLDEN / "national_required.txt").read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    missing = [r for r in required if norm(r) not in text]
    assert not missing, missing


def amount_after(text: str, label: str) -> Decimal:
    """The first amount written after a label in the text."""
    return Decimal(re.search(re.escape(label) + r"[^0-9]{0,12}?([0-9]+\.[0-9]{2})万元", text).group(1))


def test_part_three_figures_equal_the_tables(generated, doc):
    text = "\n".join(docx_lines(generated[DOC]))
    explained = text[text.index("# 第三部分"):]
    summary = {r[0]: r for r in doc["收入支出决算总表"]}
    assert amount_after(explained, "收入支出总计") == num(summary["总计"][1])
    assert amount_after(explained, "本年收入合计") == num(summary["本年收入合计"][1])
    assert amount_after(explained, "本年支出合计") == num(summary["本年收入合计"][3])
    fiscal = {r[0]: r for r in doc["财政拨款收入支出决算总表"]}
    assert amount_after(explained, "财政拨款收入支出总计") == num(fiscal["总计"][1])
    general = code_rows(doc["一般公共预算财政拨款支出决算表"])[1]
    assert amount_after(explained, "一般公共预算财政拨款支出") == general[0]
    assert amount_after(explained, "一般公共预算财政拨款基本支出") == general[1]
    basic = doc["一般公共预算财政拨款基本支出决算表"][-1]
    assert amount_after(explained, "人员经费") == num(basic[1]) and amount_after(explained, "；公用经费") == num(basic[3])
    three = [num(c) for c in doc["财政拨款“三公”经费支出决算表"][-1]]
    assert amount_after(explained, "“三公”经费财政拨款支出年初预算为") == three[0]
    assert amount_after(explained, "“三公”经费财政拨款支出年初预算为" + f"{three[0]:.2f}万元，支出决算为") == three[1]
    gov = code_rows(doc["政府性基金预算财政拨款收入支出决算表"])[1]
    assert amount_after(explained, "政府性基金预算财政拨款收入") == gov[1]
    for row in doc["一般公共预算财政拨款支出决算表"]:
        if re.fullmatch(r"\d{7}", row[0]):
            assert "（项）。" in explained and f"支出决算为{row[2]}万元" in explained, row


def test_renhe_and_zhuzhou_render_the_national_layout(generated):
    for name in ("panzhihua-renhe-jiwei/2019/2019年度部门决算（全国版式）.docx", "zhuzhou-jiwei/2022/2022年度部门决算（全国版式）.docx"):
        found = tables(generated[name])
        assert set(found) >= {"收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
                              "一般公共预算财政拨款基本支出决算表", "财政拨款“三公”经费支出决算表",
                              "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表"}
        coded, total = code_rows(found["支出决算表"])
        classes = [v for c, v in coded.items() if len(c) == 3]
        assert_hierarchy(coded, [sum(col) for col in zip(*classes)])
        # 合计 is its classes; its 基本支出 and 项目支出 are the unit's totals as written (its lines have no split)
        assert total[0] == sum(v[0] for v in classes) and total[1] + total[2] == total[0] and total[1] > 0


def test_what_a_unit_lacks_for_this_layout_is_pending_not_zero(generated):
    """仁和 (四川) keeps no 基本支出明细: its national-layout document is a draft showing 【待补充】, never 0.00."""
    import zipfile
    path = generated["panzhihua-renhe-jiwei/2019/2019年度部门决算（全国版式）.docx"]
    text = "\n".join(docx_lines(path))
    assert "人员经费【待补充：基本支出明细】万元" in text and "人员经费0.00" not in text and "（待说明）" not in text
    assert "年初预算为1402.23万元" in text  # each line's 预算数 stands in for its 年初预算数, in the total as in the items
    with zipfile.ZipFile(path) as z:
        assert any("草稿" in z.read(n).decode() for n in z.namelist() if n.startswith("word/header"))
    example = generated["example-jiaoyuju/2024/2024年度部门决算.docx"]
    with zipfile.ZipFile(example) as z:
        assert not any("草稿" in z.read(n).decode() for n in z.namelist() if n.startswith("word/header"))


def test_a_missing_reason_is_named_by_check(tmp_path):
    import shutil

    from generator.workflow.pipeline import Job, prepare
    unit = tmp_path / "jiaoyuju"
    shutil.copytree(ROOT / "data" / "example-jiaoyuju", unit)
    path = unit / "2024.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(", 说明: 年中追加了人员工资调标经费}", "}").replace("  预算执行: 年中追加了人员工资调标经费和学前教育经费。\n", ""),
                    encoding="utf-8")
    found = {f.path: f.message for f in prepare(Job(unit, path)).findings}
    assert "决算数大于年初预算数，部门决算要写明主要原因" in found["支出.科目[0].说明"]
    assert "年初预算数" in found["变动原因.预算执行"]
