"""units.py: which units are ratios, which may be negative, which are the same."""

from __future__ import annotations

import pytest

from factcheck.units import ratio_scale, same_unit, signed


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
