"""The verdict's summary: one or two sentences a reader can check against the evidence.

Each band a combination can earn has its sentence in `SENTENCES` (a test checks that every
band of bands.py that is earned by a share has one); the claims nothing reproduces get the
sentence of their kind of claim (sums or ratios).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from factcheck import coincidence
from factcheck.judge.terms import term_label
from factcheck.models import Claim, Combination, Match, Verdict
from factcheck.wording import claim_number, number, percent, signed_percent

if TYPE_CHECKING:
    from factcheck.judge.combinations import Combinations
    from factcheck.judge.settings import Rules
    from factcheck.judge.verdict import Decision


def summary(combos: Combinations, decision: Decision, rules: Rules) -> str:
    basis = decision.basis_combination
    if basis is None and decision.dismissed:
        return coincidence.dismissed_summary(decision.dismissed[0])
    if basis is None:
        return combos.not_reproduced(rules)
    said = _phrases(combos, basis)
    if decision.capped:
        text = (
            f"{said.derivation}, and {said.support}, but more than half of the period those "
            "figures cover lies outside the period the claim attributes."
        )
    else:
        text = SENTENCES[decision.verdict](said)
    return text + coincidence.weak_sentence(basis)


def sum_not_reproduced(claim: Claim, rules: Rules) -> str:
    terms = "any number of" if rules.max_terms == "all" else f"up to {rules.max_terms}"
    figures = "figure" if rules.max_terms == 1 else "figures"
    return (
        f"Not reproduced by the source's figures: no combination of {terms} {figures} in "
        f"{claim.unit} comes within {percent(rules.tolerance)} of {number(claim.value)}."
    )


def ratio_not_reproduced(claim: Claim, rules: Rules) -> str:
    return (
        "Not reproduced by the source's figures: no change within a series, share of a "
        f"whole or figure stated in {claim.unit} comes within {percent(rules.tolerance)} of "
        f"{claim_number(claim.value, claim.unit)}."
    )


@dataclass(frozen=True)
class Phrases:
    """The parts the sentences are made of, for one basis."""

    derivation: str  # "a + b = 323,000 reproduces the number exactly"
    support: str  # "the source describes 100.0% of it as lost"
    word: str  # the claim's word
    low: Decimal  # the supported share, low and high
    high: Decimal
    share: str  # "100.0%", or "between 40.0% and 60.0%"
    never: str  # sentences on figures never called the claim's word, and wrong-way changes


def _supported(said: Phrases) -> str:
    return f"{said.derivation}, and {said.support}."


def _misleading(said: Phrases) -> str:
    if said.low < said.high:
        return (
            f"{said.derivation}, but the source says '{said.word}' of only some of them, "
            f"not of all.{said.never}"
        )
    return (
        f"{said.derivation}, but the source describes only {said.share} of it as "
        f"{said.word}.{said.never}"
    )


def _false(said: Phrases) -> str:
    if said.high == 0:
        return (
            f"{said.derivation}, but the source does not describe any of it as "
            f"{said.word}.{said.never}"
        )
    return (
        f"{said.derivation}, but the source describes at most {percent(said.high)} of it as "
        f"{said.word}.{said.never}"
    )


SENTENCES: dict[Verdict, Callable[[Phrases], str]] = {
    Verdict.supported: _supported,
    Verdict.misleading: _misleading,
    Verdict.false: _false,
}


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
    return Phrases(
        derivation=(
            f"{basis.expression} = {claim_number(basis.value, claim.unit, basis.kind)} "
            f"reproduces the number {_how(basis)}"
        ),
        support=support,
        word=word,
        low=low,
        high=high,
        share=share,
        never=_never(basis, word) + combos.wrong_way(basis),
    )


def _how(basis: Combination) -> str:
    if basis.match is Match.exact:
        return "exactly"
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
