"""Search settings: what the caller asks for, the claim file says, or the defaults give."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from factcheck.lexicon import Lexicon, shipped_lexicon
from factcheck.load import Case
from factcheck.models import Interval, Qualifier
from factcheck.search import DEFAULT_BUDGET, DEFAULT_TOP, MaxTerms, Target
from factcheck.units import ratio_scale

PERCENT = 100  # ratio_scale of a claim in percent

DEFAULT_TOLERANCE = Decimal("0.01")
DEFAULT_TOLERANCE_POINTS = Decimal(1)  # percentage points, for a claim in percent (rule B2)
DEFAULT_MAX_TERMS = 4

T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    """Search settings; None means "as the claim file says, else the default"."""

    tolerance: Decimal | None = None
    max_terms: MaxTerms | None = None
    top: int = DEFAULT_TOP
    budget: int = DEFAULT_BUDGET
    tolerance_points: Decimal | None = None


@dataclass(frozen=True)
class Rules:
    """The settings resolved for one claim, and what the claim must be reproduced as."""

    tolerance: Decimal
    max_terms: MaxTerms
    top: int
    budget: int
    lexicon: Lexicon  # the shipped lexicon, extended by the claim's synonyms
    target: Target
    # For a claim in percent, the percentage points it also reproduces within (rule B2).
    tolerance_points: Decimal | None = None


def resolve(case: Case, settings: Settings | None, lexicon: Lexicon | None) -> Rules:
    settings = settings or Settings()
    claim = case.claim
    tolerance = _first(settings.tolerance, claim.tolerance, DEFAULT_TOLERANCE)
    points = None
    if ratio_scale(claim.unit) == PERCENT:
        points = _first(settings.tolerance_points, claim.tolerance_points, DEFAULT_TOLERANCE_POINTS)
    return Rules(
        tolerance=tolerance,
        max_terms=_first(settings.max_terms, claim.max_terms, DEFAULT_MAX_TERMS),
        top=settings.top,
        budget=settings.budget,
        lexicon=(lexicon or shipped_lexicon()).extended(claim.synonyms),
        target=Target(
            point=claim.value,
            interval=Interval.of(claim.value, claim.qualifier, claim.precision),
            tolerance=tolerance,
            points=points or Decimal(0),
            rounded=rounded(claim.value, claim.qualifier, claim.precision),
        ),
        tolerance_points=points,
    )


def rounded(value: Decimal, qualifier: Qualifier, precision: Decimal) -> Interval | None:
    """The values a number said bare rounds from: within half a step of its written
    precision ("20,000": 15,000 to 25,000; rule B1). None for a qualified number."""
    if qualifier is not Qualifier.exact:
        return None
    return Interval(low=value - precision / 2, high=value + precision / 2)


def _first(*values: T | None) -> T:
    return next(value for value in values if value is not None)
