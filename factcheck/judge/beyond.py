"""When nothing reproduces the claim: how far, and which way (rules C1-C3).

- `nearest`: up to five admissible combinations nearest the claimed value (by relative
  difference, the simplest first on ties), in the form of reproducing ones (match none);
- `largest`: the largest total the figures make in the claim's unit, over every figure;
- `larger`: the nearest combination above the claim, by more than the tolerance and by at
  most half the claim, that the source's words support (band `supported`): the basis of an
  `understated` verdict.

Sums find them with the search's own tables or walk (factcheck.search); ratios by looking at
every ratio, as their search does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from factcheck.models import Combination, LargestTotal, Verdict
from factcheck.search import NEAREST, Found, SearchResult, Selection, largest, nearer_above, nearest

if TYPE_CHECKING:
    from factcheck.judge.settings import Rules

LARGER_AT_MOST = Decimal("0.5")  # understated: larger than the claim by at most half of it


@dataclass
class Beyond:
    """What the audit shows of the source's figures when nothing reproduces the claim."""

    nearest: list[Combination] = field(default_factory=list)
    largest: LargestTotal | None = None
    larger: Combination | None = None  # the nearest larger supported combination
    complete: bool = True  # False when a budget cut one of the searches short


def larger_window(rules: Rules) -> tuple[Decimal, Decimal] | None:
    """(above, up to): where a larger supported combination may lie, for a positive claim."""
    target = rules.target
    if target.point <= 0:
        return None
    return target.reach[1], target.point * (1 + LARGER_AT_MOST)


def largest_total(combination: Combination) -> LargestTotal:
    return LargestTotal(
        value=combination.value,
        expression=combination.expression,
        supported_value=combination.supported_value,
        terms=combination.terms,
    )


def sum_beyond(
    result: SearchResult,
    rules: Rules,
    combination: Callable[[Found], Combination],
    band: Callable[[Selection], Verdict],
) -> Beyond:
    """Nearest, largest and the nearest larger supported combination of a sum claim."""
    closest = nearest(result, n=NEAREST, budget=rules.budget)
    found, largest_complete = largest(result)
    larger = None
    larger_complete = True
    window = larger_window(rules)
    if window is not None:
        above = nearer_above(
            result, *window, lambda s: band(s) is Verdict.supported, budget=rules.budget
        )
        larger = combination(above.found[0]) if above.found else None
        larger_complete = above.complete
    return Beyond(
        nearest=[combination(f) for f in closest.found],
        largest=largest_total(combination(found)) if found is not None else None,
        larger=larger,
        complete=closest.complete and largest_complete and larger_complete,
    )


def overstates(rules: Rules, largest: LargestTotal | None) -> bool:
    """The claim exceeds the largest total by more than the tolerance (rule C3)."""
    target = rules.target
    if largest is None or target.point <= 0:
        return False
    return target.interval.low - target.allowance > largest.value
