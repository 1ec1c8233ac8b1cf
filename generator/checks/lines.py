"""Rules over parts written beside their whole: a 科目 line's 决算数 = 基本支出 + 项目支出 and 基本支出 = 人员经费 +
公用经费; last year's 三公 items against last year's 三公 total, and the lines' 上年决算数 against last year's spending."""
from __future__ import annotations

from generator.checks.registry import mismatch, rule
from generator.constants import TOLERANCE
from generator.errors import Finding
from generator.figures.bundle import Bundle
from generator.figures.national import economic_as_table6, table6_parts
from generator.figures.previous import lines_previous
from generator.figures.sums import gap, remainder, total
from generator.formatting import money
from generator.load.reader import Loaded
from generator.model import Previous
from generator.model.accounts import CodeLine
from generator.model.matters import THREE_PUBLIC_PARTS


@rule
def line_parts_add_up(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A line's written 决算数 is its 基本支出 + 项目支出, and its 人员经费 + 公用经费 (when both are written) its 基本支出;
    the tables print the parts, so a total that differs from them would be published twice, differently."""
    out: list[Finding] = []
    for i, line in enumerate(bundle.year.expenditure.lines):
        where = ("支出", "科目", i)
        out += _missing_part(year_file, where, line)
        if line.basic is not None and line.project is not None:
            out += mismatch(year_file, where + ("决算数",), line.actual, total([line.basic, line.project]),
                            f"科目 {line.code} 的基本支出 {money(line.basic)} 与项目支出 {money(line.project)} 之和", 2)
        if line.basic is not None and line.personnel is not None and line.public is not None:
            out += mismatch(year_file, where + ("人员经费",), total([line.personnel, line.public]), line.basic,
                            f"科目 {line.code} 的人员经费与公用经费之和对比：基本支出", 2)
    return out


def _missing_part(year_file: Loaded, where: tuple, line: CodeLine) -> list[Finding]:
    """An error at the part of a line's split left out when its 决算数 is to be their sum."""
    if "actual" in line.model_fields_set or (line.basic is None) == (line.project is None):
        return []
    written, missing = ("项目支出", "基本支出") if line.basic is None else ("基本支出", "项目支出")
    amount = line.project if line.basic is None else line.basic
    return [year_file.finding(where + (missing,), f"科目 {line.code} 写了{written} {money(amount)}，没有写{missing}，决算数无法相加。"
                                                 f"请补上{missing}（没有就写 0），或直接写出决算数。")]


@rule
def previous_three_public_adds_up(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Each 三公 item's 上年决算数, all written, adds up to the 上年 三公经费 (and the two vehicle items to 公务用车)."""
    tp, prev = bundle.year.three_public, bundle.year.previous
    items = [getattr(tp, name).previous for name, _ in THREE_PUBLIC_PARTS]
    out: list[Finding] = []
    if prev.three_public is not None and all(v is not None for v in items):
        out += mismatch(year_file, ("上年", "三公经费"), prev.three_public, total(items), "各项“三公”经费的上年决算数之和", len(items))
    vehicles = [tp.vehicle_purchase.previous, tp.vehicle_operation.previous]
    if prev.vehicles is not None and all(v is not None for v in vehicles):
        out += mismatch(year_file, ("上年", "公务用车购置及运行维护费"), prev.vehicles, total(vehicles),
                        "公务用车购置费与运行维护费的上年决算数之和", 2)
    return out


@rule
def line_previous_within_total(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """The code lines' 上年决算数 of a fund, all written, cannot add up to more than last year's spending of that fund
    (less is right when a code of last year has no line this year)."""
    out: list[Finding] = []
    for fund, field in (("一般公共预算", "general_budget_expenditure"), ("政府性基金预算", "government_fund")):
        whole, parts = getattr(bundle.year.previous, field), lines_previous(bundle.year, fund)
        if whole is None or parts is None or parts <= whole or gap(parts, whole) <= TOLERANCE:
            continue
        label = Previous.model_fields[field].alias
        out.append(year_file.finding(("支出", "科目"), f"{fund}各科目的上年决算数之和 {money(parts)} 大于上年{label} {money(whole)}，"
                                                     f"多出 {money(remainder(parts, whole))} 万元。请核对各科目的上年决算数，或上年数。"))
    return out


@rule
def economic_matches_its_lines(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """人员经费 and 公用经费 written under 经济分类 as table 6's totals (in its 口径, adding up to the 基本支出) are what its
    基本支出明细 lines add up to, within their rounding: table 6 prints the written totals under the lines."""
    economic = bundle.year.economic
    if economic is None or not economic_as_table6(bundle.year):
        return []
    out: list[Finding] = []
    for (key, written), (summed, items) in zip((("人员经费", economic.personnel.amount), ("公用经费", economic.public.amount)),
                                               table6_parts(bundle.tables)):
        out += mismatch(year_file, ("经济分类", key, "金额"), written, summed, f"基本支出明细中{key}各科目之和", items)
    return out
