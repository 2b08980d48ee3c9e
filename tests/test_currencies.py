"""currencies.py: the one table of currencies, and the views the parser, the unit checks and
the published formats read from it agree with each other."""

from __future__ import annotations

import pytest

from factcheck.currencies import (
    BY_CODE,
    CURRENCIES,
    CURRENCY_BEFORE,
    CURRENCY_WORDS,
    NAMES,
    PUBLISHED,
    currency_fits,
)
from factcheck.units import currency, signed


def test_each_mark_code_and_word_stands_for_one_currency() -> None:
    marks = [mark for row in CURRENCIES for mark in row.marks]
    words = [word for row in CURRENCIES for word in row.words]
    assert len(marks) == len(set(marks)) == len(CURRENCY_BEFORE)
    assert len(words) == len(set(words)) == len(CURRENCY_WORDS)
    assert len(BY_CODE) == len(CURRENCIES)


@pytest.mark.parametrize("name", sorted(NAMES))
def test_a_name_is_a_family_of_known_currencies(name: str) -> None:
    assert NAMES[name] and all(code in BY_CODE for code in NAMES[name])


@pytest.mark.parametrize("unit", sorted(PUBLISHED))
def test_a_unit_published_as_money_is_money_everywhere(unit: str) -> None:
    # What published text writes it with is a mark a value in that unit may carry, and an
    # amount of money may be negative (a change): the unit checks and the renderers read the
    # same table, so they cannot disagree on what a unit is.
    published = PUBLISHED[unit]
    assert signed(unit)
    assert all(currency_fits(published.code, unit, mark) for mark in published.marks)
    assert published.symbol is not None


@pytest.mark.parametrize(
    ("unit", "mark", "fits"),
    [
        ("dollars", "A$", True),  # a family: any dollar
        ("dollars", "$", True),
        ("AUD", "$", True),  # "$" alone is the dollar the unit names
        ("us_dollars", "$", True),
        ("us_dollars", "A$", False),
        ("pounds_sterling", "£", True),
        ("rand", "R", True),
        ("dollars", "£", False),
        ("USD", "R", False),
    ],
)
def test_a_mark_fits_its_code_its_family_and_dollar_units(unit: str, mark: str, fits: bool) -> None:
    assert currency_fits(CURRENCY_BEFORE[mark], unit, mark) is fits


def test_dollars_take_any_dollar_and_are_published_as_us_dollars() -> None:
    # The choice the one table makes: a value in `dollars` may be written "A$3bn" (its file's
    # writer knows the dollar), and published text writes `dollars` as "$", the US dollar.
    assert currency_fits("AUD", "dollars", "A$")
    for unit in ("dollars", "dollar", "us_dollars"):
        found = currency(unit)
        assert found is not None and (found.code, found.symbol) == ("USD", "$")
