"""buckets.py: weights put matches in buckets by the sums carried beside their values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from decimal import Decimal

import pytest

from factcheck.search import MaxTerms, Weights, search
from tests.search.helpers import BOTH, D, figure, found_ids, target
from tests.search.reference import weigh


@pytest.mark.parametrize("max_terms", BOTH)
def test_weights_put_matches_in_buckets_by_their_sums(max_terms: MaxTerms) -> None:
    candidates = [figure("said", 60), figure("unsaid", 40), figure("other", 100)]

    def bucket(value: Decimal, low: Decimal, high: Decimal) -> Hashable:
        return "most" if low >= 90 else "some" if high >= 50 else "none"

    weights = Weights(
        low=[D(60), D(0), D(100)],
        high=[D(60), D(0), D(100)],
        bucket=bucket,
        breakpoints=[D(50), D(90)],
    )
    result = search(candidates, target(100, tolerance="0"), max_terms=max_terms, weights=weights)
    assert result.counts == {"most": 1, "some": 1}
    assert [found_ids(candidates, f) for f in result.found["some"]] == [
        [("said", 1), ("unsaid", 1)]
    ]


@pytest.mark.parametrize("max_terms", BOTH)
def test_a_change_weighs_what_weights_say_of_the_pair(max_terms: MaxTerms) -> None:
    candidates = [
        figure("jobs_2023", 500, series="jobs", as_of=dt.date(2023, 1, 1)),
        figure("jobs_2024", 650, series="jobs", as_of=dt.date(2024, 1, 1)),
    ]
    weights = Weights(
        low=[D(0), D(0)],
        high=[D(0), D(0)],
        bucket=lambda value, low, high: low,
        breakpoints=[D(0), D(150)],
        changes={(1, 0): (D(150), D(150))},  # a rise supports the word
    )
    rise = search(candidates, target(150, tolerance="0"), max_terms=max_terms, weights=weights)
    assert rise.counts == {D(150): 1}
    assert weigh(candidates, weights, ((0, -1), (1, 1))) == (D(150), D(150))
