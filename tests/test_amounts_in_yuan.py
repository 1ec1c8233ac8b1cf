"""Amounts as the 决算 system keeps them: a year file in 元 (金额单位: 元) is computed to the 分 and rounded only for
print, so each printed total is its 元 sum rounded, not the sum of rounded items."""
from __future__ import annotations

import re
import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import yaml

from generator.workflow.pipeline import Job, generate, prepare
from tests.test_national import tables

ROOT = Path(__file__).resolve().parent.parent
ODD = 37  # 元 added to each 支出 line's 基本支出 and 项目支出: each prints 0.00 万元 more, but a few together round up
AMOUNT = re.compile(r"(?<![\d.])(\d+)\.(\d\d)(?![\d%])")


def in_yuan(text: str) -> str:
    """data/example-jiaoyuju's 2024 file rewritten in 元: every amount ×10000, each nonzero 基本支出 and 项目支出 of a
    spending line ODD 元 more, and 30101 of 基本支出明细 as much more as the 一般公共预算 lines' 基本支出 gained."""
    lines = yaml.safe_load(text)["支出"]["科目"]
    general = sum(1 for l in lines if l.get("资金性质", "一般公共预算") == "一般公共预算" and l.get("基本支出"))
    out = []
    for row in text.splitlines():
        def yuan(m: re.Match, row: str = row) -> str:
            value = int(m.group(1)) * 10000 + int(m.group(2)) * 100
            spent = "科目编码: 2" in row and re.search(r"(基本支出|项目支出): $", row[:m.start()])
            odd = ODD * general if "科目编码: 30101" in row else ODD if spent and value else 0
            return f"{value + odd}.00"
        out.append(AMOUNT.sub(yuan, row))
    return "金额单位: 元\n" + "\n".join(out) + "\n"


def unit_in_yuan(tmp_path: Path) -> Path:
    """A copy of data/example-jiaoyuju whose 2024 file is in 元."""
    folder = tmp_path / "example-jiaoyuju"
    shutil.copytree(ROOT / "data" / "example-jiaoyuju", folder)
    path = folder / "2024.yaml"
    path.write_text(in_yuan(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def class_spending_in_yuan(path: Path) -> dict[str, Decimal]:
    """Each 类's spending, all funds, added up in 元 straight from the year file (the 支出决算表's 合计 column)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, Decimal] = {}
    for line in data["支出"]["科目"] + data["非财政拨款支出"]:
        code = str(line["科目编码"])[:3]
        spent = sum(Decimal(str(v)) for k, v in line.items() if k in ("基本支出", "项目支出"))
        out[code] = out.get(code, Decimal(0)) + spent
    return out


def printed(yuan: Decimal) -> Decimal:
    """An amount in 元 as a table prints it: 万元, two decimals."""
    return (yuan / 10000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_a_unit_in_yuan_prints_each_total_as_its_yuan_sum_rounded(tmp_path):
    folder = unit_in_yuan(tmp_path)
    prepared = prepare(Job(folder, folder / "2024.yaml"))
    assert [f.render() for f in prepared.findings if f.is_error] == []
    _, written = generate(Job(folder, folder / "2024.yaml"), tmp_path / "out")
    rows = tables(next(p for p in written if p.name == "2024年度部门决算.docx"))["支出决算表"]
    by_code = {r[0]: r for r in rows}
    classes = class_spending_in_yuan(folder / "2024.yaml")
    for code, yuan in classes.items():
        assert Decimal(by_code[code][2]) == printed(yuan), code
    total = Decimal(next(r for r in rows if r[0] == "合计")[1])
    assert total == printed(sum(classes.values()))
    items = sum(Decimal(by_code[code][2]) for code in classes)
    assert total != items  # the case is one where rounding item by item would have printed another total


def test_a_yuan_amount_is_kept_to_the_fen(tmp_path):
    """Three decimals in 元 are refused with the unit named; 万元 may have six (1 分 = 0.000001 万元)."""
    folder = unit_in_yuan(tmp_path)
    path = folder / "2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("3124037.00", "3124037.125", 1), encoding="utf-8")
    (error,) = [f for f in prepare(Job(folder, path)).findings if f.is_error]
    assert "金额（元）最多 2 位小数" in error.message


def published_totals(text: str) -> str:
    """data/example-jiaoyuju 2024 with totals as a system keeping 元 may print them, 0.01 off the sum of their printed
    items: 基本支出 7022.71 (items 7022.70), 人员经费 5487.65 (table 6's 301/303 lines: 5487.64), 2050101's 决算数 312.41
    (312.40 + 0.00), and a published 本年支出合计 of 7958.82 (its lines, 2050101 at 312.41: 7958.81)."""
    text = text.replace("支出:\n  科目:\n", "支出:\n  基本支出: 7022.71\n  项目支出: 936.10\n  科目:\n", 1)
    text = text.replace("{科目编码: 2050101, ", "{科目编码: 2050101, 决算数: 312.41, ", 1)
    economic = "经济分类:\n  人员经费: {金额: 5487.65}\n  公用经费: {金额: 1415.06}\n"
    return text.replace("基本支出明细:\n", economic + "基本支出明细:\n", 1) + "核对:\n  本年支出合计: 7958.82\n"


def test_published_totals_off_by_rounding_pass_and_print_as_written(tmp_path):
    folder = tmp_path / "example-jiaoyuju"
    shutil.copytree(ROOT / "data" / "example-jiaoyuju", folder)
    path = folder / "2024.yaml"
    path.write_text(published_totals(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert [f.render() for f in prepare(Job(folder, path)).findings] == []
    _, written = generate(Job(folder, path), tmp_path / "out")
    found = tables(next(p for p in written if p.name == "2024年度部门决算.docx"))
    spending = {r[0]: r for r in found["支出决算表"]}
    assert spending["合计"][1:4] == ["7958.81", "7022.71", "936.10"] and spending["2050101"][2] == "312.41"
    assert found["一般公共预算财政拨款基本支出决算表"][-1][1] == "5487.65"


def test_a_total_off_by_more_than_rounding_is_still_an_error(tmp_path):
    folder = tmp_path / "example-jiaoyuju"
    shutil.copytree(ROOT / "data" / "example-jiaoyuju", folder)
    path = folder / "2024.yaml"
    path.write_text(published_totals(path.read_text(encoding="utf-8")).replace("基本支出: 7022.71", "基本支出: 7022.90"), encoding="utf-8")
    (error,) = [f for f in prepare(Job(folder, path)).findings if f.is_error]
    assert error.path == "支出.项目支出" and "相差 0.19 万元" in error.message
