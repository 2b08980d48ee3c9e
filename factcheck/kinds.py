"""The kinds of ratio that reproduce a claim in percent or as a ratio, in one table.

A claim in a ratio unit is reproduced by a change within a series, (b - a) / a; by a share
of a whole over `part_of`, a / b; or by a figure the source states in the claim's unit, a.
Code asks for the kind (`RatioKind`); the formula string is what the JSON's `formula` and
the reports show, never something to compare. A quotient, a / b of two figures that are not
part and whole, is written "a : b" (a ratio of a to b) so that its formula names its kind.
To add a kind, add it to `RatioKind` and give it a row in `FORMS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class RatioKind(StrEnum):
    change = "change"
    share = "share"
    stated = "stated"
    # One figure over another ("100 times", "per 1,000 people"): tried only when the claim
    # asks for it (judge/quotients.py), never between arbitrary pairs.
    quotient = "quotient"

    @property
    def form(self) -> RatioForm:
        return BY_KIND[self]

    @property
    def formula(self) -> str:
        return BY_KIND[self].formula

    @classmethod
    def of_formula(cls, formula: str) -> RatioKind:
        """The kind whose formula this is (an audit's JSON carries the formula)."""
        try:
            return BY_FORMULA[formula]
        except KeyError:
            raise ValueError(f"no ratio kind has the formula {formula!r}") from None


@dataclass(frozen=True)
class RatioForm:
    """One kind of ratio: its formula and how it is written out."""

    kind: RatioKind
    formula: str  # as the JSON's `formula` and the reports show it
    terms: int  # operands: a change and a share have two, a stated figure one
    signed: bool  # written with its sign, "+12.5%": a change has a direction
    # The formula with its operands written in: ("31,578", "18,762") -> "(18,762 - 31,578)
    # / 31,578" for a change. `b` is unused for a stated figure.
    write: Callable[[str, str], str]


FORMS: tuple[RatioForm, ...] = (
    RatioForm(RatioKind.change, "(b - a) / a", 2, True, lambda a, b: f"({b} - {a}) / {a}"),
    RatioForm(RatioKind.share, "a / b", 2, False, lambda a, b: f"{a} / {b}"),
    RatioForm(RatioKind.stated, "a", 1, False, lambda a, b: a),
    RatioForm(RatioKind.quotient, "a : b", 2, False, lambda a, b: f"{a} / {b}"),
)

BY_KIND: dict[RatioKind, RatioForm] = {form.kind: form for form in FORMS}
BY_FORMULA: dict[str, RatioKind] = {form.formula: form.kind for form in FORMS}
