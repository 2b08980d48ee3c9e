"""The verdict's summary: one or two sentences a reader can check against the evidence.

Each band a combination can earn has its sentence in `SENTENCES` (a test checks that every
band of bands.py that is earned by a share has one); the claims nothing reproduces get the
sentence of their kind of claim (sums or ratios).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from factcheck import coincidence
from factcheck.judge.terms import term_label
from factcheck.models import Claim, Combination, LargestTotal, Match, Period, Qualifier, Verdict
from factcheck.sentences import SENTENCES, Said, exactly, within
from factcheck.units import ratio_scale
from factcheck.wording import amount, claim_number, number, percent, signed_percent

if TYPE_CHECKING:
    from factcheck.judge.beyond import Beyond
    from factcheck.judge.combinations import Combinations
    from factcheck.judge.settings import Rules
    from factcheck.judge.verdict import Decision, Reproductions


def summary(
    combos: Combinations,
    decision: Decision,
    rules: Rules,
    found: Reproductions | None = None,
    beyond: Beyond | None = None,
) -> str:
    basis = decision.basis_combination
    claim = combos.case.claim
    if basis is None and decision.dismissed:
        return coincidence.dismissed_summary(decision.dismissed[0])
    if basis is None and found is not None and found.near_misses and claim.covers is not None:
        return another_period(found.near_misses[0], claim.covers, claim.unit)
    if decision.verdict is Verdict.overstated and beyond is not None and beyond.largest:
        return overstated(beyond.largest, claim, combos.direction is not None and _ratio(claim))
    if basis is None:
        return combos.not_reproduced(rules) + _how_far(beyond, claim)
    if decision.verdict is Verdict.understated:
        return understated(basis, _phrases(combos, basis))
    said = _phrases(combos, basis)
    return SENTENCES[decision.verdict](said) + coincidence.weak_sentence(basis)


def _ratio(claim: Claim) -> bool:
    return ratio_scale(claim.unit) is not None


def another_period(near: Combination, covers: Period, unit: str) -> str:
    """A7: the number is reproduced, but only by figures that measure another period."""
    measured = f"{near.period.start} to {near.period.end}" if near.period else "another period"
    return (
        f"The source's figures reproduce the number but measure another period: "
        f"{near.expression} = {claim_number(near.value, unit, near.kind)} measures {measured}, "
        f"not the period the claim's number covers ({covers.start} to {covers.end})."
    )


def understated(basis: Combination, said: Phrases) -> str:
    """C3: a larger combination the source supports lies within half the claim above it."""
    return (
        f"Not reproduced, but the source shows more than the claim: {said.value_said} is "
        f"{percent(abs(basis.relative_difference))} larger, and {said.support}."
    )


def overstated(largest: LargestTotal, claim: Claim, by_size: bool) -> str:
    """C3: the claim exceeds the largest total the figures make."""
    value = claim_number(largest.value, claim.unit)
    share = percent(largest.value / claim.value) if claim.value else ""
    if _ratio(claim):
        most = f"the largest {'change' if by_size else 'figure'} the source's figures make"
        return f"Not reproduced: {most} is {largest.expression} = {value}, {share} of the claim."
    return (
        f"Not reproduced: the most these figures add up to is {value} {claim.unit} "
        f"({largest.expression}), {share} of the claim."
    )


def _how_far(beyond: Beyond | None, claim: Claim) -> str:
    """The nearest combination and the largest total, after "not reproduced"."""
    if beyond is None or not beyond.nearest:
        return ""
    first = beyond.nearest[0]
    text = (
        f" The nearest is {first.expression} = {claim_number(first.value, claim.unit, first.kind)} "
        f"({signed_percent(first.relative_difference)})"
    )
    largest = beyond.largest
    if largest is not None and not _ratio(claim):
        text += (
            f"; the most the figures add up to is {number(largest.value)} ({largest.expression})"
        )
    elif largest is not None:
        text += f"; the largest is {largest.expression} = {claim_number(largest.value, claim.unit)}"
    return text + "."


def sum_not_reproduced(claim: Claim, rules: Rules) -> str:
    terms = "any number of" if rules.max_terms == "all" else f"up to {rules.max_terms}"
    figures = "figure" if rules.max_terms == 1 else "figures"
    return (
        f"Not reproduced by the source's figures: no combination of {terms} {figures} in "
        f"{claim.unit} comes within {percent(rules.tolerance)} of {_claimed(claim, rules)}."
    )


def _claimed(claim: Claim, rules: Rules) -> str:
    """The claimed number, and what a number said bare rounds from when that reaches
    beyond the tolerance (rule B1)."""
    if claim.qualifier is not Qualifier.exact:
        return amount(claim.qualifier, claim.value)
    said = claim_number(claim.value, claim.unit)
    target = rules.target
    rounded = target.rounded
    low, high = target.interval.low - target.allowance, target.interval.high + target.allowance
    if rounded is None or (rounded.low >= low and rounded.high <= high):
        return said
    ends = (claim_number(end, claim.unit) for end in (rounded.low, rounded.high))
    return f"{said} or rounds to it ({' to '.join(ends)})"


def _points(points: Decimal) -> str:
    return f"{number(points)} percentage point{'' if points == 1 else 's'}"


def ratio_not_reproduced(claim: Claim, rules: Rules) -> str:
    within = percent(rules.tolerance)
    if rules.tolerance_points:
        within += f" or {_points(rules.tolerance_points)}"
    return (
        "Not reproduced by the source's figures: no change within a series, share of a "
        f"whole or figure stated in {claim.unit} comes within {within} of "
        f"{_claimed(claim, rules)}."
    )


@dataclass(frozen=True)
class Phrases(Said):
    """The sentences' parts, and what the understated sentence adds."""

    value_said: str = ""  # "a + b = 323,000"


def _phrases(combos: Combinations, basis: Combination) -> Phrases:
    claim = combos.case.claim
    word = claim.asserts
    low, high = basis.supported_share.low, basis.supported_share.high
    share = percent(high) if low == high else f"between {percent(low)} and {percent(high)}"
    if combos.change_supported(basis):
        support = (
            f"the change between the source's figures is a {combos.direction}, which is "
            f"what '{word}' says"
        )
    else:
        support = f"the source describes {share} of it as {word}"
    value_said = f"{basis.expression} = {claim_number(basis.value, claim.unit, basis.kind)}"
    return Phrases(
        derivation=f"{value_said} reproduces the number {_how(basis, claim)}",
        value_said=value_said,
        support=support,
        word=word,
        low=low,
        high=high,
        never=_never(basis, word) + combos.wrong_way(basis),
        within=within(basis.period, claim.period),
    )


def _how(basis: Combination, claim: Claim) -> str:
    if basis.match is Match.exact:
        how = exactly(basis.difference, claim.value, claim.qualifier, claim.precision)
        return how if how == "exactly" else f"{how} ({signed_percent(basis.relative_difference)})"
    if basis.match is Match.rounded:
        return f"as rounded ({signed_percent(basis.relative_difference)})"
    return f"approximately ({signed_percent(basis.relative_difference)})"


def _never(basis: Combination, word: str) -> str:
    """ " The source never describes these 12,000 (x) as lost." for each such figure."""
    terms = {term.figure: term for term in basis.terms}
    never = "; ".join(
        f"the source never describes these {number(terms[f].value)} ({term_label(terms[f])}) "
        f"as {word}"
        for f in basis.unsupported_figures
    )
    return f" {never[0].upper()}{never[1:]}." if never else ""
