"""Search settings: what the caller asks for, the claim file says, or the defaults give."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from factcheck.lexicon import Lexicon, shipped_lexicon
from factcheck.load import Case
from factcheck.models import Interval
from factcheck.search import DEFAULT_BUDGET, DEFAULT_TOP, MaxTerms, Target

DEFAULT_TOLERANCE = Decimal("0.01")
DEFAULT_MAX_TERMS = 4

T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    """Search settings; None means "as the claim file says, else the default"."""

    tolerance: Decimal | None = None
    max_terms: MaxTerms | None = None
    top: int = DEFAULT_TOP
    budget: int = DEFAULT_BUDGET


@dataclass(frozen=True)
class Rules:
    """The settings resolved for one claim, and what the claim must be reproduced as."""

    tolerance: Decimal
    max_terms: MaxTerms
    top: int
    budget: int
    lexicon: Lexicon  # the shipped lexicon, extended by the claim's synonyms
    target: Target


def resolve(case: Case, settings: Settings | None, lexicon: Lexicon | None) -> Rules:
    settings = settings or Settings()
    claim = case.claim
    tolerance = _first(settings.tolerance, claim.tolerance, DEFAULT_TOLERANCE)
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
        ),
    )


def _first(*values: T | None) -> T:
    return next(value for value in values if value is not None)
