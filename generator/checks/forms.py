"""Rules over forms and stated figures: the 自评表, figures stated under 核对, the national tables' facts."""
from __future__ import annotations

from generator.checks.needs import last_file_hint, organisation_stated
from generator.checks.registry import mismatch, rule
from generator.checks.requirements import NATIONAL, comparison_gaps, reason_gaps, table_facts
from generator.errors import ERROR, WARNING, Finding
from generator.figures.bundle import Bundle
from generator.figures.core import Comparison, compared
from generator.figures.indicators import scored
from generator.figures.sums import gap, total
from generator.figures.tables import FUNDS
from generator.formatting import money, score
from generator.load.reader import Loaded
from generator.pending import is_pending


@rule
def self_evaluation_scores(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """自评表: weights total 100, each score within its weight, a stated grade equals the computed one."""
    se, figs = bundle.year.self_evaluation, bundle.figures.self_eval
    if se is None or figs is None:
        return []
    out = []
    base = ("整体支出自评",)
    if not is_pending(figs.total_full) and figs.total_full <= 0:
        out.append(year_file.finding(("预算",), f"全年预算数合计为 {money(figs.total_full)} 万元，不大于 0，无法计算执行率。请核对年初预算数和调整追加。"))
    if figs.weight_total != 100:
        caps = "、".join(f"{g.name}{score(g.weight)}分" for g in figs.level1)
        out.append(year_file.finding(base + ("绩效指标",), f"分值合计应为 100 分，现在是 {score(figs.weight_total)} 分（资金{score(figs.funds_weight)}分、{caps}）。请调整各指标分值。"))
    for i, ind in enumerate(se.indicators):
        path = base + ("绩效指标", i)
        if ind.weight is None or scored(ind, bundle.layout.rules.proportional) is None:
            out.append(year_file.finding(path, f"指标“{ind.level3 or ind.level1}”缺少{'分值' if ind.weight is None else '得分'}"
                                               f"{'' if ind.weight is None else '（定性指标由单位评分；可按数字比较的指标省略得分时按完成比例计算）'}。"))
        elif ind.score is not None and (ind.score > ind.weight or ind.score < 0):
            out.append(year_file.finding(path + ("得分",), f"得分 {score(ind.score)} 超出分值 {score(ind.weight)} 的范围。"))
    if se.grade and se.grade != figs.grade:
        out.append(year_file.finding(base + ("等级",), f"等级写的是“{se.grade}”，但总分 {score(figs.score_total)} 分对应的等级是“{figs.grade}”。"))
    return out


FUND_REASONS = {"政府性基金预算": ("政府性基金", "government_fund"), "国有资本经营预算": ("国有资本经营", "state_capital")}


@rule
def fund_income_meets_spending(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A 政府性基金 or 国有资本经营 fund whose income and spending differ says why (the documents state both)."""
    out = []
    for fund, (key, attr) in FUND_REASONS.items():
        income, spending = bundle.tables.fiscal_income[fund], bundle.tables.fiscal_class_total(fund)
        if compared(income, spending) in (Comparison.MORE, Comparison.LESS) and not getattr(bundle.year.reasons, attr):
            out.append(year_file.finding(("变动原因", key), f"{fund}财政拨款收入 {money(income)} 万元与支出 {money(spending)} 万元不等"
                                                          f"（相差 {money(gap(income, spending))} 万元），但没有写原因（例如结转下年）。请补充。", WARNING))
    return out


TABLE_PATHS = {"二": ("支出", "科目"), "三": ("支出", "科目"), "五": ("支出", "科目"), "六": ("基本支出明细",)}
TABLE_NAMES = {"二": "收入决算表", "三": "支出决算表", "五": "一般公共预算财政拨款支出决算表", "六": "一般公共预算财政拨款基本支出决算表"}


@rule
def national_tables_complete(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """The facts each 全国-layout table needs and this year lacks (the table is printed without its detail)."""
    if not bundle.layout.makes(NATIONAL):
        return []
    own = bundle.layout.primary == NATIONAL
    hint = "请补充。" if own else f"（本单位公开的不是{NATIONAL}时可忽略；附带生成的{NATIONAL}是草稿）"
    return [year_file.finding(TABLE_PATHS[number], f"{NATIONAL}的{TABLE_NAMES[number]}缺少：{'、'.join(facts)}，该表不能列出明细。{hint}", ERROR if own else WARNING)
            for number, facts in table_facts(bundle.year).items()]


@rule
def national_facts_printed(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A unit publishing in the 全国 layout says who its 决算 covers and each 一般公共预算 line's 年初预算: a final
    document cannot print them as 待补充 (generate would stop there)."""
    if bundle.layout.primary != NATIONAL:
        return []
    year = bundle.year
    out = []
    if not organisation_stated(bundle):
        out.append(year_file.finding(("决算单位",), f"{NATIONAL}要说明纳入决算编制范围的单位：请写“决算单位”（或“机构设置”，或在 unit.yaml "
                                                 "写“内设机构”），或用 generate --draft 先生成草稿。", placeholder=True))
    for i, line in enumerate(year.expenditure.lines):
        if line.fund == FUNDS[0] and line.start_budget is None:
            out.append(year_file.finding(("支出", "科目", i, "年初预算数"), f"科目 {line.code} 没有年初预算数（也没有预算数），{NATIONAL}要写"
                                                                      "一般公共预算财政拨款支出的年初预算。请填写（没有预算时写 0），或用 generate --draft 先生成草稿。",
                                         placeholder=True))
    return out


@rule
def national_comparisons_known(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A unit publishing in the 全国 layout knows last year's figures its 情况说明 compares with: without them the
    comparison cannot be printed (a draft shows it 待补充), and a reason would stand alone."""
    if bundle.layout.primary != NATIONAL:
        return []
    year = bundle.year.year
    return [year_file.finding(("上年", label), f"{NATIONAL}要把{label}与{year - 1}年度比较，但不知道{year - 1}年度的{label}："
                                            f"{last_file_hint(year_file, year - 1)}，或在“上年”下写“{label}”（上年没有这项收支时写 0），"
                                            "或用 generate --draft 先生成草稿。",
                              placeholder=True)
            for label in comparison_gaps(bundle)]


@rule
def national_reasons_written(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A unit publishing in the 全国 layout explains every gap between budget and spending (else the document is a draft)."""
    if bundle.layout.primary != NATIONAL:
        return []
    return [year_file.finding(path, f"{what}，{NATIONAL}要写明主要原因，这里还没有写。请补充，或用 generate --draft 先生成草稿。", placeholder=True)
            for path, what in reason_gaps(bundle)]


@rule
def economic_lines_add_up(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """基本支出明细 sums to the 一般公共预算 lines' 基本支出, and uses known economic codes."""
    from generator.load.catalog import economic_catalog
    lines = bundle.year.economic_lines
    if not lines:
        return []
    known = economic_catalog()
    out = [year_file.finding(("基本支出明细", i, "科目编码"), f"经济分类科目编码 {l.code} 不在目录中（data/common/经济分类科目.yaml）。")
           for i, l in enumerate(lines) if l.code not in known or len(l.code) != 5]
    general = [l for l in bundle.year.expenditure.lines if l.fund == "一般公共预算"]
    basics = [l.basic for l in general if l.basic is not None]
    if len(basics) == len(general):
        out += mismatch(year_file, ("基本支出明细",), total(l.actual for l in lines), total(basics), "一般公共预算各科目的基本支出合计",
                        len(lines) + len(basics))
    return out
