"""The brute-force reference the searches are tested against: plain enumeration of every
signed subset with itertools, and the rules stated one combination at a time.

Slow on purpose and never imported by factcheck: it states what a candidate is as plainly as
possible, so that the fast searches can be checked against it (and the search benchmark can
time it as its baseline).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal

from factcheck.models import Match
from factcheck.search import ALL, Candidate, MaxTerms, Selection, Target, Weights, combine_intervals


def _stock(candidate: Candidate) -> str | None:
    """The series of a stock (a figure on a date); None for anything else."""
    return candidate.series if candidate.as_of is not None and candidate.series else None


def is_candidate(candidates: Sequence[Candidate], selection: Selection) -> bool | None:
    """True for a candidate combination, None for a double count (overlap), else False."""
    plus = [candidates[i] for i, sign in selection if sign > 0]
    minus = [candidates[i] for i, sign in selection if sign < 0]
    if not plus:
        return False
    groups = [c.group for c in (*plus, *minus) if c.group is not None]
    if len(groups) != len(set(groups)):
        return False
    for side in (plus, minus):
        stock_series = [name for name in map(_stock, side) if name is not None]
        if len(stock_series) != len(set(stock_series)):
            return False
    if any(a.id in b.ancestors for a in minus for b in minus):
        return False
    for part in minus:
        by_whole = any(p.id in part.ancestors for p in plus)
        by_change = _stock(part) is not None and any(
            _stock(p) == _stock(part) and p.as_of != part.as_of for p in plus
        )
        if not (by_whole or by_change):
            return False
    if any(a.id in b.ancestors for a in plus for b in plus):
        return None
    return True


def weigh(
    candidates: Sequence[Candidate], weights: Weights, selection: Selection
) -> tuple[Decimal, Decimal]:
    """The (low, high) sums of a candidate combination, as `Weights` defines them."""
    low = high = Decimal(0)
    paired: set[int] = set()
    for b, sign in selection:
        if sign > 0:
            continue
        for a, other in selection:
            pair = weights.changes.get((a, b))
            if other > 0 and pair is not None and a not in paired:
                low, high = low + pair[0], high + pair[1]
                paired.update((a, b))
                break
    for k, sign in selection:
        if k not in paired:
            low, high = low + sign * weights.low[k], high + sign * weights.high[k]
    return low, high


def search_naive(
    candidates: Sequence[Candidate], target: Target, *, max_terms: MaxTerms
) -> tuple[list[tuple[Selection, Match]], list[Selection]]:
    """Try every signed subset with itertools: (matches, overlaps), each sorted."""
    matches: list[tuple[Selection, Match]] = []
    overlaps: list[Selection] = []
    indices = range(len(candidates))
    tolerance = target.allowance
    largest = len(candidates) if max_terms == ALL else int(max_terms)
    for size in range(1, largest + 1):
        for chosen in itertools.combinations(indices, size):
            for signs in itertools.product((1, -1), repeat=size):
                selection = tuple(zip(chosen, signs, strict=True))
                verdict = is_candidate(candidates, selection)
                if verdict is False:
                    continue
                signed = [(candidates[i].interval, s) for i, s in selection]
                point = sum((candidates[i].point * s for i, s in selection), Decimal(0))
                if combine_intervals(signed).meets(target.interval):
                    match = Match.exact
                elif abs(point - target.point) <= tolerance:
                    match = Match.approximate
                else:
                    continue
                if verdict is None:
                    overlaps.append(selection)
                else:
                    matches.append((selection, match))
    return sorted(matches), sorted(overlaps)


def count_naive(candidates: Sequence[Candidate], size: int, low: Decimal, high: Decimal) -> int:
    """Candidate combinations of `size` terms whose value lies in [low, high], one by one."""
    total = 0
    for chosen in itertools.combinations(range(len(candidates)), size):
        for signs in itertools.product((1, -1), repeat=size):
            selection = tuple(zip(chosen, signs, strict=True))
            if is_candidate(candidates, selection) is not True:
                continue
            point = sum((candidates[i].point * s for i, s in selection), Decimal(0))
            total += low <= point <= high
    return total
