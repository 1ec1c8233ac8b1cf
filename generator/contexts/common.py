"""Per-document template variables built from the model and its figures (see templates/README.md)."""
from __future__ import annotations

from typing import Any, Optional

from generator import formatting
from generator.constants import GRADES, SPENDING_KINDS
from generator.contexts.items import fund_lines
from generator.figures import national as fn
from generator.figures.bundle import Bundle
from generator.figures.core import Part, breakdown
from generator.figures.indicators import scored
from generator.figures.tables import income_sources
from generator.figures.unit import department_count, staffing_parts, staffing_total
from generator.load.catalog import glossary
from generator.model import (
    Body,
    CodeChoice,
    Indicator,
    Item,
    Lead,
    OverallEvaluation,
    Project,
    Report,
    Section,
    Unit,
    Year,
)
from generator.model.accounts import INCOME_SOURCES
from generator.model.layouts import Layout
from generator.pending import PendingCount

INCOME_LABELS = dict(INCOME_SOURCES)
CODES_MARKER = "功能分类科目"


def labelled(parts: list[Part], labels: dict[str, str]) -> list[dict]:
    """Breakdown parts with their Chinese names."""
    return [{"name": labels[p.key], "amount": p.amount, "share": p.share,
             "budget": p.budget, "completion": p.completion} for p in parts]


def code_classes(bundle: Bundle) -> list[dict]:
    """一般公共预算 spending by 类, each with its 项 lines and their names."""
    cat, year = bundle.catalog, bundle.year.year
    return [{
        "number": formatting.heading_number(3, i), "code": g.code, "name": cat.name(g.code, year), "short": cat.short(g.code, year),
        "amount": g.amount, "budget": g.budget, "share": g.share,
        "lines": [{"code": l.key, "name": cat.name(l.key, year), "amount": l.amount,
                   "budget": l.budget, "completion": l.completion, "change": bundle.figures.line_changes.get(l.key),
                   "spend_word": _spend_word(cat.name(l.key, year) or "")} for l in g.lines],
    } for i, g in enumerate(bundle.figures.classes, 1)]


def _spend_word(name: str) -> str:
    """支出 after a code name unless the name already ends with it."""
    return "" if name.endswith("支出") else "支出"


def glossary_entries(bundle: Bundle) -> list[dict]:
    """The chosen glossary entries in order, the code marker expanded into one entry per 款."""
    standard, entries = glossary(bundle.layout.glossary), []
    for choice in bundle.year.glossary:
        if isinstance(choice, CodeChoice):
            entries.extend(_code_entries(bundle, choice.codes))
        elif choice == CODES_MARKER:
            entries.extend(_code_entries(bundle, None))
        else:
            entries.append({"term": choice, "text": wording(bundle, choice, standard)})
    return [dict(e, number=formatting.heading_number(3, i)) for i, e in enumerate(entries, 1)]


def wording(bundle: Bundle, term: str, standard: dict[str, str]) -> str:
    """A glossary entry's text: the year's own wording, else the unit's, else the standard one."""
    for own in (bundle.year.glossary_wording, bundle.unit.glossary_wording):
        if term in own:
            return own[term]
    return standard.get(term, "")


def _code_entries(bundle: Bundle, chosen: list[str] | None) -> list[dict]:
    """Glossary entries explaining 款 codes (all used, or the chosen ones): 一般公共服务20111指纪检监察事务，其中…"""
    cat, year = bundle.catalog, bundle.year.year
    used: dict[str, list[str]] = {}
    for line in sorted(bundle.year.expenditure.lines, key=lambda l: l.code):
        used.setdefault(line.code[:5], []).append(line.code)
    out = []
    for kuan in (chosen if chosen is not None else list(used)):
        named = "，".join(f"{c}指{cat.name(c, year)}" for c in used.get(kuan, []))
        text = f"{cat.short(kuan[:3], year)}{kuan}指{cat.name(kuan, year)}" + (f"，其中{named}" if named else "") + "。"
        out.append({"term": None, "text": text})
    return out


def paragraph(p: Lead | str) -> dict:
    """A paragraph as lead (bold) and text."""
    if isinstance(p, Lead):
        return {"lead": p.lead, "text": p.text}
    return {"lead": "", "text": p}


def report_blocks(report: Report) -> list[dict]:
    """A narrative report flattened into numbered headings and paragraphs, in order."""
    blocks: list[dict] = []
    for n, section in enumerate(report.sections, 1):
        _section_blocks(section, 1, n, blocks)
    return blocks


def _section_blocks(section: Section, level: int, n: int, blocks: list[dict]) -> None:
    """Blocks of one section and its sub-sections."""
    blocks.append({"kind": "heading", "level": level, "number": formatting.heading_number(level, n), "text": section.title, "lead": ""})
    blocks.extend({"kind": "para", **paragraph(p)} for p in section.paragraphs)
    for i, item in enumerate(section.items, 1):
        _item_blocks(item, formatting.heading_number(level + 1, i), blocks)
    for i, sub in enumerate(section.sections, 1):
        _section_blocks(sub, level + 1, i, blocks)


def _item_blocks(item: Item | str, number: str, blocks: list[dict]) -> None:
    """Blocks of one numbered item: its number leads the title or first paragraph."""
    if isinstance(item, str):
        blocks.append({"kind": "para", "lead": "", "text": number + item})
        return
    if item.title:
        blocks.append({"kind": "para", "lead": "", "text": number + item.title})
        blocks.extend({"kind": "para", **paragraph(p)} for p in item.paragraphs)
    else:
        first, *rest = [paragraph(p) for p in item.paragraphs] or [{"lead": "", "text": ""}]
        blocks.append({"kind": "para", "lead": first["lead"], "text": number + first["text"]} if not first["lead"] else {"kind": "para", "lead": number + first["lead"], "text": first["text"]})
        blocks.extend({"kind": "para", **p} for p in rest)


def project_view(bundle: Bundle, project: Project, index: int) -> dict:
    """A project with its totals and table rows."""
    figs = bundle.figures.projects[index]
    return {
        "index": index + 1, "name": project.name, "budget_unit": project.budget_unit or bundle.budget_unit,
        "budget": project.budget, "spent": project.spent, "budget_total": figs.budget,
        "spent_total": figs.spent, "completion": figs.completion, "goal": project.goal,
        "achieved": project.achieved, "summary": project.summary,
        "indicators": project.indicators, "has_report": project.evaluation is not None,
        "sublevels": any(i.level2 or i.level3 for i in project.indicators),
    }


def staffing(unit: Unit) -> dict:
    """编制 by kind with its total."""
    total = staffing_total(unit)
    return {"total": PendingCount("编制人数") if total is None else total,
            "parts": [{"name": k, "count": v} for k, v in staffing_parts(unit)]}


def base_context(bundle: Bundle) -> dict[str, Any]:
    """Variables every document of a unit-year sees."""
    unit, year, figs = bundle.unit, bundle.year, bundle.figures
    counter = formatting.HeadingCounter()
    return {
        "unit": unit, "d": year, "f": figs, "year": year.year, "prev_year": year.year - 1,
        "staffing": staffing(unit), "budget_unit": bundle.budget_unit,
        "number_format": bundle.layout.format, "options": bundle.layout.options,
        "numbering": counter, "part": counter.part, "h1": counter.h1, "h2": counter.h2, "h3": counter.h3, "h4": counter.h4, "item": counter.item,
        "income_parts": labelled(figs.income_parts, INCOME_LABELS),
        "spending_kind": labelled(figs.spending_kind, SPENDING_KINDS),
        "classes": code_classes(bundle),
        "changes": figs.changes,
        "projects": [project_view(bundle, p, i) for i, p in enumerate(year.projects)],
    }


def final_accounts(bundle: Bundle, annexes: list[dict]) -> dict[str, Any]:
    """Variables of the 部门决算说明."""
    ctx = base_context(bundle)
    year = bundle.year
    tp = bundle.figures.three_public
    ctx.update({
        "three_public": {"abroad": tp[0], "vehicles": tp[1], "reception": tp[2]},
        "glossary": glossary_entries(bundle),
        "assessed_projects": [p.name for p in year.projects if p.prior_assessment],
        "targeted_count": bundle.figures.targeted_count,
        "monitored_count": bundle.figures.monitored_count,
        "self_evaluated_count": bundle.figures.self_evaluated_count,
        "vehicles": [{"kind": k, "count": v} for k, v in year.assets.vehicle_items],
        "annexes": annexes,
        "overall_annex": next((a["number"] for a in annexes if a["project"] is None), None),
        "project_annexes": [{"number": a["number"], "name": a["project"]} for a in annexes if a["project"]],
        "procurement": procurement_parts(year, bundle.layout),
        "project_forms": [p.name for p in year.projects if p.form is not None],
        "organization": organization_text(bundle.unit),
        **fund_lines(bundle), "tp": fn.three_public(year, bundle.figures, bundle.layout.rules.whole_shares),
        "end_carryover": bundle.tables.end_carryover,
        "income_sources": [{"key": key, "name": name, "amount": amount}
                           for (key, name), amount in zip(INCOME_SOURCES, income_sources(year))],
        "spending_total": fn.spending_table_total(year, bundle.tables),
    })
    return ctx


def procurement_parts(year: Year, layout: Layout) -> list[dict]:
    """政府采购 by kind, the non-zero ones, each with its share of the total (rounded as the layout prints shares)."""
    p = year.procurement
    parts = breakdown([("政府采购货物支出", p.goods), ("政府采购工程支出", p.works), ("政府采购服务支出", p.services)],
                      places=layout.format.places, whole=layout.rules.whole_shares)
    return [{"name": part.key, "amount": part.amount, "share": part.share} for part in parts if part.amount]


def organization_text(unit: Unit) -> Optional[str]:
    """The 机构设置 sentence built from the unit's 内设机构, None when the unit lists none."""
    if unit.departments:
        text = f"{unit.short}内设科室{department_count(unit)}个，分别为：{formatting.join_list(department_names(unit))}。"
        if unit.other_bodies:
            text += f"另外，还包括{formatting.join_list(unit.other_bodies, last='及')}。"
        return text
    if unit.departments_summary:
        return f"{unit.short}内部机构共设{unit.departments_summary}。"
    return None


def overall_evaluation(bundle: Bundle) -> dict[str, Any]:
    """Variables of the 部门整体支出绩效评价报告 (四川), its sections taken from other facts when not written."""
    ctx = base_context(bundle)
    year, unit = bundle.year, bundle.unit
    ev = year.overall_evaluation or OverallEvaluation()
    se = bundle.figures.self_eval
    organization = ev.organization or organization_text(unit)
    conclusion = ev.conclusion or (se and f"经自评，{year.year}年度部门整体支出绩效总分{formatting.score(se.score_total)}分，等级为“{se.grade}”。")
    ctx["ev"] = {
        "organization": organization or "无", "budget_management": ev.budget_management or year.spending_rules or "无",
        "special_management": ev.special_management or "无", "result_use": ev.result_use or "无",
        "conclusion": conclusion or "无", "problems": ev.problems or year.performance_problems or "无",
        "suggestions": ev.suggestions or "无",
    }
    return ctx


def project_report(bundle: Bundle, index: int) -> dict[str, Any]:
    """Variables of one 项目支出绩效评价报告."""
    ctx = base_context(bundle)
    project = bundle.year.projects[index]
    ctx.update({"project": project_view(bundle, project, index), "report": project.evaluation,
                "blocks": report_blocks(project.evaluation) if project.evaluation else []})
    return ctx



def department_names(unit: Unit) -> list[str]:
    """内设机构 names."""
    return [d.name if isinstance(d, Body) else d for d in unit.departments]


def indicator_rows(bundle: Bundle) -> list[dict]:
    """自评表 indicator rows with vertical-merge marks for the 一级 and 二级 cells."""
    se, figs = bundle.year.self_evaluation, bundle.figures.self_eval
    if se is None or figs is None:
        return []
    caps = {g.name: g.weight for g in figs.level1}
    rows: list[dict] = []
    prev: Optional[Indicator] = None
    for ind in se.indicators:
        new1 = prev is None or ind.level1 != prev.level1
        new2 = new1 or (prev is not None and ind.level2 != prev.level2)
        rows.append({
            "level1": f"{ind.level1}（{formatting.score(caps[ind.level1])}分）", "m1": "restart" if new1 else "continue",
            "level2": ind.level2, "m2": "restart" if new2 else "continue", "level3": ind.level3,
            "target": ind.target, "actual": ind.actual, "weight": ind.weight, "score": scored(ind, bundle.layout.rules.proportional),
            "deviation": ind.deviation,
        })
        prev = ind
    return rows


def self_evaluation_report(bundle: Bundle) -> dict[str, Any]:
    """Variables of the 部门整体支出绩效自评报告 with its 自评表 (湖南)."""
    ctx = base_context(bundle)
    year = bundle.year
    titles = [s.title for s in year.work]
    ctx.update({
        "functions": [{"number": formatting.heading_number(5, i), "text": t} for i, t in enumerate(bundle.unit.functions, 1)],
        "department_count": department_count(bundle.unit),
        "departments": department_names(bundle.unit),
        "work": [{"title": s.title, "paragraphs": [paragraph(p) for p in s.paragraphs]} for s in year.work],
        "work_intro": [paragraph(p) for p in year.work_intro],
        "work_summary": [paragraph(p) for p in year.work_summary],
        "project_funds": bundle.figures.project_funds,
        "se": bundle.figures.self_eval, "sd": year.self_evaluation,
        "achieved": (year.self_evaluation.achieved if year.self_evaluation else None) or "；".join(formatting.heading_number(5, i) + t for i, t in enumerate(titles, 1)),
        "indicator_rows": indicator_rows(bundle),
        "grades": [{"floor": floor, "name": name} for floor, name in GRADES],
    })
    return ctx
