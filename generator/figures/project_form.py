"""The figures of a project's 部门预算项目支出绩效自评表 (四川): budget execution by source, its score (10 分), the
indicators' scores (90 分) and the 自评总分."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar, Optional

from generator.constants import ZERO
from generator.figures.core import ratio
from generator.figures.indicators import scored
from generator.formatting import quantize
from generator.model import Project

BUDGET_WEIGHT = Decimal(10)  # 预算执行情况（10分）
INDICATORS_WEIGHT = Decimal(90)  # 绩效指标（90分）
LOW_EXECUTION = Decimal("0.9")  # below it the form asks for the reason


@dataclass
class FundsRow:
    """One row of the form's 预算执行情况: a source's 年初预算, 调整后预算, 执行数 and 执行率."""

    LABELS: ClassVar[dict[str, str]] = {
        "name": "资金来源：总额、财政资金、财政专户管理资金、单位资金、其他资金",
        "initial": "年初预算（万元）",
        "adjusted": "调整后预算数（万元）",
        "spent": "预算执行数（万元）",
        "rate": "预算执行率：执行数 ÷ 调整后预算数（调整后预算为 0 时为空）",
    }

    name: str
    initial: Decimal
    adjusted: Decimal
    spent: Decimal

    @property
    def rate(self) -> Optional[Decimal]:
        """执行数 ÷ 调整后预算数."""
        return ratio(self.spent, self.adjusted) if self.adjusted else None


@dataclass
class ProjectFormFigures:
    """What the form computes for one project."""

    LABELS: ClassVar[dict[str, str]] = {
        "funds": "预算执行情况：总额和各资金来源（FundsRow）",
        "budget_weight": "预算执行情况的权重（10分）",
        "budget_score": "预算执行情况的得分：权重 × 执行率（不超过权重）",
        "indicator_weight": "各绩效指标的权重之和（应为 90）",
        "indicator_score": "各绩效指标的得分之和",
        "weight_total": "权重合计",
        "score_total": "自评总分",
        "adjusted": "年中是否调整了预算（年初预算与调整后预算不同）",
        "proportional": "未达标的指标是否按完成比例得分（版式的评分规则）",
    }

    funds: list[FundsRow]
    budget_weight: Decimal
    budget_score: Decimal
    indicator_weight: Decimal
    indicator_score: Decimal
    proportional: bool = True  # how a missed target was scored (the layout's rule)

    @property
    def weight_total(self) -> Decimal:
        """预算执行情况 and the indicators' weights."""
        return self.budget_weight + self.indicator_weight

    @property
    def score_total(self) -> Decimal:
        """The 自评总分."""
        return self.budget_score + self.indicator_score

    @property
    def adjusted(self) -> bool:
        """Whether the budget was adjusted during the year."""
        return self.funds[0].initial != self.funds[0].adjusted


def compute(project: Project, proportional: bool = True) -> Optional[ProjectFormFigures]:
    """The form's figures, when the project has a 自评表."""
    form = project.form
    if form is None:
        return None
    initial = form.initial or project.budget
    sources = [FundsRow("财政资金", initial.fiscal, project.budget.fiscal, project.spent.fiscal),
               FundsRow("财政专户管理资金", ZERO, ZERO, ZERO), FundsRow("单位资金", ZERO, ZERO, ZERO),
               FundsRow("其他资金", initial.other, project.budget.other, project.spent.other)]
    total = FundsRow("总额", *(sum((getattr(r, k) for r in sources), ZERO) for k in ("initial", "adjusted", "spent")))
    rate = total.rate
    budget_score = quantize(BUDGET_WEIGHT * min(rate, Decimal(1)), 2) if rate is not None else ZERO
    return ProjectFormFigures([total, *sources], BUDGET_WEIGHT, budget_score,
                              sum((i.weight or ZERO for i in project.indicators), ZERO),
                              sum((scored(i, proportional) or ZERO for i in project.indicators), ZERO), proportional)
