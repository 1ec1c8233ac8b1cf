"""Template variables of the national-layout 部门决算: the nine tables with names, and 第三部分's figures."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator import formatting
from generator.checks.requirements import table_facts
from generator.contexts.common import base_context
from generator.figures.bundle import Bundle
from generator.figures.core import Change, breakdown, compared, ratio
from generator.figures.tables import (
    CLASSES,
    FUNDS,
    PERSONNEL,
    PUBLIC,
    Row,
    Tables,
    add_all,
    compute_tables,
)
from generator.load.catalog import Catalog, economic_catalog, glossary
from generator.pending import Pending

ZERO = Decimal("0")
SOURCES = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入",
           "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
FUND_NAMES = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
VEHICLE_KINDS = ["部级领导干部用车", "主要领导干部用车", "机要通信用车", "应急保障用车", "执法执勤用车",
                 "特种专业技术用车", "离退休干部用车", "其他用车"]
GLOSSARY = ["财政拨款收入", "事业收入", "经营收入", "其他收入", "年初结转和结余", "年末结转和结余", "基本支出",
            "项目支出", "经营支出", "“三公”经费", "机关运行经费"]
PROJECT_GRADES = [(Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "合格"), (Decimal("-Infinity"), "不合格")]


def named(rows: list[Row], cat: Catalog, year: int) -> list[dict]:
    """Table rows with their code names."""
    return [{"code": r.code, "name": cat.name(r.code, year) or "", "level": r.level, "v": r.values} for r in rows]


def class_label(i: int, code: str, cat: Catalog, year: int) -> str:
    """一、一般公共服务支出 … as the 总表 lists the 24 classes."""
    return f"{formatting.chinese_number(i)}、{cat.name(code, year)}"


def economic_sides(tables: Tables) -> list[dict]:
    """The 基本支出 table's rows: 人员经费 items on the left, 公用经费 items on the right."""
    cat = economic_catalog()

    def side(prefixes):
        codes = sorted(c for c in set(cat) | set(tables.economic) if c[:3] in prefixes)
        return [{"code": c, "name": cat.get(c, ""), "amount": tables.economic.get(c)} for c in codes]
    left, right = side(PERSONNEL), side(PUBLIC)
    empty = {"code": "", "name": "", "amount": None}
    size = max(len(left), len(right))
    return [{"l": (left + [empty] * size)[i], "r": (right + [empty] * size)[i]} for i in range(size)]


def three_public(bundle: Bundle) -> dict[str, Any]:
    """The 三公 table and sentences: budget and actual by category, changes against last year."""
    tp, prev = bundle.year.three_public, bundle.year.previous
    vehicles_budget = tp.vehicle_purchase.budget + tp.vehicle_operation.budget
    vehicles = tp.vehicle_purchase.actual + tp.vehicle_operation.actual
    total_budget = tp.abroad.budget + vehicles_budget + tp.reception.budget
    total = tp.abroad.actual + vehicles + tp.reception.actual
    return {
        "budget": total_budget, "total": total, "completion": ratio(total, total_budget),
        "vehicles_budget": vehicles_budget, "vehicles": vehicles,
        "abroad_completion": ratio(tp.abroad.actual, tp.abroad.budget),
        "vehicles_completion": ratio(vehicles, vehicles_budget),
        "reception_completion": ratio(tp.reception.actual, tp.reception.budget),
        "change": Change(total, prev.three_public), "abroad_change": Change(tp.abroad.actual, prev.abroad),
        "vehicles_change": Change(vehicles, prev.vehicles), "reception_change": Change(tp.reception.actual, prev.reception),
        "shares": breakdown([("abroad", tp.abroad.actual), ("vehicles", vehicles), ("reception", tp.reception.actual)]),
    }


def performance(bundle: Bundle) -> dict[str, Any]:
    """十、预算绩效管理: counts and amounts of projects at each stage, average score and grades."""
    projects, figs = bundle.year.projects, bundle.figures.projects
    scored = [p.self_score for p in projects if p.self_evaluated and p.self_score is not None]
    grades = {name: 0 for _, name in PROJECT_GRADES}
    for s in scored:
        grades[next(name for floor, name in PROJECT_GRADES if s >= floor)] += 1
    stage = lambda keep: (sum(1 for p in projects if keep(p)), sum((f.budget for p, f in zip(projects, figs) if keep(p)), ZERO))
    return {
        "targets": stage(lambda p: True), "monitored": stage(lambda p: p.monitored), "evaluated": stage(lambda p: p.self_evaluated),
        "average": sum(scored, ZERO) / len(scored) if scored else None, "grades": grades,
    }


def national(bundle: Bundle) -> dict[str, Any]:
    """Variables of the national-layout 部门决算."""
    ctx = base_context(bundle)
    year, cat, y = bundle.year, bundle.catalog, bundle.year.year
    t = compute_tables(year)
    prev = year.previous
    fiscal_total = t.fiscal_grand
    general = t.fiscal_class_total("一般公共预算")
    general_initial = bundle.figures.general_budget_initial
    ctx.update({
        "t": t, "sources": [{"name": f"{formatting.chinese_number(i)}、{n}", "amount": a} for i, (n, a) in enumerate(zip(SOURCES, t.income_sources), 1)],
        "class_rows": [{"label": class_label(i, c, cat, y), "amount": t.class_spending.get(c, ZERO),
                        "fiscal": t.fiscal_class.get(c, [ZERO] * 4)} for i, c in enumerate(CLASSES, 1)],
        "fund_rows": [{"name": f"{formatting.chinese_number(i)}、{n}", "income": t.fiscal_income[f], "start": t.fiscal_start[f],
                       "end": t.fiscal_end[f]} for i, (n, f) in enumerate(zip(FUND_NAMES, FUNDS), 1)],
        "fiscal_totals": [t.fiscal_class_total(f) for f in FUNDS],
        "income_rows": named(t.income, cat, y), "spending_rows": named(t.spending, cat, y),
        "general_rows": named(t.general, cat, y), "economic_rows": economic_sides(t),
        "gov_fund_rows": named(t.funds["政府性基金预算"], cat, y), "capital_rows": named(t.funds["国有资本经营预算"], cat, y),
        "covered": year.covered_units, "tp": three_public(bundle), "perf": performance(bundle),
        "grand_change": Change(t.grand_total, prev.grand_total), "fiscal_grand": fiscal_total,
        "fiscal_change": Change(fiscal_total, prev.fiscal_total), "general": general,
        "general_share": ratio(general, t.spending_total), "general_change": Change(general, prev.general_budget_expenditure),
        "general_initial": general_initial, "general_completion": ratio(general, general_initial),
        "general_word": compared(general, general_initial), "reason_missing": str(Pending("原因")),
        "income_parts": _parts(t.income_sources, SOURCES),
        "spending_parts": _spending_parts(t),
        "general_classes": _general_classes(bundle, t),
        "item_lines": _item_lines(bundle, "一般公共预算"), "gov_fund_lines": _item_lines(bundle, "政府性基金预算"),
        "capital_lines": _item_lines(bundle, "国有资本经营预算"),
        **_basic_spending(year, t),
        "vehicle_counts": [{"kind": k, "count": year.assets.vehicles.get(k, 0)} for k in VEHICLE_KINDS],
        "glossary": [{"term": g, "text": glossary("全国").get(g, "")} for g in GLOSSARY],
        "missing_tables": table_facts(year),
        "income_total": _level1_sum(t.income, 7), "spending_total": _level1_sum(t.spending, 6),
        "general_total": _level1_sum(t.general, 3),
        "gov_fund_rows_total": _level1_sum(t.funds["政府性基金预算"], 6),
        "capital_rows_total": _level1_sum(t.funds["国有资本经营预算"], 6),
    })
    return ctx


def _level1_sum(rows: list[Row], width: int) -> list:
    """Column totals of a table: the sum of its 类 rows."""
    return add_all([r.values for r in rows if r.level == 1], width)


def _parts(values: list[Decimal], names: list[str]) -> list[dict]:
    """本年收入合计 的构成: 财政拨款收入 together, then the other sources, with shares (nonzero only)."""
    fiscal = sum(values[:3], ZERO)
    items = [("财政拨款收入", fiscal)] + list(zip(names[3:], values[3:]))
    return [{"name": p.key, "amount": p.amount, "share": p.share} for p in breakdown([i for i in items if i[1]])]


def _spending_parts(t: Tables) -> list[dict]:
    """本年支出合计 的构成: 基本, 项目, 上缴上级, 经营, 对附属单位补助 (nonzero only)."""
    names = ["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
    totals = [sum((r.values[i] or ZERO for r in t.spending if r.level == 1), ZERO) for i in range(1, 6)]
    return [{"name": p.key, "amount": p.amount, "share": p.share} for p in breakdown([i for i in zip(names, totals) if i[1]])]


def _general_classes(bundle: Bundle, t: Tables) -> list[dict]:
    """一般公共预算财政拨款支出 by 类 with shares."""
    rows = [r for r in t.general if r.level == 1]
    return [{"name": bundle.catalog.name(r.code, bundle.year.year), "amount": p.amount, "share": p.share}
            for r, p in zip(rows, breakdown([(r.code, r.values[0] or ZERO) for r in rows]))]


def _basic_spending(year, t: Tables) -> dict[str, Any]:
    """人员经费 and 公用经费 of 基本支出 with what they include; pending without the 基本支出明细 they come from."""
    if not year.economic_lines:
        missing = Pending("基本支出明细")
        return {"personnel": missing, "public": missing, "personnel_names": [str(missing)], "public_names": [str(missing)]}
    return {"personnel": t.personnel, "public": t.public,
            "personnel_names": [economic_catalog().get(c, c) for c in sorted(t.economic) if len(c) == 5 and c[:3] in PERSONNEL],
            "public_names": [economic_catalog().get(c, c) for c in sorted(t.economic) if len(c) == 5 and c[:3] in PUBLIC]}


def _item_lines(bundle: Bundle, fund: str) -> list[dict]:
    """Each 项 of a fund with its 类/款/项 names, budget, spending and the clerk's reasons."""
    cat, y = bundle.catalog, bundle.year.year
    out = []
    for line in sorted((l for l in bundle.year.expenditure.lines if l.fund == fund), key=lambda l: l.code):
        out.append({"path": f"{cat.name(line.code[:3], y)}（类）{cat.name(line.code[:5], y)}（款）{cat.name(line.code, y)}（项）",
                    "purpose": line.purpose, "initial": line.start_budget, "actual": line.actual,
                    "word": compared(line.actual, line.start_budget), "reason": line.reason})
    return out
