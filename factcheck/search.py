"""Find every combination of figures that reproduces a claimed value.

A combination is a set of figures, each added or subtracted. It is a *candidate* when
subtraction means something: every subtracted figure is a part (transitively) of an added
one, or a stock subtracted from another stock of the same series (a change over time); no
series contributes more than one added and one subtracted stock; no two subtracted figures
are nested. Added figures where one is part of another double count: such combinations are
never candidates, but those that would reproduce the claim are reported as overlaps.

The search is a depth-first walk over figures sorted by value, pruned by bounds on what the
remaining figures can still add or take away; all arithmetic is on integers scaled from the
exact decimals, so no rounding ever happens. Work is bounded by a budget of visited
combinations, which keeps the result deterministic (a time limit would not).
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from factcheck.models import Interval, Match

DEFAULT_BUDGET = 500_000
DEFAULT_TOP = 20


@dataclass(frozen=True)
class Candidate:
    """One figure as the search sees it."""

    id: str
    interval: Interval
    point: Decimal
    ancestors: frozenset[str] = frozenset()  # every figure this one is part of, transitively
    series: str | None = None  # set for stocks (figures with `as_of`) of a series
    as_of: object | None = None  # any orderable date; only its equality matters here
    group: str | None = None  # at most one candidate of a group in any combination


@dataclass(frozen=True)
class Target:
    """What a combination must reproduce."""

    point: Decimal
    interval: Interval
    tolerance: Decimal  # relative


Selection = tuple[tuple[int, int], ...]  # (candidate index, +1 | -1), by candidate index


@dataclass(frozen=True, order=True)
class Found:
    """A reproducing (or overlapping) combination, ordered by rank."""

    rank: tuple[int, int, Fraction, Selection]
    selection: Selection = field(compare=False)
    point: Decimal = field(compare=False)
    interval: Interval = field(compare=False)
    match: Match = field(compare=False)


@dataclass
class SearchResult:
    found: dict[Hashable, list[Found]]  # per bucket, best first, at most `top`
    counts: dict[Hashable, int]  # per bucket, every match found
    overlaps: list[Found]  # best double-counting combinations that would reproduce
    overlap_count: int
    examined: int
    complete: bool
    budget: int


Classify = Callable[[Selection], Hashable]


class _BudgetSpent(Exception):
    pass


def search(
    candidates: Sequence[Candidate],
    target: Target,
    *,
    max_terms: int,
    classify: Classify | None = None,
    top: int = DEFAULT_TOP,
    budget: int = DEFAULT_BUDGET,
) -> SearchResult:
    """Every candidate combination of at most max_terms figures that reproduces target."""
    walk = _Walk(candidates, target, max_terms, classify or (lambda _: None), top, budget)
    try:
        walk.run()
        complete = True
    except _BudgetSpent:
        complete = False
    return SearchResult(
        found={key: sorted(_unwrap(item) for item in heap) for key, heap in walk.kept.items()},
        counts=dict(walk.counts),
        overlaps=sorted(_unwrap(item) for item in walk.overlaps),
        overlap_count=walk.overlap_count,
        examined=walk.examined,
        complete=complete,
        budget=budget,
    )


def _unwrap(item: tuple[_Inverse, Found]) -> Found:
    return item[1]


class _Walk:
    def __init__(
        self,
        candidates: Sequence[Candidate],
        target: Target,
        max_terms: int,
        classify: Classify,
        top: int,
        budget: int,
    ) -> None:
        self.classify = classify
        self.top = top
        self.budget = budget
        self.max_terms = max(1, min(max_terms, len(candidates)))
        self.examined = 0
        self.kept: dict[Hashable, list[tuple[_Inverse, Found]]] = {}
        self.counts: dict[Hashable, int] = {}
        self.overlaps: list[tuple[_Inverse, Found]] = []
        self.overlap_count = 0

        scale = _common_scale([target.point, *_bounds(target.interval)] + [
            value for c in candidates for value in (c.point, *_bounds(c.interval))
        ])
        self.scale = scale
        # Walk in ascending order of value so that bounds let us stop early.
        order = sorted(range(len(candidates)), key=lambda i: (candidates[i].point, i))
        self.order = order
        self.candidates = [candidates[i] for i in order]
        self.points = [_scaled(c.point, scale) for c in self.candidates]
        self.lows = [_scaled(c.interval.low, scale) for c in self.candidates]
        self.highs = [_scaled(c.interval.high, scale) for c in self.candidates]
        index_of = {c.id: k for k, c in enumerate(self.candidates)}
        self.ancestor_sets = [
            frozenset(index_of[a] for a in c.ancestors if a in index_of) for c in self.candidates
        ]
        descendants: list[set[int]] = [set() for _ in self.candidates]
        for k, ancestors in enumerate(self.ancestor_sets):
            for a in ancestors:
                descendants[a].add(k)
        self.related = [self.ancestor_sets[k] | descendants[k] for k in range(len(order))]
        stock_series = [c.series if c.as_of is not None else None for c in self.candidates]
        self.stock_series = stock_series
        series_count: dict[str, int] = {}
        for name in stock_series:
            if name is not None:
                series_count[name] = series_count.get(name, 0) + 1
        # A figure can be subtracted only if it has a whole among the candidates or is a
        # stock with another stock in its series.
        self.negatable = [
            bool(self.ancestor_sets[k])
            or series_count.get(stock_series[k] or "", 0) > 1
            for k in range(len(order))
        ]

        self.target_point = _scaled(target.point, scale)
        self.target_low = _scaled(target.interval.low, scale)
        self.target_high = _scaled(target.interval.high, scale)
        self.target_interval = target.interval
        self.tolerance = Fraction(target.tolerance) * abs(self.target_point)
        bounds = zip(self.points, self.lows, self.highs, strict=True)
        spread = max([0] + [max(p - lo, hi - p) for p, lo, hi in bounds])
        slack = self.max_terms * spread
        # Points are integers, so integer bounds are exact and far cheaper than Fractions.
        self.window_low = math.ceil(
            min(self.target_point - self.tolerance, Fraction(self.target_low - slack))
        )
        self.window_high = math.floor(
            max(self.target_point + self.tolerance, Fraction(self.target_high + slack))
        )
        self.tolerance_int = math.floor(self.tolerance)
        self._bounds()

    def _bounds(self) -> None:
        """reach_low[j][r] / reach_high[j][r]: the most r figures from j on can take / add."""
        n, depth = len(self.points), self.max_terms
        self.reach_low = [[0] * (depth + 1) for _ in range(n + 1)]
        self.reach_high = [[0] * (depth + 1) for _ in range(n + 1)]
        negatives: list[int] = []  # the `depth` most negative contributions seen so far
        positives: list[int] = []
        for j in range(n - 1, -1, -1):
            point = self.points[j]
            options = [point, -point] if self.negatable[j] else [point]
            for option in options:
                if option < 0:
                    negatives = sorted([*negatives, option])[:depth]
                elif option > 0:
                    positives = sorted([*positives, option], reverse=True)[:depth]
            low_row, high_row = self.reach_low[j], self.reach_high[j]
            for r in range(1, depth + 1):
                low_row[r] = sum(negatives[:r])
                high_row[r] = sum(positives[:r])

    def run(self) -> None:
        self._extend(0, self.max_terms, 0, [], [], 0)

    def _extend(
        self, start: int, left: int, point: int, plus: list[int], minus: list[int], overlaps: int
    ) -> None:
        if left == 0:
            return
        points, reach_low, reach_high = self.points, self.reach_low, self.reach_high
        for j in range(start, len(points)):
            if point + reach_high[j][left] < self.window_low:
                break  # later figures reach no further: the bounds only shrink with j
            if point + reach_low[j][left] > self.window_high:
                break
            if self.examined >= self.budget:  # so that `examined` never exceeds `budget`
                raise _BudgetSpent
            self.examined += 1
            related = self.related[j]
            series = self.stock_series[j]
            # Added: never beside a second stock of its series.
            if series is None or not any(self.stock_series[k] == series for k in plus):
                nested = sum(1 for k in plus if k in related)
                plus.append(j)
                self._visit(point + points[j], plus, minus, overlaps + nested)
                self._extend(j + 1, left - 1, point + points[j], plus, minus, overlaps + nested)
                plus.pop()
            # Subtracted: never nested in another subtracted figure, one stock per series.
            if self.negatable[j] and not any(k in related for k in minus) and (
                series is None or not any(self.stock_series[k] == series for k in minus)
            ):
                minus.append(j)
                self._visit(point - points[j], plus, minus, overlaps)
                self._extend(j + 1, left - 1, point - points[j], plus, minus, overlaps)
                minus.pop()

    def _visit(self, point: int, plus: list[int], minus: list[int], overlaps: int) -> None:
        if not plus or point < self.window_low or point > self.window_high:
            return
        if not all(self._justified(k, plus) for k in minus):
            return
        match = self._match(point, plus, minus)
        if match is None:
            return
        selection = tuple(
            sorted([(self.order[k], 1) for k in plus] + [(self.order[k], -1) for k in minus])
        )
        distance = Fraction(abs(point - self.target_point), self.scale)
        rank = (len(selection), 0 if match is Match.exact else 1, distance, selection)
        found = Found(
            rank=rank,
            selection=selection,
            point=Decimal(point) / self.scale,
            interval=self._interval(plus, minus),
            match=match,
        )
        if overlaps:
            self.overlap_count += 1
            _keep(self.overlaps, found, 5)
            return
        key = self.classify(selection)
        self.counts[key] = self.counts.get(key, 0) + 1
        _keep(self.kept.setdefault(key, []), found, self.top)

    def _justified(self, k: int, plus: list[int]) -> bool:
        if any(a in self.ancestor_sets[k] for a in plus):
            return True
        series = self.stock_series[k]
        return series is not None and any(
            self.stock_series[p] == series and self.candidates[p].as_of != self.candidates[k].as_of
            for p in plus
        )

    def _match(self, point: int, plus: list[int], minus: list[int]) -> Match | None:
        if self._interval(plus, minus).meets(self.target_interval):
            return Match.exact
        if abs(point - self.target_point) <= self.tolerance_int:
            return Match.approximate
        return None

    def _interval(self, plus: list[int], minus: list[int]) -> Interval:
        return combine_intervals(
            [(self.candidates[k].interval, 1) for k in plus]
            + [(self.candidates[k].interval, -1) for k in minus]
        )


def _keep(heap: list[tuple[_Inverse, Found]], found: Found, top: int) -> None:
    """Keep the `top` best-ranked items; heapq is a min-heap, so rank by the inverse."""
    item = (_Inverse(found.rank), found)
    if len(heap) < top:
        heapq.heappush(heap, item)
    elif item[0] > heap[0][0]:
        heapq.heapreplace(heap, item)


class _Inverse:
    """Wraps a rank so that the heap's smallest item is the worst-ranked one."""

    __slots__ = ("rank",)

    def __init__(self, rank: tuple[int, int, Fraction, Selection]) -> None:
        self.rank = rank

    def __lt__(self, other: _Inverse) -> bool:
        return self.rank > other.rank

    def __gt__(self, other: _Inverse) -> bool:
        return self.rank < other.rank

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Inverse) and self.rank == other.rank

    def __hash__(self) -> int:  # pragma: no cover - never hashed, defined for consistency
        return hash(self.rank)


def combine_intervals(signed: Sequence[tuple[Interval, int]]) -> Interval:
    """Interval arithmetic for a signed sum, keeping track of open ends."""
    low = high = Decimal(0)
    low_open = high_open = False
    for interval, sign in signed:
        if sign > 0:
            low += interval.low
            high += interval.high
            low_open |= interval.low_open
            high_open |= interval.high_open
        else:
            low -= interval.high
            high -= interval.low
            low_open |= interval.high_open
            high_open |= interval.low_open
    return Interval(low=low, high=high, low_open=low_open, high_open=high_open)


def _bounds(interval: Interval) -> tuple[Decimal, Decimal]:
    return interval.low, interval.high


def _common_scale(values: Sequence[Decimal]) -> int:
    places = 0
    for value in values:
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            places = max(places, -exponent)
    scale: int = 10**places
    return scale


def _scaled(value: Decimal, scale: int) -> int:
    scaled: int = int(value * scale)
    return scaled


# --- the reference: plain enumeration, for tests and the benchmark baseline ------------


def is_candidate(candidates: Sequence[Candidate], selection: Selection) -> bool | None:
    """True for a candidate combination, None for a double count (overlap), else False."""
    plus = [candidates[i] for i, sign in selection if sign > 0]
    minus = [candidates[i] for i, sign in selection if sign < 0]
    if not plus:
        return False
    for group in (plus, minus):
        stock_series = [c.series for c in group if c.as_of is not None and c.series]
        if len(stock_series) != len(set(stock_series)):
            return False
    if any(a.id in b.ancestors for a in minus for b in minus):
        return False
    for part in minus:
        by_whole = any(p.id in part.ancestors for p in plus)
        by_change = part.as_of is not None and part.series is not None and any(
            p.series == part.series and p.as_of is not None and p.as_of != part.as_of
            for p in plus
        )
        if not (by_whole or by_change):
            return False
    if any(a.id in b.ancestors for a in plus for b in plus):
        return None
    return True


def search_naive(
    candidates: Sequence[Candidate], target: Target, *, max_terms: int
) -> tuple[list[tuple[Selection, Match]], list[Selection]]:
    """Try every signed subset with itertools: (matches, overlaps), each sorted."""
    matches: list[tuple[Selection, Match]] = []
    overlaps: list[Selection] = []
    indices = range(len(candidates))
    tolerance = target.tolerance * abs(target.point)
    for size in range(1, max_terms + 1):
        for chosen in itertools.combinations(indices, size):
            for signs in itertools.product((1, -1), repeat=size):
                selection = tuple(zip(chosen, signs, strict=True))
                verdict = is_candidate(candidates, selection)
                if verdict is False:
                    continue
                signed = [(candidates[i].interval, s) for i, s in selection]
                point = sum((candidates[i].point * s for i, s in selection), Decimal(0))
                if combine_intervals(signed).meets(target.interval):
                    match = Match.exact
                elif abs(point - target.point) <= tolerance:
                    match = Match.approximate
                else:
                    continue
                if verdict is None:
                    overlaps.append(selection)
                else:
                    matches.append((selection, match))
    return sorted(matches), sorted(overlaps)
