"""The unit-year object: a unit's facts, one year's facts, their figures and the code catalogue."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from generator.figures.tables import Tables, compute_tables
from generator.figures.year import Figures
from generator.load.catalog import Catalog
from generator.model import Unit, Year


@dataclass
class Bundle:
    """Everything known about one unit-year: facts, figures and the code catalogue."""

    unit: Unit
    year: Year
    figures: Figures
    catalog: Catalog

    @property
    def budget_unit(self) -> str:
        """The 预算单位 name shown in project tables."""
        return self.unit.budget_unit or self.unit.short

    @cached_property
    def tables(self) -> Tables:
        """The nine national tables' numbers of this year."""
        return compute_tables(self.year)
