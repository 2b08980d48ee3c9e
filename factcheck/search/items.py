"""The meet in the middle's items: the candidates cut where no rule reaches across.

The rules only ever relate figures of one item: a figure related to nothing, a group of
such figures, or everything that part_of, a series' stocks or a group tie together. Each
item has a list of options (the ways it can take part, option 0 being none), each obeying
the rules within the item, so any choice of one option per item is a candidate as long as
something is added.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from factcheck.search import limits
from factcheck.search.arrays import Bools, Column, Ints
from factcheck.search.halves import times
from factcheck.search.prepare import Prepared
from factcheck.search.ranking import selection_of
from factcheck.search.types import Selection

Kind = tuple[int, int]  # (a, b): an item's options weigh (a x value, b x value)


@dataclass
class Item:
    """One choice of the meet in the middle: exactly one of its options (option 0: none).

    Columns hold each option's value, interval, weights, size (terms), whether it adds
    something and whether it double counts.
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
    # The kind of a plain item of points whose options weigh (a, b) x their value (the
    # sorted half holds items of one kind); None for any other item.
    kind: Kind | None
    any_kind: bool = False  # every option is zero, weights too: it fits any kind


class Singles(Sequence[Selection]):
    """The options of a plain item, made on demand: none, or one member added."""

    def __init__(self, members: Sequence[int]) -> None:
        self.members = members

    def __len__(self) -> int:
        return len(self.members) + 1

    def __getitem__(self, index: int) -> Selection:  # type: ignore[override]
        return ((self.members[index - 1], 1),) if index else ()


def items(p: Prepared, cap: int | None) -> list[Item]:
    """The candidates as items: connected by part_of, a series' stocks or a group."""
    if p.rules.relations > limits.RELATION_LIMIT:
        raise limits.TooLarge
    parts = components(p)
    # Each item has at least nothing and each member alone among its options: when even
    # that many partial sums cannot be split into two halves that fit, stop before building.
    fewest = np.ones(1)
    for members in parts:
        fewest = times(fewest, np.asarray([1.0, len(members)]), cap)
        if fewest.sum() > float(limits.HALF_LIMIT) ** 2:
            raise limits.TooLarge
    found = []
    for members in parts:
        if p.rules.all_plain(members):
            found.append(_plain_item(p, members))
        elif len(members) > limits.COMPONENT_LIMIT:
            raise limits.TooLarge  # its options would outgrow OPTION_LIMIT long before
        else:
            found.append(_related_item(p, _options(p, members)))
    return found


def components(p: Prepared) -> list[list[int]]:
    """The candidates that part_of, a series' stocks or a group tie together, in order.

    A group or a series whose members are tied to nothing else is a component as it is
    (the windows of a long series: tens of thousands of them); a candidate tied to nothing
    is one alone. Only what remains is joined, one tie at a time (union-find).
    """
    rules = p.rules
    related = set(itertools.compress(range(p.n), rules.related))
    series, groups = list(rules.series_members.values()), list(rules.group_members.values())
    in_series = set(itertools.chain.from_iterable(series))
    in_groups = set(itertools.chain.from_iterable(groups))
    found: list[list[int]] = []
    tangled: list[list[int]] = []
    for members, others in [*((m, in_groups) for m in series), *((m, in_series) for m in groups)]:
        alone = related.isdisjoint(members) and others.isdisjoint(members)
        (found if alone else tangled).append(members)
    found += _joined(p, related, tangled)
    tied = related | in_series | in_groups
    found += [[k] for k in itertools.filterfalse(tied.__contains__, range(p.n))]
    return sorted(found)


def _joined(p: Prepared, related: set[int], tangled: list[list[int]]) -> list[list[int]]:
    """The components of the related candidates and of the sets that share members."""
    rules = p.rules
    parent = {k: k for k in itertools.chain(related, *tangled)}

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(members: Sequence[int]) -> None:
        for a, b in itertools.pairwise(members):
            parent[root(a)] = root(b)

    for k in sorted(related):
        if rules.has_whole[k]:
            join([k, *rules.ancestors(k)])
    for members in tangled:
        join(members)
    components: dict[int, list[int]] = {}
    for k in sorted(parent):
        components.setdefault(root(k), []).append(k)
    return list(components.values())


def _plain_item(p: Prepared, members: Sequence[int]) -> Item:
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
    kind = _kind(point, wl, wh) if point_only else None
    size = np.ones(len(members) + 1, np.int64)
    size[0] = 0
    return Item(
        selections=Singles(members),
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
        kind=kind,
        any_kind=point_only and not (point.any() or wl.any() or wh.any()),
    )


def _kind(point: Column, wl: Column, wh: Column) -> Kind | None:
    """(a, b), whole numbers, when every option weighs (a, b) x its value; else None."""
    nonzero = np.flatnonzero(point)
    if not len(nonzero):
        return (0, 0) if not (wl.any() or wh.any()) else None
    first = int(nonzero[0])
    value, low, high = int(point[first]), int(wl[first]), int(wh[first])
    if low % value or high % value:
        return None
    a, b = low // value, high // value
    return (a, b) if np.array_equal(wl, a * point) and np.array_equal(wh, b * point) else None


def _options(p: Prepared, members: Sequence[int]) -> list[Selection]:
    """Every signed subset of related figures that obeys the rules within them."""
    rules = p.rules
    found: list[Selection] = []
    plus: list[int] = []
    minus: list[int] = []
    steps = 0

    def walk(i: int) -> None:
        nonlocal steps
        steps += 1
        if len(found) > limits.OPTION_LIMIT or steps > 8 * limits.OPTION_LIMIT:
            raise limits.TooLarge
        if i == len(members):
            if all(rules.justified(k, plus) for k in minus):
                found.append(selection_of(plus, minus))
            return
        walk(i + 1)
        k = members[i]
        group, series = rules.group[k], rules.stock[k]
        if group is not None and any(rules.group[q] == group for q in (*plus, *minus)):
            return
        if (series is None or all(rules.stock[q] != series for q in plus)) and not (
            rules.part_of_subtracted(k, minus)
        ):
            plus.append(k)
            walk(i + 1)
            plus.pop()
        if (
            rules.negatable[k]
            and not any(rules.nested(q, k) for q in minus)
            and (series is None or all(rules.stock[q] != series for q in minus))
            and not rules.whole_of_added(k, plus)
        ):
            minus.append(k)
            walk(i + 1)
            minus.pop()

    walk(0)
    return found


def _related_item(p: Prepared, selections: list[Selection]) -> Item:
    """An item of related figures, whose options are `selections`."""
    rows = [_option_row(p, selection) for selection in selections]
    columns = list(zip(*rows, strict=True))
    ints = [np.asarray(columns[c], np.int64) for c in (0, 1, 2, 5, 6, 7)]
    bools = [np.asarray(columns[c], np.bool_) for c in (3, 4, 8, 9)]
    return Item(
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
        kind=None,
    )


def _option_row(p: Prepared, selection: Selection) -> tuple[int | bool, ...]:
    """One option's columns: point, low, high, low_open, high_open, wl, wh, size, adds
    something, double counts."""
    plus = [k for k, sign in selection if sign > 0]
    minus = [k for k, sign in selection if sign < 0]
    wl, wh = p.buckets.weigh(plus, minus)
    return (
        sum(p.points[k] for k in plus) - sum(p.points[k] for k in minus),
        sum(p.lows[k] for k in plus) - sum(p.highs[k] for k in minus),
        sum(p.highs[k] for k in plus) - sum(p.lows[k] for k in minus),
        any(p.low_open[k] for k in plus) or any(p.high_open[k] for k in minus),
        any(p.high_open[k] for k in plus) or any(p.low_open[k] for k in minus),
        wl,
        wh,
        len(selection),
        bool(plus),
        any(p.rules.part_of(b, a) for a in plus for b in plus),
    )
