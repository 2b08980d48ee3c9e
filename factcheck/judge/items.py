"""What a sum claim's search combines: figures as themselves, flow series as windows.

A 240-month series has 28,920 windows, so everything here is made for speed: each window's
value, range and supported values come from running sums (O(1) a window), items are
NamedTuples, and a window's members are made only when asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import NamedTuple

from factcheck.judge.readings import Readings
from factcheck.load import FigureOrigin, ancestors
from factcheck.models import Figure, Interval
from factcheck.search import Candidate
from factcheck.series import Run, Window, contiguous_runs, flow_series

# Past this many windows, a long series is not searched whole (docs/search.md, "Long
# series"): only the windows that could reproduce the number alone are kept.
MAX_WINDOWS = 60_000

_NONE: frozenset[str] = frozenset()


class Item(NamedTuple):
    """What the search combines: one figure, or a contiguous window of a flow series.

    A NamedTuple rather than a frozen dataclass: a long series makes tens of thousands."""

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


def items(
    origins: Sequence[FigureOrigin],
    readings: Readings,
    near: tuple[Decimal, Decimal] | None = None,
) -> list[Item]:
    """Figures as themselves, except members of a flow series, which come as windows: all
    of them, or past MAX_WINDOWS those whose value lies in `near` (low, high)."""
    series = flow_series(origins)
    in_series = {id(origin) for members in series.values() for origin in members}
    found = [_figure_item(o, readings) for o in origins if id(o) not in in_series]
    total = sum(len(m) * (len(m) + 1) // 2 for m in series.values())
    for members in series.values():
        for run in contiguous_runs(members):
            if total <= MAX_WINDOWS or near is None:
                spans: Iterable[tuple[int, int]] = run.spans()
            else:  # too many to search: keep the windows that could reproduce the number alone
                spans = run.spans_between(*near)
            found.extend(_window_items(run, spans, readings))
    return found


def _said(origin: FigureOrigin, readings: Readings) -> tuple[Decimal, Decimal]:
    """(said of all of it, said of some of it or all): the figure's value, or 0."""
    support = readings[origin.figure.id].support
    value = origin.figure.value
    return (value if support == "all" else Decimal(0)), (value if support != "none" else Decimal(0))


def _figure_item(origin: FigureOrigin, readings: Readings) -> Item:
    figure = origin.figure
    low, high = _said(origin, readings)
    return Item(
        id=figure.id,
        origin=origin,
        value=figure.value,
        interval=Interval.of(figure.value, figure.qualifier, figure.precision),
        supported_low=low,
        supported_high=high,
    )


def _window_items(run: Run, spans: Iterable[tuple[int, int]], readings: Readings) -> Iterator[Item]:
    """One item per (first, last) window of the run, each from the running sums."""
    said_low, said_high = [Decimal(0)], [Decimal(0)]
    for origin in run.members:
        low, high = _said(origin, readings)
        said_low.append(said_low[-1] + low)
        said_high.append(said_high[-1] + high)
    sums, series = run.sums, run.series
    ids = [origin.figure.id for origin in run.members]
    values = sums.values
    # Where the source says the word of every member, the supported sums are the values.
    supports = [readings[origin.figure.id].support for origin in run.members]
    all_said = all(support == "all" for support in supports)
    some_said = all(support != "none" for support in supports)
    for first, last in spans:
        end = last + 1
        window = Window(run, first, last)
        value = values[end] - values[first]
        # An exact run's window ranges over its value alone (the same object: the search
        # then scales it once).
        interval = Interval(low=value, high=value) if sums.exact else window.interval
        a, b = ids[first], ids[last]
        yield Item(
            f"{series}[{a}]" if a == b else f"{series}[{a}..{b}]",  # as Window.id, inlined
            None,
            value,
            interval,
            value if all_said else said_low[end] - said_low[first],
            value if some_said else said_high[end] - said_high[first],
            window,
        )


def item_ancestors(items: Sequence[Item], by_id: Mapping[str, Figure]) -> list[frozenset[str]]:
    """What each item is part of: a window is part of what all its members are part of, and
    a part of one member is part of every window holding that member (double counting)."""
    runs = {id(item.window.run): item.window.run for item in items if item.window is not None}
    member_wholes = {
        origin.figure.id: ancestors(by_id, origin.figure.id)
        for origin in [i.origin for i in items if i.origin is not None]
        + [o for run in runs.values() for o in run.members]
    }
    wanted = {a for item in items if not item.window for a in member_wholes[item.id]}
    related_runs = {
        key
        for key, run in runs.items()
        if any(member_wholes[o.figure.id] or o.figure.id in wanted for o in run.members)
    }
    holding: dict[str, list[str]] = {}  # member id -> windows that hold it, when needed
    found: list[frozenset[str]] = []
    for item in items:
        if item.window is None:
            found.append(_NONE)  # below, once every window holding a member is known
        elif id(item.window.run) not in related_runs:
            found.append(_NONE)  # the common case: nothing is part of anything here
        else:
            for origin in item.members:
                if origin.figure.id in wanted:
                    holding.setdefault(origin.figure.id, []).append(item.id)
            sets = [member_wholes[o.figure.id] for o in item.members]
            found.append(frozenset(set.intersection(*sets)) if sets else _NONE)
    for k, item in enumerate(items):
        if item.window is None:
            own = member_wholes[item.id]
            found[k] = frozenset(own).union(*(holding.get(a, ()) for a in own))
    return found


def candidates(items: Sequence[Item], wholes: Sequence[frozenset[str]]) -> list[Candidate]:
    """The items as the search sees them: stocks carry their series and date, the windows
    of one series form a group (at most one of them in a combination)."""
    found = []
    for item, ancestors_ in zip(items, wholes, strict=True):
        if item.window is not None:
            group: str | None = item.window.run.series
            as_of, series = None, None
        else:
            figure = item.figure
            group, as_of = None, figure.as_of
            series = figure.series if as_of is not None else None
        found.append(
            Candidate(
                id=item.id,
                interval=item.interval,
                point=item.value,
                ancestors=ancestors_,
                series=series,
                as_of=as_of,
                group=group,
            )
        )
    return found
