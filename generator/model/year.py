"""One year's facts of a unit (<year>.yaml)."""
from __future__ import annotations

from decimal import Decimal
from typing import Literal, Optional, Union

from generator.model.accounts import (
    CoveredUnit,
    Economic,
    EconomicLine,
    Expenditure,
    Income,
    NonFiscalIncome,
    NonFiscalSpending,
)
from generator.model.matters import (
    Assets,
    Operating,
    PerformanceManagement,
    Procurement,
    Publication,
    Reasons,
    ThreePublic,
)
from generator.model.performance import (
    Budget,
    OverallEvaluation,
    Paragraph,
    Project,
    Section,
    SelfEvaluation,
)
from generator.model.types import ZERO, AmountUnit, Base, Code, Count, Money, Text, either, f


class CodeChoice(Base):
    """The 款 codes whose meaning the glossary explains."""

    codes: list[Code] = f("功能分类科目", "要解释的款级科目编码（5 位），例如 [20111, 20805]")


class Previous(Base):
    """Last year's figures the comparisons need (taken from last year's file when it exists)."""

    income_total: Optional[Money] = f("收入合计", "上年本年收入合计", None)
    expenditure_total: Optional[Money] = f("支出合计", "上年本年支出合计", None)
    fiscal_total: Optional[Money] = f("财政拨款收支总计", "上年财政拨款收、支总计", None)
    general_budget_expenditure: Optional[Money] = f("一般公共预算财政拨款支出", "上年一般公共预算财政拨款支出", None)
    operating: Optional[Money] = f("机关运行经费", "上年机关运行经费", None)
    reception: Optional[Money] = f("公务接待费", "上年公务接待费决算数", None)
    grand_total: Optional[Money] = f("收支总计", "上年收入支出总计", None)
    three_public: Optional[Money] = f("三公经费", "上年“三公”经费财政拨款支出决算数", None)
    abroad: Optional[Money] = f("因公出国（境）费", "上年因公出国（境）费决算数", None)
    vehicles: Optional[Money] = f("公务用车购置及运行维护费", "上年公务用车购置及运行维护费决算数", None)
    government_fund: Optional[Money] = f("政府性基金预算财政拨款支出", "上年政府性基金预算财政拨款支出", None)


class Year(Base):
    """One year's facts of a unit (<year>.yaml)."""

    year: Count = f("年度", "决算年度，例如 2019")
    amount_unit: AmountUnit = f("金额单位", "本文件金额的单位：万元（默认，最多六位小数）或元（按决算系统记的元填写，到分）；核对中的数字总是万元", "万元")
    staff: Optional[Count] = f("实有人数", "年末实有在职人数", None)
    key_work: list[Text] = f("重点工作", "本年重点工作完成情况，每段一项", [])
    institutions: list[Text] = f("机构设置", "机构设置情况，每段一项", [])
    income: Income = f("收入", "本年收入，按来源（万元）；填了各科目收入数和非财政拨款收入时可省略（自动合计）", Income())
    carryover: Money = f("年初结转和结余", "年初结转和结余（万元）", ZERO)
    expenditure: Expenditure = f("支出", "本年支出")
    economic: Optional[Economic] = f("经济分类", "人员经费、公用经费、资本性支出", None)
    reasons: Reasons = f("变动原因", "与上年相比的变动原因", Reasons())
    three_public: ThreePublic = f("三公经费", "“三公”经费财政拨款支出", ThreePublic())
    operating: Operating = f("机关运行经费", "机关运行经费", Operating())
    procurement: Procurement = f("政府采购", "政府采购支出", Procurement())
    assets: Assets = f("国有资产", "国有资产占有使用情况", Assets())
    performance: PerformanceManagement = f("预算绩效管理", "预算绩效管理情况", PerformanceManagement())
    projects: list[Project] = f("项目", "有绩效目标的项目", [])
    overall_evaluation: Optional[OverallEvaluation] = f("整体支出绩效评价", "部门整体支出绩效评价报告的内容", None)
    budget: Optional[Budget] = f("预算", "年初预算数、调整追加、其他资金", None)
    spending_rules: Optional[Text] = f("支出管理", "资金支出的审批规定，例如大额资金开支的审议程序", None)
    work_intro: list[Paragraph] = f("工作概述", "工作情况前的概述段落", [])
    work: list[Section] = f("工作情况", "本年工作情况：每节一个标题（编号自动生成）和若干段落，段首要点句用“要点”", [])
    work_summary: list[Paragraph] = f("工作总结", "工作情况之后的总结段落", [])
    performance_problems: Optional[Text] = f("绩效管理问题", "绩效管理存在的问题及下一步改进措施", None)
    other_matters: Optional[Text] = f("其他说明", "其他需要说明的情况", None)
    self_evaluation: Optional[SelfEvaluation] = f("整体支出自评", "部门整体支出绩效自评表", None)
    glossary: list[either(CodeChoice)] = f("名词解释", "选用的名词解释词条（见 data/common/名词解释.yaml），按顺序编号；写“功能分类科目: [款编码]”插入科目解释", [])  # type: ignore[valid-type]  # a pydantic union built at run time
    previous: Previous = f("上年", "上年数（有上年数据文件时自动读取）", Previous())
    budget_basis: Literal["年初预算", "全年预算"] = f("预算口径", "说明决算数大于（小于）预算数时对比的预算：年初预算（部门决算模板的写法）或全年预算（年中追加较多、或当年新设的单位）", "年初预算")
    glossary_wording: dict[str, Text] = f("名词解释措辞", "本年改写的名词解释：词条 → 本单位的说法（其余用 data/common/名词解释.yaml 的标准说法）", {})
    code_names: dict[Code, Text] = f("科目名称", "本年用到、科目目录里没有的类、款、项的名称：科目编码 → 名称（导入工作簿时从表中带入）；各年通用的写在 unit.yaml", {})
    covered_units: list[CoveredUnit] = f("决算单位", "纳入部门决算编制范围的单位", [])
    non_fiscal_income: list[NonFiscalIncome] = f("非财政拨款收入", "财政拨款以外的收入，按科目和来源", [])
    non_fiscal_spending: list[NonFiscalSpending] = f("非财政拨款支出", "财政拨款以外的资金安排的支出，按科目和类别", [])
    economic_lines: list[EconomicLine] = f("基本支出明细", "一般公共预算财政拨款基本支出，按经济分类科目", [])
    surplus_used: Money = f("使用非财政拨款结余", "使用非财政拨款结余（万元）", ZERO)
    surplus_distributed: Money = f("结余分配", "结余分配（万元）", ZERO)
    general_carryover: Optional[Money] = f("一般公共预算财政拨款年初结转和结余", "年初一般公共预算财政拨款结转和结余合计（万元）；各科目没有分别写年初结转和结余时填写", None)
    publication: Publication = f("公开", "批复文件、批复文号和落款日期（有的版式在文档开头引用批复、末尾落款）", Publication())
    stated: dict[str, Union[Decimal, int, Text]] = f("核对", "已公布（或手工计算）的数字：名称 → 数值，检查时与程序计算结果比对，例如 支出增长率: 66.2%", {})

    def report_titles(self) -> list[tuple[str, str]]:
        """(report title, project name) of each project that has an evaluation report, in order."""
        return [(p.evaluation.title, p.name) for p in self.projects if p.evaluation is not None]

    def code_uses(self) -> dict[str, tuple]:
        """Every functional code the year's lines use, with the value path of its first use."""
        uses: dict[str, tuple] = {}
        found: list[tuple[tuple, str]] = [(("支出", "科目", i), line.code) for i, line in enumerate(self.expenditure.lines)]
        found += [(("非财政拨款收入", i), entry.code) for i, entry in enumerate(self.non_fiscal_income)]
        found += [(("非财政拨款支出", i), entry.code) for i, entry in enumerate(self.non_fiscal_spending)]
        for path, code in found:
            uses.setdefault(code, (*path, "科目编码"))
        return uses

    def names_given(self, unit_names: dict[str, str]) -> dict[str, str]:
        """The names a unit gives codes: in unit.yaml (passed in), in this year file, and on its lines (the nearest wins)."""
        return {**unit_names, **self.code_names, **{line.code: line.name for line in self.expenditure.lines if line.name}}
