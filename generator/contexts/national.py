"""Template variables of the national-layout 部门决算: the nine tables with names, and 第三部分's figures."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator import formatting
from generator.checks.requirements import table_facts
from generator.constants import ZERO
from generator.contexts.common import base_context, organization_text, wording
from generator.contexts.items import fund_lines
from generator.figures import national as fn
from generator.figures.bundle import Bundle
from generator.figures.columns import FundColumns, GeneralColumns
from generator.figures.core import Change
from generator.figures.tables import (
    FISCAL_ZERO,
    FUNDS,
    PERSONNEL,
    PUBLIC,
    Row,
    Tables,
)
from generator.load.catalog import Catalog, economic_catalog, glossary
from generator.model.accounts import INCOME_SOURCES
from generator.pending import Pending

FUND_NAMES = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
GLOSSARY = ["财政拨款收入", "事业收入", "经营收入", "其他收入", "年初结转和结余", "年末结转和结余", "基本支出",
            "项目支出", "经营支出", "“三公”经费", "机关运行经费"]


def named(rows: list[Row], cat: Catalog, year: int) -> list[dict]:
    """Table rows with their code names."""
    return [{"code": r.code, "name": cat.name(r.code, year) or "", "level": r.level, "v": r.values} for r in rows]


def class_label(i: int, code: str, cat: Catalog, year: int) -> str:
    """一、一般公共服务支出 … as the 总表 lists the 24 classes."""
    return f"{formatting.heading_number(1, i)}{cat.name(code, year)}"


def economic_sides(amounts: dict[str, Decimal], known: bool) -> list[dict]:
    """The 基本支出 table's rows: 人员经费 items on the left, 公用经费 items on the right.

    Every code of the catalogue is listed, 0.00 where nothing was spent, as published tables list them; the amounts
    are blank while the 基本支出明细 they come from is not written.
    """
    cat = economic_catalog()

    def side(prefixes):
        codes = sorted(c for c in set(cat) | set(amounts) if c[:3] in prefixes)
        return [{"code": c, "name": cat.get(c, ""), "amount": amounts.get(c, ZERO) if known else None} for c in codes]
    left, right = side(PERSONNEL), side(PUBLIC)
    empty = {"code": "", "name": "", "amount": None}
    size = max(len(left), len(right))
    return [{"l": (left + [empty] * size)[i], "r": (right + [empty] * size)[i]} for i in range(size)]


def national(bundle: Bundle) -> dict[str, Any]:
    """Variables of the national-layout 部门决算."""
    ctx = base_context(bundle)
    year, figs, whole = bundle.year, bundle.figures, bundle.layout.rules.whole_shares
    t, organization = bundle.tables, organization_text(bundle.unit)
    ctx.update({"t": t, "covered": covered_rows(year), "reason_missing": str(Pending("原因")),
                "budget_basis": year.budget_basis,
                "basis_word": "预算" if year.budget_basis == "年初预算" else "全年预算",
                "missing_tables": {n: str(Pending("、".join(facts))) for n, facts in table_facts(year).items()}, "glossary": _glossary(bundle),
                "organization": organization or str(Pending("决算单位或机构设置")),
                "institutions_known": bool(year.institutions) or organization is not None})
    ctx.update(_table_rows(bundle, t))
    ctx.update(fn.fiscal_summary(t))
    ctx.update(fn.general_budget(year, figs, t))
    ctx.update({
        "tp": fn.three_public(year, figs, whole), "perf": fn.performance(year, figs),
        "grand_change": Change(t.grand_total, year.previous.grand_total), "fiscal_grand": t.fiscal_grand,
        "fiscal_change": Change(t.fiscal_grand, year.previous.fiscal_total),
        "income_parts": _parts(fn.income_parts(t, whole)), "spending_parts": _parts(fn.spending_parts(year, figs, whole)),
        "general_classes": _general_classes(bundle, t),
        **fund_lines(bundle),
        "vehicle_counts": [{"kind": k, "count": count} for k, count in fn.vehicle_counts(year).items()],
        **_basic_spending(year, t),
    })
    return ctx


def _table_rows(bundle: Bundle, t: Tables) -> dict[str, Any]:
    """The nine tables' rows with their names and numbers, and each table's totals."""
    cat, y = bundle.catalog, bundle.year.year
    return {
        "sources": [{"name": formatting.heading_number(1, i) + label, "amount": a}
                    for i, ((_, label), a) in enumerate(zip(INCOME_SOURCES, t.income_sources), 1)],
        "class_rows": [{"label": class_label(i, c, cat, y), "amount": t.class_spending.get(c, ZERO),
                        "fiscal": t.fiscal_class.get(c, FISCAL_ZERO)} for i, c in enumerate(bundle.table_classes, 1)],
        "fund_rows": [{"name": formatting.heading_number(1, i) + n, "income": t.fiscal_income[f], "start": t.fiscal_start[f],
                       "end": t.fiscal_end[f]} for i, (n, f) in enumerate(zip(FUND_NAMES, FUNDS), 1)],
        "income_rows": named(t.income, cat, y), "spending_rows": named(t.spending, cat, y),
        "general_rows": named(t.general, cat, y), "economic_rows": economic_sides(fn.economic_printed(bundle.year, t), bool(bundle.year.economic_lines)),
        "gov_fund_rows": named(t.funds["政府性基金预算"], cat, y), "capital_rows": named(t.funds["国有资本经营预算"], cat, y),
        "income_total": fn.income_table_total(t), "spending_total": fn.spending_table_total(bundle.year, t),
        "general_total": fn.level1_total(t.general, GeneralColumns, t.spent_from),
        "gov_fund_rows_total": fn.level1_total(t.funds["政府性基金预算"], FundColumns, t.spent_from),
        "capital_rows_total": fn.level1_total(t.funds["国有资本经营预算"], FundColumns, t.spent_from),
    }


def covered_rows(year) -> list[dict]:
    """The 决算单位 table's rows, numbered."""
    return [{"number": i, "name": u.name, "note": u.note} for i, u in enumerate(year.covered_units, 1)]


def _glossary(bundle: Bundle) -> list[dict]:
    """The glossary entries the unit chose (else the national template's eleven), in its own wording, numbered 一、二、…."""
    standard = glossary(bundle.layout.glossary)
    chosen = [g for g in bundle.year.glossary if isinstance(g, str) and g in standard] or GLOSSARY
    return [{"number": formatting.heading_number(1, i), "term": g, "text": wording(bundle, g, standard)} for i, g in enumerate(chosen, 1)]


def _general_classes(bundle: Bundle, t: Tables) -> list[dict]:
    """一般公共预算财政拨款支出 by 类 with their names and shares: the 类 it was spent on (a 类 of nothing is not what
    it was “主要用于”)."""
    return [{"name": bundle.catalog.name(p.key, bundle.year.year), "amount": p.amount, "share": p.share}
            for p in fn.general_class_parts(t, bundle.layout.rules.whole_shares) if p.amount]


def _parts(parts: list) -> list[dict]:
    """Breakdown parts as name, amount and share (with budget and completion, as every document's income_parts)."""
    return [{"name": p.key, "amount": p.amount, "share": p.share, "budget": p.budget, "completion": p.completion} for p in parts]


def _basic_spending(year, t: Tables) -> dict[str, Any]:
    """人员经费 and 公用经费 of 基本支出 with what they include (pending without the 基本支出明细)."""
    personnel, public, total = fn.basic_spending(year, t)
    if not year.economic_lines:
        names = [str(personnel)]
        return {"personnel": personnel, "public": public, "basic_total": total, "personnel_names": names, "public_names": names}
    return {"personnel": personnel, "public": public, "basic_total": total,
            "personnel_names": [economic_catalog().get(c, c) for c in sorted(t.economic) if len(c) == 5 and c[:3] in PERSONNEL],
            "public_names": [economic_catalog().get(c, c) for c in sorted(t.economic) if len(c) == 5 and c[:3] in PUBLIC]}
