"""What the walk visits in which order, and how far the figures left can still reach.

The walk takes figures in ascending order of value. For every position and number of terms
left it knows the most the remaining figures can add and take away, so that it stops a loop
as soon as the running sum can no longer land in the window around the claim. Groups of
figures related to nothing are not walked: their sorted values are binary-searched.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from factcheck.search.prepare import Prepared

EXACT_REACH = 64  # terms up to which the walk's bounds are the exact best sums
_NOTHING = 1 << 400  # first_low past the last figure: no figure is left to add


class Bounds:
    """The walk's order and searched groups, its window and the reach of what is left."""

    def __init__(self, p: Prepared, depth: int) -> None:
        rules, target = p.rules, p.target
        # Groups whose members are related to nothing are never walked: their sorted values
        # are binary-searched at the end of each partial combination instead.
        fast = sorted(
            name for name, members in rules.group_members.items() if rules.all_plain(members)
        )
        # Sorting is stable and members come in order: ties in value stay in index order.
        value = p.points.__getitem__
        self.fast_ids = [sorted(rules.group_members[g], key=value) for g in fast]
        self.fast_values = [list(map(value, ids)) for ids in self.fast_ids]
        fast_set = set().union(*self.fast_ids)
        # Walk in ascending order of value so that bounds let us stop early.
        self.order = sorted(itertools.filterfalse(fast_set.__contains__, range(p.n)), key=value)
        spread = 0 if p.points_only else _spread(p)
        slack = depth * spread
        # Points are integers, so integer bounds are exact and far cheaper than Fractions. A
        # combination's value lies within `slack` of its interval, which must come within
        # the tolerance of the target's interval (or its value round to the target).
        low, high = target.reach()
        self.window_low = low - slack
        self.window_high = high + slack
        self._reach(p, depth)

    def _reach(self, p: Prepared, depth: int) -> None:
        """reach_low[j][r] / reach_high[j][r]: the most r terms from position j on (and from
        the groups, which may end any combination) can take away / add."""
        group_high = [max(values) for values in self.fast_values if max(values) > 0]
        group_low = [min(values) for values in self.fast_values if min(values) < 0]
        self.fast_high = reach([[v] for v in (max(vs) for vs in self.fast_values)], depth, 1)
        self.fast_low = reach([[v] for v in (min(vs) for vs in self.fast_values)], depth, -1)
        options: list[list[int]] = []
        for k in self.order:
            point = p.points[k]
            options.append([point, -point] if p.rules.negatable[k] else [point])
        self.reach_high = reach(options, depth, 1, group_high)
        self.reach_low = reach(options, depth, -1, group_low)
        # first_low[j]: the least a figure from position j on adds by itself. A walk's level
        # always adds (or takes away) one figure, so with the rest's reach_low this bounds
        # the level from below where reach_low alone (which may add nothing) cannot: a round
        # number's wide window (rule B1) otherwise walked every figure past every start.
        self.first_low = list(
            itertools.accumulate(
                (min(values) for values in reversed(options)), min, initial=_NOTHING
            )
        )[::-1]


def _spread(p: Prepared) -> int:
    """How far any candidate's interval reaches beyond its point."""
    return max(
        [0] + [max(pt - lo, hi - pt) for pt, lo, hi in zip(p.points, p.lows, p.highs, strict=True)]
    )


def reach(
    options: Sequence[Sequence[int]], depth: int, sign: int, extra: Sequence[int] = ()
) -> list[list[int]]:
    """rows[j][r]: the largest (sign 1) or smallest (-1) sum of at most r of the values on
    offer from position j on, one per position, the `extra` values always on offer. Rows
    stop at r = EXACT_REACH; their last entry, for any r beyond, is the sum of everything
    on offer, a looser bound (`max_terms: all` on 10,000 figures needs no 10^8 table)."""
    exact = min(depth, EXACT_REACH)
    rows: list[list[int]] = [[] for _ in range(len(options) + 1)]
    best = sorted((v for v in extra if v * sign > 0), key=lambda v: -v * sign)[:exact]
    everything = sum(v for v in extra if v * sign > 0)
    for j in range(len(options), -1, -1):
        if j < len(options):
            chosen = [v for v in options[j] if v * sign > 0]
            if chosen:
                value = max(chosen, key=lambda v: v * sign)
                everything += value
                if len(best) < exact or value * sign > best[-1] * sign:
                    bisect.insort(best, value, key=lambda v: -v * sign)
                    del best[exact:]
        sums = list(itertools.accumulate(best, initial=0))
        rows[j] = sums + [sums[-1]] * (exact - len(best)) + [everything]
    return rows
