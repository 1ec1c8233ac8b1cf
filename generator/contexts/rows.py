"""The rows templates loop over: one TypedDict per kind of row, each key with its Chinese description."""

from decimal import Decimal
from typing import Annotated, Any, Optional, TypedDict

from typing_extensions import NotRequired

from generator.figures.core import Change
from generator.model import Funds, Indicator

Amount = Annotated[Decimal, "金额（万元）"]
MaybeAmount = Annotated[Optional[Decimal], "金额（万元），未知时为空"]


class PartRow(TypedDict):
    """A part of a breakdown with its name."""

    name: Annotated[str, "名称"]
    amount: Amount
    share: Annotated[Optional[Decimal], "占比（百分点，各部分合计 100）；用 share 过滤器输出"]
    budget: MaybeAmount
    completion: Annotated[Optional[Decimal], "完成预算的比率；用 pct 过滤器输出"]


class SourceAmount(TypedDict):
    """An income source with its amount, zero included."""

    key: Annotated[str, "来源的键，例如 general_budget、state_capital"]
    name: Annotated[str, "来源名称，例如 一般公共预算财政拨款收入"]
    amount: Amount


class ShareRow(TypedDict):
    """A named amount with its share."""

    name: Annotated[str, "名称"]
    amount: Amount
    share: Annotated[Optional[Decimal], "占比（百分点）"]


class LineRow(TypedDict):
    """A 项 of a class in the 部门决算说明."""

    code: Annotated[str, "项级科目编码"]
    name: Annotated[Optional[str], "科目名称"]
    amount: Amount
    budget: MaybeAmount
    completion: Annotated[Optional[Decimal], "完成预算的比率"]
    change: Annotated[Optional[Change], "与上年比较（Change）"]
    spend_word: Annotated[str, "科目名称不以“支出”结尾时为“支出”，否则为空"]


class ClassRow(TypedDict):
    """A 类 of 一般公共预算 spending with its 项."""

    number: Annotated[str, "编号 1. 2. …"]
    code: Annotated[str, "类级科目编码"]
    name: Annotated[Optional[str], "类名称"]
    short: Annotated[str, "类名称去掉末尾的“支出”"]
    amount: Amount
    budget: MaybeAmount
    share: Annotated[Optional[Decimal], "占一般公共预算支出的比重（百分点）"]
    lines: Annotated[list[LineRow], "这一类的各项"]


class StaffPart(TypedDict):
    """编制 of one kind."""

    name: Annotated[str, "编制种类，例如 行政编制"]
    count: Annotated[int, "人数"]


class StaffingView(TypedDict):
    """编制 with its total."""

    total: Annotated[Any, "编制总数（未填写时草稿中为【待补充】）"]
    parts: Annotated[list[StaffPart], "各类编制"]


class ProjectRow(TypedDict):
    """A project with its totals."""

    index: Annotated[int, "序号，从 1 开始"]
    name: Annotated[str, "项目名称"]
    budget_unit: Annotated[str, "预算单位"]
    budget: Annotated[Funds, "预算数（fiscal 财政拨款、other 其他资金）"]
    spent: Annotated[Funds, "执行数（fiscal、other）"]
    budget_total: Amount
    spent_total: Amount
    completion: Annotated[Optional[Decimal], "执行率：执行数 ÷ 预算数"]
    goal: Annotated[str, "预期目标"]
    achieved: Annotated[str, "实际完成目标"]
    summary: Annotated[str, "绩效目标完成情况综述"]
    indicators: Annotated[list[Indicator], "绩效指标"]
    has_report: Annotated[bool, "是否有绩效评价报告"]
    sublevels: Annotated[bool, "是否有指标写了二级或三级指标（都没写时，表中不列这两栏）"]


class FormRow(TypedDict):
    """An indicator row of the 项目支出绩效自评表."""

    level1: Annotated[str, "一级指标"]
    level2: Annotated[str, "二级指标"]
    level3: Annotated[str, "三级指标"]
    nature: Annotated[str, "指标性质：=、≥、≤ 或 定性"]
    value: Annotated[str, "指标值（可按数字比较时只有数字）"]
    unit: Annotated[str, "度量单位"]
    actual: Annotated[str, "完成值"]
    weight: Annotated[Optional[Decimal], "权重"]
    score: Annotated[Optional[Decimal], "得分（省略时按规则计算）"]
    reason: Annotated[str, "未完成原因分析"]


class GlossaryRow(TypedDict):
    """A numbered glossary entry."""

    number: Annotated[str, "编号"]
    term: Annotated[Optional[str], "词条（按科目解释时为空）"]
    text: Annotated[str, "解释"]


class KindCount(TypedDict):
    """Vehicles of one kind."""

    kind: Annotated[str, "车辆用途"]
    count: Annotated[int, "辆数"]


class AnnexRow(TypedDict):
    """An embedded annex."""

    number: Annotated[int, "附件序号"]
    key: Annotated[str, "subdocs 中的键，用 {{p subdocs[a.key] }} 插入"]
    project: Annotated[Optional[str], "项目名称（部门整体支出绩效评价报告为空）"]


class NumberedName(TypedDict):
    """A numbered project annex."""

    number: Annotated[int, "附件序号"]
    name: Annotated[str, "项目名称"]


class ParagraphRow(TypedDict):
    """A paragraph with its bold lead sentence."""

    lead: Annotated[str, "段首加粗的要点句（没有时为空）"]
    text: Annotated[str, "正文"]


class Block(TypedDict):
    """A heading or paragraph of a narrative report, in order."""

    kind: Annotated[str, "heading（标题）或 para（段落）"]
    level: NotRequired[Annotated[int, "标题级别（只有标题有）"]]
    number: NotRequired[Annotated[str, "标题编号（只有标题有）"]]
    text: Annotated[str, "文字"]
    lead: Annotated[str, "段首加粗的要点句"]


class NumberedText(TypedDict):
    """A numbered text."""

    number: Annotated[str, "编号 1、2、…"]
    text: Annotated[str, "文字"]


class WorkRow(TypedDict):
    """A section of the work report."""

    title: Annotated[str, "标题"]
    paragraphs: Annotated[list[ParagraphRow], "段落"]


class IndicatorRow(TypedDict):
    """A 自评表 indicator row with its merge marks."""

    level1: Annotated[str, "一级指标（带分值）"]
    m1: Annotated[str, "一级指标单元格的纵向合并：restart 或 continue"]
    level2: Annotated[str, "二级指标"]
    m2: Annotated[str, "二级指标单元格的纵向合并"]
    level3: Annotated[str, "三级指标"]
    target: Annotated[str, "指标值"]
    actual: Annotated[str, "实际完成值"]
    weight: Annotated[Optional[Decimal], "分值"]
    score: Annotated[Optional[Decimal], "得分"]
    deviation: Annotated[str, "偏差原因分析及改进措施"]


class Grade(TypedDict):
    """A grade band."""

    floor: Annotated[Decimal, "最低分"]
    name: Annotated[str, "等级"]
