"""Series of figures: windows of a flow series, changes and shares, and the periods they cover.

A *flow* series is a set of figures that share `series:` and each have a `period` (monthly
encounters); a *stock* series shares `series:` with an `as_of` date each (payroll jobs on a
date). Members of a flow series combine only as contiguous windows (Feb 2021 - Jan 2024):
arbitrary months picked from a series are not a derivation.

Ratios (claims in `percent` or `ratio`) are reproduced by the change between two figures of
one series, (b - a) / a, by a share part / whole over `part_of`, or by a figure the source
itself states in the claim's unit. All ratio arithmetic is exact (integers and Fractions).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from typing import Literal, NamedTuple, Protocol

from factcheck import qualifiers
from factcheck.kinds import RatioKind as RatioKind  # re-exported: the kinds live there
from factcheck.load import FigureOrigin
from factcheck.models import Interval, Period, Qualifier
from factcheck.units import RATIO_UNITS as RATIO_UNITS  # re-exported: units live there
from factcheck.units import ratio_scale as ratio_scale

Bounds = tuple[Decimal, Decimal, bool, bool]  # low, high, low_open, high_open
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
COVERS_SLACK_DAYS = 7
COVERS_SLACK_SHARE = Fraction(5, 100)


# --- windows of a flow series --------------------------------------------------------------


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


def change_span(earlier: dt.date, later: dt.date) -> Period:
    """The days a change from one date to a later one happens over: from the day after the
    earlier up to the later (a change between two dates has no day of its own on the first)."""
    if later <= earlier:
        return Period(start=later, end=later)
    return Period(start=earlier + dt.timedelta(days=1), end=later)


def midpoint(start: dt.date, end: dt.date) -> dt.date:
    """The middle day of a period (the earlier of two for an even number of days)."""
    return start + dt.timedelta(days=((end - start).days) // 2)


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


# --- ratios ---------------------------------------------------------------------------------

Operand = FigureOrigin | Window


@dataclass(frozen=True)
class Ratio:
    """One way a ratio claim can be reproduced, with its exact value and range."""

    kind: RatioKind
    a: Operand  # earlier (change), part (share) or the stated figure
    b: Operand | None  # later (change), whole (share)
    value: Fraction  # in the claim's unit (x100 for percent); signed for changes
    low: Fraction
    high: Fraction
    low_open: bool
    high_open: bool

    @property
    def formula(self) -> str:
        return self.kind.formula

    @property
    def direction(self) -> Literal["rise", "fall"] | None:
        if self.kind is not RatioKind.change:
            return None
        return "rise" if self.value > 0 else "fall"


def operand_id(operand: Operand) -> str:
    return operand.id if isinstance(operand, Window) else operand.figure.id


def operand_value(operand: Operand) -> Decimal:
    return operand.value if isinstance(operand, Window) else operand.figure.value


def operand_interval(operand: Operand) -> Interval:
    if isinstance(operand, Window):
        return operand.interval
    figure = operand.figure
    return Interval.of(figure.value, figure.qualifier, figure.precision)


def operand_period(operand: Operand, source_period: Period | None) -> Period | None:
    if isinstance(operand, Window):
        return operand.period
    figure = operand.figure
    if figure.period is not None:
        return figure.period
    if figure.as_of is not None:
        return Period(start=figure.as_of, end=figure.as_of)
    return source_period


def operand_bounds(operand: Operand) -> Bounds:
    """operand_interval's (low, high, low_open, high_open), without making an Interval."""
    if isinstance(operand, Window):
        return operand.bounds
    figure = operand.figure
    return qualifiers.bounds(figure.value, figure.qualifier, figure.precision)


def change(a: Operand, b: Operand, scale: int) -> Ratio | None:
    """(b - a) / a with its range; None when a can be zero or negative (no meaningful change)."""
    a_low, a_high, a_low_open, a_high_open = operand_bounds(a)
    b_low, b_high, b_low_open, b_high_open = operand_bounds(b)
    if a_low <= 0:
        return None
    # b / a - 1 rises with b and falls with a (a > 0).
    return Ratio(
        RatioKind.change,
        a,
        b,
        _scaled_quotient(operand_value(b), operand_value(a), scale, less_one=True),
        _scaled_quotient(b_low, a_high, scale, less_one=True),
        _scaled_quotient(b_high, a_low, scale, less_one=True),
        b_low_open or a_high_open,
        b_high_open or a_low_open,
    )


def share(part: Operand, whole: Operand, scale: int) -> Ratio | None:
    p_low, p_high, p_low_open, p_high_open = operand_bounds(part)
    w_low, w_high, w_low_open, w_high_open = operand_bounds(whole)
    if w_low <= 0 or p_low < 0:
        return None
    return Ratio(
        RatioKind.share,
        part,
        whole,
        _scaled_quotient(operand_value(part), operand_value(whole), scale),
        _scaled_quotient(p_low, w_high, scale),
        _scaled_quotient(p_high, w_low, scale),
        p_low_open or w_high_open,
        p_high_open or w_low_open,
    )


def _scaled_quotient(
    top: Decimal, bottom: Decimal, scale: int, *, less_one: bool = False
) -> Fraction:
    """scale x (top / bottom), less one if asked, exactly: from the decimals' integer ratios
    with one reduction (a series' thousands of changes make Fraction arithmetic count)."""
    top_n, top_d = top.as_integer_ratio()
    bottom_n, bottom_d = bottom.as_integer_ratio()
    numerator, denominator = top_n * bottom_d, top_d * bottom_n
    if less_one:
        numerator -= denominator
    return Fraction(numerator * scale, denominator)


def stated(origin: FigureOrigin) -> Ratio:
    interval = operand_interval(origin)
    return Ratio(
        RatioKind.stated,
        origin,
        None,
        Fraction(origin.figure.value),
        Fraction(interval.low),
        Fraction(interval.high),
        interval.low_open,
        interval.high_open,
    )


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


# --- what a number measures -----------------------------------------------------------------


class Days(NamedTuple):
    """A first and a last day."""

    start: dt.date
    end: dt.date


class Span(Protocol):
    """Anything with a first and a last day: a Period, a Window."""

    @property
    def start(self) -> dt.date: ...

    @property
    def end(self) -> dt.date: ...


def covers_match(period: Span | None, covers: Period) -> bool:
    """Both ends within a week of the covered period, or 5% of its length if that is longer."""
    return covering(covers)(period)


def covering(covers: Period) -> Callable[[Span | None], bool]:
    """covers_match for one covered period, its slack worked out once (a long series asks
    it of every window)."""
    slack = max(COVERS_SLACK_DAYS, int(COVERS_SLACK_SHARE * covers.days))
    start, end = covers.start, covers.end

    def matches(period: Span | None) -> bool:
        return (
            period is not None
            and abs((period.start - start).days) <= slack
            and abs((period.end - end).days) <= slack
        )

    return matches


@dataclass(frozen=True)
class Recovery:
    """How much of a rise between two stocks only restores an earlier, higher level."""

    recovered: Decimal
    rise: Decimal
    peak: FigureOrigin


def recovery(
    stocks: Sequence[FigureOrigin], earlier: FigureOrigin, later: FigureOrigin
) -> Recovery | None:
    """The part of a rise from earlier to later that only climbs back to a previous peak."""
    start, end = earlier.figure, later.figure
    if start.as_of is None or end.as_of is None or end.value <= start.value:
        return None
    before = [s for s in stocks if s.figure.as_of is not None and s.figure.as_of < start.as_of]
    if not before:
        return None
    peak = max(before, key=lambda s: (s.figure.value, s.figure.as_of))
    if peak.figure.value <= start.value:
        return None
    recovered = min(end.value, peak.figure.value) - start.value
    return Recovery(recovered=recovered, rise=end.value - start.value, peak=peak)


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
