"""Other facts the documents report: 三公经费, 机关运行经费, 政府采购, assets, reasons, performance management."""
from __future__ import annotations

from typing import Optional

from generator.constants import VEHICLE_KINDS
from generator.model.types import ZERO, Amount, Base, Count, DateText, Money, Score, Text, f


class BudgetActual(Base):
    """A budget and what was spent."""

    budget: Optional[Amount] = f("预算数", "年初预算数（万元）；不知道时可省略（不计算完成率，不说大于或小于预算）", None)
    actual: Amount = f("决算数", "决算数（万元）", ZERO)
    previous: Optional[Amount] = f("上年决算数", "上年决算数（万元）；有上年数据文件时可省略", None)


class VehicleOperation(BudgetActual):
    """公务用车运行维护费 with what it was used for."""

    purpose: Optional[Text] = f("用途", "主要用途", None)


class Reception(BudgetActual):
    """公务接待费 with batches, persons and reasons."""

    batches: Count = f("批次", "国内公务接待批次", 0)
    persons: Count = f("人次", "国内公务接待人次（不包括陪同人员）", 0)
    foreign: Amount = f("外宾接待费", "其中外宾接待支出（万元）", ZERO)
    foreign_batches: Count = f("外宾批次", "接待外宾批次", 0)
    foreign_persons: Count = f("外宾人次", "接待外宾人次", 0)
    purpose: Optional[Text] = f("用途", "主要用途", None)
    content: Optional[Text] = f("具体内容", "接待的具体内容", None)
    reason: Optional[Text] = f("变动原因", "与上年相比变动的原因", None)


class Abroad(BudgetActual):
    """因公出国（境）费 with groups and persons."""

    groups: Count = f("团组数", "全年安排的因公出国（境）团组个数", 0)
    joined: Count = f("参加其他单位团组数", "参加其他单位组织的因公出国（境）团组个数", 0)
    persons: Count = f("人次", "累计人次", 0)
    content: Optional[Text] = f("开支内容", "开支内容", None)
    reason: Optional[Text] = f("变动原因", "与上年相比变动的原因", None)


class VehiclePurchase(BudgetActual):
    """公务用车购置费 with the number of vehicles bought."""

    count: Count = f("购置数量", "购置车辆数", 0)
    purpose: Optional[Text] = f("用途", "主要用途", None)


class ThreePublic(Base):
    """“三公”经费 by category."""

    abroad: Abroad = f("因公出国（境）费", "因公出国（境）费；整项不写表示没有这项支出（预算数、决算数都为 0）", Abroad(budget=ZERO))
    vehicle_purchase: VehiclePurchase = f("公务用车购置费", "公务用车购置费；整项不写表示没有这项支出（预算数、决算数都为 0）", VehiclePurchase(budget=ZERO))
    vehicle_operation: VehicleOperation = f("公务用车运行维护费", "公务用车运行维护费；整项不写表示没有这项支出（预算数、决算数都为 0）", VehicleOperation(budget=ZERO))
    reception: Reception = f("公务接待费", "公务接待费；整项不写表示没有这项支出（预算数、决算数都为 0）", Reception(budget=ZERO))
    assessment: Optional[Text] = f("总体评价", "“三公”经费总体评价，例如“支出完成情况较好”", None)
    budget_reason: Optional[Text] = f("预算差异原因", "决算数小于（大于）预算数的主要原因", None)
    vehicle_reason: Optional[Text] = f("公务用车变动原因", "公务用车购置及运行维护费与上年相比变动的原因", None)


# The 三公 items as (field, YAML key), in the order the tables list them: the one list every stage uses.
THREE_PUBLIC_PARTS: list[tuple[str, str]] = [(name, field.alias or name) for name, field in ThreePublic.model_fields.items()
                                             if isinstance(field.annotation, type) and issubclass(field.annotation, BudgetActual)]


class Operating(Base):
    """机关运行经费."""

    amount: Optional[Amount] = f("金额", "机关运行经费（万元）；省略时等于公用经费", None)
    purpose: Optional[Text] = f("用途", "主要用于……（例如办公费、印刷费、水电费等）", None)
    reason: Optional[Text] = f("变动原因", "与上年相比变动的原因", None)


class Procurement(Base):
    """政府采购 by kind."""

    goods: Amount = f("货物", "政府采购货物支出（万元）", ZERO)
    works: Amount = f("工程", "政府采购工程支出（万元）", ZERO)
    services: Amount = f("服务", "政府采购服务支出（万元）", ZERO)
    note: Optional[Text] = f("说明", "采购内容，例如“办公用品、专用设备”", None)
    sme_reserved: Optional[Money] = f("面向中小企业预留", "面向中小企业预留的政府采购项目预算金额（万元）", None)
    micro_reserved: Optional[Money] = f("面向小微企业预留", "面向小微企业预留的政府采购项目预算金额（万元）", None)
    sme_awarded: Optional[Money] = f("中小企业中标", "预留项目中由中小企业供应商中标或成交的金额（万元）", None)
    micro_awarded: Optional[Money] = f("小微企业中标", "预留项目中由小微企业供应商中标或成交的金额（万元）", None)
    sme_other: Optional[Money] = f("其他项目中小企业中标", "其他项目中由中小企业供应商中标或成交的金额（万元）", None)


class Assets(Base):
    """国有资产占有使用情况."""

    vehicles: Optional[dict[str, Count]] = f("车辆", "车辆数，按用途：例如 执法执勤用车: 6（部门决算按八类列出：" + "、".join(VEHICLE_KINDS)
                                             + "）；没有车辆写 {}，还不知道时写 ~（文档显示为待补充）", {})
    large_equipment: Optional[Count] = f("大型设备", "单价100万元（含）以上设备（不含车辆）台（套）数", None)
    equipment_50: Optional[Count] = f("50万元以上设备", "单价50万元（含）以上设备（不含车辆）台（套）数", None)

    @property
    def vehicle_items(self) -> list[tuple[str, int]]:
        """The vehicles by use as written (none while unknown)."""
        return list((self.vehicles or {}).items())


class Publication(Base):
    """What a published document cites and how it is signed: the approval it answers, its number, the date."""

    approval: Optional[Text] = f("批复文件", "财政部门批复本年度部门决算的文件，例如 某某财政局关于批复2017年度部门决算的通知", None)
    number: Optional[Text] = f("批复文号", "批复文件的文号，例如 某财〔2018〕190号", None)
    date: Optional[DateText] = f("日期", "落款日期，例如 2018-08-17（文档中写作 2018年8月17日）", None)


class Reasons(Base):
    """The clerk's explanations of changes against the previous year."""

    total: Optional[Text] = f("收支总体", "收入支出总体变动原因", None)
    fiscal: Optional[Text] = f("财政拨款", "财政拨款收支变动原因", None)
    general_budget: Optional[Text] = f("一般公共预算", "一般公共预算财政拨款支出变动原因", None)
    execution: Optional[Text] = f("预算执行", "一般公共预算财政拨款决算数大于（小于）年初预算数的主要原因", None)
    government_fund: Optional[Text] = f("政府性基金", "政府性基金预算财政拨款收入与支出不等（或与上年相比变动）的原因", None)
    state_capital: Optional[Text] = f("国有资本经营", "国有资本经营预算财政拨款收入与支出不等的原因", None)


class Stage(Base):
    """Projects at one stage of 全过程绩效管理: how many and their budget."""

    count: Count = f("项目数", "项目个数")
    amount: Amount = f("金额", "涉及预算金额（万元）")


class PerformanceTotals(Base):
    """项目支出绩效 as totals, for units that do not list each project."""

    targets: Stage = f("编报绩效目标", "编报绩效目标的项目")
    monitored: Stage = f("绩效跟踪评价", "绩效跟踪评价的项目")
    evaluated: Stage = f("绩效自评", "绩效自评的项目")
    average: Optional[Score] = f("平均得分", "绩效自评平均得分", None)
    grades: dict[str, Count] = f("等级", "各等级的项目个数，例如 {优: 4, 良: 0, 合格: 0, 不合格: 0}", {})


class PerformanceManagement(Base):
    """预算绩效管理情况 narrative."""

    overall: Optional[Text] = f("整体自评结论", "部门整体支出绩效自评的结论", None)
    projects: Optional[Text] = f("项目评价结论", "项目支出绩效评价的结论", None)
    rules: list[Text] = f("制度", "本部门的预算绩效管理制度名称", [])
    rules_text: Optional[Text] = f("制度说明", "预算绩效管理制度的一段文字（写了就代替按“制度”列出的书名）", None)
    mechanism: Optional[Text] = f("工作机制", "预算绩效管理工作机制", None)
    problems_found: Optional[Count] = f("发现问题", "绩效自评中发现的问题个数", None)
    problems_fixed: Optional[Count] = f("已整改", "已经完成整改的问题个数", None)
    problems_fixing: Optional[Count] = f("正在整改", "正在整改的问题个数", None)
    totals: Optional[PerformanceTotals] = f("项目统计", "不逐个列出项目时，写全过程绩效管理的项目个数、金额、平均得分和各等级个数", None)
