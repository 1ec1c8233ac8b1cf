"""The four table layouts (two-sided 项目|金额, rows by 功能分类 code, the 经济分类 table, the 三公 row) read into the grid."""
from __future__ import annotations

from collections.abc import Callable
from typing import Optional

from generator.constants import FUNDS
from generator.errors import WARNING
from generator.excel.cells import amount, code_in, header_paths, is_counter_row, is_note, reads_as_amount
from generator.excel.found import Read
from generator.excel.rowkeys import SideKeys, side_keys
from generator.excel.shapes import AMOUNT, MEASURES, THREE_GROUPS, TOTAL, Shape, ShapeKind, normalized
from generator.excel.workbook import Sheet, cell_name

START = {"项目", "科目编码", "功能分类科目编码", "经济分类科目编码", "科目名称", "收入", "支出", "功能分类", "经济分类"}
TOTALS = {TOTAL, "总计"}
HEADER_WORDS = {"项目", "行次", "决算数", "金额", "栏次"}
AMOUNT_WORDS = ("决算数", "金额", "本年决算数")


def header_start(sheet: Sheet) -> int:
    """The first header row: the one that says 项目, 科目编码 or 收入 (0 when none does)."""
    for r in range(len(sheet.rows)):
        if any(normalized(sheet.text(r, c)) in START for c in range(sheet.width)):
            return r
    return 0


def _numeric(sheet: Sheet, r: int, cols: list[int], unit: str) -> bool:
    """Whether a row holds a non-zero amount (or text where an amount belongs) in any of the columns; a note under the
    table (“注：本表反映……”, “说明：……”, merged across it or not) holds none."""
    if is_note(sheet, r):
        return False
    for c in cols:
        try:
            value = amount(sheet.value(r, c), unit)
        except ValueError:
            return True
        if value:
            return True
    return False


def _unknown_columns(result: Read, sheet: Sheet, paths: list[list[str]], cols: list[int], top: int, unit: str) -> None:
    """Report the value columns no table column takes, when they hold amounts."""
    for c in cols:
        if any(_numeric(sheet, r, [c], unit) for r in range(top, len(sheet.rows))):
            result.findings.append(result.finding(sheet.name, cell_name(top - 1, c) if top else cell_name(0, c),
                                                  f"列“{'/'.join(paths[c])}”不是本表的栏目，其中的金额未导入。", WARNING))


# ---- rows by 功能分类 code ----

def _code_columns(paths: list[list[str]]) -> tuple[list[int], Optional[int]]:
    """The code column(s) (one 科目编码, or 类/款/项) and the name column."""
    code = [c for c, p in enumerate(paths) if p and (p[-1].endswith("编码") or p[-1] in ("类", "款", "项"))]
    name = next((c for c, p in enumerate(paths) if p and p[-1].endswith("名称")), None)
    return code, name


def _row_code(sheet: Sheet, r: int, code_cols: list[int], name_col: Optional[int]) -> Optional[str]:
    """A row's code: from 科目编码, from 类/款/项 parts, or from the start of its name."""
    if len(code_cols) == 3:
        return _joined(sheet, r, code_cols, (3, 2, 2))
    for c in code_cols[:1] + ([name_col] if name_col is not None else []):
        code = code_in(sheet.text(r, c))
        if code:
            return code
    return None


def _joined(sheet: Sheet, r: int, cols: list[int], widths: tuple[int, ...]) -> Optional[str]:
    """A code split over 类/款(/项) columns, joined (201 | 39 | 01 → 2013901), or None when it is no code."""
    joined = "".join(_part(sheet.value(r, c), width) for c, width in zip(cols, widths))
    return joined if len(joined) in (3, 5, 7) and joined.isdigit() else None


def _part(value, width: int) -> str:
    """One 类/款/项 part as digits (a number cell loses its leading zero: 1 → 01)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{int(value):0{width}d}"
    return "".join(str(value or "").split())


def _label(sheet: Sheet, r: int, cols: list[int]) -> str:
    """A row's label: the first non-empty text of the given columns, normalized."""
    return next((normalized(sheet.text(r, c)) for c in cols if sheet.text(r, c)), "")


def _first_row(sheet: Sheet, start: int, test: Callable[[int], bool]) -> int:
    """The first row after the header start that passes a test (past the end when none does)."""
    return next((r for r in range(start + 1, len(sheet.rows)) if not is_counter_row(sheet, r) and test(r)), len(sheet.rows))


def read_codes(result: Read, sheet: Sheet, shape: Shape, unit: str) -> None:
    """A table whose rows are 功能分类 codes (with a 合计 row)."""
    start = header_start(sheet)
    first = _first_row(sheet, start, lambda r: any(code_in(sheet.text(r, c)) for c in range(min(4, sheet.width)))
                       or any(normalized(sheet.text(r, c)) in TOTALS for c in range(min(2, sheet.width))))
    paths = header_paths(sheet, start, first)
    code_cols, name_col = _code_columns(paths)
    label_cols = code_cols + ([name_col] if name_col is not None else []) or [0]
    values = _value_columns(paths, shape, set(label_cols))
    rest = [c for c, p in enumerate(paths) if p and c not in label_cols and c not in values.values() and "行次" not in p]
    _unknown_columns(result, sheet, paths, rest, first, unit)
    for r in range(first, len(sheet.rows)):
        code = _row_code(sheet, r, code_cols, name_col)
        label = _label(sheet, r, ([name_col] if name_col is not None else []) + label_cols)
        key = code or (TOTAL if label in TOTALS or any(normalized(sheet.text(r, c)) in TOTALS for c in label_cols) else None)
        if key is None:
            if _numeric(sheet, r, list(values.values()), unit):
                result.unplaced(sheet, r, label, "没有科目编码，也不是合计行")
            continue
        for col_key, c in values.items():
            result.put(sheet, shape.key, (r, key, f"{key} {label}".strip() if code and label != code else label), (c, col_key), unit)


def _value_columns(paths: list[list[str]], shape: Shape, taken: set[int]) -> dict[str, int]:
    """The table's value columns by key: for each, the first column whose header path names it."""
    found: dict[str, int] = {}
    for column in shape.columns:
        for c, path in enumerate(paths):
            if c not in taken and c not in found.values() and path and column.matches(path):
                found[column.key] = c
                break
    return found


# ---- two-sided 项目 | 金额 tables ----

def read_sides(result: Read, sheet: Sheet, shape: Shape, unit: str) -> None:
    """收入支出决算总表 and 财政拨款收入支出决算总表: a 项目 column and its amounts on each side."""
    keys = side_keys(shape.key)
    start = header_start(sheet)
    texts = [[normalized(sheet.text(r, c)) for c in range(sheet.width)] for r in range(len(sheet.rows))]
    first = _first_row(sheet, start, lambda r: not HEADER_WORDS & set(texts[r]) and any(keys.known(t) for t in texts[r]))
    paths = header_paths(sheet, start, first)
    label_cols = [c for c, p in enumerate(paths) if "项目" in p]
    if not label_cols:
        label_cols = [c for c in range(sheet.width) if any(keys.known(normalized(sheet.text(r, c))) for r in range(first, len(sheet.rows)))][:2]
    bounds = label_cols + [sheet.width]
    for side, (lc, end) in enumerate(zip(label_cols, bounds[1:])):
        cols = [c for c in range(lc + 1, end) if paths[c] and "行次" not in paths[c]]
        number_col = next((c for c in range(lc + 1, end) if "行次" in paths[c]), None)
        values = _side_columns(shape, side, cols, paths)
        _unknown_columns(result, sheet, paths, [c for c in cols if c not in values.values()], first, unit)
        _read_side(result, sheet, shape, keys, side, (lc, number_col, values), (first, unit))


def _side_columns(shape: Shape, side: int, cols: list[int], paths: list[list[str]]) -> dict[str, int]:
    """A side's value columns by key: one 决算数 column, or (财政拨款总表's spending side) 合计 and each fund."""
    if shape.key != "财政拨款总表" or side == 0:
        stated = [c for c in cols if any(word in paths[c] for word in AMOUNT_WORDS)]
        return {AMOUNT: (stated or cols)[0]} if cols else {}
    found: dict[str, int] = {}
    for c in cols:
        text = "".join(paths[c])
        key = next((f for f in FUNDS if f[:4] in text), TOTAL if TOTAL in paths[c] else None)
        if key and key not in found:
            found[key] = c
    return found


def _read_side(result: Read, sheet: Sheet, shape: Shape, keys: SideKeys, side: int, cols: tuple, rows: tuple[int, str]) -> None:
    """One side's rows: each label (or 行次) to its row key."""
    lc, number_col, values = cols
    first, unit = rows
    state = ""
    for r in range(first, len(sheet.rows)):
        label = normalized(sheet.text(r, lc))
        number = sheet.value(r, number_col) if number_col is not None else None
        key, state = keys.key(side, label, number, state)
        if key is None:
            if _numeric(sheet, r, list(values.values()), unit):
                result.unplaced(sheet, r, label, "认不出是哪一行")
            continue
        for col_key, c in values.items():
            if keys.single(key) and col_key != TOTAL and col_key != AMOUNT:
                continue
            result.put(sheet, shape.key, (r, key, label), (c, col_key), unit)


# ---- the 经济分类 table ----

def read_economic(result: Read, sheet: Sheet, shape: Shape, unit: str) -> None:
    """一般公共预算财政拨款基本支出决算表: code | name | amount, once or twice side by side."""
    start = header_start(sheet)
    first = _first_row(sheet, start, lambda r: any(code_in(sheet.text(r, c)) for c in range(sheet.width)))
    paths = header_paths(sheet, start, first)
    starts = [c for c, p in enumerate(paths) if p and (p[-1].endswith("编码") or p[-1] == "类")] or [0]
    for lc, end in zip(starts, starts[1:] + [sheet.width]):
        codes = [lc] + ([lc + 1] if lc + 1 < end and paths[lc + 1] and paths[lc + 1][-1] == "款" else [])
        names = [c for c in range(codes[-1] + 1, end) if paths[c] and paths[c][-1].endswith("名称")]
        amounts = [c for c in range(codes[-1] + 1, end) if paths[c] and c not in names]
        if amounts:
            _economic_side(result, sheet, (codes, names, amounts[0]), (first, unit))


def _economic_code(sheet: Sheet, r: int, codes: list[int], names: list[int]) -> Optional[str]:
    """A row's economic code: from its code column, from 类 and 款 columns (301 | 01), or from the start of its name."""
    if len(codes) == 2:
        return _joined(sheet, r, codes, (3, 2))
    return code_in(sheet.text(r, codes[0])) or next((code_in(sheet.text(r, c)) for c in names if code_in(sheet.text(r, c))), None)


def _economic_side(result: Read, sheet: Sheet, cols: tuple, rows: tuple[int, str]) -> None:
    """One code(s) | name | amount side of the 经济分类 table."""
    codes, names, value_col = cols
    first, unit = rows
    for r in range(first, len(sheet.rows)):
        code = _economic_code(sheet, r, codes, names)
        label = _label(sheet, r, [*codes, *names])
        key = code if code and len(code) in (3, 5) else next((t for t in ("人员经费合计", "公用经费合计") if t in label), None)
        if key is None:
            if _numeric(sheet, r, [value_col], unit):
                result.unplaced(sheet, r, label, "没有经济分类科目编码")
            continue
        result.put(sheet, "基本支出", (r, key, label), (value_col, AMOUNT), unit)


# ---- the 三公 table ----

def read_three(result: Read, sheet: Sheet, shape: Shape, unit: str) -> None:
    """财政拨款“三公”经费支出决算表: one row of budget and actual amounts under two or three header rows."""
    first = _first_row(sheet, -1, lambda r: any(reads_as_amount(sheet.value(r, c)) for c in range(sheet.width)))
    paths = header_paths(sheet, 0, first)
    columns: dict[int, str] = {}
    for c, path in enumerate(paths):
        key = _three_key(path)
        if key and key not in columns.values():
            columns[c] = key
    rows = [r for r in range(first, len(sheet.rows)) if _numeric(sheet, r, list(columns), unit)]
    for r in rows[:1] or [first]:
        for c, key in columns.items():
            if r < len(sheet.rows):
                result.put(sheet, "三公", (r, TOTAL, "三公经费"), (c, key), unit)
    for r in rows[1:]:
        result.unplaced(sheet, r, _label(sheet, r, [0]), "“三公”经费表只有一行数字")


def _three_key(path: list[str]) -> Optional[str]:
    """A 三公 column's key (category:measure) from its header path, or None."""
    measure = next((m for m in MEASURES if m in path or m[:2] in path), None)
    if measure is None:
        return None
    for group, names in THREE_GROUPS:
        if any(n in path for n in names):
            return f"{group}:{measure}"
    return None


READERS: dict[ShapeKind, Callable] = {ShapeKind.SIDES: read_sides, ShapeKind.CODES: read_codes, ShapeKind.ECONOMIC: read_economic,
                                      ShapeKind.THREE: read_three}
