"""search(): the entry point, its arguments and a classify callback against brute force."""

from __future__ import annotations

from collections.abc import Hashable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.search import ALL, Candidate, MaxTerms, Selection, Target, Weights, search
from tests.conftest import examples
from tests.search.brute_force import cases, rank
from tests.search.helpers import BOTH, EVERYTHING, D, figure, target
from tests.search.reference import search_naive


def test_no_candidates() -> None:
    for max_terms in BOTH:
        result = search([], target(100), max_terms=max_terms)
        assert result.found == {}
        assert result.complete


def test_weights_and_classify_do_not_mix() -> None:
    weights = Weights(low=[D(0)], high=[D(0)], bucket=lambda v, lo, hi: None)
    with pytest.raises(ValueError, match="not both"):
        search([figure("a", 1)], target(1), max_terms=1, weights=weights, classify=lambda s: 0)
    with pytest.raises(ValueError, match="one low and one high"):
        search([figure("a", 1)], target(1), max_terms=1, weights=Weights([], [], weights.bucket))
    bad = Weights([D(0), D(0)], [D(0), D(0)], weights.bucket, changes={(0, 1): (D(1), D(1))})
    with pytest.raises(ValueError, match="not two stocks of one series"):
        search([figure("a", 1), figure("b", 2)], target(1), max_terms=1, weights=bad)


def _by_selection(selection: Selection) -> Hashable:
    # Any function of the selection: a classify callback sees each listed match.
    return (len(selection) + sum(sign for _, sign in selection)) % 3


@pytest.mark.slow  # a property test against brute force (tests/README.md)
@settings(max_examples=examples(60))
@given(case=cases(), max_terms=st.sampled_from([2, 4, ALL]), top=st.sampled_from([1, EVERYTHING]))
def test_a_classify_callback_sees_exactly_the_brute_force_matches(
    case: tuple[list[Candidate], Target, Weights], max_terms: MaxTerms, top: int
) -> None:
    candidates, claim, _ = case
    result = search(candidates, claim, max_terms=max_terms, classify=_by_selection, top=top)
    matches, overlaps = search_naive(candidates, claim, max_terms=max_terms)
    buckets: dict[Hashable, list[Selection]] = {}
    for selection, _ in matches:
        buckets.setdefault(_by_selection(selection), []).append(selection)
    assert result.counts == {key: len(found) for key, found in buckets.items()}
    for key, selections in buckets.items():
        best = sorted(rank(candidates, claim, selection) for selection in selections)[:top]
        assert [found.rank for found in result.found[key]] == best
    assert result.overlap_count == len(overlaps)
