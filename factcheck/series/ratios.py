"""Ratios: the ways a claim in `percent` or `ratio` can be reproduced, each with its exact
value and range: the change between two figures of one series, (b - a) / a; a share,
part / whole over `part_of`; or a figure the source itself states in the claim's unit. All
ratio arithmetic is exact (integers and Fractions).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from factcheck import qualifiers
from factcheck.kinds import RatioKind
from factcheck.load import FigureOrigin
from factcheck.models import Interval, Period
from factcheck.series.runs import Bounds, Window

Operand = FigureOrigin | Window


@dataclass(frozen=True)
class Ratio:
    """One way a ratio claim can be reproduced, with its exact value and range."""

    kind: RatioKind
    a: Operand  # earlier (change), part (share) or the stated figure
    b: Operand | None  # later (change), whole (share)
    value: Fraction  # in the claim's unit (x100 for percent); signed for changes
    low: Fraction
    high: Fraction
    low_open: bool
    high_open: bool

    @property
    def formula(self) -> str:
        return self.kind.formula

    @property
    def direction(self) -> Literal["rise", "fall"] | None:
        if self.kind is not RatioKind.change:
            return None
        return "rise" if self.value > 0 else "fall"


def operand_id(operand: Operand) -> str:
    return operand.id if isinstance(operand, Window) else operand.figure.id


def operand_value(operand: Operand) -> Decimal:
    return operand.value if isinstance(operand, Window) else operand.figure.value


def operand_interval(operand: Operand) -> Interval:
    if isinstance(operand, Window):
        return operand.interval
    figure = operand.figure
    return Interval.of(figure.value, figure.qualifier, figure.precision)


def operand_period(operand: Operand, source_period: Period | None) -> Period | None:
    if isinstance(operand, Window):
        return operand.period
    figure = operand.figure
    if figure.period is not None:
        return figure.period
    if figure.as_of is not None:
        return Period(start=figure.as_of, end=figure.as_of)
    return source_period


def operand_bounds(operand: Operand) -> Bounds:
    """operand_interval's (low, high, low_open, high_open), without making an Interval."""
    if isinstance(operand, Window):
        return operand.bounds
    figure = operand.figure
    return qualifiers.bounds(figure.value, figure.qualifier, figure.precision)


def change(a: Operand, b: Operand, scale: int) -> Ratio | None:
    """(b - a) / a with its range; None when a can be zero or negative (no meaningful change)."""
    a_low, a_high, a_low_open, a_high_open = operand_bounds(a)
    b_low, b_high, b_low_open, b_high_open = operand_bounds(b)
    if a_low <= 0:
        return None
    # b / a - 1 rises with b and falls with a (a > 0).
    return Ratio(
        RatioKind.change,
        a,
        b,
        _scaled_quotient(operand_value(b), operand_value(a), scale, less_one=True),
        _scaled_quotient(b_low, a_high, scale, less_one=True),
        _scaled_quotient(b_high, a_low, scale, less_one=True),
        b_low_open or a_high_open,
        b_high_open or a_low_open,
    )


def share(part: Operand, whole: Operand, scale: int) -> Ratio | None:
    p_low, p_high, p_low_open, p_high_open = operand_bounds(part)
    w_low, w_high, w_low_open, w_high_open = operand_bounds(whole)
    if w_low <= 0 or p_low < 0:
        return None
    return Ratio(
        RatioKind.share,
        part,
        whole,
        _scaled_quotient(operand_value(part), operand_value(whole), scale),
        _scaled_quotient(p_low, w_high, scale),
        _scaled_quotient(p_high, w_low, scale),
        p_low_open or w_high_open,
        p_high_open or w_low_open,
    )


def _scaled_quotient(
    top: Decimal, bottom: Decimal, scale: int, *, less_one: bool = False
) -> Fraction:
    """scale x (top / bottom), less one if asked, exactly: from the decimals' integer ratios
    with one reduction (a series' thousands of changes make Fraction arithmetic count)."""
    top_n, top_d = top.as_integer_ratio()
    bottom_n, bottom_d = bottom.as_integer_ratio()
    numerator, denominator = top_n * bottom_d, top_d * bottom_n
    if less_one:
        numerator -= denominator
    return Fraction(numerator * scale, denominator)


def stated(origin: FigureOrigin) -> Ratio:
    interval = operand_interval(origin)
    return Ratio(
        RatioKind.stated,
        origin,
        None,
        Fraction(origin.figure.value),
        Fraction(interval.low),
        Fraction(interval.high),
        interval.low_open,
        interval.high_open,
    )
