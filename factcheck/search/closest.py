"""The combinations nearest a claim that nothing reproduces (rule C1 of docs/format.md).

Ranked by distance to the claimed value, then fewer terms, then the selection. Two ways,
both exact:

- over the census's tables (census.py), when they fit: for each first-half row the nearest
  second-half sums are found by binary search, which gives a radius holding at least n
  combinations; everything within it is counted, the radius narrowed while too many lie
  within, and only the survivors built;
- otherwise a walk (`ClosestWalk`) whose window narrows as nearer combinations are found,
  within the budget.

`closest` is the walk with a window and a test on each combination: the judge's nearest
supported combination above the claim (`understated`, rule C3).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import numpy as np

from factcheck.search.arrays import Ints
from factcheck.search.best import table_terms
from factcheck.search.census import Census
from factcheck.search.prepare import Prepared
from factcheck.search.ranking import Kept, keep, selection_of
from factcheck.search.segments import CHUNK
from factcheck.search.types import NO_MATCH, Found, Selection
from factcheck.search.walk import BudgetSpent, Walk

NEAREST = 5  # how many nearest combinations an audit lists
COLLECT_LIMIT = 50_000  # combinations built at once; past it the radius is narrowed first
EVERYWHERE = int(np.iinfo(np.int64).max // 4)  # a radius no sum reaches beyond (limits.py)

Accept = Callable[[Selection], bool]


@dataclass
class Closest:
    """The nearest combinations, nearest first; `complete` is False when the walk's budget
    ran out first (they are then the nearest it found)."""

    found: list[Found]
    complete: bool


def nearest(census: Census, *, n: int = NEAREST, budget: int) -> Closest:
    """The n candidate combinations (of at most the census's number of terms) nearest the
    target's value: by distance, then fewer terms, then selection."""
    if census.available:
        return Closest(_tabulated(census, n), True)
    return closest(census.p, census.cap or census.p.n, n=n, budget=budget)


def closest(
    p: Prepared,
    max_terms: int,
    *,
    n: int,
    budget: int,
    above: Decimal | None = None,
    up_to: Decimal | None = None,
    accept: Accept | None = None,
) -> Closest:
    """The n combinations nearest the target's value whose value lies above `above` and at
    most `up_to` (where given) and that `accept` lets through, by the walk."""
    factor = p.scale.factor
    low = None if above is None else math.floor(Fraction(above) * factor) + 1
    high = None if up_to is None else math.floor(Fraction(up_to) * factor)
    walker = ClosestWalk(p, max_terms, n, budget, (low, high), accept)
    try:
        walker.run()
        complete = True
    except BudgetSpent:
        complete = False
    return Closest(walker.found(), complete)


# --- the walk -------------------------------------------------------------------------------


class ClosestWalk(Walk):
    """The walk, keeping the n nearest combinations it meets: once it holds n, its window
    narrows to the n-th one's distance (ties stay in: fewer terms may still win them)."""

    def __init__(
        self,
        p: Prepared,
        max_terms: int,
        n: int,
        budget: int,
        window: tuple[int | None, int | None],
        accept: Accept | None,
    ) -> None:
        super().__init__(p, max_terms, None, n, budget)
        beyond = sum(map(abs, p.points)) + 1  # no sum reaches this far
        self.fixed = (
            -beyond if window[0] is None else window[0],
            beyond if window[1] is None else window[1],
        )
        self.bounds.window_low, self.bounds.window_high = self.fixed
        self.n = n
        self.accept = accept
        self.heap: list[Kept] = []

    def _visit(self, point: int, plus: list[int], minus: list[int], overlaps: int) -> None:
        bounds = self.bounds
        if not plus or overlaps or point < bounds.window_low or point > bounds.window_high:
            return
        rules = self.p.rules
        if minus and not all(rules.justified(k, plus) for k in minus):
            return
        selection = selection_of(plus, minus)
        if self.accept is not None and not self.accept(selection):
            return
        tp = self.target.tp
        distance = abs(point - tp)
        rank = (distance, len(selection), 0, selection)
        keep(self.heap, rank, lambda: _found(self.p, selection, point), self.n)
        if len(self.heap) >= self.n:
            worst = int(self.heap[0][0].rank[0])
            bounds.window_low = max(self.fixed[0], tp - worst)
            bounds.window_high = min(self.fixed[1], tp + worst)

    def found(self) -> list[Found]:
        return [found for _, found in sorted(self.heap, key=lambda kept: kept[0].rank)]


def _found(p: Prepared, selection: Selection, point: int) -> Found:
    return p.found(selection, point, NO_MATCH)


# --- over the tables ------------------------------------------------------------------------


@dataclass
class _Query:
    """First-half rows, each completed by any of a run of sorted second-half values."""

    rows: Ints
    values: Ints  # sorted
    order: Ints  # the second-half table row at each position of `values`


def _queries(census: Census) -> Iterator[_Query]:
    """Every candidate combination as (row, position) pairs: the rows of each size with the
    second-half block that keeps them within the cap; never the empty combination."""
    a, b = census.tables
    largest = int(a.size.max(initial=0)) + len(b.starts) - 2
    if census.cap is None or census.cap >= largest:  # the cap excludes nothing
        rows = census.descending
        if rows is None:
            rows = np.argsort(-a.point).astype(np.int64)
        wanted = a.plus & ~a.overlap
        yield _Query(rows[wanted[rows]], b.values, b.by_value)
        # A row that adds nothing (the empty one) needs a second half that does.
        empty = np.flatnonzero(~a.plus & ~a.overlap)
        if len(empty):
            some = b.table.size[b.by_value] > 0
            yield _Query(empty.astype(np.int64), b.values[some], b.by_value[some])
        return
    for first, rows in census.rows_by_size().items():
        for second in range(census.cap - first + 1):
            low, high = b.block(second)
            chosen = rows if second else rows[a.plus[rows]]
            if high > low and len(chosen):
                yield _Query(chosen, b.sized_values[low:high], b.by_size[low:high])


@dataclass
class _Near:
    """A query narrowed to its rows that reach within `radius`: [lo, hi) positions each."""

    query: _Query
    rows: Ints
    lo: Ints
    hi: Ints

    @property
    def count(self) -> int:
        return int((self.hi - self.lo).sum())


def _tabulated(census: Census, n: int) -> list[Found]:
    p = census.p
    a, b = census.tables
    tp = p.target.tp
    queries = [q for q in _queries(census) if len(q.rows) and len(q.values)]
    reach = [_reach(q, a.point, tp) for q in queries]
    radius = _first_radius(reach, n)
    if radius is None:
        return []
    near = [
        _within(q, a.point, tp, radius, nearest) for q, nearest in zip(queries, reach, strict=True)
    ]
    if sum(found.count for found in near) > COLLECT_LIMIT:
        radius = _narrowed(near, a.point, tp, n, radius)
        near = [_within(found.query, a.point, tp, radius, None, found) for found in near]
    first, second, values, sizes = _survivors(census, near, tp, n)
    built = sorted(
        (abs(value - tp), size, tuple(sorted(mine + theirs)), value)
        for mine, theirs, value, size in zip(
            table_terms(a, first),
            table_terms(b.table, second),
            values.tolist(),
            sizes.tolist(),
            strict=True,
        )
    )
    return [_found(p, selection, value) for _, _, selection, value in built[:n]]


def _reach(q: _Query, points: Ints, tp: int) -> Ints:
    """Per row, the distance of its nearest combination (one binary search each)."""
    pa = points[q.rows]
    want = tp - pa
    at = np.searchsorted(q.values, want)
    above = q.values.take(at, mode="clip") - want  # (clipped: the last value, below `want`)
    above = np.abs(above, out=above)
    at -= 1
    below = want - q.values.take(at, mode="clip")  # (clipped: the first value, above)
    below = np.abs(below, out=below)
    nearer: Ints = np.minimum(above, below, out=above)
    return nearer


def _first_radius(reach: list[Ints], n: int) -> int | None:
    """A radius that holds at least n combinations: each row has one within its own nearest
    distance, so the n-th smallest of those (or, with fewer rows, the largest) will do."""
    distances = np.concatenate(reach) if reach else np.zeros(0, np.int64)
    if not len(distances):
        return None
    if len(distances) < n:  # fewer rows than n: a radius that holds every combination
        return EVERYWHERE
    return int(np.partition(distances, n - 1)[n - 1])


def _within(
    q: _Query,
    points: Ints,
    tp: int,
    radius: int,
    reach: Ints | None,
    narrowing: _Near | None = None,
) -> _Near:
    """The rows of q (or of an earlier, wider narrowing) whose combinations reach within
    `radius`, and the positions that do."""
    if narrowing is not None:
        rows = narrowing.rows
    else:
        rows = q.rows if reach is None else q.rows[reach <= radius]
    pa = points[rows]
    lo = np.searchsorted(q.values, tp - radius - pa, "left")
    hi = np.searchsorted(q.values, tp + radius - pa, "right")
    some = hi > lo
    return _Near(q, rows[some], lo[some], hi[some])


def _narrowed(near: list[_Near], points: Ints, tp: int, n: int, radius: int) -> int:
    """The smallest radius holding at least n combinations (binary search on counts)."""
    low, high = 0, radius
    while low < high:
        middle = (low + high) // 2
        total = sum(_within(f.query, points, tp, middle, None, f).count for f in near)
        if total >= n:
            high = middle
        else:
            low = middle + 1
    return low


def _survivors(census: Census, near: list[_Near], tp: int, n: int) -> list[Ints]:
    """[first rows, second rows, values, sizes] of the combinations within the radius that
    may be among the n nearest: those no worse by (distance, size) than the n-th.
    Streamed a chunk of rows at a time, so that many ties never sit in memory at once."""
    a, b = census.tables
    kept = [np.zeros(0, np.int64)] * 4  # first rows, second rows, values, sizes
    for found in near:
        rows, lo, hi = found.rows, found.lo, found.hi
        for start in range(0, len(rows), CHUNK):
            part = slice(start, start + CHUNK)
            lengths = hi[part] - lo[part]
            first = np.repeat(rows[part], lengths)
            offsets = np.arange(int(lengths.sum()), dtype=np.int64) - np.repeat(
                np.cumsum(lengths) - lengths, lengths
            )
            second = found.query.order[np.repeat(lo[part], lengths) + offsets].astype(np.int64)
            values = a.point[first] + b.table.point[second]
            sizes = a.size[first] + b.table.size[second]
            kept = _best(
                [np.concatenate([old, new]) for old, new in
                 zip(kept, (first, second, values, sizes), strict=True)],
                tp, n,
            )  # fmt: skip
    return kept


def _best(columns: list[Ints], tp: int, n: int) -> list[Ints]:
    """The combinations no worse by (distance, size) than the n-th best of them."""
    first, _, values, sizes = columns
    if len(first) <= n:
        return columns
    distances = np.abs(values - tp)
    # (distance, size) as one number when it fits, for a partition instead of a sort.
    widest = int(sizes.max(initial=0)) + 1
    if int(distances.max(initial=0)) < np.iinfo(np.int64).max // (2 * widest):
        keys = distances * widest + sizes
        nth = np.partition(keys, n - 1)[n - 1]
        return [column[keys <= nth] for column in columns]
    order = np.lexsort((sizes, distances))
    at = order[n - 1]
    keep = (distances < distances[at]) | ((distances == distances[at]) & (sizes <= sizes[at]))
    return [column[keep] for column in columns]
