"""The census: how many candidate combinations there are of each size, and where their
values lie, for the coincidence estimate (factcheck/coincidence.py)."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction

import numpy as np
import numpy.typing as npt

from factcheck.search import limits
from factcheck.search.arrays import Ints
from factcheck.search.halves import split
from factcheck.search.items import items
from factcheck.search.prepare import Prepared
from factcheck.search.tables import SortedHalf, Table, by_size
from factcheck.search.types import ALL, Candidate, MaxTerms


class Census:
    """How many candidate combinations there are of each size, and where their values lie.

    coincidence.py asks it how many combinations of a size land near a value by chance.
    Double counts are not candidates and are not counted. The tables are built on first
    use (the exhaustive search hands over its own); `available` is False when they would
    not fit the meet in the middle's limits.
    """

    def __init__(
        self,
        prepared: Prepared,
        cap: int | None,
        tables: tuple[Table, SortedHalf] | None = None,
        descending: npt.NDArray[np.int64] | None = None,
    ) -> None:
        self.p = prepared
        self.cap = cap
        self._tables = tables
        # The first half's rows by falling value, when the exhaustive search made them:
        # binary searches for rising values are the fast ones (nearest.py uses them).
        self.descending = descending
        self._too_large = False
        self._by_size: dict[int, npt.NDArray[np.int64]] = {}
        self._counts: dict[tuple[int, int, int], int] = {}

    @property
    def unit(self) -> Fraction:
        """The finest step of the values: one unit of their last decimal place."""
        return Fraction(1, self.p.scale.factor)

    @property
    def available(self) -> bool:
        if self._tables is None and not self._too_large:
            try:
                self._tables = self._tabulate()
            except limits.TooLarge:
                self._too_large = True
                return False
        return self._tables is not None

    @property
    def tables(self) -> tuple[Table, SortedHalf]:
        """The two halves (first, sorted second); only when `available`."""
        if not self.available or self._tables is None:
            raise ValueError("the census is not available (too many combinations to tabulate)")
        return self._tables

    def rows_by_size(self) -> dict[int, npt.NDArray[np.int64]]:
        """The first half's candidate rows (no double count), by their number of terms."""
        first_table = self.tables[0]
        if not self._by_size:
            rows = np.flatnonzero(~first_table.overlap).astype(np.int64)
            self._by_size = by_size(rows, first_table.size)
        return self._by_size

    def _tabulate(self) -> tuple[Table, SortedHalf]:
        limits.check_range(self.p)
        found = items(self.p, self.cap)
        first, second = split(found, [it for it in found if it.plain], self.cap)
        table = Table(first, self.cap, full=True)
        return table, SortedHalf(Table(second, self.cap, full=False))

    def _pairs(self, size: int) -> Iterator[tuple[npt.NDArray[np.int64], Ints, Ints]]:
        """Rows of the first half by size, with the second half's block that completes them."""
        if not self.available or self._tables is None:
            raise ValueError("the census is not available (too many combinations to tabulate)")
        first, second = self._tables
        for size_first, rows in self.rows_by_size().items():
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
        lowest = math.ceil(Fraction(low) * self.p.scale.factor)
        highest = math.floor(Fraction(high) * self.p.scale.factor)
        key = (size, lowest, highest)
        if key not in self._counts:
            total = 0
            for _, points, values in self._pairs(size):
                above = np.searchsorted(values, lowest - points, "left")
                below = np.searchsorted(values, highest - points, "right")
                total += int((below - above).sum())
            self._counts[key] = total
        return self._counts[key]


def census(candidates: Sequence[Candidate], *, max_terms: MaxTerms) -> Census | None:
    """The census of the combinations `search` considers; None when too many to tabulate."""
    cap = None if max_terms == ALL else int(max_terms)
    found = Census(Prepared(candidates, None, None), cap)
    return found if found.available else None
