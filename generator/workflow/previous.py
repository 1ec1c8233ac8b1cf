"""The previous-year step of the pipeline: last year's file is loaded and validated like any year file, its
figures derived, and they fill (and must agree with) the 上年 figures written in this year's file."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Optional

from generator.checks.registry import severity_of
from generator.errors import WARNING, Finding
from generator.figures import sums
from generator.figures.previous import derive
from generator.formatting import money
from generator.load.reader import Loaded, load_yaml
from generator.model import Previous, Year
from generator.model.sourcing import sourced
from generator.model.validation import validate
from generator.workflow import discover


def previous_file(year_file: Path, year: int) -> Optional[Path]:
    """Last year's file of the same unit (2018.yaml, 2018.YML …), if there is one."""
    return discover.year_file(year_file.parent, year - 1)


def merge(year: Year, year_loaded: Loaded, traced: bool = False) -> list[Finding]:
    """Fill ``year.previous`` from last year's file; a figure written in both must agree; a gap is reported
    (``traced``: last year's figures name their lines, as a draft's do)."""
    path = previous_file(year_loaded.path, year.year)
    if path is None:
        return gap(year, year_loaded)
    loaded = load_yaml(path)
    last = validate(Year, loaded)[0] if loaded.ok else None
    if last is None:
        return [year_loaded.finding(("上年",), f"上年文件 {path.name} 有错误，比较用的上年数未能从中读取（先运行 check {path.name}）。", WARNING)]
    if traced:
        sourced(last, loaded)
    derived, out = derive(last), []
    for name, field in Previous.model_fields.items():
        written: Optional[Decimal] = getattr(year.previous, name)
        value = getattr(derived, name)
        if written is not None and value is not None and written != value:
            severity = severity_of(sums.gap(written, value))
            message = f"这里写的上年数 {money(written)} 与 {path.name} 计算得到的 {money(value)} 不一致。请删去这一项（自动取上年文件），或改正其中一个。"
            out.append(year_loaded.finding(("上年", field.alias), message, severity))
        elif written is None:
            setattr(year.previous, name, value)
    return out + _lines_against(year, last, year_loaded, path.name)


def _lines_against(year: Year, last: Year, year_loaded: Loaded, name: str) -> list[Finding]:
    """A finding for each code line whose written 上年决算数 is not that code's 决算数 in last year's file."""
    actual = {line.code: line.actual for line in last.expenditure.lines}
    out = []
    for i, line in enumerate(year.expenditure.lines):
        if line.previous is None or line.code not in actual or line.previous == actual[line.code]:
            continue
        message = (f"科目 {line.code} 的上年决算数 {money(line.previous)} 与 {name} 中这个科目的决算数 {money(actual[line.code])} 不一致。"
                   "请改正其中一个。")
        out.append(year_loaded.finding(("支出", "科目", i, "上年决算数"), message, severity_of(sums.gap(line.previous, actual[line.code]))))
    return out


def gap(year: Year, year_loaded: Loaded) -> list[Finding]:
    """A warning when an earlier year's file exists but not last year's, and no 上年 figure is written: the documents
    would compare with nothing."""
    earlier = [p for p in discover.year_files(year_loaded.path.parent) if int(p.stem) < year.year]
    if not earlier or any(v is not None for _, v in year.previous):
        return []
    return [year_loaded.finding(("上年",), f"没有 {year.year - 1} 年的年度文件（最近的是 {earlier[-1].name}），与上年比较的数字都取不到，"
                                          f"文档里不会写与上年的比较。请补上 {year.year - 1} 年的文件，或在“上年:”中填写上年数。", WARNING)]
