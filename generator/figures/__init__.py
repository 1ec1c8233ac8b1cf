"""All arithmetic on the model: totals, shares, changes, rates, scores, the nine tables; the unit-year object."""
