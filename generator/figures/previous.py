"""Last year's figures for comparisons: from last year's file when it exists, checked against any written ones."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Optional

from generator.errors import ERROR, WARNING, Finding
from generator.figures.year import Figures, compute
from generator.formatting import money
from generator.load.reader import Loaded, load_yaml
from generator.model import Previous, Year
from generator.model.validation import validate

# Previous field → how last year's figures give it
FROM_FIGURES = {
    "income_total": lambda f, y: f.income_total,
    "expenditure_total": lambda f, y: f.expenditure_total,
    "fiscal_total": lambda f, y: f.fiscal_total,
    "general_budget_expenditure": lambda f, y: f.general_budget,
    "operating": lambda f, y: f.operating,
    "reception": lambda f, y: y.three_public.reception.actual,
    "three_public": lambda f, y: f.three_public_total,
    "abroad": lambda f, y: f.three_public[0].amount,
    "vehicles": lambda f, y: f.three_public[1].amount,
}


def previous_file(year_file: Path, year: int) -> Path:
    """Where last year's file of the same unit would be."""
    return year_file.with_name(f"{year - 1}{year_file.suffix}")


def derive(last: Year) -> Previous:
    """The previous-year figures a year file needs, computed from last year's facts."""
    from generator.figures.tables import compute_tables
    figures: Figures = compute(last)
    tables = compute_tables(last)
    values = {name: get(figures, last) for name, get in FROM_FIGURES.items()}
    values["grand_total"] = tables.grand_total
    return Previous(**values)


def merge(year: Year, year_loaded: Loaded) -> list[Finding]:
    """Fill ``year.previous`` from last year's file; a figure written in both must agree."""
    path = previous_file(year_loaded.path, year.year)
    if not path.is_file():
        return []
    loaded = load_yaml(path)
    last, findings = validate(Year, loaded) if loaded.ok else (None, loaded.findings)
    if last is None:
        return [year_loaded.finding(("上年",), f"上年文件 {path.name} 有错误，比较用的上年数未能从中读取（先运行 check {path.name}）。", WARNING)]
    derived, out = derive(last), []
    for name, field in Previous.model_fields.items():
        written: Optional[Decimal] = getattr(year.previous, name)
        value = getattr(derived, name)
        if written is not None and value is not None and written != value:
            severity = WARNING if abs(written - value) <= Decimal("0.01") else ERROR
            out.append(year_loaded.finding(("上年", field.alias), f"这里写的上年数 {money(written)} 与 {path.name} 计算得到的 {money(value)} 不一致。请删去这一项（自动取上年文件），或改正其中一个。", severity))
        elif written is None:
            setattr(year.previous, name, value)
    return out
