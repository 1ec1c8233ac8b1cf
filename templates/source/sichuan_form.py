"""The 四川 部门预算项目支出绩效自评表 (报表编号 510000_0013zp): one landscape table per project."""
from __future__ import annotations

from docbuild import TABLE_STYLE, Builder
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

# two tables one under the other across a landscape page (225 mm of text width): the project and its budget, then
# the indicators, whose texts need the wide 指标值 and 完成值 columns
BUDGET_COLUMNS = [22, 36, 26, 26, 26, 22, 14, 14, 39]
INDICATOR_COLUMNS = [22, 18, 18, 26, 12, 38, 10, 38, 11, 11, 21]
SOURCES = ["其中：财政资金", "财政专户管理资金", "单位资金", "其他资金"]


def landscape(b: Builder) -> None:
    """The document's only section turned landscape, with the margins of the other landscape tables."""
    section = b.doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(28), Mm(26)
    section.left_margin, section.right_margin = Mm(37), Mm(35)


def project_self_evaluation() -> Builder:
    """The 项目支出绩效自评表 template."""
    b = Builder("项目支出绩效自评表")
    landscape(b)
    b.para("部门预算项目支出绩效自评表", style="表格标题")
    b.para("（{{ year }}年度）", style="表格标题")
    t = b.table(BUDGET_COLUMNS, font_pt=9)
    b.row(t, ["项目名称", "{{ project.name }}"], [1, 8])
    b.row(t, ["主管部门", "{{ department }}", "实施单位\n（盖章）", "{{ implementer }}"], [1, 3, 1, 4])
    basics(b, t)
    budget(b, t)
    t = b.table(INDICATOR_COLUMNS, font_pt=9)
    indicators(b, t)
    for label, value in (("评价结论", "{{ conclusion }}"), ("存在问题", "{{ form.problems or '' }}"), ("改进措施", "{{ form.measures or '' }}")):
        b.row(t, [label, value], [1, 10])
    b.para("项目负责人：{{ form.leader or '' }}\u3000\u3000\u3000\u3000财务负责人：{{ form.finance_leader or '' }}", style=TABLE_STYLE,
           indent=False)
    return b


def basics(b: Builder, t) -> None:
    """项目基本情况: the year's target and what was done, and how the project was carried out."""
    b.row(t, ["项目基本\n情况", "1.项目年度目标完成情况"], [1, 8], vmerge={0: "restart"})
    b.row(t, ["", "项目年度目标", "年度目标完成情况"], [1, 4, 4], vmerge={0: "continue"})
    b.row(t, ["", "{{ project.goal }}", "{{ project.achieved }}"], [1, 4, 4], vmerge={0: "continue"})
    b.row(t, ["", "2.项目实施内容及过程概述"], [1, 8], vmerge={0: "continue"})
    b.row(t, ["", "{{ form.process or '' }}"], [1, 8], vmerge={0: "continue"})


def budget(b: Builder, t) -> None:
    """预算执行情况（10分）: the total, scored, and each source."""
    b.row(t, ["预算执行\n情况\n（10分）", "年度预算数（万元）", "年初预算", "调整后\n预算数", "预算\n执行数", "预算\n执行率", "权重", "得分", "原因"],
          vmerge={0: "restart"})
    total = "pf.funds[0]"
    b.row(t, ["", "总额", f"{{{{ {total}.initial|money }}}}", f"{{{{ {total}.adjusted|money }}}}", f"{{{{ {total}.spent|money }}}}",
              f"{{{{ {total}.rate|pct(2, false) }}}}", "{{ pf.budget_weight|score }}", "{{ pf.budget_score|score }}",
              "{% if pf.adjusted %}{{ form.adjustment_reason or '' }}{% endif %}"
              "{% if pf.funds[0].rate is not none and pf.funds[0].rate < 0.9 %}{{ form.execution_reason or '' }}{% endif %}"],
          vmerge={0: "continue"})
    for i, label in enumerate(SOURCES, 1):
        row = f"pf.funds[{i}]"
        b.row(t, ["", label, f"{{{{ {row}.initial|money }}}}", f"{{{{ {row}.adjusted|money }}}}", f"{{{{ {row}.spent|money }}}}",
                  f"{{{{ {row}.rate|pct(2, false) }}}}", "/", "/", ""], vmerge={0: "continue"})


def indicators(b: Builder, t) -> None:
    """绩效指标（90分）: one row per indicator, then the 合计 of weights and scores."""
    b.row(t, ["绩效指标\n（90分）", "一级指标", "二级指标", "三级指标", "指标\n性质", "指标值", "度量\n单位", "完成值", "权重", "得分", "未完成原因分析"],
          vmerge={0: "restart"})
    b.tag_row(t, "{%tr for r in form_rows %}")
    b.row(t, ["", "{{ r.level1 }}", "{{ r.level2 }}", "{{ r.level3 }}", "{{ r.nature }}", "{{ r.value }}", "{{ r.unit }}", "{{ r.actual }}",
              "{{ r.weight|score }}", "{{ r.score|score }}", "{{ r.reason }}"], vmerge={0: "continue"})
    b.tag_row(t, "{%tr endfor %}")
    b.row(t, ["合计", "{{ pf.weight_total|score }}", "{{ pf.score_total|score }}", ""], [8, 1, 1, 1])
