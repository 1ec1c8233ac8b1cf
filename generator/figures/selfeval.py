"""The figures of the 部门整体支出绩效自评表: funds, execution rate, scores and the grade."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar, Optional

from generator.constants import GRADES, ZERO, band
from generator.figures import core as figures
from generator.figures.indicators import scored
from generator.model import Year
from generator.model.profile import DEFAULT_RULES, Rules
from generator.pending import is_pending


def grade(score: Decimal) -> str:
    """优/良/中/差 by the thresholds of the 自评表 (90, 80, 60)."""
    if is_pending(score):
        return str(score)
    return band(score, GRADES)


@dataclass
class IndicatorGroup:
    """Indicators under one 一级 (or 二级) name, with the sum of their weights and scores."""

    LABELS: ClassVar[dict[str, str]] = {
        "name": "指标名称（一级或二级指标）",
        "weight": "分值合计",
        "score": "得分合计",
        "size": "包含的指标行数",
    }

    name: str
    weight: Decimal
    score: Decimal
    size: int


@dataclass
class SelfEvalFigures:
    """The figures of the 部门整体支出绩效自评表."""

    LABELS: ClassVar[dict[str, str]] = {
        "initial": "年初预算数（万元）",
        "full": "全年预算数：年初预算 + 调整追加（万元）",
        "total_initial": "年初预算数，含其他资金（万元）",
        "total_full": "全年预算数，含其他资金（万元）",
        "executed": "全年执行数（万元）",
        "execution_rate": "执行率：执行数 ÷ 全年预算数",
        "funds_weight": "资金情况的分值",
        "funds_score": "资金情况的得分：执行率 × 分值",
        "level1": "按一级指标分组的分值和得分（IndicatorGroup）",
        "weight_total": "总分值",
        "score_total": "自评总分",
        "grade": "等级（优、良、中、差）",
    }

    initial: Decimal
    full: Decimal
    total_initial: Decimal
    total_full: Decimal
    executed: Decimal
    execution_rate: Optional[Decimal]
    funds_weight: Decimal
    funds_score: Decimal
    level1: list[IndicatorGroup]
    weight_total: Decimal
    score_total: Decimal

    @property
    def grade(self) -> str:
        """The grade of the total score."""
        return grade(self.score_total)


def indicator_groups(indicators, key, proportional: bool = True) -> list[IndicatorGroup]:
    """Consecutive indicators grouped by a key, with weight and score sums."""
    groups: list[IndicatorGroup] = []
    for ind in indicators:
        name = key(ind)
        if not groups or groups[-1].name != name:
            groups.append(IndicatorGroup(name, ZERO, ZERO, 0))
        g = groups[-1]
        g.weight += ind.weight or ZERO
        g.score += scored(ind, proportional) or ZERO
        g.size += 1
    return groups


def compute(year: Year, executed: Decimal, rules: Rules = DEFAULT_RULES) -> Optional[SelfEvalFigures]:
    """自评表 figures, when the year has a budget and a self-evaluation; the execution rate on the 全年预算数 (年初 +
    调整 + 年初结转 + 其他资金) or, as some layouts compute it, on the 调整后预算数 (年初 + 调整)."""
    se, budget = year.self_evaluation, year.budget
    if se is None or budget is None:
        return None
    full = budget.initial + budget.adjustment
    total_full = full + year.carryover + budget.other
    basis = total_full if rules.full_budget else full
    rate = figures.ratio(executed, basis) if is_pending(basis) or basis > 0 else None
    funds_score = se.funds_weight * (rate if is_pending(rate) else max(ZERO, min(rate, Decimal(1)))) if rate is not None else ZERO
    weights = sum((i.weight or ZERO for i in se.indicators), ZERO)
    scores = sum((scored(i, rules.proportional) or ZERO for i in se.indicators), ZERO)
    return SelfEvalFigures(
        initial=budget.initial, full=full, total_initial=budget.initial + year.carryover + budget.other,
        total_full=total_full, executed=executed, execution_rate=rate, funds_weight=se.funds_weight,
        funds_score=funds_score, level1=indicator_groups(se.indicators, lambda i: i.level1, rules.proportional),
        weight_total=se.funds_weight + weights, score_total=funds_score + scores,
    )
