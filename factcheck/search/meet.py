"""The exhaustive search (`max_terms: all`): meet in the middle.

The items are split into two halves whose partial sums are tabulated with numpy; for each
partial sum of the first half, binary search over the second half's sorted sums counts
every completion that reproduces the claim, so millions of matches are counted without
being listed, and only the best-ranked `top` per bucket are built (docs/search.md).
"""

from __future__ import annotations

import numpy as np

from factcheck.search import limits
from factcheck.search.arrays import Bools
from factcheck.search.best import Best, pairs
from factcheck.search.census import Census
from factcheck.search.halves import split
from factcheck.search.items import Kind, items
from factcheck.search.prepare import Prepared
from factcheck.search.ranking import Tally, given, keep
from factcheck.search.segments import OVERLAP, Completions, Keys, Rows, chunks
from factcheck.search.tables import SortedHalf, Table
from factcheck.search.types import OVERLAPS_KEPT, Classify, SearchResult


def exhaustive(prepared: Prepared, classify: Classify | None, top: int) -> SearchResult:
    """Every match of any number of figures; raises limits.TooLarge beyond the limits."""
    return Meet(prepared, classify, top).run()


class Meet:
    """The exhaustive search: first-half rows against the sorted second half."""

    def __init__(self, p: Prepared, classify: Classify | None, top: int) -> None:
        self.p = p
        self.classify = classify
        self.top = top
        limits.check_range(p)
        found = items(p, None)
        # The sorted side holds figures whose completions differ only in value: related to
        # nothing, a point (no interval), and weighing a fixed multiple of their value.
        bits: dict[Kind, int] = {}
        for it in found:
            if it.kind is not None and not it.any_kind:
                bits[it.kind] = bits.get(it.kind, 0) + len(it.selections)
        # The kind with the most options (on a tie, the smallest: any order is correct).
        self.kind = min(bits, key=lambda kind: (-bits[kind], kind)) if bits else (0, 0)
        movable = [it for it in found if it.kind == self.kind or it.any_kind]
        first, second = split(found, movable, None)
        self.a = Table(first, None, full=True)
        self.b = SortedHalf(Table(second, None, full=False))
        self.examined = len(self.a) + len(self.b.table)
        self.completions = Completions(p, self.a, self.kind)
        self.keys = Keys(p, self.a, self.completions.width)

    def descending(self) -> Rows:
        """First-half rows by falling value: the binary searches then look for rising
        values, which numpy does several times faster (it starts from the last answer)."""
        return np.argsort(-self.a.point).astype(np.int64)

    def run(self) -> SearchResult:
        if self.classify is not None:
            return self._listing()
        a, b = self.a, self.b
        counts: dict[int, int] = {}
        live: dict[int, Bools] = {}
        used_rows = np.zeros(len(a), np.bool_)
        cover = np.zeros(len(b.values) + 1, np.int64)
        order = self.descending()
        for rows in chunks(order):
            segments = self.completions.segments(rows, b.values, 0, skip_empty=True, kinds=False)
            keys = self.keys.of(segments)
            for key in np.unique(keys).tolist():
                mine = keys == key
                counts[key] = counts.get(key, 0) + int(segments.n[mine].sum())
                live.setdefault(key, np.zeros(len(a), np.bool_))[segments.row[mine]] = True
            counted = keys != OVERLAP
            used_rows[segments.row[counted]] = True
            cover += np.bincount(segments.lo[counted], minlength=len(cover))
            cover -= np.bincount(segments.hi[counted], minlength=len(cover))
        return self._result(counts, live, order, self._used(used_rows, cover))

    def census(self, order: Rows | None = None) -> Census:
        """The census over this search's own tables (and its rows by falling value)."""
        return Census(self.p, None, (self.a, self.b), order)

    def _used(self, used_rows: Bools, cover: Rows) -> set[int]:
        """The figures in some counted match: those of the marked first-half rows, and of
        the second half's sums that a match range covers (a running sum over range ends)."""
        b = self.b
        used = self.a.members(used_rows)
        covered = np.zeros(len(b.table), np.bool_)
        covered[b.by_value[np.cumsum(cover)[:-1] > 0]] = True
        return used | b.table.members(covered)

    def _result(
        self, counts: dict[int, int], live: dict[int, Bools], order: Rows, used: set[int]
    ) -> SearchResult:
        keys = self.keys.keys
        needs = {key: min(self.top, n) for key, n in counts.items() if key != OVERLAP}
        if counts.get(OVERLAP):
            needs[OVERLAP] = min(OVERLAPS_KEPT, counts[OVERLAP])
        best = Best(self.p, self.a, self.b, self.completions, self.keys)
        kept = best.best(order, live, needs)
        return SearchResult(
            found={keys[key]: kept[key] for key in needs if key != OVERLAP},
            counts={keys[key]: n for key, n in counts.items() if key != OVERLAP},
            overlaps=kept.get(OVERLAP, []),
            overlap_count=counts.get(OVERLAP, 0),
            examined=self.examined,
            complete=True,
            budget=self.examined,
            used=frozenset(used),
            census=self.census(order),
        )

    def _listing(self) -> SearchResult:
        """With a classify callback every match is built and shown to it, one by one."""
        assert self.classify is not None
        b = self.b
        tally = Tally(self.top)
        for rows in chunks(self.descending()):
            segments = self.completions.segments(rows, b.values, 0, skip_empty=True)
            for overlap, selection, point, level in pairs(self.a, b, segments, b.by_value):
                found = self.p.found(selection, point, level)
                if overlap:
                    keep(tally.overlap(), found.rank, given(found), OVERLAPS_KEPT)
                    continue
                key = self.classify(selection)
                heap = tally.match(key, (k for k, _ in selection))
                keep(heap, found.rank, given(found), self.top)
        return tally.result(
            examined=self.examined,
            complete=True,
            budget=self.examined,
            census=self.census(),
        )
