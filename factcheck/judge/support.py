"""How much of a combination the source's words support, as a share of its own value.

The supported share is the supported value over the combination's value (rule A3),
clamped to [0, 1]: no more of it can be said than there is. The search counts matches per
band without listing them, from sums it carries beside each combination's value; since a
band compares a share of the combination's own value with a threshold t = p/q, the search
carries, per figure, q x supported - p x value, whose sum is at or above 0 exactly when the
combination's share reaches t (for a positive value; the other way round for a negative
one). Its bucket then depends on those sums only through their signs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from factcheck import bands
from factcheck.models import Verdict


def clamped(value: Decimal, low: Decimal, high: Decimal) -> tuple[Decimal, Decimal]:
    """Supported sums within 0..value: no more of it can be said than there is."""
    floor, ceiling = min(Decimal(0), value), max(Decimal(0), value)
    return min(max(low, floor), ceiling), min(max(high, floor), ceiling)


def share_of(supported: Decimal, value: Decimal) -> Decimal:
    """The supported (clamped) value as a share of the combination's value, in [0, 1]; a
    combination of value 0 supports nothing."""
    if value == 0:
        return Decimal(0)
    low, _ = clamped(value, supported, supported)
    return low / value


@dataclass(frozen=True)
class Thresholds:
    """The two shares the earned bands turn on: one read on the low end of the supported
    share (said of all of it), one on the high end (said of some), each as p / q."""

    low: Decimal
    high: Decimal

    @classmethod
    def of_bands(cls) -> Thresholds:
        """From bands.py: at most one positive threshold on each end (tests/test_bands.py)."""
        low = [b.share_at for b in bands.BANDS if b.share_at and b.share_end == "low"]
        high = [b.share_at for b in bands.BANDS if b.share_at and b.share_end == "high"]
        return cls(low=low[0] if low else Decimal(0), high=high[0] if high else Decimal(0))

    @staticmethod
    def _weigh(at: Decimal, supported: Decimal, value: Decimal) -> Decimal:
        p, q = at.as_integer_ratio()
        return q * supported - p * value

    def lows(self, supported: Sequence[Decimal], values: Sequence[Decimal]) -> list[Decimal]:
        return [self._weigh(self.low, s, v) for s, v in zip(supported, values, strict=True)]

    def highs(self, supported: Sequence[Decimal], values: Sequence[Decimal]) -> list[Decimal]:
        return [self._weigh(self.high, s, v) for s, v in zip(supported, values, strict=True)]

    def pair(self, value: Decimal, low: Decimal, high: Decimal) -> tuple[Decimal, Decimal]:
        return self._weigh(self.low, low, value), self._weigh(self.high, high, value)

    def band(self, value: Decimal, low: Decimal, high: Decimal) -> Verdict:
        """The band of a combination from its value and its carried sums (their signs)."""
        if value == 0:
            return bands.earned(Decimal(0), Decimal(0))
        sign = 1 if value > 0 else -1
        share_low = self.low if low * sign >= 0 else Decimal(0)
        share_high = self.high if high * sign >= 0 else Decimal(0)
        return bands.earned(share_low, share_high)
