"""The candidates, the target and the weights on one integer scale, relations as indices:
what both searches and the census start from."""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import numpy as np

from factcheck.search.arrays import Column
from factcheck.search.buckets import Buckets, check_weights, weight_values
from factcheck.search.rules import Rules
from factcheck.search.scale import Scale
from factcheck.search.types import (
    MATCH_OF_LEVEL,
    Candidate,
    Found,
    Selection,
    Target,
    Weights,
    combine_intervals,
)


class ScaledTarget:
    """The target on the integer scale."""

    def __init__(self, target: Target, scale: Scale) -> None:
        self.tp = scale.scaled(target.point)
        self.tl = scale.scaled(target.interval.low)
        self.th = scale.scaled(target.interval.high)
        self.tl_open = target.interval.low_open
        self.th_open = target.interval.high_open
        self.tolerance = Fraction(target.allowance) * scale.factor
        self.ftol = math.floor(self.tolerance)
        # The values that round to the claim (rule B1), or None.
        rounded = target.rounded
        self.rounded = (
            None if rounded is None else (scale.scaled(rounded.low), scale.scaled(rounded.high))
        )

    def meets(self, low: int, high: int, low_open: bool, high_open: bool) -> bool:
        """Interval.meets on integers: the combination's interval and the target's."""
        if high < self.tl or low > self.th:
            return False
        if high == self.tl and (high_open or self.tl_open):
            return False
        return not (low == self.th and (low_open or self.th_open))

    def level(self, point: int, low: int, high: int, low_open: bool, high_open: bool) -> int | None:
        """How a combination reproduces the target (MATCH_LEVEL: 0 exact, 1 approximate within
        the tolerance of the target's interval, 2 rounded), or None."""
        if self.meets(low, high, low_open, high_open):
            return 0
        if max(0, low - self.th, self.tl - high) <= self.ftol:
            return 1
        rounded = self.rounded
        if rounded is not None and rounded[0] <= point <= rounded[1]:
            return 2
        return None

    def reach(self) -> tuple[int, int]:
        """The values within the tolerance of the target's interval, or that round to it."""
        low, high = self.tl - self.ftol, self.th + self.ftol
        if self.rounded is not None:
            low, high = min(low, self.rounded[0]), max(high, self.rounded[1])
        return low, high


class Prepared:
    """Candidates, target and weights on one integer scale, relations as indices."""

    def __init__(
        self, candidates: Sequence[Candidate], target: Target | None, weights: Weights | None
    ) -> None:
        check_weights(weights, len(candidates))
        self.candidates = candidates
        self.n = len(candidates)
        columns = _Columns(candidates)
        aimed = [target.point, target.interval.low, target.interval.high] if target else []
        if target is not None and target.rounded is not None:
            aimed += [target.rounded.low, target.rounded.high]
        self.scale = Scale([*columns.decimals(), aimed, *weight_values(weights)])
        self.points = self.scale.column(columns.points)
        points = (columns.points, self.points)
        self.lows = self.scale.column(columns.lows, like=points)
        self.highs = self.scale.column(columns.highs, like=points)
        self.low_open = columns.low_open
        self.high_open = columns.high_open
        self.points_only = (
            self.lows == self.points == self.highs
            and not any(self.low_open)
            and not any(self.high_open)
        )
        self.rules = Rules(candidates)
        self._target = ScaledTarget(target, self.scale) if target is not None else None
        self.buckets = Buckets(weights, self.n, self.scale, self.rules, like=points)

    @property
    def target(self) -> ScaledTarget:
        assert self._target is not None, "prepared without a target (for the census)"
        return self._target

    def arrays(self) -> dict[str, Column]:
        """The per-candidate lists as numpy arrays, made once."""
        if not hasattr(self, "_arrays"):
            lists = {
                "points": self.points,
                "lows": self.lows,
                "highs": self.highs,
                "wl": self.buckets.wl,
                "wh": self.buckets.wh,
            }
            made: dict[int, Column] = {}  # interval ends and weights are often the points
            self._arrays: dict[str, Column] = {}
            for name, values in lists.items():
                if id(values) not in made:
                    made[id(values)] = np.asarray(values, np.int64)
                self._arrays[name] = made[id(values)]
            for name in ("low_open", "high_open"):
                self._arrays[name] = np.asarray(getattr(self, name), np.bool_)
        return self._arrays

    def found(self, selection: Selection, point: int, level: int) -> Found:
        """A match as the caller sees it: decimals, its interval, its rank (`level`: how it
        matches, MATCH_LEVEL)."""
        distance = Fraction(abs(point - self.target.tp), self.scale.factor)
        rank = (len(selection), level, distance)
        return Found(
            rank=(*rank, selection),
            selection=selection,
            point=self.scale.unscaled(point),
            interval=combine_intervals(
                [(self.candidates[k].interval, sign) for k, sign in selection]
            ),
            match=MATCH_OF_LEVEL[level],
        )


class _Columns:
    """The candidates' values, one list per attribute (gathered by C loops: a long series
    has tens of thousands of windows)."""

    def __init__(self, candidates: Sequence[Candidate]) -> None:
        intervals = list(map(operator.attrgetter("interval"), candidates))
        self.points: list[Decimal] = list(map(operator.attrgetter("point"), candidates))
        self.lows: list[Decimal] = list(map(operator.attrgetter("low"), intervals))
        self.highs: list[Decimal] = list(map(operator.attrgetter("high"), intervals))
        self.low_open: list[bool] = list(map(operator.attrgetter("low_open"), intervals))
        self.high_open: list[bool] = list(map(operator.attrgetter("high_open"), intervals))

    def decimals(self) -> list[list[Decimal]]:
        return [self.points, self.lows, self.highs]
