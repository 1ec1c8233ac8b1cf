"""The unit-year object: a unit's facts, one year's facts, their figures and the code catalogue."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from generator.figures.tables import CLASSES, Tables, compute_tables
from generator.figures.year import Figures, compute
from generator.load.catalog import Catalog
from generator.model import Unit, Year
from generator.model.layouts import Layout


@dataclass
class Bundle:
    """Everything known about one unit-year: facts, figures and the code catalogue."""

    unit: Unit
    year: Year
    figures: Figures
    catalog: Catalog
    layout: Layout  # the layout of the document being made (the unit's own, or a companion's)

    @property
    def budget_unit(self) -> str:
        """The 预算单位 name shown in project tables."""
        return self.unit.budget_unit or self.unit.short

    def in_layout(self, layout: Layout) -> Bundle:
        """The same unit-year seen by a document of another layout (a companion document): its figures again when the
        layout rounds shares its own way."""
        if layout == self.layout:
            return self
        figures = self.figures if layout.rules == self.layout.rules else compute(self.year, layout.rules)
        other = Bundle(self.unit, self.year, figures, self.catalog, layout)
        if "tables" in self.__dict__:  # the tables depend on the year alone: computed once for all its documents
            other.__dict__["tables"] = self.tables
        return other

    @property
    def table_classes(self) -> list[str]:
        """The 类 rows the 总表 and 财政拨款总表 list: the layout's choice (else every class of the template) that exist in
        the year, and any other class the unit spent on."""
        spent = {code for code, amount in self.tables.class_spending.items() if amount}
        chosen = self.layout.options.class_codes or CLASSES
        listed = [code for code in chosen if self.catalog.in_use(code, self.year.year) or code in spent]
        return listed + sorted(spent - set(listed))

    @cached_property
    def tables(self) -> Tables:
        """The nine national tables' numbers of this year."""
        return compute_tables(self.year)
