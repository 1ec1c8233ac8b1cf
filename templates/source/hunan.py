"""The 湖南 layout: 部门整体支出绩效自评报告 with its 自评表 (seed 000)."""
from __future__ import annotations

from docbuild import TABLE_TITLE_STYLE, Builder

from generator.pending import MARK as TO_FILL

SEP = "{{ '；' if not loop.last else '。' }}"


def lead_paragraphs(b: Builder, expression: str) -> None:
    """Paragraphs whose lead sentence is bold."""
    b.tag(f"{{%p for q in {expression} %}}")
    b.para(("{{ q.lead }}", True), "{{ q.text }}")
    b.tag("{%p endfor %}")


def self_evaluation_report() -> Builder:
    """The 部门整体支出绩效自评报告."""
    b = Builder("部门整体支出绩效自评报告")
    b.title("{{ year }}年度{{ unit.name }}", "整体支出绩效自评报告")
    b.blank()
    basics(b)
    b.heading(1, "{{ h1() }}预算收支情况")
    b.para("{{ year }}年预算收入{{ se.full|money }}万元，其中年初预算{{ se.initial|money }}万元，"
           "调整{{ d.budget.adjustment|adjust_word }}{{ d.budget.adjustment|magnitude }}万元。"
           "其他资金来源{{ d.budget.other|money }}万元。")
    b.para("{{ year }}年支出{{ f.expenditure_total|money }}万元，其中基本支出{{ d.expenditure.basic|money }}万元，"
           "项目支出{{ d.expenditure.project|money }}万元。")
    spending(b)
    b.heading(1, "{{ h1() }}绩效管理存在的问题及下一步改进措施")
    b.para("{{ d.performance_problems or '无' }}")
    b.heading(1, "{{ h1() }}其他需要说明的情况")
    b.para("{{ d.other_matters or '无' }}")
    b.para("附件：{{ year }}年度部门整体支出绩效自评表")
    b.landscape()
    b.para("附件", indent=False)
    b.para("{{ year }}年度部门整体支出绩效自评表", style=TABLE_TITLE_STYLE)
    table(b)
    b.para("备注：1. “执行率” = “全年执行数” / “全年预算数”；", style="表格文字")
    b.para("2.总分设置为 100 分，等级划分为：90 分（含）—100 分为优，80 分（含）—90 分为良，"
           "60 分（含）—80 分为中，60 分以下为差。", style="表格文字")
    return b


def basics(b: Builder) -> None:
    """一、预算单位基本情况."""
    b.heading(1, "{{ h1() }}预算单位基本情况")
    b.heading(2, "{{ h2() }}部门职能职责")
    b.tag("{%p for t in functions %}")
    b.para("{{ t.number }}{{ t.text }}")
    b.tag("{%p endfor %}")
    b.heading(2, "{{ h2() }}机构设置")
    b.para("本部门共有编制人数{{ staffing.total }}人，实有人数{{ d.staff }}人。"
           "{% if departments %}内设科室{{ department_count }}个，分别为：{{ departments|join_cn }}。{% endif %}"
           "{% if unit.other_bodies %}另外，还包括{{ unit.other_bodies|join_cn('、', '及') }}。{% endif %}")


def spending(b: Builder) -> None:
    """三、资金使用及绩效情况."""
    b.heading(1, "{{ h1() }}资金使用及绩效情况")
    b.heading(2, "{{ h2() }}整体支出绩效情况")
    b.para("{{ year }}年度一般公共预算财政拨款支出{{ f.general_budget|money }}万元{% if classes %}，主要用于以下方面："
           "{% for c in classes %}{{ c.short }}（类）支出{{ c.amount|money }}万元，占{{ c.share|share }}" + SEP + "{% endfor %}"
           "{% else %}。{% endif %}{{ d.spending_rules or '' }}")
    lead_paragraphs(b, "work_intro")
    b.tag("{%p if work or draft %}")  # no heading over nothing; a draft shows what is to write
    b.heading(2, "{{ h2() }}{{ year }}年工作情况")
    b.tag("{%p for w in work %}")
    b.heading(3, "{{ h3() }}{{ w.title }}")
    lead_paragraphs(b, "w.paragraphs")
    b.tag("{%p else %}")
    b.para(TO_FILL.format("工作情况"))
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    lead_paragraphs(b, "work_summary")
    b.heading(2, "{{ h2() }}项目支出绩效情况")
    b.para("{{ year }}年，可纳入自评报告内的业务性专项{{ project_funds|money }}万元。"
           "{% for p in projects %}“{{ p.name }}”全年预算数{{ p.budget_total|money }}万元，执行数{{ p.spent_total|money }}万元"
           "{% if p.completion is not none %}，执行率{{ p.completion|pct }}{% endif %}" + SEP + "{% endfor %}")


def table(b: Builder) -> None:
    """The 自评表: funds, overall goal, indicators with merged 一级/二级 cells, total and grade."""
    t = b.table([26, 20, 22, 38, 22, 22, 15, 20, 40], font_pt=10.5)  # the label column fits 部门名称 on one line
    b.row(t, ["部门名称", "{{ unit.department or unit.name }}"], [1, 8])
    b.row(t, ["资金情况\n（万元）", "年度资金总额", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分（分值×执行率）"],
          [1, 2, 1, 1, 1, 1, 1, 1], vmerge={0: "restart"})
    b.row(t, ["", "合计", "{{ se.total_initial|money }}", "{{ se.total_full|money }}", "{{ se.executed|money }}",
              "{{ se.funds_weight|score }}", "{{ se.execution_rate|pct(2, false) }}", "{{ se.funds_score|score }}"],
          [1, 2, 1, 1, 1, 1, 1, 1], vmerge={0: "continue"})
    b.row(t, ["", "其中：当年财政拨款", "{{ se.initial|money }}", "{{ se.full|money }}", "", "", "", ""], [1, 2, 1, 1, 1, 1, 1, 1], vmerge={0: "continue"})
    b.row(t, ["", "上年结转资金", "{{ d.carryover|money }}", "{{ d.carryover|money }}", "", "", "", ""], [1, 2, 1, 1, 1, 1, 1, 1], vmerge={0: "continue"})
    b.row(t, ["", "其他资金", "{{ d.budget.other|money }}", "{{ d.budget.other|money }}", "", "", "", ""], [1, 2, 1, 1, 1, 1, 1, 1], vmerge={0: "continue"})
    b.row(t, ["年度总体目标", "预期目标", "实际完成情况"], [1, 4, 4], vmerge={0: "restart"})
    b.row(t, ["", "{{ sd.goal }}", "{{ achieved }}"], [1, 4, 4], vmerge={0: "continue"})
    b.row(t, ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析\n及改进措施"],
          vmerge={0: "restart"})
    b.tag_row(t, "{%tr for r in indicator_rows %}")
    b.row(t, ["", "{{ r.level1 if r.m1 == 'restart' else '' }}", "{{ r.level2 if r.m2 == 'restart' else '' }}", "{{ r.level3 }}",
              "{{ r.target }}", "{{ r.actual }}", "{{ r.weight|score }}", "{{ r.score|score }}", "{{ r.deviation }}"],
          vmerge={0: "continue", 1: "{{ r.m1 }}", 2: "{{ r.m2 }}"})
    b.tag_row(t, "{%tr endfor %}")
    b.row(t, ["总分", "{{ se.weight_total|score }}", "{{ se.score_total|score }}", "等级：{{ se.grade }}"], [6, 1, 1, 1], bold=True)
