"""types.py: combine_intervals, and Interval.meets which the searches rely on."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.models import Interval, Qualifier
from factcheck.search import combine_intervals
from tests.search.helpers import D


def test_combine_intervals_keeps_open_ends() -> None:
    more = Interval.of(D(291000), Qualifier.more_than, D(1000))
    least = Interval.of(D(32000), Qualifier.at_least, D(1000))
    assert combine_intervals([(more, 1), (least, 1)]) == Interval(
        low=D(323000), high=D(325000), low_open=True, high_open=True
    )
    # Subtracting [32000, 33000) takes away at most 33000 (never reached) and at least 32000.
    assert combine_intervals([(more, 1), (least, -1)]) == Interval(
        low=D(258000), high=D(260000), low_open=True, high_open=True
    )
    exact = Interval.of(D(10), Qualifier.exact, D(1))
    at_most = Interval.of(D(5), Qualifier.at_most, D(1))
    assert combine_intervals([(exact, 1), (at_most, -1)]) == Interval(
        low=D(5), high=D(6), low_open=False, high_open=True
    )


_ENDPOINT = st.integers(min_value=-6, max_value=6).map(lambda k: D(k) / 2)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low, high = sorted([draw(_ENDPOINT), draw(_ENDPOINT)])
    low_open, high_open = draw(st.booleans()), draw(st.booleans())
    if low == high:
        low_open = high_open = False  # a point; an open point would be empty
    return Interval(low=low, high=high, low_open=low_open, high_open=high_open)


def _contains(interval: Interval, x: Fraction) -> bool:
    low, high = Fraction(interval.low), Fraction(interval.high)
    above = x > low if interval.low_open else x >= low
    below = x < high if interval.high_open else x <= high
    return above and below


@settings(max_examples=150, deadline=None)
@given(a=intervals(), b=intervals())
def test_meets_is_true_exactly_when_the_intervals_share_a_point(a: Interval, b: Interval) -> None:
    # Endpoints lie on a grid of halves, so testing every quarter point decides it.
    grid = [Fraction(k, 4) for k in range(-14, 15)]
    shared = any(_contains(a, x) and _contains(b, x) for x in grid)
    assert a.meets(b) == shared
    assert b.meets(a) == shared


@settings(max_examples=150, deadline=None)
@given(signed=st.lists(st.tuples(intervals(), st.sampled_from([1, -1])), min_size=1, max_size=3))
def test_combine_intervals_is_the_set_of_signed_sums(signed: list[tuple[Interval, int]]) -> None:
    combined = combine_intervals(signed)
    # Each endpoint of the result is reached (or approached) by the matching endpoints.
    low = sum((Fraction(i.low if s > 0 else -i.high) for i, s in signed), Fraction(0))
    high = sum((Fraction(i.high if s > 0 else -i.low) for i, s in signed), Fraction(0))
    assert (Fraction(combined.low), Fraction(combined.high)) == (low, high)
    low_open = any(i.low_open if s > 0 else i.high_open for i, s in signed)
    high_open = any(i.high_open if s > 0 else i.low_open for i, s in signed)
    assert (combined.low_open, combined.high_open) == (low_open, high_open)
