"""Random sources (hypothesis) and the check of a search against brute force."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Hashable, Sequence
from decimal import Decimal
from fractions import Fraction

from hypothesis import strategies as st

from factcheck.models import Interval, Match, Qualifier
from factcheck.search import (
    MATCH_LEVEL,
    Candidate,
    MaxTerms,
    Rank,
    Selection,
    Target,
    Weights,
    combine_intervals,
    search,
)
from tests.search.helpers import EVERYTHING, D, everything_found
from tests.search.reference import is_candidate, match_of, search_naive, weigh

QUALIFIERS = list(Qualifier)


PRECISIONS = [D(1), D(10), D("0.5"), D(5), D(100), D("0.05")]


TOLERANCES = [D(0), D("0.001"), D("0.01"), D("0.05"), D("0.2")]


DATES = [dt.date(2020, 1, 1), dt.date(2021, 1, 1), dt.date(2022, 1, 1), dt.date(2023, 1, 1)]


BREAKPOINTS = [D(-10), D(0), D(5), D("12.5"), D(40), D(300)]


def cells(breakpoints: Sequence[Decimal], value: Decimal) -> int:
    """The cell of a value: below, on or above each breakpoint, as one number."""
    points = sorted(set(breakpoints))
    below = bisect.bisect_left(points, value)
    return 2 * below + (below < len(points) and points[below] == value)


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
    # Now and then an absolute tolerance (percentage points) and a rounded window (a
    # number said bare, at its written precision).
    half = draw(st.sampled_from([None, None, D(1), D(5), D("0.5"), D(50)]))
    claim = Target(
        point=point,
        interval=Interval.of(
            point, draw(st.sampled_from(QUALIFIERS)), draw(st.sampled_from(PRECISIONS))
        ),
        tolerance=draw(st.sampled_from(TOLERANCES)),
        points=draw(st.sampled_from([D(0), D(0), D(1), D("2.5")])),
        rounded=None if half is None else Interval(low=point - half, high=point + half),
    )

    # Weights: none, the value, a multiple of it (as the judge's bands give), or another
    # amount; a change now and then.
    def amount(k: int) -> Decimal:
        other = D(draw(st.integers(-5, 50)))
        multiple = D(draw(st.sampled_from([-9, -1, 2]))) * points[k]
        chosen: Decimal = draw(st.sampled_from([D(0), points[k], points[k], other, multiple]))
        return chosen

    low = [amount(k) for k in range(n)]
    high: list[Decimal] = [
        draw(st.sampled_from([low[k], points[k], D(0), -points[k]])) for k in range(n)
    ]
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


def rank(candidates: list[Candidate], claim: Target, selection: Selection) -> Rank:
    point = sum((candidates[i].point * s for i, s in selection), D(0))
    match = match_of(candidates, claim, selection)
    assert match is not None
    return (len(selection), MATCH_LEVEL[match], Fraction(abs(point - claim.point)), selection)


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
        assert f.match is match_of(candidates, claim, f.selection)
        assert is_candidate(candidates, f.selection) is (True if f in everything_found(result)
                                                        else None)  # fmt: skip
