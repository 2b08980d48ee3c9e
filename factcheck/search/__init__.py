"""Find every combination of figures that reproduces a claimed value.

A combination is a set of figures, each added or subtracted. It is a *candidate* when
subtraction means something: every subtracted figure is a part (transitively) of an added
one, or a stock subtracted from another stock of the same series (a change over time); no
series contributes more than one added and one subtracted stock; no two subtracted figures
are nested; at most one figure of a `group` (the windows of one series) takes part. Added
figures where one is part of another double count: such combinations are never candidates,
but those that would reproduce the claim are reported as overlaps.

Two exact ways to find them, both on integers scaled from the exact decimals (no rounding):

- bounded `max_terms` (the default, 4): a depth-first walk over figures sorted by value,
  pruned by bounds on what the remaining figures can still add or take away. The windows of
  a group are never walked one by one: at the end of each partial combination the walk
  binary-searches the group's sorted values for the members that can still land in the
  window. Work is bounded by a budget of examined figures, which keeps the result
  deterministic (a time limit would not); a spent budget is reported, never hidden.
- `max_terms: all`: meet in the middle. The figures are split into two halves whose partial
  sums are tabulated with numpy; for each partial sum of one half, binary search over the
  other half's sorted sums counts every completion that reproduces the claim, so millions of
  matches are counted without being listed, and only the best-ranked `top` per bucket are
  built. See docs/search.md.

Matches are put in buckets (judge.py: verdict bands) either by `Weights`, sums the search
carries beside the value (what the exhaustive search needs to count without listing), or by
a `classify` callback on each listed match.

The modules, in the order a search uses them:

- `types`: what the search is given and returns (`Candidate`, `Target`, `Weights`, ...).
- `prepare`, with `scale`, `rules` and `buckets`: the candidates, the target and the
  weights as integers on one scale, and the rules as candidate indices.
- `walk`, with `bounds`: the bounded search; `ranking`: counting and keeping the best.
- `meet`: the exhaustive search, over `items` split into `halves`, tabulated as `tables`;
  `segments` (where completions land) and `best` (the best-ranked matches, built).
- `census`: how crowded the values near a claim are, for the coincidence estimate.
- `limits`: how large the exhaustive search may grow before the walk takes over.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from factcheck.search.census import Census, census
from factcheck.search.closest import NEAREST, Accept, Closest
from factcheck.search.closest import closest as _closest
from factcheck.search.closest import nearest as _nearest
from factcheck.search.limits import (
    COMPONENT_LIMIT,
    HALF_LIMIT,
    OPTION_LIMIT,
    RELATION_LIMIT,
    TooLarge,
)
from factcheck.search.meet import exhaustive
from factcheck.search.prepare import Prepared
from factcheck.search.totals import largest as _largest
from factcheck.search.types import (
    ALL,
    DEFAULT_BUDGET,
    DEFAULT_TOP,
    MATCH_LEVEL,
    NO_MATCH,
    OVERLAPS_KEPT,
    Bucket,
    Candidate,
    Classify,
    Found,
    MaxTerms,
    Rank,
    SearchResult,
    Selection,
    Target,
    Weights,
    combine_intervals,
    interval_gap,
)
from factcheck.search.walk import bounded

__all__ = [
    "ALL",
    "COMPONENT_LIMIT",
    "DEFAULT_BUDGET",
    "DEFAULT_TOP",
    "HALF_LIMIT",
    "MATCH_LEVEL",
    "NEAREST",
    "OPTION_LIMIT",
    "OVERLAPS_KEPT",
    "RELATION_LIMIT",
    "Accept",
    "Bucket",
    "Candidate",
    "Census",
    "Classify",
    "Closest",
    "Found",
    "MaxTerms",
    "Rank",
    "SearchResult",
    "Selection",
    "Target",
    "Weights",
    "census",
    "combine_intervals",
    "interval_gap",
    "largest",
    "nearer_above",
    "nearest",
    "search",
]


def search(
    candidates: Sequence[Candidate],
    target: Target,
    *,
    max_terms: MaxTerms,
    classify: Classify | None = None,
    weights: Weights | None = None,
    top: int = DEFAULT_TOP,
    budget: int = DEFAULT_BUDGET,
) -> SearchResult:
    """Every candidate combination of at most max_terms figures that reproduces target.

    `max_terms="all"` searches combinations of any size exhaustively (meet in the middle);
    an int walks them within `budget`. Buckets come from `weights` or `classify` (one of
    them, or neither: one bucket, None).
    """
    if classify is not None and weights is not None:
        raise ValueError("give weights or classify, not both")
    prepared = Prepared(candidates, target, weights)
    if max_terms == ALL:
        try:
            return exhaustive(prepared, classify, top)
        except TooLarge:
            max_terms = len(candidates)  # the walk, within its budget
    assert isinstance(max_terms, int)
    return bounded(prepared, max_terms, classify, top, budget)


def nearest(result: SearchResult, *, n: int = NEAREST, budget: int = DEFAULT_BUDGET) -> Closest:
    """The n candidate combinations (of at most the search's number of terms) nearest the
    target's value, whether or not they reproduce it: by distance, then fewer terms, then
    selection (docs/format.md, rule C1). Over the census's tables when they fit, else by a
    walk within `budget`."""
    if result.census is None:
        return Closest([], True)
    return _nearest(result.census, n=n, budget=budget)


def nearer_above(
    result: SearchResult,
    above: Decimal,
    up_to: Decimal,
    accept: Accept,
    *,
    budget: int = DEFAULT_BUDGET,
) -> Closest:
    """The candidate combination nearest the target's value among those whose value lies
    above `above` and at most `up_to` and that `accept` lets through (rule C3), by a walk
    within `budget`."""
    if result.census is None:
        return Closest([], True)
    p = result.census.p
    most = result.census.cap or p.n
    return _closest(p, most, n=1, budget=budget, above=above, up_to=up_to, accept=accept)


def largest(result: SearchResult) -> tuple[Found | None, bool]:
    """The largest total the candidates make, over every figure (rule C2): its combination
    (None when no figure is positive), and whether the search for it finished."""
    if result.census is None:
        return None, True
    p = result.census.p
    found = _largest(p)
    if not found.selection:
        return None, found.complete
    return p.found(found.selection, found.point, NO_MATCH), found.complete
