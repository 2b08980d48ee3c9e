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
    # A part and its whole share a combination only as the whole less the part.
    if any(whole.id in part.ancestors for part in plus for whole in minus):
        return False
    for part in minus:
        partners = [
            p for p in plus if _stock(part) is not None and _stock(p) == _stock(part)
            and p.as_of != part.as_of
        ]  # fmt: skip
        if partners:  # a change: never against its direction (a negative change)
            p = partners[0]
            if not (p.point > part.point or (p.point == part.point and p.as_of > part.as_of)):
                return False
        elif not any(p.id in part.ancestors for p in plus):
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
    largest = len(candidates) if max_terms == ALL else int(max_terms)
    for size in range(1, largest + 1):
        for chosen in itertools.combinations(indices, size):
            for signs in itertools.product((1, -1), repeat=size):
                selection = tuple(zip(chosen, signs, strict=True))
                verdict = is_candidate(candidates, selection)
                if verdict is False:
                    continue
                found = match_of(candidates, target, selection)
                if found is None:
                    continue
                match = found
                if verdict is None:
                    overlaps.append(selection)
                else:
                    matches.append((selection, match))
    return sorted(matches), sorted(overlaps)


def match_of(candidates: Sequence[Candidate], target: Target, selection: Selection) -> Match | None:
    """Exact (the intervals meet), approximate (the gap between them is at most the
    tolerance), rounded (the value rounds to the claim), or None."""
    interval = combine_intervals([(candidates[i].interval, s) for i, s in selection])
    point = sum((candidates[i].point * s for i, s in selection), Decimal(0))
    if interval.meets(target.interval):
        return Match.exact
    gap = max(Decimal(0), interval.low - target.interval.high, target.interval.low - interval.high)
    if gap <= target.allowance:
        return Match.approximate
    rounded = target.rounded
    if rounded is not None and rounded.low <= point <= rounded.high:
        return Match.rounded
    return None


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


def signed_subsets(candidates: Sequence[Candidate], most: int) -> list[Selection]:
    """Every candidate combination of at most `most` terms (double counts left out)."""
    found = []
    for size in range(1, most + 1):
        for chosen in itertools.combinations(range(len(candidates)), size):
            for signs in itertools.product((1, -1), repeat=size):
                selection = tuple(zip(chosen, signs, strict=True))
                if is_candidate(candidates, selection) is True:
                    found.append(selection)
    return found


def value_of(candidates: Sequence[Candidate], selection: Selection) -> Decimal:
    return sum((candidates[i].point * s for i, s in selection), Decimal(0))


def nearest_naive(
    candidates: Sequence[Candidate], target: Target, most: int, n: int
) -> list[Selection]:
    """The n candidate combinations nearest the target's value: by distance, then fewer
    terms, then selection (rule C1)."""
    ranked = sorted(
        (abs(value_of(candidates, s) - target.point), len(s), s)
        for s in signed_subsets(candidates, most)
    )
    return [selection for _, _, selection in ranked[:n]]


def largest_naive(candidates: Sequence[Candidate]) -> Decimal:
    """The largest total of any candidate combination (of any size) whose figures are
    added, no two of them part and whole, but for changes between stocks (rule C2)."""
    best = Decimal(0)
    for selection in signed_subsets(candidates, len(candidates)):
        chosen = [candidates[i] for i, _ in selection]
        if any(a.id in b.ancestors for a in chosen for b in chosen):
            continue
        if any(sign < 0 and _stock(candidates[i]) is None for i, sign in selection):
            continue
        best = max(best, value_of(candidates, selection))
    return best
