"""Qualifiers: how a number is said ("about 3,000", "more than 291,000"), in one table.

Each row says what a qualifier's number admits (the interval of true values, in steps of
the number's precision), how a reader writes it before the number, and the words people put
into a value by mistake ("over 3,000"), which `numbers.parse_number` refuses with a hint.
To add a qualifier, add it to `Qualifier` and give it a row in `QUALIFIERS`; nothing else
lists them (the claim format's JSON Schema and `skeleton` read the enum).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


# No docstring: pydantic would publish it as the JSON Schema's description of `qualifier`.
class Qualifier(StrEnum):
    exact = "exact"
    about = "about"
    more_than = "more_than"
    at_least = "at_least"
    less_than = "less_than"
    at_most = "at_most"
    nearly = "nearly"


class UnknownQualifier(ValueError):
    """A qualifier that has no row in QUALIFIERS."""


Bounds = Callable[[Decimal, Decimal], tuple[Decimal, Decimal]]


@dataclass(frozen=True)
class QualifierRow:
    """One qualifier: what it admits and how it is written."""

    qualifier: Qualifier
    # (low, high) from the written value and its precision. The arithmetic is written out,
    # not scaled by a factor, so each end keeps the exponent it has always had ("324500").
    bounds: Bounds
    low_open: bool
    high_open: bool
    words: str  # before the number, as a reader writes it: "more than "
    written: tuple[str, ...] = ()  # as people write it into a value: "over", "more than"


QUALIFIERS: tuple[QualifierRow, ...] = (
    QualifierRow(Qualifier.exact, lambda v, p: (v, v), False, False, words=""),
    QualifierRow(
        Qualifier.about,
        lambda v, p: (v - p / 2, v + p / 2),
        False,
        False,
        words="about ",
        written=("about", "around", "approximately", "roughly", "some"),
    ),
    QualifierRow(
        Qualifier.more_than,
        lambda v, p: (v, v + p),
        True,
        True,
        words="more than ",
        written=("more than", "over"),
    ),
    QualifierRow(
        Qualifier.at_least,
        lambda v, p: (v, v + p),
        False,
        True,
        words="at least ",
        written=("at least",),
    ),
    QualifierRow(
        Qualifier.less_than,
        lambda v, p: (v - p, v),
        True,
        True,
        words="less than ",
        written=("less than", "fewer than", "under"),
    ),
    QualifierRow(
        Qualifier.at_most,
        lambda v, p: (v - p, v),
        True,
        False,
        words="at most ",
        written=("at most", "up to"),
    ),
    # nearly: just short of the written value
    QualifierRow(
        Qualifier.nearly,
        lambda v, p: (v - p, v),
        False,
        True,
        words="nearly ",
        written=("nearly", "almost"),
    ),
)

BY_QUALIFIER: dict[Qualifier, QualifierRow] = {row.qualifier: row for row in QUALIFIERS}
# How each qualifier reads before a number: "more than 291,000".
QUALIFIER_WORDS: dict[Qualifier, str] = {row.qualifier: row.words for row in QUALIFIERS}
# Qualifier words written into a value, and the qualifier each means: {"over": more_than}.
WRITTEN_FORMS: dict[str, Qualifier] = {
    form: row.qualifier for row in QUALIFIERS for form in row.written
}


def row(qualifier: Qualifier) -> QualifierRow:
    """The qualifier's row; UnknownQualifier for one the table does not know."""
    try:
        return BY_QUALIFIER[qualifier]
    except (KeyError, TypeError):
        raise UnknownQualifier(
            f"unknown qualifier {qualifier!r}; expected one of: {', '.join(Qualifier)}"
        ) from None


def bounds(
    value: Decimal, qualifier: Qualifier, precision: Decimal
) -> tuple[Decimal, Decimal, bool, bool]:
    """(low, high, low_open, high_open): the true values a written number admits."""
    found = row(qualifier)
    low, high = found.bounds(value, precision)
    return low, high, found.low_open, found.high_open
