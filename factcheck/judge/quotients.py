"""Quotients: one figure over another ("100 times", "per head", "per 1,000"), issue 14.

A quotient is tried only when the claim asks for one, by its `formula` (`a / b`), its unit
(`times`) or its words ("times", "-fold", "per head", "per capita", "per 1,000"): between
arbitrary pairs of figures it would only breed coincidences. Which pairs are tried:

- "times" compares like with like: a over b, both in one unit;
- a rate ("per head", "per 1,000", or `per:`) divides by a base: b in another unit than a
  (a population, a number of households), the quotient multiplied by the rate's count.

Never a figure over itself, nor a part over its whole or the reverse (that is a share), nor
over a base that can be zero or negative. Every pair tried is counted for the coincidence
estimate (coincidence.py, `ValueCensus`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from factcheck.kinds import RatioKind
from factcheck.load import Case, FigureOrigin, ancestors
from factcheck.models import Claim
from factcheck.series import Ratio, share
from factcheck.units import ratio_scale, same_unit, unit_key
from factcheck.wording import number

_TIMES = re.compile(r"\btimes\b|\w+fold\b", re.IGNORECASE)
_BASES = "head|capita|person|people|resident|inhabitant|household|pupil|patient|citizen"
_PER = re.compile(
    rf"\bper\s+(?:(?P<base>(?:{_BASES})s?)|(?P<digits>\d{{1,3}}(?:[,\u00a0 ]?\d{{3}})*)"
    r"|(?P<word>hundred|thousand|million))\b",
    re.IGNORECASE,
)
_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}


@dataclasses.dataclass(frozen=True)
class Asked:
    """What a claim asks of quotients: a rate's count (None: "times", like over like)."""

    per: Fraction | None

    @property
    def multiplier(self) -> Fraction:
        return self.per if self.per is not None else Fraction(1)


def asked(claim: Claim) -> Asked | None:
    """Whether the claim asks for quotients, and of which form; None when it does not."""
    if claim.per is not None:
        return Asked(Fraction(claim.per))
    rate = _PER.search(claim.text)
    if rate is not None:
        return Asked(_count(rate))
    if claim.formula is not None or unit_key(claim.unit) == "times" or _TIMES.search(claim.text):
        return Asked(None)
    return None


def _count(rate: re.Match[str]) -> Fraction:
    if rate.group("digits"):
        return Fraction(int(re.sub(r"\D", "", rate.group("digits"))))
    if rate.group("word"):
        return Fraction(_WORDS[rate.group("word").casefold()])
    return Fraction(1)  # per head, per person


def pairs(case: Case, how: Asked) -> Iterator[tuple[FigureOrigin, FigureOrigin]]:
    """Every (a, b) pair a quotient is tried on, in file order."""
    counted = [o for o in case.figures if ratio_scale(o.figure.unit) is None]
    figures = {o.figure.id: o.figure for o in case.figures}
    wholes = {o.figure.id: ancestors(figures, o.figure.id) for o in counted}
    for a in counted:
        for b in counted:
            if a is b or b.figure.id in wholes[a.figure.id] or a.figure.id in wholes[b.figure.id]:
                continue
            alike = same_unit(a.figure.unit, b.figure.unit)
            if alike == (how.per is None):
                yield a, b


def quotients(case: Case, scale: int, how: Asked) -> Iterator[Ratio]:
    """The quotient of every pair tried whose base cannot be zero or negative."""
    factor = how.multiplier
    for a, b in pairs(case, how):
        made = share(a, b, scale)  # the same arithmetic: a / b over the ranges
        if made is None:
            continue
        if factor == 1:
            yield dataclasses.replace(made, kind=RatioKind.quotient)
            continue
        yield dataclasses.replace(
            made,
            kind=RatioKind.quotient,
            value=made.value * factor,
            low=made.low * factor,
            high=made.high * factor,
        )


def written_rate(how: Asked | None) -> str:
    """ " x 1,000" after a rate's expression; nothing for a quotient without a count."""
    if how is None or how.per is None or how.per == 1:
        return ""
    return f" x {number(Decimal(how.per.numerator) / Decimal(how.per.denominator))}"
