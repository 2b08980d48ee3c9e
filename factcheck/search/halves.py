"""Splitting the items into the meet in the middle's two halves, of about equal size.

Sizes are counted without building anything: with a cap on the terms, as polynomials (the
number of partial sums of each size); without one, as products of the numbers of options.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from factcheck.search import limits
from factcheck.search.arrays import Floats

if TYPE_CHECKING:
    from factcheck.search.items import Item


def sizes(item: Item, cap: int | None) -> Floats:
    """How many of the item's options have 0, 1, 2, ... terms (up to cap)."""
    counts = np.bincount(item.size).astype(float)
    return counts[: cap + 1] if cap is not None else counts


def times(a: Floats, b: Floats, cap: int | None) -> Floats:
    """The product of two such polynomials, to the cap."""
    product = np.convolve(a, b)
    return product[: cap + 1] if cap is not None else product


def over(a: Floats, b: Floats) -> Floats:
    """a / b as power series (b starts with 1: the option of nothing), to a's length."""
    quotient = np.zeros(len(a))
    for d in range(len(a)):
        reach = min(d, len(b) - 1)
        quotient[d] = a[d] - float(np.dot(b[1 : reach + 1], quotient[d - reach : d][::-1]))
    return quotient


def split(
    items: Sequence[Item], movable: Sequence[Item], cap: int | None
) -> tuple[list[Item], list[Item]]:
    """Two halves of about the same number of partial sums; only `movable` items may go to
    the second (the sorted side). The first costs more per sum, so it is kept a little
    smaller. With a cap the sums are counted by size (a polynomial per half); without, the
    count is the product of the items' numbers of options."""

    def count(polynomial: Floats) -> Floats:
        return polynomial if cap is not None else np.asarray([polynomial.sum()])

    def product(a: Floats, b: Floats) -> Floats:
        return times(a, b, cap) if cap is not None else a * b

    everything = np.ones(1)
    for item in items:
        everything = product(everything, count(sizes(item, cap)))
        if everything.sum() > float(limits.HALF_LIMIT) ** 2:
            raise limits.TooLarge  # no split makes both halves fit
    first, second = everything, np.ones(1)
    chosen: list[Item] = []
    for item in sorted(movable, key=lambda it: -len(it.selections)):
        polynomial = count(sizes(item, cap))
        without = over(first, polynomial) if cap is not None else first / polynomial
        with_it = product(second, polynomial)
        if max(2 * without.sum(), with_it.sum()) < max(2 * first.sum(), second.sum()):
            first, second = without, with_it
            chosen.append(item)
    if max(first.sum(), second.sum()) > limits.HALF_LIMIT:
        raise limits.TooLarge
    moved = {id(item) for item in chosen}
    return [it for it in items if id(it) not in moved], chosen
