"""totals.py: the largest total the figures make, over every figure (rule C2)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck.search.totals
from factcheck.search import ALL, Candidate, Target, Weights, largest, search
from factcheck.search.prepare import Prepared
from tests.conftest import examples
from tests.search.brute_force import cases
from tests.search.helpers import D, figure, found_ids, target
from tests.search.reference import is_candidate, largest_naive, value_of


def total(candidates: list[Candidate]) -> tuple[list[tuple[str, int]], D] | None:
    found, complete = largest(search(candidates, target(1), max_terms=2))
    assert complete
    return None if found is None else (found_ids(candidates, found), found.point)


def test_parts_or_their_whole_whichever_is_larger() -> None:
    # The wall: 52 + 33 + 351 + 22 = 458 miles of parts, more than the 438 whole.
    wall = [
        figure("system", 438),
        figure("new_primary", 52, ancestors=frozenset({"system"})),
        figure("new_secondary", 33, ancestors=frozenset({"system"})),
        figure("replacement_primary", 351, ancestors=frozenset({"system"})),
        figure("replacement_secondary", 22, ancestors=frozenset({"system"})),
    ]
    assert total(wall) == (
        [("new_primary", 1), ("new_secondary", 1), ("replacement_primary", 1),
         ("replacement_secondary", 1)],
        D(458),
    )  # fmt: skip
    wall[0] = figure("system", 500)
    assert total(wall) == ([("system", 1)], D(500))


def test_one_window_of_a_series_and_one_stock_or_change_of_another() -> None:
    candidates = [
        figure("w1", 10, group="months"),
        figure("w2", 30, group="months"),
        figure("s2019", 100, series="s", as_of=dt.date(2019, 1, 1)),
        figure("s2023", 40, series="s", as_of=dt.date(2023, 1, 1)),
        figure("loss", -5),
    ]
    assert total(candidates) == ([("w2", 1), ("s2019", 1)], D(130))
    # A change larger than any stock (stocks can be negative, in dollars).
    candidates[3] = figure("s2023", -150, series="s", as_of=dt.date(2023, 1, 1))
    assert total(candidates) == ([("w2", 1), ("s2019", 1), ("s2023", -1)], D(280))


def test_nothing_positive_has_no_largest_total() -> None:
    assert total([figure("a", -3), figure("b", 0)]) is None


def test_a_budget_spent_keeps_the_largest_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(factcheck.search.totals, "STEPS", 2)
    candidates = [figure("whole", 100)] + [
        figure(f"p{k}", 30, ancestors=frozenset({"whole"})) for k in range(5)
    ]
    found, complete = largest(search(candidates, target(1), max_terms=2))
    assert not complete and found is not None and found.point == 100


@pytest.mark.slow  # a property test against brute force (tests/README.md)
@settings(max_examples=examples(150))
@given(case=cases())
def test_the_largest_total_agrees_with_brute_force(
    case: tuple[list[Candidate], Target, Weights],
) -> None:
    candidates, claim, _ = case
    found, complete = largest(search(candidates, claim, max_terms=ALL))
    assert complete
    expected = largest_naive(candidates)
    if found is None:
        assert expected == 0
        return
    assert found.point == expected == value_of(candidates, found.selection)
    assert is_candidate(candidates, found.selection) is True
    chosen = [candidates[i] for i, _ in found.selection]
    assert not any(a.id in b.ancestors for a in chosen for b in chosen)


@settings(max_examples=examples(200))
@given(
    values=st.lists(st.integers(-5, 5), min_size=1, max_size=12),
    days=st.lists(st.integers(0, 3), min_size=12, max_size=12),
)
def test_one_series_picks_as_listing_every_change_would(values: list[int], days: list[int]) -> None:
    # A series of 3,000 stocks has 9 million changes: the largest is found without listing
    # them, and must be the very choice (value, then the earliest figures) the listing makes.
    start = dt.date(2024, 1, 1)
    candidates = [
        figure(f"s{k}", v, series="s", as_of=start + dt.timedelta(days=days[k]))
        for k, v in enumerate(values)
    ]
    prepared = Prepared(candidates, target(1), None)
    members = list(range(len(candidates)))
    listed = factcheck.search.totals._choices(prepared, members)
    fast = factcheck.search.totals._best_choices(prepared, members)

    def pick(choices: list[factcheck.search.totals._Choice]) -> object:
        if not choices:
            return None
        best = max(choices, key=lambda c: (c.value, factcheck.search.totals._key(c)))
        return best.value, best.terms

    assert pick(fast) == pick(listed)
