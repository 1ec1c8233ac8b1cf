"""What a workbook read gives: the grid, the sheet and cell of each value, the tables' sheets and units, and findings."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import ERROR, Finding, Severity
from generator.excel.cells import NotAmount, amount
from generator.excel.shapes import Grid
from generator.excel.workbook import Sheet, cell_name
from generator.load.reader import display_path


@dataclass
class Place:
    """Where a grid value came from: sheet, cell and the row's label."""

    sheet: str
    cell: str
    label: str


@dataclass
class Read:
    """A workbook read: the grid, where each value is, the sheet of each table, and what could not be placed."""

    path: Path
    grid: Grid = field(default_factory=dict)
    places: dict[tuple[str, str, str], Place] = field(default_factory=dict)
    sheets: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    makers: list[str] = field(default_factory=list)  # the units the 编制单位 lines name
    units: dict[str, str] = field(default_factory=dict)
    unreadable: set[tuple[str, str, str]] = field(default_factory=set)

    def finding(self, sheet: str, cell: str, message: str, severity: Severity = ERROR) -> Finding:
        """A finding located at a sheet (and cell) of this workbook."""
        where = f"{sheet}!{cell}" if cell else sheet
        return Finding(display_path(self.path), 0, severity, where, message)

    def put(self, sheet: Sheet, table: str, row: tuple[int, str, str], col: tuple[int, str], unit: str) -> None:
        """Read one cell (row index, row key, label; column index, column key) into the grid."""
        r, key, label = row
        c, col_key = col
        name = cell_name(r, c)
        if name in sheet.uncached:  # reported once, as a formula without its result
            self.unreadable.add((table, key, col_key))
            return
        try:
            value = amount(sheet.value(r, c), unit)
        except NotAmount as exc:
            negative = re.fullmatch(r"[（(]\s*[\d,，.]+\s*[)）]", str(exc))
            why = "是会计格式的负数：决算表的金额不能为负，请核对" if negative else "请改成数字（没有写 0）"
            self.findings.append(self.finding(sheet.name, name, f"“{label}”的“{col_key}”应为金额，这里是“{exc}”。{why}。"))
            self.unreadable.add((table, key, col_key))
            return
        if value is not None and value < 0:
            self.findings.append(self.finding(sheet.name, name, f"“{label}”的“{col_key}”是负数 {value}：决算表的金额不能为负。"))
            return
        cells = self.grid.setdefault(table, {}).setdefault(key, {})
        if col_key in cells and self.places.get((table, key, col_key)):
            first = self.places[(table, key, col_key)]
            self.findings.append(self.finding(sheet.name, name, f"“{label}”在本表出现了两次（另一处在 {first.cell}），只导入了第一处。"))
            return
        cells[col_key] = value
        self.places[(table, key, col_key)] = Place(sheet.name, name, label)

    def names(self) -> dict[str, str]:
        """The 科目名称 the workbook gives each code row (2013902 → 一般行政管理事务)."""
        out: dict[str, str] = {}
        for (_, key, _), place in self.places.items():
            code, _, name = place.label.partition(" ")
            if code == key and key.isdigit() and name:
                out.setdefault(key, name)
        return out

    def unplaced(self, sheet: Sheet, r: int, label: str, why: str) -> None:
        """Report a row that holds amounts but that no table row takes."""
        self.findings.append(self.finding(sheet.name, cell_name(r, 0), f"第 {r + 1} 行“{label or '（无名称）'}”有金额，但{why}，未导入。"))
