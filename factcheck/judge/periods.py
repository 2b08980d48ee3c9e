"""How much of the period a combination's figures measure lies outside the claimed one."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction

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


def inside_fraction(period: Period | None, claimed: Period | None) -> Fraction:
    """The share of a period's days inside the claimed period (1 when either is unknown)."""
    if period is None or claimed is None:
        return Fraction(1)
    return Fraction(period.days - outside_days(period, claimed), period.days)


def prorated(amount: Decimal, fraction: Fraction) -> Decimal:
    """The part of an amount a fraction of its days carries (rule D), to the amount's own
    last decimal place: the search computes on the places the figures are written with."""
    if fraction == 1 or amount == 0:
        return amount
    with localcontext() as context:
        context.prec = 60
        exact = amount * fraction.numerator / fraction.denominator
    exponent = amount.as_tuple().exponent
    place = Decimal(1).scaleb(min(0, exponent if isinstance(exponent, int) else 0))
    return exact.quantize(place, rounding=ROUND_HALF_EVEN)
