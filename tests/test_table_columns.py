"""The national tables' columns have names (figures/columns.py), and figures, excel and templates use them."""
from __future__ import annotations

import ast
import re
import zipfile
from pathlib import Path

import pytest

from generator.excel.shapes import BY_KEY
from generator.figures import columns
from generator.figures.tables import compute_tables
from jinja2 import Environment

from generator.render.jinja import environment
from generator.tools.template_names import slips
from generator.tools.variables import top
from tests.conftest import bundle_of

ROOT = Path(__file__).resolve().parent.parent
TABLES = {"收入": columns.IncomeColumns, "支出": columns.SpendingColumns, "一般公共预算支出": columns.GeneralColumns,
          "政府性基金": columns.FundColumns, "国有资本经营": columns.FundColumns}
ROW_NAMES = {"values", "v", "fiscal", "fiscal_class", "income_total", "spending_total", "general_total"}


@pytest.mark.parametrize("table", TABLES)
def test_workbook_columns_are_the_tables_columns(table):
    """Each coded table's workbook columns name the fields of its named tuple, all of them, in the same order."""
    assert tuple(c.field for c in BY_KEY[table].columns) == TABLES[table]._fields


def test_every_row_of_the_nine_tables_is_a_named_tuple():
    """Rows and class totals of a year's tables carry their table's named columns."""
    t = compute_tables(bundle_of("example-jiaoyuju", 2024).year)
    kinds = {"income": columns.IncomeColumns, "spending": columns.SpendingColumns, "general": columns.GeneralColumns}
    for attribute, kind in kinds.items():
        rows = getattr(t, attribute)
        assert rows and all(type(r.values) is kind for r in rows), attribute
    assert all(type(r.values) is columns.FundColumns for rows in t.funds.values() for r in rows)
    assert all(type(v) is columns.FiscalColumns for v in t.fiscal_class.values())


def test_no_code_reads_a_table_column_by_position():
    """No module indexes a row's values with a number or a slice (r.values[0], v[2], fiscal[1:])."""
    found = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr in ROW_NAMES:
                if isinstance(node.slice, (ast.Constant, ast.Slice)):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, found


def test_the_national_template_names_its_columns():
    """The built national template reads every table column by name, none by position."""
    with zipfile.ZipFile(ROOT / "templates" / "全国" / "部门决算.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "r.v.total" in xml and "r.fiscal.gov_fund" in xml
    assert not re.search(r"r\.v\[\d|_total\[\d|r\.fiscal\[\d", xml)


def test_a_copied_template_may_still_read_columns_by_position():
    """Templates written before the columns had names (r.v[0], income_total[1]) still pass the variable check."""
    source = "{% for r in income_rows %}{{ r.v[0]|cell }}{{ r.v.fiscal|cell }}{% endfor %}{{ income_total[1]|cell }}"
    assert _slips(source) == []
    assert _slips("{% for r in income_rows %}{{ r.v.nonsense }}{% endfor %}")


def _slips(source: str) -> list:
    """The attribute slips of a national-layout template text."""
    return slips(Environment().parse(source), top("部门决算"), set(environment().filters))
