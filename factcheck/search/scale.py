"""One power of ten that makes every value an integer: the searches compute on integers.

Every value (figures, the claim, interval ends, weights) is a decimal as written; the search
multiplies them all by the smallest power of ten that makes each an integer, so that nothing
is ever rounded.

Tens of thousands of values (the windows of a long series) are scaled before every search,
so each step is a loop in C: the places come from one exact sum per column (the exponent of
an exact sum is the smallest exponent of its terms), integers written without places are
converted by `int`, and a column equal to one already scaled (interval ends and weights
that equal the values, as they mostly do) is not converted again.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Sequence
from decimal import Decimal, DecimalException, Rounded, getcontext, localcontext
from fractions import Fraction

_ONE = Decimal(1)  # exponent 0: an integer written without decimal places


class Scale:
    """10 ** places, where places is the most decimal places any of the values is written
    with (`Decimal("1.50")` has two)."""

    def __init__(self, columns: Iterable[Sequence[Decimal]]) -> None:
        # Each column's own places, by identity (the column is kept, so its id is never reused).
        self._places = {id(c): (c, _places(c)) for c in _distinct(columns)}
        self.places = max((places for _, places in self._places.values()), default=0)
        self.factor = 10**self.places

    def scaled(self, value: Decimal) -> int:
        return int(value.scaleb(self.places))

    def column(
        self, values: Sequence[Decimal], like: tuple[Sequence[Decimal], list[int]] | None = None
    ) -> list[int]:
        """[scaled(v) for v in values]. `like` is a column already scaled (its decimals and
        their integers): values equal to its decimals, one by one, scale to its integers, since
        a value's scaled integer depends on its value alone (not on how it is written)."""
        if like is not None and (values is like[0] or _equal(values, like[0])):
            return like[1]
        ints = list(map(int, values))  # exact for values written without decimal places
        if self.places:
            ints = list(map(self.factor.__mul__, ints))
        column, own = self._places.get(id(values), (None, None))
        if column is not values or own:  # some values may have places: int() cut them off
            plain = map(_ONE.same_quantum, values)
            for k in itertools.compress(range(len(values)), map(operator.not_, plain)):
                ints[k] = self.scaled(values[k])
        # scaleb rounds to the context's precision: so must integers with more digits.
        limit = 10 ** getcontext().prec
        if ints and (max(ints) >= limit * self.factor or min(ints) <= -limit * self.factor):
            ints = [self.scaled(value) for value in values]
        return ints

    def unscaled(self, value: int | Fraction) -> Decimal:
        if isinstance(value, int):
            return Decimal(value).scaleb(-self.places)
        with localcontext() as context:
            context.prec = 100  # a breakpoint's cell midpoint: a short exact decimal
            return (Decimal(value.numerator) / Decimal(value.denominator)).scaleb(-self.places)


def decimal_places(columns: Iterable[Sequence[Decimal]]) -> int:
    """The most decimal places any of the values is written with (0 for none)."""
    return Scale(columns).places


def _distinct(columns: Iterable[Sequence[Decimal]]) -> list[Sequence[Decimal]]:
    """The columns, less those of the very same decimals as an earlier one (not merely equal
    ones: 1.5 and 1.50 are written with different places)."""
    found: list[Sequence[Decimal]] = []
    for column in columns:
        if not any(_same_objects(column, seen) for seen in found):
            found.append(column)
    return found


def _places(values: Sequence[Decimal]) -> int:
    """The most decimal places any of the values is written with (0 for none)."""
    with localcontext() as context:
        context.prec = 60
        context.traps[Rounded] = True  # the sum would not be exact
        try:
            total = sum(values, Decimal(0))
        except DecimalException:  # rounded, or infinities of both signs
            total = Decimal("NaN")
    exponent = total.as_tuple().exponent
    if total.is_finite() and isinstance(exponent, int):
        return max(0, -exponent)
    # A sum that is not exact, or a NaN or an infinity among the values: one by one.
    places = 0
    for value in itertools.filterfalse(_ONE.same_quantum, values):
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            places = max(places, -exponent)
    return places


def _same_objects(a: Sequence[Decimal], b: Sequence[Decimal]) -> bool:
    return a is b or (len(a) == len(b) and all(map(operator.is_, a, b)))


def _equal(a: Sequence[Decimal], b: Sequence[Decimal]) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return a == b  # compares in C, the very same objects first
    return len(a) == len(b) and all(map(operator.eq, a, b))
