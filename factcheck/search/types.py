"""What the search is given and what it returns: candidates, the target, weights, results."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal, NamedTuple

from factcheck.limits import DEFAULT_BUDGET as DEFAULT_BUDGET  # the CLI's --help reads them there
from factcheck.limits import DEFAULT_TOP as DEFAULT_TOP
from factcheck.models import Interval, Match

if TYPE_CHECKING:
    from factcheck.search.census import Census

OVERLAPS_KEPT = 5  # double-counting combinations kept to be named in notes
ALL: Final = "all"
MaxTerms = int | Literal["all"]


class Candidate(NamedTuple):
    """One figure as the search sees it.

    A named tuple rather than a frozen dataclass: equally immutable, and several times
    cheaper to make, which counts when a long series gives tens of thousands of windows.
    """

    id: str
    interval: Interval
    point: Decimal
    ancestors: frozenset[str] = frozenset()  # every figure this one is part of, transitively
    series: str | None = None  # set for stocks (figures with `as_of`) of a series
    as_of: object | None = None  # any orderable date; only its equality matters here
    group: str | None = None  # at most one candidate of a group in any combination


@dataclass(frozen=True)
class Target:
    """What a combination must reproduce: exactly (its interval meets `interval`),
    approximately (the gap between the two intervals is at most `allowance`), or, for a
    number said without a qualifier, as rounded (its value lies in `rounded`)."""

    point: Decimal
    interval: Interval
    tolerance: Decimal  # relative
    # An absolute tolerance beside the relative one: for a claim in percent, percentage
    # points (`tolerance_points`); the larger of the two applies.
    points: Decimal = Decimal(0)
    # The values that round to the claim at its written precision (v - p/2 to v + p/2,
    # both included), for a claim whose qualifier is `exact`; None otherwise.
    rounded: Interval | None = None

    @property
    def allowance(self) -> Decimal:
        """The tolerance as an absolute amount: the one place that turns the relative one
        (and the points) into a distance (the search, the judge, the coincidence estimate and
        the notes use it)."""
        return max(self.tolerance * abs(self.point), self.points)

    @property
    def reach(self) -> tuple[Decimal, Decimal]:
        """The values a combination may take and still reproduce the claim in some way."""
        low, high = self.interval.low - self.allowance, self.interval.high + self.allowance
        if self.rounded is not None:
            low, high = min(low, self.rounded.low), max(high, self.rounded.high)
        return low, high

    def match(self, interval: Interval, point: Decimal) -> Match | None:
        """How a combination with this interval and value reproduces the target, if it does."""
        if interval.meets(self.interval):
            return Match.exact
        if interval_gap(interval, self.interval) <= self.allowance:
            return Match.approximate
        if self.rounded is not None and self.rounded.low <= point <= self.rounded.high:
            return Match.rounded
        return None


def interval_gap(a: Interval, b: Interval) -> Decimal:
    """How far apart two intervals lie (0 when they meet or touch), open ends ignored."""
    return max(Decimal(0), a.low - b.high, b.low - a.high)


# How a match ranks among matches with as many terms: exact, approximate, rounded (and,
# for the combinations nearest a claim that nothing reproduces, none).
MATCH_OF_LEVEL: tuple[Match, ...] = (Match.exact, Match.approximate, Match.rounded, Match.none)
MATCH_LEVEL: dict[Match, int] = {match: level for level, match in enumerate(MATCH_OF_LEVEL)}
NO_MATCH = MATCH_LEVEL[Match.none]


Selection = tuple[tuple[int, int], ...]  # (candidate index, +1 | -1), by candidate index
Rank = tuple[int, int, Fraction, Selection]  # terms, MATCH_LEVEL, distance, selection


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
