"""Find every combination of figures that reproduces a claimed value.

A combination is a set of figures, each added or subtracted. It is a *candidate* when
subtraction means something: every subtracted figure is a part (transitively) of an added
one, or a stock subtracted from another stock of the same series (a change over time); no
series contributes more than one added and one subtracted stock; no two subtracted figures
are nested; at most one figure of a `group` (the windows of one series) takes part. Added
figures where one is part of another double count: such combinations are never candidates,
but those that would reproduce the claim are reported as overlaps.

Two exact ways to find them, both on integers scaled from the exact decimals (no rounding):

- bounded `max_terms` (the default, 4): a depth-first walk over figures sorted by value,
  pruned by bounds on what the remaining figures can still add or take away. The windows of
  a group are never walked one by one: at the end of each partial combination the walk
  binary-searches the group's sorted values for the members that can still land in the
  window. Work is bounded by a budget of examined figures, which keeps the result
  deterministic (a time limit would not); a spent budget is reported, never hidden.
- `max_terms: all`: meet in the middle. The figures are split into two halves whose partial
  sums are tabulated with numpy; for each partial sum of one half, binary search over the
  other half's sorted sums counts every completion that reproduces the claim, so millions of
  matches are counted without being listed, and only the best-ranked `top` per bucket are
  built. See docs/search.md.

Matches are put in buckets (judge.py: verdict bands) either by `Weights`, sums the search
carries beside the value (what the exhaustive search needs to count without listing), or by
a `classify` callback on each listed match.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt

from factcheck.models import Interval, Match

DEFAULT_BUDGET = 500_000
DEFAULT_TOP = 20
OVERLAPS_KEPT = 5  # double-counting combinations kept to be named in notes
ALL: Final = "all"
MaxTerms = int | Literal["all"]

# Meet in the middle: the most partial sums one half may hold (memory: about 100 bytes
# each), and the most options one group of related figures may have. Beyond them
# `max_terms: all` falls back to the budgeted walk and says whether it finished.
HALF_LIMIT = 1 << 22
OPTION_LIMIT = 1 << 16
COMPONENT_LIMIT = 64  # related figures in one item (each has at least one option of its own)
RELATION_LIMIT = 200_000  # part_of pairs (a figure and each whole it is part of)
_INT_LIMIT = 1 << 61  # partial sums stay well inside int64

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
Column = npt.NDArray[Any]  # a table column: Ints or Bools
Floats = npt.NDArray[np.float64]


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

    @property
    def allowance(self) -> Decimal:
        """The relative tolerance as an absolute amount: the one place that turns one into
        the other (the search, the judge, the coincidence estimate and the notes use it)."""
        return self.tolerance * abs(self.point)

    @property
    def reach(self) -> tuple[Decimal, Decimal]:
        """The values a combination may take and still reproduce the claim approximately."""
        return self.interval.low - self.allowance, self.interval.high + self.allowance


Selection = tuple[tuple[int, int], ...]  # (candidate index, +1 | -1), by candidate index
Rank = tuple[int, int, Fraction, Selection]  # terms, 0 exact | 1 approximate, distance
_Order = tuple[int, int, Fraction | int, Selection]  # a rank, or the walk's integer one


@dataclass(frozen=True, order=True)
class Found:
    """A reproducing (or overlapping) combination, ordered by rank."""

    rank: Rank
    selection: Selection = field(compare=False)
    point: Decimal = field(compare=False)
    interval: Interval = field(compare=False)
    match: Match = field(compare=False)


Classify = Callable[[Selection], Hashable]
Bucket = Callable[[Decimal, Decimal, Decimal], Hashable]


@dataclass(frozen=True)
class Weights:
    """Put matches in buckets by sums the search carries beside each combination's value.

    Candidate i adds `low[i]` and `high[i]` to two sums when it is added, and takes them away
    when it is subtracted; an added stock a and a subtracted stock b of one series listed in
    `changes` count `changes[(a, b)]` instead of their own. A match's bucket is
    `bucket(value, low, high)`. So that the exhaustive search can count matches without
    listing them, `bucket` may depend on each of its three arguments only through how it
    compares with each of `breakpoints` (below, equal or above): the search calls it once per
    such cell, with values inside the cell.
    """

    low: Sequence[Decimal]
    high: Sequence[Decimal]
    bucket: Bucket
    breakpoints: Sequence[Decimal] = ()
    changes: Mapping[tuple[int, int], tuple[Decimal, Decimal]] = field(default_factory=dict)


@dataclass
class SearchResult:
    found: dict[Hashable, list[Found]]  # per bucket, best first, at most `top`
    counts: dict[Hashable, int]  # per bucket, every match found
    overlaps: list[Found]  # best double-counting combinations that would reproduce
    overlap_count: int
    examined: int
    complete: bool
    budget: int
    used: frozenset[int] = frozenset()  # candidates in at least one counted match
    census: Census | None = None  # the exhaustive search's tables, for coincidence.py


class _BudgetSpent(Exception):
    """Raised inside the walk when the budget of examined combinations is spent."""


class _TooLarge(Exception):
    """The meet in the middle would not fit its limits."""


def search(
    candidates: Sequence[Candidate],
    target: Target,
    *,
    max_terms: MaxTerms,
    classify: Classify | None = None,
    weights: Weights | None = None,
    top: int = DEFAULT_TOP,
    budget: int = DEFAULT_BUDGET,
) -> SearchResult:
    """Every candidate combination of at most max_terms figures that reproduces target.

    `max_terms="all"` searches combinations of any size exhaustively (meet in the middle);
    an int walks them within `budget`. Buckets come from `weights` or `classify` (one of
    them, or neither: one bucket, None).
    """
    if classify is not None and weights is not None:
        raise ValueError("give weights or classify, not both")
    prepared = _Prepared(candidates, target, weights)
    if max_terms == ALL:
        try:
            return _Meet(prepared, classify, weights, top).run()
        except _TooLarge:
            max_terms = len(candidates)  # the walk, within its budget
    assert isinstance(max_terms, int)
    walk = _Walk(prepared, max_terms, classify, weights, top, budget)
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
        used=frozenset(walk.used),
        census=Census(prepared, walk.max_terms),
    )


# --- the candidates as integers --------------------------------------------------------------


class _Prepared:
    """Candidates, target and weights on one integer scale, relations as indices."""

    def __init__(
        self, candidates: Sequence[Candidate], target: Target | None, weights: Weights | None
    ) -> None:
        self.candidates = candidates
        n = self.n = len(candidates)
        # A point interval (an exact figure) holds the point itself: scale it once.
        decimals = [c.point for c in candidates] + [
            v for c in candidates for v in (c.interval.low, c.interval.high) if v is not c.point
        ]
        if target is not None:
            decimals += [target.point, target.interval.low, target.interval.high]
        if weights is not None:
            if len(weights.low) != n or len(weights.high) != n:
                raise ValueError("weights need one low and one high per candidate")
            decimals += [*weights.low, *weights.high]
            decimals += [v for pair in weights.changes.values() for v in pair]
        self.places = _places(decimals)
        self.scale = 10**self.places
        self.points = [self.scaled(c.point) for c in candidates]
        self.lows = [
            point if c.interval.low is c.point else self.scaled(c.interval.low)
            for c, point in zip(candidates, self.points, strict=True)
        ]
        self.highs = [
            point if c.interval.high is c.point else self.scaled(c.interval.high)
            for c, point in zip(candidates, self.points, strict=True)
        ]
        self.low_open = [c.interval.low_open for c in candidates]
        self.high_open = [c.interval.high_open for c in candidates]
        self.points_only = (
            self.lows == self.points == self.highs
            and not any(self.low_open)
            and not any(self.high_open)
        )

        # Relations stay as the candidates give them (sets of ids): a 3,000-deep chain of
        # parts has 4.5 million (figure, whole) pairs, too many to convert.
        self.ids = [c.id for c in candidates]
        self.index_of = {c.id: k for k, c in enumerate(candidates)}
        self.ancestor_ids = [c.ancestors for c in candidates]
        known = self.index_of.keys()
        self.has_whole = [
            bool(c.ancestors) and not known.isdisjoint(c.ancestors) for c in candidates
        ]
        self.relations = sum(map(len, self.ancestor_ids))
        self.wholes = {self.index_of[a] for a in known & frozenset().union(*self.ancestor_ids)}
        self.related = [self.has_whole[k] or k in self.wholes for k in range(n)]
        self.stock = [_stock(c) for c in candidates]
        self.as_of = [c.as_of for c in candidates]
        by_series: dict[str, list[int]] = {}
        for k, name in enumerate(self.stock):
            if name is not None:
                by_series.setdefault(name, []).append(k)
        self.series_members = {name: ks for name, ks in by_series.items() if len(ks) > 1}
        # A figure can be subtracted only if it has a whole among the candidates or is a
        # stock with another stock in its series.
        self.negatable = [
            self.has_whole[k] or (self.stock[k] or "") in self.series_members for k in range(n)
        ]
        by_group: dict[str, list[int]] = {}
        for k, c in enumerate(candidates):
            if c.group is not None:
                by_group.setdefault(c.group, []).append(k)
        self.group_members = {name: ks for name, ks in by_group.items() if len(ks) > 1}
        self.group = [c.group if c.group in self.group_members else None for c in candidates]

        if target is not None:
            self.tp = self.scaled(target.point)
            self.tl = self.scaled(target.interval.low)
            self.th = self.scaled(target.interval.high)
            self.tl_open = target.interval.low_open
            self.th_open = target.interval.high_open
            self.tolerance = Fraction(target.allowance) * self.scale
            self.ftol = math.floor(self.tolerance)

        self.weighted = weights is not None
        self.wl = [self.scaled(v) for v in weights.low] if weights else [0] * n
        self.wh = [self.scaled(v) for v in weights.high] if weights else [0] * n
        self.changes: dict[tuple[int, int], tuple[int, int]] = {}
        self.breakpoints: list[Fraction] = []
        if weights is not None:
            for (a, b), (low, high) in weights.changes.items():
                if not self.is_change(a, b):
                    raise ValueError(f"changes[{a}, {b}]: not two stocks of one series")
                self.changes[(a, b)] = (self.scaled(low), self.scaled(high))
            self.breakpoints = sorted({Fraction(b) * self.scale for b in weights.breakpoints})
            self.bucket_of_cell: Bucket = weights.bucket
        # An integer x lies above breakpoint b when x >= floor(b) + 1, on it when x == b.
        self.ups = [math.floor(b) + 1 for b in self.breakpoints]
        self.ats = [int(b) if b.denominator == 1 else None for b in self.breakpoints]
        self.on = {at for at in self.ats if at is not None}
        self._buckets: dict[tuple[int, int, int], Hashable] = {}

    def arrays(self) -> dict[str, Column]:
        """The per-candidate lists as numpy arrays, made once."""
        if not hasattr(self, "_arrays"):
            self._arrays: dict[str, Column] = {
                name: np.asarray(getattr(self, name), np.int64)
                for name in ("points", "lows", "highs", "wl", "wh")
            }
            for name in ("low_open", "high_open"):
                self._arrays[name] = np.asarray(getattr(self, name), np.bool_)
        return self._arrays

    def scaled(self, value: Decimal) -> int:
        return int(value.scaleb(self.places))

    def unscaled(self, value: int | Fraction) -> Decimal:
        if isinstance(value, int):
            return Decimal(value).scaleb(-self.places)
        with localcontext() as context:
            context.prec = 100  # a breakpoint's cell midpoint: a short exact decimal
            return (Decimal(value.numerator) / Decimal(value.denominator)).scaleb(-self.places)

    def is_change(self, added: int, subtracted: int) -> bool:
        name = self.stock[added]
        return (
            added != subtracted
            and name is not None
            and name == self.stock[subtracted]
            and self.as_of[added] != self.as_of[subtracted]
        )

    def plain(self, k: int) -> bool:
        """Never subtracted and related to nothing: free to add to any combination."""
        return not (self.has_whole[k] or k in self.wholes or self.negatable[k])

    def part_of(self, part: int, whole: int) -> bool:
        return self.ids[whole] in self.ancestor_ids[part]

    def ancestors(self, k: int) -> list[int]:
        """The candidates k is part of (transitively)."""
        return [self.index_of[a] for a in self.ancestor_ids[k] if a in self.index_of]

    def nested(self, a: int, b: int) -> bool:
        """One of the two is part of the other."""
        return self.part_of(a, b) or self.part_of(b, a)

    def justified(self, k: int, plus: Sequence[int]) -> bool:
        """A subtracted figure needs its whole, or a later or earlier stock, added."""
        if self.has_whole[k] and any(self.part_of(k, a) for a in plus):
            return True
        return self.stock[k] is not None and any(self.is_change(p, k) for p in plus)

    def meets(self, low: int, high: int, low_open: bool, high_open: bool) -> bool:
        """Interval.meets on integers: the combination's interval and the target's."""
        if high < self.tl or low > self.th:
            return False
        if high == self.tl and (high_open or self.tl_open):
            return False
        return not (low == self.th and (low_open or self.th_open))

    def weigh(self, plus: Sequence[int], minus: Sequence[int]) -> tuple[int, int]:
        low = high = 0
        paired: set[int] = set()
        for b in minus:
            for a in plus:
                pair = self.changes.get((a, b))
                if pair is not None and a not in paired:
                    low, high = low + pair[0], high + pair[1]
                    paired.update((a, b))
                    break
        for k in plus:
            if k not in paired:
                low, high = low + self.wl[k], high + self.wh[k]
        for k in minus:
            if k not in paired:
                low, high = low - self.wl[k], high - self.wh[k]
        return low, high

    def cell(self, x: int) -> int:
        return 2 * bisect.bisect_right(self.ups, x) + (x in self.on)

    def bucket(self, value: int, low: int, high: int) -> Hashable:
        return self.cell_bucket((self.cell(value), self.cell(low), self.cell(high)))

    def cell_bucket(self, cells: tuple[int, int, int]) -> Hashable:
        if cells not in self._buckets:
            self._buckets[cells] = self.bucket_of_cell(*(self._inside(c) for c in cells))
        return self._buckets[cells]

    def _inside(self, cell: int) -> Decimal:
        """A value in a cell: on a breakpoint (odd cells), or between two (even cells)."""
        points = self.breakpoints
        if not points:
            return Decimal(0)
        if cell % 2:
            return self.unscaled(points[cell // 2])
        at = cell // 2
        if at == 0:
            return self.unscaled(points[0] - 1)
        if at == len(points):
            return self.unscaled(points[-1] + 1)
        return self.unscaled((points[at - 1] + points[at]) / 2)

    def found(self, selection: Selection, point: int, exact: bool) -> Found:
        rank = (len(selection), 0 if exact else 1, Fraction(abs(point - self.tp), self.scale))
        return Found(
            rank=(*rank, selection),
            selection=selection,
            point=self.unscaled(point),
            interval=combine_intervals(
                [(self.candidates[k].interval, sign) for k, sign in selection]
            ),
            match=Match.exact if exact else Match.approximate,
        )


def _stock(candidate: Candidate) -> str | None:
    """The series of a stock (a figure on a date); None for anything else."""
    return candidate.series if candidate.as_of is not None and candidate.series else None


# --- the walk (bounded max_terms) -------------------------------------------------------------


class _Walk:
    """The bounded search: a pruned depth-first walk within a budget of examined figures."""

    def __init__(
        self,
        prepared: _Prepared,
        max_terms: int,
        classify: Classify | None,
        weights: Weights | None,
        top: int,
        budget: int,
    ) -> None:
        p = self.p = prepared
        self.classify = classify
        self.top = top
        self.budget = budget
        self.max_terms = max(1, min(max_terms, p.n))
        self.examined = 0
        self.kept: dict[Hashable, list[tuple[_Inverse, Found]]] = {}
        self.counts: dict[Hashable, int] = {}
        self.overlaps: list[tuple[_Inverse, Found]] = []
        self.overlap_count = 0
        self.used: set[int] = set()
        self.group_count: dict[str, int] = {}

        # Groups whose members are related to nothing are never walked: their sorted values
        # are binary-searched at the end of each partial combination instead.
        fast = [
            name for name, members in p.group_members.items() if all(p.plain(k) for k in members)
        ]
        fast.sort()
        self.fast_ids = [sorted(p.group_members[g], key=lambda k: (p.points[k], k)) for g in fast]
        self.fast_values = [[p.points[k] for k in ids] for ids in self.fast_ids]
        fast_set = {k for ids in self.fast_ids for k in ids}
        # Walk in ascending order of value so that bounds let us stop early.
        self.order = sorted(
            (k for k in range(p.n) if k not in fast_set),
            key=lambda k: (
                p.points[k],
                k,
            ),
        )

        spread = max(
            [0]
            + [max(pt - lo, hi - pt) for pt, lo, hi in zip(p.points, p.lows, p.highs, strict=True)]
        )
        slack = self.max_terms * spread
        # Points are integers, so integer bounds are exact and far cheaper than Fractions.
        self.window_low = math.ceil(min(p.tp - p.tolerance, Fraction(p.tl - slack)))
        self.window_high = math.floor(max(p.tp + p.tolerance, Fraction(p.th + slack)))
        self._bounds()

    def _bounds(self) -> None:
        """reach_low[j][r] / reach_high[j][r]: the most r terms from position j on (and from
        the groups, which may end any combination) can take away / add."""
        p, depth = self.p, self.max_terms
        group_high = [max(values) for values in self.fast_values if max(values) > 0]
        group_low = [min(values) for values in self.fast_values if min(values) < 0]
        self.fast_high = _reach([[v] for v in (max(vs) for vs in self.fast_values)], depth, 1)
        self.fast_low = _reach([[v] for v in (min(vs) for vs in self.fast_values)], depth, -1)
        options: list[list[int]] = []
        for k in self.order:
            point = p.points[k]
            options.append([point, -point] if p.negatable[k] else [point])
        self.reach_high = _reach(options, depth, 1, group_high)
        self.reach_low = _reach(options, depth, -1, group_low)

    def run(self) -> None:
        self._extend(0, self.max_terms, 0, [], [], 0)

    def _extend(
        self, start: int, left: int, point: int, plus: list[int], minus: list[int], overlaps: int
    ) -> None:
        if left == 0:
            return
        if self.fast_ids:
            self._groups(0, left, point, plus, minus, overlaps)
        p, order, reach_low, reach_high = self.p, self.order, self.reach_low, self.reach_high
        terms = min(left, _EXACT_REACH + 1)  # beyond the exact rows: the sum of everything
        for j in range(start, len(order)):
            if point + reach_high[j][terms] < self.window_low:
                break  # later figures reach no further: the bounds only shrink with j
            if point + reach_low[j][terms] > self.window_high:
                break
            if self.examined >= self.budget:  # so that `examined` never exceeds `budget`
                raise _BudgetSpent
            self.examined += 1
            k = order[j]
            group = p.group[k]
            if group is not None and self.group_count.get(group):
                continue
            if group is not None:
                self.group_count[group] = 1
            series = p.stock[k]
            value = p.points[k]
            # Added: never beside a second stock of its series.
            if series is None or not any(p.stock[q] == series for q in plus):
                nested = sum(1 for q in plus if p.nested(q, k)) if p.related[k] else 0
                plus.append(k)
                self._visit(point + value, plus, minus, overlaps + nested)
                self._extend(j + 1, left - 1, point + value, plus, minus, overlaps + nested)
                plus.pop()
            # Subtracted: never nested in another subtracted figure, one stock per series.
            if (
                p.negatable[k]
                and not (p.related[k] and any(p.nested(q, k) for q in minus))
                and (series is None or not any(p.stock[q] == series for q in minus))
            ):
                minus.append(k)
                self._visit(point - value, plus, minus, overlaps)
                self._extend(j + 1, left - 1, point - value, plus, minus, overlaps)
                minus.pop()
            if group is not None:
                self.group_count[group] = 0

    def _groups(
        self, first: int, left: int, point: int, plus: list[int], minus: list[int], overlaps: int
    ) -> None:
        """End the combination with one member of some of the groups from `first` on."""
        for g in range(first, len(self.fast_ids)):
            # What the later groups can still add keeps a member in range.
            terms = min(left - 1, _EXACT_REACH + 1)
            low = self.window_low - point - self.fast_high[g + 1][terms]
            high = self.window_high - point - self.fast_low[g + 1][terms]
            values, ids = self.fast_values[g], self.fast_ids[g]
            for t in range(bisect.bisect_left(values, low), bisect.bisect_right(values, high)):
                if self.examined >= self.budget:
                    raise _BudgetSpent
                self.examined += 1
                plus.append(ids[t])
                self._visit(point + values[t], plus, minus, overlaps)
                if left > 1:
                    self._groups(g + 1, left - 1, point + values[t], plus, minus, overlaps)
                plus.pop()

    def _visit(self, point: int, plus: list[int], minus: list[int], overlaps: int) -> None:
        if not plus or point < self.window_low or point > self.window_high:
            return
        p = self.p
        if minus and not all(p.justified(k, plus) for k in minus):
            return
        if p.points_only:
            exact = p.meets(point, point, False, False)
        else:
            low = sum(p.lows[k] for k in plus) - sum(p.highs[k] for k in minus)
            high = sum(p.highs[k] for k in plus) - sum(p.lows[k] for k in minus)
            low_open = any(p.low_open[k] for k in plus) or any(p.high_open[k] for k in minus)
            high_open = any(p.high_open[k] for k in plus) or any(p.low_open[k] for k in minus)
            exact = p.meets(low, high, low_open, high_open)
        distance = abs(point - p.tp)
        if not exact and distance > p.ftol:
            return
        # Ranks here measure the distance in scaled integers (the order is the same); the
        # selection and the Fraction are made only for what may be kept.
        near = (len(plus) + len(minus), 0 if exact else 1, distance)
        if overlaps:
            self.overlap_count += 1
            self._keep(self.overlaps, near, plus, minus, point, exact, OVERLAPS_KEPT)
            return
        if self.classify is not None:
            key = self.classify(_selection(plus, minus))
        elif p.weighted:
            key = p.bucket(point, *p.weigh(plus, minus))
        else:
            key = None
        self.counts[key] = self.counts.get(key, 0) + 1
        self.used.update(plus)
        self.used.update(minus)
        self._keep(self.kept.setdefault(key, []), near, plus, minus, point, exact, self.top)

    def _keep(
        self,
        heap: list[tuple[_Inverse, Found]],
        near: tuple[int, int, int],
        plus: list[int],
        minus: list[int],
        point: int,
        exact: bool,
        top: int,
    ) -> None:
        if len(heap) >= top and near > heap[0][0].rank[:3]:
            return  # worse than the worst kept, whatever the selection
        selection = _selection(plus, minus)
        _keep(heap, (*near, selection), lambda: self.p.found(selection, point, exact), top)


def _selection(plus: Sequence[int], minus: Sequence[int]) -> Selection:
    return tuple(sorted([(k, 1) for k in plus] + [(k, -1) for k in minus]))


_EXACT_REACH = 64  # terms up to which the walk's bounds are the exact best sums


def _reach(
    options: Sequence[Sequence[int]], depth: int, sign: int, extra: Sequence[int] = ()
) -> list[list[int]]:
    """rows[j][r]: the largest (sign 1) or smallest (-1) sum of at most r of the values on
    offer from position j on, one per position, the `extra` values always on offer. Rows
    stop at r = _EXACT_REACH; their last entry, for any r beyond, is the sum of everything
    on offer, a looser bound (`max_terms: all` on 10,000 figures needs no 10^8 table)."""
    exact = min(depth, _EXACT_REACH)
    rows: list[list[int]] = [[] for _ in range(len(options) + 1)]
    best = sorted((v for v in extra if v * sign > 0), key=lambda v: -v * sign)[:exact]
    everything = sum(v for v in extra if v * sign > 0)
    for j in range(len(options), -1, -1):
        if j < len(options):
            chosen = [v for v in options[j] if v * sign > 0]
            if chosen:
                value = max(chosen, key=lambda v: v * sign)
                everything += value
                if len(best) < exact or value * sign > best[-1] * sign:
                    bisect.insort(best, value, key=lambda v: -v * sign)
                    del best[exact:]
        sums = list(itertools.accumulate(best, initial=0))
        rows[j] = sums + [sums[-1]] * (exact - len(best)) + [everything]
    return rows


def _keep(
    heap: list[tuple[_Inverse, Found]], rank: _Order, make: Callable[[], Found], top: int
) -> None:
    """Keep the `top` best-ranked items; heapq is a min-heap, so rank by the inverse."""
    key = _Inverse(rank)
    if len(heap) < top:
        heapq.heappush(heap, (key, make()))
    elif key > heap[0][0]:
        heapq.heapreplace(heap, (key, make()))


def _given(found: Found) -> Callable[[], Found]:
    return lambda: found


def _unwrap(item: tuple[_Inverse, Found]) -> Found:
    return item[1]


class _Inverse:
    """Wraps a rank so that the heap's smallest item is the worst-ranked one."""

    __slots__ = ("rank",)

    def __init__(self, rank: _Order) -> None:
        self.rank = rank

    def __lt__(self, other: _Inverse) -> bool:
        return self.rank > other.rank

    def __gt__(self, other: _Inverse) -> bool:
        return self.rank < other.rank

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Inverse) and self.rank == other.rank

    def __hash__(self) -> int:  # pragma: no cover - never hashed, defined for consistency
        return hash(self.rank)


# --- meet in the middle (max_terms: all) ------------------------------------------------------


@dataclass
class _Item:
    """One choice of the meet in the middle: exactly one of its options (option 0: none).

    An item is a figure related to nothing, or a group of such figures, or everything that
    the relations (part_of, a series' stocks, a group) tie together: the rules only ever
    look inside one item, so any choice of options, one per item, is a candidate as long as
    something is added.
    """

    selections: Sequence[Selection]
    point: Ints
    low: Ints
    high: Ints
    low_open: Bools
    high_open: Bools
    wl: Ints
    wh: Ints
    size: Ints
    plus: Bools
    overlap: Bools
    plain: bool  # its options add at most one figure, related to nothing
    kinds: frozenset[tuple[int, int]]  # (a, b): point options weighing (a, b) x their value


class _Singles(Sequence[Selection]):
    """The options of a plain item, made on demand: none, or one member added."""

    def __init__(self, members: Sequence[int]) -> None:
        self.members = members

    def __len__(self) -> int:
        return len(self.members) + 1

    def __getitem__(self, index: int) -> Selection:  # type: ignore[override]
        return ((self.members[index - 1], 1),) if index else ()


_KINDS = ((0, 0), (1, 1), (0, 1), (1, 0))
_OVERLAP = -1  # the key of double-counting matches among the bucket indices


def _items(p: _Prepared, cap: int | None) -> list[_Item]:
    """The candidates as items: connected by part_of, a series' stocks or a group."""
    if p.relations > RELATION_LIMIT:
        raise _TooLarge
    parent = list(range(p.n))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(members: Sequence[int]) -> None:
        for a, b in itertools.pairwise(members):
            parent[root(a)] = root(b)

    for k in range(p.n):
        if p.has_whole[k]:
            join([k, *p.ancestors(k)])
    for members in (*p.series_members.values(), *p.group_members.values()):
        join(members)
    components: dict[int, list[int]] = {}
    for k in range(p.n):
        components.setdefault(root(k), []).append(k)
    # Each item has at least nothing and each member alone among its options: when even
    # that many partial sums cannot be split into two halves that fit, stop before building.
    fewest = np.ones(1)
    for members in components.values():
        fewest = _times(fewest, np.asarray([1.0, len(members)]), cap)
        if fewest.sum() > float(HALF_LIMIT) ** 2:
            raise _TooLarge
    items = []
    for members in sorted(components.values()):
        if all(p.plain(k) for k in members):
            items.append(_plain_item(p, members))
        elif len(members) > COMPONENT_LIMIT:
            raise _TooLarge  # its options would outgrow OPTION_LIMIT long before
        else:
            items.append(_item(p, _options(p, members)))
    return items


def _plain_item(p: _Prepared, members: Sequence[int]) -> _Item:
    """Nothing, or one of the members added (a lone figure is a group of one)."""
    ids = np.asarray(members, dtype=np.int64)
    arrays = p.arrays()

    def column(name: str) -> Column:
        values = arrays[name][ids]
        return np.concatenate([np.zeros(1, values.dtype), values])

    point, low, high = column("points"), column("lows"), column("highs")
    low_open, high_open = column("low_open"), column("high_open")
    wl, wh = column("wl"), column("wh")
    point_only = bool(np.all(low == point) and np.all(high == point))
    point_only = point_only and not (low_open.any() or high_open.any())
    kinds = frozenset(
        (a, b)
        for a, b in _KINDS
        if point_only and np.all(wl == a * point) and np.all(wh == b * point)
    )
    size = np.ones(len(members) + 1, np.int64)
    size[0] = 0
    return _Item(
        selections=_Singles(members),
        point=point,
        low=low,
        high=high,
        low_open=low_open,
        high_open=high_open,
        wl=wl,
        wh=wh,
        size=size,
        plus=size > 0,
        overlap=np.zeros(len(members) + 1, np.bool_),
        plain=True,
        kinds=kinds,
    )


def _options(p: _Prepared, members: Sequence[int]) -> list[Selection]:
    """Every signed subset of related figures that obeys the rules within them."""
    found: list[Selection] = []
    plus: list[int] = []
    minus: list[int] = []
    steps = 0

    def walk(i: int) -> None:
        nonlocal steps
        steps += 1
        if len(found) > OPTION_LIMIT or steps > 8 * OPTION_LIMIT:
            raise _TooLarge
        if i == len(members):
            if all(p.justified(k, plus) for k in minus):
                found.append(tuple(sorted([(k, 1) for k in plus] + [(k, -1) for k in minus])))
            return
        walk(i + 1)
        k = members[i]
        group, series = p.group[k], p.stock[k]
        if group is not None and any(p.group[q] == group for q in (*plus, *minus)):
            return
        if series is None or all(p.stock[q] != series for q in plus):
            plus.append(k)
            walk(i + 1)
            plus.pop()
        if (
            p.negatable[k]
            and not any(p.nested(q, k) for q in minus)
            and (series is None or all(p.stock[q] != series for q in minus))
        ):
            minus.append(k)
            walk(i + 1)
            minus.pop()

    walk(0)
    return found


def _item(p: _Prepared, selections: list[Selection]) -> _Item:
    rows: list[tuple[int, ...]] = []
    for selection in selections:
        plus = [k for k, sign in selection if sign > 0]
        minus = [k for k, sign in selection if sign < 0]
        wl, wh = p.weigh(plus, minus)
        rows.append(
            (
                sum(p.points[k] for k in plus) - sum(p.points[k] for k in minus),
                sum(p.lows[k] for k in plus) - sum(p.highs[k] for k in minus),
                sum(p.highs[k] for k in plus) - sum(p.lows[k] for k in minus),
                any(p.low_open[k] for k in plus) or any(p.high_open[k] for k in minus),
                any(p.high_open[k] for k in plus) or any(p.low_open[k] for k in minus),
                wl,
                wh,
                len(selection),
                bool(plus),
                any(p.part_of(b, a) for a in plus for b in plus),
            )
        )
    columns = list(zip(*rows, strict=True))
    ints = [np.asarray(columns[c], np.int64) for c in (0, 1, 2, 5, 6, 7)]
    bools = [np.asarray(columns[c], np.bool_) for c in (3, 4, 8, 9)]
    return _Item(
        selections=selections,
        point=ints[0],
        low=ints[1],
        high=ints[2],
        low_open=bools[0],
        high_open=bools[1],
        wl=ints[3],
        wh=ints[4],
        size=ints[5],
        plus=bools[2],
        overlap=bools[3],
        plain=False,
        kinds=frozenset(),
    )


def _sizes(item: _Item, cap: int | None) -> npt.NDArray[np.float64]:
    """How many of the item's options have 0, 1, 2, ... terms (up to cap)."""
    counts = np.bincount(item.size).astype(float)
    return counts[: cap + 1] if cap is not None else counts


def _times(a: npt.NDArray[np.float64], b: npt.NDArray[np.float64], cap: int | None) -> Floats:
    product = np.convolve(a, b)
    return product[: cap + 1] if cap is not None else product


def _over(a: npt.NDArray[np.float64], b: npt.NDArray[np.float64]) -> Floats:
    """a / b as power series (b starts with 1: the option of nothing), to a's length."""
    quotient = np.zeros(len(a))
    for d in range(len(a)):
        reach = min(d, len(b) - 1)
        quotient[d] = a[d] - float(np.dot(b[1 : reach + 1], quotient[d - reach : d][::-1]))
    return quotient


def _split(
    items: Sequence[_Item], movable: Sequence[_Item], cap: int | None
) -> tuple[list[_Item], list[_Item]]:
    """Two halves of about the same number of partial sums; only `movable` items may go to
    the second (the sorted side). The first costs more per sum, so it is kept a little
    smaller. With a cap the sums are counted by size (a polynomial per half); without, the
    count is the product of the items' numbers of options."""

    def count(sizes: Floats) -> Floats:
        return sizes if cap is not None else np.asarray([sizes.sum()])

    def times(a: Floats, b: Floats) -> Floats:
        return _times(a, b, cap) if cap is not None else a * b

    everything = np.ones(1)
    for item in items:
        everything = times(everything, count(_sizes(item, cap)))
        if everything.sum() > float(HALF_LIMIT) ** 2:
            raise _TooLarge  # no split makes both halves fit
    first, second = everything, np.ones(1)
    chosen: list[_Item] = []
    for item in sorted(movable, key=lambda it: -len(it.selections)):
        sizes = count(_sizes(item, cap))
        without = _over(first, sizes) if cap is not None else first / sizes
        with_it = times(second, sizes)
        if max(2 * without.sum(), with_it.sum()) < max(2 * first.sum(), second.sum()):
            first, second = without, with_it
            chosen.append(item)
    if max(first.sum(), second.sum()) > HALF_LIMIT:
        raise _TooLarge
    moved = {id(item) for item in chosen}
    return [it for it in items if id(it) not in moved], chosen


class _Table:
    """Every partial sum of a set of items (at most `cap` terms), and how to decode them.

    Columns that no item needs (interval ends of points, weights when unweighted, ...) are
    derived rather than summed: the table of 40 plain figures is a value and a size.
    """

    def __init__(self, items: Sequence[_Item], cap: int | None, full: bool) -> None:
        self.items = list(items)
        self.steps: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]] = []
        names = ["point", "size"]
        if full:
            if any((it.low != it.point).any() or (it.high != it.point).any() for it in items):
                names += ["low", "high"]
            if any(it.low_open.any() or it.high_open.any() for it in items):
                names += ["low_open", "high_open"]
            if any(it.wl.any() or it.wh.any() for it in items):
                names += ["wl", "wh"]
            if any((it.plus != (it.size > 0)).any() for it in items):
                names += ["plus"]
            if any(it.overlap.any() for it in items):
                names += ["overlap"]
        columns: dict[str, Column] = {
            name: np.zeros(1, np.bool_ if name in _FLAGS else np.int64) for name in names
        }
        # Without a cap the rows are every choice in order, row = sum(option x stride);
        # with one, each step remembers where its rows came from.
        self.capped = cap is not None
        self.widths = [len(item.selections) for item in self.items]
        for item in self.items:
            width = len(item.selections)
            before = len(columns["point"])
            if cap is not None:
                parent = np.repeat(np.arange(before, dtype=np.int32), width)
                option = np.tile(np.arange(width, dtype=np.int32), before)
            for name in names:
                mine, theirs = columns[name], getattr(item, name)
                if name in _FLAGS:
                    columns[name] = (mine[:, None] | theirs[None, :]).ravel()
                else:
                    columns[name] = (mine[:, None] + theirs[None, :]).ravel()
            if cap is not None:
                keep = columns["size"] <= cap
                if not keep.all():
                    columns = {name: column[keep] for name, column in columns.items()}
                    parent, option = parent[keep], option[keep]
                self.steps.append((parent, option))
        rows = len(columns["point"])
        no = np.zeros(rows, np.bool_)
        zero = np.zeros(rows, np.int64)
        self.point: Ints = columns["point"]
        self.size: Ints = columns["size"]
        self.low: Ints = columns.get("low", self.point)
        self.high: Ints = columns.get("high", self.point)
        self.low_open: Bools = columns.get("low_open", no)
        self.high_open: Bools = columns.get("high_open", no)
        self.wl: Ints = columns.get("wl", zero)
        self.wh: Ints = columns.get("wh", zero)
        self.plus: Bools = columns.get("plus", self.size > 0)
        self.overlap: Bools = columns.get("overlap", no)

    def __len__(self) -> int:
        return len(self.point)

    def decode(self, rows: npt.NDArray[np.int64]) -> list[npt.NDArray[np.int64]]:
        """The option each item takes in each of `rows`."""
        options: list[npt.NDArray[np.int64]] = [np.zeros(0, np.int64)] * len(self.items)
        current: npt.NDArray[np.int64] = rows
        for index in range(len(self.items) - 1, -1, -1):
            if self.capped:
                parent, option = self.steps[index]
                options[index] = option[current].astype(np.int64)
                current = parent[current].astype(np.int64)
            else:
                current, options[index] = np.divmod(current, self.widths[index])
        return options

    def members(self, rows: Bools) -> set[int]:
        """The candidates that take part in any of the rows marked True."""
        used: set[int] = set()
        if not self.capped:
            # Row = sum(option x stride): the options of item i are one axis of the rows.
            before = 1
            after = len(self)
            for item, width in zip(self.items, self.widths, strict=True):
                after //= width
                taken = rows.reshape(before, width, after).any(axis=(0, 2))
                before *= width
                for chosen in np.flatnonzero(taken):
                    used.update(k for k, _ in item.selections[int(chosen)])
            return used
        marked = rows
        for index in range(len(self.items) - 1, -1, -1):
            parent, option = self.steps[index]
            item = self.items[index]
            counted = np.bincount(option[marked], minlength=len(item.selections))
            for chosen in np.flatnonzero(counted):
                used.update(k for k, _ in item.selections[int(chosen)])
            earlier = np.zeros(int(parent[-1]) + 1 if len(parent) else 0, np.bool_)
            earlier[parent[marked]] = True
            marked = earlier
        return used


_FLAGS = frozenset({"low_open", "high_open", "plus", "overlap"})


class _Sorted:
    """The second half's partial sums sorted by value, and by size then value."""

    def __init__(self, table: _Table) -> None:
        self.table = table
        self.by_value = np.argsort(table.point)
        self.values = table.point[self.by_value]
        # Sizes are small: a stable sort of them (radix) keeps the value order within each.
        sizes = table.size[self.by_value].astype(np.int16)
        self.by_size = self.by_value[np.argsort(sizes, kind="stable")]
        self.sized_values = table.point[self.by_size]
        counts = np.bincount(sizes)
        self.starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)

    def block(self, size: int) -> tuple[int, int]:
        if size < 0 or size + 1 >= len(self.starts):
            return 0, 0
        return int(self.starts[size]), int(self.starts[size + 1])


def _check_range(p: _Prepared) -> None:
    reach = sum(
        max(abs(p.points[k]), abs(p.lows[k]), abs(p.highs[k]), abs(p.wl[k]), abs(p.wh[k]))
        for k in range(p.n)
    )
    reach += sum(abs(v) for pair in p.changes.values() for v in pair)
    if reach > _INT_LIMIT:
        raise _TooLarge


@dataclass
class _Segments:
    """Ranges [lo, hi) of sorted second-half sums that complete a first-half row alike."""

    row: npt.NDArray[np.int64]
    lo: npt.NDArray[np.int64]
    hi: npt.NDArray[np.int64]
    n: npt.NDArray[np.int64]  # matches in the range: hi - lo, less the empty second half
    exact: Bools
    code: npt.NDArray[np.int64]  # the cells of (value, low, high), as one number

    @property
    def count(self) -> int:
        return int(self.n.sum())

    def where(self, keep: Bools) -> _Segments:
        return _Segments(
            self.row[keep], self.lo[keep], self.hi[keep], self.n[keep], self.exact[keep],
            self.code[keep],
        )  # fmt: skip

    @staticmethod
    def join(parts: Sequence[_Segments]) -> _Segments:
        if not parts:
            empty = np.zeros(0, np.int64)
            return _Segments(empty, empty, empty, empty, np.zeros(0, np.bool_), empty)
        return _Segments(
            *(np.concatenate([getattr(s, name) for s in parts])
              for name in ("row", "lo", "hi", "n", "exact", "code"))
        )  # fmt: skip


_CHUNK = 1 << 17  # first-half rows per vectorised step: bounds the temporary arrays


class _Meet:
    """The exhaustive search: first-half rows against the sorted second half."""

    def __init__(
        self, p: _Prepared, classify: Classify | None, weights: Weights | None, top: int
    ) -> None:
        self.p = p
        self.classify = classify
        self.top = top
        _check_range(p)
        items = _items(p, None)
        # The sorted side holds figures whose completions differ only in value: related to
        # nothing, a point (no interval), and weighing a fixed multiple of their value.
        bits = {
            kind: sum(len(it.selections) for it in items if kind in it.kinds) for kind in _KINDS
        }
        self.kind = max(_KINDS, key=lambda kind: bits[kind])
        movable = [it for it in items if self.kind in it.kinds]
        first, second = _split(items, movable, None)
        self.a = _Table(first, None, full=True)
        self.b = _Sorted(_Table(second, None, full=False))
        self.examined = len(self.a) + len(self.b.table)
        self.keys: list[Hashable] = []
        self.key_index: dict[Hashable, int] = {}
        self.code_keys: dict[int, int] = {}
        width = 2 * len(p.breakpoints) + 1
        self.width = width

    # -- where completions land --

    def segments(
        self,
        rows: npt.NDArray[np.int64],
        values: Ints,
        offset: int,
        *,
        skip_empty: bool = False,
        radius: int | None = None,
        kinds: bool = True,
    ) -> _Segments:
        """For each row, the ranges of `values` (sorted; positions shifted by `offset`) whose
        sums reproduce the target, cut where the kind of match or a bucket cell changes."""
        p, a = self.p, self.a
        pa = a.point[rows]
        alo = p.tp - p.ftol - pa
        ahi = p.tp + p.ftol - pa + 1
        elo = p.tl - a.high[rows] + (a.high_open[rows] | p.tl_open)
        ehi = p.th - a.low[rows] - (a.low_open[rows] | p.th_open) + 1
        start, stop = np.minimum(alo, elo), np.maximum(ahi, ehi)
        if radius is not None:
            start = np.maximum(start, p.tp - radius - pa)
            stop = np.maximum(start, np.minimum(stop, p.tp + radius + 1 - pa))
        # Where the two windows overlap and the kind of match does not matter, their
        # union is one range: half the binary searches.
        columns = [start, stop]
        if kinds or radius is not None or (np.maximum(alo, elo) > np.minimum(ahi, ehi)).any():
            columns += [alo, ahi, elo, ehi]
        coordinates = self.coordinates(rows)
        splits = [
            edge - base
            for base, factor in coordinates
            if factor
            for up, at in zip(p.ups, p.ats, strict=True)
            for edge in ((up,) if at is None else (up, at))
        ]
        # Bucket cells rarely change inside a row's narrow window: only the rows where one
        # does are cut there.
        cut = np.zeros(len(rows), np.bool_)
        for split in splits:
            cut |= (split > start) & (split < stop)
        parts = []
        for chosen, edges in ((~cut, []), (cut, splits)):
            if not chosen.any():
                continue
            where = np.flatnonzero(chosen) if cut.any() else slice(None)
            bounds = np.stack([c[where] for c in (*columns, *edges)], axis=1)
            np.clip(bounds, start[where][:, None], stop[where][:, None], out=bounds)
            bounds.sort(axis=1)
            positions = np.searchsorted(values, bounds)
            x, after = bounds[:, :-1], bounds[:, 1:]
            count = positions[:, 1:] - positions[:, :-1]
            exact = (x >= elo[where][:, None]) & (x < ehi[where][:, None])
            match = exact | ((x >= alo[where][:, None]) & (x < ahi[where][:, None]))
            match &= x < after
            if skip_empty:  # the empty second half completes nothing on its own
                count = count - (~a.plus[rows[where]][:, None] & (x <= 0) & (after > 0) & match)
            keep = match & (count > 0)
            code = np.zeros(x.shape if edges else (len(x), 1), np.int64)
            for base, factor in coordinates:
                at = base[where][:, None] + factor * (x if edges else x[:, :1])
                code = code * self.width + self.cells(at)
            parts.append(
                _Segments(
                    row=np.broadcast_to(rows[where][:, None], keep.shape)[keep],
                    lo=positions[:, :-1][keep] + offset,
                    hi=positions[:, 1:][keep] + offset,
                    n=count[keep],
                    exact=exact[keep],
                    code=np.broadcast_to(code, keep.shape)[keep],
                )
            )
        return _Segments.join(parts)

    def coordinates(self, rows: npt.NDArray[np.int64]) -> list[tuple[Ints, int]]:
        """(value, low, high) of a completion as base + factor x its second-half value."""
        if not self.p.weighted:
            return []
        a = self.a
        alpha, beta = self.kind
        return [(a.point[rows], 1), (a.wl[rows], alpha), (a.wh[rows], beta)]

    def cells(self, x: Ints) -> Ints:
        cell = np.zeros(x.shape, np.int64)
        for up in self.p.ups:
            cell += 2 * (x >= up)
        for at in self.p.ats:
            if at is not None:
                cell += x == at
        return cell

    def key(self, segments: _Segments) -> npt.NDArray[np.int64]:
        """The bucket index of each segment (_OVERLAP for double counts)."""
        keys = np.zeros(len(segments.row), np.int64)
        if self.p.weighted and len(keys):
            codes, inverse = np.unique(segments.code, return_inverse=True)
            lookup = np.asarray([self._code_key(int(c)) for c in codes], np.int64)
            keys = lookup[inverse.reshape(-1)]
        elif len(keys):
            keys[:] = self._index(None)
        keys[self.a.overlap[segments.row]] = _OVERLAP
        return keys

    def _code_key(self, code: int) -> int:
        if code not in self.code_keys:
            rest, high = divmod(code, self.width)
            value, low = divmod(rest, self.width)
            bucket = self.p.cell_bucket((value, low, high))
            self.code_keys[code] = self._index(bucket)
        return self.code_keys[code]

    def _index(self, key: Hashable) -> int:
        if key not in self.key_index:
            self.key_index[key] = len(self.keys)
            self.keys.append(key)
        return self.key_index[key]

    def descending(self) -> npt.NDArray[np.int64]:
        """First-half rows by falling value: the binary searches then look for rising
        values, which numpy does several times faster (it starts from the last answer)."""
        return np.argsort(-self.a.point).astype(np.int64)

    def chunks(self, rows: npt.NDArray[np.int64]) -> Iterator[npt.NDArray[np.int64]]:
        for start in range(0, len(rows), _CHUNK):
            yield rows[start : start + _CHUNK]

    # -- the search --

    def run(self) -> SearchResult:
        if self.classify is not None:
            return self._listing()
        p, a, b = self.p, self.a, self.b
        counts: dict[int, int] = {}
        live: dict[int, Bools] = {}
        used_rows = np.zeros(len(a), np.bool_)
        cover = np.zeros(len(b.values) + 1, np.int64)
        order = self.descending()
        for rows in self.chunks(order):
            segments = self.segments(rows, b.values, 0, skip_empty=True, kinds=False)
            keys = self.key(segments)
            for key in np.unique(keys).tolist():
                mine = keys == key
                counts[key] = counts.get(key, 0) + int(segments.n[mine].sum())
                live.setdefault(key, np.zeros(len(a), np.bool_))[segments.row[mine]] = True
            counted = keys != _OVERLAP
            used_rows[segments.row[counted]] = True
            cover += np.bincount(segments.lo[counted], minlength=len(cover))
            cover -= np.bincount(segments.hi[counted], minlength=len(cover))
        used = a.members(used_rows)
        covered = np.zeros(len(b.table), np.bool_)
        covered[b.by_value[np.cumsum(cover)[:-1] > 0]] = True
        used |= b.table.members(covered)
        needs = {key: min(self.top, n) for key, n in counts.items() if key != _OVERLAP}
        if counts.get(_OVERLAP):
            needs[_OVERLAP] = min(OVERLAPS_KEPT, counts[_OVERLAP])
        kept = self._best(order, live, needs)
        return SearchResult(
            found={self.keys[key]: kept[key] for key in needs if key != _OVERLAP},
            counts={self.keys[key]: n for key, n in counts.items() if key != _OVERLAP},
            overlaps=kept.get(_OVERLAP, []),
            overlap_count=counts.get(_OVERLAP, 0),
            examined=self.examined,
            complete=True,
            budget=self.examined,
            used=frozenset(used),
            census=Census(p, None, (a, b)),
        )

    def _best(
        self, order: npt.NDArray[np.int64], live: dict[int, Bools], needs: dict[int, int]
    ) -> dict[int, list[Found]]:
        """The best-ranked `needs[key]` matches of each key, fewest terms first: size by size,
        listing a size only as far as the ranking needs it, and only from the rows that
        have matches of a key still wanting some."""
        a, b = self.a, self.b
        kept: dict[int, list[Found]] = {key: [] for key in needs}
        largest = int(a.size.max(initial=0)) + len(b.starts) - 2
        wanting: set[int] = set()
        by_size: dict[int, npt.NDArray[np.int64]] = {}
        for size in range(1, largest + 1):
            wanted = {key: n - len(kept[key]) for key, n in needs.items() if n > len(kept[key])}
            if not wanted:
                break
            if set(wanted) != wanting:
                wanting = set(wanted)
                rows = np.zeros(len(a), np.bool_)
                for key in wanting:
                    rows |= live[key]
                by_size = _by_size(order[rows[order]], a.size)
            parts = []
            for first, mine in by_size.items():
                low, high = b.block(size - first)
                if high == low:
                    continue
                if size == first:
                    mine = mine[a.plus[mine]]
                for chunk in self.chunks(mine):
                    parts.append(self.segments(chunk, b.sized_values[low:high], low))
            segments = _Segments.join(parts)
            keys = self.key(segments)
            for key, n in wanted.items():
                kept[key] += self._closest(segments.where(keys == key), n)
        return kept

    def _closest(self, segments: _Segments, n: int) -> list[Found]:
        """The best-ranked n of the matches in segments (all of one size)."""
        if segments.count <= n:
            return sorted(self._found(segments))
        exact = segments.where(segments.exact)
        if exact.count >= n:
            return self._nearest(exact, n)
        return sorted(self._found(exact)) + self._nearest(
            segments.where(~segments.exact), n - exact.count
        )

    def _nearest(self, segments: _Segments, n: int) -> list[Found]:
        """The n best of equally exact matches: the nearest, ties by selection."""
        p, b = self.p, self.b
        pa = self.a.point[segments.row]
        values = b.sized_values

        def narrowed(radius: int) -> _Segments:
            lo = segments.lo.copy()
            hi = segments.hi.copy()
            for size in range(len(b.starts) - 1):
                start, stop = b.block(size)
                inside = (segments.lo >= start) & (segments.lo < stop)
                if not inside.any():
                    continue
                block = values[start:stop]
                lo[inside] = np.searchsorted(block, p.tp - radius - pa[inside], "left") + start
                hi[inside] = np.searchsorted(block, p.tp + radius - pa[inside], "right") + start
            lo = np.clip(lo, segments.lo, segments.hi)
            hi = np.maximum(np.clip(hi, segments.lo, segments.hi), lo)
            return _Segments(segments.row, lo, hi, hi - lo, segments.exact, segments.code)

        ends = np.concatenate([values[segments.lo] + pa, values[segments.hi - 1] + pa])
        low, high = 0, int(np.abs(ends - p.tp).max())
        while low < high:
            middle = (low + high) // 2
            if narrowed(middle).count >= n:
                high = middle
            else:
                low = middle + 1
        # Fewer than n lie nearer than `low`: take them all, and break the ties at `low` by
        # selection, building only the winners (data with many equal values ties a lot).
        closer = narrowed(low - 1).count if low else 0
        ties = self._pairs(narrowed(low))
        chosen = heapq.nsmallest(n, ties, key=lambda pair: (abs(pair[2] - p.tp), pair[1]))
        assert len(chosen) == n and closer <= n
        return [p.found(selection, point, exact) for _, selection, point, exact in chosen]

    def _found(self, segments: _Segments) -> list[Found]:
        """Every match in segments (positions in the by-size order), built."""
        return [self.p.found(selection, point, exact) for _, selection, point, exact in
                self._pairs(segments)]  # fmt: skip

    def _pairs(
        self, segments: _Segments, order: Ints | None = None
    ) -> list[tuple[bool, Selection, int, bool]]:
        """(double counts, selection, value, exact) of every match in segments, whose
        positions are in `order` (by default the by-size order), decoded together."""
        lengths = segments.hi - segments.lo
        rows = np.repeat(segments.row, lengths)
        starts = np.repeat(segments.lo - np.cumsum(lengths) + lengths, lengths)
        positions = starts + np.arange(int(lengths.sum()), dtype=np.int64)
        seconds = (self.b.by_size if order is None else order)[positions].astype(np.int64)
        # The empty second half completes nothing on its own.
        keep = self.a.plus[rows] | (self.b.table.size[seconds] > 0)
        rows, seconds = rows[keep], seconds[keep]
        points = self.a.point[rows] + self.b.table.point[seconds]
        terms = [
            self._terms(table, picked)
            for table, picked in ((self.a, rows), (self.b.table, seconds))
        ]
        return [
            (bool(overlap), tuple(sorted(first + second)), int(point), bool(flag))
            for first, second, point, flag, overlap in zip(
                *terms,
                points.tolist(),
                np.repeat(segments.exact, lengths)[keep].tolist(),
                self.a.overlap[rows].tolist(),
                strict=True,
            )
        ]

    @staticmethod
    def _terms(table: _Table, rows: npt.NDArray[np.int64]) -> list[tuple[tuple[int, int], ...]]:
        """The (candidate, sign) terms of each of the rows, decoded together."""
        if not table.items:
            return [() for _ in range(len(rows))]
        options = [option.tolist() for option in table.decode(rows)]
        choices = [item.selections for item in table.items]
        return [
            tuple(
                term for chosen, picks in zip(row, choices, strict=True) for term in picks[chosen]
            )
            for row in zip(*options, strict=True)
        ]

    def _listing(self) -> SearchResult:
        """With a classify callback every match is built and shown to it, one by one."""
        assert self.classify is not None
        p, a, b = self.p, self.a, self.b
        kept: dict[Hashable, list[tuple[_Inverse, Found]]] = {}
        counts: dict[Hashable, int] = {}
        overlaps: list[tuple[_Inverse, Found]] = []
        overlap_count = 0
        used: set[int] = set()
        for rows in self.chunks(self.descending()):
            segments = self.segments(rows, b.values, 0, skip_empty=True)
            for overlap, selection, point, exact in self._pairs(segments, b.by_value):
                found = p.found(selection, point, exact)
                if overlap:
                    overlap_count += 1
                    _keep(overlaps, found.rank, _given(found), OVERLAPS_KEPT)
                    continue
                key = self.classify(selection)
                counts[key] = counts.get(key, 0) + 1
                used.update(k for k, _ in selection)
                _keep(kept.setdefault(key, []), found.rank, _given(found), self.top)
        return SearchResult(
            found={key: sorted(_unwrap(item) for item in heap) for key, heap in kept.items()},
            counts=counts,
            overlaps=sorted(_unwrap(item) for item in overlaps),
            overlap_count=overlap_count,
            examined=self.examined,
            complete=True,
            budget=self.examined,
            used=frozenset(used),
            census=Census(p, None, (a, b)),
        )


# --- the census: how crowded the values near a claim are ----------------------------------


class Census:
    """How many candidate combinations there are of each size, and where their values lie.

    coincidence.py asks it how many combinations of a size land near a value by chance.
    Double counts are not candidates and are not counted. The tables are built on first
    use (the exhaustive search hands over its own); `available` is False when they would
    not fit the meet in the middle's limits.
    """

    def __init__(
        self, prepared: _Prepared, cap: int | None, tables: tuple[_Table, _Sorted] | None = None
    ) -> None:
        self.p = prepared
        self.cap = cap
        self._tables = tables
        self._too_large = False
        self._by_size: dict[int, npt.NDArray[np.int64]] = {}
        self._counts: dict[tuple[int, int, int], int] = {}

    @property
    def unit(self) -> Fraction:
        """The finest step of the values: one unit of their last decimal place."""
        return Fraction(1, self.p.scale)

    @property
    def available(self) -> bool:
        if self._tables is None and not self._too_large:
            try:
                _check_range(self.p)
                items = _items(self.p, self.cap)
                first, second = _split(items, [it for it in items if it.plain], self.cap)
            except _TooLarge:
                self._too_large = True
                return False
            table = _Table(first, self.cap, full=True)
            self._tables = (table, _Sorted(_Table(second, self.cap, full=False)))
        if self._tables is not None and not self._by_size:
            first_table = self._tables[0]
            rows = np.flatnonzero(~first_table.overlap).astype(np.int64)
            self._by_size = _by_size(rows, first_table.size)
        return self._tables is not None

    def _pairs(self, size: int) -> Iterator[tuple[npt.NDArray[np.int64], Ints, Ints]]:
        """Rows of the first half by size, with the second half's block that completes them."""
        if not self.available or self._tables is None:
            raise ValueError("the census is not available (too many combinations to tabulate)")
        first, second = self._tables
        for size_first, rows in self._by_size.items():
            low, high = second.block(size - size_first)
            if high == low:
                continue
            if size == size_first:  # the empty second half: only rows that add something
                rows = rows[first.plus[rows]]
            yield rows, first.point[rows], second.sized_values[low:high]

    def total(self, size: int) -> int:
        """Candidate combinations of `size` terms."""
        return sum(len(rows) * len(values) for rows, _, values in self._pairs(size))

    def count(self, size: int, low: Decimal | Fraction, high: Decimal | Fraction) -> int:
        """Candidate combinations of `size` terms whose value lies in [low, high]."""
        lowest = math.ceil(Fraction(low) * self.p.scale)
        highest = math.floor(Fraction(high) * self.p.scale)
        key = (size, lowest, highest)
        if key not in self._counts:
            total = 0
            for _, points, values in self._pairs(size):
                above = np.searchsorted(values, lowest - points, "left")
                below = np.searchsorted(values, highest - points, "right")
                total += int((below - above).sum())
            self._counts[key] = total
        return self._counts[key]


def _by_size(rows: npt.NDArray[np.int64], size: Ints) -> dict[int, npt.NDArray[np.int64]]:
    """Rows grouped by size, each group in the order of `rows`."""
    sizes = size[rows].astype(np.int16)
    ordered = rows[np.argsort(sizes, kind="stable")]
    counts = np.bincount(sizes)
    ends = np.cumsum(counts)
    return {s: ordered[ends[s] - counts[s] : ends[s]] for s in range(len(counts)) if counts[s]}


def census(candidates: Sequence[Candidate], *, max_terms: MaxTerms) -> Census | None:
    """The census of the combinations `search` considers; None when too many to tabulate."""
    cap = None if max_terms == ALL else int(max_terms)
    found = Census(_Prepared(candidates, None, None), cap)
    return found if found.available else None


# --- shared helpers --------------------------------------------------------------------------


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


def _places(values: Sequence[Decimal]) -> int:
    places = 0
    for value in values:
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            places = max(places, -exponent)
    return places


# --- the reference: plain enumeration, for tests and the benchmark baseline ------------


def is_candidate(candidates: Sequence[Candidate], selection: Selection) -> bool | None:
    """True for a candidate combination, None for a double count (overlap), else False."""
    plus = [candidates[i] for i, sign in selection if sign > 0]
    minus = [candidates[i] for i, sign in selection if sign < 0]
    if not plus:
        return False
    groups = [c.group for c in (*plus, *minus) if c.group is not None]
    if len(groups) != len(set(groups)):
        return False
    for side in (plus, minus):
        stock_series = [name for name in map(_stock, side) if name is not None]
        if len(stock_series) != len(set(stock_series)):
            return False
    if any(a.id in b.ancestors for a in minus for b in minus):
        return False
    for part in minus:
        by_whole = any(p.id in part.ancestors for p in plus)
        by_change = _stock(part) is not None and any(
            _stock(p) == _stock(part) and p.as_of != part.as_of for p in plus
        )
        if not (by_whole or by_change):
            return False
    if any(a.id in b.ancestors for a in plus for b in plus):
        return None
    return True


def weigh(
    candidates: Sequence[Candidate], weights: Weights, selection: Selection
) -> tuple[Decimal, Decimal]:
    """The (low, high) sums of a candidate combination, as `Weights` defines them."""
    low = high = Decimal(0)
    paired: set[int] = set()
    for b, sign in selection:
        if sign > 0:
            continue
        for a, other in selection:
            pair = weights.changes.get((a, b))
            if other > 0 and pair is not None and a not in paired:
                low, high = low + pair[0], high + pair[1]
                paired.update((a, b))
                break
    for k, sign in selection:
        if k not in paired:
            low, high = low + sign * weights.low[k], high + sign * weights.high[k]
    return low, high


def search_naive(
    candidates: Sequence[Candidate], target: Target, *, max_terms: MaxTerms
) -> tuple[list[tuple[Selection, Match]], list[Selection]]:
    """Try every signed subset with itertools: (matches, overlaps), each sorted."""
    matches: list[tuple[Selection, Match]] = []
    overlaps: list[Selection] = []
    indices = range(len(candidates))
    tolerance = target.allowance
    largest = len(candidates) if max_terms == ALL else int(max_terms)
    for size in range(1, largest + 1):
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


def count_naive(candidates: Sequence[Candidate], size: int, low: Decimal, high: Decimal) -> int:
    """Candidate combinations of `size` terms whose value lies in [low, high], one by one."""
    total = 0
    for chosen in itertools.combinations(range(len(candidates)), size):
        for signs in itertools.product((1, -1), repeat=size):
            selection = tuple(zip(chosen, signs, strict=True))
            if is_candidate(candidates, selection) is not True:
                continue
            point = sum((candidates[i].point * s for i, s in selection), Decimal(0))
            total += low <= point <= high
    return total
