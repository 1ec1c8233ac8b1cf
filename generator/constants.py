"""The fixed lists and numbers the whole pipeline shares: zero, fund kinds, spending kinds, grade bands, tolerance."""
from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Literal, get_args


class TextEnum(str, Enum):
    """A closed set of words: compared, printed and formatted as its Chinese (or plain) value."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)

ZERO = Decimal("0")
MAX_TEXT = 20_000  # characters in one text field: a long 说明 is some thousands, more is something pasted by mistake
MAX_AMOUNT = Decimal("1e9")  # 万元: beyond ten trillion yuan no department's figure can be
LARGE_AMOUNT = Decimal("1e7")  # 万元: a total above a hundred billion yuan is worth a second look
YEARS = range(1990, 2101)  # years a 决算 can be for
TOLERANCE = Decimal("0.01")  # a stated amount this far from its computation is a rounding slip (警告), beyond it an error

FundKind = Literal["一般公共预算", "政府性基金预算", "国有资本经营预算"]
FUNDS: list[str] = list(get_args(FundKind))
SPENDING_KINDS = {"basic": "基本支出", "project": "项目支出"}

# The vehicle kinds the national layout lists (国有资产占有使用情况), and the other names clerks write for them.
VEHICLE_KINDS = ["部级领导干部用车", "主要领导干部用车", "机要通信用车", "应急保障用车", "执法执勤用车",
                 "特种专业技术用车", "离退休干部用车", "其他用车"]
VEHICLE_ALIASES = {"执勤执法用车": "执法执勤用车", "机要通讯用车": "机要通信用车", "特种专业用车": "特种专业技术用车"}

BANDS = (Decimal(90), Decimal(80), Decimal(60), Decimal("-Infinity"))
GRADES = list(zip(BANDS, ("优", "良", "中", "差")))  # 部门整体支出绩效自评表
PROJECT_GRADES = list(zip(BANDS, ("优", "良", "合格", "不合格")))  # 项目支出绩效自评


def band(score: Decimal, grades: list[tuple[Decimal, str]]) -> str:
    """The grade of a score: the name of the first band whose floor it reaches."""
    return next(name for floor, name in grades if score >= floor)
