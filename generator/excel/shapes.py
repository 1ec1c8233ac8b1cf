"""The nine 部门决算表 as keyed grids: which table is which, their rows and columns, and their published labels.

A grid maps table → row key → column key → amount (万元). Import reads a workbook into one, export writes one, and
the comparison of the two is how slips are found; the keys are the same in all three.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from generator.constants import FUNDS, TextEnum
from generator.model.accounts import INCOME_SOURCES, NON_FISCAL_KINDS, NON_FISCAL_SOURCES
from generator.model.matters import THREE_PUBLIC_PARTS

Grid = dict[str, dict[str, dict[str, Optional[Decimal]]]]

AMOUNT = "决算数"
TOTAL = "合计"


class ShapeKind(TextEnum):
    """How a table is laid out: 项目 | 金额 on two sides, rows by 功能分类 code, the 经济分类 table, the 三公 row."""

    SIDES = "sides"
    CODES = "codes"
    ECONOMIC = "economic"
    THREE = "three"


@dataclass(frozen=True)
class Column:
    """A value column: its key, its published header, the header paths that name it (each a set of fragments), and
    the column of the table's named tuple (figures.columns) it holds."""

    key: str
    header: tuple[str, ...]
    aliases: tuple[tuple[str, ...], ...] = ()
    field: str = ""

    def matches(self, path: list[str]) -> bool:
        """Whether a column's header path names this column."""
        return any(all(part in path for part in alias) for alias in self.aliases or (self.header,))


@dataclass(frozen=True)
class Shape:
    """One of the nine tables: its number in the 公开表, title, 决算-system codes, layout kind and value columns."""

    key: str
    number: int
    title: str
    codes: tuple[str, ...]
    kind: ShapeKind
    columns: tuple[Column, ...] = ()

    @property
    def note(self) -> str:
        """The 注 the official template prints under the table."""
        return NOTES[self.key]

    @property
    def public_code(self) -> str:
        """The 公开表 code, e.g. 公开01表."""
        return f"公开{self.number:02d}表"


def _c(field: str, key: str, *aliases: tuple[str, ...], header: tuple[str, ...] = ()) -> Column:
    """A column whose header is its key unless given."""
    return Column(key, header or (key,), tuple(aliases) or ((key,),), field)


FUND_COLUMNS = (
    _c("start", "年初结转和结余"), _c("income", "本年收入"),
    _c("total", "本年支出", ("本年支出", TOTAL), ("本年支出合计",), header=("本年支出", TOTAL)),
    _c("basic", "基本支出", ("本年支出", "基本支出"), ("基本支出",), header=("本年支出", "基本支出")),
    _c("project", "项目支出", ("本年支出", "项目支出"), ("项目支出",), header=("本年支出", "项目支出")),
    _c("end", "年末结转和结余"),
)
SHAPES: tuple[Shape, ...] = (
    Shape("总表", 1, "收入支出决算总表", ("财决01表", "Z01"), ShapeKind.SIDES),
    Shape("收入", 2, "收入决算表", ("财决03表", "Z03"), ShapeKind.CODES, (
        _c("total", "本年收入合计", ("本年收入合计",), ("收入合计",), (TOTAL,)),
        _c("fiscal", "财政拨款收入", ("财政拨款收入",), ("财政拨款",)), *(_c(name, key) for name, key in NON_FISCAL_SOURCES))),
    Shape("支出", 3, "支出决算表", ("财决04表", "Z04"), ShapeKind.CODES, (
        _c("total", "本年支出合计", ("本年支出合计",), ("支出合计",), (TOTAL,)), _c("basic", "基本支出"),
        _c("project", "项目支出"), *(_c(name, key) for name, key in NON_FISCAL_KINDS))),
    Shape("财政拨款总表", 4, "财政拨款收入支出决算总表", ("财决01-1表", "Z01-1"), ShapeKind.SIDES),
    Shape("一般公共预算支出", 5, "一般公共预算财政拨款支出决算表", ("财决07表", "Z07"), ShapeKind.CODES, (
        _c("total", TOTAL, ("本年支出", TOTAL), (TOTAL,), ("小计",)), _c("basic", "基本支出"), _c("project", "项目支出"))),
    Shape("基本支出", 6, "一般公共预算财政拨款基本支出决算表", ("财决08表", "Z08"), ShapeKind.ECONOMIC),
    Shape("三公", 7, "财政拨款“三公”经费支出决算表", (), ShapeKind.THREE),
    Shape("政府性基金", 8, "政府性基金预算财政拨款收入支出决算表", ("财决09表", "Z09"), ShapeKind.CODES, FUND_COLUMNS),
    Shape("国有资本经营", 9, "国有资本经营预算财政拨款收入支出决算表", ("财决10表", "Z10"), ShapeKind.CODES, FUND_COLUMNS),
)
BY_KEY = {s.key: s for s in SHAPES}
NOTES = {  # each table's 注, as the 2024 national template words it (the document and the workbook print it)
    "总表": "注：本表反映部门本年度的总收支和年末结转结余情况。",
    "收入": "注：本表反映部门本年度取得的各项收入情况。",
    "支出": "注：本表反映部门本年度各项支出情况。",
    "财政拨款总表": "注：本表反映部门本年度财政拨款总收支和结转结余情况。",
    "一般公共预算支出": "注：本表反映部门本年度一般公共预算财政拨款支出情况。",
    "基本支出": "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
    "三公": "注：本表反映部门本年度“三公”经费支出预决算情况。",
    **{key: f"注：本表反映部门本年度{fund}财政拨款收入支出及结转和结余情况。" for fund, key in (("政府性基金预算", "政府性基金"),
                                                                            ("国有资本经营预算", "国有资本经营"))},
}
FUND_TABLES = {"政府性基金预算": "政府性基金", "国有资本经营预算": "国有资本经营"}

# Titles as they are recognised, most specific first (a title may contain a shorter one).
TITLE_RULES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("财政拨款总表", ("财政拨款收入支出决算总表",), ()),
    ("总表", ("收入支出决算总表",), ()),
    ("三公", ("三公",), ()),
    ("政府性基金", ("政府性基金预算财政拨款",), ()),
    ("国有资本经营", ("国有资本经营预算财政拨款",), ()),
    ("基本支出", ("一般公共预算财政拨款基本支出",), ()),
    ("一般公共预算支出", ("一般公共预算财政拨款", "支出决算"), ()),
    ("收入", ("收入决算表",), ("支出",)),
    ("支出", ("支出决算表",), ("收入", "财政拨款")),
)

# 三公 columns: (category key, the header fragments naming it), most specific first.
THREE_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("公务用车购置费", ("公务用车购置费", "购置费")),
    ("公务用车运行维护费", ("公务用车运行维护费", "运行维护费")),
    ("公务用车购置及运行维护费", ("小计", "公务用车购置及运行维护费")),
    ("因公出国（境）费", ("因公出国（境）费", "因公出国(境)费", "因公出国境费")),
    ("公务接待费", ("公务接待费",)),
    (TOTAL, (TOTAL,)),
)
MEASURES = ("预算数", "决算数")
ABROAD, PURCHASE, OPERATION, RECEPTION = (key for _, key in THREE_PUBLIC_PARTS)
VEHICLES = "公务用车购置及运行维护费"  # the 小计 of the two vehicle items
THREE_COLUMNS = [f"{group}:{measure}" for group in ("合计", ABROAD, VEHICLES, PURCHASE, OPERATION, RECEPTION) for measure in MEASURES]

# Labels of the two-sided tables' fixed rows (codes of 类 rows are found by name).
SUMMARY_LEFT = [key for _, key in INCOME_SOURCES]
SUMMARY_FOOT_LEFT = ["本年收入合计", "使用非财政拨款结余", "年初结转和结余", "收入总计"]
SUMMARY_FOOT_RIGHT = ["本年支出合计", "结余分配", "年末结转和结余", "支出总计"]
# 公开01表's fixed 行次 on the income side.
SUMMARY_ROW_NUMBERS = {**dict(enumerate(SUMMARY_LEFT, 1)), 27: "本年收入合计", 28: "使用非财政拨款结余",
                       29: "年初结转和结余", 30: "收入总计"}
FUND_LABELS = dict(zip(FUNDS, ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]))
FISCAL_COLUMNS = [TOTAL, *FUNDS]

_NUMBERING = re.compile(r"^(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+[.、．]|其中[:：])+")


def normalized(text: str) -> str:
    """A label without blanks, leading numbering (一、 （一） 1.) and with ASCII parentheses and quotes made full-width."""
    text = "".join(text.split()).replace("(", "（").replace(")", "）")
    text = text.replace('"', "").replace("“", "").replace("”", "").replace("'", "")
    return _NUMBERING.sub("", text)


def identify(title: str) -> Optional[str]:
    """The table a title names, or None."""
    text = normalized(title)
    for key, needed, excluded in TITLE_RULES:
        if all(n in text for n in needed) and not any(x in text for x in excluded):
            return key
    return None


def identify_code(name: str) -> Optional[str]:
    """The table a sheet name's code names (公开03表, 财决04表, Z04 …), or None."""
    text = "".join(name.split()).upper()
    found = re.search(r"公开(\d{1,2})表", text)
    if found:
        number = int(found.group(1))
        return next((s.key for s in SHAPES if s.number == number), None)
    for shape in sorted(SHAPES, key=lambda s: -max((len(c) for c in s.codes), default=0)):
        for code in shape.codes:
            if re.search(re.escape(code.upper()) + r"(?![-\d])", text):
                return shape.key
    return None
