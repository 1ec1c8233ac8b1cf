from decimal import Decimal as D

import pytest

from generator import formatting as fmt


@pytest.mark.parametrize("value, text", [
    (D("1622.30"), "1622.30"), (D("1622.3"), "1622.30"), (D("60"), "60.00"), (0, "0.00"),
    (D("0.005"), "0.01"), (D("-0.004"), "0.00"), (D("123456789012.345"), "123456789012.35"),
])
def test_money_prints_two_decimals_half_up(value, text):
    assert fmt.money(value) == text


@pytest.mark.parametrize("rate, places, trim, text", [
    (D("0.9621"), 1, True, "96.2%"), (D("1"), 1, True, "100%"), (D("0.9995"), 1, True, "100%"),
    (D("0.04"), 1, True, "4%"), (D("1"), 2, False, "100.00%"), (D("0.00049"), 1, True, "0%"),
])
def test_percent(rate, places, trim, text):
    assert fmt.percent(rate, places, trim) == text


def test_percent_of_nothing_is_empty():
    assert fmt.percent(None) == ""


@pytest.mark.parametrize("delta, inc, grow", [(D("1"), "增加", "增长"), (D("-0.01"), "减少", "下降"), (D("0"), "持平", "持平")])
def test_change_words_follow_the_sign(delta, inc, grow):
    assert fmt.increase_word(delta) == inc and fmt.growth_word(delta) == grow


def test_heading_numbers_restart_under_their_parent():
    c = fmt.HeadingCounter()
    seen = [c.part(), c.h1(), c.h2(), c.h2(), c.h1(), c.h2(), c.h3(), c.h4(), c.h4(), c.part(), c.h1()]
    assert seen == ["第一部分", "一、", "（一）", "（二）", "二、", "（一）", "1.", "（1）", "（2）", "第二部分", "一、"]


def test_tenth_and_eleventh_headings():
    c = fmt.HeadingCounter()
    assert [c.h1() for _ in range(11)][9:] == ["十、", "十一、"]


def test_capital_amount_in_yuan():
    assert fmt.capital_amount(D("1622.30")) == "壹仟陆佰贰拾贰万叁仟元整"


def test_join_list_with_last_word():
    assert fmt.join_list(["甲", "乙", "丙"], last="及") == "甲、乙及丙"
