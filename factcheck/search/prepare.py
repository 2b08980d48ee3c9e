"""The candidates, the target and the weights on one integer scale, relations as indices:
what both searches and the census start from."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import numpy as np

from factcheck.models import Match
from factcheck.search.arrays import Column
from factcheck.search.buckets import Buckets, check_weights, weight_values
from factcheck.search.rules import Rules
from factcheck.search.scale import Scale
from factcheck.search.types import Candidate, Found, Selection, Target, Weights, combine_intervals


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

    def meets(self, low: int, high: int, low_open: bool, high_open: bool) -> bool:
        """Interval.meets on integers: the combination's interval and the target's."""
        if high < self.tl or low > self.th:
            return False
        if high == self.tl and (high_open or self.tl_open):
            return False
        return not (low == self.th and (low_open or self.th_open))


class Prepared:
    """Candidates, target and weights on one integer scale, relations as indices."""

    def __init__(
        self, candidates: Sequence[Candidate], target: Target | None, weights: Weights | None
    ) -> None:
        check_weights(weights, len(candidates))
        self.candidates = candidates
        self.n = len(candidates)
        self.scale = Scale(_decimals(candidates, target, weights))
        self._scale_candidates()
        self.rules = Rules(candidates)
        self._target = ScaledTarget(target, self.scale) if target is not None else None
        self.buckets = Buckets(weights, self.n, self.scale, self.rules)

    def _scale_candidates(self) -> None:
        candidates, scaled = self.candidates, self.scale.scaled
        self.points = [scaled(c.point) for c in candidates]
        self.lows = [
            point if c.interval.low is c.point else scaled(c.interval.low)
            for c, point in zip(candidates, self.points, strict=True)
        ]
        self.highs = [
            point if c.interval.high is c.point else scaled(c.interval.high)
            for c, point in zip(candidates, self.points, strict=True)
        ]
        self.low_open = [c.interval.low_open for c in candidates]
        self.high_open = [c.interval.high_open for c in candidates]
        self.points_only = (
            self.lows == self.points == self.highs
            and not any(self.low_open)
            and not any(self.high_open)
        )

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
            self._arrays: dict[str, Column] = {
                name: np.asarray(values, np.int64) for name, values in lists.items()
            }
            for name in ("low_open", "high_open"):
                self._arrays[name] = np.asarray(getattr(self, name), np.bool_)
        return self._arrays

    def found(self, selection: Selection, point: int, exact: bool) -> Found:
        """A match as the caller sees it: decimals, its interval, its rank."""
        distance = Fraction(abs(point - self.target.tp), self.scale.factor)
        rank = (len(selection), 0 if exact else 1, distance)
        return Found(
            rank=(*rank, selection),
            selection=selection,
            point=self.scale.unscaled(point),
            interval=combine_intervals(
                [(self.candidates[k].interval, sign) for k, sign in selection]
            ),
            match=Match.exact if exact else Match.approximate,
        )


def _decimals(
    candidates: Sequence[Candidate], target: Target | None, weights: Weights | None
) -> list[Decimal]:
    """Every decimal the search computes with."""
    # A point interval (an exact figure) holds the point itself: scale it once.
    decimals = [c.point for c in candidates] + [
        v for c in candidates for v in (c.interval.low, c.interval.high) if v is not c.point
    ]
    if target is not None:
        decimals += [target.point, target.interval.low, target.interval.high]
    return decimals + weight_values(weights)
