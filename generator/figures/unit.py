"""Counts about the unit itself: 编制 posts and 内设机构."""
from __future__ import annotations

from typing import Optional

from generator.model import Body, Unit


def staffing_parts(unit: Unit) -> list[tuple[str, int]]:
    """编制 by kind, the kinds the unit has."""
    s = unit.staffing
    parts = [("行政编制", s.administrative), ("事业编制", s.institutional), ("工勤编制", s.worker)]
    return [(k, v) for k, v in parts if v]


def staffing_total(unit: Unit) -> Optional[int]:
    """编制人数: as stated, else the sum of the kinds; None when the unit wrote neither."""
    s = unit.staffing
    if s.total is not None:
        return s.total
    kinds = [v for v in (s.administrative, s.institutional, s.worker) if v is not None]
    return sum(kinds) if kinds else None


def department_count(unit: Unit) -> int:
    """内设机构 count, a body standing for several counting as such."""
    return sum(d.count if isinstance(d, Body) else 1 for d in unit.departments)
