"""Consistency rules over a unit-year's facts and figures; each problem a located finding."""
from __future__ import annotations

import difflib
from decimal import Decimal
from typing import Optional

from generator.checks.registry import LARGE_CHANGE, mismatch, rule, severity_of
from generator.checks.requirements import KIND_NAMES, NATIONAL
from generator.constants import LARGE_AMOUNT, VEHICLE_ALIASES, VEHICLE_KINDS
from generator.errors import WARNING, Finding
from generator.figures.bundle import Bundle
from generator.figures.core import Change, Comparison, compared, ratio
from generator.figures.scope import ALL_FUNDS, GENERAL, basic_in_scope, basic_items
from generator.figures.sums import gap, total, within_rounding
from generator.figures.tables import FUNDS
from generator.formatting import money, percent
from generator.load.reader import Loaded
from generator.model.accounts import INCOME_SOURCES
from generator.model.layouts import Layout
from generator.model.matters import THREE_PUBLIC_PARTS
from generator.pending import is_pending


@rule
def year_matches_file(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """The 年度 inside a year file equals its file name."""
    name = year_file.path.stem
    if name.isdigit() and int(name) != bundle.year.year:
        return [year_file.finding(("年度",), f"文件名是 {name}.yaml，但年度写的是 {bundle.year.year}。请改正其中一个。")]
    return []


@rule
def spending_kinds_add_up(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """基本支出 + 项目支出 are written, for the whole or for every code line, and add up to the lines' total."""
    e = bundle.year.expenditure
    if e.basic is None or e.project is None:
        unsplit = [line.code for line in e.lines if line.basic is None or line.project is None]
        if not unsplit or is_pending(bundle.figures.expenditure_total):
            return []
        listed = "、".join(unsplit[:5]) + ("等" if len(unsplit) > 5 else "")
        return [year_file.finding(("支出",), f"没有写基本支出和项目支出：请在“支出”下写 基本支出、项目支出（万元），"
                                           f"或在每个科目里写 基本支出、项目支出（没有分开的科目：{listed}）。")]
    return mismatch(year_file, ("支出", "项目支出"), total([e.basic, e.project]), bundle.figures.expenditure_total,
                    "基本支出与项目支出之和对比：各科目决算数合计", 2 + basic_items(bundle.year, ALL_FUNDS))


@rule
def economic_adds_up(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """经济分类 adds up to what it covers: all spending when it lists 资本性支出, else the 基本支出 of its 口径
    (一般公共预算财政拨款 by default, as table 6 states 人员经费 and 公用经费; all funds when the clerk says so)."""
    economic, figs = bundle.year.economic, bundle.figures
    if economic is None:
        return []
    if economic.capital:
        return mismatch(year_file, ("经济分类",), figs.economic_total, figs.expenditure_total,
                        "人员经费、公用经费、资本性支出之和对比：本年支出合计")
    basic = basic_in_scope(bundle.year, economic.scope)
    items = 2 + basic_items(bundle.year, economic.scope)
    if is_pending(basic) or figs.economic_total in (basic, figs.expenditure_total) or within_rounding(figs.economic_total, basic, items):
        return []  # (人员经费 and 公用经费 may also split the whole year's spending, as some reports state them)
    other = ALL_FUNDS if economic.scope == GENERAL else GENERAL
    if figs.economic_total == basic_in_scope(bundle.year, other):
        return [year_file.finding(("经济分类", "口径"), f"人员经费与公用经费之和 {money(figs.economic_total)} 万元是{other}的基本支出，"
                                                     f"而口径写的是{economic.scope}（{money(basic)} 万元）。文档按哪个口径说明，"
                                                     f"请在 经济分类 下写 口径: {other}，或改正人员经费、公用经费。", WARNING)]
    diff = gap(figs.economic_total, basic)
    return [year_file.finding(("经济分类",), f"人员经费 {money(economic.personnel.amount)} + 公用经费 {money(economic.public.amount)} = "
                                            f"{money(figs.economic_total)} 万元，与{economic.scope}的基本支出 {money(basic)} 万元（各科目基本支出之和）"
                                            f"相差 {money(diff)} 万元。请核对人员经费、公用经费，或各科目的基本支出。", severity_of(diff))]


@rule
def staffing_adds_up(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A stated 编制人数 equals the sum of the kinds of posts given."""
    s = bundle.unit.staffing
    parts = [v for v in (s.administrative, s.institutional, s.worker) if v is not None]
    if s.total is not None and parts and sum(parts) != s.total:
        return [unit_file.finding(("编制", "编制人数"), f"编制人数写的是 {s.total}，但各类编制之和是 {sum(parts)}。")]
    return []


@rule
def glossary_codes_known(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Codes the glossary explains exist and are used this year."""
    from generator.model import CodeChoice
    out = []
    used = {line.code[:5] for line in bundle.year.expenditure.lines}
    for i, choice in enumerate(bundle.year.glossary):
        if not isinstance(choice, CodeChoice):
            continue
        for j, code in enumerate(choice.codes):
            path = ("名词解释", i, "功能分类科目", j)
            if code not in bundle.catalog:
                out.append(year_file.finding(path, f"名词解释中的科目编码 {code} 不存在。请核对编码。"))
            elif code not in used:
                out.append(year_file.finding(path, f"名词解释中的科目 {code} 本年没有支出。请删去或核对编码。", WARNING))
    return out


@rule
def purposes_differ(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Two different 项 with word for word the same 用途 usually means one was copied from the other; a 款's 其他 项
    (xxxxx99) may share its sibling's (2080501 and 2080599: 退休人员经费支出)."""
    out: list[Finding] = []
    seen: dict[str, tuple[int, str]] = {}
    for i, line in enumerate(bundle.year.expenditure.lines):
        if not line.purpose:
            continue
        first = seen.setdefault(line.purpose.strip(), (i, line.code))
        siblings = first[1][:5] == line.code[:5] and "99" in (first[1][5:], line.code[5:])
        if first[0] != i and not siblings:
            out.append(year_file.finding(("支出", "科目", i, "用途"), f"科目 {line.code} 的用途与科目 {first[1]} 完全相同（“{line.purpose}”），"
                                                                  "像是复制时没有改。请核对。", WARNING))
    return out


@rule
def vehicle_kinds_known(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Vehicles are counted by the kinds the national layout lists, so each one is printed."""
    out = []
    for kind, _ in bundle.year.assets.vehicle_items if bundle.layout.makes(NATIONAL) else []:
        if VEHICLE_ALIASES.get(kind, kind) not in VEHICLE_KINDS:
            close = difflib.get_close_matches(kind, VEHICLE_KINDS, n=1, cutoff=0.3)
            hint = f"是不是“{close[0]}”？" if close else f"可用：{'、'.join(VEHICLE_KINDS)}。"
            out.append(year_file.finding(("国有资产", "车辆", kind), f"不认识的车辆用途“{kind}”，{NATIONAL}的车辆情况不会列出它。{hint}", WARNING))
    return out


@rule
def procurement_within_total(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Amounts awarded to small and medium enterprises cannot exceed the year's procurement."""
    p, procured = bundle.year.procurement, bundle.figures.procurement_total
    awarded = total([p.sme_awarded, p.sme_other])
    if awarded > procured:
        return [year_file.finding(("政府采购", "其他项目中小企业中标"),
                                  f"授予中小企业的采购金额（预留项目 {money(p.sme_awarded or 0)} + 其他项目 {money(p.sme_other or 0)} 万元）"
                                  f"超过了政府采购总额 {money(procured)} 万元。请核对：其他项目的金额不应包含预留项目。", WARNING)]
    return []


@rule
def totals_plausible(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Totals far above any department's size are flagged (an amount written in 元 instead of 万元, an extra digit)."""
    out = []
    for label, path, value in (("本年收入合计", ("收入",), bundle.figures.income_total), ("本年支出合计", ("支出",), bundle.figures.expenditure_total)):
        if not is_pending(value) and value > LARGE_AMOUNT:
            out.append(year_file.finding(path, f"{label} {money(value)} 万元（超过 1000 亿元），大得少见。请确认金额以万元为单位。", WARNING))
    return out


@rule
def spending_within_means(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Each fund's 财政拨款 spending does not exceed its income plus its carry-over: 年初结转和结余 + 收入 − 支出 is what
    the fund leaves at year end, and cannot be negative."""
    t, out = bundle.tables, []
    for fund, end in t.fiscal_end.items():
        if is_pending(end) or end >= 0:
            continue
        income, start, spent = t.fiscal_income[fund], t.fiscal_start[fund], t.fiscal_class_total(fund)
        out.append(year_file.finding(("支出", "科目"), f"{fund}财政拨款支出 {money(spent)} 超过了财政拨款收入 {money(income)} 与年初结转和结余 "
                                                     f"{money(start)} 之和 {money(-end)} 万元（年末结转和结余不能是负数）。请核对收入、年初结转和结余或支出。"))
    return out


@rule
def fund_income_matches_lines(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A fund's income written under 收入 equals its code lines' 收入数 when every line of the fund has one."""
    out: list[Finding] = []
    for (name, label), fund in zip(INCOME_SOURCES, FUNDS):
        written, lines = getattr(bundle.year.income, name), [l for l in bundle.year.expenditure.lines if l.fund == fund]
        if not written or not lines or any(l.income is None for l in lines):
            continue
        out += mismatch(year_file, ("收入", label), written, total(l.income for l in lines), f"{fund}各科目的收入数之和", len(lines))
    return out


@rule
def budgets_not_exceeded(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Spending above its budget is flagged for the clerk to confirm."""
    out = []
    for i, line in enumerate(bundle.year.expenditure.lines):
        if compared(line.actual, line.budget) == Comparison.MORE:
            out.append(year_file.finding(("支出", "科目", i, "决算数"), f"科目 {line.code} 决算数 {money(line.actual)} 超过预算数 {money(line.budget)}。请确认，并在“说明”中写明原因。", WARNING))
    tp = bundle.year.three_public
    for key, item in ((key, getattr(tp, name)) for name, key in THREE_PUBLIC_PARTS):
        if compared(item.actual, item.budget) == Comparison.MORE:
            completion = percent(ratio(item.actual, item.budget)) or "—"
            out.append(year_file.finding(("三公经费", key, "决算数"),
                                         f"{key}决算数 {money(item.actual)} 超过预算数 {money(item.budget)}（完成预算 {completion}）。请确认。", WARNING))
    for i, (project, figs) in enumerate(zip(bundle.year.projects, bundle.figures.projects)):
        if figs.spent > figs.budget:
            out.append(year_file.finding(("项目", i, "执行数"), f"项目“{project.name}”执行数 {money(figs.spent)} 超过预算数 {money(figs.budget)}。请确认。", WARNING))
    return out


REASONS = {
    "grand": (("变动原因", "收支总体"), lambda y: y.reasons.total, "收入支出总计"),
    "income": (("变动原因", "收支总体"), lambda y: y.reasons.total, "本年收入合计"),
    "expenditure": (("变动原因", "收支总体"), lambda y: y.reasons.total, "本年支出合计"),
    "fiscal_total": (("变动原因", "财政拨款"), lambda y: y.reasons.fiscal, "财政拨款收支总计"),
    "general_budget": (("变动原因", "一般公共预算"), lambda y: y.reasons.general_budget, "一般公共预算财政拨款支出"),
    "operating": (("机关运行经费", "变动原因"), lambda y: y.operating.reason, "机关运行经费"),
    "abroad": (("三公经费", "因公出国（境）费", "变动原因"), lambda y: y.three_public.abroad.reason, "因公出国（境）费"),
    "vehicles": (("三公经费", "公务用车变动原因"), lambda y: y.three_public.vehicle_reason, "公务用车购置及运行维护费"),
    "reception": (("三公经费", "公务接待费", "变动原因"), lambda y: y.three_public.reception.reason, "公务接待费"),
}
def compared_changes(bundle: Bundle) -> dict[str, Change]:
    """The changes whose reasons are checked: the year's that the unit's documents state, and the 全国 layout's 收支总计
    when it is the only comparison of the totals the unit's file allows (its reason is the same 收支总体)."""
    changes = {k: c for k, c in bundle.figures.changes.items() if _stated(bundle.layout, k)}
    if bundle.layout.primary != NATIONAL or changes["income"].known or changes["expenditure"].known:
        return changes
    return {"grand": Change(bundle.tables.grand_total, bundle.year.previous.grand_total), **changes}


# The 上年 figure a layout's 必填 names when its main document states a change (福建 never states 财政拨款收支总计's).
STATED_BY = {"income": "上年.收入合计", "expenditure": "上年.支出合计", "fiscal_total": "上年.财政拨款收支总计",
             "general_budget": "上年.一般公共预算财政拨款支出", "operating": "上年.机关运行经费", "reception": "上年.公务接待费",
             "abroad": "上年.三公经费", "vehicles": "上年.三公经费"}


def _stated(layout: Layout, key: str) -> bool:
    """Whether a unit's documents state a change: the 全国 部门决算 (own or companion) states each; another layout those
    its 必填 compares with last year (every one when it names no comparison, as a layout without 必填 may)."""
    compared = [n for n in layout.needs if n.startswith("上年.")]
    return layout.makes(NATIONAL) or not compared or key not in STATED_BY or STATED_BY[key] in compared


@rule
def changes_explained(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A large change against last year has a reason, and the reason's wording matches the direction (no change has no
    direction; a reason shared by several figures, 收支总体, is not held to one of them staying the same)."""
    out, changes = [], compared_changes(bundle)
    for key, (path, reason_of, label) in REASONS.items():
        if key not in changes:
            continue
        delta, rate = changes[key].delta, changes[key].rate
        reason = reason_of(bundle.year)
        if delta is None or is_pending(delta) or (delta == 0 and path == SHARED_REASON):
            continue
        if not reason and delta and (rate is None or rate >= LARGE_CHANGE):  # no rate: last year's figure was 0
            change = (f"{'增长' if delta > 0 else '下降'}{percent(rate)}" if rate is not None
                      else f"{'增加' if delta > 0 else '减少'}{money(abs(delta))}万元（上年为 0）")
            out.append(year_file.finding(path, f"{label}与上年相比{change}，变动较大，但没有写变动原因。请补充。", WARNING))
        elif reason and (finding := _against_direction(year_file, path, label, delta, reason)):
            out.append(finding)
    return out


@rule
def line_reasons_match_changes(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A 科目's 变动原因 speaks of the direction its amount moved against last year's (or of none when it did not)."""
    out = []
    for i, line in enumerate(bundle.year.expenditure.lines):
        change = bundle.figures.line_changes.get(line.code)  # as the review list takes it
        delta = change.delta if change else None
        if line.change_reason and delta is not None and not is_pending(delta):
            finding = _against_direction(year_file, ("支出", "科目", i, "变动原因"), f"科目 {line.code} ", delta, line.change_reason)
            out += [finding] if finding else []
    return out


SHARED_REASON = ("变动原因", "收支总体")
UP_WORDS: tuple[str, ...] = ("增加", "增长", "上升", "提高", "新增")
DOWN_WORDS: tuple[str, ...] = ("减少", "下降", "降低", "压减")


def _against_direction(year_file: Loaded, path: tuple, label: str, delta: Decimal, reason: str) -> Optional[Finding]:
    """A warning when a reason speaks only of a rise for a fall, of a fall for a rise, or of either for no change."""
    ups, downs = [w for w in UP_WORDS if w in reason], [w for w in DOWN_WORDS if w in reason]
    if ups and downs:  # a reason naming both (several causes) is not held to one direction
        return None
    said = downs if delta > 0 else ups if delta < 0 else ups + downs
    if not said:
        return None
    moved = "与上年持平" if delta == 0 else f"比上年{'增加' if delta > 0 else '减少'}了"
    return year_file.finding(path, f"{label}{moved}，但变动原因写的是“{said[0]}”。请核对。", WARNING)


@rule
def custom_templates_exist(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A unit's own templates name known document kinds and existing .docx files."""
    names = KIND_NAMES
    out = []
    for kind, path in bundle.unit.templates.items():
        if kind not in names:
            close = difflib.get_close_matches(kind, names, n=1, cutoff=0.3)
            out.append(unit_file.finding(("模板", kind), f"不认识的文档种类“{kind}”。" + (f"是不是“{close[0]}”？" if close else f"可用：{'、'.join(names)}")))
        elif not (unit_file.path.parent / path).is_file():
            out.append(unit_file.finding(("模板", kind), f"找不到模板文件 {path}（相对于 {unit_file.path.name} 所在的文件夹）。"))
    return out
