"""The rows and groups of the national 部门决算's templates: one TypedDict each, every key with its Chinese description."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Optional, TypedDict

from generator.figures.columns import FiscalColumns, FundColumns, GeneralColumns, IncomeColumns, SpendingColumns
from generator.figures.core import Change, Part

Amount = Annotated[Decimal, "金额（万元）"]

class CodeRow(TypedDict):
    """A row of a table by functional code."""

    code: Annotated[str, "科目编码"]
    name: Annotated[str, "科目名称"]
    level: Annotated[int, "级次：1 类、2 款、3 项"]


class IncomeRow(CodeRow):
    """A row of 收入决算表."""

    v: Annotated[IncomeColumns, "各栏金额（万元，未知时为空）"]


class SpendingRow(CodeRow):
    """A row of 支出决算表."""

    v: Annotated[SpendingColumns, "各栏金额（万元，未知时为空）"]


class GeneralRow(CodeRow):
    """A row of 一般公共预算财政拨款支出决算表."""

    v: Annotated[GeneralColumns, "各栏金额（万元，未知时为空）"]


class FundRowByCode(CodeRow):
    """A row of the 政府性基金 or 国有资本经营 table."""

    v: Annotated[FundColumns, "各栏金额（万元，未知时为空）"]


class SourceRow(TypedDict):
    """An income source of the 总表."""

    name: Annotated[str, "一、二、… 加来源名称"]
    amount: Amount


class ClassTotalRow(TypedDict):
    """A class row of the 总表 and the 财政拨款总表."""

    label: Annotated[str, "一、一般公共服务支出 …"]
    amount: Amount
    fiscal: Annotated[FiscalColumns, "财政拨款支出各栏"]


class FundRow(TypedDict):
    """A fund of the 财政拨款收入支出决算总表."""

    name: Annotated[str, "一、一般公共预算财政拨款 …"]
    income: Amount
    start: Annotated[Decimal, "年初结转和结余（万元）"]
    end: Annotated[Decimal, "年末结转和结余（万元）"]


class EconomicItem(TypedDict):
    """One side of a 基本支出 table row."""

    code: Annotated[str, "经济分类科目编码"]
    name: Annotated[str, "科目名称"]
    amount: Annotated[Optional[Decimal], "金额（万元；没写基本支出明细时为空）"]


class EconomicRow(TypedDict):
    """A row of the 基本支出 table: 人员经费 on the left, 公用经费 on the right."""

    l: Annotated[EconomicItem, "人员经费一侧"]
    r: Annotated[EconomicItem, "公用经费一侧"]


class ItemLine(TypedDict):
    """A 项 explained in 第三部分."""

    number: Annotated[str, "编号 1、2、…"]
    code: Annotated[str, "项级科目编码"]
    path: Annotated[str, "X（类）Y（款）Z（项）"]
    purpose: Annotated[Optional[str], "用途"]
    budget: Annotated[Optional[Decimal], "按预算口径的预算数（万元）"]
    actual: Amount
    word: Annotated[str, "决算数与预算数相比：大于、小于、持平（预算未知时为空）"]
    completion: Annotated[Optional[Decimal], "完成预算的比率"]
    reason: Annotated[Optional[str], "差异原因"]
    change: Annotated[Change, "与上年比较"]
    change_reason: Annotated[Optional[str], "与上年相比的变动原因"]
    basic: Annotated[Decimal, "基本支出（万元）"]
    project: Annotated[Decimal, "项目支出（万元）"]
    personnel: Annotated[Optional[Decimal], "人员经费（万元）"]
    public: Annotated[Optional[Decimal], "公用经费（万元）"]


class CoveredRow(TypedDict):
    """A unit of the 决算单位 table."""

    number: Annotated[int, "序号"]
    name: Annotated[str, "单位名称"]
    note: Annotated[Optional[str], "备注"]


class ThreePublicFigures(TypedDict):
    """The 三公 figures of 第三部分."""

    budget: Annotated[Optional[Decimal], "预算数（万元）"]
    total: Annotated[Decimal, "决算数（万元）"]
    completion: Annotated[Optional[Decimal], "完成预算的比率"]
    word: Annotated[str, "决算数与预算数相比：大于、小于、持平"]
    vehicles_budget: Annotated[Optional[Decimal], "公务用车购置及运行费预算数（万元）"]
    vehicles: Annotated[Decimal, "公务用车购置及运行费（万元）"]
    abroad_completion: Annotated[Optional[Decimal], "因公出国（境）费完成预算的比率"]
    vehicles_completion: Annotated[Optional[Decimal], "公务用车购置及运行费完成预算的比率"]
    reception_completion: Annotated[Optional[Decimal], "公务接待费完成预算的比率"]
    change: Annotated[Change, "合计与上年比较"]
    abroad_change: Annotated[Change, "因公出国（境）费与上年比较"]
    vehicles_change: Annotated[Change, "公务用车购置及运行费与上年比较"]
    reception_change: Annotated[Change, "公务接待费与上年比较"]
    shares: Annotated[list[Part], "三项各占的比重（Part）"]


class ThreePublicParts(TypedDict):
    """The three 三公 items of the 部门决算说明."""

    abroad: Annotated[Part, "因公出国（境）费"]
    vehicles: Annotated[Part, "公务用车购置及运行费"]
    reception: Annotated[Part, "公务接待费"]


class Evaluation(TypedDict):
    """The sections of the 部门整体支出绩效评价报告, each taken from other facts or “无” when not written."""

    organization: Annotated[str, "机构组成"]
    budget_management: Annotated[str, "部门预算管理"]
    special_management: Annotated[str, "专项预算管理"]
    result_use: Annotated[str, "结果应用情况"]
    conclusion: Annotated[str, "评价结论"]
    problems: Annotated[str, "存在问题"]
    suggestions: Annotated[str, "改进建议"]
