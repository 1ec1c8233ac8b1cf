"""The 福建 layout: a 部门决算说明 in twelve sections (平潭岚城乡 2017), its tables published apart as workbooks."""
from __future__ import annotations

from docbuild import Builder
from docx.enum.text import WD_ALIGN_PARAGRAPH

from generator.pending import MARK as TO_FILL

SEP = "{{ '；' if not loop.last else '。' }}"
COMMA = "{{ '、' if not loop.last }}"
NATURE = "{{% if {0} %}}{{{{ {0} }}}}{{% elif draft %}}" + TO_FILL.format("经费性质") + "{{% endif %}}"  # 决算单位表's cell
# The ten tables a 福建 unit publishes beside the text (as workbooks), listed after the glossary.
TABLES = ["收支决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
          "一般公共预算财政拨款支出决算明细表", "一般公共预算财政拨款基本支出决算表", "政府性基金预算财政拨款收入支出决算表",
          "部门决算相关信息统计表", "政府采购情况表"]
# Income sources in the order the layout lists them (国有资本经营 only when there is some).
INCOME_ORDER = "['general_budget', 'government_fund', 'state_capital', 'business', 'operating', 'higher_subsidy', 'affiliated', 'other']"
VEHICLE_KINDS = "['一般公务用车', '一般执法执勤用车', '特种专业技术用车', '其他用车']"


def against(c: str, subject: str = "", word: str = "决算数", verb: str = "较") -> str:
    """“较上年决算数增加X万元，增长Y%” (no rate from a zero), “与上年持平”; a draft says what is to fill."""
    return (f"{{% if {c}.known %}}{{% if {c}.delta|increase_word == '持平' %}}与{{{{ prev_year }}}}年{word}持平"
            f"{{% else %}}{verb}{{{{ prev_year }}}}年{word}{{{{ {c}.delta|increase_word }}}}{{{{ {c}.delta|magnitude }}}}万元"
            f"{{% if {c}.rate is not none %}}，{{{{ {c}.delta|growth_word }}}}{{{{ {c}.rate|pct }}}}{{% endif %}}{{% endif %}}"
            f"{{% elif draft %}}{verb}{{{{ prev_year }}}}年{word}{TO_FILL.format(f'{{{{ prev_year }}}}年{subject}')}{{% endif %}}")


def reason(text: str, lead: str = "主要原因是") -> str:
    """The clerk's reason after the template's words, without doubled marks."""
    return f"{{% if {text} %}}{{{{ {text}|clause('{lead}') }}}}{{% endif %}}"


def final_accounts() -> Builder:
    """The 部门决算说明 template."""
    b = Builder("部门决算说明")
    b.title("{{ year }}年度{{ unit.name }}", "部门决算说明")
    b.contents()
    b.page_break()
    b.title("{{ year }}年度{{ unit.name }}", "部门决算说明")
    b.para("{% if d.publication.approval %}按照《{{ d.publication.approval }}》{% if d.publication.number %}（{{ d.publication.number }}）"
           "{% endif %}的通知精神，{% elif draft %}按照《" + TO_FILL.format("批复文件和文号") + "》的通知精神，{% endif %}"
           "现将我单位{{ year }}年度部门决算说明如下：")
    overview(b)
    totals(b)
    by_code(b)
    basic_and_three_public(b)
    other_matters(b)
    glossary(b)
    return b


def overview(b: Builder) -> None:
    """一 主要职责, 二 决算单位, 三 主要工作任务."""
    b.heading(1, "{{ h1() }}{{ unit.short }}主要职责")
    b.para("{{ unit.short }}的主要职责是：")
    b.paragraphs("unit.functions")
    b.heading(1, "{{ h1() }}部门决算单位基本情况")
    b.para("列入{{ year }}年部门决算编制范围的单位详细情况见下表：")
    t = b.table([60, 36, 32, 32])
    b.row(t, ["单位名称", "经费性质", "人员编制数", "在职人数"], bold=True)
    b.tag_row(t, "{%tr for u in d.covered_units %}")
    b.row(t, ["{{ u.name }}", NATURE.format("u.nature"), "{{ u.posts|count }}", "{{ u.staff|count }}"])
    b.tag_row(t, "{%tr else %}")
    b.row(t, ["{{ unit.name }}", NATURE.format("unit.nature"), "{{ staffing.total }}", "{{ d.staff|count }}"])
    b.tag_row(t, "{%tr endfor %}")
    b.heading(1, "{{ h1() }}部门主要工作任务")
    b.paragraphs("d.key_work", otherwise="{% if draft %}" + TO_FILL.format("部门主要工作任务（重点工作）") + "{% endif %}")


def totals(b: Builder) -> None:
    """四 收支总体情况: the balance sentence, then income and spending item by item."""
    b.heading(1, "{{ h1() }}{{ year }}年决算收支总体情况")
    b.para("{{ year }}年{{ unit.short }}年初结转和结余{{ d.carryover|money }}万元，本年收入{{ f.income_total|money }}万元，"
           "本年支出{{ f.expenditure_total|money }}万元，事业基金弥补收支差额{{ d.surplus_used|money }}万元，"
           "结余分配{{ d.surplus_distributed|money }}万元，年末结转和结余{{ end_carryover|money }}万元。")
    b.para("（一）{{ year }}年本年收入{{ f.income_total|amount }}万元，" + against("changes.income", "本年收入", verb="比") + "，具体情况如下：")
    b.tag("{%p for k in " + INCOME_ORDER + " if k != 'state_capital' or (income_sources|selectattr('key', 'equalto', k)|first).amount %}")
    b.para("{% set s = income_sources|selectattr('key', 'equalto', k)|first %}"
           "{{ loop.index }}. {{ '公共预算财政拨款收入' if k == 'general_budget' else s.name }}{{ s.amount|amount }}万元。")
    b.tag("{%p endfor %}")
    b.para("（二）{{ year }}年本年支出{{ f.expenditure_total|amount }}万元，" + against("changes.expenditure", "本年支出", verb="比") + "，具体情况如下：")
    b.para("1. 基本支出{{ spending_total.basic|amount }}万元。{% if d.economic %}其中，人员支出{{ d.economic.personnel.amount|amount }}万元，"
           "公用支出{{ d.economic.public.amount|amount }}万元。{% endif %}")
    b.para("2. 项目支出{{ spending_total.project|amount }}万元。")
    b.para("3. 上缴上级支出{{ spending_total.remitted|amount }}万元。")
    b.para("4. 经营支出{{ spending_total.operating|amount }}万元。")
    b.para("5. 对附属单位补助支出{{ spending_total.affiliated|amount }}万元。")


LINE_PARTS = ("{% if l.personnel or l.public or (l.project and l.basic) %}（其中："
              "{% if l.personnel %}人员经费{{ l.personnel|amount }}万元{% endif %}"
              "{% if l.public %}{% if l.personnel %}，{% endif %}日常公用经费{{ l.public|amount }}万元{% endif %}"
              "{% if l.project and l.basic %}{% if l.personnel or l.public %}，{% endif %}项目支出{{ l.project|amount }}万元{% endif %}）{% endif %}")


def line(spend: str) -> str:
    """One 项: “（一）2010301一般公共服务支出（类）…（项）拨款支出X万元（其中…），较上年决算数增加…。主要原因是…。”"""
    return ("（{{ loop.index|cn }}）{{ l.code }}{{ l.path }}" + spend + "{{ l.actual|amount }}万元" + LINE_PARTS
            + "{% if l.purpose %}，{{ l.purpose|clause('主要用于') }}{% else %}，{% endif %}"
            + against("l.change", "{{ l.code }}决算数") + "。" + reason("l.change_reason"))


def by_code(b: Builder) -> None:
    """五 公共财政拨款支出, 六 政府性基金支出: each 项 with its change against last year."""
    b.heading(1, "{{ h1() }}公共财政拨款支出决算情况")
    b.para("{{ year }}年公共财政拨款支出{{ f.general_budget|amount }}万元，" + against("changes.general_budget", "公共财政拨款支出", verb="比")
           + "，具体情况如下（按项级科目分类统计）：")
    b.tag("{%p for l in item_lines %}")
    b.para(line("拨款支出"))
    b.tag("{%p endfor %}")
    b.heading(1, "{{ h1() }}政府性基金支出决算情况")
    fund = "changes.government_fund"
    b.tag("{%p if gov_fund_lines %}")
    b.para("{{ year }}年度政府性基金支出{{ f.fund_spending.get('政府性基金预算')|amount }}万元，"
           f"{{% if {fund}.known %}}{{% if {fund}.delta|increase_word == '持平' %}}与{{{{ prev_year }}}}年持平"
           f"{{% else %}}比{{{{ prev_year }}}}年{{{{ '增支' if {fund}.delta > 0 else '减支' }}}}{{{{ {fund}.delta|magnitude }}}}万元"
           f"{{% if {fund}.rate is not none %}}，{{{{ {fund}.delta|growth_word }}}}{{{{ {fund}.rate|pct }}}}{{% endif %}}{{% endif %}}。"
           f"{{% elif draft %}}比{{{{ prev_year }}}}年{TO_FILL.format('{{ prev_year }}年政府性基金支出')}。{{% endif %}}"
           + reason("d.reasons.government_fund") + "具体情况如下（按项级科目分类统计）：")
    b.tag("{%p for l in gov_fund_lines %}")
    b.para(line(""))
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.para("{{ year }}年度无政府性基金支出。")
    b.tag("{%p endif %}")


def basic_and_three_public(b: Builder) -> None:
    """七 基本支出, 八 “三公”经费."""
    b.heading(1, "{{ h1() }}一般公共预算财政拨款基本支出决算情况")
    b.para("{{ year }}年度一般公共预算财政拨款基本支出{{ f.economic_total|amount }}万元，其中：")
    b.tag("{%p if d.economic %}")
    b.para("（一）人员经费{{ d.economic.personnel.amount|amount }}万元{% if d.economic.personnel.items %}，主要包括：{{ d.economic.personnel.items|join_cn }}{% endif %}。")
    b.para("（二）公用经费{{ d.economic.public.amount|amount }}万元{% if d.economic.public.items %}，主要包括：{{ d.economic.public.items|join_cn }}{% endif %}。")
    b.tag("{%p endif %}")
    facts, figs = "d.three_public", "tp"
    b.heading(1, "{{ h1() }}“三公”经费公共财政拨款支出决算情况")
    b.para("{{ year }}年“三公”经费公共财政拨款支出{{ tp.total|amount }}万元，" + against("tp.change", "“三公”经费", "决算")
           + "。具体情况如下：")
    b.para(f"（一）因公出国（境）费{{{{ {facts}.abroad.actual|amount }}}}万元。{{{{ year }}}}年本单位组织出国团组{{{{ {facts}.abroad.groups }}}}个，"
           f"参加其他单位出国团组{{{{ {facts}.abroad.joined }}}}个；全年因公出国（境）累计{{{{ {facts}.abroad.persons }}}}人次。"
           f"{{% if {figs}.abroad_change.known and {figs}.abroad_change.delta|increase_word != '持平' %}}与{{{{ prev_year }}}}年相比，"
           + moved(f"{figs}.abroad_change") + f"。{{% endif %}}{{{{ {facts}.abroad.reason|clause }}}}")
    b.para(f"（二）公务用车购置及运行费{{{{ {figs}.vehicles|amount }}}}万元。其中：公务用车购置费{{{{ {facts}.vehicle_purchase.actual|amount }}}}万元，"
           f"{{{{ year }}}}年公务用车购置{{{{ {facts}.vehicle_purchase.count }}}}辆。公务用车运行费{{{{ {facts}.vehicle_operation.actual|amount }}}}万元，"
           f"{{% if {facts}.vehicle_operation.purpose %}}{{{{ {facts}.vehicle_operation.purpose|clause('主要用于', '，') }}}}{{% endif %}}"
           "年末公务用车保有量{{ f.vehicles_total }}辆。" + versus(f"{figs}.vehicles_change", "公务用车购置及运行费", f"{facts}.vehicle_reason"))
    b.para(f"（三）公务接待费{{{{ {facts}.reception.actual|amount }}}}万元。累计接待{{{{ {facts}.reception.batches }}}}批次、"
           f"接待总人数{{{{ {facts}.reception.persons }}}}人次。" + versus(f"{figs}.reception_change", "", f"{facts}.reception.reason"))


def moved(c: str) -> str:
    """“增长X%”, “下降X%”, or “增加X万元” when there is no rate (from a zero): 增长/下降 for rates, 增加/减少 for amounts."""
    return (f"{{% if {c}.rate is not none %}}{{{{ {c}.delta|growth_word }}}}{{{{ {c}.rate|pct }}}}"
            f"{{% else %}}{{{{ {c}.delta|increase_word }}}}{{{{ {c}.delta|magnitude }}}}万元{{% endif %}}")


def versus(c: str, subject: str, why: str) -> str:
    """“与上年相比，<subject>增长X%，主要原因是…。” or “与上年持平，…”, when last year's figure is known."""
    return (f"{{% if {c}.known %}}{{% if {c}.delta|increase_word == '持平' %}}与{{{{ prev_year }}}}年{subject}持平"
            f"{{% else %}}与{{{{ prev_year }}}}年相比，{subject}" + moved(c) + "{% endif %}"
            f"{{% if {why} %}}，{{{{ {why}|clause('主要原因是') }}}}{{% else %}}。{{% endif %}}{{% endif %}}")


def other_matters(b: Builder) -> None:
    """九 机关运行经费, 十 项目绩效, 十一 政府采购和国有资产."""
    b.heading(1, "{{ h1() }}机关运行经费支出情况")
    b.para("{{ year }}年机关运行经费支出{{ f.operating|amount }}万元，{% if d.operating.purpose %}{{ d.operating.purpose|clause('主要用于') }}{% endif %}"
           + against("changes.operating", "机关运行经费") + "。" + reason("d.operating.reason"))
    b.heading(1, "{{ h1() }}项目绩效自评报告")
    b.tag("{%p for p in projects %}")
    b.para("{{ loop.index }}. “{{ p.name }}”项目全年预算数{{ p.budget_total|amount }}万元，执行数{{ p.spent_total|amount }}万元"
           "{% if p.completion is not none %}，完成预算的{{ p.completion|pct }}{% endif %}。{{ p.summary or '' }}")
    b.tag("{%p else %}")
    b.para("本部门{{ year }}年无主要民生项目和重点支出项目。")
    b.tag("{%p endfor %}")
    b.heading(1, "{{ h1() }}政府采购支出、国有资产占用情况说明")
    b.heading(2, "（一）政府采购支出情况")
    b.para("{{ year }}年本部门政府采购支出总额{{ f.procurement_total|amount }}万元"
           "{% if procurement %}。其中：{% for p in procurement %}{{ p.name }}{{ p.amount|amount }}万元，占政府采购支出总额的{{ p.share|share }}"
           + SEP + "{% endfor %}{% else %}。本部门{{ year }}年度均无政府采购支出数。{% endif %}")
    b.heading(2, "（二）国有资产占用情况")
    b.para("{{ year }}年末，本部门共有车辆{{ f.vehicles_total }}辆{% if d.assets.vehicles is not none %}，其中："
           "{% for k in " + VEHICLE_KINDS + " %}{{ k }}{{ d.assets.vehicles.get(k, 0) }}辆{{ '、' if not loop.last }}{% endfor %}"
           "{% for v in vehicles if v.kind not in " + VEHICLE_KINDS + " %}、{{ v.kind }}{{ v.count }}辆{% endfor %}{% endif %}；"
           "单位价值50万元以上通用设备{{ d.assets.equipment_50|count if d.assets.equipment_50 is not none else 0 }}台（套）；"
           "单位价值100万元以上专用设备{{ d.assets.large_equipment|count if d.assets.large_equipment is not none else 0 }}台（套）。")


def glossary(b: Builder) -> None:
    """十二 名词解释, the tables published beside the text, and the signature."""
    b.heading(1, "{{ h1() }}名词解释")
    b.tag("{%p for g in glossary %}")
    b.para("（{{ loop.index|cn }}）{% if g.term %}{{ g.term }}：{% endif %}{{ g.text }}")
    b.tag("{%p endfor %}")
    b.para("附表：")
    for i, name in enumerate(TABLES, 1):
        b.para(f"{i}、{name}")
    b.blank()
    b.para("{{ unit.name }}", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False).paragraph_format.keep_with_next = True
    b.tag("{%p if d.publication.date %}")
    b.para("{{ d.publication.date }}", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    b.tag("{%p elif draft %}")
    b.para(TO_FILL.format("日期"), align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    b.tag("{%p endif %}")
