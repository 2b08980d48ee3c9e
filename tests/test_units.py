"""units.py: which units are ratios, which may be negative, which are the same."""

from __future__ import annotations

import pytest

from factcheck.units import currency, ratio_scale, same_unit, signed


@pytest.mark.parametrize(
    ("unit", "scale"),
    [("percent", 100), ("%", 100), (" Percent ", 100), ("ratio", 1), ("people", None)],
)
def test_ratio_scale(unit: str, scale: int | None) -> None:
    assert ratio_scale(unit) == scale


def test_same_unit_ignores_case_space_and_the_percent_sign() -> None:
    assert same_unit("People ", "people")
    assert same_unit("%", "percent")
    assert not same_unit("usd", "people")


def test_signed_units() -> None:
    assert signed("USD") and signed("percent")
    assert not signed("people")


@pytest.mark.parametrize(
    ("unit", "code", "symbol"),
    [("USD", "USD", "$"), ("dollars", "USD", "$"), ("GBP", "GBP", "£"), ("Pounds", "GBP", "£")],
)
def test_currencies_are_known_by_code_and_name(unit: str, code: str, symbol: str) -> None:
    found = currency(unit)
    assert found is not None and (found.code, found.symbol) == (code, symbol)


def test_counts_of_things_are_not_money() -> None:
    assert currency("children") is None
    assert currency("$") is None  # names several currencies
