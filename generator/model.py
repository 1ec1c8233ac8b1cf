"""The typed shape of a unit's stable facts and of one year's facts (YAML keys in Chinese)."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, PlainValidator, Tag, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from .drafts import Pending

ZERO = Decimal("0")


def _money(value):
    """An amount in 万元 from YAML: a plain number, never text with units or separators."""
    if isinstance(value, Pending):
        return value
    if value is None:
        raise PydanticCustomError("missing_value", "还没有填写")
    if isinstance(value, bool):
        raise PydanticCustomError("money", "这里应填写金额数字（单位固定为万元），例如 1622.30")
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    text = str(value).strip()
    if re.fullmatch(r"-?[\d,，]+(\.\d+)?", text) and re.search(r"[,，]", text):
        raise PydanticCustomError("money", "金额不要写千位分隔符（逗号），请写成 {fixed}", {"fixed": re.sub(r"[,，]", "", text)})
    if re.search(r"万?元", text):
        raise PydanticCustomError("money", "金额只写数字，单位固定为万元，不要写“万元”或“元”：请写成 {fixed}", {"fixed": re.sub(r"[^\d.\-]", "", text) or "0"})
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        raise PydanticCustomError("money", "金额不要加引号，请直接写数字 {fixed}", {"fixed": text})
    raise PydanticCustomError("money", "“{text}”不是金额：这里应填写数字（单位万元），例如 1622.30", {"text": text[:40]})


def _count(value):
    """A whole number of things from YAML."""
    if value is None:
        raise PydanticCustomError("missing_value", "还没有填写")
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError("count", "这里应填写整数（个数、人数、批次），例如 10")
    return value


def _code(value):
    """A functional classification code: 3, 5 or 7 digits."""
    text = str(value).strip()
    if isinstance(value, bool) or not re.fullmatch(r"\d{3}|\d{5}|\d{7}", text):
        raise PydanticCustomError("code", "科目编码应为 3 位（类）、5 位（款）或 7 位（项）数字，例如 2011101")
    return text


def _text(value):
    """Narrative text from YAML: numbers written alone are kept as text."""
    if value is None:
        raise PydanticCustomError("missing_value", "还没有填写")
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise PydanticCustomError("text", "这里应填写文字")
    return value


Money = Annotated[Decimal, PlainValidator(_money), WithJsonSchema({"type": "number", "description": "金额（万元）"})]
Count = Annotated[int, PlainValidator(_count), WithJsonSchema({"type": "integer"})]
Code = Annotated[str, BeforeValidator(_code), WithJsonSchema({"type": ["integer", "string"], "description": "科目编码（3、5 或 7 位数字）"})]
Text = Annotated[str, BeforeValidator(_text)]


def either(model):
    """A value that is either a mapping for ``model`` or plain text."""
    return Annotated[
        Union[Annotated[model, Tag("#对象")], Annotated[Text, Tag("#文字")]],
        Discriminator(lambda v: "#文字" if isinstance(v, str) else "#对象"),
    ]


class Base(BaseModel):
    """Common configuration: unknown keys are errors, Chinese keys are aliases."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


def f(alias: str, description: str, default=..., **kw):
    """A field read from a Chinese YAML key, with a Chinese description for editors."""
    return Field(default, alias=alias, description=description, **kw)


# ---------------------------------------------------------------- unit.yaml


class Body(Base):
    """An internal body that may stand for several (第一至第四监督检查室 counts 4)."""

    name: Text = f("名称", "机构名称")
    count: Count = f("个数", "这一项包含的机构个数", 1)


class Staffing(Base):
    """Authorised posts (编制) by kind."""

    total: Optional[Count] = f("编制人数", "编制总人数；分类数已填时可省略（自动合计）", None)
    administrative: Optional[Count] = f("行政编制", "行政编制人数", None)
    institutional: Optional[Count] = f("事业编制", "事业编制人数", None)
    worker: Optional[Count] = f("工勤编制", "工勤编制人数", None)


class Unit(Base):
    """A department's stable facts (unit.yaml)."""

    name: Text = f("单位名称", "单位全称，用于文档标题")
    department: Optional[Text] = f("部门名称", "自评表等表格中的部门名称；省略时同单位名称", None)
    short: Text = f("简称", "正文中称呼本单位的简称，例如“区纪委监委”")
    budget_unit: Optional[Text] = f("预算单位简称", "项目表中的“预算单位”；省略时同简称", None)
    layout: Literal["四川", "湖南", "全国"] = f("版式", "本单位公开文档使用的版式：四川、湖南或全国", "四川")
    nature: Optional[Text] = f("单位性质", "例如“仁和区行政编制单位”", None)
    functions: list[Text] = f("职能", "主要职能，每条一段")
    staffing: Staffing = f("编制", "编制人数")
    departments: list[either(Body)] = f("内设机构", "内设机构名称列表", [])
    departments_summary: Optional[Text] = f("内设机构概述", "例如“9室2部1中心”", None)
    other_bodies: list[Text] = f("其他机构", "内设机构以外的机构，例如派驻纪检监察组", [])
    templates: dict[str, Text] = f("模板", "自定义模板：文档种类 → .docx 文件路径（相对本文件）", {})


# ---------------------------------------------------------------- year file


class Income(Base):
    """This year's income by source (万元)."""

    general_budget: Money = f("一般公共预算财政拨款收入", "一般公共预算财政拨款收入", ZERO)
    government_fund: Money = f("政府性基金预算财政拨款收入", "政府性基金预算财政拨款收入", ZERO)
    state_capital: Money = f("国有资本经营预算财政拨款收入", "国有资本经营预算财政拨款收入", ZERO)
    higher_subsidy: Money = f("上级补助收入", "上级补助收入", ZERO)
    business: Money = f("事业收入", "事业收入", ZERO)
    operating: Money = f("经营收入", "经营收入", ZERO)
    affiliated: Money = f("附属单位上缴收入", "附属单位上缴收入", ZERO)
    other: Money = f("其他收入", "其他收入", ZERO)


FUNDS = Literal["一般公共预算", "政府性基金预算", "国有资本经营预算"]


class CodeLine(Base):
    """财政拨款 spending of one functional classification code (项, 7 digits)."""

    code: Code = f("科目编码", "功能分类科目编码，7 位（项级），例如 2011101")
    name: Optional[Text] = f("科目名称", "可省略：名称自动取自科目目录；填写时须与目录一致", None)
    initial: Optional[Money] = f("年初预算数", "年初预算数（万元）", None)
    budget: Optional[Money] = f("预算数", "全年预算数（万元）；不知道时可省略（不计算完成率）", None)
    basic: Optional[Money] = f("基本支出", "决算数中的基本支出（万元）", None)
    project: Optional[Money] = f("项目支出", "决算数中的项目支出（万元）", None)
    actual: Optional[Money] = f("决算数", "决算数（万元）；填了基本支出和项目支出时可省略（自动相加）", None, validate_default=True)
    income: Optional[Money] = f("收入数", "本科目的财政拨款收入（万元）；省略时等于决算数", None)
    carryover: Money = f("年初结转和结余", "本科目的财政拨款年初结转和结余（万元）", ZERO)
    fund: FUNDS = f("资金性质", "一般公共预算、政府性基金预算或国有资本经营预算", "一般公共预算")
    purpose: Optional[Text] = f("用途", "主要用于……", None)
    reason: Optional[Text] = f("说明", "决算数与预算数差异的原因", None)

    @field_validator("actual")
    @classmethod
    def _actual_from_split(cls, value, info):
        """决算数 = 基本支出 + 项目支出 when only the split is written."""
        if value is None:
            basic, project = info.data.get("basic"), info.data.get("project")
            if basic is None or project is None:
                raise PydanticCustomError("missing_value", "还没有填写")
            return basic + project
        return value


class NonFiscalIncome(Base):
    """财政拨款以外的收入 of one functional code, by source."""

    code: Code = f("科目编码", "功能分类科目编码（项级）")
    higher_subsidy: Money = f("上级补助收入", "上级补助收入（万元）", ZERO)
    business: Money = f("事业收入", "事业收入（万元）", ZERO)
    operating: Money = f("经营收入", "经营收入（万元）", ZERO)
    affiliated: Money = f("附属单位上缴收入", "附属单位上缴收入（万元）", ZERO)
    other: Money = f("其他收入", "其他收入（万元）", ZERO)


class NonFiscalSpending(Base):
    """财政拨款以外的资金安排的支出 of one functional code, by kind."""

    code: Code = f("科目编码", "功能分类科目编码（项级）")
    basic: Money = f("基本支出", "基本支出（万元）", ZERO)
    project: Money = f("项目支出", "项目支出（万元）", ZERO)
    remitted: Money = f("上缴上级支出", "上缴上级支出（万元）", ZERO)
    operating: Money = f("经营支出", "经营支出（万元）", ZERO)
    affiliated: Money = f("对附属单位补助支出", "对附属单位补助支出（万元）", ZERO)


class EconomicLine(Base):
    """一般公共预算财政拨款基本支出 of one economic classification code (款)."""

    code: Annotated[str, BeforeValidator(lambda v: str(v)), WithJsonSchema({"type": ["integer", "string"]})] = f("科目编码", "经济分类科目编码，5 位，例如 30101")
    actual: Money = f("决算数", "决算数（万元）")


class CoveredUnit(Base):
    """A unit whose accounts the 部门决算 covers."""

    name: Text = f("名称", "单位名称")
    note: Text = f("备注", "备注", "")


class Expenditure(Base):
    """This year's spending: 基本/项目 split and the lines by functional code."""

    basic: Optional[Money] = f("基本支出", "基本支出合计（万元）；各科目已分基本支出和项目支出时可省略（自动合计）", None)
    project: Optional[Money] = f("项目支出", "项目支出合计（万元）；同上", None)
    lines: list[CodeLine] = f("科目", "按功能分类科目（项级）列出的财政拨款支出")


class CostGroup(Base):
    """人员经费 or 公用经费: an amount and what it mainly covers."""

    amount: Money = f("金额", "金额（万元）")
    items: list[Text] = f("主要包括", "主要包括的经济科目名称", [])


class NamedAmount(Base):
    """A named amount."""

    name: Text = f("名称", "名称")
    amount: Money = f("金额", "金额（万元）")


class CapitalGroup(Base):
    """Capital spending items sharing one reason."""

    reason: Optional[Text] = f("原因", "例如“因办公场所搬迁”", None)
    items: list[NamedAmount] = f("明细", "资本性支出明细")


class Economic(Base):
    """Spending by economic nature: 人员经费, 公用经费, 资本性支出."""

    personnel: CostGroup = f("人员经费", "人员经费")
    public: CostGroup = f("公用经费", "公用经费")
    capital: list[CapitalGroup] = f("资本性支出", "资本性支出，按原因分组", [])


class BudgetActual(Base):
    """A budget and what was spent."""

    budget: Money = f("预算数", "年初预算数（万元）", ZERO)
    actual: Money = f("决算数", "决算数（万元）", ZERO)


class VehicleOperation(BudgetActual):
    """公务用车运行维护费 with what it was used for."""

    purpose: Optional[Text] = f("用途", "主要用途", None)


class Reception(BudgetActual):
    """公务接待费 with batches, persons and reasons."""

    batches: Count = f("批次", "国内公务接待批次", 0)
    persons: Count = f("人次", "国内公务接待人次（不包括陪同人员）", 0)
    foreign: Money = f("外宾接待费", "其中外宾接待支出（万元）", ZERO)
    foreign_batches: Count = f("外宾批次", "接待外宾批次", 0)
    foreign_persons: Count = f("外宾人次", "接待外宾人次", 0)
    purpose: Optional[Text] = f("用途", "主要用途", None)
    content: Optional[Text] = f("具体内容", "接待的具体内容", None)
    reason: Optional[Text] = f("变动原因", "与上年相比变动的原因", None)


class Abroad(BudgetActual):
    """因公出国（境）费 with groups and persons."""

    groups: Count = f("团组数", "全年安排的因公出国（境）团组个数", 0)
    persons: Count = f("人次", "累计人次", 0)
    content: Optional[Text] = f("开支内容", "开支内容", None)
    reason: Optional[Text] = f("变动原因", "与上年相比变动的原因", None)


class VehiclePurchase(BudgetActual):
    """公务用车购置费 with the number of vehicles bought."""

    count: Count = f("购置数量", "购置车辆数", 0)
    purpose: Optional[Text] = f("用途", "主要用途", None)


class ThreePublic(Base):
    """“三公”经费 by category."""

    abroad: Abroad = f("因公出国（境）费", "因公出国（境）费", Abroad())
    vehicle_purchase: VehiclePurchase = f("公务用车购置费", "公务用车购置费", VehiclePurchase())
    vehicle_operation: VehicleOperation = f("公务用车运行维护费", "公务用车运行维护费", VehicleOperation())
    reception: Reception = f("公务接待费", "公务接待费", Reception())
    assessment: Optional[Text] = f("总体评价", "例如“支出完成情况较好”", None)
    budget_reason: Optional[Text] = f("预算差异原因", "决算数小于（大于）预算数的主要原因", None)
    vehicle_reason: Optional[Text] = f("公务用车变动原因", "公务用车购置及运行维护费与上年相比变动的原因", None)


class Operating(Base):
    """机关运行经费."""

    amount: Optional[Money] = f("金额", "省略时等于公用经费", None)
    reason: Optional[Text] = f("变动原因", "与上年相比变动的原因", None)


class Procurement(Base):
    """政府采购 by kind."""

    goods: Money = f("货物", "政府采购货物支出（万元）", ZERO)
    works: Money = f("工程", "政府采购工程支出（万元）", ZERO)
    services: Money = f("服务", "政府采购服务支出（万元）", ZERO)
    note: Optional[Text] = f("说明", "采购内容，例如“办公用品、专用设备”", None)
    sme_reserved: Optional[Money] = f("面向中小企业预留", "面向中小企业预留的政府采购项目预算金额（万元）", None)
    micro_reserved: Optional[Money] = f("面向小微企业预留", "面向小微企业预留的政府采购项目预算金额（万元）", None)
    sme_awarded: Optional[Money] = f("中小企业中标", "预留项目中由中小企业供应商中标或成交的金额（万元）", None)
    micro_awarded: Optional[Money] = f("小微企业中标", "预留项目中由小微企业供应商中标或成交的金额（万元）", None)
    sme_other: Optional[Money] = f("其他项目中小企业中标", "其他项目中由中小企业供应商中标或成交的金额（万元）", None)


class Assets(Base):
    """国有资产占有使用情况."""

    vehicles: dict[str, Count] = f("车辆", "车辆数，按用途：例如 执勤执法用车: 6", {})
    large_equipment: Optional[Count] = f("大型设备", "单价100万元（含）以上设备（不含车辆）台（套）数", None)


class Reasons(Base):
    """The clerk's explanations of changes against the previous year."""

    total: Optional[Text] = f("收支总体", "收入支出总体变动原因", None)
    fiscal: Optional[Text] = f("财政拨款", "财政拨款收支变动原因", None)
    general_budget: Optional[Text] = f("一般公共预算", "一般公共预算财政拨款支出变动原因", None)
    execution: Optional[Text] = f("预算执行", "一般公共预算财政拨款决算数大于（小于）年初预算数的主要原因", None)


class PerformanceManagement(Base):
    """预算绩效管理情况 narrative."""

    overall: Optional[Text] = f("整体自评结论", "部门整体支出绩效自评的结论", None)
    projects: Optional[Text] = f("项目评价结论", "项目支出绩效评价的结论", None)
    rules: list[Text] = f("制度", "本部门的预算绩效管理制度名称", [])
    mechanism: Optional[Text] = f("工作机制", "预算绩效管理工作机制", None)
    problems_found: Optional[Count] = f("发现问题", "绩效自评中发现的问题个数", None)
    problems_fixed: Optional[Count] = f("已整改", "已经完成整改的问题个数", None)
    problems_fixing: Optional[Count] = f("正在整改", "正在整改的问题个数", None)


class Funds(Base):
    """Amounts by source for a project."""

    fiscal: Money = f("财政拨款", "财政拨款（万元）")
    other: Money = f("其他资金", "其他资金（万元）", ZERO)


class Indicator(Base):
    """A performance indicator row."""

    level1: Text = f("一级指标", "一级指标，例如“产出指标”")
    level2: Text = f("二级指标", "二级指标，例如“数量指标”", "")
    level3: Text = f("三级指标", "三级指标", "")
    target: Text = f("指标值", "年度指标值（预期）")
    actual: Text = f("实际完成值", "实际完成值")
    weight: Optional[Money] = f("分值", "分值", None)
    score: Optional[Money] = f("得分", "得分", None)
    deviation: Text = f("偏差原因", "偏差原因分析及改进措施", "")


class Lead(Base):
    """A paragraph with a lead sentence set in bold."""

    lead: Text = f("要点", "段首加粗的要点句")
    text: Text = f("内容", "要点后的正文", "")


Paragraph = either(Lead)


class Item(Base):
    """A numbered item (1. 2. …) with an optional title and paragraphs."""

    title: Optional[Text] = f("标题", "条目标题", None)
    paragraphs: list[Paragraph] = f("段落", "段落", [])


class Section(Base):
    """A section of a narrative report: title, paragraphs, numbered items, sub-sections."""

    title: Text = f("标题", "节标题（编号自动生成）")
    paragraphs: list[Paragraph] = f("段落", "段落", [])
    items: list[either(Item)] = f("条目", "编号条目（1. 2. …）", [])
    sections: list["Section"] = f("小节", "下一级小节", [])


class Report(Base):
    """A narrative report such as a 项目绩效评价报告."""

    title: Text = f("标题", "报告标题（年度自动加在后面）")
    sections: list[Section] = f("章节", "章节")


class Project(Base):
    """A project with performance targets and indicators."""

    name: Text = f("名称", "项目名称")
    budget_unit: Optional[Text] = f("预算单位", "省略时取单位的预算单位简称", None)
    budget: Funds = f("预算数", "全年预算数")
    spent: Funds = f("执行数", "执行数")
    prior_assessment: bool = f("事前评估", "是否开展了事前绩效评估", False)
    monitored: bool = f("绩效监控", "是否开展了绩效监控", False)
    self_evaluated: bool = f("绩效自评", "是否开展了绩效目标完成情况自评", False)
    self_score: Optional[Money] = f("自评得分", "项目绩效自评得分", None)
    goal: Text = f("预期目标", "年度预期目标")
    achieved: Text = f("实际完成目标", "实际完成目标")
    summary: Text = f("综述", "绩效目标完成情况综述（“通过项目实施，……”）")
    indicators: list[Indicator] = f("绩效指标", "绩效指标")
    evaluation: Optional[Report] = f("评价报告", "本项目的绩效评价报告（有则作为附件）", None)


class OverallEvaluation(Base):
    """部门整体支出绩效评价报告 narrative (四川 layout)."""

    organization: Optional[Text] = f("机构组成", "机构组成；省略时由内设机构生成", None)
    budget_management: Optional[Text] = f("部门预算管理", "部门预算管理；省略时用“支出管理”", None)
    special_management: Optional[Text] = f("专项预算管理", "专项预算管理", None)
    result_use: Optional[Text] = f("结果应用", "结果应用情况", None)
    conclusion: Optional[Text] = f("评价结论", "评价结论；省略时由自评总分和等级生成", None)
    problems: Optional[Text] = f("存在问题", "存在问题；省略时用“绩效管理问题”", None)
    suggestions: Optional[Text] = f("改进建议", "改进建议", None)


class CodeChoice(Base):
    """The 款 codes whose meaning the glossary explains."""

    codes: list[Code] = f("功能分类科目", "要解释的款级科目编码（5 位），例如 [20111, 20805]")


class Budget(Base):
    """The year's budget: 年初预算, adjustments, other funds (万元)."""

    initial: Money = f("年初预算数", "当年财政拨款年初预算数（万元）")
    adjustment: Money = f("调整追加", "年中调整追加数（万元），调减写负数", ZERO)
    other: Money = f("其他资金", "其他资金来源（万元）", ZERO)


class SelfEvaluation(Base):
    """部门整体支出绩效自评表 facts (湖南 layout)."""

    funds_weight: Money = f("资金分值", "资金情况（执行率）的分值，例如 10")
    goal: Text = f("预期目标", "年度总体目标：预期目标")
    achieved: Optional[Text] = f("实际完成情况", "年度总体目标：实际完成情况；省略时列出各项工作情况的标题", None)
    indicators: list[Indicator] = f("绩效指标", "绩效指标，每行一个三级指标")
    grade: Optional[Text] = f("等级", "可省略：等级按总分自动评定；填写时须与评定结果一致", None)


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


class Year(Base):
    """One year's facts of a unit (<year>.yaml)."""

    year: Count = f("年度", "决算年度，例如 2019")
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
    glossary: list[either(CodeChoice)] = f("名词解释", "选用的名词解释词条（见 data/common/名词解释.yaml），按顺序编号；写“功能分类科目: [款编码]”插入科目解释", [])
    previous: Previous = f("上年", "上年数（有上年数据文件时自动读取）", Previous())
    covered_units: list[CoveredUnit] = f("决算单位", "纳入部门决算编制范围的单位", [])
    non_fiscal_income: list[NonFiscalIncome] = f("非财政拨款收入", "财政拨款以外的收入，按科目和来源", [])
    non_fiscal_spending: list[NonFiscalSpending] = f("非财政拨款支出", "财政拨款以外的资金安排的支出，按科目和类别", [])
    economic_lines: list[EconomicLine] = f("基本支出明细", "一般公共预算财政拨款基本支出，按经济分类科目", [])
    surplus_used: Money = f("使用非财政拨款结余", "使用非财政拨款结余（万元）", ZERO)
    surplus_distributed: Money = f("结余分配", "结余分配（万元）", ZERO)
    stated: dict[str, Union[Decimal, int, Text]] = f("核对", "已公布（或手工计算）的数字：名称 → 数值，检查时与程序计算结果比对，例如 支出增长率: 66.2%", {})
