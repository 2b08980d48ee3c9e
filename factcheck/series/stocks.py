"""Stock series (a level on each date, such as payroll jobs): how much of a rise only climbs
back to an earlier peak.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from factcheck.load import FigureOrigin


@dataclass(frozen=True)
class Recovery:
    """How much of a rise between two stocks only restores an earlier, higher level."""

    recovered: Decimal
    rise: Decimal
    peak: FigureOrigin


def recovery(
    stocks: Sequence[FigureOrigin], earlier: FigureOrigin, later: FigureOrigin
) -> Recovery | None:
    """The part of a rise from earlier to later that only climbs back to a previous peak."""
    start, end = earlier.figure, later.figure
    if start.as_of is None or end.as_of is None or end.value <= start.value:
        return None
    before = [s for s in stocks if s.figure.as_of is not None and s.figure.as_of < start.as_of]
    if not before:
        return None
    peak = max(before, key=lambda s: (s.figure.value, s.figure.as_of))
    if peak.figure.value <= start.value:
        return None
    recovered = min(end.value, peak.figure.value) - start.value
    return Recovery(recovered=recovered, rise=end.value - start.value, peak=peak)
