"""The rules a combination obeys (part_of, a series' stocks, groups), on both searches."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.models import Interval, Match, Qualifier
from factcheck.search import ALL, MaxTerms, search
from tests.search.helpers import (
    BOTH,
    EVERYTHING,
    SEED,
    D,
    all_ids,
    everything_found,
    figure,
    found_ids,
    target,
)
from tests.search.reference import is_candidate, search_naive


@pytest.mark.parametrize("max_terms", BOTH)
def test_the_seed_gives_exactly_one_match(max_terms: MaxTerms) -> None:
    result = search(SEED, target(325000, Qualifier.more_than, 1000), max_terms=max_terms)
    found = everything_found(result)
    assert len(found) == 1
    (only,) = found
    assert found_ids(SEED, only) == [("no_nta", 1), ("failed_to_appear", 1)]
    assert only.match is Match.approximate
    assert only.point == 323000
    assert only.interval == Interval(low=D(323000), high=D(325000), low_open=True, high_open=True)
    assert result.overlap_count == 0
    assert result.complete
    assert sum(result.counts.values()) == 1
    assert result.used == {1, 2}


@pytest.mark.parametrize("max_terms", BOTH)
def test_the_seed_is_exact_when_the_claim_says_about(max_terms: MaxTerms) -> None:
    # about 324,000 (precision 1000) is [323500, 324500]: it meets (323000, 325000).
    result = search(SEED, target(324000, Qualifier.about, 1000), max_terms=max_terms)
    (only,) = everything_found(result)
    assert only.match is Match.exact


@pytest.mark.parametrize("max_terms", BOTH)
def test_a_part_and_its_whole_are_never_added_but_reported_as_overlap(max_terms: MaxTerms) -> None:
    candidates = [figure("whole", 100), figure("part", 30, ancestors=frozenset({"whole"}))]
    result = search(candidates, target(130, tolerance="0"), max_terms=max_terms)
    assert everything_found(result) == []
    assert result.overlap_count == 1
    (overlap,) = result.overlaps
    assert found_ids(candidates, overlap) == [("whole", 1), ("part", 1)]
    assert overlap.match is Match.exact
    assert result.used == frozenset()  # an overlap uses nothing


@pytest.mark.parametrize("max_terms", [3, ALL])
def test_a_part_of_a_part_is_also_never_added_to_the_whole(max_terms: MaxTerms) -> None:
    candidates = [
        figure("whole", 100),
        figure("middle", 40, ancestors=frozenset({"whole"})),
        figure("part", 10, ancestors=frozenset({"whole", "middle"})),
    ]
    result = search(candidates, target(110, tolerance="0"), max_terms=max_terms)
    assert everything_found(result) == []
    assert result.overlap_count == 1
    # The rule is plain: a part never shares a combination with its whole except as the
    # whole less the part (rule A2), even where a subtraction would make up for it
    # (100 - 40 + 10 adds the part of a subtracted figure): not even a double count.
    result = search(candidates, target(70, tolerance="0"), max_terms=max_terms)
    assert everything_found(result) == []
    assert result.overlaps == [] and result.overlap_count == 0


@pytest.mark.parametrize("max_terms", BOTH)
def test_a_part_is_never_added_while_its_whole_is_subtracted(max_terms: MaxTerms) -> None:
    # Rule A2, the police case: recruits (part of the 2023 headcount) + the 2010 headcount
    # - the 2023 headcount is the double count in reverse; so is a part added with its
    # whole taken away through a grander whole.
    candidates = [
        figure("headcount_2010", 148725, series="h", as_of=dt.date(2010, 3, 31)),
        figure("headcount_2023", 149572, series="h", as_of=dt.date(2023, 3, 31)),
        figure("recruits", 20951, ancestors=frozenset({"headcount_2023"})),
        figure("grand", 300000),
        figure("part", 100, ancestors=frozenset({"middle", "grand"})),
        figure("middle", 1000, ancestors=frozenset({"grand"})),
    ]
    for value in (20104, 20951 + 148725 - 149572, 300000 - 1000 + 100):
        result = search(candidates, target(value, tolerance="0"), max_terms=max_terms)
        for found in everything_found(result):
            ids = dict(found_ids(candidates, found))
            assert not (ids.get("recruits") == 1 and ids.get("headcount_2023") == -1)
            assert not (ids.get("part") == 1 and ids.get("middle") == -1)
    # The whole less its part stays a candidate.
    result = search(candidates, target(149572 - 20951, tolerance="0"), max_terms=max_terms)
    assert [found_ids(candidates, f) for f in everything_found(result)] == [
        [("headcount_2023", 1), ("recruits", -1)]
    ]


@pytest.mark.parametrize("max_terms", BOTH)
def test_whole_minus_part_is_found(max_terms: MaxTerms) -> None:
    candidates = [figure("whole", 100), figure("part", 30, ancestors=frozenset({"whole"}))]
    result = search(candidates, target(70, tolerance="0"), max_terms=max_terms)
    (only,) = everything_found(result)
    assert found_ids(candidates, only) == [("whole", 1), ("part", -1)]
    assert only.match is Match.exact
    assert only.point == 70


@pytest.mark.parametrize("max_terms", BOTH)
def test_unrelated_figures_are_never_subtracted(max_terms: MaxTerms) -> None:
    candidates = [figure("a", 100), figure("b", 30)]
    result = search(candidates, target(70, tolerance="0"), max_terms=max_terms)
    assert everything_found(result) == []
    assert result.overlap_count == 0


@pytest.mark.parametrize("max_terms", BOTH)
def test_two_parts_subtracted_from_their_whole(max_terms: MaxTerms) -> None:
    candidates = [
        figure("whole", 100),
        figure("a", 30, ancestors=frozenset({"whole"})),
        figure("b", 20, ancestors=frozenset({"whole"})),
    ]
    result = search(candidates, target(50, tolerance="0"), max_terms=max_terms)
    assert all_ids(candidates, result) == [
        [("a", 1), ("b", 1)],  # two parts of one whole may be added: they are not nested
        [("whole", 1), ("a", -1), ("b", -1)],
    ]


@pytest.mark.parametrize("max_terms", BOTH)
def test_a_change_between_two_stocks_of_a_series(max_terms: MaxTerms) -> None:
    candidates = [
        figure("jobs_2023", 500, series="jobs", as_of=dt.date(2023, 1, 1)),
        figure("jobs_2024", 650, series="jobs", as_of=dt.date(2024, 1, 1)),
    ]
    rise = search(candidates, target(150, tolerance="0"), max_terms=max_terms)
    assert all_ids(candidates, rise) == [[("jobs_2023", -1), ("jobs_2024", 1)]]
    # A change is later less earlier: a rise is never written the other way round as a
    # negative fall (rule A1), and a fall is written earlier less later, positive.
    against = search(candidates, target(-150, tolerance="0"), max_terms=max_terms)
    assert everything_found(against) == [] and against.overlap_count == 0
    falling = [figure("jobs_2024", 350, series="jobs", as_of=dt.date(2024, 1, 1)), candidates[0]]
    fall = search(falling, target(150, tolerance="0"), max_terms=max_terms)
    assert all_ids(falling, fall) == [[("jobs_2024", -1), ("jobs_2023", 1)]]
    negative = search(falling, target(-150, tolerance="0"), max_terms=max_terms)
    assert everything_found(negative) == []
    # Two stocks of one series are never added together, not even as an overlap.
    added = search(candidates, target(1150, tolerance="0"), max_terms=max_terms)
    assert everything_found(added) == []
    assert added.overlap_count == 0


@pytest.mark.parametrize("max_terms", [2, ALL])
def test_stocks_on_the_same_date_make_no_change(max_terms: MaxTerms) -> None:
    day = dt.date(2024, 1, 1)
    candidates = [
        figure("a", 500, series="jobs", as_of=day),
        figure("b", 650, series="jobs", as_of=day),
    ]
    result = search(candidates, target(150, tolerance="0"), max_terms=max_terms)
    assert everything_found(result) == []


@pytest.mark.parametrize("max_terms", [2, ALL])
def test_a_series_without_dates_is_not_a_stock(max_terms: MaxTerms) -> None:
    candidates = [figure("a", 500, series="jobs"), figure("b", 650, series="jobs")]
    result = search(candidates, target(150, tolerance="0"), max_terms=max_terms)
    assert everything_found(result) == []
    both = search(candidates, target(1150, tolerance="0"), max_terms=max_terms)
    assert all_ids(candidates, both) == [[("a", 1), ("b", 1)]]


@pytest.mark.parametrize("max_terms", BOTH)
def test_at_most_one_change_per_series(max_terms: MaxTerms) -> None:
    candidates = [
        figure("s1", 100, series="s", as_of=dt.date(2021, 1, 1)),
        figure("s2", 300, series="s", as_of=dt.date(2022, 1, 1)),
        figure("s3", 600, series="s", as_of=dt.date(2023, 1, 1)),
    ]
    # (s3 - s2) + (s2 - s1) would need s2 twice; s3 - s1 - s2 subtracts two stocks.
    result = search(candidates, target(200, tolerance="0"), max_terms=max_terms)
    assert all_ids(candidates, result) == [[("s1", -1), ("s2", 1)]]


@pytest.mark.parametrize("max_terms", BOTH)
def test_at_most_one_member_of_a_group(max_terms: MaxTerms) -> None:
    candidates = [
        figure("w1", 10, group="jobs"),
        figure("w2", 20, group="jobs"),
        figure("w3", 25, group="jobs"),
        figure("x", 5),
    ]
    result = search(candidates, target(30, tolerance="0"), max_terms=max_terms)
    assert all_ids(candidates, result) == [[("w3", 1), ("x", 1)]]  # never w1 + w2
    assert is_candidate(candidates, ((0, 1), (1, 1))) is False


@pytest.mark.parametrize("max_terms", BOTH)
def test_a_group_of_related_figures_is_still_one_at_a_time(max_terms: MaxTerms) -> None:
    candidates = [
        figure("whole", 100, group="g"),
        figure("part", 30, ancestors=frozenset({"whole"}), group="g"),
        figure("other", 70),
    ]
    result = search(candidates, target(70, tolerance="0"), max_terms=max_terms)
    assert all_ids(candidates, result) == [[("other", 1)]]  # whole - part is one group twice
    assert search(candidates, target(130, tolerance="0"), max_terms=max_terms).overlap_count == 0


@pytest.mark.parametrize("max_terms", [1, 2, 3, 4, ALL])
def test_seed_against_brute_force(max_terms: MaxTerms) -> None:
    claim = target(325000, Qualifier.more_than, 1000)
    result = search(SEED, claim, max_terms=max_terms, top=EVERYTHING)
    matches, overlaps = search_naive(SEED, claim, max_terms=max_terms)
    assert sorted((f.selection, f.match) for f in everything_found(result)) == matches
    assert result.overlap_count == len(overlaps)
