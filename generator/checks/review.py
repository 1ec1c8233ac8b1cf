"""The year-on-year review list: each figure that changed against last year by more than a threshold, with the reason
the year file states for it (or none), and where that reason is written or belongs."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from generator.checks.data import REASONS, compared_changes
from generator.figures.bundle import Bundle
from generator.figures.core import Change
from generator.load.reader import Loaded
from generator.pending import is_pending

UNREASONED = {"government_fund": "政府性基金预算财政拨款支出"}  # changes without a reason field: their labels
RATE, AMOUNT = Decimal("0.10"), Decimal(1)  # the defaults: more than 10% and more than 1 万元


@dataclass(frozen=True)
class Changed:
    """One figure that changed by more than the threshold: what, this year's and last year's amounts, the reason."""

    label: str
    change: Change
    reason: Optional[str]
    where: str  # the line where the reason is written, or the field it belongs in


def changed(bundle: Bundle, year_file: Loaded, rate: Decimal = RATE, amount: Decimal = AMOUNT) -> list[Changed]:
    """The figures whose change against last year exceeds both thresholds, in the order the documents state them."""
    out = []
    for key, change in compared_changes(bundle).items():
        path, reason_of, label = REASONS.get(key, ((), lambda y: None, UNREASONED.get(key, key)))
        out.append(Changed(label, change, reason_of(bundle.year), _where(year_file, path)))
    for i, line in enumerate(bundle.year.expenditure.lines):
        name = bundle.catalog.name(line.code, bundle.year.year) or ""
        line_change = bundle.figures.line_changes.get(line.code)
        if line_change is not None:
            path = ("支出", "科目", i, "变动原因")
            out.append(Changed(f"科目 {line.code} {name}".strip(), line_change, line.change_reason, _where(year_file, path)))
    return [c for c in out if _beyond(c.change, rate, amount)]


def _beyond(change: Change, rate: Decimal, amount: Decimal) -> bool:
    """Whether a change is known and larger than both thresholds (a change from 0 counts as larger than any rate)."""
    delta = change.delta
    if delta is None or is_pending(delta) or is_pending(change.current) or abs(delta) <= amount:
        return False
    return change.rate is None or change.rate > rate


def _where(year_file: Loaded, path: tuple) -> str:
    """Where a reason stands: its line when written, else the field it belongs in."""
    if not path:
        return ""
    name = year_file.path.name
    if tuple(path) in year_file.lines:
        return f"{name} 第 {year_file.lines[tuple(path)]} 行"
    return f"{name} 的 {'.'.join(str(p) for p in path)}"
