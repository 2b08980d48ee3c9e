"""Numbers as readers write them: 291,000; 12.5%; +2,000; "more than 291,000"; 40.0%-60.0%.

The judge's sentences and every renderer word numbers through these functions, so that a
number reads the same in a summary, a note, a table and a Markdown draft.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from factcheck.kinds import RatioKind
from factcheck.qualifiers import QUALIFIER_WORDS, Qualifier
from factcheck.units import ratio_scale

__all__ = [
    "QUALIFIER_WORDS",
    "amount",
    "claim_number",
    "counted",
    "number",
    "percent",
    "share",
    "signed",
    "signed_percent",
]


def number(value: Decimal) -> str:
    """A value as a reader writes it: 291,000; 12.5; -2,000."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,f}".rstrip("0").rstrip(".")


def counted(count: int, word: str) -> str:
    """A count and its noun, singular for one: 1 figure, 2 figures, 1,826 days."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def percent(value: Decimal, places: int = 1) -> str:
    """A fraction as a percent: 0.125 -> 12.5%."""
    scaled = (value * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    return f"{scaled:f}%"


def amount(qualifier: Qualifier, value: Decimal) -> str:
    """A value with its qualifier in words: "more than 291,000"."""
    return f"{QUALIFIER_WORDS[qualifier]}{number(value)}"


def claim_number(value: Decimal, unit: str, kind: RatioKind | None = None) -> str:
    """A value in the claim's unit as a reader writes it: 323,000; -40.6%; +12.5%; 0.33.

    `kind` is the ratio kind of the combination the value comes from: a change carries its
    sign either way."""
    scale = ratio_scale(unit)
    if scale is None:
        return number(value)
    sign = "+" if kind is not None and kind.form.signed and value > 0 else ""
    if scale == 100:
        return f"{sign}{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_EVEN)}%"
    return f"{sign}{value.quantize(Decimal('0.001'), rounding=ROUND_HALF_EVEN).normalize()}"


def signed(value: Decimal) -> str:
    """A difference with its sign: +2,000; -500; 0."""
    return ("+" if value > 0 else "") + number(value)


def signed_percent(value: Decimal) -> str:
    """A relative difference with its sign: +1.2%; -0.4%; 0.0%."""
    return ("+" if value > 0 else "") + percent(value)


def share(low: Decimal, high: Decimal, joiner: str = "-") -> str:
    """A share known as a range: "40.0%" when both ends agree, else "40.0%-60.0%"."""
    return percent(low) if low == high else f"{percent(low)}{joiner}{percent(high)}"
