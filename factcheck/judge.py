"""From a loaded case to an audit: run the search, read the source's words, give the verdict.

The rules are those of format v1 (docs/format.md, "Verdict"): a combination reproduces the
claim, earns a band from the share of it that the source itself describes with the claim's
word, and the verdict is the most favourable band any combination earns.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Literal, TypeVar

from factcheck import coincidence
from factcheck.coincidence import Coincidences
from factcheck.lexicon import Lexicon, WordingMatch, normalise, shipped_lexicon
from factcheck.load import Case, FigureOrigin, ancestors
from factcheck.models import (
    Audit,
    ClaimSummary,
    Combination,
    Extent,
    Figure,
    FigureReading,
    Interval,
    Match,
    Note,
    Period,
    Qualifier,
    Reproduced,
    SearchStats,
    Share,
    SourceSummary,
    Term,
    Verdict,
    WindowInfo,
)
from factcheck.paths import display_path
from factcheck.search import (
    DEFAULT_BUDGET,
    DEFAULT_TOP,
    Candidate,
    Classify,
    Found,
    MaxTerms,
    SearchResult,
    Selection,
    Target,
    Weights,
    search,
)
from factcheck.series import (
    Operand,
    Ratio,
    Window,
    change,
    comparable_windows,
    covers_match,
    flow_series,
    operand_id,
    operand_period,
    ratio_scale,
    recovery,
    share,
    stated,
    windows,
    windows_between,
)

DEFAULT_TOLERANCE = Decimal("0.01")
# Past these, a long series is not searched whole (docs/search.md, "Long series"): windows
# are kept only where they reproduce the number alone; ratio comparisons stop.
MAX_WINDOWS = 60_000
MAX_PAIRS = 100_000
MAX_RATIOS = 60_000
DEFAULT_MAX_TERMS = 4
SUPPORTED_AT = Decimal("0.9")
MISLEADING_AT = Decimal("0.5")
PERIOD_NOTE_AT = Decimal("0.01")
PERIOD_CAP_AT = Decimal("0.5")
_PLACES = Decimal("0.000001")
_BAND_ORDER = (Verdict.supported, Verdict.misleading, Verdict.false)

Support = Literal["all", "some", "none"]
T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    """Search settings; None means "as the claim file says, else the default"."""

    tolerance: Decimal | None = None
    max_terms: MaxTerms | None = None
    top: int = DEFAULT_TOP
    budget: int = DEFAULT_BUDGET


@dataclass
class _Reading:
    """What the source's wordings for one figure say about one predicate."""

    support: Support
    supporting: list[str] = field(default_factory=list)
    blocked: list[WordingMatch] = field(default_factory=list)


def judge(case: Case, settings: Settings | None = None, lexicon: Lexicon | None = None) -> Audit:
    settings = settings or Settings()
    claim = case.claim
    lexicon = (lexicon or shipped_lexicon()).extended(claim.synonyms)
    tolerance = _first(settings.tolerance, claim.tolerance, DEFAULT_TOLERANCE)
    max_terms: MaxTerms = _first(settings.max_terms, claim.max_terms, DEFAULT_MAX_TERMS)

    by_id = {origin.figure.id: origin.figure for origin in case.figures}
    origins = [o for o in case.figures if _same_unit(o.figure.unit, claim.unit)]
    # A ratio's operands are counts, not ratios: read every figure's words for those claims.
    read = case.figures if ratio_scale(claim.unit) is not None else origins
    readings = {o.figure.id: _read(o.figure, claim.asserts, lexicon) for o in read}
    source_periods = {loaded.source.id: loaded.source.period for loaded in case.sources}
    scale = ratio_scale(claim.unit)
    context: _Context | _RatioContext
    if scale is not None:
        context = _RatioContext(case, origins, readings, lexicon, source_periods, scale)
        candidates: list[Candidate] = []
    else:
        reach = Interval.of(claim.value, claim.qualifier, claim.precision)
        slack = tolerance * abs(claim.value)
        items = _items(origins, readings, (reach.low - slack, reach.high + slack))
        direction = lexicon.change_direction(claim.asserts)
        context = _Context(case, origins, items, readings, direction, source_periods)
        wholes = _item_ancestors(items, by_id)
        candidates = [
            Candidate(
                id=item.id,
                interval=item.interval,
                point=item.value,
                ancestors=wholes[item.id],
                series=item.series if item.as_of is not None else None,
                as_of=item.as_of,
                group=item.window.series if item.window else None,
            )
            for item in items
        ]

    used: set[str] = set()

    def classify(selection: Selection) -> Hashable:
        used.update(context.member_ids(selection))
        if claim.covers is not None and not covers_match(context.period(selection), claim.covers):
            return NEAR_MISS
        return context.band(selection)

    target = Target(
        point=claim.value,
        interval=Interval.of(claim.value, claim.qualifier, claim.precision),
        tolerance=tolerance,
    )
    if isinstance(context, _RatioContext):
        result = context.search(target, classify, settings.top)
    else:
        # Bands depend on supported sums only: with weights the search counts matches
        # without listing them. `covers` looks at each match's period, so it lists them.
        result = search(
            candidates,
            target,
            max_terms=max_terms,
            classify=classify if claim.covers is not None else None,
            weights=context.weights() if claim.covers is None else None,
            top=settings.top,
            budget=settings.budget,
        )
        used.update(context.member_ids(tuple((k, 1) for k in sorted(result.used))))

    near = result.found.pop(NEAR_MISS, [])
    near_count = result.counts.pop(NEAR_MISS, 0)
    listed = _listed(result, settings.top)
    combinations = [context.combination(found) for found in listed]
    near_misses = [context.combination(found) for found in near[: settings.top]]
    if not isinstance(context, _RatioContext):
        chance = Coincidences.of_search(
            result.census,
            candidates,
            target,
            max_terms=max_terms,
            windows=[item.window.period if item.window else None for item in context.items],
            period=claim.covers or claim.period,
        )
        combinations = [chance.annotate(c) for c in combinations]
        near_misses = [chance.annotate(c) for c in near_misses]
    # A band whose basis is a coincidence earns nothing; the next band's may still count.
    bands = [band for band in _BAND_ORDER if result.counts.get(band)]
    firsts = {band: combinations[listed.index(result.found[band][0])] for band in bands}
    dismissed = list(itertools.takewhile(lambda b: coincidence.is_coincidental(firsts[b]), bands))
    best_band = next((band for band in bands if band not in dismissed), None)
    basis: int | None = None
    verdict = Verdict.unsupported
    capped = False
    if best_band is not None:
        basis_found = result.found[best_band][0]
        basis = listed.index(basis_found)
        verdict = best_band
        outside = _outside_share(combinations[basis].period, claim.period)
        if verdict is Verdict.supported and outside is not None and outside > PERIOD_CAP_AT:
            verdict = Verdict.misleading
            capped = True
    basis_combination = combinations[basis] if basis is not None else None

    notes = _notes(
        context,
        result,
        basis_combination,
        capped,
        lexicon,
        candidates,
        by_id,
        len(listed),
        tolerance,
    )
    if near_misses and claim.covers is not None:
        notes.append(
            _covers_note(near_misses, near_count, claim.covers, basis_combination, claim.unit)
        )
    notes.extend(coincidence.note(firsts[band]) for band in dismissed)
    summary = _summary(
        verdict, basis_combination, context, capped, claim.value, max_terms, tolerance
    )
    if basis_combination is None and dismissed:
        summary = coincidence.dismissed_summary(firsts[dismissed[0]])
    elif basis_combination is not None:
        summary += coincidence.weak_sentence(basis_combination)
    figure_readings = context.basis_readings(basis_combination) if basis_combination else []
    unused = [o.figure.id for o in case.figures if o.figure.id not in used]
    return Audit(
        claim=ClaimSummary(
            id=claim.id,
            text=claim.text,
            value=claim.value,
            qualifier=claim.qualifier,
            unit=claim.unit,
            asserts=claim.asserts,
            also_asserts=claim.also_asserts,
            speaker=claim.speaker,
            date=claim.date,
            attributed_to=claim.attributed_to,
            period=claim.period,
            url=claim.url,
            venue=claim.venue,
            direction=claim.direction,
            covers=claim.covers,
        ),
        verdict=verdict,
        basis=basis,
        reproduced=(
            Reproduced(basis_combination.match.value) if basis_combination else Reproduced.none
        ),
        summary=summary,
        combinations=combinations,
        figures=figure_readings,
        unused_figures=unused,
        notes=notes,
        sources=[
            SourceSummary(
                id=s.source.id,
                title=s.source.title,
                publisher=s.source.publisher,
                published=s.source.published,
                url=s.source.url,
                path=display_path(s.path),
            )
            for s in case.sources
        ],
        search=SearchStats(
            figures_searched=(
                len(context.ratios) if isinstance(context, _RatioContext) else len(candidates)
            ),
            combinations_examined=result.examined,
            complete=result.complete,
            budget=result.budget,
            max_terms=len(candidates) if max_terms == "all" else max_terms,
            tolerance=tolerance,
        ),
        claim_path=display_path(case.path),
        expect=claim.expect,
        near_misses=near_misses,
    )


def _first(*values: T | None) -> T:
    return next(value for value in values if value is not None)


def _same_unit(a: str, b: str) -> bool:
    return _unit_key(a) == _unit_key(b)


def _unit_key(unit: str) -> str:
    key = unit.strip().casefold()
    return "percent" if key == "%" else key


def _read(figure: Figure, predicate: str, lexicon: Lexicon) -> _Reading:
    reading = _Reading("none")
    for wording in figure.described_as:
        found = lexicon.match(wording.term, predicate)
        if found is None:
            continue
        if not found.says:
            reading.blocked.append(found)
            continue
        reading.supporting.append(wording.term)
        if wording.extent is Extent.all:
            reading.support = "all"
        elif reading.support == "none":
            reading.support = "some"
    return reading


NEAR_MISS = "near_miss"  # a bucket: reproduces the number but not over the `covers` period


def _listed(result: SearchResult, top: int) -> list[Found]:
    """The best `top` combinations overall, plus the first of each band (a verdict's basis)."""
    everything = sorted(found for kept in result.found.values() for found in kept)
    listed = everything[:top]
    for kept in result.found.values():
        if kept and kept[0] not in listed:
            listed.append(kept[0])
    return sorted(listed)


@dataclass(frozen=True)
class Item:
    """What the search combines: one figure, or a contiguous window of a flow series."""

    id: str
    origin: FigureOrigin | None  # the figure, for an item that is one
    value: Decimal
    interval: Interval
    supported_low: Decimal  # the value the source's words say the claim's word of (all)
    supported_high: Decimal  # ... counting wordings said of only some members too
    window: Window | None = None

    @property
    def members(self) -> tuple[FigureOrigin, ...]:
        # Made on demand: 28,920 windows of a 240-month series hold 2.3 million members.
        if self.window is not None:
            return self.window.members
        assert self.origin is not None
        return (self.origin,)

    @property
    def figure(self) -> Figure:
        """The figure, for an item that is one (windows have no single figure)."""
        return self.members[0].figure

    @property
    def as_of(self) -> dt.date | None:
        return None if self.window else self.figure.as_of

    @property
    def series(self) -> str | None:
        return self.window.series if self.window else self.figure.series


def _items(
    origins: Sequence[FigureOrigin],
    readings: dict[str, _Reading],
    near: tuple[Decimal, Decimal] | None = None,
) -> list[Item]:
    """Figures as themselves, except members of a flow series, which come as windows."""

    def said(origin: FigureOrigin) -> tuple[Decimal, Decimal]:
        support = readings[origin.figure.id].support
        value = origin.figure.value
        return (value if support == "all" else Decimal(0)), (
            value if support != "none" else Decimal(0)
        )

    series = flow_series(origins)
    in_series = {id(origin) for members in series.values() for origin in members}
    items = []
    for origin in origins:
        if id(origin) in in_series:
            continue
        figure = origin.figure
        low, high = said(origin)
        items.append(
            Item(
                id=figure.id,
                origin=origin,
                value=figure.value,
                interval=Interval.of(figure.value, figure.qualifier, figure.precision),
                supported_low=low,
                supported_high=high,
            )
        )
    total = sum(len(m) * (len(m) + 1) // 2 for m in series.values())
    running: dict[int, tuple[list[Decimal], list[Decimal]]] = {}  # per run: supported sums
    for members in series.values():
        if total <= MAX_WINDOWS or near is None:
            chosen: Iterable[Window] = windows(members)
        else:  # too many to search: keep the windows that could reproduce the number alone
            chosen = windows_between(members, *near)
        for window in chosen:
            if id(window.run) not in running:
                lows, highs = [Decimal(0)], [Decimal(0)]
                for origin in window.run.members:
                    low, high = said(origin)
                    lows.append(lows[-1] + low)
                    highs.append(highs[-1] + high)
                running[id(window.run)] = (lows, highs)
            lows, highs = running[id(window.run)]
            items.append(
                Item(
                    id=window.id,
                    origin=None,
                    value=window.value,
                    interval=window.interval,
                    supported_low=lows[window.last + 1] - lows[window.first],
                    supported_high=highs[window.last + 1] - highs[window.first],
                    window=window,
                )
            )
    return items


def _item_ancestors(items: Sequence[Item], by_id: dict[str, Figure]) -> dict[str, frozenset[str]]:
    """What each item is part of: a window is part of what all its members are part of, and
    a part of one member is part of every window holding that member (double counting)."""
    runs = {id(item.window.run): item.window.run for item in items if item.window is not None}
    member_wholes = {
        origin.figure.id: ancestors(by_id, origin.figure.id)
        for origin in [i.origin for i in items if i.origin is not None]
        + [o for run in runs.values() for o in run.members]
    }
    wanted = {a for item in items if not item.window for a in member_wholes[item.id]}
    related_runs = {
        key
        for key, run in runs.items()
        if any(member_wholes[o.figure.id] or o.figure.id in wanted for o in run.members)
    }
    holding: dict[str, list[str]] = {}  # member id -> windows that hold it, when needed
    found: dict[str, frozenset[str]] = {}
    for item in items:
        if item.window is None:
            continue
        if id(item.window.run) not in related_runs:
            found[item.id] = frozenset()  # the common case: nothing is part of anything here
            continue
        for origin in item.members:
            if origin.figure.id in wanted:
                holding.setdefault(origin.figure.id, []).append(item.id)
        sets = [member_wholes[o.figure.id] for o in item.members]
        found[item.id] = frozenset(set.intersection(*sets)) if sets else frozenset()
    for item in items:
        if item.window is None:
            own = member_wholes[item.id]
            found[item.id] = frozenset(own).union(*(holding.get(a, ()) for a in own))
    return found


def window_info(window: Window) -> WindowInfo:
    return WindowInfo(
        series=window.series,
        start=window.start,
        end=window.end,
        count=window.count,
        label=window.label(),
    )


class _Context:
    """Per-claim facts the band, period and wording computations share."""

    def __init__(
        self,
        case: Case,
        origins: Sequence[FigureOrigin],
        items: Sequence[Item],
        readings: dict[str, _Reading],
        direction: Literal["rise", "fall"] | None,
        source_periods: dict[str, Period | None],
    ) -> None:
        self.case = case
        self.items = items
        self.readings = readings
        self.direction = direction
        self.source_periods = source_periods
        self.claim_value = case.claim.value
        self.origins = origins
        self.index = {item.id: k for k, item in enumerate(items)}

    def item(self, index: int) -> Item:
        return self.items[index]

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

    def supported_values(self, selection: Selection) -> tuple[Decimal, Decimal, Decimal]:
        """(combination value, supported low, supported high), the last two clamped."""
        value = sum((self.item(i).value * s for i, s in selection), Decimal(0))
        low = high = Decimal(0)
        change_members: set[int] = set()
        for added, subtracted in self._change_pairs(selection):
            if self.change_direction(added, subtracted) == self.direction:
                change = self.item(added).value - self.item(subtracted).value
                low += change
                high += change
                change_members.update((added, subtracted))
        for index, sign in selection:
            if index in change_members:
                continue
            item = self.item(index)
            low += item.supported_low * sign
            high += item.supported_high * sign
        floor, ceiling = min(Decimal(0), value), max(Decimal(0), value)
        return value, min(max(low, floor), ceiling), min(max(high, floor), ceiling)

    def band(self, selection: Selection) -> Verdict:
        _, low, high = self.supported_values(selection)
        return _band(self._share(low), self._share(high))

    def band_of(self, value: Decimal, low: Decimal, high: Decimal) -> Verdict:
        """The band from a combination's value and supported sums, clamped as above."""
        floor, ceiling = min(Decimal(0), value), max(Decimal(0), value)
        low, high = (min(max(amount, floor), ceiling) for amount in (low, high))
        return _band(self._share(low), self._share(high))

    def weights(self) -> Weights | None:
        """Bands as the search can count them: per item its supported values, per change
        that goes the claim's way the change itself; the band changes only at 0 and at
        the thresholds' shares of the claim. None for very long stock series, whose pairs
        would outnumber what the search ever visits: it then asks `band` per match."""
        stocks: dict[str, list[int]] = {}
        for k, item in enumerate(self.items):
            if item.as_of is not None and item.series:
                stocks.setdefault(item.series, []).append(k)
        if self.direction is not None and sum(len(m) ** 2 for m in stocks.values()) > MAX_PAIRS:
            return None
        changes = {}
        for members in stocks.values():
            for added, subtracted in itertools.permutations(members, 2):
                if (
                    self.item(added).as_of != self.item(subtracted).as_of
                    and self.change_direction(added, subtracted) == self.direction
                ):
                    change = self.item(added).value - self.item(subtracted).value
                    changes[(added, subtracted)] = (change, change)
        return Weights(
            low=[item.supported_low for item in self.items],
            high=[item.supported_high for item in self.items],
            bucket=self.band_of,
            breakpoints=[
                Decimal(0),
                MISLEADING_AT * self.claim_value,
                SUPPORTED_AT * self.claim_value,
            ],
            changes=changes,
        )

    def _share(self, supported: Decimal) -> Decimal:
        if self.claim_value == 0:
            return Decimal(1) if supported == 0 else Decimal(0)
        return supported / self.claim_value

    def combination(self, found: Found) -> Combination:
        selection = found.selection
        ordered = [item for item in selection if item[1] > 0] + [
            item for item in selection if item[1] < 0
        ]
        value, low, high = self.supported_values(selection)
        share_low, share_high = self._share(low), self._share(high)
        terms = [self._term(self.item(i), s) for i, s in ordered]
        expression = self._name(self.item(ordered[0][0])) + "".join(
            f" {'+' if s > 0 else '-'} {self._name(self.item(i))}" for i, s in ordered[1:]
        )
        difference, relative = _difference(value, self.claim_value)
        changes = self.supporting_changes(selection)
        # Subtracted figures need not carry the claim's word: they are taken away from it.
        unsupported = [
            self.item(i).id
            for i, sign in ordered
            if sign > 0 and i not in changes and self.item(i).supported_high == 0
        ]
        first_window = next((t.window for t in terms if t.window is not None), None)
        return Combination(
            terms=terms,
            expression=expression,
            value=value,
            interval=found.interval,
            difference=difference,
            relative_difference=_round(relative),
            match=found.match,
            supported_share=Share(low=_round(share_low), high=_round(share_high)),
            supported_value=Share(low=low, high=high),
            unsupported_figures=unsupported,
            band=_band(share_low, share_high),
            period=self.period(selection),
            window=first_window,
        )

    @staticmethod
    def _name(item: Item) -> str:
        return item.window.short_label() if item.window is not None else item.id

    @staticmethod
    def _term(item: Item, sign: int) -> Term:
        if item.window is None:
            return Term(figure=item.id, sign=1 if sign > 0 else -1, value=item.value)
        return Term(
            figure=item.id,
            sign=1 if sign > 0 else -1,
            value=item.value,
            members=[o.figure.id for o in item.members],
            window=window_info(item.window),
        )

    def supporting_changes(self, selection: Selection) -> set[int]:
        """Members of the changes in selection that go the way the claim's word says."""
        members: set[int] = set()
        for added, subtracted in self._change_pairs(selection):
            if self.change_direction(added, subtracted) == self.direction:
                members.update((added, subtracted))
        return members

    def _indices(self, combination: Combination) -> Selection:
        return tuple(sorted((self.index[t.figure], t.sign) for t in combination.terms))

    def change_supported(self, combination: Combination) -> bool:
        return bool(self.supporting_changes(self._indices(combination)))

    def wrong_way(self, combination: Combination) -> str:
        """A sentence when a change in the basis goes against the claim's word of change."""
        if self.direction is None:
            return ""
        for added, subtracted in self._change_pairs(self._indices(combination)):
            actual = self.change_direction(added, subtracted)
            if actual != self.direction:
                return (
                    f" Between {self.item(subtracted).id} and {self.item(added).id} the "
                    f"source's figures show a {actual}, not a {self.direction}."
                )
        return ""

    def change_direction(self, added: int, subtracted: int) -> Literal["rise", "fall"]:
        later = self.item(added).as_of > self.item(subtracted).as_of  # type: ignore[operator]
        return "rise" if later else "fall"

    def figure_period(self, origin: FigureOrigin) -> Period | None:
        return operand_period(origin, self.source_periods.get(origin.source_id))

    def item_period(self, item: Item) -> Period | None:
        if item.window is not None:
            return item.window.period
        return self.figure_period(item.members[0])

    def period(self, selection: Selection) -> Period | None:
        spans: list[tuple[dt.date, dt.date]] = []
        in_change: set[int] = set()
        for added, subtracted in self._change_pairs(selection):
            ends = [_end(self.item_period(self.item(k))) for k in (added, subtracted)]
            known = sorted(end for end in ends if end is not None)
            if len(known) == 2:
                spans.append((known[0], known[1]))
            in_change.update((added, subtracted))
        for index, _ in selection:
            if index in in_change:
                continue
            period = self.item_period(self.item(index))
            if period is not None:
                spans.append((period.start, period.end))
        if not spans:
            return None
        return Period(start=min(s for s, _ in spans), end=max(e for _, e in spans))

    def basis_readings(self, basis: Combination) -> list[FigureReading]:
        """What the source calls each basis figure; a supporting change speaks for its ends."""
        changes = self.supporting_changes(self._indices(basis))
        readings = []
        for term in basis.terms:
            index = self.index[term.figure]
            for origin in self.item(index).members:
                reading = self.figure_reading(origin)
                if index in changes:
                    reading = reading.model_copy(update={"change_supports": self.direction})
                readings.append(reading)
        return readings

    def figure_reading(self, origin: FigureOrigin) -> FigureReading:
        return _figure_reading(origin, self.readings)

    def stock_changes(self, combination: Combination) -> list[tuple[FigureOrigin, FigureOrigin]]:
        """(earlier, later) stocks of each change in a combination."""
        pairs = []
        for added, subtracted in self._change_pairs(self._indices(combination)):
            a, b = self.item(subtracted).members[0], self.item(added).members[0]
            pairs.append((a, b) if a.figure.as_of < b.figure.as_of else (b, a))  # type: ignore[operator]
        return pairs

    def member_ids(self, selection: Selection) -> list[str]:
        return [o.figure.id for index, _ in selection for o in self.item(index).members]


class _RatioContext:
    """A claim in percent or as a ratio: changes, shares and figures stated as ratios."""

    def __init__(
        self,
        case: Case,
        origins: Sequence[FigureOrigin],
        readings: dict[str, _Reading],
        lexicon: Lexicon,
        source_periods: dict[str, Period | None],
        scale: int,
    ) -> None:
        claim = case.claim
        self.case = case
        self.origins = origins
        self.readings = readings
        self.source_periods = source_periods
        self.claim_value = claim.value
        wanted = {"up": "rise", "down": "fall"}
        self.direction: Literal["rise", "fall"] | None = (
            wanted[claim.direction]  # type: ignore[assignment]
            if claim.direction
            else lexicon.change_direction(claim.asserts)
        )
        ratios = _ratios(case, scale)
        self.complete = len(ratios) <= MAX_RATIOS
        self.ratios = ratios[:MAX_RATIOS]

    def search(self, target: Target, classify: Classify, top: int) -> SearchResult:
        """Every ratio that reproduces the claim: changes are compared by their size."""
        tolerance = target.tolerance * abs(target.point)
        found: dict[Hashable, list[Found]] = {}
        counts: dict[Hashable, int] = {}
        for index, ratio in enumerate(self.ratios):
            by_size = self.by_size(ratio)
            interval = _magnitude(ratio, by_size)
            point = abs(ratio.value) if by_size else ratio.value
            if interval.meets(target.interval):
                match = Match.exact
            elif abs(point - Fraction(target.point)) <= tolerance:
                match = Match.approximate
            else:
                continue
            selection: Selection = ((index, 1),)
            terms = 1 if ratio.kind == "stated" else 2
            distance = abs(point - Fraction(target.point))
            item = Found(
                rank=(terms, 0 if match is Match.exact else 1, distance, selection),
                selection=selection,
                point=_decimal(ratio.value),
                interval=interval,
                match=match,
            )
            key = classify(selection)
            counts[key] = counts.get(key, 0) + 1
            found.setdefault(key, []).append(item)
        return SearchResult(
            found={key: sorted(items)[:top] for key, items in found.items()},
            counts=counts,
            overlaps=[],
            overlap_count=0,
            examined=len(self.ratios),
            complete=self.complete,
            budget=len(self.ratios),
        )

    def ratio(self, selection: Selection) -> Ratio:
        return self.ratios[selection[0][0]]

    def by_size(self, ratio: Ratio) -> bool:
        """Changes, and stated figures when the claim gives a direction, compare by size."""
        return ratio.kind == "change" or (ratio.kind == "stated" and self.direction is not None)

    def member_ids(self, selection: Selection) -> list[str]:
        ratio = self.ratio(selection)
        return [o.figure.id for operand in (ratio.a, ratio.b) for o in _origins(operand)]

    def period(self, selection: Selection) -> Period | None:
        ratio = self.ratio(selection)
        source = self.source_periods
        a_period = operand_period(ratio.a, _source_period(ratio.a, source))
        if ratio.b is None:
            return a_period
        b_period = operand_period(ratio.b, _source_period(ratio.b, source))
        if ratio.kind == "change":
            if isinstance(ratio.b, Window) or ratio.b.figure.period is not None:
                return b_period  # a change between flows is a change in the later period
            if a_period and b_period:
                return Period(start=a_period.end, end=b_period.end)
            return b_period
        spans = [p for p in (a_period, b_period) if p is not None]
        if not spans:
            return None
        return Period(start=min(p.start for p in spans), end=max(p.end for p in spans))

    def _support(self, ratio: Ratio) -> tuple[Decimal, Decimal]:
        if ratio.kind == "change" and self.direction is not None:
            agrees = ratio.direction == self.direction
            return (Decimal(1), Decimal(1)) if agrees else (Decimal(0), Decimal(0))
        if ratio.kind == "stated" and ratio.value < 0 and self.direction == "rise":
            return Decimal(0), Decimal(0)  # a stated fall never supports a rise
        subject = ratio.b if ratio.kind == "change" and ratio.b is not None else ratio.a
        supports = [self.readings[o.figure.id].support for o in _origins(subject)]
        low = Decimal(1) if supports and all(s == "all" for s in supports) else Decimal(0)
        high = Decimal(1) if supports and all(s != "none" for s in supports) else Decimal(0)
        return low, high

    def band(self, selection: Selection) -> Verdict:
        low, high = self._support(self.ratio(selection))
        return _band(low, high)

    def combination(self, found: Found) -> Combination:
        ratio = self.ratio(found.selection)
        low, high = self._support(ratio)
        value = _decimal(ratio.value)
        size = abs(value) if self.by_size(ratio) else value
        difference, relative = _difference(size, self.claim_value)
        terms = [_ratio_term(ratio.a, "a", -1 if ratio.kind == "change" else 1)]
        if ratio.b is not None:
            terms.append(_ratio_term(ratio.b, "b", 1))
        first = _term_label(terms[0])
        second = _term_label(terms[-1])
        expression = {
            "change": f"({second} - {first}) / {first}",
            "share": f"{first} / {second}",
            "stated": first,
        }[ratio.kind]
        # The claim's word is checked against the part of a share, the later term of a change.
        subject = terms[-1] if ratio.kind == "change" else terms[0]
        unsupported = [] if low > 0 or high > 0 else [subject.figure]
        window = next((t.window for t in reversed(terms) if t.window is not None), None)
        return Combination(
            terms=terms,
            expression=expression,
            value=value,
            interval=found.interval,
            difference=difference,
            relative_difference=_round(relative),
            match=found.match,
            supported_share=Share(low=low, high=high),
            supported_value=Share(low=low * size, high=high * size),
            unsupported_figures=unsupported,
            band=_band(low, high),
            period=self.period(found.selection),
            formula=ratio.formula,
            window=window,
        )

    def _ratio_of(self, combination: Combination) -> Ratio:
        ids = [t.figure for t in combination.terms]
        return next(
            r
            for r in self.ratios
            if [operand_id(o) for o in (r.a, r.b) if o is not None] == ids
            and r.formula == combination.formula
        )

    def stock_changes(self, combination: Combination) -> list[tuple[FigureOrigin, FigureOrigin]]:
        ratio = self._ratio_of(combination)
        if ratio.kind != "change" or isinstance(ratio.a, Window) or isinstance(ratio.b, Window):
            return []
        if ratio.b is None or ratio.a.figure.as_of is None:
            return []
        return [(ratio.a, ratio.b)]

    def change_supported(self, combination: Combination) -> bool:
        ratio = self._ratio_of(combination)
        return (
            ratio.kind == "change"
            and self.direction is not None
            and (ratio.direction == self.direction)
        )

    def wrong_way(self, combination: Combination) -> str:
        ratio = self._ratio_of(combination)
        if ratio.kind != "change" or self.direction is None or ratio.direction == self.direction:
            return ""
        return f" The source's figures show a {ratio.direction}, not a {self.direction}."

    def basis_readings(self, basis: Combination) -> list[FigureReading]:
        ratio = self._ratio_of(basis)
        change = self.change_supported(basis)
        readings = []
        for operand in (ratio.a, ratio.b):
            for origin in _origins(operand):
                reading = _figure_reading(origin, self.readings)
                if change:
                    reading = reading.model_copy(update={"change_supports": self.direction})
                readings.append(reading)
        return readings


def _ratios(case: Case, scale: int) -> list[Ratio]:
    """Changes within a series, shares over part_of, and figures stated in the claim's unit;
    at most MAX_RATIOS + 1 of them (a longer list is cut, and the search says so)."""
    return list(itertools.islice(_all_ratios(case, scale), MAX_RATIOS + 1))


def _all_ratios(case: Case, scale: int) -> Iterator[Ratio]:
    by_id = {o.figure.id: o for o in case.figures}
    for origin in case.figures:
        if _same_unit(origin.figure.unit, case.claim.unit):
            yield stated(origin)
    counted = [o for o in case.figures if ratio_scale(o.figure.unit) is None]
    for origin in counted:
        for whole_id in sorted(
            ancestors({k: v.figure for k, v in by_id.items()}, origin.figure.id)
        ):
            whole = by_id[whole_id]
            if _same_unit(whole.figure.unit, origin.figure.unit):
                made = share(origin, whole, scale)
                if made is not None:
                    yield made
    stocks: dict[tuple[str, str], list[FigureOrigin]] = {}
    for origin in counted:
        figure = origin.figure
        if figure.series is not None and figure.as_of is not None:
            stocks.setdefault((figure.series, figure.unit.casefold()), []).append(origin)
    for members in stocks.values():
        members.sort(key=lambda o: (o.figure.as_of, o.figure.id))
        for i, earlier in enumerate(members):
            for later in members[i + 1 :]:
                if later.figure.as_of != earlier.figure.as_of:
                    made = change(earlier, later, scale)
                    if made is not None:
                        yield made
    for members in flow_series(counted).values():
        for before, after in comparable_windows(members):
            made = change(before, after, scale)
            if made is not None:
                yield made


def _magnitude(ratio: Ratio, by_size: bool) -> Interval:
    """A ratio's range, by its size when the claim gives the direction apart."""
    low, high = ratio.low, ratio.high
    low_open, high_open = ratio.low_open, ratio.high_open
    if by_size and low < 0 < high:  # the range straddles zero: sizes from 0 up
        if high > -low:
            top_open = high_open
        elif -low > high:
            top_open = low_open
        else:
            top_open = high_open and low_open
        low, high, low_open, high_open = Fraction(0), max(-low, high), False, top_open
    elif by_size and ratio.value < 0:
        low, high, low_open, high_open = -high, -low, high_open, low_open
    return Interval(
        low=_decimal(low, exact=True),
        high=_decimal(high, exact=True),
        low_open=low_open,
        high_open=high_open,
    )


def _decimal(value: Fraction, *, exact: bool = False) -> Decimal:
    """A Fraction as a Decimal: rounded to 6 places for display, or to 28 digits for ranges."""
    quotient = Decimal(value.numerator) / Decimal(value.denominator)
    return quotient if exact else _round(quotient)


def _origins(operand: Operand | None) -> tuple[FigureOrigin, ...]:
    if operand is None:
        return ()
    return operand.members if isinstance(operand, Window) else (operand,)


def _source_period(operand: Operand, periods: dict[str, Period | None]) -> Period | None:
    return None if isinstance(operand, Window) else periods.get(operand.source_id)


def _ratio_term(operand: Operand, name: str, sign: int) -> Term:
    if isinstance(operand, Window):
        return Term(
            figure=operand.id,
            sign=1 if sign > 0 else -1,
            value=operand.value,
            name=name,
            members=[o.figure.id for o in operand.members],
            window=window_info(operand),
        )
    return Term(
        figure=operand.figure.id, sign=1 if sign > 0 else -1, value=operand.figure.value, name=name
    )


def _term_label(term: Term) -> str:
    if term.window is not None:
        return f"{term.window.series}[{term.window.label.rsplit(' (', 1)[0]}]"
    return term.figure


def _figure_reading(origin: FigureOrigin, readings: dict[str, _Reading]) -> FigureReading:
    figure = origin.figure
    reading = readings.get(figure.id, _Reading("none"))
    return FigureReading(
        figure=figure.id,
        source=origin.source_id,
        value=figure.value,
        qualifier=figure.qualifier,
        unit=figure.unit,
        describes=figure.describes,
        described_as=[w.term for w in figure.described_as],
        supports=reading.support,
        supporting_terms=reading.supporting,
        quote=figure.quote,
        page=figure.page,
    )


def _recovery_note(
    figures: Sequence[FigureOrigin], earlier: FigureOrigin, later: FigureOrigin
) -> Note:
    series = [o for o in figures if o.figure.series == later.figure.series]
    found = recovery(series, earlier, later)
    assert found is not None
    peak = found.peak.figure
    share = found.recovered / found.rise
    above = found.rise - found.recovered
    tail = (
        f"; only {number(above)} take the series above that level"
        if above > 0
        else "; none of it goes above that level"
    )
    return Note(
        kind="recovery",
        message=(
            f"Of the rise of {number(found.rise)} from {earlier.figure.as_of} to "
            f"{later.figure.as_of}, {number(found.recovered)} ({percent(share)}) only restores "
            f"the earlier, higher level of {number(peak.value)} ({peak.id}, {peak.as_of}){tail}."
        ),
    )


def _covers_note(
    near_misses: Sequence[Combination],
    count: int,
    covers: Period,
    basis: Combination | None,
    unit: str,
) -> Note:
    first = near_misses[0]
    measured = (
        f"{first.period.start} to {first.period.end}" if first.period else "an unknown period"
    )
    more = f" ({count - 1:,} more like it)" if count > 1 else ""
    lead = "Not counted" if basis is None else "Also not counted"
    return Note(
        kind="covers",
        message=(
            f"{lead}: {first.expression} = {claim_number(first.value, unit, first.formula)} "
            "reproduces the number but "
            f"measures {measured}, not the period the claim's number covers "
            f"({covers.start} to {covers.end}){more}."
        ),
    )


def _end(period: Period | None) -> dt.date | None:
    return period.end if period else None


def _difference(value: Decimal, claimed: Decimal) -> tuple[Decimal, Decimal]:
    """value - claimed, and that relative to the claim (0 when the claim is 0)."""
    difference = value - claimed
    return difference, difference / claimed if claimed else Decimal(0)


def _band(low: Decimal, high: Decimal) -> Verdict:
    if low >= SUPPORTED_AT:
        return Verdict.supported
    if high >= MISLEADING_AT:
        return Verdict.misleading
    return Verdict.false


def _round(value: Decimal) -> Decimal:
    rounded = value.quantize(_PLACES, rounding=ROUND_HALF_EVEN)
    return rounded.normalize() if rounded != 0 else Decimal(0)


def _outside_share(basis: Period | None, claimed: Period | None) -> Decimal | None:
    if basis is None or claimed is None:
        return None
    return Decimal(_outside_days(basis, claimed)) / basis.days


def _outside_days(basis: Period, claimed: Period) -> int:
    overlap_start, overlap_end = max(basis.start, claimed.start), min(basis.end, claimed.end)
    inside = max(0, (overlap_end - overlap_start).days + 1)
    return basis.days - inside


def _outside_ranges(basis: Period, claimed: Period) -> list[tuple[dt.date, dt.date]]:
    ranges = []
    day = dt.timedelta(days=1)
    if basis.start < claimed.start:
        ranges.append((basis.start, min(basis.end, claimed.start - day)))
    if basis.end > claimed.end:
        ranges.append((max(basis.start, claimed.end + day), basis.end))
    return ranges


def claim_number(value: Decimal, unit: str, formula: str | None = None) -> str:
    """A value in the claim's unit as a reader writes it: 323,000; -40.6%; 0.33."""
    scale = ratio_scale(unit)
    if scale is None:
        return number(value)
    sign = "+" if formula == "(b - a) / a" and value > 0 else ""
    if scale == 100:
        return f"{sign}{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_EVEN)}%"
    return f"{sign}{value.quantize(Decimal('0.001'), rounding=ROUND_HALF_EVEN).normalize()}"


def number(value: Decimal) -> str:
    """A value as a reader writes it: 291,000; 12.5; -2,000."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,f}".rstrip("0").rstrip(".")


QUALIFIER_WORDS = {
    Qualifier.exact: "",
    Qualifier.about: "about ",
    Qualifier.more_than: "more than ",
    Qualifier.at_least: "at least ",
    Qualifier.less_than: "less than ",
    Qualifier.at_most: "at most ",
    Qualifier.nearly: "nearly ",
}


def amount(qualifier: Qualifier, value: Decimal) -> str:
    """A value with its qualifier in words: "more than 291,000"."""
    return f"{QUALIFIER_WORDS[qualifier]}{number(value)}"


def percent(value: Decimal, places: int = 1) -> str:
    scaled = (value * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    return f"{scaled:f}%"


def _summary(
    verdict: Verdict,
    basis: Combination | None,
    context: _Context | _RatioContext,
    capped: bool,
    claim_value: Decimal,
    max_terms: MaxTerms,
    tolerance: Decimal,
) -> str:
    claim = context.case.claim
    if basis is None and isinstance(context, _RatioContext):
        return (
            "Not reproduced by the source's figures: no change within a series, share of a "
            f"whole or figure stated in {claim.unit} comes within {percent(tolerance)} of "
            f"{claim_number(claim_value, claim.unit)}."
        )
    if basis is None:
        return (
            f"Not reproduced by the source's figures: no combination of "
            f"{'any number of' if max_terms == 'all' else f'up to {max_terms}'} "
            f"figures in {claim.unit} comes within {percent(tolerance)} of "
            f"{number(claim_value)}."
        )
    how = (
        "exactly"
        if basis.match is Match.exact
        else (
            f"approximately ({'+' if basis.relative_difference > 0 else ''}"
            f"{percent(basis.relative_difference)})"
        )
    )
    derivation = (
        f"{basis.expression} = {claim_number(basis.value, claim.unit, basis.formula)} "
        f"reproduces the number {how}"
    )
    word = claim.asserts
    low, high = basis.supported_share.low, basis.supported_share.high
    share = percent(high) if low == high else f"between {percent(low)} and {percent(high)}"
    terms = {term.figure: term for term in basis.terms}
    never = "; ".join(
        f"the source never describes these {number(terms[f].value)} ({_term_label(terms[f])}) "
        f"as {word}"
        for f in basis.unsupported_figures
    )
    never = f" {never[0].upper()}{never[1:]}." if never else ""
    never += context.wrong_way(basis)
    if context.change_supported(basis):
        support = (
            f"the change between the source's figures is a {context.direction}, which is "
            f"what '{word}' says"
        )
    else:
        support = f"the source describes {share} of it as {word}"
    if verdict is Verdict.supported:
        return f"{derivation}, and {support}."
    if capped:
        return (
            f"{derivation}, and {support}, but more than half of the period those figures "
            "cover lies outside the period the claim attributes."
        )
    if verdict is Verdict.misleading and low < high:
        return (
            f"{derivation}, but the source says '{word}' of only some of them, not of all.{never}"
        )
    if verdict is Verdict.misleading:
        return f"{derivation}, but the source describes only {share} of it as {word}.{never}"
    if high == 0:
        return f"{derivation}, but the source does not describe any of it as {word}.{never}"
    return f"{derivation}, but the source describes at most {percent(high)} of it as {word}.{never}"


def _notes(
    context: _Context | _RatioContext,
    result: SearchResult,
    basis: Combination | None,
    capped: bool,
    lexicon: Lexicon,
    candidates: Sequence[Candidate],
    by_id: dict[str, Figure],
    listed_count: int,
    tolerance: Decimal,
) -> list[Note]:
    claim = context.case.claim
    notes: list[Note] = []
    if basis is not None and basis.period is not None and claim.period is not None:
        outside = _outside_share(basis.period, claim.period)
        if outside is not None and outside > PERIOD_NOTE_AT:
            ranges = ", ".join(
                f"{start} to {end}" for start, end in _outside_ranges(basis.period, claim.period)
            )
            days = _outside_days(basis.period, claim.period)
            attributed = f" to {claim.attributed_to}" if claim.attributed_to else ""
            message = (
                f"{percent(outside)} of the period these figures cover "
                f"({basis.period.start} to {basis.period.end}) lies outside the period the "
                f"claim attributes{attributed} ({claim.period.start} to {claim.period.end}): "
                f"{ranges}, {days:,} of {basis.period.days:,} days."
            )
            if capped:
                message += " More than half lies outside, so the verdict is at most misleading."
            notes.append(Note(kind="period", message=message))
    if basis is not None:
        for reading in context.basis_readings(basis):
            if reading.supports == "some" and reading.change_supports is None:
                words = "', '".join(reading.supporting_terms)
                notes.append(
                    Note(
                        kind="extent",
                        message=(
                            f"The source says '{words}' of only some of the "
                            f"{number(reading.value)} ({reading.figure}), not of all of them."
                        ),
                    )
                )
    if basis is not None:
        notes.extend(
            _recovery_note(context.case.figures, earlier, later)
            for earlier, later in context.stock_changes(basis)
            if recovery(
                [o for o in context.case.figures if o.figure.series == later.figure.series],
                earlier,
                later,
            )
        )
    if basis is not None:
        notes.extend(_wording_hints(context, basis, lexicon))
    notes.extend(_also_asserts_notes(context, basis, lexicon))
    for found in result.overlaps:
        names = [candidates[i].id for i, _ in found.selection]
        added = [candidates[i] for i, sign in found.selection if sign > 0]
        nested = sorted(
            f"{a.id} is part of {b.id}" for a in added for b in added if b.id in a.ancestors
        )
        expression = names[0] + "".join(
            f" {'+' if s > 0 else '-'} {candidates[i].id}" for i, s in found.selection[1:]
        )
        notes.append(
            Note(
                kind="overlap",
                message=(
                    f"Not counted: {expression} = {number(found.point)} would reproduce the "
                    f"number but counts the same things twice ({'; '.join(nested)})."
                ),
            )
        )
    if result.overlap_count > len(result.overlaps):
        notes.append(
            Note(
                kind="overlap",
                message=f"{result.overlap_count - len(result.overlaps)} more double-counting "
                "combinations were skipped.",
            )
        )
    if isinstance(context, _Context):  # ratio claims compare counts by design
        notes.extend(_unit_notes(context, tolerance))
    total = sum(result.counts.values())
    if total > listed_count:
        notes.append(
            Note(
                kind="search",
                message=f"{total:,} combinations reproduce the number; the best-ranked "
                f"{listed_count} are listed (raise --top to see more).",
            )
        )
    if not result.complete:
        notes.append(
            Note(
                kind="search",
                message=(
                    f"The search stopped after examining {result.examined:,} combinations "
                    f"(its budget), so the list may be incomplete: raise --budget, or lower "
                    "--max-terms to search fewer figures per combination."
                ),
            )
        )
    return notes


_STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "and",
        "or",
        "but",
        "not",
        "no",
        "had",
        "has",
        "have",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "their",
        "its",
        "his",
        "her",
        "they",
        "them",
        "it",
        "this",
        "that",
        "these",
        "those",
        "who",
        "which",
    ]
)


def _wording_hints(
    context: _Context | _RatioContext, basis: Combination, lexicon: Lexicon
) -> list[Note]:
    """Where the source's words share a word with the claim's but are not a listed wording:
    no stemming is applied, so "had run away" does not say "ran away" unless told."""
    word = context.case.claim.asserts
    wanted = {w for w in normalise(word).split() if w not in _STOPWORDS and len(w) > 2}
    notes = []
    for reading in context.basis_readings(basis):
        if reading.supports != "none" or reading.change_supports:
            continue
        close = [
            term
            for term in reading.described_as
            if wanted & set(normalise(term).split()) and lexicon.match(term, word) is None
        ]
        if close:
            notes.append(
                Note(
                    kind="wording",
                    message=(
                        f"The source calls {reading.figure} '{close[0]}', which shares words "
                        f"with '{word}' but is not one of its wordings (no stemming is applied). "
                        f"If it means the same, list it under the claim's synonyms: "
                        f"{{{word}: [{close[0]}]}}."
                    ),
                )
            )
    return notes


def _also_asserts_notes(
    context: _Context | _RatioContext, basis: Combination | None, lexicon: Lexicon
) -> list[Note]:
    notes: list[Note] = []
    case = context.case
    basis_ids = [r.figure for r in context.basis_readings(basis)] if basis else []
    basis_sources = {origin.source_id for origin in case.figures if origin.figure.id in basis_ids}
    statements = [
        (loaded.source.id, statement)
        for loaded in case.sources
        if not basis_sources or loaded.source.id in basis_sources
        for statement in loaded.source.statements
    ]
    for word in case.claim.also_asserts:
        said = False
        near: list[str] = []
        for figure_id in basis_ids:
            figure = context.case.figure(figure_id)
            for wording in figure.described_as:
                found = lexicon.match(wording.term, word)
                if found and found.says:
                    said = True
                elif found:
                    near.append(f"'{wording.term}' ({figure_id})")
        for source_id, statement in statements:
            # The statement's described_as words speak for it; its full text is the fallback.
            for text in [*(w.term for w in statement.described_as), statement.text]:
                found = lexicon.match(text, word)
                if found and found.says:
                    said = True
                    break
                if found:
                    near.append(f"'{text.strip()}' (statement {statement.id} of {source_id})")
                    break
        if said:
            continue
        subject = "these figures" if basis else "the counted things"
        message = (
            f"The claim also says they were {word}; neither {subject} nor any statement of "
            f"the source says so."
        )
        if near:
            message += (
                f" The closest it comes is {', '.join(dict.fromkeys(near))}, which is hedged "
                "or negated, not a finding."
            )
        notes.append(Note(kind="also_asserts", message=message))
    return notes


def _unit_notes(context: _Context | _RatioContext, relative: Decimal) -> list[Note]:
    claim = context.case.claim
    searched = {id(origin) for origin in context.origins}
    others = [o.figure for o in context.case.figures if id(o) not in searched]
    if not context.origins:
        units = sorted({f.unit for f in others})
        listed = ", ".join(units) if units else "none"
        return [
            Note(
                kind="unit",
                message=f"No figure of the sources is in {claim.unit}; units present: {listed}. "
                "Figures combine only with figures of the claim's unit.",
            )
        ]
    tolerance = relative * abs(claim.value)
    notes = []
    for figure in others:
        if abs(figure.value - claim.value) <= tolerance:
            notes.append(
                Note(
                    kind="unit",
                    message=(
                        f"{figure.id} ({number(figure.value)} {figure.unit}) matches the number "
                        f"but counts {figure.unit}, not {claim.unit}; it was not combined."
                    ),
                )
            )
    return notes
