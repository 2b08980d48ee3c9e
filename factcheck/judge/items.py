"""What a sum claim's search combines: figures as themselves, flow series as windows, and,
for a claim whose word is a word of change, the changes between two windows of a series.

A 240-month series has 28,920 windows, so the items are kept as columns (id, value, range,
supported values, and the figure or window each stands for), each window's numbers come
from running sums (O(1) a window), and an `Item` is made only when one is looked at.

Supported values are prorated (rule D): a flow figure, a window's member or a change whose
period lies partly outside the period the claim attributes supports only its share of it
inside, by days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from factcheck.judge.periods import inside_fraction, prorated
from factcheck.judge.readings import Readings
from factcheck.load import FigureOrigin, ancestors
from factcheck.models import Figure, Interval, Period
from factcheck.search import Candidate
from factcheck.series import (
    Days,
    Run,
    Window,
    WindowChange,
    contiguous_runs,
    flow_series,
    operand_period,
    window_changes,
)

# Past this many windows, a long series is not searched whole (docs/search.md, "Long
# series"): only the windows that could reproduce the number alone are kept.
MAX_WINDOWS = 60_000

_NONE: frozenset[str] = frozenset()


class Item(NamedTuple):
    """What the search combines: one figure, or a contiguous window of a flow series."""

    id: str
    origin: FigureOrigin | None  # the figure, for an item that is one
    value: Decimal
    interval: Interval
    supported_low: Decimal  # the value the source's words say the claim's word of (all)
    supported_high: Decimal  # ... counting wordings said of only some members too
    window: Window | None = None
    change: WindowChange | None = None  # a change between two windows of a series

    @property
    def members(self) -> tuple[FigureOrigin, ...]:
        # Made on demand: 28,920 windows of a 240-month series hold 2.3 million members.
        if self.window is not None:
            return self.window.members
        if self.change is not None:
            return self.change.members
        assert self.origin is not None
        return (self.origin,)

    @property
    def figure(self) -> Figure:
        """The figure, for an item that is one (windows have no single figure)."""
        return self.members[0].figure

    @property
    def as_of(self) -> dt.date | None:
        return None if self.window or self.change else self.figure.as_of

    @property
    def series(self) -> str | None:
        if self.change is not None:
            return self.change.series
        return self.window.series if self.window else self.figure.series

    def label(self) -> str:
        """How the item reads in an expression."""
        if self.window is not None:
            return self.window.short_label()
        if self.change is not None:
            return self.change.short_label()
        return self.id


Span = tuple[Run, int, int]  # a window: its run, and its first and last members


@dataclass
class Items:
    """The items as columns, one entry per item: figures first, then windows, run by run."""

    ids: list[str] = field(default_factory=list)
    values: list[Decimal] = field(default_factory=list)
    intervals: list[Interval] = field(default_factory=list)
    supported_low: list[Decimal] = field(default_factory=list)
    supported_high: list[Decimal] = field(default_factory=list)
    origins: list[FigureOrigin | None] = field(default_factory=list)  # for a figure
    spans: list[Span | None] = field(default_factory=list)  # for a window
    changes: dict[int, WindowChange] = field(default_factory=dict)  # for a change, by index

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[Item]:
        return (self[index] for index in range(len(self)))

    def __getitem__(self, index: int) -> Item:
        span = self.spans[index]
        return Item(
            self.ids[index],
            self.origins[index],
            self.values[index],
            self.intervals[index],
            self.supported_low[index],
            self.supported_high[index],
            None if span is None else Window(*span),
            self.changes.get(index),
        )

    def days(self) -> list[Days | None]:
        """Each window's first and last day (None for a figure), without making windows; a
        change between windows, from the middle of one to the middle of the other."""
        found: list[Days | None] = [
            None
            if span is None
            else Days(span[0].spans_of_members[span[1]][0], span[0].spans_of_members[span[2]][1])
            for span in self.spans
        ]
        for index, change in self.changes.items():
            found[index] = Days(change.period.start, change.period.end)
        return found


@dataclass(frozen=True)
class Scope:
    """What the items are read against: the near values (for a long series), the period the
    claim attributes (proration), its sources' periods, and the way the claim's word of
    change goes (None: not a word of change, so no changes between windows)."""

    near: tuple[Decimal, Decimal] | None = None
    claimed: Period | None = None
    source_periods: Mapping[str, Period | None] = field(default_factory=dict)
    direction: str | None = None

    def fraction(self, origin: FigureOrigin) -> Fraction:
        """The share of a flow figure's days inside the claimed period (1 for a stock)."""
        figure = origin.figure
        if figure.as_of is not None or self.claimed is None:
            return Fraction(1)
        period = operand_period(origin, self.source_periods.get(origin.source_id))
        return inside_fraction(period, self.claimed)


def items(
    origins: Iterable[FigureOrigin],
    readings: Readings,
    scope: Scope | None = None,
) -> Items:
    """Figures as themselves, except members of a flow series, which come as windows: all
    of them, or past MAX_WINDOWS those whose value lies in `scope.near` (low, high); and,
    for a word of change, the changes between two windows of a series."""
    scope = scope or Scope()
    near = scope.near
    origins = list(origins)
    series = flow_series(origins)
    in_series = {id(origin) for members in series.values() for origin in members}
    found = Items()
    for origin in origins:
        if id(origin) not in in_series:
            _add_figure(found, origin, readings, scope)
    total = sum(len(m) * (len(m) + 1) // 2 for m in series.values())
    for members in series.values():
        for run in contiguous_runs(members):
            if total <= MAX_WINDOWS or near is None:
                spans: Iterable[tuple[int, int]] = run.spans()
            else:  # too many to search: keep the windows that could reproduce the number alone
                spans = run.spans_between(*near)
            _add_windows(found, run, spans, readings, scope)
    if scope.direction is not None:
        for members in series.values():
            pairs = _pair_count(members)
            changes = window_changes(members, near if pairs > MAX_WINDOWS else None)
            for change in changes:
                _add_change(found, change, scope)
    return found


def _pair_count(members: Sequence[FigureOrigin]) -> int:
    """How many changes between windows a series has (an upper bound, without making them)."""
    n = len(members)
    return sum((n - length + 1) ** 2 for length in range(1, n // 2 + 1)) // 2


def _said(origin: FigureOrigin, readings: Readings, scope: Scope) -> tuple[Decimal, Decimal]:
    """(said of all of it, said of some of it or all): the figure's value, or 0, prorated."""
    support = readings[origin.figure.id].support
    value = prorated(origin.figure.value, scope.fraction(origin))
    return (value if support == "all" else Decimal(0)), (value if support != "none" else Decimal(0))


def _add_figure(found: Items, origin: FigureOrigin, readings: Readings, scope: Scope) -> None:
    figure = origin.figure
    low, high = _said(origin, readings, scope)
    found.ids.append(figure.id)
    found.values.append(figure.value)
    found.intervals.append(Interval.of(figure.value, figure.qualifier, figure.precision))
    found.supported_low.append(low)
    found.supported_high.append(high)
    found.origins.append(origin)
    found.spans.append(None)


def _add_windows(
    found: Items, run: Run, spans: Iterable[tuple[int, int]], readings: Readings, scope: Scope
) -> None:
    """One item per (first, last) window of the run, each from the running sums."""
    said_low, said_high = [Decimal(0)], [Decimal(0)]
    for origin in run.members:
        low, high = _said(origin, readings, scope)
        said_low.append(said_low[-1] + low)
        said_high.append(said_high[-1] + high)
    # Where the source says the word of every member, and each lies inside the claimed
    # period, the supported sums are the values.
    supports = [readings[origin.figure.id].support for origin in run.members]
    inside = all(scope.fraction(origin) == 1 for origin in run.members)
    all_said = inside and all(support == "all" for support in supports)
    some_said = inside and all(support != "none" for support in supports)
    sums, series = run.sums, run.series
    ids = [origin.figure.id for origin in run.members]
    values = sums.values
    for first, last in spans:
        end = last + 1
        value = values[end] - values[first]
        a, b = ids[first], ids[last]
        found.ids.append(f"{series}[{a}]" if a == b else f"{series}[{a}..{b}]")  # as Window.id
        found.values.append(value)
        # An exact run's window ranges over its value alone (the same object: the search
        # then scales it once).
        if sums.exact:
            found.intervals.append(Interval(low=value, high=value))
        else:
            found.intervals.append(Window(run, first, last).interval)
        found.supported_low.append(value if all_said else said_low[end] - said_low[first])
        found.supported_high.append(value if some_said else said_high[end] - said_high[first])
        found.origins.append(None)
        found.spans.append((run, first, last))


def _add_change(found: Items, change: WindowChange, scope: Scope) -> None:
    """A change between two windows supports the claim's word of change in full (its share
    of days inside the claimed period) when it goes that way, and nothing otherwise."""
    value = change.value
    supported = Decimal(0)
    if change.direction == scope.direction:
        supported = prorated(value, inside_fraction(change.span, scope.claimed))
    found.changes[len(found.ids)] = change
    found.ids.append(change.id)
    found.values.append(value)
    found.intervals.append(change.interval)
    found.supported_low.append(supported)
    found.supported_high.append(supported)
    found.origins.append(None)
    found.spans.append(None)


def item_ancestors(items: Items, by_id: Mapping[str, Figure]) -> list[frozenset[str]]:
    """What each item is part of: a window is part of what all its members are part of, and
    a part of one member is part of every window holding that member (double counting)."""
    if not any(figure.part_of for figure in by_id.values()):
        return [_NONE] * len(items.ids)  # most sources: nothing is part of anything
    runs = {id(span[0]): span[0] for span in items.spans if span is not None}
    figures = [origin for origin in items.origins if origin is not None]
    member_wholes = {
        origin.figure.id: ancestors(by_id, origin.figure.id)
        for origin in figures + [o for run in runs.values() for o in run.members]
    }
    wanted = {whole for origin in figures for whole in member_wholes[origin.figure.id]}
    related_runs = {
        key
        for key, run in runs.items()
        if any(member_wholes[o.figure.id] or o.figure.id in wanted for o in run.members)
    }
    holding: dict[str, list[str]] = {}  # member id -> windows that hold it, when needed
    found: list[frozenset[str]] = []
    for item_id, span in zip(items.ids, items.spans, strict=True):
        if span is None or id(span[0]) not in related_runs:
            # A figure's is found below, once every window holding a member is known; in
            # an unrelated run (the common case) nothing is part of anything.
            found.append(_NONE)
            continue
        run, first, last = span
        members = run.members[first : last + 1]
        for origin in members:
            if origin.figure.id in wanted:
                holding.setdefault(origin.figure.id, []).append(item_id)
        sets = [member_wholes[o.figure.id] for o in members]
        found.append(frozenset(set.intersection(*sets)) if sets else _NONE)
    for k, own_origin in enumerate(items.origins):
        if own_origin is not None:
            own = member_wholes[own_origin.figure.id]
            found[k] = frozenset(own).union(*(holding.get(a, ()) for a in own))
    return found


def candidates(items: Items, wholes: list[frozenset[str]]) -> list[Candidate]:
    """The items as the search sees them: stocks carry their series and date, the windows
    of one series and the changes between them form a group (at most one of them in a
    combination)."""
    found = []
    for k, (origin, span) in enumerate(zip(items.origins, items.spans, strict=True)):
        change = items.changes.get(k)
        if span is not None or change is not None:
            group: str | None = span[0].series if span is not None else change.series  # type: ignore[union-attr]
            as_of, series = None, None
        else:
            assert origin is not None
            figure = origin.figure
            group, as_of = None, figure.as_of
            series = figure.series if as_of is not None else None
        found.append(
            Candidate(
                id=items.ids[k],
                interval=items.intervals[k],
                point=items.values[k],
                ancestors=wholes[k],
                series=series,
                as_of=as_of,
                group=group,
            )
        )
    return found
