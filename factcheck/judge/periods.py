"""How much of the period a combination's figures measure lies outside the claimed one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from factcheck.models import Period


def outside_share(basis: Period | None, claimed: Period | None) -> Decimal | None:
    """The share of the basis's days outside the claimed period; None if either is unknown."""
    if basis is None or claimed is None:
        return None
    return Decimal(outside_days(basis, claimed)) / basis.days


def outside_days(basis: Period, claimed: Period) -> int:
    overlap_start, overlap_end = max(basis.start, claimed.start), min(basis.end, claimed.end)
    inside = max(0, (overlap_end - overlap_start).days + 1)
    return basis.days - inside


def outside_ranges(basis: Period, claimed: Period) -> list[tuple[dt.date, dt.date]]:
    """The stretches of the basis before and after the claimed period."""
    ranges = []
    day = dt.timedelta(days=1)
    if basis.start < claimed.start:
        ranges.append((basis.start, min(basis.end, claimed.start - day)))
    if basis.end > claimed.end:
        ranges.append((max(basis.start, claimed.end + day), basis.end))
    return ranges
