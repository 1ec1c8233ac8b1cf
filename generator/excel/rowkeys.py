"""Row keys of the two-sided tables: which grid row a 项目 label (or its 行次) stands for."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

from generator.constants import FUNDS
from generator.excel.shapes import (
    FUND_LABELS,
    SUMMARY_FOOT_LEFT,
    SUMMARY_FOOT_RIGHT,
    SUMMARY_LEFT,
    SUMMARY_ROW_NUMBERS,
    normalized,
)
from generator.load.catalog import catalog


@lru_cache(maxsize=1)
def class_codes() -> dict[str, str]:
    """Normalized 类 names (current and former, so any year's) → their 3-digit codes."""
    cat = catalog()
    names = {normalized(name): code for code, name in cat.names.items() if len(code) == 3}
    for code, former in cat.former.items():
        if len(code) == 3:
            names.update({normalized(old): code for _, old in former})
    return names


def _with_short(labels: dict[str, str]) -> dict[str, str]:
    """Labels and their forms without a trailing 收入 (一般公共预算财政拨款收入 is also written 一般公共预算财政拨款)."""
    out = dict(labels)
    out.update({k.removesuffix("收入"): v for k, v in labels.items() if k.endswith("财政拨款收入")})
    return out


@dataclass
class SideKeys:
    """The row labels of one two-sided table."""

    table: str
    left: dict[str, str]
    right: dict[str, str]
    classes: dict[str, str]

    def known(self, label: str) -> bool:
        """Whether a label names a row of this table (used to find the first data row)."""
        return bool(label) and (label in self.left or label in self.right or label in self.classes)

    def key(self, side: int, label: str, number: Any, state: str) -> tuple[Optional[str], str]:
        """The row key of a label on a side (0 left, 1 right), and the section state after it."""
        if self.table == "总表":
            return self._summary(side, label, number), state
        return self._fiscal(side, label, state)

    def _summary(self, side: int, label: str, number: Any) -> Optional[str]:
        """A 收入支出决算总表 row key."""
        if side == 0:
            key = self.left.get(label)
            if key is None and isinstance(number, (int, float)) and not isinstance(number, bool):
                key = SUMMARY_ROW_NUMBERS.get(int(number))
            return key
        return self.classes.get(label) or self.right.get(label)

    def _fiscal(self, side: int, label: str, state: str) -> tuple[Optional[str], str]:
        """A 财政拨款收入支出决算总表 row key, fund rows read by the section they are in (本年, 年初 or 年末)."""
        labels = self.left if side == 0 else self.right
        key = labels.get(label) or (self.classes.get(label) if side else None)
        if key in ("年初合计", "年末合计"):
            return key, key[:2]
        if key and key.startswith("fund:"):
            section = state or ("收入" if side == 0 else "")
            return (f"{section}:{key[5:]}" if section else None), state
        return key, state

    def single(self, key: str) -> bool:
        """Whether a row has one amount only, in the 合计 column (年末 rows and 总计 of the 财政拨款总表's right side)."""
        return self.table == "财政拨款总表" and (key.startswith("年末") or key == "支出总计")


def side_keys(table: str) -> SideKeys:
    """The row labels of the 收入支出决算总表 or the 财政拨款收入支出决算总表."""
    classes = class_codes()
    if table == "总表":
        left = _with_short({normalized(x): x for x in SUMMARY_LEFT + SUMMARY_FOOT_LEFT[:3]})
        left.update({"总计": "收入总计", "年初结转结余": "年初结转和结余"})
        right = {normalized(x): x for x in SUMMARY_FOOT_RIGHT[:3]}
        right.update({"总计": "支出总计", "年末结转结余": "年末结转和结余"})
        return SideKeys(table, left, right, classes)
    funds = {normalized(FUND_LABELS[f]): f"fund:{f}" for f in FUNDS}
    funds = _with_short({**funds, **{k + "收入": v for k, v in funds.items()}})
    left = {**funds, "本年收入合计": "本年收入合计", "年初财政拨款结转和结余": "年初合计", "年初结转和结余": "年初合计", "总计": "收入总计"}
    right = {**funds, "本年支出合计": "本年支出合计", "年末财政拨款结转和结余": "年末合计", "年末结转和结余": "年末合计", "总计": "支出总计"}
    return SideKeys(table, left, right, classes)
