"""Rules over each 科目 line's own parts: 决算数 = 基本支出 + 项目支出, 基本支出 = 人员经费 + 公用经费."""
from __future__ import annotations

from generator.checks.registry import mismatch, rule
from generator.errors import Finding
from generator.figures.bundle import Bundle
from generator.figures.sums import total
from generator.formatting import money
from generator.load.reader import Loaded


@rule
def line_parts_add_up(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A line's written 决算数 is its 基本支出 + 项目支出, and its 人员经费 + 公用经费 (when both are written) its 基本支出;
    the tables print the parts, so a total that differs from them would be published twice, differently."""
    out: list[Finding] = []
    for i, line in enumerate(bundle.year.expenditure.lines):
        where = ("支出", "科目", i)
        if line.basic is not None and line.project is not None:
            out += mismatch(year_file, where + ("决算数",), line.actual, total([line.basic, line.project]),
                            f"科目 {line.code} 的基本支出 {money(line.basic)} 与项目支出 {money(line.project)} 之和")
        if line.basic is not None and line.personnel is not None and line.public is not None:
            out += mismatch(year_file, where + ("人员经费",), total([line.personnel, line.public]), line.basic,
                            f"科目 {line.code} 的人员经费与公用经费之和对比：基本支出")
    return out
