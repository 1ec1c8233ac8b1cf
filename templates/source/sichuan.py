"""The 四川 layout: 部门决算说明 (seed 004) with its 整体支出绩效评价报告 and 项目绩效评价报告."""
from __future__ import annotations

from docbuild import Builder

from generator.pending import MARK as TO_FILL

SEP = "{{ '；' if not loop.last else '。' }}"
COMMA = "{{ '、' if not loop.last }}"

INCOME_SENTENCE = ("{{ year }}年本年收入合计{{ f.income_total|money }}万元，其中："
                   "{% for p in income_parts %}{{ p.name }}{{ p.amount|money }}万元，占{{ p.share|share }}" + SEP + "{% endfor %}")
SPENDING_SENTENCE = ("{{ year }}年本年支出合计{{ f.expenditure_total|money }}万元，其中："
                     "{% for p in spending_kind %}{{ p.name }}{{ p.amount|money }}万元，占{{ p.share|share }}" + SEP + "{% endfor %}")


def change(key: str, subject: str, reason: str, last: str) -> str:
    """“与上年相比，<subject>增加X万元，增长Y%。” and the clerk's reason, when last year's figure is known; a draft says
    what is to fill (a final document stops at check); never the reason alone."""
    c = f"changes.{key}"
    return (f"{{% if {c}.known %}}与{{{{ prev_year }}}}年相比，{subject}" + moved(c) + f"。{{{{ {reason} or '' }}}}"
            f"{{% elif draft %}}与{{{{ prev_year }}}}年相比，{subject}{TO_FILL.format('{{ prev_year }}年' + last)}。{{{{ {reason} or '' }}}}{{% endif %}}")


def flat(c: str) -> str:
    """The Jinja test that a change is none at all (持平)."""
    return f"{c}.delta|increase_word == '持平'"


def moved(c: str) -> str:
    """“增加X万元，增长Y%” (no rate from a zero), or “持平”."""
    return (f"{{% if {flat(c)} %}}持平{{% else %}}{{{{ {c}.delta|increase_word }}}}{{{{ {c}.delta|abs|money }}}}万元"
            + rate(c) + "{% endif %}")


def than_last(c: str) -> str:
    """“比上年增加X万元，增长Y%”, or “与上年持平”."""
    return "{% if " + flat(c) + " %}与{{ prev_year }}年持平{% else %}比{{ prev_year }}年" + moved(c) + "{% endif %}"


def rate(c: str) -> str:
    """“，增长Y%” after a change's amount; nothing when last year's figure was 0 (no rate to give)."""
    return f"{{% if {c}.rate is not none %}}，{{{{ {c}.delta|growth_word }}}}{{{{ {c}.rate|pct }}}}{{% endif %}}"


def versus(key: str, subject: str, last: str) -> str:
    """“，与上年相比，<subject>增加Y%” when last year's figure is known; a draft says what is to fill."""
    c = f"changes.{key}"
    return (f"{{% if {c}.known %}}，与{{{{ prev_year }}}}年相比，{subject}{{% if {flat(c)} %}}持平{{% else %}}{{{{ {c}.delta|increase_word }}}}"
            f"{{% if {c}.rate is not none %}}{{{{ {c}.rate|pct }}}}{{% else %}}{{{{ {c}.delta|abs|money }}}}万元{{% endif %}}{{% endif %}}"
            f"{{% elif draft %}}，与{{{{ prev_year }}}}年相比，{subject}{TO_FILL.format('{{ prev_year }}年' + last)}{{% endif %}}")


def final_accounts() -> Builder:
    """The 部门决算说明 template."""
    b = Builder("部门决算说明")
    b.cover()
    b.title("{{ unit.name }}", "{{ year }}年度部门决算说明")
    b.page_break()
    b.contents()
    b.page_break()
    part_one(b)
    part_two(b)
    glossary(b)
    annexes(b)
    return b


def part_one(b: Builder) -> None:
    """第一部分 部门概况."""
    b.heading(0, "{{ part() }} 部门概况")
    b.heading(1, "{{ h1() }}基本职能及主要工作")
    b.heading(2, "{{ h2() }}主要职能。")
    b.paragraphs("unit.functions")
    b.heading(2, "{{ h2() }}{{ year }}年重点工作完成情况。")
    b.paragraphs("d.key_work", otherwise="{% if draft %}" + TO_FILL.format("重点工作完成情况（重点工作）") + "{% endif %}")
    b.heading(1, "{{ h1() }}机构设置")
    b.tag("{%p if d.institutions %}")
    b.paragraphs("d.institutions")
    b.tag("{%p elif organization %}")  # from unit.yaml's 内设机构
    b.para("{{ organization }}")
    b.tag("{%p elif d.covered_units %}")
    b.para("纳入{{ unit.name }}{{ year }}年度部门决算编制范围的单位包括：{% for u in d.covered_units %}{{ u.name }}"
           "{{ '、' if not loop.last }}{% endfor %}。")
    b.tag("{%p elif draft %}")  # a final document stops at check
    b.para(TO_FILL.format("机构设置"))
    b.tag("{%p endif %}")


def part_two(b: Builder) -> None:
    """第二部分 决算情况说明, sections 一 to 十."""
    b.heading(0, "{{ part() }} {{ year }}年度部门决算情况说明")
    b.heading(1, "{{ h1() }}收入支出决算总体情况说明")
    b.para("{{ year }}年度总收入{{ f.income_total|money }}万元" + versus("income", "收入", "收入合计") + "；"
           "{{ year }}年度总支出{{ f.expenditure_total|money }}万元" + versus("expenditure", "支出", "支出合计") + "。"
           "{% if changes.income.known or changes.expenditure.known or draft %}{{ d.reasons.total or '' }}{% endif %}")
    b.heading(1, "{{ h1() }}收入决算情况说明")
    b.para(INCOME_SENTENCE)
    b.heading(1, "{{ h1() }}支出决算情况说明")
    b.para(SPENDING_SENTENCE)
    b.heading(1, "{{ h1() }}财政拨款收入支出决算总体情况说明")
    b.para("{{ year }}年财政拨款收、支总计{{ f.fiscal_total|money }}万元。"
           + change("fiscal_total", "财政拨款收、支总计各", "d.reasons.fiscal", "财政拨款收支总计"))
    general_budget(b)
    basic_spending(b)
    three_public(b)
    b.heading(1, "{{ h1() }}政府性基金预算支出决算情况说明")
    b.para("{% if f.fund_spending.get('政府性基金预算') %}{{ year }}年政府性基金预算拨款支出{{ f.fund_spending.get('政府性基金预算')|money }}万元。"
           "{% else %}{{ year }}年无政府性基金预算拨款支出。{% endif %}")
    b.heading(1, "{{ h1() }}国有资本经营预算支出决算情况说明")
    b.para("{% if f.fund_spending.get('国有资本经营预算') %}{{ year }}年国有资本经营预算拨款支出{{ f.fund_spending.get('国有资本经营预算')|money }}万元。"
           "{% else %}{{ year }}年无国有资本经营预算拨款支出。{% endif %}")
    other_matters(b)


def general_budget(b: Builder) -> None:
    """五、一般公共预算财政拨款支出决算情况说明."""
    b.heading(1, "{{ h1() }}一般公共预算财政拨款支出决算情况说明")
    b.heading(2, "{{ h2() }}一般公共预算财政拨款支出决算总体情况")
    b.para("{{ year }}年一般公共预算财政拨款支出{{ f.general_budget|money }}万元，占本年支出合计的{{ f.general_budget_share|pct }}。"
           + change("general_budget", "一般公共预算财政拨款", "d.reasons.general_budget", "一般公共预算财政拨款支出"))
    b.heading(2, "{{ h2() }}一般公共预算财政拨款支出决算结构情况")
    b.para("{{ year }}年一般公共预算财政拨款支出{{ f.general_budget|money }}万元{% if classes %}，主要用于以下方面："
           "{% for c in classes %}{{ c.short }}（类）支出{{ c.amount|money }}万元，占{{ c.share|share }}" + SEP + "{% endfor %}"
           "{% else %}。{% endif %}")
    b.heading(2, "{{ h2() }}一般公共预算财政拨款支出决算具体情况")
    b.para("{{ year }}年一般公共预算支出决算数为{{ f.general_budget|money }}万元"
           "{% if f.general_budget_completion is not none %}，完成预算{{ f.general_budget_completion|pct }}{% endif %}。"
           "{% if classes %}其中：{% endif %}")
    b.tag("{%p for c in classes %}")
    b.para("{{ c.number }}{{ c.short }}：{% for l in c.lines %}{{ l.code }}{{ l.name }}{{ l.spend_word }}决算为{{ l.amount|money }}万元"
           "{% if l.completion is not none %}，完成预算{{ l.completion|pct }}{% endif %}" + SEP + "{% endfor %}")
    b.tag("{%p endfor %}")


def basic_spending(b: Builder) -> None:
    """六、人员经费、公用经费、资本性支出."""
    b.heading(1, "{{ h1() }}一般公共预算财政拨款基本支出决算情况说明")
    b.para("{{ year }}年一般公共预算财政拨款支出{{ f.economic_total|money }}万元，其中：")
    b.para("人员经费{{ d.economic.personnel.amount|money }}万元{% if d.economic.personnel.items %}，主要包括：{{ d.economic.personnel.items|join_cn }}等{% endif %}。")
    b.para("公用经费{{ d.economic.public.amount|money }}万元{% if d.economic.public.items %}，主要包括：{{ d.economic.public.items|join_cn }}等{% endif %}。")
    b.tag("{%p if f.capital_total %}")
    b.para("资本性支出{{ f.capital_total|money }}万元，主要包括：{% for g in d.economic.capital %}{% if g.reason %}{{ g.reason }}，{% endif %}"
           "{% for i in g.items %}{{ i.name }}{{ i.amount|money }}万元" + COMMA + "{% endfor %}" + SEP + "{% endfor %}")
    b.tag("{%p endif %}")


def three_public(b: Builder) -> None:
    """七、“三公”经费财政拨款支出决算情况说明."""
    tp, d = "three_public", "d.three_public"
    b.heading(1, "{{ h1() }}“三公”经费财政拨款支出决算情况说明")
    b.heading(2, "{{ h2() }}“三公”经费财政拨款支出决算总体情况说明")
    b.para("{{ year }}年“三公”经费财政拨款支出决算为{{ f.three_public_total|money }}万元"
           "{% if f.three_public_budget is not none %}，年初预算为{{ f.three_public_budget|money }}万元{% endif %}"
           "{% if f.three_public_completion is not none %}，完成预算{{ f.three_public_completion|pct }}{% endif %}"
           "{% if d.three_public.assessment %}，{{ d.three_public.assessment }}{% endif %}。")
    b.heading(2, "{{ h2() }}“三公”经费财政拨款支出决算具体情况说明")
    share = "{{% if {0}.{1}.share is not none %}}，占{{{{ {0}.{1}.share|share }}}}{{% endif %}}"
    b.para("{{ year }}年“三公”经费财政拨款支出决算中，因公出国（境）费支出决算{{ %s.abroad.amount|money }}万元" % tp + share.format(tp, "abroad")
           + "；公务用车购置及运行维护费支出决算{{ %s.vehicles.amount|money }}万元" % tp + share.format(tp, "vehicles")
           + "；公务接待费支出决算{{ %s.reception.amount|money }}万元" % tp + share.format(tp, "reception") + "。具体情况如下：")
    b.para(f"{{{{ h3() }}}}因公出国（境）经费支出{{{{ {tp}.abroad.amount|money }}}}万元"
           f"{{% if {tp}.abroad.completion is not none %}}，完成预算{{{{ {tp}.abroad.completion|pct }}}}{{% endif %}}。")
    b.para(f"{{{{ h3() }}}}公务用车购置及运行维护费支出{{{{ {tp}.vehicles.amount|money }}}}万元"
           f"{{% if {tp}.vehicles.completion is not none %}}，完成预算{{{{ {tp}.vehicles.completion|pct }}}}{{% endif %}}。")
    b.para(f"其中：{{% if {d}.vehicle_purchase.actual %}}公务用车购置费支出{{{{ {d}.vehicle_purchase.actual|money }}}}万元；{{% endif %}}"
           f"公务用车运行维护费支出{{{{ {d}.vehicle_operation.actual|money }}}}万元。{{{{ {d}.vehicle_operation.purpose|clause }}}}")
    b.para(f"{{{{ h3() }}}}公务接待费支出{{{{ {tp}.reception.amount|money }}}}万元"
           f"{{% if {tp}.reception.completion is not none %}}，完成预算{{{{ {tp}.reception.completion|pct }}}}{{% endif %}}。"
           "{% if changes.reception.known %}公务接待费支出决算" + than_last("changes.reception") + "。"
           f"{{{{ {d}.reception.reason or '' }}}}{{% elif draft %}}公务接待费支出决算比{{{{ prev_year }}}}年"
           + TO_FILL.format("{{ prev_year }}年公务接待费") + f"。{{{{ {d}.reception.reason or '' }}}}{{% endif %}}")
    b.para(f"{{{{ {d}.reception.purpose|clause }}}}国内公务接待{{{{ {d}.reception.batches }}}}批次，{{{{ {d}.reception.persons }}}}人次（不包括陪同人员），"
           f"共计支出{{{{ {tp}.reception.amount|money }}}}万元{{% if {d}.reception.content %}}，具体内容包括：{{{{ {d}.reception.content }}}}{{% endif %}}。")


def other_matters(b: Builder) -> None:
    """十、其他重要事项的情况说明."""
    b.heading(1, "{{ h1() }}其他重要事项的情况说明")
    b.heading(2, "{{ h2() }}机关运行经费支出情况")
    b.para("{{ year }}年，{{ unit.short }}机关运行经费支出{{ f.operating|money }}万元"
           "{% if changes.operating.known %}，" + than_last("changes.operating") + "。{{ d.operating.reason or '' }}"
           "{% elif draft %}，比{{ prev_year }}年" + TO_FILL.format("{{ prev_year }}年机关运行经费") + "。{{ d.operating.reason or '' }}"
           "{% else %}。{% endif %}")
    b.heading(2, "{{ h2() }}政府采购支出情况")
    b.para("{{ year }}年，{{ unit.short }}政府采购支出总额{{ f.procurement_total|money }}万元"
           "{% if procurement %}，其中：{% for p in procurement %}{{ p.name }}{{ p.amount|money }}万元" + COMMA + "{% endfor %}{% endif %}。"
           "{% if d.procurement.note %}主要采购{{ d.procurement.note }}。{% endif %}")
    b.heading(2, "{{ h2() }}国有资产占有使用情况")
    b.para("截至{{ year }}年12月31日，{{ unit.short }}共有车辆{{ f.vehicles_total }}辆"
           "{% if vehicles %}，其中：{% for v in vehicles %}{{ v.kind }}{{ v.count }}辆" + COMMA + "{% endfor %}{% endif %}。")
    performance(b)


def performance(b: Builder) -> None:
    """（四）预算绩效管理情况, with the project tables."""
    b.heading(2, "{{ h2() }}预算绩效管理情况")
    b.para("根据预算绩效管理要求，本单位在年初预算编制阶段，"
           "{% if assessed_projects %}组织对{% for n in assessed_projects %}“{{ n }}”" + COMMA + "{% endfor %}项目开展了预算事前绩效评估，{% endif %}"
           "对{{ targeted_count }}个项目编制了绩效目标，预算执行过程中，选取{{ monitored_count }}个项目开展绩效监控，"
           "年终执行完毕后，对{{ self_evaluated_count }}个项目开展了绩效目标完成情况自评。")
    b.tag("{%p if d.performance.overall %}")
    b.para("本部门按要求对{{ year }}年部门整体支出开展绩效自评，从评价情况来看，{{ d.performance.overall }}")
    b.tag("{%p endif %}")
    b.tag("{%p if d.performance.projects %}")
    b.para("本部门还自行组织了{{ self_evaluated_count }}个项目支出绩效评价，从评价情况来看，{{ d.performance.projects }}")
    b.tag("{%p endif %}")
    b.tag("{%p if projects %}")
    b.heading(3, "{{ h3() }}项目绩效目标完成情况")
    b.para("本部门在{{ year }}年度部门决算中反映{% for p in projects %}“{{ p.name }}”" + COMMA + "{% endfor %}"
           "等{{ projects|length }}个项目绩效目标实际完成情况。")
    b.tag("{%p for p in projects %}")
    b.para(("{{ h4() }}“{{ p.name }}”项目绩效目标完成情况综述。", False),
           "项目全年预算数{{ p.budget_total|money }}万元，执行数为{{ p.spent_total|money }}万元{% if p.completion is not none %}，完成预算的{{ p.completion|pct }}{% endif %}。{{ p.summary }}")
    b.tag("{%p endfor %}")
    project_tables(b)
    b.tag("{%p endif %}")
    b.tag("{%p if overall_annex or project_annexes or project_forms %}")
    b.heading(3, "{{ h3() }}部门绩效评价结果")
    b.tag("{%p if overall_annex %}")
    b.para("本部门按要求对{{ year }}年部门整体支出绩效评价情况开展自评，《{{ unit.short }}{{ year }}年部门整体支出绩效评价报告》见附件（附件{{ overall_annex }}）。")
    b.tag("{%p endif %}")
    b.tag("{%p for a in project_annexes %}")
    b.para("本部门自行组织对“{{ a.name }}”项目开展了绩效评价，《项目{{ year }}年绩效评价报告》见附件（附件{{ a.number }}）。")
    b.tag("{%p endfor %}")
    b.tag("{%p for n in project_forms %}")
    b.para("本部门对“{{ n }}”项目开展了绩效自评，《部门预算项目支出绩效自评表》见附件（附件{{ annexes|length + loop.index }}，另附）。")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")


def project_tables(b: Builder) -> None:
    """One 项目支出绩效目标完成情况表 per project."""
    b.tag("{%p for p in projects %}")
    b.para("项目支出绩效目标完成情况表{{ p.index }}", style="表格标题")
    b.para("（{{ year }}年度）", style="表格标题")
    t = b.table([24, 24, 26, 22, 30, 30])
    b.row(t, ["项目名称", "{{ p.name }}"], [1, 5])
    b.row(t, ["预算单位", "{{ p.budget_unit }}"], [1, 5])
    b.row(t, ["预算执行\n情况（万元）", "预算数：", "{{ p.budget_total|money }}万元", "执行数：", "{{ p.spent_total|money }}万元"], [1, 1, 1, 1, 2], vmerge={0: "restart"})
    b.row(t, ["", "其中：\n财政拨款", "{{ p.budget.fiscal|money }}万元", "其中：\n财政拨款", "{{ p.spent.fiscal|money }}万元"], [1, 1, 1, 1, 2], vmerge={0: "continue"})
    b.row(t, ["", "其他资金", "{{ p.budget.other|money }}万元", "其他资金", "{{ p.spent.other|money }}万元"], [1, 1, 1, 1, 2], vmerge={0: "continue"})
    b.row(t, ["年度目标\n完成情况", "预期目标", "实际完成目标"], [1, 2, 3], vmerge={0: "restart"})
    b.row(t, ["", "{{ p.goal }}", "{{ p.achieved }}"], [1, 2, 3], vmerge={0: "continue"})
    # without 二级/三级指标 their columns go to the values, which would otherwise wrap over many lines
    b.tag_row(t, "{%tr if p.sublevels %}")
    b.row(t, ["绩效指标\n完成情况", "一级指标", "二级指标", "三级指标", "预期指标值\n（包含数字\n及文字描述）",
              "实际完成\n指标值\n（包含数字\n及文字描述）"], vmerge={0: "restart"})
    b.tag_row(t, "{%tr for i in p.indicators %}")
    b.row(t, ["", "{{ i.level1 }}", "{{ i.level2 }}", "{{ i.level3 }}", "{{ i.target }}", "{{ i.actual }}"], vmerge={0: "continue"})
    b.tag_row(t, "{%tr endfor %}")
    b.tag_row(t, "{%tr else %}")
    b.row(t, ["绩效指标\n完成情况", "一级指标", "预期指标值（包含数字\n及文字描述）", "实际完成指标值\n（包含数字及文字描述）"], [1, 1, 2, 2],
          vmerge={0: "restart"})
    b.tag_row(t, "{%tr for i in p.indicators %}")
    b.row(t, ["", "{{ i.level1 }}", "{{ i.target }}", "{{ i.actual }}"], [1, 1, 2, 2], vmerge={0: "continue"})
    b.tag_row(t, "{%tr endfor %}")
    b.tag_row(t, "{%tr endif %}")
    b.blank()
    b.tag("{%p endfor %}")


def glossary(b: Builder) -> None:
    """第三部分 名词解释."""
    b.heading(0, "{{ part() }} 名词解释")
    b.tag("{%p for g in glossary %}")
    b.para("{{ g.number }}{% if g.term %}{{ g.term }}：{% endif %}{{ g.text }}")
    b.tag("{%p endfor %}")


def annexes(b: Builder) -> None:
    """第四部分 附件: each annex document inserted whole."""
    b.tag("{%p if annexes %}")
    b.page_break()
    b.heading(0, "{{ part() }} 附件")
    b.tag("{%p for a in annexes %}")
    b.tag("{%p if not loop.first %}")
    b.page_break()
    b.tag("{%p endif %}")
    b.para("附件{{ a.number }}", indent=False)
    b.para("{{p subdocs[a.key] }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")


def overall_evaluation() -> Builder:
    """The 部门整体支出绩效评价报告 (附件1 of seed 004)."""
    b = Builder("部门整体支出绩效评价报告")
    b.title("{{ unit.name }}", "{{ year }}年部门整体支出绩效评价报告")
    b.blank()
    b.heading(1, "{{ h1() }}部门（单位）概况")
    b.heading(2, "{{ h2() }}机构组成")
    b.para("{{ ev.organization }}")
    b.heading(2, "{{ h2() }}机构职能")
    b.paragraphs("unit.functions")
    b.heading(2, "{{ h2() }}人员概况")
    b.para("{% if unit.nature %}我单位属{{ unit.nature }}，{% endif %}编制总人数共{{ staffing.total }}人。"
           "{% if staffing.parts %}其中：{% for s in staffing.parts %}{{ s.name }}{{ s.count }}人" + COMMA + "{% endfor %}，{% endif %}"
           "实有在职人数为{{ d.staff }}人。")
    b.heading(1, "{{ h1() }}部门财政资金收支情况")
    b.heading(2, "{{ h2() }}部门财政资金收入情况")
    b.para(INCOME_SENTENCE)
    b.heading(2, "{{ h2() }}部门财政资金支出情况")
    b.para(SPENDING_SENTENCE)
    b.heading(1, "{{ h1() }}部门整体预算绩效管理情况")
    for title, field in (("部门预算管理", "budget_management"), ("专项预算管理", "special_management"), ("结果应用情况", "result_use")):
        b.heading(2, "{{ h2() }}" + title)
        b.para("{{ ev.%s }}" % field)
    b.heading(1, "{{ h1() }}评价结论及建议")
    for title, field in (("评价结论", "conclusion"), ("存在问题", "problems"), ("改进建议", "suggestions")):
        b.heading(2, "{{ h2() }}" + title)
        b.para("{{ ev.%s }}" % field)
    return b


def project_report() -> Builder:
    """A 项目支出绩效评价报告 (附件2 of seed 004) from a narrative outline."""
    b = Builder("项目支出绩效评价报告")
    b.title("{{ report.title }}", "{{ year }}年绩效评价报告")
    b.blank()
    b.tag("{%p for s in blocks %}")
    b.tag("{%p if s.kind == 'heading' and s.level == 1 %}")
    b.heading(1, "{{ s.number }}{{ s.text }}")
    b.tag("{%p elif s.kind == 'heading' and s.level == 2 %}")
    b.heading(2, "{{ s.number }}{{ s.text }}")
    b.tag("{%p elif s.kind == 'heading' %}")
    b.heading(3, "{{ s.number }}{{ s.text }}")
    b.tag("{%p else %}")
    b.para(("{{ s.lead }}", True), "{{ s.text }}")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    return b
