"""scale.py: the fast paths give exactly what one value at a time gives."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.search.scale import Scale, decimal_places
from tests.search.helpers import D

# Integers and decimals written in every way: trailing zeros, exponents, signs, zeros, and
# more digits than the decimal context holds (28), which scaleb rounds.
WRITTEN = st.one_of(
    st.integers(-(10**20), 10**20).map(Decimal),
    st.integers(-(10**35), 10**35).map(Decimal),
    st.decimals(
        allow_nan=False, allow_infinity=False, places=3, max_value=10**6, min_value=-(10**6)
    ),
    st.sampled_from(["0", "-0", "0.00", "1.50", "1E+3", "-2.5E+2", "7E-2", "100.0", "5"]).map(D),
)


def places_one_by_one(values: list[Decimal]) -> int:
    exponents = [v.as_tuple().exponent for v in values]
    return max([0] + [-e for e in exponents if isinstance(e, int) and e < 0])


@settings(max_examples=200, deadline=None)
@given(columns=st.lists(st.lists(WRITTEN, max_size=6), max_size=4))
def test_places_are_the_most_any_value_is_written_with(columns: list[list[Decimal]]) -> None:
    everything = [value for column in columns for value in column]
    assert decimal_places(columns) == places_one_by_one(everything)


def test_places_of_sums_that_are_not_exact_or_not_finite() -> None:
    # 10^40 + 10^-20 has 61 digits: the column's sum is rounded, so it is read one by one.
    assert decimal_places([[D("1E+40"), D("1E-20")]]) == 20
    assert decimal_places([[D("Infinity"), D("-Infinity"), D("0.5")]]) == 1
    assert decimal_places([[D("NaN"), D("1.25")]]) == 2


@settings(max_examples=200, deadline=None)
@given(values=st.lists(WRITTEN, max_size=8), more=st.lists(WRITTEN, max_size=3))
def test_a_column_scales_as_each_value_does(values: list[Decimal], more: list[Decimal]) -> None:
    scale = Scale([values, more])
    assert scale.column(values) == [int(v.scaleb(scale.places)) for v in values]
    assert scale.column(more) == [int(v.scaleb(scale.places)) for v in more]
    # A column the scale was not made from (a copy): its places are not known beforehand.
    assert scale.column(list(more)) == [int(v.scaleb(scale.places)) for v in more]


def test_a_column_equal_to_one_already_scaled_is_not_scaled_again() -> None:
    scale = Scale([[D("1.5"), D(2)]])
    points = [D("1.5"), D(2)]
    ints = scale.column(points)
    assert ints == [15, 20]
    # Equal values written otherwise scale to the same integers.
    assert scale.column([D("1.50"), D("2.0")], like=(points, ints)) is ints
    assert scale.column([D("1.5"), D(3)], like=(points, ints)) == [15, 30]
