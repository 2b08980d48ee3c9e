"""closest.py: the combinations nearest a claim, and the nearest accepted one above it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck.search.closest
import factcheck.search.limits
from factcheck.models import Match
from factcheck.search import (
    ALL,
    Candidate,
    MaxTerms,
    Target,
    Weights,
    nearer_above,
    nearest,
    search,
)
from tests.conftest import examples
from tests.search.brute_force import cases
from tests.search.helpers import D, figure, found_ids, target
from tests.search.reference import nearest_naive, signed_subsets, value_of


def check_nearest(
    candidates: list[Candidate], claim: Target, max_terms: MaxTerms, n: int, budget: int = 10**9
) -> None:
    result = search(candidates, claim, max_terms=max_terms, budget=budget)
    most = len(candidates) if max_terms == ALL else int(max_terms)
    found = nearest(result, n=n, budget=budget)
    assert found.complete
    assert [f.selection for f in found.found] == nearest_naive(candidates, claim, most, n)
    for f in found.found:
        assert f.point == value_of(candidates, f.selection)
        assert f.match is Match.none


@pytest.mark.parametrize("max_terms", [2, 3, ALL])
def test_the_nearest_combinations_by_distance_then_terms(max_terms: MaxTerms) -> None:
    candidates = [figure("a", 100), figure("b", 250), figure("c", 40), figure("d", 140)]
    result = search(candidates, target(1000), max_terms=max_terms)
    assert result.counts == {}  # nothing reproduces 1,000
    found = nearest(result, n=3, budget=10**6)
    # The largest sums are the nearest: with a cap of 2 terms b + d (390), b + a (350), ...
    expected = {
        2: [[("b", 1), ("d", 1)], [("a", 1), ("b", 1)], [("b", 1), ("c", 1)]],
        # a + b + c and b + d are both 390: the one of fewer terms first.
        3: [[("a", 1), ("b", 1), ("d", 1)], [("b", 1), ("c", 1), ("d", 1)], [("b", 1), ("d", 1)]],
        ALL: [[("a", 1), ("b", 1), ("c", 1), ("d", 1)], [("a", 1), ("b", 1), ("d", 1)],
              [("b", 1), ("c", 1), ("d", 1)]],
    }[max_terms]  # fmt: skip
    assert [found_ids(candidates, f) for f in found.found] == expected


def test_ties_go_to_fewer_terms() -> None:
    candidates = [figure("a", 60), figure("b", 40), figure("c", 100)]
    result = search(candidates, target(115, tolerance="0"), max_terms=3)
    found = nearest(result, n=2, budget=10**6)
    # 100 and 60 + 40 are both 15 away: the single figure first.
    assert [found_ids(candidates, f) for f in found.found] == [[("c", 1)], [("a", 1), ("b", 1)]]


@pytest.mark.parametrize("max_terms", [3, ALL])
def test_the_walk_finds_the_same_when_the_tables_do_not_fit(
    monkeypatch: pytest.MonkeyPatch, max_terms: MaxTerms
) -> None:
    candidates = [figure(f"f{k}", 37 * k + 11) for k in range(9)]
    claim = target(5000)
    expected = nearest_naive(candidates, claim, 3 if max_terms == 3 else 9, 5)
    monkeypatch.setattr(factcheck.search.limits, "HALF_LIMIT", 4)
    result = search(candidates, claim, max_terms=max_terms)
    assert result.census is not None and not result.census.available
    walked = nearest(result, n=5, budget=10**6)
    assert walked.complete
    assert [f.selection for f in walked.found] == expected
    cut = nearest(result, n=5, budget=3)
    assert not cut.complete


def test_many_ties_are_narrowed_before_they_are_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(factcheck.search.closest, "COLLECT_LIMIT", 3)
    candidates = [figure(f"f{k}", 1) for k in range(12)]
    result = search(candidates, target(100), max_terms=ALL)
    found = nearest(result, n=4, budget=10)
    # The sum of all twelve is the nearest; then the four sums of eleven, first by selection.
    assert [len(f.selection) for f in found.found] == [12, 11, 11, 11]
    assert found.found[1].selection == tuple((k, 1) for k in range(11))


@pytest.mark.slow  # a property test against brute force (tests/README.md)
@settings(max_examples=examples(150))
@given(case=cases(), max_terms=st.sampled_from([1, 2, 3, ALL]), n=st.sampled_from([1, 5]))
def test_nearest_agrees_with_brute_force(
    case: tuple[list[Candidate], Target, Weights], max_terms: MaxTerms, n: int
) -> None:
    candidates, claim, _ = case
    check_nearest(candidates, claim, max_terms, n)


@pytest.mark.slow  # a property test against brute force (tests/README.md)
@settings(max_examples=examples(60))
@given(case=cases(), max_terms=st.sampled_from([2, 3, ALL]))
def test_nearest_by_the_walk_agrees_with_brute_force(
    case: tuple[list[Candidate], Target, Weights], max_terms: MaxTerms
) -> None:
    candidates, claim, _ = case
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(factcheck.search.limits, "HALF_LIMIT", 1)
        check_nearest(candidates, claim, max_terms, 5)


@pytest.mark.slow  # a property test against brute force (tests/README.md)
@settings(max_examples=examples(100))
@given(
    case=cases(),
    max_terms=st.sampled_from([2, 3, ALL]),
    spread=st.sampled_from([D(0), D(5), D(50), D(500)]),
    even=st.booleans(),
)
def test_the_nearest_accepted_above_agrees_with_brute_force(
    case: tuple[list[Candidate], Target, Weights], max_terms: MaxTerms, spread: D, even: bool
) -> None:
    candidates, claim, _ = case
    result = search(candidates, claim, max_terms=max_terms)
    most = len(candidates) if max_terms == ALL else int(max_terms)
    above, up_to = claim.point + spread, claim.point + 3 * spread + 10

    def accept(selection: tuple[tuple[int, int], ...]) -> bool:
        return not even or len(selection) % 2 == 0

    ranked = sorted(
        (abs(value_of(candidates, s) - claim.point), len(s), s)
        for s in signed_subsets(candidates, most)
        if above < value_of(candidates, s) <= up_to and accept(s)
    )
    found = nearer_above(result, above, up_to, accept, budget=10**9)
    assert found.complete
    assert [f.selection for f in found.found] == [s for _, _, s in ranked[:1]]
