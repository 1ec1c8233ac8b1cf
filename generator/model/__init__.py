"""The typed shape of a unit's stable facts and of one year's facts (YAML keys in Chinese)."""
from .accounts import (
                       CapitalGroup,
                       CodeLine,
                       CostGroup,
                       CoveredUnit,
                       Economic,
                       EconomicLine,
                       Expenditure,
                       Income,
                       NamedAmount,
                       NonFiscalIncome,
                       NonFiscalSpending,
)
from .matters import (
                       Abroad,
                       Assets,
                       BudgetActual,
                       Operating,
                       PerformanceManagement,
                       Procurement,
                       Reasons,
                       Reception,
                       ThreePublic,
                       VehicleOperation,
                       VehiclePurchase,
)
from .performance import (
                       Budget,
                       Funds,
                       Indicator,
                       Item,
                       Lead,
                       OverallEvaluation,
                       Paragraph,
                       Project,
                       Report,
                       Section,
                       SelfEvaluation,
)
from .types import ZERO, Base, Code, Count, Money, Text, either, f
from .unit import Body, Staffing, Unit
from .year import CodeChoice, Previous, Year

__all__ = [
    "Abroad", "Assets", "Base", "Body", "Budget", "BudgetActual", "CapitalGroup", "Code", "CodeChoice", "CodeLine",
    "CostGroup", "Count", "CoveredUnit", "Economic", "EconomicLine", "Expenditure", "Funds", "Income",
    "Indicator", "Item", "Lead", "Money", "NamedAmount", "NonFiscalIncome", "NonFiscalSpending", "Operating",
    "OverallEvaluation", "Paragraph", "PerformanceManagement", "Previous", "Procurement", "Project", "Reasons",
    "Reception", "Report", "Section", "SelfEvaluation", "Staffing", "Text", "ThreePublic", "Unit", "VehicleOperation",
    "VehiclePurchase", "Year", "ZERO", "either", "f",
]
