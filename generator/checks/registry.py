"""The rule registry: each rule maps a unit-year to located findings; ``run`` applies them all."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from generator.constants import TOLERANCE
from generator.errors import ERROR, WARNING, Finding, Severity
from generator.figures.bundle import Bundle
from generator.figures.sums import gap, within_rounding
from generator.formatting import money, quantize
from generator.load.reader import Loaded
from generator.model.types import decimals

LARGE_CHANGE = Decimal("0.3")

Rule = Callable[[Bundle, Loaded, Loaded], list[Finding]]
RULES: list[Rule] = []


def rule(func: Rule) -> Rule:
    """Register a consistency rule."""
    RULES.append(func)
    return func


DRAFT_HINT = "或用 generate --draft 先生成草稿。"  # how a message about a fact to fill ends


def run(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Every finding of every rule."""
    findings: list[Finding] = []
    for check in RULES:
        findings.extend(check(bundle, year_file, unit_file))
    return findings


def severity_of(diff: Decimal) -> Severity:
    """How serious a gap between a written amount and its computation is: 警告 within 0.01 (rounding), 错误 beyond."""
    return WARNING if diff <= TOLERANCE else ERROR


def mismatch(loaded: Loaded, path: tuple, stated: Decimal, computed: Decimal, what: str, items: int = 0) -> list[Finding]:
    """A finding when a stated amount differs from its computation: none when the computation adds up ``items`` printed
    amounts and the gap is what their rounding makes (the system's total, kept in 元), else 警告 within 0.01, 错误 beyond.
    The computation is compared as printed: at the stated figure's decimals, at least the 分 (0.01 万元)."""
    computed = quantize(computed, max(2, decimals(stated)))
    diff = gap(stated, computed)
    if diff == 0 or within_rounding(stated, computed, items):
        return []
    severity = severity_of(diff)
    return [loaded.finding(path, f"填写的 {money(stated)} 与{what} {money(computed)} 相差 {money(diff)} 万元。请核对各项数字或合计数。", severity)]
