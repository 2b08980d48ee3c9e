"""Every partial sum of a half of the items, tabulated with numpy, and how to decode a row
back into the options (and so the figures) it is made of."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from factcheck.search.arrays import Bools, Column, Ints
from factcheck.search.items import Item

FLAGS = frozenset({"low_open", "high_open", "plus", "overlap"})  # or-ed, not summed


class Table:
    """Every partial sum of a set of items (at most `cap` terms), and how to decode them.

    Columns that no item needs (interval ends of points, weights when unweighted, ...) are
    derived rather than summed: the table of 40 plain figures is a value and a size.
    """

    def __init__(self, items: Sequence[Item], cap: int | None, full: bool) -> None:
        self.items = list(items)
        self.steps: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]] = []
        # Without a cap the rows are every choice in order, row = sum(option x stride);
        # with one, each step remembers where its rows came from.
        self.capped = cap is not None
        self.widths = [len(item.selections) for item in self.items]
        columns = self._sums(_needed(self.items, full), cap)
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

    def _sums(self, names: list[str], cap: int | None) -> dict[str, Column]:
        """The columns `names`, one row per choice of options (within the cap)."""
        columns: dict[str, Column] = {
            name: np.zeros(1, np.bool_ if name in FLAGS else np.int64) for name in names
        }
        for item in self.items:
            width = len(item.selections)
            before = len(columns["point"])
            if cap is not None:
                parent = np.repeat(np.arange(before, dtype=np.int32), width)
                option = np.tile(np.arange(width, dtype=np.int32), before)
            for name in names:
                mine, theirs = columns[name], getattr(item, name)
                if name in FLAGS:
                    columns[name] = (mine[:, None] | theirs[None, :]).ravel()
                else:
                    columns[name] = (mine[:, None] + theirs[None, :]).ravel()
            if cap is not None:
                keep = columns["size"] <= cap
                if not keep.all():
                    columns = {name: column[keep] for name, column in columns.items()}
                    parent, option = parent[keep], option[keep]
                self.steps.append((parent, option))
        return columns

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
        if not self.capped:
            return self._members_uncapped(rows)
        used: set[int] = set()
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

    def _members_uncapped(self, rows: Bools) -> set[int]:
        # Row = sum(option x stride): the options of item i are one axis of the rows.
        used: set[int] = set()
        before = 1
        after = len(self)
        for item, width in zip(self.items, self.widths, strict=True):
            after //= width
            taken = rows.reshape(before, width, after).any(axis=(0, 2))
            before *= width
            for chosen in np.flatnonzero(taken):
                used.update(k for k, _ in item.selections[int(chosen)])
        return used


def _needed(items: Sequence[Item], full: bool) -> list[str]:
    """The columns some item needs summed; the sorted half needs only values and sizes."""
    names = ["point", "size"]
    if not full:
        return names
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
    return names


class SortedHalf:
    """The second half's partial sums sorted by value, and by size then value."""

    def __init__(self, table: Table) -> None:
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
        """Where the sums of `size` terms lie in the by-size order."""
        if size < 0 or size + 1 >= len(self.starts):
            return 0, 0
        return int(self.starts[size]), int(self.starts[size + 1])


def by_size(rows: npt.NDArray[np.int64], size: Ints) -> dict[int, npt.NDArray[np.int64]]:
    """Rows grouped by size, each group in the order of `rows`."""
    sizes = size[rows].astype(np.int16)
    ordered = rows[np.argsort(sizes, kind="stable")]
    counts = np.bincount(sizes)
    ends = np.cumsum(counts)
    return {s: ordered[ends[s] - counts[s] : ends[s]] for s in range(len(counts)) if counts[s]}
