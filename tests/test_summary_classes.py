"""The 类 rows of the 总表 and 财政拨款总表: the classes of the year (none created later), or the layout's choice."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.tools.totext import docx_text
from generator.workflow.pipeline import Job, generate

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CELL = re.compile(r"\| [一二三四五六七八九十]+、([^|]+?支出) \|")


def national_text(tmp_path: Path, source: Path, year: int, unit_lines: str = "") -> str:
    """The 部门决算 of a copy of a unit, with lines added to its unit.yaml."""
    folder = tmp_path / source.name
    shutil.copytree(source, folder)
    unit = folder / "unit.yaml"
    text = unit.read_text(encoding="utf-8")
    if unit_lines.startswith("版式选项:\n") and "\n版式选项:" in text:  # add to the unit's own options
        text = re.sub(r"\n版式选项:[^\n]*\n", lambda m: m.group(0) + unit_lines.split("\n", 1)[1], text)
    else:
        text += unit_lines
    unit.write_text(text, encoding="utf-8")
    _, written = generate(Job(folder, folder / f"{year}.yaml"), tmp_path / "out", draft=True)
    return docx_text(next(p for p in written if "部门决算" in p.name and "说明" not in p.name))


def class_rows(text: str) -> list[str]:
    """The class names the first table lists on its 支出 side."""
    first = text[text.index("## 一、收入支出决算总表"):text.index("## 二、收入决算表")]
    return CELL.findall(first)


def test_a_2017_table_lists_the_classes_of_2017(tmp_path):
    rows = class_rows(national_text(tmp_path, FIXTURES / "pingtan-corrected", 2017, "附带文档: [全国/部门决算]\n"))
    assert "国土海洋气象等支出" in rows and "文化体育与传媒支出" in rows and "医疗卫生与计划生育支出" in rows
    assert "灾害防治及应急管理支出" not in rows and "抗疫特别国债安排的支出" not in rows and len(rows) == 24


def test_a_2024_table_lists_every_class_and_a_layout_may_choose_them(tmp_path):
    rows = class_rows(national_text(tmp_path / "all", FIXTURES / "putuo-corrected", 2024))
    assert len(rows) == 26 and "灾害防治及应急管理支出" in rows and "债务还本支出" in rows
    template = ("版式选项:\n  总表列出的类: [201, 202, 203, 204, 205, 206, 207, 208, 210, 211, 212, 213, 214, 215, 216, 217, 219, "
                "220, 221, 222, 223, 224, 229, 234]\n")  # the 2024 template's 24, without 债务还本/付息
    chosen = class_rows(national_text(tmp_path / "chosen", FIXTURES / "putuo-corrected", 2024, template))
    assert chosen == [r for r in rows if r not in ("债务还本支出", "债务付息支出")]
    # a class the unit spent on is never left out
    spent = class_rows(national_text(tmp_path / "spent", FIXTURES / "putuo-corrected", 2024, "版式选项:\n  总表列出的类: [201]\n"))
    assert spent == ["一般公共服务支出", "社会保障和就业支出", "卫生健康支出", "住房保障支出"]
