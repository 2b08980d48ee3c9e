"""The exhaustive search's best-ranked matches per bucket, built without listing the rest.

Ranking is by size first, so the best matches are found size by size: for size s, each row
of the first half is paired with the second half's sums of s minus its size. A bucket with
more matches of that size than it still needs takes the exact ones first, then the
approximate, then the rounded, each the nearest first, found by a binary search over the
distance, ties by selection.
"""

from __future__ import annotations

import heapq

import numpy as np
import numpy.typing as npt

from factcheck.search.arrays import Bools
from factcheck.search.prepare import Prepared
from factcheck.search.segments import Completions, Keys, Rows, Segments, chunks
from factcheck.search.tables import SortedHalf, Table, by_size
from factcheck.search.types import Found, Selection

Pair = tuple[bool, Selection, int, int]  # double counts, selection, value, match level


class Best:
    """Builds the best-ranked matches of the first half's rows against the sorted second."""

    def __init__(
        self, p: Prepared, first: Table, second: SortedHalf, completions: Completions, keys: Keys
    ) -> None:
        self.p = p
        self.a = first
        self.b = second
        self.completions = completions
        self.keys = keys

    def best(
        self, order: Rows, live: dict[int, Bools], needs: dict[int, int]
    ) -> dict[int, list[Found]]:
        """The best-ranked `needs[key]` matches of each key, fewest terms first: size by size,
        listing a size only as far as the ranking needs it, and only from the rows that
        have matches of a key still wanting some."""
        a, b = self.a, self.b
        kept: dict[int, list[Found]] = {key: [] for key in needs}
        largest = int(a.size.max(initial=0)) + len(b.starts) - 2
        wanting: set[int] = set()
        grouped: dict[int, Rows] = {}
        for size in range(1, largest + 1):
            wanted = {key: n - len(kept[key]) for key, n in needs.items() if n > len(kept[key])}
            if not wanted:
                break
            if set(wanted) != wanting:
                wanting = set(wanted)
                rows = np.zeros(len(a), np.bool_)
                for key in wanting:
                    rows |= live[key]
                grouped = by_size(order[rows[order]], a.size)
            segments = self._of_size(size, grouped)
            keys = self.keys.of(segments)
            for key, n in wanted.items():
                kept[key] += self._closest(segments.where(keys == key), n)
        return kept

    def _of_size(self, size: int, grouped: dict[int, Rows]) -> Segments:
        """Every match of `size` terms from the rows `grouped` by their own size."""
        a, b = self.a, self.b
        parts = []
        for first, mine in grouped.items():
            low, high = b.block(size - first)
            if high == low:
                continue
            if size == first:
                mine = mine[a.plus[mine]]
            for chunk in chunks(mine):
                parts.append(self.completions.segments(chunk, b.sized_values[low:high], low))
        return Segments.join(parts)

    def _closest(self, segments: Segments, n: int) -> list[Found]:
        """The best-ranked n of the matches in segments (all of one size): level by level
        (exact, approximate, rounded), the nearest first within a level."""
        if segments.count <= n:
            return sorted(self._found(segments))
        kept: list[Found] = []
        for level in np.unique(segments.level).tolist():
            mine = segments.where(segments.level == level)
            if mine.count >= n - len(kept):
                return kept + self._nearest(mine, n - len(kept))
            kept += sorted(self._found(mine))
        return kept

    def _nearest(self, segments: Segments, n: int) -> list[Found]:
        """The n best of equally exact matches: the nearest, ties by selection."""
        tp = self.p.target.tp
        pa = self.a.point[segments.row]
        values = self.b.sized_values
        ends = np.concatenate([values[segments.lo] + pa, values[segments.hi - 1] + pa])
        low, high = 0, int(np.abs(ends - tp).max())
        while low < high:
            middle = (low + high) // 2
            if self._within(segments, middle).count >= n:
                high = middle
            else:
                low = middle + 1
        # Fewer than n lie nearer than `low`: take them all, and break the ties at `low` by
        # selection, building only the winners (data with many equal values ties a lot).
        closer = self._within(segments, low - 1).count if low else 0
        ties = pairs(self.a, self.b, self._within(segments, low))
        chosen = heapq.nsmallest(n, ties, key=lambda pair: (abs(pair[2] - tp), pair[1]))
        assert len(chosen) == n and closer <= n
        return [self.p.found(selection, point, level) for _, selection, point, level in chosen]

    def _within(self, segments: Segments, radius: int) -> Segments:
        """Segments narrowed to the values within `radius` of the claim."""
        b, tp = self.b, self.p.target.tp
        pa = self.a.point[segments.row]
        lo = segments.lo.copy()
        hi = segments.hi.copy()
        for size in range(len(b.starts) - 1):
            start, stop = b.block(size)
            inside = (segments.lo >= start) & (segments.lo < stop)
            if not inside.any():
                continue
            block = b.sized_values[start:stop]
            lo[inside] = np.searchsorted(block, tp - radius - pa[inside], "left") + start
            hi[inside] = np.searchsorted(block, tp + radius - pa[inside], "right") + start
        lo = np.clip(lo, segments.lo, segments.hi)
        hi = np.maximum(np.clip(hi, segments.lo, segments.hi), lo)
        return Segments(segments.row, lo, hi, hi - lo, segments.level, segments.code)

    def _found(self, segments: Segments) -> list[Found]:
        """Every match in segments (positions in the by-size order), built."""
        return [self.p.found(selection, point, level) for _, selection, point, level in
                pairs(self.a, self.b, segments)]  # fmt: skip


def pairs(a: Table, b: SortedHalf, segments: Segments, order: Rows | None = None) -> list[Pair]:
    """(double counts, selection, value, match level) of every match in segments, whose positions
    are in `order` (by default the by-size order), decoded together."""
    lengths = segments.hi - segments.lo
    rows = np.repeat(segments.row, lengths)
    starts = np.repeat(segments.lo - np.cumsum(lengths) + lengths, lengths)
    positions = starts + np.arange(int(lengths.sum()), dtype=np.int64)
    seconds = (b.by_size if order is None else order)[positions].astype(np.int64)
    # The empty second half completes nothing on its own.
    keep = a.plus[rows] | (b.table.size[seconds] > 0)
    rows, seconds = rows[keep], seconds[keep]
    points = a.point[rows] + b.table.point[seconds]
    terms = [table_terms(table, picked) for table, picked in ((a, rows), (b.table, seconds))]
    return [
        (bool(overlap), tuple(sorted(first + second)), int(point), int(level))
        for first, second, point, level, overlap in zip(
            *terms,
            points.tolist(),
            np.repeat(segments.level, lengths)[keep].tolist(),
            a.overlap[rows].tolist(),
            strict=True,
        )
    ]


def table_terms(table: Table, rows: npt.NDArray[np.int64]) -> list[tuple[tuple[int, int], ...]]:
    """The (candidate, sign) terms of each of the rows, decoded together."""
    if not table.items:
        return [() for _ in range(len(rows))]
    options = [option.tolist() for option in table.decode(rows)]
    choices = [item.selections for item in table.items]
    return [
        tuple(term for chosen, picks in zip(row, choices, strict=True) for term in picks[chosen])
        for row in zip(*options, strict=True)
    ]
