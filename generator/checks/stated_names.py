"""The names a year file may list under 核对, each with its meaning and an example; the reference list is made from it."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Optional

import generator.checks.stated as of
from generator.checks.stated import AMOUNT, RATE, SCORE, TEXT, Figure
from generator.figures import national as fn
from generator.pending import is_pending


def _average(b: Any, _: str) -> Optional[Decimal]:
    """The average self-evaluation score of the year's projects."""
    return fn.performance(b.year, b.figures).average


FIGURES: dict[str, Figure] = {
    # 收支总体
    "收支总计": Figure(AMOUNT, of.grand("amount"), "收入支出决算总表的总计", "307.82"),
    "收支总计增减额": Figure(AMOUNT, of.grand("delta"), "收支总计与上年相比的增减", "增加 307.82", signed=True),
    "收支总计增长率": Figure(RATE, of.grand("rate"), "收支总计与上年相比的增减幅度", "增长 12.50%", signed=True),
    "本年收入合计": Figure(AMOUNT, of.attr("income_total"), "收入各来源之和", "1622.30", items=of.counted("income")),
    "收入增长率": Figure(RATE, of.change("income", "rate"), "本年收入合计与上年相比", "增长 66.2%", signed=True),
    "收入占比": Figure(RATE, of.breakdown_share(lambda b: fn.income_parts(b.tables)), "收入占比.<来源>，例如 收入占比.财政拨款收入", "100.00%", "收入占比"),
    "本年支出合计": Figure(AMOUNT, of.attr("expenditure_total"), "财政拨款与非财政拨款支出之和", "1402.23", items=of.counted("all")),
    "支出增长率": Figure(RATE, of.change("expenditure", "rate"), "本年支出合计与上年相比", "增长 66.2%", signed=True),
    "基本支出": Figure(AMOUNT, lambda b, _: b.figures.spending_kind[0].amount, "支出中的基本支出", "810.07", items=of.counted("all")),
    "项目支出": Figure(AMOUNT, lambda b, _: b.figures.spending_kind[1].amount, "支出中的项目支出", "592.16", items=of.counted("all")),
    "基本支出占比": Figure(RATE, of.kind_share(0), "基本支出 / 本年支出合计", "57.8%", "支出构成"),
    "项目支出占比": Figure(RATE, of.kind_share(1), "项目支出 / 本年支出合计", "42.2%", "支出构成"),
    "年初结转和结余": Figure(AMOUNT, lambda b, _: b.year.carryover, "年初结转和结余", "65.00"),
    "年末结转和结余": Figure(AMOUNT, lambda b, _: b.tables.end_carryover, "年初结转和结余 + 收入 − 支出 − 结余分配", "25.60", items=of.counted("balance")),
    "收入来源": Figure(AMOUNT, of.income_source, "收入来源.<来源>：收入支出决算总表的一项收入，例如 收入来源.事业收入", "120.00"),
    "总表类支出": Figure(AMOUNT, lambda b, code: b.tables.class_spending.get(code), "总表类支出.<类编码>：收入支出决算总表中一类的本年支出（全部资金）", "264.87", items=of.counted("all")),
    # 财政拨款
    "财政拨款收入": Figure(AMOUNT, of.attr("fiscal_income"), "一般公共预算、政府性基金预算、国有资本经营预算财政拨款收入之和", "1557.30"),
    "年初财政拨款结转和结余": Figure(AMOUNT, of.fiscal_balance("start"), "年初财政拨款结转和结余（各类资金）", "65.00"),
    "年末财政拨款结转和结余": Figure(AMOUNT, of.fiscal_balance("end"), "年初财政拨款结转和结余 + 财政拨款收入 − 财政拨款支出", "25.60"),
    "财政拨款收支总计": Figure(AMOUNT, of.attr("fiscal_total"), "财政拨款收入 + 年初财政拨款结转和结余", "1622.30"),
    "财政拨款收支总计增减额": Figure(AMOUNT, of.change("fiscal_total", "delta"), "与上年相比", "增加 660.30", signed=True),
    "财政拨款收支总计增长率": Figure(RATE, of.change("fiscal_total", "rate"), "与上年相比", "增长 68.6%", signed=True),
    "一般公共预算财政拨款支出": Figure(AMOUNT, of.attr("general_budget"), "一般公共预算科目决算数之和", "1402.23", items=of.counted("general")),
    "一般公共预算财政拨款支出占比": Figure(RATE, of.attr("general_budget_share"), "占本年支出合计", "100.00%"),
    "一般公共预算财政拨款支出增减额": Figure(AMOUNT, of.change("general_budget", "delta"), "与上年相比", "增加 575.44", signed=True),
    "一般公共预算财政拨款支出增长率": Figure(RATE, of.change("general_budget", "rate"), "与上年相比", "增长 69.6%", signed=True),
    "年初预算": Figure(AMOUNT, of.general("general_initial"), "一般公共预算财政拨款支出的年初预算（各科目年初预算数之和）", "321.02"),
    "全年预算": Figure(AMOUNT, of.attr("general_budget_budget"), "一般公共预算财政拨款支出的全年预算（各科目预算数之和）", "321.02"),
    "一般公共预算支出完成率": Figure(RATE, of.attr("general_budget_completion"), "决算数 / 全年预算数", "95.89%", base=of.attr("general_budget_budget")),
    "完成年初预算率": Figure(RATE, of.general("general_completion"), "决算数 / 年初预算数", "95.89%", base=of.general("general_initial")),
    "类支出": Figure(AMOUNT, of.klass("amount"), "类支出.<类编码>，例如 类支出.208", "264.87", items=of.counted("general")),
    "类占比": Figure(RATE, of.klass("share"), "类占比.<类编码>：占一般公共预算财政拨款支出", "86.05%", "类占比"),
    "类名称": Figure(TEXT, lambda b, code: b.catalog.name(code, b.year.year), "类名称.<类编码>，例如 类名称.210", "卫生健康支出"),
    "项决算数": Figure(AMOUNT, of.line("actual"), "项决算数.<项编码>", "51.32"),
    "项预算数": Figure(AMOUNT, of.line("budget"), "项预算数.<项编码>：全年预算数", "52.00"),
    "项年初预算数": Figure(AMOUNT, of.line("initial"), "项年初预算数.<项编码>", "52.00"),
    "项完成率": Figure(RATE, of.line("completion"), "项完成率.<项编码>：决算数 / 全年预算数（没有全年预算数时对比年初预算数）", "98.69%",
                   base=of.line("base")),
    "项增减额": Figure(AMOUNT, of.line_change("delta"), "项增减额.<项编码>：与上年决算数相比", "减少 3.20", signed=True),
    "项增长率": Figure(RATE, of.line_change("rate"), "项增长率.<项编码>：与上年决算数相比", "下降 5.9%", signed=True),
    "政府性基金收入": Figure(AMOUNT, of.fund("income"), "政府性基金预算财政拨款收入", "100.00"),
    "政府性基金支出": Figure(AMOUNT, of.fund("spending"), "政府性基金预算财政拨款支出", "80.00"),
    # 经济分类
    "一般公共预算财政拨款基本支出": Figure(AMOUNT, of.basic("total"), "人员经费 + 公用经费", "105.58"),
    "人员经费": Figure(AMOUNT, of.basic("personnel"), "基本支出中的人员经费（基本支出明细 301、303，或经济分类）", "95.36", items=of.counted("economic")),
    "公用经费": Figure(AMOUNT, of.basic("public"), "基本支出中的公用经费（基本支出明细 302、310，或经济分类）", "10.23", items=of.counted("economic")),
    "人员经费与公用经费之和": Figure(AMOUNT, of.basic("total"), "人员经费 + 公用经费", "1402.23"),
    "基本支出明细": Figure(AMOUNT, of.economic, "基本支出明细.<经济分类编码>：一般公共预算财政拨款基本支出决算表的一类或一款，例如 基本支出明细.301", "95.36"),
    "资本性支出": Figure(AMOUNT, of.attr("capital_total"), "经济分类的资本性支出明细之和，或基本支出明细 310 各项之和", "0.00"),
    # 三公、机关运行经费、采购、资产
    "三公经费合计": Figure(AMOUNT, of.attr("three_public_total"), "三公各项决算数之和", "21.36", items=lambda b, _: 4),
    "三公经费预算": Figure(AMOUNT, of.attr("three_public_budget"), "三公各项预算数之和", "30.00"),
    "三公经费完成率": Figure(RATE, of.attr("three_public_completion"), "决算 / 预算", "71.2%", base=of.attr("three_public_budget")),
    "三公经费增减额": Figure(AMOUNT, of.three_change("change", "delta"), "三公经费合计与上年相比", "减少 1.20", signed=True),
    "三公经费增长率": Figure(RATE, of.three_change("change", "rate"), "三公经费合计与上年相比", "下降 5.3%", signed=True),
    "因公出国（境）费": Figure(AMOUNT, of.three_public(0, "amount"), "因公出国（境）费决算数", "0.00"),
    "公务用车购置及运行维护费": Figure(AMOUNT, of.three_public(1, "amount"), "公务用车购置费 + 运行维护费", "20.30"),
    "公务接待费": Figure(AMOUNT, of.three_public(2, "amount"), "公务接待费决算数", "1.06"),
    "因公出国（境）费占比": Figure(RATE, of.three_public(0, "share"), "占三公经费", "0%", "三公构成"),
    "公务用车购置及运行维护费占比": Figure(RATE, of.three_public(1, "share"), "占三公经费", "95.0%", "三公构成"),
    "公务接待费占比": Figure(RATE, of.three_public(2, "share"), "占三公经费", "5.0%", "三公构成"),
    "因公出国（境）费完成率": Figure(RATE, of.three_public(0, "completion"), "决算 / 预算", "80.0%", base=of.three_public(0, "budget")),
    "公务用车购置及运行维护费完成率": Figure(RATE, of.three_public(1, "completion"), "决算 / 预算", "67.7%", base=of.three_public(1, "budget")),
    "公务接待费完成率": Figure(RATE, of.three_public(2, "completion"), "决算 / 预算", "119.1%", base=of.three_public(2, "budget")),
    "因公出国（境）费增减额": Figure(AMOUNT, of.three_change("abroad_change", "delta"), "与上年相比", "减少 2.00", signed=True),
    "因公出国（境）费增长率": Figure(RATE, of.three_change("abroad_change", "rate"), "与上年相比", "下降 50.0%", signed=True),
    "公务用车购置及运行维护费增减额": Figure(AMOUNT, of.three_change("vehicles_change", "delta"), "与上年相比", "增加 1.30", signed=True),
    "公务用车购置及运行维护费增长率": Figure(RATE, of.three_change("vehicles_change", "rate"), "与上年相比", "增长 6.8%", signed=True),
    "公务接待费增减额": Figure(AMOUNT, of.change("reception", "delta"), "与上年相比", "增加 0.16", signed=True),
    "公务接待费增长率": Figure(RATE, of.change("reception", "rate"), "与上年相比", "增长 17.8%", signed=True),
    "机关运行经费": Figure(AMOUNT, of.attr("operating"), "机关运行经费", "10.23", items=of.counted("economic")),
    "机关运行经费增减额": Figure(AMOUNT, of.change("operating", "delta"), "与上年相比", "增加 10.23", signed=True, items=of.counted("economic")),
    "机关运行经费增长率": Figure(RATE, of.change("operating", "rate"), "与上年相比", "增长 5.0%", signed=True),
    "政府采购支出总额": Figure(AMOUNT, of.attr("procurement_total"), "货物 + 工程 + 服务", "21.07"),
    "政府采购货物支出": Figure(AMOUNT, of.procured("goods", "amount"), "政府采购货物支出", "12.00"),
    "政府采购工程支出": Figure(AMOUNT, of.procured("works", "amount"), "政府采购工程支出", "0.00"),
    "政府采购服务支出": Figure(AMOUNT, of.procured("services", "amount"), "政府采购服务支出", "9.07"),
    "政府采购货物支出占比": Figure(RATE, of.procured("goods", "share"), "占政府采购支出总额", "56.95%", "采购构成"),
    "政府采购工程支出占比": Figure(RATE, of.procured("works", "share"), "占政府采购支出总额", "0.00%", "采购构成"),
    "政府采购服务支出占比": Figure(RATE, of.procured("services", "share"), "占政府采购支出总额", "43.05%", "采购构成"),
    "授予中小企业合同金额": Figure(AMOUNT, of.procured("sme", "amount"), "中小企业中标 + 其他项目中小企业中标", "15.00"),
    "授予中小企业合同金额占比": Figure(RATE, of.procured("sme", "share"), "授予中小企业合同金额 / 政府采购支出总额", "71.19%"),
    "车辆数": Figure(SCORE, of.vehicles, "车辆总数；车辆数.<用途> 为一类车辆，例如 车辆数.执法执勤用车", "6"),
    "单价50万元以上设备": Figure(SCORE, lambda b, _: b.year.assets.equipment_50, "单价50万元（含）以上设备台（套）数", "2"),
    "单价100万元以上设备": Figure(SCORE, lambda b, _: b.year.assets.large_equipment, "单价100万元（含）以上设备台（套）数", "1"),
    # 绩效
    "绩效目标项目个数": Figure(SCORE, of.stage(0, 0), "编报绩效目标的项目个数", "12"),
    "绩效目标项目金额": Figure(AMOUNT, of.stage(0, 1), "编报绩效目标的项目的预算金额", "592.16"),
    "绩效监控项目个数": Figure(SCORE, of.stage(1, 0), "开展绩效监控（跟踪评价）的项目个数", "12"),
    "绩效监控项目金额": Figure(AMOUNT, of.stage(1, 1), "开展绩效监控的项目的预算金额", "592.16"),
    "绩效自评项目个数": Figure(SCORE, of.stage(2, 0), "开展绩效自评的项目个数", "12"),
    "绩效自评项目金额": Figure(AMOUNT, of.stage(2, 1), "开展绩效自评的项目的预算金额", "592.16"),
    "平均得分": Figure(SCORE, _average, "项目绩效自评平均得分", "99.43"),
    "项目预算数": Figure(AMOUNT, of.project("budget"), "项目预算数.<项目名称>", "80.00"),
    "项目执行数": Figure(AMOUNT, of.project("spent"), "项目执行数.<项目名称>", "76.63"),
    "项目完成率": Figure(RATE, of.project("completion"), "项目完成率.<项目名称>", "95.8%", base=of.project("budget")),
    "自评年初预算数": Figure(AMOUNT, of.self_eval(lambda s: s.total_initial), "自评表合计行的年初预算数", "5564.87"),
    "自评全年预算数": Figure(AMOUNT, of.self_eval(lambda s: s.total_full), "自评表合计行的全年预算数", "6623.01"),
    "自评全年执行数": Figure(AMOUNT, of.self_eval(lambda s: s.executed), "自评表合计行的全年执行数", "6623.01"),
    "自评执行率": Figure(RATE, of.self_eval(lambda s: s.execution_rate), "全年执行数 / 全年预算数", "100%", base=of.self_eval(lambda s: s.total_full)),
    "自评资金得分": Figure(SCORE, of.self_eval(lambda s: s.funds_score), "分值 × 执行率", "10"),
    "自评一级分值": Figure(SCORE, of.level1_weight, "自评一级分值.<一级指标>，例如 自评一级分值.效益指标", "30"),
    "自评分值合计": Figure(SCORE, of.self_eval(lambda s: s.weight_total), "资金分值 + 各指标分值", "100"),
    "自评总分": Figure(SCORE, of.self_eval(lambda s: s.score_total), "资金得分 + 各指标得分", "98"),
}


def split_name(name: str) -> tuple[str, str]:
    """A stated name split into the figure and its argument: 类占比.208 → (类占比, 208)."""
    base, _, arg = name.partition(".")
    return base, arg


def lookup(name: str) -> Optional[Figure]:
    """The figure a stated name refers to."""
    return FIGURES.get(split_name(name)[0])


def computed(bundle: Any, name: str) -> Optional[Decimal]:
    """A named figure's value for a unit-year, None when the data cannot give it."""
    figure = lookup(name)
    value = None if figure is None else figure.compute(bundle, split_name(name)[1])
    return None if value is None or (is_pending(value) and figure is not None and figure.kind != TEXT) else value


def reference_text() -> str:
    """The reference list of 核对 names (docs/核对项.md), made from this table."""
    lines = ["# 核对项", "", "年度文件的 `核对:` 下可以列出已公布（或手工计算）的数字，`check` 逐一与程序计算的结果比对。",
             "百分比按写出的位数比较（写 71.7% 或 71.65% 都对，写 71.73% 会报错）；增减可以带“增加/减少”“增长/下降”，",
             "方向与数据不符时报错；没有变化写“持平”。同一构成的占比都写出时，还检查它们之和是否为 100%。",
             "预算数为 0 时完成率无法计算，写了完成率会得到提示。",
             "", "本页由程序生成（`python cli.py schema`），不要手工修改。", "",
             "| 名称 | 类型 | 含义 | 例 |", "|---|---|---|---|"]
    for name, figure in FIGURES.items():
        lines.append(f"| `{name}` | {figure.kind} | {figure.help} | `{name.split('.')[0]}: {figure.example}` |")
    return "\n".join(lines) + "\n"
