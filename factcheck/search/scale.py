"""One power of ten that makes every value an integer: the searches compute on integers.

Every value (figures, the claim, interval ends, weights) is a decimal as written; the search
multiplies them all by the smallest power of ten that makes each an integer, so that nothing
is ever rounded.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext
from fractions import Fraction


class Scale:
    """10 ** places, where places is the most decimal places any of the values is written
    with (`Decimal("1.50")` has two)."""

    def __init__(self, values: Sequence[Decimal]) -> None:
        self.places = decimal_places(values)
        self.factor = 10**self.places

    def scaled(self, value: Decimal) -> int:
        return int(value.scaleb(self.places))

    def unscaled(self, value: int | Fraction) -> Decimal:
        if isinstance(value, int):
            return Decimal(value).scaleb(-self.places)
        with localcontext() as context:
            context.prec = 100  # a breakpoint's cell midpoint: a short exact decimal
            return (Decimal(value.numerator) / Decimal(value.denominator)).scaleb(-self.places)


def decimal_places(values: Sequence[Decimal]) -> int:
    places = 0
    for value in values:
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            places = max(places, -exponent)
    return places
