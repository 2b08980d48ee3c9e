"""Where the completions of first-half rows land among the sorted second-half sums.

For each row of the first half, the second-half values that reproduce the claim are a
range: meeting the claim's interval (exact), within the tolerance of it (approximate), or
rounding to the claim (rounded), each exact integers per row, open ends included. Two binary
searches count a range. With weights, a range is cut where the bucket's cell of (value, low,
high) changes, so that each piece is counted for its bucket without listing its matches.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from factcheck.search.arrays import Bools, Ints
from factcheck.search.prepare import Prepared
from factcheck.search.tables import Table

CHUNK = 1 << 17  # first-half rows per vectorised step: bounds the temporary arrays
OVERLAP = -1  # the key of double-counting matches among the bucket indices

Rows = npt.NDArray[np.int64]
Where = npt.NDArray[np.int64] | slice


def chunks(rows: Rows) -> Iterator[Rows]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


@dataclass
class Segments:
    """Ranges [lo, hi) of sorted second-half sums that complete a first-half row alike."""

    row: Rows
    lo: Rows
    hi: Rows
    n: Rows  # matches in the range: hi - lo, less the empty second half
    level: Rows  # how they match: MATCH_LEVEL (0 exact, 1 approximate, 2 rounded)
    code: Rows  # the cells of (value, low, high), as one number

    @property
    def count(self) -> int:
        return int(self.n.sum())

    def where(self, keep: Bools) -> Segments:
        return Segments(
            self.row[keep], self.lo[keep], self.hi[keep], self.n[keep], self.level[keep],
            self.code[keep],
        )  # fmt: skip

    @staticmethod
    def join(parts: Sequence[Segments]) -> Segments:
        if not parts:
            empty = np.zeros(0, np.int64)
            return Segments(empty, empty, empty, empty, empty, empty)
        return Segments(
            *(np.concatenate([getattr(s, name) for s in parts])
              for name in ("row", "lo", "hi", "n", "level", "code"))
        )  # fmt: skip


@dataclass
class _Windows:
    """Per row, the second-half values that complete it: exactly [elo, ehi), approximately
    [alo, ahi), rounded [rlo, rhi) (when the target rounds), any of them [start, stop)."""

    elo: Ints
    ehi: Ints
    alo: Ints
    ahi: Ints
    rounded: tuple[Ints, Ints] | None
    start: Ints
    stop: Ints

    def levels(self) -> list[tuple[Ints, Ints]]:
        """The windows in MATCH_LEVEL order."""
        found = [(self.elo, self.ehi), (self.alo, self.ahi)]
        return found + ([self.rounded] if self.rounded is not None else [])

    def edges(self, kinds: bool) -> list[Ints]:
        """Where a range may begin or end. Where the windows make one range and the kind of
        match does not matter, their union is one range: fewer binary searches. (Each window
        holds the exact one, so the union is one range when each other meets it.)"""
        if not kinds:
            apart = np.zeros(len(self.start), np.bool_)
            for low, high in self.levels()[1:]:
                apart |= (np.maximum(low, self.elo) > np.minimum(high, self.ehi)) & (low < high)
            if not apart.any():
                return [self.start, self.stop]
        return [self.start, self.stop, *(edge for window in self.levels() for edge in window)]


@dataclass
class _Query:
    """One call's rows, the sorted values they are completed from, and what each row's
    completions are."""

    rows: Rows
    values: Ints
    offset: int  # where `values` begin among the second half's positions
    skip_empty: bool
    windows: _Windows
    coordinates: list[tuple[Ints, int]]


class Completions:
    """Ranges of completions for rows of the first half (`first`); `kind` is how the second
    half's weights follow its values (items.KINDS)."""

    def __init__(self, p: Prepared, first: Table, kind: tuple[int, int]) -> None:
        self.p = p
        self.a = first
        self.kind = kind
        self.width = 2 * len(p.buckets.breakpoints) + 1  # cells per coordinate

    def segments(
        self,
        rows: Rows,
        values: Ints,
        offset: int,
        *,
        skip_empty: bool = False,
        radius: int | None = None,
        kinds: bool = True,
    ) -> Segments:
        """For each row, the ranges of `values` (sorted; positions shifted by `offset`) whose
        sums reproduce the target, cut where the kind of match or a bucket cell changes."""
        windows = self._windows(rows, radius)
        columns = windows.edges(kinds or radius is not None)
        coordinates = self.coordinates(rows)
        query = _Query(rows, values, offset, skip_empty, windows, coordinates)
        splits = self._splits(coordinates)
        # Bucket cells rarely change inside a row's narrow window: only the rows where one
        # does are cut there.
        cut = np.zeros(len(rows), np.bool_)
        for split in splits:
            cut |= (split > windows.start) & (split < windows.stop)
        parts = []
        for chosen, edges in ((~cut, []), (cut, splits)):
            if not chosen.any():
                continue
            where: Where = np.flatnonzero(chosen) if cut.any() else slice(None)
            parts.append(self._ranges(query, where, [*columns, *edges], split=bool(edges)))
        return Segments.join(parts)

    def _windows(self, rows: Rows, radius: int | None) -> _Windows:
        target, a = self.p.target, self.a
        pa = a.point[rows]
        # Exact: the combination's interval meets the target's, open ends included.
        elo = target.tl - a.high[rows] + (a.high_open[rows] | target.tl_open)
        ehi = target.th - a.low[rows] - (a.low_open[rows] | target.th_open) + 1
        # Approximate: the gap between the two intervals is at most the tolerance.
        alo = target.tl - target.ftol - a.high[rows]
        ahi = target.th + target.ftol - a.low[rows] + 1
        start, stop = np.minimum(alo, elo), np.maximum(ahi, ehi)
        rounded = None
        if target.rounded is not None:  # the combination's value rounds to the target
            rounded = (target.rounded[0] - pa, target.rounded[1] - pa + 1)
            start, stop = np.minimum(start, rounded[0]), np.maximum(stop, rounded[1])
        if radius is not None:
            start = np.maximum(start, target.tp - radius - pa)
            stop = np.maximum(start, np.minimum(stop, target.tp + radius + 1 - pa))
        return _Windows(elo, ehi, alo, ahi, rounded, start, stop)

    def _splits(self, coordinates: list[tuple[Ints, int]]) -> list[Ints]:
        """Per row, the second-half values where a coordinate crosses a breakpoint. A
        coordinate base + factor x reaches an edge e at x = (e - base) / factor: cutting at
        its ceiling and the next value covers a factor of either sign, and an edge that
        falls between two values."""
        buckets = self.p.buckets
        found = []
        for base, factor in coordinates:
            if not factor:
                continue
            for up, at in zip(buckets.ups, buckets.ats, strict=True):
                for edge in (up,) if at is None else (up, at):
                    if factor == 1:
                        found.append(edge - base)
                        continue
                    first = -((base - edge) // factor)  # ceil((edge - base) / factor)
                    found += [first, first + 1]
        return found

    def _ranges(self, query: _Query, where: Where, columns: list[Ints], split: bool) -> Segments:
        """The ranges between consecutive edges (`columns`) of the rows `where`."""
        w = query.windows
        bounds = np.stack([c[where] for c in columns], axis=1)
        np.clip(bounds, w.start[where][:, None], w.stop[where][:, None], out=bounds)
        bounds.sort(axis=1)
        positions = np.searchsorted(query.values, bounds)
        x, after = bounds[:, :-1], bounds[:, 1:]
        count = positions[:, 1:] - positions[:, :-1]
        # Each range lies wholly inside or outside each window (its ends are among the
        # edges): its level is that of the first window it lies in.
        level = np.full(x.shape, -1, np.int64)
        for number, (low, high) in reversed(list(enumerate(w.levels()))):
            inside = (x >= low[where][:, None]) & (x < high[where][:, None])
            level[inside] = number
        match = (level >= 0) & (x < after)
        rows = query.rows[where]
        if query.skip_empty:  # the empty second half completes nothing on its own
            count = count - (~self.a.plus[rows][:, None] & (x <= 0) & (after > 0) & match)
        keep = match & (count > 0)
        code = self._codes(query.coordinates, where, x, split)
        return Segments(
            row=np.broadcast_to(rows[:, None], keep.shape)[keep],
            lo=positions[:, :-1][keep] + query.offset,
            hi=positions[:, 1:][keep] + query.offset,
            n=count[keep],
            level=level[keep],
            code=np.broadcast_to(code, keep.shape)[keep],
        )

    def _codes(
        self, coordinates: list[tuple[Ints, int]], where: Where, x: Ints, split: bool
    ) -> Ints:
        """The cells of (value, low, high) where each range begins, as one number: per
        range when the rows were cut at cell edges, else per row (one cell throughout)."""
        code = np.zeros(x.shape if split else (len(x), 1), np.int64)
        for base, factor in coordinates:
            at = base[where][:, None] + factor * (x if split else x[:, :1])
            code = code * self.width + self.cells(at)
        return code

    def coordinates(self, rows: Rows) -> list[tuple[Ints, int]]:
        """(value, low, high) of a completion as base + factor x its second-half value."""
        if not self.p.buckets.weighted:
            return []
        a = self.a
        alpha, beta = self.kind
        return [(a.point[rows], 1), (a.wl[rows], alpha), (a.wh[rows], beta)]

    def cells(self, x: Ints) -> Ints:
        cell = np.zeros(x.shape, np.int64)
        for up in self.p.buckets.ups:
            cell += 2 * (x >= up)
        for at in self.p.buckets.ats:
            if at is not None:
                cell += x == at
        return cell


class Keys:
    """Bucket indices for segments: each bucket (a `Weights.bucket` value) gets a number,
    and double counts get OVERLAP."""

    def __init__(self, p: Prepared, first: Table, width: int) -> None:
        self.p = p
        self.a = first
        self.width = width
        self.keys: list[Hashable] = []
        self.key_index: dict[Hashable, int] = {}
        self.code_keys: dict[int, int] = {}

    def of(self, segments: Segments) -> Rows:
        """The bucket index of each segment (OVERLAP for double counts)."""
        keys = np.zeros(len(segments.row), np.int64)
        if self.p.buckets.weighted and len(keys):
            codes, inverse = np.unique(segments.code, return_inverse=True)
            lookup = np.asarray([self._code_key(int(c)) for c in codes], np.int64)
            keys = lookup[inverse.reshape(-1)]
        elif len(keys):
            keys[:] = self._index(None)
        keys[self.a.overlap[segments.row]] = OVERLAP
        return keys

    def _code_key(self, code: int) -> int:
        if code not in self.code_keys:
            rest, high = divmod(code, self.width)
            value, low = divmod(rest, self.width)
            bucket = self.p.buckets.cell_bucket((value, low, high))
            self.code_keys[code] = self._index(bucket)
        return self.code_keys[code]

    def _index(self, key: Hashable) -> int:
        if key not in self.key_index:
            self.key_index[key] = len(self.keys)
            self.keys.append(key)
        return self.key_index[key]
