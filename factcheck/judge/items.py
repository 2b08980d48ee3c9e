"""What a sum claim's search combines: figures as themselves, flow series as windows.

A 240-month series has 28,920 windows, so the items are kept as columns (id, value, range,
supported values, and the figure or window each stands for), each window's numbers come
from running sums (O(1) a window), and an `Item` is made only when one is looked at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from factcheck.judge.readings import Readings
from factcheck.load import FigureOrigin, ancestors
from factcheck.models import Figure, Interval
from factcheck.search import Candidate
from factcheck.series import Days, Run, Window, contiguous_runs, flow_series

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

    @property
    def members(self) -> tuple[FigureOrigin, ...]:
        # Made on demand: 28,920 windows of a 240-month series hold 2.3 million members.
        if self.window is not None:
            return self.window.members
        assert self.origin is not None
        return (self.origin,)

    @property
    def figure(self) -> Figure:
        """The figure, for an item that is one (windows have no single figure)."""
        return self.members[0].figure

    @property
    def as_of(self) -> dt.date | None:
        return None if self.window else self.figure.as_of

    @property
    def series(self) -> str | None:
        return self.window.series if self.window else self.figure.series


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
        )

    def days(self) -> list[Days | None]:
        """Each window's first and last day (None for a figure), without making windows."""
        return [
            None
            if span is None
            else Days(span[0].spans_of_members[span[1]][0], span[0].spans_of_members[span[2]][1])
            for span in self.spans
        ]


def items(
    origins: Iterable[FigureOrigin],
    readings: Readings,
    near: tuple[Decimal, Decimal] | None = None,
) -> Items:
    """Figures as themselves, except members of a flow series, which come as windows: all
    of them, or past MAX_WINDOWS those whose value lies in `near` (low, high)."""
    origins = list(origins)
    series = flow_series(origins)
    in_series = {id(origin) for members in series.values() for origin in members}
    found = Items()
    for origin in origins:
        if id(origin) not in in_series:
            _add_figure(found, origin, readings)
    total = sum(len(m) * (len(m) + 1) // 2 for m in series.values())
    for members in series.values():
        for run in contiguous_runs(members):
            if total <= MAX_WINDOWS or near is None:
                spans: Iterable[tuple[int, int]] = run.spans()
            else:  # too many to search: keep the windows that could reproduce the number alone
                spans = run.spans_between(*near)
            _add_windows(found, run, spans, readings)
    return found


def _said(origin: FigureOrigin, readings: Readings) -> tuple[Decimal, Decimal]:
    """(said of all of it, said of some of it or all): the figure's value, or 0."""
    support = readings[origin.figure.id].support
    value = origin.figure.value
    return (value if support == "all" else Decimal(0)), (value if support != "none" else Decimal(0))


def _add_figure(found: Items, origin: FigureOrigin, readings: Readings) -> None:
    figure = origin.figure
    low, high = _said(origin, readings)
    found.ids.append(figure.id)
    found.values.append(figure.value)
    found.intervals.append(Interval.of(figure.value, figure.qualifier, figure.precision))
    found.supported_low.append(low)
    found.supported_high.append(high)
    found.origins.append(origin)
    found.spans.append(None)


def _add_windows(
    found: Items, run: Run, spans: Iterable[tuple[int, int]], readings: Readings
) -> None:
    """One item per (first, last) window of the run, each from the running sums."""
    said_low, said_high = [Decimal(0)], [Decimal(0)]
    for origin in run.members:
        low, high = _said(origin, readings)
        said_low.append(said_low[-1] + low)
        said_high.append(said_high[-1] + high)
    # Where the source says the word of every member, the supported sums are the values.
    supports = [readings[origin.figure.id].support for origin in run.members]
    all_said = all(support == "all" for support in supports)
    some_said = all(support != "none" for support in supports)
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


def item_ancestors(items: Items, by_id: Mapping[str, Figure]) -> list[frozenset[str]]:
    """What each item is part of: a window is part of what all its members are part of, and
    a part of one member is part of every window holding that member (double counting)."""
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
    of one series form a group (at most one of them in a combination)."""
    found = []
    for k, (origin, span) in enumerate(zip(items.origins, items.spans, strict=True)):
        if span is not None:
            group: str | None = span[0].series
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
