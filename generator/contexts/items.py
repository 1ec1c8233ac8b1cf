"""Each 项 of a fund as the documents explain it, line by line, with its 类/款/项 names."""
from __future__ import annotations

from generator import formatting
from generator.figures import national as fn
from generator.figures.bundle import Bundle

FUNDS = {"item_lines": "一般公共预算", "gov_fund_lines": "政府性基金预算", "capital_lines": "国有资本经营预算"}


def fund_lines(bundle: Bundle) -> dict[str, list[dict]]:
    """The 项 of each fund, under the variable names templates use (item_lines, gov_fund_lines, capital_lines)."""
    return {name: item_lines(bundle, fund) for name, fund in FUNDS.items()}


def item_lines(bundle: Bundle, fund: str) -> list[dict]:
    """Each 项 of a fund with its 类/款/项 names, budget, spending, completion, change and the clerk's reasons."""
    return [{"number": formatting.heading_number(5, i), "code": c.line.code, "path": code_path(bundle, c.line.code),
             "purpose": c.line.purpose, "budget": c.budget, "actual": c.line.actual, "word": c.word, "completion": c.completion,
             "reason": c.line.reason, "change": bundle.figures.line_changes[c.line.code], "change_reason": c.line.change_reason,
             "basic": c.line.basic, "project": c.line.project, "personnel": c.line.personnel, "public": c.line.public}
            for i, c in enumerate(fn.compared_lines(bundle.year, fund), 1)]


def code_path(bundle: Bundle, code: str) -> str:
    """X（类）Y（款）Z（项） for a code, as far as the code goes (a 类 code names its 类 only)."""
    cat, y = bundle.catalog, bundle.year.year
    levels = [("类", code[:3]), ("款", code[:5]), ("项", code)][: {3: 1, 5: 2, 7: 3}.get(len(code), 3)]
    return "".join(f"{cat.name(part, y) or part}（{level}）" for level, part in levels)
