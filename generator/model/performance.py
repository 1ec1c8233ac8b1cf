"""Projects, indicators, narrative reports and the self-evaluation form."""
from __future__ import annotations

from typing import Literal, Optional

from generator.model.types import ZERO, Base, Money, Score, Text, either, f


class Funds(Base):
    """Amounts by source for a project."""

    fiscal: Money = f("财政拨款", "财政拨款（万元）")
    other: Money = f("其他资金", "其他资金（万元）", ZERO)


class Indicator(Base):
    """A performance indicator row."""

    level1: Text = f("一级指标", "一级指标，例如“产出指标”")
    level2: Text = f("二级指标", "二级指标，例如“数量指标”", "")
    level3: Text = f("三级指标", "三级指标", "")
    nature: Optional[Literal["=", "≥", "≤", "定性"]] = f("指标性质", "指标性质；可省略：从指标值读出（“≥60人”，不写符号的“8次”指至少 8 次）；"
                                                       "写“定性”则不按数字比较，得分由单位评定", None)
    target: Text = f("指标值", "年度指标值（预期）")
    actual: Text = f("实际完成值", "实际完成值")
    weight: Optional[Score] = f("分值", "分值", None)
    score: Optional[Score] = f("得分", "得分；可按数字比较的指标可省略（达到指标值得满分，未达到按完成比例计算），定性指标由单位评分", None)
    deviation: Text = f("偏差原因", "偏差原因分析及改进措施", "")


class Lead(Base):
    """A paragraph with a lead sentence set in bold."""

    lead: Text = f("要点", "段首加粗的要点句（没有要点句的段落，直接写成一行文字，不用“要点”“内容”）")
    text: Text = f("内容", "要点后的正文", "")


Paragraph = either(Lead)


class Item(Base):
    """A numbered item (1. 2. …) with an optional title and paragraphs."""

    title: Optional[Text] = f("标题", "条目标题", None)
    paragraphs: list[Paragraph] = f("段落", "段落", [])  # type: ignore[valid-type]  # a pydantic union built at run time


class Section(Base):
    """A section of a narrative report: title, paragraphs, numbered items, sub-sections."""

    title: Text = f("标题", "节标题（编号自动生成）")
    paragraphs: list[Paragraph] = f("段落", "段落", [])  # type: ignore[valid-type]  # a pydantic union built at run time
    items: list[either(Item)] = f("条目", "编号条目（1. 2. …）", [])  # type: ignore[valid-type]  # a pydantic union built at run time
    sections: list[Section] = f("小节", "下一级小节", [])


class Report(Base):
    """A narrative report such as a 项目绩效评价报告."""

    title: Text = f("标题", "报告标题（年度自动加在后面）")
    sections: list[Section] = f("章节", "章节")


class ProjectForm(Base):
    """The facts of a project's 部门预算项目支出绩效自评表 (四川) beyond its budget, spending and indicators."""

    department: Optional[Text] = f("主管部门", "主管部门；省略时为单位名称", None)
    implementer: Optional[Text] = f("实施单位", "实施单位；省略时为项目的预算单位", None)
    process: Optional[Text] = f("实施过程", "项目实施内容及过程概述", None)
    initial: Optional[Funds] = f("年初预算数", "年初预算数（财政拨款、其他资金）；与全年预算数（调整后预算数）不同时要写调整原因", None)
    adjustment_reason: Optional[Text] = f("调整原因", "年中调整预算（追加或调减）的理由", None)
    execution_reason: Optional[Text] = f("执行偏差原因", "预算执行率未达到 90% 的原因（100字以内）", None)
    conclusion: Optional[Text] = f("评价结论", "评价结论，写明项目自评总分；省略时由自评总分生成", None)
    problems: Optional[Text] = f("存在问题", "存在的问题及原因", None)
    measures: Optional[Text] = f("改进措施", "下一步改进完善的意见及有关政策性建议", None)
    leader: Optional[Text] = f("项目负责人", "项目负责人", None)
    finance_leader: Optional[Text] = f("财务负责人", "财务负责人", None)


class Project(Base):
    """A project with performance targets and indicators."""

    name: Text = f("名称", "项目名称")
    budget_unit: Optional[Text] = f("预算单位", "预算单位；省略时取单位的预算单位简称", None)
    budget: Funds = f("预算数", "全年预算数")
    spent: Funds = f("执行数", "执行数")
    prior_assessment: bool = f("事前评估", "是否开展了事前绩效评估", False)
    monitored: bool = f("绩效监控", "是否开展了绩效监控", False)
    self_evaluated: bool = f("绩效自评", "是否开展了绩效目标完成情况自评", False)
    self_score: Optional[Score] = f("自评得分", "项目绩效自评得分", None)
    goal: Text = f("预期目标", "年度预期目标")
    achieved: Text = f("实际完成目标", "实际完成目标")
    summary: Text = f("综述", "绩效目标完成情况综述（“通过项目实施，……”）")
    indicators: list[Indicator] = f("绩效指标", "绩效指标")
    evaluation: Optional[Report] = f("评价报告", "本项目的绩效评价报告（有则作为附件）", None)
    form: Optional[ProjectForm] = f("自评表", "本项目的部门预算项目支出绩效自评表（预算执行 10 分 + 绩效指标 90 分；写了才生成，各指标要有分值）", None)


class OverallEvaluation(Base):
    """部门整体支出绩效评价报告 narrative (四川 layout)."""

    organization: Optional[Text] = f("机构组成", "机构组成；省略时由内设机构生成", None)
    budget_management: Optional[Text] = f("部门预算管理", "部门预算管理；省略时用“支出管理”", None)
    special_management: Optional[Text] = f("专项预算管理", "专项预算管理", None)
    result_use: Optional[Text] = f("结果应用", "结果应用情况", None)
    conclusion: Optional[Text] = f("评价结论", "评价结论；省略时由自评总分和等级生成", None)
    problems: Optional[Text] = f("存在问题", "存在问题；省略时用“绩效管理问题”", None)
    suggestions: Optional[Text] = f("改进建议", "改进建议", None)


class Budget(Base):
    """The year's budget: 年初预算, adjustments, other funds (万元)."""

    initial: Money = f("年初预算数", "当年财政拨款年初预算数（万元）")
    adjustment: Money = f("调整追加", "年中调整追加数（万元），调减写负数", ZERO)
    other: Money = f("其他资金", "其他资金来源（万元）", ZERO)


class SelfEvaluation(Base):
    """部门整体支出绩效自评表 facts (湖南 layout)."""

    funds_weight: Score = f("资金分值", "资金情况（执行率）的分值，例如 10")
    goal: Text = f("预期目标", "年度总体目标：预期目标")
    achieved: Optional[Text] = f("实际完成情况", "年度总体目标：实际完成情况；省略时列出各项工作情况的标题", None)
    indicators: list[Indicator] = f("绩效指标", "绩效指标，每行一个三级指标")
    grade: Optional[Text] = f("等级", "等级；可省略：按总分自动评定；填写时须与评定结果一致", None)
