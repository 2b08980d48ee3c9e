"""From the search's matches to the verdict: list them, drop coincidences, pick the basis.

The verdict is the most favourable band (bands.py, in the table's order) that a reproducing
combination earns, unless the best match of that band is a coincidence (coincidence.py):
then the next band's may still count. (The period a basis measures counts through its
prorated support, rule D, not through a cap.) When nothing reproduces the claim, the
verdict says which way the source's figures lie (rule C3): `understated` when a larger
combination the source supports lies within half the claim above it, `overstated` when the
claim exceeds the largest total the figures make, else `unsupported`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from factcheck import bands, coincidence
from factcheck.judge.beyond import Beyond, overstates
from factcheck.judge.combinations import Combinations
from factcheck.judge.settings import Rules
from factcheck.models import Combination, Verdict
from factcheck.search import Found, SearchResult

NEAR_MISS = "near_miss"  # a bucket: reproduces the number but not over the `covers` period


@dataclass
class Reproductions:
    """The listed combinations (the best `top`, and the first of each band) and the near
    misses, as the audit reports them."""

    result: SearchResult
    listed: list[Found]
    combinations: list[Combination]
    near_misses: list[Combination]
    near_count: int  # every near miss, listed or not


def reproductions(combos: Combinations, result: SearchResult, rules: Rules) -> Reproductions:
    near = result.found.pop(NEAR_MISS, [])[: rules.top]
    near_count = result.counts.pop(NEAR_MISS, 0)
    listed = _listed(result, rules.top)
    combinations = [combos.combination(found) for found in listed]
    near_misses = [combos.combination(found) for found in near]
    if combinations or near_misses:  # the estimate's tables are costly: only when needed
        annotate = combos.chance(result, rules)
        combinations = [annotate(combination) for combination in combinations]
        near_misses = [annotate(combination) for combination in near_misses]
    return Reproductions(result, listed, combinations, near_misses, near_count)


def _listed(result: SearchResult, top: int) -> list[Found]:
    """The best `top` combinations overall, plus the first of each band (a verdict's basis)."""
    everything = sorted(found for kept in result.found.values() for found in kept)
    listed = everything[:top]
    for kept in result.found.values():
        if kept and kept[0] not in listed:
            listed.append(kept[0])
    return sorted(listed)


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    basis: int | None = None  # its index among the listed combinations
    basis_combination: Combination | None = None
    # The best combination of each band passed over as a coincidence, best band first.
    dismissed: list[Combination] = field(default_factory=list)


def decide(found: Reproductions) -> Decision:
    result, combinations = found.result, found.combinations
    earned = [band for band in bands.EARNED if result.counts.get(band)]
    firsts = {band: combinations[found.listed.index(result.found[band][0])] for band in earned}
    passed = list(
        itertools.takewhile(lambda band: coincidence.is_coincidental(firsts[band]), earned)
    )
    dismissed = [firsts[band] for band in passed]
    best = next((band for band in earned if band not in passed), None)
    if best is None:
        return Decision(Verdict.unsupported, dismissed=dismissed)
    basis = found.listed.index(result.found[best][0])
    return Decision(
        verdict=best, basis=basis, basis_combination=combinations[basis], dismissed=dismissed
    )


def decide_beyond(
    decision: Decision, found: Reproductions, beyond: Beyond, rules: Rules
) -> Decision:
    """The verdict when nothing reproduces the claim (rule C3). A number reproduced only by
    coincidences or over another period than the claim's `covers` stays `unsupported`: the
    figures do make it."""
    if decision.basis is not None or decision.dismissed or found.near_misses:
        return decision
    if beyond.larger is not None:
        return Decision(
            Verdict.understated,
            basis=len(found.combinations),
            basis_combination=beyond.larger,
        )
    if overstates(rules, beyond.largest):
        return Decision(Verdict.overstated)
    return decision
