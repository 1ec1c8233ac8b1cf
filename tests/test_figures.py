from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.figures.core import Change, shares


@given(st.lists(st.decimals(min_value=0, max_value=10**9, places=2), min_size=1, max_size=12))
@settings(max_examples=200, deadline=None)
def test_shares_sum_to_exactly_100(amounts):
    result = shares(amounts)
    if sum(amounts) > 0:
        assert sum(result) == D(100)
        assert all(abs(r - a * 100 / sum(amounts)) < D("0.1") for r, a in zip(result, amounts))
    else:
        assert result == [None] * len(amounts)


def test_shares_of_the_seed_classes():
    assert shares([D("1271.22"), D("52.32"), D("23.26"), D("55.43")]) == [D("90.7"), D("3.7"), D("1.7"), D("3.9")]


def test_change_against_last_year():
    c = Change(D("1402.23"), D("826.79"))
    assert c.delta == D("575.44") and round(c.rate * 1000) == 696


def test_change_without_last_year():
    c = Change(D("1"), None)
    assert not c.known and c.delta is None and c.rate is None


def test_renhe_figures(renhe):
    f = renhe.figures
    assert f.income_total == D("1622.30") and f.expenditure_total == D("1402.23")
    assert f.economic_total == D("1402.23") and f.capital_total == D("357.21")
    assert f.three_public_total == D("21.36") and f.three_public_budget == D("30.89")
    assert [p.share for p in f.three_public] == [D("0.0"), D("95.0"), D("5.0")]
    assert f.changes["operating"].delta == D("66.90")
    assert f.fiscal_end == D("220.07")
    assert [p.completion for p in f.projects][2] == D("76.63") / D("80.00")
