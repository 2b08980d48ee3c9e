"""walk.py and bounds.py: the budgeted walk, its groups, against brute force."""

from __future__ import annotations

import itertools
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.models import Interval, Qualifier
from factcheck.search import Candidate, Target, Weights, search
from tests.conftest import examples
from tests.search.brute_force import cases, check_against_brute_force
from tests.search.helpers import EVERYTHING, everything_found, figure, target
from tests.search.reference import is_candidate


def test_budget_exhaustion_is_reported_as_incomplete() -> None:
    candidates = [figure(f"f{k}", 1000 + k) for k in range(20)]
    full = search(candidates, target(4030), max_terms=4)
    assert full.complete
    assert full.examined <= full.budget
    cut = search(candidates, target(4030), max_terms=4, budget=50)
    assert not cut.complete
    assert cut.budget == 50
    assert cut.examined <= 50
    assert sum(cut.counts.values()) < sum(full.counts.values())


def test_a_budget_exactly_large_enough_is_complete() -> None:
    candidates = [figure(f"f{k}", 1000 + k) for k in range(8)]
    full = search(candidates, target(4030), max_terms=4)
    assert full.complete
    exact = search(candidates, target(4030), max_terms=4, budget=full.examined)
    assert exact.complete
    assert exact.examined == full.examined
    assert not search(candidates, target(4030), max_terms=4, budget=full.examined - 1).complete


def test_a_wide_window_stops_at_the_first_figure_that_overshoots() -> None:
    # A bare "1,000" reproduces as rounded from 500 to 1,500 (rule B1). Each level of the
    # walk adds a figure, so after 1,000 none of 2,000 figures over 1,000 can follow it: the
    # walk once tried them all after each of the 72 figures under 1,500 and spent its budget.
    candidates = [figure(f"f{k}", 1000 + 7 * k) for k in range(2_000)]
    wide = Target(
        point=D(1000),
        interval=Interval.of(D(1000), Qualifier.exact, D(1)),
        tolerance=D("0.01"),
        rounded=Interval(low=D(500), high=D(1500)),
    )
    result = search(candidates, wide, max_terms=4, budget=10_000)
    assert result.complete
    assert result.examined == 72  # the figures from 1,000 to 1,497, each tried once
    assert sum(result.counts.values()) == 72


def test_a_large_group_is_searched_not_walked() -> None:
    # 240 months: every window of consecutive months is a candidate, one group.
    months = [1000 + (7 * k) % 13 for k in range(240)]
    prefix = list(itertools.accumulate(months, initial=0))
    windows = [
        figure(f"w{i}_{j}", prefix[j + 1] - prefix[i], group="jobs")
        for i in range(240)
        for j in range(i, 240)
    ]
    others = [figure(f"f{k}", 3000 + 1111 * k) for k in range(8)]
    candidates = others + windows
    assert len(windows) == 28920
    result = search(candidates, target(40000, tolerance="0.01"), max_terms=3, top=EVERYTHING)
    assert result.complete
    # Binary search visits only the members that can land near the claim.
    assert result.examined < 10 * sum(result.counts.values()) + 1000
    for found in everything_found(result):
        assert is_candidate(candidates, found.selection) is True
        assert abs(found.point - 40000) <= 400
    singles = [f for f in everything_found(result) if len(f.selection) == 1]
    expected = [w for w in windows if abs(w.point - 40000) <= 400]
    assert len(singles) == len(expected) > 0


@pytest.mark.slow  # a property test against brute force (tests/README.md)
@settings(max_examples=examples(150))
@given(case=cases(), max_terms=st.integers(1, 4), top=st.sampled_from([1, 3, EVERYTHING]))
def test_the_walk_finds_exactly_what_brute_force_finds(
    case: tuple[list[Candidate], Target, Weights], max_terms: int, top: int
) -> None:
    check_against_brute_force(case, max_terms, top)
