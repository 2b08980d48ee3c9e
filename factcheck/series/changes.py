"""Changes between two windows of one flow series: as one term of a sum (one year's total
against another's, rule E), and the pairs of windows a ratio's change compares like for like
(back to back, or a year apart).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from factcheck.load import FigureOrigin
from factcheck.models import Interval, Period
from factcheck.series.periods import change_span, midpoint
from factcheck.series.runs import Window, contiguous_runs


@dataclass(frozen=True)
class WindowChange:
    """The change between two windows of one flow series of the same length, the earlier
    ending before the later starts: one year's total against another's, as one term of a sum
    (rule E). Its direction is its sign, later less earlier (rule A1); the term is written
    the way round that makes it positive."""

    earlier: Window
    later: Window

    @property
    def series(self) -> str:
        return self.earlier.series

    @property
    def direction(self) -> Literal["rise", "fall"] | None:
        difference = self.later.value - self.earlier.value
        return "rise" if difference > 0 else "fall" if difference < 0 else None

    @property
    def added(self) -> Window:
        return self.earlier if self.direction == "fall" else self.later

    @property
    def subtracted(self) -> Window:
        return self.later if self.direction == "fall" else self.earlier

    @property
    def value(self) -> Decimal:
        return self.added.value - self.subtracted.value

    @property
    def interval(self) -> Interval:
        plus, minus = self.added.bounds, self.subtracted.bounds
        return Interval(
            low=plus[0] - minus[1],
            high=plus[1] - minus[0],
            low_open=plus[2] or minus[3],
            high_open=plus[3] or minus[2],
        )

    @property
    def period(self) -> Period:
        """From the middle of the earlier window to the middle of the later."""
        return Period(
            start=midpoint(self.earlier.start, self.earlier.end),
            end=midpoint(self.later.start, self.later.end),
        )

    @property
    def span(self) -> Period:
        """The days the change happens over, for proration: after the earlier middle, up to
        and including the later one."""
        period = self.period
        return change_span(period.start, period.end)

    @property
    def members(self) -> tuple[FigureOrigin, ...]:
        return self.earlier.members + self.later.members

    @property
    def id(self) -> str:
        return f"{self.added.id} - {self.subtracted.id}"

    def short_label(self) -> str:
        """ "deficit[2020 (1 year)] - deficit[2022 (1 year)]", as in an expression."""
        return f"{self.added.short_label()} - {self.subtracted.short_label()}"


def window_changes(
    members: Sequence[FigureOrigin], near: tuple[Decimal, Decimal] | None = None
) -> Iterator[WindowChange]:
    """Every change between two windows of a flow series of the same number of members, the
    earlier ending before the later starts (across gaps too), or, given `near` (low, high),
    only those whose value lies there (found by bisection over each length's sums)."""
    runs = contiguous_runs(members)
    longest = max((len(run) for run in runs), default=0)
    for length in range(1, longest + 1):
        windows = [
            Window(run, first, first + length - 1)
            for run in runs
            for first in range(len(run) - length + 1)
        ]
        if near is None:
            pairs: Iterator[tuple[int, int]] = itertools.combinations(range(len(windows)), 2)
        else:
            pairs = _pairs_near([w.value for w in windows], *near)
        for i, j in pairs:
            earlier, later = windows[i], windows[j]
            if earlier.end < later.start:
                yield WindowChange(earlier, later)


def _pairs_near(
    values: Sequence[Decimal], low: Decimal, high: Decimal
) -> Iterator[tuple[int, int]]:
    """(i, j), i < j, whose difference in value, either way, lies in [low, high]."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranked = [values[k] for k in order]
    found = set()
    for i, value in enumerate(values):
        for lo, hi in ((value + low, value + high), (value - high, value - low)):
            for position in range(bisect.bisect_left(ranked, lo), bisect.bisect_right(ranked, hi)):
                j = order[position]
                if j != i:
                    found.add((min(i, j), max(i, j)))
    return iter(sorted(found))


def comparable_windows(members: Sequence[FigureOrigin]) -> Iterator[tuple[Window, Window]]:
    """(earlier, later) windows of equal length of one flow series that are compared like
    for like: back to back (month on month, quarter on quarter) or a year apart."""
    runs = contiguous_runs(members)
    for run in runs:
        size = len(run)
        for length in range(1, size // 2 + 1):
            for first in range(size - 2 * length + 1):
                yield (
                    Window(run, first, first + length - 1),
                    Window(run, first + length, first + 2 * length - 1),
                )
    # A year apart, also across a gap in the series (January 2023 against January 2024).
    starts = {_start(m): (run, k) for run in runs for k, m in enumerate(run.members)}
    for run in runs:
        for first in range(len(run)):
            found = starts.get(_add_year(_start(run.members[first])))
            if found is None:
                continue
            later_run, later = found
            if later_run is run:
                # Shorter than the gap: windows that neither touch nor overlap (touching
                # ones, as long as the gap, are back to back and were given above).
                lengths = range(1, min(later - first, len(run) - later + 1))
            else:
                lengths = range(1, min(len(run) - first, len(later_run) - later) + 1)
            for length in lengths:
                yield (
                    Window(run, first, first + length - 1),
                    Window(later_run, later, later + length - 1),
                )


def _start(origin: FigureOrigin) -> dt.date:
    period = origin.figure.period
    assert period is not None
    return period.start


def _add_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)
