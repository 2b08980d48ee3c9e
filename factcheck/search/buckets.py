"""Weights on the search's integer scale: the sums carried beside each combination's value,
and the bucket of a match from the cells of those sums (see `Weights`)."""

from __future__ import annotations

import bisect
import math
from collections.abc import Hashable, Sequence
from decimal import Decimal
from fractions import Fraction

from factcheck.search.rules import Rules
from factcheck.search.scale import Scale
from factcheck.search.types import Bucket, Weights


def check_weights(weights: Weights | None, n: int) -> None:
    if weights is not None and (len(weights.low) != n or len(weights.high) != n):
        raise ValueError("weights need one low and one high per candidate")


def weight_values(weights: Weights | None) -> list[Sequence[Decimal]]:
    """Every decimal the weights hold, by column: they share the candidates' scale."""
    if weights is None:
        return []
    changes = [v for pair in weights.changes.values() for v in pair]
    return [weights.low, weights.high, changes]


class Buckets:
    """Scaled weights (zeros without any), and buckets by the cells of (value, low, high):
    below, on or above each breakpoint, numbered 0, 1, 2, ... from the lowest."""

    def __init__(
        self,
        weights: Weights | None,
        n: int,
        scale: Scale,
        rules: Rules,
        like: tuple[Sequence[Decimal], list[int]] | None = None,
    ) -> None:
        """`like`: a column already scaled (Scale.column), most often the candidates' values:
        weights that equal them are scaled for free."""
        self.scale = scale
        self.weighted = weights is not None
        self.wl = scale.column(weights.low, like) if weights else [0] * n
        self.wh = scale.column(weights.high, like) if weights else [0] * n
        self.changes: dict[tuple[int, int], tuple[int, int]] = {}
        self.breakpoints: list[Fraction] = []
        if weights is not None:
            for (a, b), (low, high) in weights.changes.items():
                if not rules.is_change(a, b):
                    raise ValueError(f"changes[{a}, {b}]: not two stocks of one series")
                self.changes[(a, b)] = (scale.scaled(low), scale.scaled(high))
            self.breakpoints = sorted({Fraction(b) * scale.factor for b in weights.breakpoints})
            self.bucket_of_cell: Bucket = weights.bucket
        # An integer x lies above breakpoint b when x >= floor(b) + 1, on it when x == b.
        self.ups = [math.floor(b) + 1 for b in self.breakpoints]
        self.ats = [int(b) if b.denominator == 1 else None for b in self.breakpoints]
        self.on = {at for at in self.ats if at is not None}
        self._buckets: dict[tuple[int, int, int], Hashable] = {}

    def weigh(self, plus: Sequence[int], minus: Sequence[int]) -> tuple[int, int]:
        """The (low, high) sums of a combination."""
        low = high = 0
        paired: set[int] = set()
        for b in minus:
            for a in plus:
                pair = self.changes.get((a, b))
                if pair is not None and a not in paired:
                    low, high = low + pair[0], high + pair[1]
                    paired.update((a, b))
                    break
        for k in plus:
            if k not in paired:
                low, high = low + self.wl[k], high + self.wh[k]
        for k in minus:
            if k not in paired:
                low, high = low - self.wl[k], high - self.wh[k]
        return low, high

    def cell(self, x: int) -> int:
        return 2 * bisect.bisect_right(self.ups, x) + (x in self.on)

    def bucket(self, value: int, low: int, high: int) -> Hashable:
        return self.cell_bucket((self.cell(value), self.cell(low), self.cell(high)))

    def cell_bucket(self, cells: tuple[int, int, int]) -> Hashable:
        if cells not in self._buckets:
            self._buckets[cells] = self.bucket_of_cell(*(self._inside(c) for c in cells))
        return self._buckets[cells]

    def _inside(self, cell: int) -> Decimal:
        """A value in a cell: on a breakpoint (odd cells), or between two (even cells)."""
        points = self.breakpoints
        unscaled = self.scale.unscaled
        if not points:
            return Decimal(0)
        if cell % 2:
            return unscaled(points[cell // 2])
        at = cell // 2
        if at == 0:
            return unscaled(points[0] - 1)
        if at == len(points):
            return unscaled(points[-1] + 1)
        return unscaled((points[at - 1] + points[at]) / 2)
