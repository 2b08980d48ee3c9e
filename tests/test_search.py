"""search.py: both searches find exactly what plain enumeration finds, and rank it."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
from collections.abc import Hashable, Sequence
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck.search as search_module
from factcheck.models import Interval, Match, Qualifier
from factcheck.search import (
    ALL,
    Candidate,
    Found,
    MaxTerms,
    SearchResult,
    Selection,
    Target,
    Weights,
    census,
    combine_intervals,
    count_naive,
    is_candidate,
    search,
    search_naive,
    weigh,
)

D = Decimal
EVERYTHING = 10**6  # a `top` that keeps every match
BOTH: list[MaxTerms] = [4, ALL]  # the walk and the exhaustive search


def figure(
    id: str,
    value: int | str,
    qualifier: Qualifier = Qualifier.exact,
    precision: int | str = 1,
    *,
    ancestors: frozenset[str] = frozenset(),
    series: str | None = None,
    as_of: dt.date | None = None,
    group: str | None = None,
) -> Candidate:
    point = D(value)
    return Candidate(
        id=id,
        interval=Interval.of(point, qualifier, D(precision)),
        point=point,
        ancestors=ancestors,
        series=series,
        as_of=as_of,
        group=group,
    )


def target(
    value: int | str,
    qualifier: Qualifier = Qualifier.exact,
    precision: int | str = 1,
    tolerance: str = "0.01",
) -> Target:
    point = D(value)
    return Target(
        point=point, interval=Interval.of(point, qualifier, D(precision)), tolerance=D(tolerance)
    )


def everything_found(result: SearchResult) -> list[Found]:
    return sorted(found for bucket in result.found.values() for found in bucket)


def found_ids(candidates: Sequence[Candidate], found: Found) -> list[tuple[str, int]]:
    return [(candidates[index].id, sign) for index, sign in found.selection]


def all_ids(candidates: Sequence[Candidate], result: SearchResult) -> list[list[tuple[str, int]]]:
    return [found_ids(candidates, found) for found in everything_found(result)]


# --- the seed and other worked examples, on both searches ---------------------------------

SEED = [
    figure("transferred", 448000, Qualifier.more_than, 1000),
    figure("no_nta", 291000, Qualifier.more_than, 1000, ancestors=frozenset({"transferred"})),
    figure(
        "failed_to_appear", 32000, Qualifier.more_than, 1000, ancestors=frozenset({"transferred"})
    ),
]


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
    # The rule is plain: a figure added beside a figure it is part of is a double count,
    # even where a subtraction would make up for it (100 - 40 + 10).
    result = search(candidates, target(70, tolerance="0"), max_terms=max_terms)
    assert everything_found(result) == []
    (overlap,) = result.overlaps
    assert found_ids(candidates, overlap) == [("whole", 1), ("middle", -1), ("part", 1)]


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
    fall = search(candidates, target(-150, tolerance="0"), max_terms=max_terms)
    assert all_ids(candidates, fall) == [[("jobs_2023", 1), ("jobs_2024", -1)]]
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


@pytest.mark.parametrize("max_terms", [3, ALL])
def test_ranking_fewer_terms_then_exact_then_closer(max_terms: MaxTerms) -> None:
    candidates = [
        figure("a", 100),
        figure("b", 101),
        figure("c", 60),
        figure("d", 40),
        figure("e", 99),
        figure("f", 1),
    ]
    claim = target(100, tolerance="0.02")
    ranked = everything_found(search(candidates, claim, max_terms=max_terms, top=EVERYTHING))
    ids = [found_ids(candidates, found) for found in ranked]
    assert ids[:3] == [[("a", 1)], [("b", 1)], [("e", 1)]]
    assert [found.match for found in ranked[:3]] == [
        Match.exact,
        Match.approximate,
        Match.approximate,
    ]
    assert ranked[3].match is Match.exact and len(ranked[3].selection) == 2
    for earlier, later in itertools.pairwise(ranked):
        assert earlier.rank < later.rank
        assert len(earlier.selection) <= len(later.selection)


@pytest.mark.parametrize("max_terms", BOTH)
def test_a_four_term_exact_sum_never_outranks_a_plain_approximate_one(max_terms: MaxTerms) -> None:
    candidates = [figure(f"f{k}", value) for k, value in enumerate([25, 25, 25, 25, 99])]
    ranked = everything_found(search(candidates, target(100), max_terms=max_terms, top=EVERYTHING))
    assert found_ids(candidates, ranked[0]) == [("f4", 1)]
    assert ranked[0].match is Match.approximate


def test_top_keeps_the_best_per_bucket_and_counts_every_match() -> None:
    candidates = [figure(f"f{k}", 10) for k in range(6)]

    def by_size(selection: Selection) -> Hashable:
        return len(selection)

    for max_terms in BOTH:
        full = search(candidates, target(30), max_terms=max_terms, classify=by_size, top=EVERYTHING)
        capped = search(candidates, target(30), max_terms=max_terms, classify=by_size, top=2)
        assert capped.counts == full.counts == {3: 20}
        assert capped.found[3] == full.found[3][:2]


def test_no_candidates() -> None:
    for max_terms in BOTH:
        result = search([], target(100), max_terms=max_terms)
        assert result.found == {}
        assert result.complete


@pytest.mark.parametrize("max_terms", [2, ALL])
def test_decimals_stay_exact(max_terms: MaxTerms) -> None:
    candidates = [
        figure("a", "19947304555212.49"),
        figure("b", "0.01"),
        figure("c", "12.5", Qualifier.about, "0.1"),
    ]
    claim = target("19947304555212.50", tolerance="0")
    (only,) = everything_found(search(candidates, claim, max_terms=max_terms))
    assert found_ids(candidates, only) == [("a", 1), ("b", 1)]
    assert only.point == D("19947304555212.50")
    assert only.match is Match.exact


# --- the budget of the walk ---------------------------------------------------------------


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
    monkeypatch.setattr(search_module, "HALF_LIMIT", 4)
    walked = search(candidates, claim, max_terms=ALL, top=EVERYTHING)
    assert walked.complete and walked.census is not None and not walked.census.available
    matches, _ = search_naive(candidates, claim, max_terms=ALL)
    assert sorted((f.selection, f.match) for f in everything_found(walked)) == matches
    cut = search(candidates, claim, max_terms=ALL, budget=10)
    assert not cut.complete


# --- groups: at most one member, and never walked one by one -------------------------------


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


# --- weights: buckets without listing ------------------------------------------------------


def cells(breakpoints: Sequence[Decimal], value: Decimal) -> int:
    """The cell of a value: below, on or above each breakpoint, as one number."""
    points = sorted(set(breakpoints))
    below = bisect.bisect_left(points, value)
    return 2 * below + (below < len(points) and points[below] == value)


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


def test_weights_and_classify_do_not_mix() -> None:
    weights = Weights(low=[D(0)], high=[D(0)], bucket=lambda v, lo, hi: None)
    with pytest.raises(ValueError, match="not both"):
        search([figure("a", 1)], target(1), max_terms=1, weights=weights, classify=lambda s: 0)
    with pytest.raises(ValueError, match="one low and one high"):
        search([figure("a", 1)], target(1), max_terms=1, weights=Weights([], [], weights.bucket))
    bad = Weights([D(0), D(0)], [D(0), D(0)], weights.bucket, changes={(0, 1): (D(1), D(1))})
    with pytest.raises(ValueError, match="not two stocks of one series"):
        search([figure("a", 1), figure("b", 2)], target(1), max_terms=1, weights=bad)


# --- the exhaustive search at scale, exactly --------------------------------------------------


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


# --- combine_intervals and Interval.meets -------------------------------------------------


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


# --- both searches against brute force -----------------------------------------------------

QUALIFIERS = list(Qualifier)
PRECISIONS = [D(1), D(10), D("0.5"), D(5), D(100), D("0.05")]
TOLERANCES = [D(0), D("0.001"), D("0.01"), D("0.05"), D("0.2")]
DATES = [dt.date(2020, 1, 1), dt.date(2021, 1, 1), dt.date(2022, 1, 1), dt.date(2023, 1, 1)]
BREAKPOINTS = [D(-10), D(0), D(5), D("12.5"), D(40), D(300)]


@st.composite
def cases(
    draw: st.DrawFn, most: int = 7, plain: bool = False
) -> tuple[list[Candidate], Target, Weights]:
    """Up to `most` figures: a random part_of forest, stock series, groups, mixed qualifiers,
    and weights that bucket matches by cells of their sums (the contract judge.py keeps)."""
    n = draw(st.integers(min_value=1, max_value=most))
    whole = [
        draw(st.one_of(st.integers(1, 60), st.integers(-20, 20), st.integers(1, 2000)))
        for _ in range(n)
    ]
    # A decimal now and then: exercises the common scale of the integer searches.
    points = [D(p) / 10 if draw(st.integers(0, 5)) == 0 else D(p) for p in whole]
    # A random forest: each figure's parent comes earlier in a random order.
    order = draw(st.permutations(range(n)))
    parent: dict[int, int | None] = {}
    for position, k in enumerate(order):
        choices = [None, *order[:position]] if not plain else [None]
        parent[k] = draw(st.sampled_from(choices))
    ancestors: list[set[int]] = []
    for k in range(n):
        found: set[int] = set()
        up = parent[k]
        while up is not None:
            found.add(up)
            up = parent[up]
        ancestors.append(found)
    candidates = []
    for k in range(n):
        series = None if plain else draw(st.sampled_from([None, "s", "s", "t"]))
        as_of = draw(st.sampled_from([None, *DATES])) if series else None
        if draw(st.integers(0, 3)) == 0:
            as_of = draw(st.sampled_from([None, *DATES]))  # a dated figure outside any series
        qualifier = draw(st.sampled_from([Qualifier.exact] * 3 + QUALIFIERS))
        candidates.append(
            Candidate(
                id=f"f{k}",
                interval=Interval.of(points[k], qualifier, draw(st.sampled_from(PRECISIONS))),
                point=points[k],
                # "ghost": a whole that is no candidate (another unit), as judge.py may pass
                ancestors=frozenset(f"f{a}" for a in ancestors[k])
                | (frozenset({"ghost"}) if draw(st.integers(0, 5)) == 0 else frozenset()),
                series=series,
                as_of=as_of,
                group=draw(st.sampled_from([None, None, None, "g", "g", "h"])),
            )
        )
    # Aim at a signed sum of some figures, nudged, so that matches are common.
    chosen = draw(st.lists(st.tuples(st.integers(0, n - 1), st.sampled_from([1, -1])), max_size=4))
    nudge = D(draw(st.integers(-3, 3)))
    point = sum((points[k] * sign for k, sign in chosen), D(0)) + nudge
    claim = Target(
        point=point,
        interval=Interval.of(
            point, draw(st.sampled_from(QUALIFIERS)), draw(st.sampled_from(PRECISIONS))
        ),
        tolerance=draw(st.sampled_from(TOLERANCES)),
    )

    # Weights: none, the value, or another amount; a change now and then.
    def amount(k: int) -> Decimal:
        other = D(draw(st.integers(-5, 50)))
        chosen: Decimal = draw(st.sampled_from([D(0), points[k], points[k], other]))
        return chosen

    low = [amount(k) for k in range(n)]
    high: list[Decimal] = [draw(st.sampled_from([low[k], points[k], D(0)])) for k in range(n)]
    stocks = [
        (a, b)
        for a, b in itertools.permutations(range(n), 2)
        if candidates[a].series
        and candidates[a].series == candidates[b].series
        and None not in (candidates[a].as_of, candidates[b].as_of)
        and candidates[a].as_of != candidates[b].as_of
    ]
    changes = {pair: (D(7), D(9)) for pair in stocks if draw(st.booleans())}
    breakpoints = draw(st.lists(st.sampled_from(BREAKPOINTS), max_size=3))
    fold = draw(st.integers(2, 5))

    def bucket(value: Decimal, low: Decimal, high: Decimal) -> Hashable:
        # Depends on the sums only through their cells; folded to share buckets.
        return (cells(breakpoints, value) + 3 * cells(breakpoints, low)) % fold, cells(
            breakpoints, high
        ) % 2

    return candidates, claim, Weights(low, high, bucket, breakpoints, changes)


def expected_buckets(
    candidates: list[Candidate], weights: Weights, matches: list[tuple[Selection, Match]]
) -> dict[Hashable, list[Selection]]:
    """Brute force: each match's bucket from its own sums."""
    buckets: dict[Hashable, list[Selection]] = {}
    for selection, _ in matches:
        value = sum((candidates[i].point * s for i, s in selection), D(0))
        key = weights.bucket(value, *weigh(candidates, weights, selection))
        buckets.setdefault(key, []).append(selection)
    return buckets


def rank(candidates: list[Candidate], claim: Target, selection: Selection) -> search_module.Rank:
    point = sum((candidates[i].point * s for i, s in selection), D(0))
    exact = combine_intervals([(candidates[i].interval, s) for i, s in selection]).meets(
        claim.interval
    )
    return (len(selection), 0 if exact else 1, Fraction(abs(point - claim.point)), selection)


def check_against_brute_force(
    case: tuple[list[Candidate], Target, Weights], max_terms: MaxTerms, top: int
) -> None:
    candidates, claim, weights = case
    result = search(candidates, claim, max_terms=max_terms, weights=weights, top=top)
    matches, overlaps = search_naive(candidates, claim, max_terms=max_terms)
    assert result.complete
    buckets = expected_buckets(candidates, weights, matches)
    assert result.counts == {key: len(selections) for key, selections in buckets.items()}
    assert set(result.found) == set(buckets)
    for key, selections in buckets.items():
        best = sorted(rank(candidates, claim, selection) for selection in selections)[:top]
        assert [found.rank for found in result.found[key]] == best
    if top >= EVERYTHING:
        found = everything_found(result)
        assert sorted((f.selection, f.match) for f in found) == matches
    # Every overlap is counted; the few kept are the best-ranked ones.
    assert result.overlap_count == len(overlaps)
    best_overlaps = sorted(rank(candidates, claim, selection) for selection in overlaps)[:5]
    assert [f.rank for f in result.overlaps] == best_overlaps
    assert result.used == {index for selection, _ in matches for index, _ in selection}
    for f in [*everything_found(result), *result.overlaps]:
        assert f.point == sum((candidates[i].point * s for i, s in f.selection), D(0))
        assert f.interval == combine_intervals(
            [(candidates[i].interval, s) for i, s in f.selection]
        )
        expected = f.interval.meets(claim.interval)
        assert f.match is (Match.exact if expected else Match.approximate)
        assert is_candidate(candidates, f.selection) is (True if f in everything_found(result)
                                                        else None)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases(), max_terms=st.integers(1, 4), top=st.sampled_from([1, 3, EVERYTHING]))
def test_the_walk_finds_exactly_what_brute_force_finds(
    case: tuple[list[Candidate], Target, Weights], max_terms: int, top: int
) -> None:
    check_against_brute_force(case, max_terms, top)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases(), top=st.sampled_from([1, 3, EVERYTHING]))
def test_the_exhaustive_search_finds_exactly_what_brute_force_finds(
    case: tuple[list[Candidate], Target, Weights], top: int
) -> None:
    check_against_brute_force(case, ALL, top)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases(most=10, plain=True), top=st.sampled_from([2, EVERYTHING]))
def test_the_exhaustive_search_meets_in_the_middle_exactly(
    case: tuple[list[Candidate], Target, Weights], top: int
) -> None:
    # More figures, fewer relations: both halves of the meet in the middle are in play.
    check_against_brute_force(case, ALL, top)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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


@pytest.mark.parametrize("max_terms", [1, 2, 3, 4, ALL])
def test_seed_against_brute_force(max_terms: MaxTerms) -> None:
    claim = target(325000, Qualifier.more_than, 1000)
    result = search(SEED, claim, max_terms=max_terms, top=EVERYTHING)
    matches, overlaps = search_naive(SEED, claim, max_terms=max_terms)
    assert sorted((f.selection, f.match) for f in everything_found(result)) == matches
    assert result.overlap_count == len(overlaps)


def _by_selection(selection: Selection) -> Hashable:
    # Any function of the selection: a classify callback sees each listed match.
    return (len(selection) + sum(sign for _, sign in selection)) % 3


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
