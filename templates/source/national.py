"""The national layout (2024 部门决算 template): 概况, the nine 决算表, 情况说明 一 to 十一, 名词解释."""
from __future__ import annotations

from docbuild import TABLE_STYLE, Builder
from docx.enum.text import WD_ALIGN_PARAGRAPH

from generator.excel.shapes import NOTES
from generator.pending import MARK as TO_FILL
from generator.figures.columns import FundColumns, GeneralColumns, IncomeColumns, SpendingColumns

M = "|cell"
SEP = "{{ '；' if not loop.last else '。' }}"
COMMA = "{{ '、' if not loop.last }}"


def change(c: str, subject: str) -> str:
    """“与上年度相比，<subject>增加（减少）X万元，增长（下降）Y%。”, “<subject>与上年度持平。”; without last year's figure a
    draft says what is to fill (a final document cannot be made: check reports it)."""
    return (f"{{% if {c}.known %}}{{% if {c}.delta|increase_word == '持平' %}}{subject}与{{{{ prev_year }}}}年度持平。"
            f"{{% else %}}与{{{{ prev_year }}}}年度相比，{subject}{{{{ {c}.delta|increase_word }}}}{{{{ {c}.delta|magnitude }}}}万元"
            f"{{% if {c}.rate is not none %}}，{{{{ {c}.delta|growth_word }}}}{{{{ {c}.rate|pct }}}}{{% endif %}}。{{% endif %}}"
            f"{{% elif draft %}}与{{{{ prev_year }}}}年度相比，{subject}{TO_FILL.format(f'{{{{ prev_year }}}}年度{subject}')}。{{% endif %}}")


def parts(items: str, total: str, subject: str, tail: str = "") -> str:
    """“<subject>X万元，其中：A Y万元，占Z%；…。”, without a dangling 其中 when nothing is in it."""
    return (f"{subject}{{{{ {total}|amount }}}}万元{{% if {items} %}}，其中：{{% for p in {items} %}}{{{{ p.name }}}}{tail}"
            "{{ p.amount|amount }}万元，占{{ p.share|share }}" + SEP + "{% endfor %}{% else %}。{% endif %}")


def reason(text: str, lead: str = "主要原因：") -> str:
    """The clerk's reason after the template's words, joined without doubled marks."""
    return f"{{{{ {text}|clause('{lead}') }}}}"


def table_title(b: Builder, title: str, note: str, missing_key: str | None = None) -> None:
    """A table's numbered heading and its unit line."""
    b.heading(1, "{{ h1() }}" + title)
    b.para("单位：万元", style=TABLE_STYLE, align=WD_ALIGN_PARAGRAPH.RIGHT)


def table_note(b: Builder, note: str, number: str) -> None:
    """The note under a table, and the facts it lacks for this unit."""
    b.para(note, style=TABLE_STYLE)
    b.tag(f"{{%p if missing_tables.get('{number}') %}}")
    b.para(f"说明：本表所需数据{{{{ missing_tables.get('{number}') }}}}，未能列出明细。", style=TABLE_STYLE)
    b.tag("{%p endif %}")


def code_table(b: Builder, widths, headers, rows: str, columns: tuple[str, ...], total_first: bool, total: str) -> None:
    """A table of 类/款/项 rows with a 合计 row (first or last), its value columns by name; a value column without a
    sub-heading spans both heading rows, as the official template draws it."""
    t = b.table(widths, font_pt=9)
    first, spans, second = headers
    starts = [sum(spans[:i]) for i in range(len(spans))]
    alone = {start for text, span, start in zip(first, spans, starts) if span == 1 and start >= 2}
    b.row(t, first, spans, vmerge=dict.fromkeys(alone, "restart"))
    b.row(t, second, vmerge=dict.fromkeys(alone, "continue"))
    if total_first:
        b.row(t, ["合计"] + [f"{{{{ {total}.{c}{M} }}}}" for c in columns], [2] + [1] * len(columns), bold=True)
    b.tag_row(t, f"{{%tr for r in {rows} %}}")
    b.row(t, ["{{ r.code }}", "{{ r.name }}"] + [f"{{{{ r.v.{c}{M} }}}}" for c in columns])
    b.tag_row(t, "{%tr endfor %}")
    if not total_first:
        b.row(t, ["合计"] + [f"{{{{ {total}.{c}{M} }}}}" for c in columns], [2] + [1] * len(columns), bold=True)


def report() -> Builder:
    """The national-layout 部门决算."""
    b = Builder("部门决算")
    b.cover()
    b.title("{{ unit.name }}", "{{ year }}年度部门决算")
    b.page_break()
    b.contents()
    b.page_break()
    part_one(b)
    b.page_break()
    b.heading(0, "{{ part() }} {{ unit.name }}{{ year }}年度部门决算表")
    tables_one(b)
    b.landscape()
    tables_two(b)
    b.portrait()
    tables_three(b)
    b.landscape()
    tables_four(b)
    b.portrait()
    part_three(b)
    glossary(b)
    return b


def part_one(b: Builder) -> None:
    """第一部分 概况."""
    b.heading(0, "{{ part() }} {{ unit.name }}概况")
    b.heading(1, "{{ h1() }}主要职能")
    b.tag("{%p for t in unit.functions %}")
    b.para("{{ t }}")
    b.tag("{%p endfor %}")
    # the template: “仅有一个单位的部门，本部分内容为‘机构设置’”; a list of one unit stays when nothing else says it
    b.tag("{%p if covered|length > 1 or (covered and not institutions_known) %}")
    b.heading(1, "{{ h1() }}部门决算单位构成")
    b.tag("{%p if covered|length > 1 %}")
    b.para("从预算单位构成看，{{ unit.name }}部门决算包括：{{ unit.name }}本级决算、下属行政事业单位决算。")
    b.tag("{%p endif %}")
    b.para("纳入{{ unit.name }}{{ year }}年度部门决算编制范围的单位包括：")
    t = b.table([20, 90, 46], font_pt=12)
    b.row(t, ["序号", "单位名称", "备注"], bold=True)
    b.tag_row(t, "{%tr for u in covered %}")
    b.row(t, ["{{ u.number }}", "{{ u.name }}", "{{ u.note }}"])
    b.tag_row(t, "{%tr endfor %}")
    b.tag("{%p else %}")
    b.heading(1, "{{ h1() }}机构设置")
    b.tag("{%p if d.institutions %}")
    b.tag("{%p for t in d.institutions %}")
    b.para("{{ t }}")
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.para("{{ organization }}")
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")


def tables_one(b: Builder) -> None:
    """一、收入支出决算总表 (portrait)."""
    table_title(b, "收入支出决算总表", "")
    t = b.table([58, 20, 58, 20], font_pt=9)
    b.row(t, ["收入", "支出"], [2, 2], bold=True)
    b.row(t, ["项目", "决算数", "项目", "决算数"], bold=True)
    b.tag_row(t, "{%tr for r in class_rows %}")
    b.row(t, ["{{ sources[loop.index0].name if loop.index0 < sources|length else '' }}",
              "{{ sources[loop.index0].amount|cell if loop.index0 < sources|length else '' }}",
              "{{ r.label }}", "{{ r.amount|cell }}"])
    b.tag_row(t, "{%tr endfor %}")
    b.row(t, ["本年收入合计", "{{ t.income_total|money }}", "本年支出合计", "{{ t.spending_total|money }}"], bold=True)
    b.row(t, ["使用非财政拨款结余", "{{ t.surplus_used|cell }}", "结余分配", "{{ t.surplus_distributed|cell }}"])
    b.row(t, ["年初结转和结余", "{{ t.carryover|cell }}", "年末结转和结余", "{{ t.end_carryover|cell }}"])
    b.row(t, ["总计", "{{ t.grand_total|money }}", "总计", "{{ t.grand_total|money }}"], bold=True)
    table_note(b, NOTES["总表"], "一")


def tables_two(b: Builder) -> None:
    """二、收入决算表; 三、支出决算表; 四、财政拨款收入支出决算总表 (landscape)."""
    table_title(b, "收入决算表", "")
    code_table(b, [22, 52, 22, 22, 22, 21, 21, 22, 21], (
        ["项目", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位\n上缴收入", "其他收入"], [2, 1, 1, 1, 1, 1, 1, 1],
        ["功能分类\n科目编码", "科目名称", "", "", "", "", "", "", ""]), "income_rows", IncomeColumns._fields, True, "income_total")
    table_note(b, NOTES["收入"], "二")
    b.page_break()
    table_title(b, "支出决算表", "")
    code_table(b, [22, 58, 24, 24, 24, 24, 24, 25], (
        ["项目", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位\n补助支出"], [2, 1, 1, 1, 1, 1, 1],
        ["功能分类\n科目编码", "科目名称", "", "", "", "", "", ""]), "spending_rows", SpendingColumns._fields, True, "spending_total")
    table_note(b, NOTES["支出"], "三")
    b.page_break()
    table_title(b, "财政拨款收入支出决算总表", "")
    t = b.table([50, 22, 50, 22, 27, 27, 27], font_pt=9)
    b.row(t, ["收入", "支出"], [2, 5], bold=True)
    b.row(t, ["项目", "决算数", "项目", "合计", "一般公共预算\n财政拨款", "政府性基金\n预算财政拨款", "国有资本经营\n预算财政拨款"], bold=True)
    b.tag_row(t, "{%tr for r in class_rows %}")
    b.row(t, ["{{ fund_rows[loop.index0].name if loop.index0 < 3 else '' }}",
              "{{ fund_rows[loop.index0].income|cell if loop.index0 < 3 else '' }}", "{{ r.label }}",
              "{{ r.fiscal.total|cell }}", "{{ r.fiscal.general|cell }}", "{{ r.fiscal.gov_fund|cell }}", "{{ r.fiscal.capital|cell }}"])
    b.tag_row(t, "{%tr endfor %}")
    b.row(t, ["本年收入合计", "{{ fiscal_income_total|money }}", "本年支出合计", "{{ fiscal_spending_total|money }}",
              "{{ fiscal_totals[0]|cell }}", "{{ fiscal_totals[1]|cell }}", "{{ fiscal_totals[2]|cell }}"], bold=True)
    b.row(t, ["年初财政拨款结转和结余", "{{ fiscal_start_total|cell }}", "年末财政拨款结转和结余",
              "{{ fiscal_end_total|cell }}", "{{ fund_rows[0].end|cell }}", "{{ fund_rows[1].end|cell }}", "{{ fund_rows[2].end|cell }}"])
    b.tag_row(t, "{%tr for r in fund_rows %}")
    b.row(t, ["{{ r.name }}", "{{ r.start|cell }}", "", "", "", "", ""])
    b.tag_row(t, "{%tr endfor %}")
    b.row(t, ["总计", "{{ fiscal_grand|money }}", "总计", "{{ fiscal_grand|money }}", "{{ fund_grand[0]|cell }}", "{{ fund_grand[1]|cell }}",
              "{{ fund_grand[2]|cell }}"], bold=True)
    table_note(b, NOTES["财政拨款总表"], "四")


def tables_three(b: Builder) -> None:
    """五、一般公共预算财政拨款支出决算表; 六、基本支出决算表 (portrait)."""
    table_title(b, "一般公共预算财政拨款支出决算表", "")
    code_table(b, [24, 62, 24, 23, 23], (["项目", "合计", "基本支出", "项目支出"], [2, 1, 1, 1],
                                          ["功能分类\n科目编码", "科目名称", "", "", ""]), "general_rows", GeneralColumns._fields, False, "general_total")
    table_note(b, NOTES["一般公共预算支出"], "五")
    b.page_break()
    table_title(b, "一般公共预算财政拨款基本支出决算表", "")
    t = b.table([18, 42, 18, 18, 42, 18], font_pt=9, line_pt=11.5)
    b.row(t, ["经济分类\n科目编码", "科目名称", "决算数", "经济分类\n科目编码", "科目名称", "决算数"], bold=True)
    b.tag_row(t, "{%tr for r in economic_rows %}")
    b.row(t, ["{{ r.l.code }}", "{{ r.l.name }}", "{{ r.l.amount|money }}", "{{ r.r.code }}", "{{ r.r.name }}", "{{ r.r.amount|money }}"])
    b.tag_row(t, "{%tr endfor %}")
    b.row(t, ["人员经费合计", "{{ personnel|money }}", "公用经费合计", "{{ public|money }}"], [2, 1, 2, 1], bold=True)
    table_note(b, NOTES["基本支出"], "六")


def tables_four(b: Builder) -> None:
    """七、三公; 八、政府性基金; 九、国有资本经营 (landscape)."""
    table_title(b, "财政拨款“三公”经费支出决算表", "")
    t = b.table([18.75] * 12, font_pt=10.5)
    b.row(t, ["财政拨款“三公”经费"], [12], bold=True)
    b.row(t, ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"], [2, 2, 6, 2], bold=True,
          vmerge={0: "restart", 2: "restart", 10: "restart"})
    b.row(t, ["", "", "小计", "公务用车购置费", "公务用车运行维护费", ""], [2, 2, 2, 2, 2, 2], bold=True,
          vmerge={0: "continue", 2: "continue", 10: "continue"})
    b.row(t, ["预算数", "决算数"] * 6, bold=True)
    tp = "d.three_public"
    b.row(t, ["{{ tp.budget|cell }}", "{{ tp.total|cell }}", f"{{{{ {tp}.abroad.budget|cell }}}}", f"{{{{ {tp}.abroad.actual|cell }}}}",
              "{{ tp.vehicles_budget|cell }}", "{{ tp.vehicles|cell }}", f"{{{{ {tp}.vehicle_purchase.budget|cell }}}}",
              f"{{{{ {tp}.vehicle_purchase.actual|cell }}}}", f"{{{{ {tp}.vehicle_operation.budget|cell }}}}",
              f"{{{{ {tp}.vehicle_operation.actual|cell }}}}", f"{{{{ {tp}.reception.budget|cell }}}}", f"{{{{ {tp}.reception.actual|cell }}}}"])
    table_note(b, NOTES["三公"], "七")
    b.tag("{%p if not tp.total and not tp.budget %}")
    b.para("说明：{{ unit.name }}本年度没有财政拨款“三公”经费支出，故本表无数据。", style=TABLE_STYLE)
    b.tag("{%p endif %}")
    for name, rows, fund, key in (("政府性基金预算财政拨款收入支出决算表", "gov_fund_rows", "政府性基金预算", "政府性基金"),
                                  ("国有资本经营预算财政拨款收入支出决算表", "capital_rows", "国有资本经营预算", "国有资本经营")):
        b.page_break()
        table_title(b, name, "")
        code_table(b, [22, 58, 24, 24, 24, 24, 24, 25], (
            ["项目", "年初结转和结余", "本年收入", "本年支出", "年末结转和结余"], [2, 1, 1, 3, 1],
            ["功能分类\n科目编码", "科目名称", "", "", "合计", "基本支出", "项目支出", ""]), rows, FundColumns._fields, True, f"{rows}_total")
        b.para(NOTES[key], style=TABLE_STYLE)
        b.tag(f"{{%p if not {rows} %}}")
        b.para(f"说明：{{{{ unit.name }}}}本年度没有{fund}财政拨款收入和支出，故本表无数据。", style=TABLE_STYLE)
        b.tag("{%p endif %}")


def part_three(b: Builder) -> None:
    """第三部分 情况说明 一 to 十一 (it starts a new section, so on a new page)."""
    b.heading(0, "{{ part() }} {{ unit.name }}{{ year }}年度部门决算情况说明")
    b.heading(1, "{{ h1() }}收入支出决算总体情况说明")
    b.para("{{ unit.name }}{{ year }}年度收入支出总计{{ t.grand_total|amount }}万元。" + change("grand_change", "收入支出总计")
           + reason("d.reasons.total"))
    b.heading(1, "{{ h1() }}收入决算情况说明")
    b.para(parts("income_parts", "t.income_total", "本年收入合计"))
    b.heading(1, "{{ h1() }}支出决算情况说明")
    b.para(parts("spending_parts", "t.spending_total", "本年支出合计"))
    b.heading(1, "{{ h1() }}财政拨款收入支出决算总体情况说明")
    b.para("{{ unit.name }}{{ year }}年度财政拨款收入支出总计{{ fiscal_grand|amount }}万元。" + change("fiscal_change", "财政拨款收入支出总计")
           + reason("d.reasons.fiscal"))
    general_budget(b)
    b.heading(1, "{{ h1() }}一般公共预算财政拨款基本支出决算情况说明")
    b.para("一般公共预算财政拨款基本支出{{ basic_total|amount }}万元。其中：人员经费{{ personnel|amount }}万元"
           "{% if personnel_names %}，主要包括：{{ personnel_names|join_cn }}{% endif %}；公用经费{{ public|amount }}万元"
           "{% if public_names %}，主要包括：{{ public_names|join_cn }}{% endif %}。")
    three_public(b)
    for title, lines, fund, index in (("政府性基金预算财政拨款收入支出决算情况说明", "gov_fund_lines", "政府性基金预算", 1),
                                      ("国有资本经营预算财政拨款收入支出决算情况说明", "capital_lines", "国有资本经营预算", 2)):
        b.heading(1, "{{ h1() }}" + title)
        b.tag(f"{{%p if {lines} %}}")
        b.para(f"{fund}财政拨款收入{{{{ fund_rows[{index}].income|amount }}}}万元，支出{{{{ fiscal_totals[{index}]|amount }}}}万元，支出具体情况如下：")
        item_paragraphs(b, lines)
        b.tag("{%p else %}")
        b.para(f"{{{{ unit.name }}}}{{{{ year }}}}年度无{fund}财政拨款收入和支出。")
        b.tag("{%p endif %}")
    performance(b)
    other_matters(b)


def item_paragraphs(b: Builder, lines: str) -> None:
    """1、X（类）X（款）X（项）。主要用于：…。年初预算为…，支出决算为…。决算数大于（小于）预算数的主要原因：…"""
    b.tag(f"{{%p for l in {lines} %}}")
    b.para("{{ l.number }}{{ l.path }}。{{ l.purpose|clause('主要用于：') }}"
           "{% if l.budget is not none %}{{ budget_basis }}为{{ l.budget|amount }}万元，{% endif %}支出决算为{{ l.actual|amount }}万元"
           "{% if l.completion is not none and (options.line_completion or budget_basis == '全年预算' and l.word != '持平') %}"
           "，完成{% if budget_basis == '全年预算' %}全年预算数{% else %}年初预算{% endif %}的{{ l.completion|pct }}{% endif %}。"
           "{% if l.word == '持平' %}决算数{{ options.flat_word }}{{ basis_word }}数持平。{% elif l.word %}决算数{{ l.word }}{{ basis_word }}数的"
           "{{ (l.reason or reason_missing)|clause('主要原因：') }}{% endif %}"
           "{% if l.change.known %}与{{ prev_year }}年度相比，{% if l.change.delta|increase_word == '持平' %}决算数持平。{% else %}"
           "决算数{{ l.change.delta|increase_word }}{{ l.change.delta|magnitude }}万元{% if l.change.rate is not none %}，"
           "{{ l.change.delta|growth_word }}{{ l.change.rate|pct }}{% endif %}。{{ l.change_reason|clause('主要原因是') }}{% endif %}{% endif %}")
    b.tag("{%p endfor %}")


def general_budget(b: Builder) -> None:
    """五、一般公共预算财政拨款支出决算情况说明."""
    b.heading(1, "{{ h1() }}一般公共预算财政拨款支出决算情况说明")
    b.heading(2, "{{ h2() }}一般公共预算财政拨款支出决算总体情况")
    b.para("一般公共预算财政拨款支出{{ general|amount }}万元{% if general_share is not none %}，占本年支出合计的{{ general_share|pct }}{% endif %}。"
           + change("general_change", "一般公共预算财政拨款支出") + reason("d.reasons.general_budget"))
    b.heading(2, "{{ h2() }}一般公共预算财政拨款支出决算结构情况")
    b.para(parts("general_classes", "general", "一般公共预算财政拨款支出", tail="（类）").replace("，其中：", "，主要用于以下方面："))
    b.heading(2, "{{ h2() }}一般公共预算财政拨款支出决算具体情况")
    b.para("一般公共预算财政拨款支出{% if general_initial is not none %}年初预算为{{ general_initial|amount }}万元，{% endif %}"
           "{% if budget_basis == '全年预算' and general_full is not none %}全年预算为{{ general_full|amount }}万元，{% endif %}"
           "支出决算为{{ general|amount }}万元{% if general_basis_completion is not none %}，完成{{ budget_basis }}的{{ general_basis_completion|pct }}{% endif %}。"
           "{% if general_word == '持平' %}决算数{{ options.flat_word }}预算数持平。{% elif general_word %}决算数{{ general_word }}预算数的"
           "{{ (d.reasons.execution or reason_missing)|clause('主要原因：') }}{% endif %}{% if item_lines %}其中：{% endif %}")
    item_paragraphs(b, "item_lines")


def three_public(b: Builder) -> None:
    """七、财政拨款“三公”经费支出决算情况说明."""
    d = "d.three_public"
    b.heading(1, "{{ h1() }}财政拨款“三公”经费支出决算情况说明")
    b.tag("{%p if tp.total or tp.budget %}")
    b.heading(2, "{{ h2() }}“三公”经费财政拨款支出决算总体情况说明。")
    b.para("“三公”经费财政拨款支出{% if tp.budget is not none %}年初预算为{{ tp.budget|amount }}万元，{% endif %}支出决算为{{ tp.total|amount }}万元"
           "{% if tp.completion is not none %}，完成预算的{{ tp.completion|pct }}{% endif %}，"
           f"其中：因公出国（境）费决算为{{{{ {d}.abroad.actual|amount }}}}万元{{% if tp.abroad_completion is not none %}}，完成预算的{{{{ tp.abroad_completion|pct }}}}{{% endif %}}；"
           "公务用车购置及运行维护费支出决算为{{ tp.vehicles|amount }}万元{% if tp.vehicles_completion is not none %}，完成预算的{{ tp.vehicles_completion|pct }}{% endif %}；"
           f"公务接待费支出决算为{{{{ {d}.reception.actual|amount }}}}万元{{% if tp.reception_completion is not none %}}，完成预算的{{{{ tp.reception_completion|pct }}}}{{% endif %}}。"
           "{% if tp.word == '持平' %}{{ year }}年度“三公”经费支出决算数{{ options.flat_word }}预算数持平。{% elif tp.word %}{{ year }}年度“三公”经费支出决算数{{ tp.word }}预算数的"
           f"{{{{ ({d}.budget_reason or reason_missing)|clause('主要原因：') }}}}{{% endif %}}")
    b.tag("{%p if tp.change.known %}")
    item_change = ("{{% if tp.{k}_change.delta|increase_word == '持平' %}}持平{{% else %}}{{{{ tp.{k}_change.delta|increase_word }}}}"
                   "{{{{ tp.{k}_change.delta|magnitude }}}}万元{{% if tp.{k}_change.rate is not none %}}，{{{{ tp.{k}_change.delta|growth_word }}}}"
                   "{{{{ tp.{k}_change.rate|pct }}}}{{% endif %}}{{% endif %}}")
    b.para("{% if tp.change.delta|increase_word == '持平' %}{{ year }}年度“三公”经费财政拨款支出决算数与{{ prev_year }}年度持平。{% else %}"
           "{{ year }}年度“三公”经费财政拨款支出决算数比{{ prev_year }}年度{{ tp.change.delta|increase_word }}{{ tp.change.delta|magnitude }}万元"
           "{% if tp.change.rate is not none %}，{{ tp.change.delta|growth_word }}{{ tp.change.rate|pct }}{% endif %}"
           "{% if tp.abroad_change.known %}，其中：因公出国（境）费支出决算" + item_change.format(k="abroad")
           + "；公务用车购置及运行维护费支出决算" + item_change.format(k="vehicles")
           + "；公务接待费支出决算" + item_change.format(k="reception") + "{% endif %}。{% endif %}"
           f"{{% if {d}.abroad.reason %}}因公出国（境）费支出{{{{ tp.abroad_change.delta|increase_word }}}}的{{{{ {d}.abroad.reason|clause('主要原因是') }}}}{{% endif %}}"
           f"{{% if {d}.vehicle_reason %}}公务用车购置及运行维护费支出{{{{ tp.vehicles_change.delta|increase_word }}}}的{{{{ {d}.vehicle_reason|clause('主要原因是') }}}}{{% endif %}}"
           f"{{% if {d}.reception.reason %}}公务接待费支出{{{{ tp.reception_change.delta|increase_word }}}}的{{{{ {d}.reception.reason|clause('主要原因是') }}}}{{% endif %}}")
    b.tag("{%p elif draft and tp.total %}")
    b.para("{{ year }}年度“三公”经费财政拨款支出决算数比{{ prev_year }}年度" + TO_FILL.format("{{ prev_year }}年度“三公”经费") + "。")
    b.tag("{%p endif %}")
    b.heading(2, "{{ h2() }}“三公”经费财政拨款支出决算具体情况说明。")
    b.tag("{%p if tp.total %}")
    b.para(f"“三公”经费财政拨款支出决算中，因公出国（境）费支出决算{{{{ {d}.abroad.actual|amount }}}}万元，占{{{{ tp.shares[0].share|share }}}}；"
           "公务用车购置及运行维护费支出决算{{ tp.vehicles|amount }}万元，占{{ tp.shares[1].share|share }}；"
           f"公务接待费支出决算{{{{ {d}.reception.actual|amount }}}}万元，占{{{{ tp.shares[2].share|share }}}}。具体情况如下：")
    b.tag("{%p endif %}")
    b.para(f"{{{{ item() }}}}因公出国（境）费支出{{{{ {d}.abroad.actual|amount }}}}万元。全年安排因公出国（境）团组{{{{ {d}.abroad.groups }}}}个、累计{{{{ {d}.abroad.persons }}}}人次。"
           f"{{{{ {d}.abroad.content|clause('开支内容包括：') }}}}")
    b.para("{{ item() }}公务用车购置及运行维护费支出{{ tp.vehicles|amount }}万元。其中：")
    b.para(f"公务用车购置支出为{{{{ {d}.vehicle_purchase.actual|amount }}}}万元。{{% if {d}.vehicle_purchase.count %}}购置公务用车{{{{ {d}.vehicle_purchase.count }}}}辆"
           f"{{% if {d}.vehicle_purchase.purpose %}}，{{{{ {d}.vehicle_purchase.purpose|clause('主要用于', '') }}}}{{% endif %}}。{{% endif %}}")
    b.para(f"公务用车运行维护支出{{{{ {d}.vehicle_operation.actual|amount }}}}万元。{{{{ {d}.vehicle_operation.purpose|clause('主要用于') }}}}"
           "{{ year }}年，{{ unit.name }}所属各预算单位开支财政拨款的公务用车保有量为{{ f.vehicles_total }}辆。")
    b.para(f"{{{{ item() }}}}公务接待费支出{{{{ {d}.reception.actual|amount }}}}万元。其中：")
    b.para(f"国内公务接待支出{{{{ {d}.reception.actual|amount }}}}万元（含外宾接待支出{{{{ {d}.reception.foreign|amount }}}}万元）。"
           f"{{{{ {d}.reception.purpose|clause('主要用于', '，') }}}}共接待{{{{ {d}.reception.batches }}}}批次、{{{{ {d}.reception.persons }}}}人次，"
           f"其中：接待外宾{{{{ {d}.reception.foreign_batches }}}}批次、{{{{ {d}.reception.foreign_persons }}}}人次。")
    b.tag("{%p else %}")
    b.para("{{ unit.name }}{{ year }}年度无“三公”经费财政拨款支出。")
    b.tag("{%p endif %}")


def performance(b: Builder) -> None:
    """十、预算绩效管理情况."""
    b.heading(1, "{{ h1() }}预算绩效管理情况")
    p = "d.performance"
    b.para("{{ unit.name }}{{ year }}年度预算绩效管理工作开展情况如下："
           f"{{% if {p}.rules_text %}}本部门建立了如下预算绩效管理制度：{{{{ {p}.rules_text|clause('', '，' if {p}.mechanism else '；') }}}}"
           f"{{% elif {p}.rules %}}本部门建立了如下预算绩效管理制度：{{% for r in {p}.rules %}}《{{{{ r }}}}》{{% endfor %}}"  # 《A》《B》: GB/T 15834
           f"{{{{ '，' if {p}.mechanism else '；' }}}}{{% endif %}}"
           f"{{{{ {p}.mechanism|clause('建立了', '的预算绩效管理工作机制；') }}}}"
           "全过程绩效管理实施情况：编报绩效目标的{{ year }}年度项目{{ perf.targets[0] }}个，涉及预算金额{{ perf.targets[1]|amount }}万元；"
           "绩效跟踪评价的{{ year }}年度项目{{ perf.monitored[0] }}个，涉及预算金额{{ perf.monitored[1]|amount }}万元；"
           "绩效自评的{{ year }}年度项目{{ perf.evaluated[0] }}个，涉及预算金额{{ perf.evaluated[1]|amount }}万元"
           "{% if perf.average is not none %}，平均得分{{ perf.average|amount }}分（其中，绩效评级为“优”的项目{{ perf.grades['优'] }}个；"
           "绩效评级为“良”的项目{{ perf.grades['良'] }}个；绩效评级为“合格”的项目{{ perf.grades['合格'] }}个；"
           "绩效评级为“不合格”的项目{{ perf.grades['不合格'] }}个"
           f"{{% if {p}.problems_found is not none %}}。绩效自评中共发现问题{{{{ {p}.problems_found }}}}个{{% if {p}.problems_found or options.zero_fixes %}}，"
           f"已经完成整改的{{{{ {p}.problems_fixed or 0 }}}}个，正在整改的{{{{ {p}.problems_fixing or 0 }}}}个{{% endif %}}{{% endif %}}）{{% endif %}}。")


def other_matters(b: Builder) -> None:
    """十一、其他重要事项的情况说明."""
    b.heading(1, "{{ h1() }}其他重要事项的情况说明")
    b.heading(2, "{{ h2() }}机关运行经费支出情况")
    b.para("{% if f.operating %}机关运行经费支出{{ f.operating|amount }}万元"
           "{% if changes.operating.known %}{% if changes.operating.delta|increase_word == '持平' %}，与{{ prev_year }}年度持平"
           "{% else %}，比{{ prev_year }}年度{{ changes.operating.delta|increase_word }}{{ changes.operating.delta|magnitude }}万元"
           "{% if changes.operating.rate is not none %}，{{ changes.operating.delta|growth_word }}{{ changes.operating.rate|pct }}{% endif %}{% endif %}"
           "{% elif draft %}，比{{ prev_year }}年度" + TO_FILL.format("{{ prev_year }}年度机关运行经费") + "{% endif %}。"
           "{{ d.operating.purpose|clause('主要用于') }}{{ d.operating.reason|clause('主要原因是') }}"
           "{% else %}{{ unit.name }}{{ year }}年度无机关运行经费支出。{% endif %}")
    b.heading(2, "{{ h2() }}政府采购支出情况")
    pr = "d.procurement"
    b.para(f"{{{{ unit.name }}}}{{{{ year }}}}年度政府采购金额（以合同签订为准）为{{{{ f.procurement_total|amount }}}}万元，其中：货物采购金额{{{{ {pr}.goods|amount }}}}万元、"
           f"工程采购金额{{{{ {pr}.works|amount }}}}万元、服务采购金额{{{{ {pr}.services|amount }}}}万元。")
    b.tag(f"{{%p if {pr}.sme_reserved is not none %}}")
    b.para(f"{{{{ year }}}}年度本部门面向中小企业预留政府采购项目预算金额{{{{ {pr}.sme_reserved|amount }}}}万元，面向小微企业预留政府采购项目预算金额"
           f"{{{{ ({pr}.micro_reserved or 0)|amount }}}}万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额{{{{ ({pr}.sme_awarded or 0)|amount }}}}万元；"
           f"在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额{{{{ ({pr}.micro_awarded or 0)|amount }}}}万元；"
           f"在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额{{{{ ({pr}.sme_other or 0)|amount }}}}万元。")
    b.tag("{%p endif %}")
    b.heading(2, "{{ h2() }}国有资产占有使用情况说明")
    b.para("截至{{ year }}年12月31日，{{ unit.name }}共有车辆{{ f.vehicles_total }}辆，其中：{% for v in vehicle_counts %}{{ v.kind }}{{ v.count }}辆" + COMMA
           + "{% endfor %}。{% if d.assets.large_equipment is not none %}单价100万元（含）以上设备（不含车辆）{{ d.assets.large_equipment }}台（套）。{% endif %}"
           "{% if d.assets.equipment_50 is not none %}单价50万元（含）以上设备（不含车辆）{{ d.assets.equipment_50 }}台（套）。{% endif %}")


def glossary(b: Builder) -> None:
    """第四部分 名词解释 (the entries the unit chose, else the national template's eleven)."""
    b.page_break()
    b.heading(0, "{{ part() }} 名词解释")
    b.tag("{%p for g in glossary %}")
    b.para("{{ g.number }}{{ g.term }}：{{ g.text }}")
    b.tag("{%p endfor %}")
