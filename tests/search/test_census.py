"""census.py: combinations counted by size and value, as brute force counts them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.search import ALL, Candidate, MaxTerms, Target, Weights, census
from tests.conftest import examples
from tests.search.brute_force import cases
from tests.search.helpers import BOTH, D, figure
from tests.search.reference import count_naive


def test_census_counts_combinations_by_size_and_value() -> None:
    candidates = [
        figure("whole", 100),
        figure("part", 30, ancestors=frozenset({"whole"})),
        figure("a", 10),
        figure("b", 20),
        figure("w1", 5, group="g"),
        figure("w2", 7, group="g"),
    ]
    for max_terms in BOTH:
        found = census(candidates, max_terms=max_terms)
        assert found is not None
        for size in range(1, 5):
            for low, high in [(D(0), D(50)), (D(-1000), D(1000)), (D(25), D("37.5"))]:
                assert found.count(size, low, high) == count_naive(candidates, size, low, high)
        assert found.total(2) == count_naive(candidates, 2, D(-(10**6)), D(10**6))


@pytest.mark.slow  # a property test against brute force (tests/README.md)
@settings(max_examples=examples(60))
@given(case=cases(), max_terms=st.sampled_from([1, 2, 3, ALL]))
def test_census_counts_what_brute_force_counts(
    case: tuple[list[Candidate], Target, Weights], max_terms: MaxTerms
) -> None:
    candidates, claim, _ = case
    found = census(candidates, max_terms=max_terms)
    assert found is not None
    largest = len(candidates) if max_terms == ALL else int(max_terms)
    for size in range(1, largest + 1):
        low, high = claim.point - 50, claim.point + 50
        assert found.count(size, low, high) == count_naive(candidates, size, low, high)
