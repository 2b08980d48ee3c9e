"""Sum claims (a count, an amount): combinations of figures and windows, added or subtracted.

A combination earns its band from the share of its own value that the source describes with
the claim's word (rule A3, bands.py). A change between two stocks of one series (one added,
the other subtracted), or between two windows of a flow series (rule E), speaks for itself
when it goes the way the claim's word says ("rose"): its direction is its sign, the later
less the earlier (rule A1). Supported amounts are prorated to the period the claim
attributes (rule D, items.py).
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from factcheck import bands
from factcheck.coincidence import Coincidences
from factcheck.judge import notes, summary
from factcheck.judge.beyond import Beyond, sum_beyond
from factcheck.judge.combinations import Annotate, Direction
from factcheck.judge.items import Item, Scope, candidates, item_ancestors, items
from factcheck.judge.periods import inside_fraction, prorated
from factcheck.judge.readings import Readings, figure_reading, read_all
from factcheck.judge.relations import Caps
from factcheck.judge.settings import Rules
from factcheck.judge.support import Thresholds, clamped, share_of
from factcheck.judge.terms import change_info, difference, rounded, term
from factcheck.load import Case, FigureOrigin
from factcheck.models import Combination, FigureReading, Note, Period, Share, Term, Verdict
from factcheck.search import (
    Candidate,
    Classify,
    Found,
    MaxTerms,
    SearchResult,
    Selection,
    Weights,
    search,
)
from factcheck.series import change_span, operand_period
from factcheck.units import same_unit

# Past this many (stock, stock) pairs with a word of change, the bands are asked of each
# match instead of tabulated for the search (docs/search.md, "Long series").
MAX_PAIRS = 100_000


class SumCombinations:
    """Per-claim facts the band, period and wording computations of a sum claim share."""

    def __init__(self, case: Case, rules: Rules) -> None:
        claim = case.claim
        self.case = case
        self.origins = [o for o in case.figures if same_unit(o.figure.unit, claim.unit)]
        self.readings: Readings = read_all(self.origins, claim.asserts, rules.lexicon)
        self.direction: Direction | None = rules.lexicon.change_direction(claim.asserts)
        self.source_periods = {loaded.source.id: loaded.source.period for loaded in case.sources}
        self.claim_value = claim.value
        scope = Scope(rules.target.reach, claim.period, self.source_periods, self.direction)
        self.items = items(self.origins, self.readings, scope)
        by_id = {origin.figure.id: origin.figure for origin in case.figures}
        wholes = item_ancestors(self.items, by_id)
        self.candidates: list[Candidate] = candidates(self.items, wholes)
        self._made: dict[int, Item] = {}
        self._index: dict[str, int] | None = None
        self.caps = Caps(case)

    def item(self, index: int) -> Item:
        """One item, made when first asked for (the few in listed combinations, mostly)."""
        made = self._made.get(index)
        if made is None:
            made = self._made[index] = self.items[index]
        return made

    # --- the search --------------------------------------------------------------------

    def search(self, rules: Rules, classify: Classify) -> SearchResult:
        # Bands depend on supported sums only: with weights the search counts matches
        # without listing them. `covers` looks at each match's period, so it lists them; so
        # does a series with too many pairs of stocks to tabulate.
        # So do overlapping and superseded figures, which cap a match's band (relations.py).
        capped = self.caps.active and self.caps.touches(o.figure.id for o in self.origins)
        listed = self.case.claim.covers is not None or capped
        weights = None if listed else self.weights()
        return search(
            self.candidates,
            rules.target,
            max_terms=rules.max_terms,
            classify=classify if weights is None else None,
            weights=weights,
            top=rules.top,
            budget=rules.budget,
        )

    def used_ids(self, result: SearchResult) -> list[str]:
        return self.member_ids(tuple((k, 1) for k in sorted(result.used)))

    def searched(self) -> int:
        return len(self.candidates)

    def terms_reported(self, max_terms: MaxTerms) -> int:
        return len(self.candidates) if max_terms == "all" else max_terms

    def weights(self) -> Weights | None:
        """Bands as the search can count them: per item its supported values against its
        value (Thresholds), per change that goes the claim's way the change itself. None for
        very long stock series, whose pairs would outnumber what the search ever visits: it
        then asks `band` per match."""
        stocks: dict[str, list[int]] = {}
        for k, origin in enumerate(self.items.origins):
            if origin is not None and origin.figure.as_of is not None and origin.figure.series:
                stocks.setdefault(origin.figure.series, []).append(k)
        if self.direction is not None and sum(len(m) ** 2 for m in stocks.values()) > MAX_PAIRS:
            return None
        weigh = Thresholds.of_bands()
        changes = {}
        if self.direction is not None:
            for members in stocks.values():
                for added, subtracted in itertools.permutations(members, 2):
                    if self._supports(added, subtracted):
                        change = self.item(added).value - self.item(subtracted).value
                        said = self._change_support(added, subtracted)
                        changes[(added, subtracted)] = weigh.pair(change, said, said)
        values = self.items.values
        return Weights(
            low=weigh.lows(self.items.supported_low, values),
            high=weigh.highs(self.items.supported_high, values),
            bucket=weigh.band,
            breakpoints=[Decimal(0)],
            changes=changes,
        )

    # --- one selection -----------------------------------------------------------------

    def _change_pairs(self, selection: Selection) -> list[tuple[int, int]]:
        """(added, subtracted) stock pairs of one series: the changes in a combination."""
        pairs = []
        for index, sign in selection:
            item = self.item(index)
            if sign > 0 or item.as_of is None or item.series is None:
                continue
            for other, other_sign in selection:
                partner = self.item(other)
                if (
                    other_sign > 0
                    and partner.series == item.series
                    and partner.as_of is not None
                    and partner.as_of != item.as_of
                ):
                    pairs.append((other, index))
                    break
        return pairs

    def _supports(self, added: int, subtracted: int) -> bool:
        """The change goes its own way (a candidate) and the way the claim's word says."""
        a, b = self.item(added), self.item(subtracted)
        if a.as_of == b.as_of:
            return False
        directional = a.value > b.value or (a.value == b.value and a.as_of > b.as_of)  # type: ignore[operator]
        wanted = self.direction is not None
        return directional and wanted and self.change_direction(added, subtracted) == self.direction

    def _supporting_changes(self, selection: Selection) -> set[int]:
        """Members of the changes in selection that go the way the claim's word says."""
        members: set[int] = set()
        for added, subtracted in self._change_pairs(selection):
            if self.change_direction(added, subtracted) == self.direction:
                members.update((added, subtracted))
        for index, _ in selection:
            change = self.item(index).change
            if change is not None and change.direction == self.direction:
                members.add(index)
        return members

    def change_direction(self, added: int, subtracted: int) -> Literal["rise", "fall"] | None:
        """A change's direction is its sign: the later stock less the earlier (rule A1)."""
        a, b = self.item(added), self.item(subtracted)
        later, earlier = (a, b) if a.as_of > b.as_of else (b, a)  # type: ignore[operator]
        return (
            "rise"
            if later.value > earlier.value
            else "fall"
            if later.value < earlier.value
            else None
        )

    def _change_support(self, added: int, subtracted: int) -> Decimal:
        """A change supports itself, prorated by the share of its span inside the period."""
        change = self.item(added).value - self.item(subtracted).value
        return prorated(change, inside_fraction(self._span(added, subtracted), self._claimed))

    def _span(self, added: int, subtracted: int) -> Period | None:
        """The days a change between two stocks happens over (series.change_span)."""
        period = self._pair_period(added, subtracted)
        return None if period is None else change_span(period.start, period.end)

    @property
    def _claimed(self) -> Period | None:
        return self.case.claim.period

    def _pair_period(self, added: int, subtracted: int) -> Period | None:
        ends = sorted(
            end
            for end in (_end(self._item_period(self.item(k))) for k in (added, subtracted))
            if end is not None
        )
        return Period(start=ends[0], end=ends[1]) if len(ends) == 2 else None

    def supported_values(self, selection: Selection) -> tuple[Decimal, Decimal, Decimal]:
        """(combination value, supported low, supported high), the last two clamped."""
        value = sum((self.item(i).value * s for i, s in selection), Decimal(0))
        low = high = Decimal(0)
        in_change: set[int] = set()
        for added, subtracted in self._change_pairs(selection):
            if self.change_direction(added, subtracted) == self.direction:
                said = self._change_support(added, subtracted)
                low += said
                high += said
                in_change.update((added, subtracted))
        for index, sign in selection:
            if index in in_change:
                continue
            item = self.item(index)
            low += item.supported_low * sign
            high += item.supported_high * sign
        return value, *clamped(value, low, high)

    def band(self, selection: Selection) -> Verdict:
        value, low, high = self.supported_values(selection)
        return self._capped(selection, bands.earned(share_of(low, value), share_of(high, value)))

    def _capped(self, selection: Selection, band: Verdict) -> Verdict:
        """At most `misleading` for a sum of overlapping figures or a superseded figure."""
        if not self.caps.active:
            return band
        added = [o.figure.id for i, s in selection if s > 0 for o in self.item(i).members]
        return self.caps.cap(band, added, self.member_ids(selection))

    def member_ids(self, selection: Selection) -> list[str]:
        return [o.figure.id for index, _ in selection for o in self.item(index).members]

    def period(self, selection: Selection) -> Period | None:
        spans: list[tuple[dt.date, dt.date]] = []
        in_change: set[int] = set()
        for added, subtracted in self._change_pairs(selection):
            pair = self._pair_period(added, subtracted)
            if pair is not None:
                spans.append((pair.start, pair.end))
            in_change.update((added, subtracted))
        for index, _ in selection:
            if index in in_change:
                continue
            period = self._item_period(self.item(index))
            if period is not None:
                spans.append((period.start, period.end))
        if not spans:
            return None
        return Period(start=min(s for s, _ in spans), end=max(e for _, e in spans))

    def _item_period(self, item: Item) -> Period | None:
        if item.window is not None:
            return item.window.period
        if item.change is not None:
            return item.change.period
        origin = item.members[0]
        return operand_period(origin, self.source_periods.get(origin.source_id))

    def combination(self, found: Found) -> Combination:
        selection = found.selection
        ordered = [item for item in selection if item[1] > 0] + [
            item for item in selection if item[1] < 0
        ]
        value, low, high = self.supported_values(selection)
        share_low, share_high = share_of(low, value), share_of(high, value)
        terms = [self._term(i, s) for i, s in ordered]
        expression = self._label(ordered[0][0], ordered) + "".join(
            f" {'+' if s > 0 else '-'} {self._label(i, ordered)}" for i, s in ordered[1:]
        )
        off, relative = difference(value, self.claim_value)
        changes = self._supporting_changes(selection)
        # Subtracted figures need not carry the claim's word: they are taken away from it.
        unsupported = [
            self.item(i).id
            for i, sign in ordered
            if sign > 0 and i not in changes and not self._said(i)
        ]
        return Combination(
            terms=terms,
            expression=expression,
            value=value,
            interval=found.interval,
            difference=off,
            relative_difference=rounded(relative),
            match=found.match,
            supported_share=Share(low=rounded(share_low), high=rounded(share_high)),
            supported_value=Share(low=low, high=high),
            unsupported_figures=unsupported,
            band=self._capped(selection, bands.earned(share_low, share_high)),
            period=self.period(selection),
            window=next((t.window for t in terms if t.window is not None), None),
        )

    def _label(self, index: int, ordered: Selection | list[tuple[int, int]]) -> str:
        """An item in an expression; a change between windows beside other terms in brackets."""
        item = self.item(index)
        label = item.label()
        return f"({label})" if item.change is not None and len(ordered) > 1 else label

    def _said(self, index: int) -> bool:
        """Whether the source's words say the claim's word of any member of an item (its
        period aside)."""
        item = self.item(index)
        if item.change is not None:
            return item.change.direction == self.direction
        return any(self.readings[o.figure.id].support != "none" for o in item.members)

    def _term(self, index: int, sign: int) -> Term:
        item = self.item(index)
        if item.change is not None:
            return change_info(item.id, sign, item.value, item.change)
        return term(item.id, sign, item.value, item.window)

    def chance(self, result: SearchResult, rules: Rules) -> Annotate:
        """Each match with how many combinations of its size would land as near by chance
        (coincidence.py): among the search's candidates, except windows of another period
        than the claim names."""
        claim = self.case.claim
        found = Coincidences.of_search(
            result.census,
            self.candidates,
            rules.target,
            max_terms=rules.max_terms,
            windows=self.items.days(),
            period=claim.covers or claim.period,
        )
        return found.annotate

    def beyond(self, result: SearchResult, rules: Rules) -> Beyond:
        """Nearest, largest and nearest larger supported combination (rules C1-C3)."""
        return sum_beyond(result, rules, self.combination, self.band)

    # --- what the source says of a combination -----------------------------------------

    def _index_of(self, item_id: str) -> int:
        if self._index is None:  # made on first use: a long series has 28,920 items
            self._index = {item_id: k for k, item_id in enumerate(self.items.ids)}
        return self._index[item_id]

    def _indices(self, combination: Combination) -> Selection:
        return tuple(sorted((self._index_of(t.figure), t.sign) for t in combination.terms))

    def change_supported(self, combination: Combination) -> bool:
        return bool(self._supporting_changes(self._indices(combination)))

    def wrong_way(self, combination: Combination) -> str:
        if self.direction is None:
            return ""
        selection = self._indices(combination)
        for added, subtracted in self._change_pairs(selection):
            actual = self.change_direction(added, subtracted)
            if actual is not None and actual != self.direction:
                return (
                    f" Between {self.item(subtracted).id} and {self.item(added).id} the "
                    f"source's figures show a {actual}, not a {self.direction}."
                )
        for index, _ in selection:
            change = self.item(index).change
            if change is not None and change.direction not in (None, self.direction):
                return (
                    f" Between {change.earlier.short_label()} and {change.later.short_label()} "
                    f"the source's figures show a {change.direction}, not a {self.direction}."
                )
        return ""

    def basis_readings(self, basis: Combination) -> list[FigureReading]:
        """What the source calls each basis figure; a supporting change speaks for its ends."""
        changes = self._supporting_changes(self._indices(basis))
        readings = []
        for basis_term in basis.terms:
            index = self._index_of(basis_term.figure)
            for origin in self.item(index).members:
                reading = figure_reading(origin, self.readings)
                if index in changes:
                    reading = reading.model_copy(update={"change_supports": self.direction})
                readings.append(reading)
        return readings

    def stock_changes(self, combination: Combination) -> list[tuple[FigureOrigin, FigureOrigin]]:
        pairs = []
        for added, subtracted in self._change_pairs(self._indices(combination)):
            a, b = self.item(subtracted).members[0], self.item(added).members[0]
            pairs.append((a, b) if a.figure.as_of < b.figure.as_of else (b, a))  # type: ignore[operator]
        return pairs

    def inside_value(self, combination: Combination) -> Decimal | None:
        """The combination's value prorated to the period the claim attributes (rule D)."""
        selection = self._indices(combination)
        in_change: set[int] = set()
        total = Decimal(0)
        for added, subtracted in self._change_pairs(selection):
            rise = self.item(added).value - self.item(subtracted).value
            total += prorated(rise, inside_fraction(self._span(added, subtracted), self._claimed))
            in_change.update((added, subtracted))
        for index, sign in selection:
            if index in in_change:
                continue
            item = self.item(index)
            if item.window is not None:
                members = item.window.members
                total += sign * sum(
                    (prorated(o.figure.value, self._fraction(o)) for o in members), Decimal(0)
                )
            elif item.change is None and item.as_of is not None:
                total += sign * item.value  # a level on a date: not prorated
            else:
                period = item.change.span if item.change is not None else self._item_period(item)
                total += sign * prorated(item.value, inside_fraction(period, self._claimed))
        return total

    def _fraction(self, origin: FigureOrigin) -> Fraction:
        return inside_fraction(
            operand_period(origin, self.source_periods.get(origin.source_id)), self._claimed
        )

    def undated(self, combination: Combination) -> list[str]:
        """Figures of the combination for which the source gives no period (rule A6)."""
        return [
            t.figure
            for t in combination.terms
            if self._item_period(self.item(self._index_of(t.figure))) is None
        ]

    # --- sentences and notes -----------------------------------------------------------

    def not_reproduced(self, rules: Rules) -> str:
        return summary.sum_not_reproduced(self.case.claim, rules)

    def own_notes(self, result: SearchResult, rules: Rules) -> list[Note]:
        return [
            *notes.overlap_notes(result, self.candidates),
            *notes.unit_notes(self.case, self.origins, rules.target),
        ]


def _end(period: Period | None) -> dt.date | None:
    return period.end if period else None
