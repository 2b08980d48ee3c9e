"""The bounded search (`max_terms` a number): a pruned depth-first walk within a budget.

Work is bounded by a budget of examined figures, which keeps the result deterministic (a
time limit would not); a spent budget is reported, never hidden.
"""

from __future__ import annotations

import bisect

from factcheck.search.bounds import EXACT_REACH, Bounds
from factcheck.search.census import Census
from factcheck.search.prepare import Prepared
from factcheck.search.ranking import Kept, Tally, keep, selection_of
from factcheck.search.types import OVERLAPS_KEPT, Classify, SearchResult


class BudgetSpent(Exception):
    """Raised inside the walk when the budget of examined combinations is spent."""


def bounded(
    prepared: Prepared, max_terms: int, classify: Classify | None, top: int, budget: int
) -> SearchResult:
    """Every match of at most `max_terms` figures, or as many as the budget finds."""
    walker = Walk(prepared, max_terms, classify, top, budget)
    try:
        walker.run()
        complete = True
    except BudgetSpent:
        complete = False
    return walker.tally.result(
        examined=walker.examined,
        complete=complete,
        budget=budget,
        census=Census(prepared, walker.max_terms),
    )


class Walk:
    """A pruned depth-first walk over the figures sorted by value, counting each figure it
    tries against the budget."""

    def __init__(
        self, prepared: Prepared, max_terms: int, classify: Classify | None, top: int, budget: int
    ) -> None:
        self.p = prepared
        self.target = prepared.target
        self.classify = classify
        self.budget = budget
        self.max_terms = max(1, min(max_terms, prepared.n))
        self.examined = 0
        self.tally = Tally(top)
        self.group_count: dict[str, int] = {}
        self.minus_wholes = 0  # subtracted figures that are wholes (only their parts are barred)
        self.bounds = Bounds(prepared, self.max_terms)

    def run(self) -> None:
        self._extend(0, self.max_terms, 0, [], [], 0)

    def _extend(
        self, start: int, left: int, point: int, plus: list[int], minus: list[int], overlaps: int
    ) -> None:
        if left == 0:
            return
        if self.bounds.fast_ids:
            self._groups(0, left, point, plus, minus, overlaps)
        rules, points, bounds = self.p.rules, self.p.points, self.bounds
        order, reach_low, reach_high = bounds.order, bounds.reach_low, bounds.reach_high
        wholes = rules.wholes
        low, high = bounds.window_low, bounds.window_high
        terms = min(left, EXACT_REACH + 1)  # beyond the exact rows: the sum of everything
        rest = min(left - 1, EXACT_REACH + 1)  # after this level's own figure
        for j in range(start, len(order)):
            if point + reach_high[j][terms] < low:
                break  # later figures reach no further: the bounds only shrink with j
            if point + reach_low[j][terms] > high:
                break
            if point + bounds.first_low[j] + reach_low[j][rest] > high:
                break  # this figure and any after it overshoot, whatever else is added
            if self.examined >= self.budget:  # so that `examined` never exceeds `budget`
                raise BudgetSpent
            self.examined += 1
            k = order[j]
            group = rules.group[k]
            if group is not None and self.group_count.get(group):
                continue
            if group is not None:
                self.group_count[group] = 1
            series = rules.stock[k]
            value = points[k]
            related = rules.related[k]  # part_of ties it to another candidate
            # Added: never beside a second stock of its series, nor a part of a subtracted figure.
            if (series is None or not any(rules.stock[q] == series for q in plus)) and not (
                related and self.minus_wholes and rules.part_of_subtracted(k, minus)
            ):
                nested = sum(1 for q in plus if rules.nested(q, k)) if related else 0
                plus.append(k)
                if low <= point + value <= high:  # (_visit would return at once otherwise)
                    self._visit(point + value, plus, minus, overlaps + nested)
                self._extend(j + 1, left - 1, point + value, plus, minus, overlaps + nested)
                plus.pop()
            # Subtracted: never nested in another subtracted figure, one stock per series,
            # never the whole of an added figure.
            if (
                rules.negatable[k]
                and not (related and any(rules.nested(q, k) for q in minus))
                and (series is None or not any(rules.stock[q] == series for q in minus))
                and not (related and k in wholes and rules.whole_of_added(k, plus))
            ):
                whole = related and k in wholes
                self.minus_wholes += whole
                minus.append(k)
                if low <= point - value <= high:
                    self._visit(point - value, plus, minus, overlaps)
                self._extend(j + 1, left - 1, point - value, plus, minus, overlaps)
                minus.pop()
                self.minus_wholes -= whole
            if group is not None:
                self.group_count[group] = 0

    def _groups(
        self, first: int, left: int, point: int, plus: list[int], minus: list[int], overlaps: int
    ) -> None:
        """End the combination with one member of some of the groups from `first` on."""
        bounds = self.bounds
        for g in range(first, len(bounds.fast_ids)):
            # What the later groups can still add keeps a member in range.
            terms = min(left - 1, EXACT_REACH + 1)
            low = bounds.window_low - point - bounds.fast_high[g + 1][terms]
            high = bounds.window_high - point - bounds.fast_low[g + 1][terms]
            values, ids = bounds.fast_values[g], bounds.fast_ids[g]
            for t in range(bisect.bisect_left(values, low), bisect.bisect_right(values, high)):
                if self.examined >= self.budget:
                    raise BudgetSpent
                self.examined += 1
                plus.append(ids[t])
                self._visit(point + values[t], plus, minus, overlaps)
                if left > 1:
                    self._groups(g + 1, left - 1, point + values[t], plus, minus, overlaps)
                plus.pop()

    def _visit(self, point: int, plus: list[int], minus: list[int], overlaps: int) -> None:
        bounds = self.bounds
        if not plus or point < bounds.window_low or point > bounds.window_high:
            return
        p, target = self.p, self.target
        if minus and not all(p.rules.justified(k, plus) for k in minus):
            return
        if p.points_only:
            level = target.level(point, point, point, False, False)
        else:
            low = sum(p.lows[k] for k in plus) - sum(p.highs[k] for k in minus)
            high = sum(p.highs[k] for k in plus) - sum(p.lows[k] for k in minus)
            low_open = any(p.low_open[k] for k in plus) or any(p.high_open[k] for k in minus)
            high_open = any(p.high_open[k] for k in plus) or any(p.low_open[k] for k in minus)
            level = target.level(point, low, high, low_open, high_open)
        if level is None:
            return
        # Ranks here measure the distance in scaled integers (the order is the same); the
        # selection and the Fraction are made only for what may be kept.
        near = (len(plus) + len(minus), level, abs(point - target.tp))
        if overlaps:
            self._keep(self.tally.overlap(), near, plus, minus, point, level, OVERLAPS_KEPT)
            return
        if self.classify is not None:
            key = self.classify(selection_of(plus, minus))
        elif p.buckets.weighted:
            key = p.buckets.bucket(point, *p.buckets.weigh(plus, minus))
        else:
            key = None
        heap = self.tally.match(key, plus, minus)
        self._keep(heap, near, plus, minus, point, level, self.tally.top)

    def _keep(
        self,
        heap: list[Kept],
        near: tuple[int, int, int],
        plus: list[int],
        minus: list[int],
        point: int,
        level: int,
        top: int,
    ) -> None:
        if len(heap) >= top and near > heap[0][0].rank[:3]:
            return  # worse than the worst kept, whatever the selection
        selection = selection_of(plus, minus)
        keep(heap, (*near, selection), lambda: self.p.found(selection, point, level), top)
