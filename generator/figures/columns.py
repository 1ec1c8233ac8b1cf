"""The value columns of the national tables, one named tuple per table, each column with its Chinese description."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, NamedTuple, Optional

from generator.constants import FUNDS

Cell = Optional[Decimal]


class IncomeColumns(NamedTuple):
    """收入决算表's columns."""

    total: Annotated[Cell, "本年收入合计（万元）"]
    fiscal: Annotated[Cell, "财政拨款收入（万元）"]
    higher_subsidy: Annotated[Cell, "上级补助收入（万元）"]
    business: Annotated[Cell, "事业收入（万元）"]
    operating: Annotated[Cell, "经营收入（万元）"]
    affiliated: Annotated[Cell, "附属单位上缴收入（万元）"]
    other: Annotated[Cell, "其他收入（万元）"]


class SpendingColumns(NamedTuple):
    """支出决算表's columns."""

    total: Annotated[Cell, "本年支出合计（万元）"]
    basic: Annotated[Cell, "基本支出（万元）"]
    project: Annotated[Cell, "项目支出（万元）"]
    remitted: Annotated[Cell, "上缴上级支出（万元）"]
    operating: Annotated[Cell, "经营支出（万元）"]
    affiliated: Annotated[Cell, "对附属单位补助支出（万元）"]


class GeneralColumns(NamedTuple):
    """一般公共预算财政拨款支出决算表's columns."""

    total: Annotated[Cell, "合计（万元）"]
    basic: Annotated[Cell, "基本支出（万元）"]
    project: Annotated[Cell, "项目支出（万元）"]


class FundColumns(NamedTuple):
    """The 政府性基金 and 国有资本经营 tables' columns."""

    start: Annotated[Cell, "年初结转和结余（万元）"]
    income: Annotated[Cell, "本年收入（万元）"]
    total: Annotated[Cell, "本年支出合计（万元）"]
    basic: Annotated[Cell, "本年支出中的基本支出（万元）"]
    project: Annotated[Cell, "本年支出中的项目支出（万元）"]
    end: Annotated[Cell, "年末结转和结余（万元）"]


class FiscalColumns(NamedTuple):
    """财政拨款收入支出决算总表's spending columns of a class."""

    total: Annotated[Decimal, "财政拨款支出合计（万元）"]
    general: Annotated[Decimal, "一般公共预算财政拨款（万元）"]
    gov_fund: Annotated[Decimal, "政府性基金预算财政拨款（万元）"]
    capital: Annotated[Decimal, "国有资本经营预算财政拨款（万元）"]


Columns = IncomeColumns | SpendingColumns | GeneralColumns | FundColumns
FUND_FIELDS = dict(zip(FUNDS, FiscalColumns._fields[1:]))  # each fund's column of FiscalColumns
