"""meet.py: the exhaustive search, its limits, at scale and against brute force."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck.search.limits
from factcheck.search import ALL, Candidate, Target, Weights, search
from tests.conftest import examples
from tests.search.brute_force import cases, check_against_brute_force
from tests.search.helpers import EVERYTHING, everything_found, figure, target
from tests.search.reference import search_naive


def test_the_exhaustive_search_needs_no_budget() -> None:
    candidates = [figure(f"f{k}", 1000 + k) for k in range(20)]
    result = search(candidates, target(10090), max_terms=ALL, budget=1)
    assert result.complete
    assert sum(result.counts.values()) > 1000


def test_too_large_for_the_exhaustive_search_falls_back_to_the_walk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    candidates = [figure(f"f{k}", 10 + k) for k in range(8)]
    claim = target(40, tolerance="0")
    monkeypatch.setattr(factcheck.search.limits, "HALF_LIMIT", 4)
    walked = search(candidates, claim, max_terms=ALL, top=EVERYTHING)
    assert walked.complete and walked.census is not None and not walked.census.available
    matches, _ = search_naive(candidates, claim, max_terms=ALL)
    assert sorted((f.selection, f.match) for f in everything_found(walked)) == matches
    cut = search(candidates, claim, max_terms=ALL, budget=10)
    assert not cut.complete


def test_millions_of_matches_are_counted_and_the_best_listed() -> None:
    candidates = [figure(f"f{k}", 1) for k in range(16)]
    result = search(candidates, target(8, tolerance="0"), max_terms=ALL, top=5)
    assert result.counts == {None: math.comb(16, 8)}
    # All tie (eight terms, exact, no difference): the ranking falls back to the selection.
    first = list(itertools.islice(itertools.combinations(range(16), 8), 5))
    assert [f.selection for f in result.found[None]] == [
        tuple((k, 1) for k in chosen) for chosen in first
    ]
    assert result.used == frozenset(range(16))


@pytest.mark.slow  # a property test against brute force (tests/README.md)
@settings(max_examples=examples(150))
@given(case=cases(), top=st.sampled_from([1, 3, EVERYTHING]))
def test_the_exhaustive_search_finds_exactly_what_brute_force_finds(
    case: tuple[list[Candidate], Target, Weights], top: int
) -> None:
    check_against_brute_force(case, ALL, top)


@pytest.mark.slow  # a property test against brute force (tests/README.md)
@settings(max_examples=examples(40))
@given(case=cases(most=10, plain=True), top=st.sampled_from([2, EVERYTHING]))
def test_the_exhaustive_search_meets_in_the_middle_exactly(
    case: tuple[list[Candidate], Target, Weights], top: int
) -> None:
    # More figures, fewer relations: both halves of the meet in the middle are in play.
    check_against_brute_force(case, ALL, top)
