"""The variables each document kind's templates see: one TypedDict per kind, every name with its Chinese description
(templates/变量说明.md is generated from these types)."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Optional, TypedDict

from generator.contexts import national_rows as nr
from generator.contexts import rows
from generator.figures.columns import FundColumns, GeneralColumns, IncomeColumns, SpendingColumns
from generator.figures.core import Change
from generator.figures.national import Performance
from generator.figures.project_form import ProjectFormFigures
from generator.figures.selfeval import SelfEvalFigures
from generator.figures.tables import Tables
from generator.figures.year import Figures
from generator.formatting import HeadingCounter, NumberFormat
from generator.model import ProjectForm, Report, SelfEvaluation, Unit, Year
from generator.model.profile import Options

Numbering = Annotated[Callable[[], str], "按文档结构自动编号（调用一次得到下一个编号）"]
Money = Annotated[Decimal, "金额（万元）"]
Rate = Annotated[Optional[Decimal], "比率（用 pct 过滤器输出）"]


class Common(TypedDict):
    """Every document of a unit-year."""

    unit: Annotated[Unit, "单位（unit.yaml）"]
    d: Annotated[Year, "年度数据（年度文件）"]
    f: Annotated[Figures, "计算结果"]
    year: Annotated[int, "决算年度"]
    prev_year: Annotated[int, "上一年度"]
    staffing: Annotated[rows.StaffingView, "编制"]
    budget_unit: Annotated[str, "项目表中的“预算单位”"]
    numbering: Annotated[HeadingCounter, "标题编号的计数器；每次生成都从“第一部分”数起，模板一般用不到"]
    part: Annotated[Numbering, "下一个“第N部分”"]
    h1: Annotated[Numbering, "下一个一级标题编号“一、”"]
    h2: Annotated[Numbering, "下一个二级标题编号“（一）”"]
    h3: Annotated[Numbering, "下一个三级标题编号“1.”"]
    h4: Annotated[Numbering, "下一个四级标题编号“（1）”"]
    item: Annotated[Numbering, "下一个段落条目编号“1、”（每个标题下重新开始）"]
    number_format: Annotated[NumberFormat, "本文档版式的数字格式（pct、share、amount、cell 过滤器按它输出）"]
    options: Annotated[Options, "版式的措辞选项（profile.yaml 的“选项”，单位可在 unit.yaml 的“版式选项”中改写）"]
    income_parts: Annotated[list[rows.PartRow], "收入按来源"]
    spending_kind: Annotated[list[rows.PartRow], "基本支出、项目支出"]
    classes: Annotated[list[rows.ClassRow], "一般公共预算支出按类，各有其下的项"]
    changes: Annotated[dict[str, Change], "与上年比较：income、expenditure、fiscal_total、general_budget、government_fund、operating、reception"]
    projects: Annotated[list[rows.ProjectRow], "有绩效目标的项目"]


class FinalAccounts(Common):
    """部门决算说明."""

    three_public: Annotated[nr.ThreePublicParts, "“三公”经费三项"]
    glossary: Annotated[list[rows.GlossaryRow], "名词解释"]
    assessed_projects: Annotated[list[str], "开展事前绩效评估的项目名称"]
    targeted_count: Annotated[int, "编报绩效目标的项目个数"]
    monitored_count: Annotated[int, "开展绩效监控的项目个数"]
    self_evaluated_count: Annotated[int, "开展绩效自评的项目个数"]
    vehicles: Annotated[list[rows.KindCount], "车辆，按用途"]
    organization: Annotated[Optional[str], "由 unit.yaml 的内设机构写成的机构设置（没有内设机构时为空）"]
    annexes: Annotated[list[rows.AnnexRow], "附件（嵌入的评价报告）"]
    overall_annex: Annotated[Optional[int], "部门整体支出绩效评价报告的附件序号（没有时为空）"]
    project_annexes: Annotated[list[rows.NumberedName], "项目支出绩效评价报告的附件"]
    project_forms: Annotated[list[str], "有项目支出绩效自评表（另附）的项目名称"]
    procurement: Annotated[list[rows.ShareRow], "政府采购按种类（金额不为零的），各带占政府采购支出总额的比重"]
    item_lines: Annotated[list[nr.ItemLine], "一般公共预算财政拨款支出的各项，带类、款、项名称"]
    gov_fund_lines: Annotated[list[nr.ItemLine], "政府性基金预算财政拨款支出的各项"]
    capital_lines: Annotated[list[nr.ItemLine], "国有资本经营预算财政拨款支出的各项"]
    tp: Annotated[nr.ThreePublicFigures, "“三公”经费：合计和各项的预算、完成率、与上年比较"]
    end_carryover: Annotated[Decimal, "年末结转和结余（万元）：年初结转和结余 + 收入 − 支出 − 结余分配"]
    income_sources: Annotated[list[rows.SourceAmount], "收入的八个来源，金额为零的也列出"]
    spending_total: Annotated[SpendingColumns, "本年支出按基本支出、项目支出、上缴上级支出、经营支出、对附属单位补助支出"]


class OverallEvaluation(Common):
    """部门整体支出绩效评价报告."""

    ev: Annotated[nr.Evaluation, "评价报告各部分的文字"]


class ProjectReport(Common):
    """项目支出绩效评价报告."""

    project: Annotated[rows.ProjectRow, "本报告的项目"]
    report: Annotated[Optional[Report], "评价报告（标题和章节）"]
    blocks: Annotated[list[rows.Block], "评价报告按顺序的标题和段落"]


class SelfEvaluationReport(Common):
    """部门整体支出绩效自评报告."""

    functions: Annotated[list[rows.NumberedText], "主要职能，带编号"]
    department_count: Annotated[int, "内设机构个数"]
    departments: Annotated[list[str], "内设机构名称"]
    work: Annotated[list[rows.WorkRow], "工作情况各节"]
    work_intro: Annotated[list[rows.ParagraphRow], "工作情况前的概述段落"]
    work_summary: Annotated[list[rows.ParagraphRow], "工作情况后的总结段落"]
    project_funds: Annotated[Money, "项目预算数之和（万元）"]
    se: Annotated[Optional[SelfEvalFigures], "自评表的计算结果"]
    sd: Annotated[Optional[SelfEvaluation], "自评表的数据（年度文件的“整体支出自评”）"]
    achieved: Annotated[str, "年度总体目标的实际完成情况"]
    indicator_rows: Annotated[list[rows.IndicatorRow], "自评表的指标行"]
    grades: Annotated[list[rows.Grade], "等级划分"]


class National(Common):
    """部门决算."""

    t: Annotated[Tables, "九张表的数字"]
    covered: Annotated[list[nr.CoveredRow], "决算单位"]
    organization: Annotated[str, "没有决算单位和机构设置时，由内设机构写成的一句"]
    institutions_known: Annotated[bool, "是否写了机构设置（年度文件的机构设置或 unit.yaml 的内设机构）：只有一个决算单位的部门，这一部分写机构设置"]
    reason_missing: Annotated[str, "未写原因时显示的【待补充：原因】"]
    missing_tables: Annotated[dict[str, str], "各表缺少的数据：表的编号（二、三…）→【待补充：…】"]
    glossary: Annotated[list[rows.GlossaryRow], "名词解释（编号 一、二、…）"]
    sources: Annotated[list[nr.SourceRow], "总表的收入来源"]
    class_rows: Annotated[list[nr.ClassTotalRow], "总表的支出类"]
    fund_rows: Annotated[list[nr.FundRow], "财政拨款收入支出决算总表的三类资金"]
    income_rows: Annotated[list[nr.IncomeRow], "收入决算表的行"]
    spending_rows: Annotated[list[nr.SpendingRow], "支出决算表的行"]
    general_rows: Annotated[list[nr.GeneralRow], "一般公共预算财政拨款支出决算表的行"]
    economic_rows: Annotated[list[nr.EconomicRow], "一般公共预算财政拨款基本支出决算表的行"]
    gov_fund_rows: Annotated[list[nr.FundRowByCode], "政府性基金预算财政拨款收入支出决算表的行"]
    capital_rows: Annotated[list[nr.FundRowByCode], "国有资本经营预算财政拨款支出决算表的行"]
    income_total: Annotated[IncomeColumns, "收入决算表合计行的各栏"]
    spending_total: Annotated[SpendingColumns, "支出决算表合计行的各栏"]
    general_total: Annotated[GeneralColumns, "一般公共预算财政拨款支出决算表合计行的各栏"]
    gov_fund_rows_total: Annotated[FundColumns, "政府性基金表合计行的各栏"]
    capital_rows_total: Annotated[FundColumns, "国有资本经营表合计行的各栏"]
    fiscal_totals: Annotated[list[Decimal], "三类财政拨款的支出（万元）"]
    fiscal_spending_total: Annotated[Money, "财政拨款支出合计"]
    fiscal_income_total: Annotated[Money, "财政拨款收入合计"]
    fiscal_start_total: Annotated[Money, "年初财政拨款结转和结余合计"]
    fiscal_end_total: Annotated[Money, "年末财政拨款结转和结余合计"]
    fund_grand: Annotated[list[Decimal], "财政拨款总表各类资金的总计"]
    fiscal_spending_grand: Annotated[Money, "财政拨款总表支出一侧的总计：支出合计 + 年末结转和结余"]
    general: Annotated[Money, "一般公共预算财政拨款支出"]
    general_share: Annotated[Optional[Decimal], "一般公共预算财政拨款支出占本年支出合计的比重（百分点）"]
    general_change: Annotated[Change, "一般公共预算财政拨款支出与上年比较"]
    general_initial: Annotated[Money, "一般公共预算财政拨款支出的年初预算"]
    general_completion: Annotated[Rate, "完成年初预算的比率"]
    general_full: Annotated[Optional[Decimal], "全年预算（万元）"]
    general_full_completion: Annotated[Rate, "完成全年预算的比率"]
    general_basis_completion: Annotated[Rate, "按预算口径的完成率"]
    budget_basis: Annotated[str, "预算口径：年初预算或全年预算"]
    basis_word: Annotated[str, "说明差异时的称呼：年初口径为“预算”，全年口径为“全年预算”"]
    general_word: Annotated[str, "决算数与预算数相比：大于、小于、持平（预算未知时为空）"]
    tp: Annotated[nr.ThreePublicFigures, "“三公”经费"]
    perf: Annotated[Performance, "预算绩效管理的统计"]
    grand_change: Annotated[Change, "收入支出总计与上年比较"]
    fiscal_grand: Annotated[Money, "财政拨款收入支出总计"]
    fiscal_change: Annotated[Change, "财政拨款收入支出总计与上年比较"]
    spending_parts: Annotated[list[rows.PartRow], "支出决算的构成"]
    general_classes: Annotated[list[rows.ShareRow], "一般公共预算财政拨款支出按类"]
    item_lines: Annotated[list[nr.ItemLine], "一般公共预算财政拨款支出的各项"]
    gov_fund_lines: Annotated[list[nr.ItemLine], "政府性基金预算财政拨款支出的各项"]
    capital_lines: Annotated[list[nr.ItemLine], "国有资本经营预算财政拨款支出的各项"]
    vehicle_counts: Annotated[list[rows.KindCount], "车辆，按八类用途"]
    personnel: Annotated[Money, "人员经费"]
    public: Annotated[Money, "公用经费"]
    basic_total: Annotated[Money, "基本支出"]
    personnel_names: Annotated[list[str], "人员经费包括的科目名称"]
    public_names: Annotated[list[str], "公用经费包括的科目名称"]


class ProjectFormDocument(Common):
    """部门预算项目支出绩效自评表 (one project)."""

    project: Annotated[rows.ProjectRow, "本表的项目"]
    form: Annotated[ProjectForm, "自评表的文字和年初预算（年度文件中项目的“自评表”）"]
    pf: Annotated[ProjectFormFigures, "自评表的计算结果：各资金来源的执行率、预算执行得分、指标得分和自评总分"]
    department: Annotated[str, "主管部门"]
    implementer: Annotated[str, "实施单位"]
    form_rows: Annotated[list[rows.FormRow], "绩效指标行：指标性质、指标值、度量单位分开"]
    conclusion: Annotated[str, "评价结论（没写时由自评总分生成）"]


# added by the renderer to every document
RENDER_NAMES: dict[str, str] = {"subdocs": "附件文档，用 {{p subdocs[a.key] }} 插入", "draft": "是否草稿",
                                "draft_mark": "草稿时为“草稿（未经审核，不得公开）”，否则为空"}
VARIABLES: dict[str, type] = {
    "部门决算说明": FinalAccounts, "部门整体支出绩效评价报告": OverallEvaluation, "项目支出绩效评价报告": ProjectReport,
    "部门整体支出绩效自评报告": SelfEvaluationReport, "部门决算": National, "项目支出绩效自评表": ProjectFormDocument,
}


def names(kind: str) -> set[str]:
    """The variable names a kind's templates can use."""
    return set(VARIABLES[kind].__required_keys__) | set(RENDER_NAMES)  # type: ignore[attr-defined]
