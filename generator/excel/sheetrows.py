"""Each table's published form for the workbook: header cells (merged ranges), body rows and notes."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Optional

from generator import formatting
from generator.constants import FUNDS, ZERO
from generator.contexts.national import class_label
from generator.excel.shapes import AMOUNT, FISCAL_COLUMNS, FUND_LABELS, SUMMARY_LEFT, THREE_COLUMNS, TOTAL, Shape, ShapeKind
from generator.figures.bundle import Bundle
from generator.figures.tables import PERSONNEL, PUBLIC
from generator.load.catalog import economic_catalog

Cells = dict[str, dict[str, Optional[Decimal]]]


@dataclass
class Layout:
    """A table's header cells (row, col, last row, last col, text; 0-based), body rows, notes and column widths."""

    width: int
    header_rows: int
    headers: list[tuple[int, int, int, int, str]]
    rows: list[list[Any]]
    widths: list[int]
    notes: list[str] = field(default_factory=list)


def layout_of(shape: Shape, cells: Cells, bundle: Bundle) -> Layout:
    """A table's published form."""
    if shape.kind is ShapeKind.SIDES:
        return _summary(cells, bundle) if shape.key == "总表" else _fiscal(cells, bundle)
    if shape.kind is ShapeKind.ECONOMIC:
        return _economic(cells)
    if shape.kind is ShapeKind.THREE:
        return _three(cells)
    return _coded(shape, cells, bundle)


def _class_label(i: int, code: str, bundle: Bundle) -> str:
    """一、一般公共服务支出 … as the 总表 lists the 类 (the document's own label)."""
    return class_label(i, code, bundle.catalog, bundle.year.year)


def _amount(cells: Cells, row: str, col: str = AMOUNT) -> Optional[Decimal]:
    """A cell of the grid."""
    return cells.get(row, {}).get(col)


def _summary(cells: Cells, bundle: Bundle) -> Layout:
    """收入支出决算总表: 收入 项目|决算数 beside 支出 项目|决算数."""
    left = [[f"{formatting.heading_number(1, i)}{label}", _amount(cells, label)] for i, label in enumerate(SUMMARY_LEFT, 1)]
    right = [[_class_label(i, code, bundle), _amount(cells, code)] for i, code in enumerate(bundle.table_classes, 1)]
    body = _beside(left, right, (2, 2))
    feet = [("本年收入合计", "本年支出合计"), ("使用非财政拨款结余", "结余分配"), ("年初结转和结余", "年末结转和结余"), ("收入总计", "支出总计")]
    for lk, rk in feet:
        body.append([lk.replace("收入总计", "总计"), _amount(cells, lk), rk.replace("支出总计", "总计"), _amount(cells, rk)])
    headers = [(0, 0, 0, 1, "收入"), (0, 2, 0, 3, "支出"), (1, 0, 1, 0, "项目"), (1, 1, 1, 1, "决算数"), (1, 2, 1, 2, "项目"), (1, 3, 1, 3, "决算数")]
    return Layout(4, 2, headers, body, [34, 14, 34, 14])


def _beside(left: list[list[Any]], right: list[list[Any]], widths: tuple[int, int]) -> list[list[Any]]:
    """Two column groups side by side, the shorter padded with blank cells."""
    size = max(len(left), len(right))
    blank_left: list[Any] = [None] * widths[0]
    blank_right: list[Any] = [None] * widths[1]
    return [(left[i] if i < len(left) else blank_left) + (right[i] if i < len(right) else blank_right) for i in range(size)]


def _fiscal(cells: Cells, bundle: Bundle) -> Layout:
    """财政拨款收入支出决算总表: income and 年初 by fund beside spending by 类 and fund, and 年末."""
    labels = [f"{formatting.heading_number(1, i)}{FUND_LABELS[f]}" for i, f in enumerate(FUNDS, 1)]
    left = [[label, _amount(cells, f"收入:{f}")] for label, f in zip(labels, FUNDS)]
    right = [[_class_label(i, code, bundle), *[_amount(cells, code, k) for k in FISCAL_COLUMNS]]
             for i, code in enumerate(bundle.table_classes, 1)]
    body = _beside(left, right, (2, 5))
    body.append(["本年收入合计", _amount(cells, "本年收入合计"), "本年支出合计", *[_amount(cells, "本年支出合计", k) for k in FISCAL_COLUMNS]])
    body.append(["年初财政拨款结转和结余", _amount(cells, "年初合计"), "年末财政拨款结转和结余", _amount(cells, "年末合计", TOTAL), None, None, None])
    for label, f in zip(labels, FUNDS):
        body.append([label, _amount(cells, f"年初:{f}"), label, _amount(cells, f"年末:{f}", TOTAL), None, None, None])
    body.append(["总计", _amount(cells, "收入总计"), "总计", _amount(cells, "支出总计", TOTAL), None, None, None])
    headers = [(0, 0, 0, 1, "收入"), (0, 2, 0, 6, "支出"), (1, 0, 1, 0, "项目"), (1, 1, 1, 1, "决算数"), (1, 2, 1, 2, "项目"),
               (1, 3, 1, 3, TOTAL), *[(1, 4 + i, 1, 4 + i, FUND_LABELS[f]) for i, f in enumerate(FUNDS)]]
    return Layout(7, 2, headers, body, [30, 14, 34, 14, 14, 14, 14])


def _coded(shape: Shape, cells: Cells, bundle: Bundle) -> Layout:
    """A table of 功能分类 rows: 科目编码 | 科目名称 | the table's columns, 合计 first."""
    keys = [c.key for c in shape.columns]
    body = [[TOTAL, None, *[_amount(cells, TOTAL, k) for k in keys]]]
    for code in sorted(k for k in cells if k.isdigit()):
        body.append([code, bundle.catalog.name(code, bundle.year.year) or "", *[_amount(cells, code, k) for k in keys]])
    headers = [(0, 0, 0, 1, "项目"), (1, 0, 1, 0, "功能分类科目编码"), (1, 1, 1, 1, "科目名称")]
    groups: dict[str, list[int]] = {}
    for i, column in enumerate(shape.columns):
        if len(column.header) == 2:
            groups.setdefault(column.header[0], []).append(2 + i)
            headers.append((1, 2 + i, 1, 2 + i, column.header[1]))
        else:
            headers.append((0, 2 + i, 1, 2 + i, column.header[0]))
    headers += [(0, min(cols), 0, max(cols), name) for name, cols in groups.items()]
    notes = []
    if shape.key in ("政府性基金", "国有资本经营") and not any(k.isdigit() for k in cells):
        notes.append(f"说明：{bundle.unit.name}本年度没有{shape.title.split('财政拨款')[0]}财政拨款收入和支出，故本表无数据。")
    return Layout(2 + len(keys), 2, headers, body, [16, 30] + [14] * len(keys), notes)


def _economic(cells: Cells) -> Layout:
    """一般公共预算财政拨款基本支出决算表: 人员经费 items beside 公用经费 items, every catalogue code listed (blank
    while the unit's 基本支出明细 is unknown)."""
    names = economic_catalog()
    zero = ZERO if any(k.isdigit() for k in cells) else None  # an unknown 基本支出明细 is blank, not 0.00

    def side(prefixes: tuple[str, ...]) -> list[list[Any]]:
        codes = sorted(c for c in set(names) | {k for k in cells if k.isdigit()} if c[:3] in prefixes)
        return [[c, names.get(c, ""), _amount(cells, c) or zero] for c in codes]
    body = _beside(side(PERSONNEL), side(PUBLIC), (3, 3))
    body.append(["人员经费合计", None, _amount(cells, "人员经费合计"), "公用经费合计", None, _amount(cells, "公用经费合计")])
    headers = [(0, 0, 0, 0, "经济分类科目编码"), (0, 1, 0, 1, "科目名称"), (0, 2, 0, 2, "决算数"),
               (0, 3, 0, 3, "经济分类科目编码"), (0, 4, 0, 4, "科目名称"), (0, 5, 0, 5, "决算数")]
    return Layout(6, 1, headers, body, [12, 28, 14, 12, 28, 14])


def _three(cells: Cells) -> Layout:
    """财政拨款“三公”经费支出决算表: budget and actual of 合计, each category and the 公务用车 subtotal."""
    row = cells.get(TOTAL, {})
    headers = [(0, 0, 0, 11, "财政拨款“三公”经费"), (1, 0, 2, 1, TOTAL), (1, 2, 2, 3, "因公出国（境）费"),
               (1, 4, 1, 9, "公务用车购置及运行维护费"), (2, 4, 2, 5, "小计"), (2, 6, 2, 7, "公务用车购置费"),
               (2, 8, 2, 9, "公务用车运行维护费"), (1, 10, 2, 11, "公务接待费")]
    headers += [(3, i, 3, i, key.split(":")[1]) for i, key in enumerate(THREE_COLUMNS)]
    return Layout(12, 4, headers, [[row.get(k) for k in THREE_COLUMNS]], [11] * 12)
