"""The verdict's sentence for a combination that reproduces the claim, one for each band a
share of support can earn (bands.EARNED).

One table, read by the judge's summary (figures named by id) and by the published summary
(render/reader.py, figures named by label), so that the terminal, the JSON and the published
formats say the same thing in the same words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from factcheck.bands import Verdict
from factcheck.models import Interval, Match, Period
from factcheck.qualifiers import QUALIFIER_WORDS, Qualifier
from factcheck.wording import percent


@dataclass(frozen=True)
class Said:
    """The parts the sentences are made of, for one basis."""

    derivation: str  # "a + b = 323,000 reproduces the number exactly"
    support: str  # "the source describes 100.0% of it as lost"
    word: str  # the claim's word
    low: Decimal  # the supported share, low and high
    high: Decimal
    never: str  # sentences on figures never called the claim's word, and wrong-way changes
    within: str = ""  # " within the period the claim attributes", when prorated (rule D)


def within(basis: Period | None, claimed: Period | None) -> str:
    """The words that say a share counts only the days inside the claimed period (rule D):
    when some of the basis's period lies outside it."""
    if basis is None or claimed is None:
        return ""
    outside = basis.start < claimed.start or basis.end > claimed.end
    return " within the period the claim attributes" if outside else ""


def exactly(
    difference: Decimal, value: Decimal, qualifier: Qualifier, precision: Decimal | None
) -> str:
    """How a combination whose match is `exact` reproduces the claimed `value`, in words that
    are true: its range meets the claim's (docs/format.md, "Reproducing the claim"), but it
    is "exactly" only when it is the claimed value itself; else the range that admits it
    ("nearly $12 million" admits $11.9 million)."""
    if difference == 0:
        return "exactly"
    words = QUALIFIER_WORDS[qualifier].strip()
    if not words:  # a bare number: the figures' "more than" or "about" reaches it
        return "within the range the figures' wording allows"
    point = value + difference  # the value compared with the claim's (by size)
    if precision is not None and Interval.of(value, qualifier, precision).meets(
        Interval(low=point, high=point)
    ):
        return f"within the range the claim's \u201c{words}\u201d allows"
    return "within the range the wording of the claim and of the figures allows"


def match_word(match: Match, difference: Decimal) -> str:
    """A match in one or two words for a table: `exact` reads "in range" unless the values
    are equal (the JSON keeps `exact`)."""
    if match is Match.exact and difference != 0:
        return "in range"
    return match.value


def _supported(said: Said) -> str:
    return f"{said.derivation}, and {said.support}.{said.never}"


def _misleading(said: Said) -> str:
    if said.low < said.high:
        return (
            f"{said.derivation}, but the source says '{said.word}' of only some of them, "
            f"not of all.{said.never}"
        )
    return (
        f"{said.derivation}, but the source describes only {percent(said.high)} of it as "
        f"{said.word}{said.within}.{said.never}"
    )


def _false(said: Said) -> str:
    if said.high == 0:
        return (
            f"{said.derivation}, but the source does not describe any of it as "
            f"{said.word}.{said.never}"
        )
    return (
        f"{said.derivation}, but the source describes at most {percent(said.high)} of it as "
        f"{said.word}{said.within}.{said.never}"
    )


SENTENCES: dict[Verdict, Callable[[Said], str]] = {
    Verdict.supported: _supported,
    Verdict.misleading: _misleading,
    Verdict.false: _false,
}
