"""Runs and windows of a flow series: the members with no gap between them, their running
sums, and every contiguous window (Feb 2021 - Jan 2024) as one term, its value and range in
O(1) from the sums.

Members of a flow series combine only as contiguous windows: arbitrary months picked from a
series are not a derivation.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import NamedTuple

from factcheck.load import FigureOrigin
from factcheck.models import Interval, Period, Qualifier

Bounds = tuple[Decimal, Decimal, bool, bool]  # low, high, low_open, high_open
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


class RunningSums(NamedTuple):
    """Sums of a run's first k members, k = 0..n: a window first..last is the difference
    of entries last + 1 and first, so every window's value and range cost O(1)."""

    values: list[Decimal]
    lows: list[Decimal]
    highs: list[Decimal]
    low_open: list[int]  # how many members' ranges are open at that end
    high_open: list[int]
    exact: bool  # every member is exact: each window's range is its value alone


@dataclass(frozen=True, eq=False)
class Run:
    """Members of a flow series with no gap between them, and their running sums."""

    series: str
    members: tuple[FigureOrigin, ...]
    sums: RunningSums = field(init=False, repr=False)

    def __post_init__(self) -> None:
        values, lows, highs, low_open, high_open = (
            [Decimal(0)],
            [Decimal(0)],
            [Decimal(0)],
            [0],
            [0],
        )
        exact = True
        for origin in self.members:
            figure = origin.figure
            part = Interval.of(figure.value, figure.qualifier, figure.precision)
            values.append(values[-1] + figure.value)
            lows.append(lows[-1] + part.low)
            highs.append(highs[-1] + part.high)
            low_open.append(low_open[-1] + part.low_open)
            high_open.append(high_open[-1] + part.high_open)
            exact = exact and figure.qualifier is Qualifier.exact
        object.__setattr__(
            self, "sums", RunningSums(values, lows, highs, low_open, high_open, exact)
        )

    def __len__(self) -> int:
        return len(self.members)

    @cached_property
    def spans_of_members(self) -> list[tuple[dt.date, dt.date]]:
        """(start, end) of each member's period (a run's members all have one)."""
        spans = []
        for origin in self.members:
            period = origin.figure.period
            assert period is not None
            spans.append((period.start, period.end))
        return spans

    @cached_property
    def calendar_counts(self) -> tuple[list[int], list[int]]:
        """How many of the first k members are calendar months, and calendar years."""
        months, years = [0], [0]
        for origin in self.members:
            period = origin.figure.period
            months.append(months[-1] + (period is not None and _is_month(period)))
            years.append(years[-1] + (period is not None and _is_year(period)))
        return months, years

    def spans(self) -> Iterator[tuple[int, int]]:
        """(first, last) of every window, shortest first within each start."""
        size = len(self.members)
        for first in range(size):
            for last in range(first, size):
                yield first, last

    def spans_between(self, low: Decimal, high: Decimal) -> Iterator[tuple[int, int]]:
        """(first, last) of the windows whose value lies in [low, high], by bisection over
        the running sums; single members when a member is negative (the sums then fall)."""
        sums = self.sums.values
        if any(later < earlier for earlier, later in itertools.pairwise(sums)):
            for first in range(len(self.members)):
                yield first, first
            return
        for first in range(len(self.members)):
            start = bisect.bisect_left(sums, sums[first] + low, lo=first + 1)
            stop = bisect.bisect_right(sums, sums[first] + high, lo=start)
            for end in range(start, stop):
                yield first, end - 1


@dataclass(frozen=True)
class Window:
    """Contiguous members first..last of one flow series, as one term."""

    run: Run
    first: int
    last: int  # inclusive

    @property
    def series(self) -> str:
        return self.run.series

    @property
    def members(self) -> tuple[FigureOrigin, ...]:
        return self.run.members[self.first : self.last + 1]

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    @property
    def start(self) -> dt.date:
        return self.run.spans_of_members[self.first][0]

    @property
    def end(self) -> dt.date:
        return self.run.spans_of_members[self.last][1]

    @property
    def period(self) -> Period:
        return Period(start=self.start, end=self.end)

    @property
    def id(self) -> str:
        first = self.run.members[self.first].figure.id
        last = self.run.members[self.last].figure.id
        return f"{self.series}[{first}]" if first == last else f"{self.series}[{first}..{last}]"

    @property
    def value(self) -> Decimal:
        values = self.run.sums.values
        return values[self.last + 1] - values[self.first]

    @property
    def interval(self) -> Interval:
        low, high, low_open, high_open = self.bounds
        return Interval(low=low, high=high, low_open=low_open, high_open=high_open)

    @property
    def bounds(self) -> Bounds:
        """The interval's (low, high, low_open, high_open)."""
        sums, first, end = self.run.sums, self.first, self.last + 1
        return (
            sums.lows[end] - sums.lows[first],
            sums.highs[end] - sums.highs[first],
            bool(sums.low_open[end] - sums.low_open[first]),
            bool(sums.high_open[end] - sums.high_open[first]),
        )

    def label(self) -> str:
        """ "Feb 2021 - Jan 2024 (36 months)", or the dates when members are not months."""
        return span_label(self.start, self.end, self.unit_name(), self.count)

    def short_label(self) -> str:
        """How a window reads in an expression: "encounters_monthly[Feb 2021 - Jan 2024]"."""
        return f"{self.series}[{self.label().rsplit(' (', 1)[0]}]"

    def unit_name(self) -> str:
        """ "month" when every member is a calendar month, "year" when every one is a
        calendar year, else "period"."""
        months, years = self.run.calendar_counts
        if months[self.last + 1] - months[self.first] == self.count:
            return "month"
        if years[self.last + 1] - years[self.first] == self.count:
            return "year"
        return "period"


def span_label(start: dt.date, end: dt.date, unit: str, count: int | None = None) -> str:
    if unit == "month":
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        first, last = (
            f"{_MONTHS[start.month - 1]} {start.year}",
            f"{_MONTHS[end.month - 1]} {end.year}",
        )
        text = first if first == last else f"{first} - {last}"
        return f"{text} ({months} month{'s' if months != 1 else ''})"
    if unit == "year" and start.month == 1 and start.day == 1:
        years = end.year - start.year + 1
        text = str(start.year) if years == 1 else f"{start.year} - {end.year}"
        return f"{text} ({years} year{'s' if years != 1 else ''})"
    days = (end - start).days + 1
    return f"{start} to {end} ({count or days} {'periods' if count else 'days'})"


def _is_month(period: Period) -> bool:
    next_month = (period.start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return period.start.day == 1 and period.end == next_month - dt.timedelta(days=1)


def _is_year(period: Period) -> bool:
    return (period.start.month, period.start.day, period.end.month, period.end.day) == (
        1,
        1,
        12,
        31,
    ) and period.start.year == period.end.year


def flow_series(origins: Sequence[FigureOrigin]) -> dict[str, list[FigureOrigin]]:
    """Members of each flow series (figures with `series` and a `period`), in time order."""
    series: dict[str, list[FigureOrigin]] = {}
    for origin in origins:
        figure = origin.figure
        if figure.series is not None and figure.period is not None:
            series.setdefault(figure.series, []).append(origin)
    for members in series.values():
        members.sort(key=lambda o: (o.figure.period.start, o.figure.period.end, o.figure.id))  # type: ignore[union-attr]
    return dict(sorted(series.items()))


def contiguous_runs(members: Sequence[FigureOrigin]) -> list[Run]:
    """Split a series where one member does not start the day after the previous one ends."""
    runs: list[list[FigureOrigin]] = []
    for origin in members:
        period = origin.figure.period
        assert period is not None
        previous = runs[-1][-1].figure.period if runs else None
        if previous is not None and period.start == previous.end + dt.timedelta(days=1):
            runs[-1].append(origin)
        else:
            runs.append([origin])
    return [Run(run[0].figure.series or "", tuple(run)) for run in runs]


def windows(members: Sequence[FigureOrigin]) -> Iterator[Window]:
    """Every contiguous window of a flow series, shortest first within each start."""
    for run in contiguous_runs(members):
        for first, last in run.spans():
            yield Window(run, first, last)


def windows_between(
    members: Sequence[FigureOrigin], low: Decimal, high: Decimal
) -> Iterator[Window]:
    """The windows whose value lies in [low, high], found by bisection over running sums.

    Used when a series is too long to hand every window to the search: only windows that
    could reproduce the number on their own are kept. Needs members that are not negative
    (running sums that never fall); a series with a negative member gives single members.
    """
    for run in contiguous_runs(members):
        for first, last in run.spans_between(low, high):
            yield Window(run, first, last)
