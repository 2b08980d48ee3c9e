"""Ratio claims (percent, ratio): changes within a series, shares of a whole, stated figures.

Every ratio the source's figures make is tried against the claim (there are no sums of
ratios). A change compares with the claim by its size when the claim gives its direction
apart; a change supports the claim's word when it goes the way the word (or `direction`)
says; a share or a stated figure by the words of its part.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Iterator
from decimal import Decimal
from fractions import Fraction

from factcheck import bands
from factcheck.coincidence import Coincidences, ValueCensus
from factcheck.judge import quotients, summary
from factcheck.judge.beyond import Beyond, larger_window, largest_total
from factcheck.judge.combinations import Annotate, Direction
from factcheck.judge.periods import inside_fraction
from factcheck.judge.readings import Readings, figure_reading, read_all
from factcheck.judge.relations import Caps
from factcheck.judge.settings import Rules
from factcheck.judge.terms import difference, rounded, term, term_label
from factcheck.kinds import RatioKind
from factcheck.load import Case, FigureOrigin, ancestors
from factcheck.models import (
    Combination,
    FigureReading,
    Interval,
    Match,
    Note,
    Period,
    Share,
    Term,
    Verdict,
)
from factcheck.search import (
    MATCH_LEVEL,
    NEAREST,
    Classify,
    Found,
    MaxTerms,
    SearchResult,
    Selection,
    Target,
)
from factcheck.series import (
    Operand,
    Ratio,
    Window,
    change,
    comparable_windows,
    flow_series,
    operand_id,
    operand_period,
    share,
    stated,
)
from factcheck.units import ratio_scale, same_unit

# Past this many ratios the list is cut, and the search says it is incomplete.
MAX_RATIOS = 60_000


class RatioCombinations:
    """A claim in percent or as a ratio: changes, shares and figures stated as ratios."""

    def __init__(self, case: Case, rules: Rules, scale: int) -> None:
        claim = case.claim
        self.case = case
        # A ratio's operands are counts, not ratios: every figure's words are read.
        self.readings: Readings = read_all(case.figures, claim.asserts, rules.lexicon)
        self.source_periods = {loaded.source.id: loaded.source.period for loaded in case.sources}
        self.claim_value = claim.value
        wanted: dict[str, Direction] = {"up": "rise", "down": "fall"}
        self.direction: Direction | None = (
            wanted[claim.direction]
            if claim.direction
            else rules.lexicon.change_direction(claim.asserts)
        )
        self.asked = quotients.asked(claim)
        self.caps = Caps(case)
        found = list(itertools.islice(all_ratios(case, scale, self.asked), MAX_RATIOS + 1))
        self.complete = len(found) <= MAX_RATIOS
        self.ratios = found[:MAX_RATIOS]

    # --- the search --------------------------------------------------------------------

    def search(self, rules: Rules, classify: Classify) -> SearchResult:
        """Every ratio that reproduces the claim: changes are compared by their size."""
        target = rules.target
        found: dict[Hashable, list[Found]] = {}
        counts: dict[Hashable, int] = {}
        for index in range(len(self.ratios)):
            item = self.found(index, target)
            if item is None:
                continue
            selection = item.selection
            key = classify(selection)
            counts[key] = counts.get(key, 0) + 1
            found.setdefault(key, []).append(item)
        return SearchResult(
            found={key: sorted(kept)[: rules.top] for key, kept in found.items()},
            counts=counts,
            overlaps=[],
            overlap_count=0,
            examined=len(self.ratios),
            complete=self.complete,
            budget=len(self.ratios),
        )

    def found(self, index: int, target: Target, *, nearest: bool = False) -> Found | None:
        """The ratio as a match (None when it does not reproduce the target), or, for
        `nearest`, as a combination that need not (match none)."""
        ratio = self.ratios[index]
        interval, point = self.measured(ratio)
        match = Match.none if nearest else target.match(interval, _decimal(point, exact=True))
        if match is None:
            return None
        distance = abs(point - Fraction(target.point))
        selection: Selection = ((index, 1),)
        return Found(
            rank=(ratio.kind.form.terms, MATCH_LEVEL[match], distance, selection),
            selection=selection,
            point=_decimal(ratio.value),
            interval=interval,
            match=match,
        )

    def measured(self, ratio: Ratio) -> tuple[Interval, Fraction]:
        """The range and value a ratio is compared with the claim by: its size when the
        claim gives its direction apart."""
        by_size = self.by_size(ratio)
        return _magnitude(ratio, by_size), abs(ratio.value) if by_size else ratio.value

    def beyond(self, result: SearchResult, rules: Rules) -> Beyond:
        """Nearest, largest and nearest larger supported ratio (rules C1-C3): every ratio is
        looked at, as the search does."""
        target = rules.target
        claim = Fraction(target.point)
        points = [self.measured(ratio)[1] for ratio in self.ratios]

        def rank(index: int) -> tuple[Fraction, int, int]:
            return abs(points[index] - claim), self.ratios[index].kind.form.terms, index

        def combination(index: int) -> Combination:
            found = self.found(index, target, nearest=True)
            assert found is not None
            return self.combination(found)

        ranked = sorted(range(len(self.ratios)), key=rank)
        largest = None
        if self.ratios:
            top = max(range(len(self.ratios)), key=lambda k: (points[k], -k))
            largest = largest_total(combination(top))
            largest = largest.model_copy(update={"value": _decimal(points[top])})
        window = larger_window(rules)
        larger = None
        if window is not None:
            above, up_to = Fraction(window[0]), Fraction(window[1])
            fits = [
                k
                for k in ranked
                if above < points[k] <= up_to and self.band(((k, 1),)) is Verdict.supported
            ]
            larger = combination(fits[0]) if fits else None
        return Beyond(
            nearest=[combination(k) for k in ranked[:NEAREST]],
            largest=largest,
            larger=larger,
        )

    def used_ids(self, result: SearchResult) -> list[str]:
        return []  # every match went through `classify`, which saw its figures

    def searched(self) -> int:
        return len(self.ratios)

    def terms_reported(self, max_terms: MaxTerms) -> int:
        return 0 if max_terms == "all" else max_terms  # as v1 reports it: there is no sum

    def chance(self, result: SearchResult, rules: Rules) -> Annotate:
        """Quotients, tried in pairs, with how many of the pairs tried would land as near by
        chance; other ratios are not estimated (they are few, and fixed by the source)."""
        points = [self.measured(r)[1] for r in self.ratios if r.kind is RatioKind.quotient]
        if not points:
            return lambda combination: combination
        estimate = Coincidences(ValueCensus(points, size=2), rules.target)

        def annotate(combination: Combination) -> Combination:
            quotient = combination.kind is RatioKind.quotient
            return estimate.annotate(combination) if quotient else combination

        return annotate

    # --- one selection -----------------------------------------------------------------

    def ratio(self, selection: Selection) -> Ratio:
        return self.ratios[selection[0][0]]

    def by_size(self, ratio: Ratio) -> bool:
        """Changes, and stated figures when the claim gives a direction, compare by size."""
        return ratio.kind is RatioKind.change or (
            ratio.kind is RatioKind.stated and self.direction is not None
        )

    def member_ids(self, selection: Selection) -> list[str]:
        ratio = self.ratio(selection)
        return [o.figure.id for operand in (ratio.a, ratio.b) for o in _origins(operand)]

    def period(self, selection: Selection) -> Period | None:
        ratio = self.ratio(selection)
        a_period = operand_period(ratio.a, self._source_period(ratio.a))
        if ratio.b is None:
            return a_period
        b_period = operand_period(ratio.b, self._source_period(ratio.b))
        if ratio.kind is RatioKind.change:
            if isinstance(ratio.b, Window) or ratio.b.figure.period is not None:
                return b_period  # a change between flows is a change in the later period
            if a_period and b_period:
                return Period(start=a_period.end, end=b_period.end)
            return b_period
        spans = [p for p in (a_period, b_period) if p is not None]
        if not spans:
            return None
        return Period(start=min(p.start for p in spans), end=max(p.end for p in spans))

    def _source_period(self, operand: Operand) -> Period | None:
        return None if isinstance(operand, Window) else self.source_periods.get(operand.source_id)

    def _support(self, ratio: Ratio) -> tuple[Decimal, Decimal]:
        if ratio.kind is RatioKind.change and self.direction is not None:
            agrees = ratio.direction == self.direction
            return (Decimal(1), Decimal(1)) if agrees else (Decimal(0), Decimal(0))
        if ratio.kind is RatioKind.stated and ratio.value < 0 and self.direction == "rise":
            return Decimal(0), Decimal(0)  # a stated fall never supports a rise
        subject = ratio.b if ratio.kind is RatioKind.change and ratio.b is not None else ratio.a
        supports = [self.readings[o.figure.id].support for o in _origins(subject)]
        low = Decimal(1) if supports and all(s == "all" for s in supports) else Decimal(0)
        high = Decimal(1) if supports and all(s != "none" for s in supports) else Decimal(0)
        return low, high

    def _prorated(self, selection: Selection) -> tuple[Decimal, Decimal]:
        """The support, as a share of the ratio, less the share of its period outside the
        period the claim attributes (rule D)."""
        low, high = self._support(self.ratio(selection))
        fraction = inside_fraction(self.period(selection), self.case.claim.period)
        if fraction == 1:
            return low, high
        inside = Decimal(fraction.numerator) / Decimal(fraction.denominator)
        return low * inside, high * inside

    def band(self, selection: Selection) -> Verdict:
        return self.caps.cap(
            bands.earned(*self._prorated(selection)), (), self.member_ids(selection)
        )

    def combination(self, found: Found) -> Combination:
        ratio = self.ratio(found.selection)
        low, high = self._prorated(found.selection)
        value = _decimal(ratio.value)
        size = abs(value) if self.by_size(ratio) else value
        off, relative = difference(size, self.claim_value)
        terms = [_ratio_term(ratio.a, "a", -1 if ratio.kind is RatioKind.change else 1)]
        if ratio.b is not None:
            terms.append(_ratio_term(ratio.b, "b", 1))
        expression = ratio.kind.form.write(term_label(terms[0]), term_label(terms[-1]))
        if ratio.kind is RatioKind.quotient:
            expression += quotients.written_rate(self.asked)
        # The claim's word is checked against the part of a share, the later term of a change.
        subject = terms[-1] if ratio.kind is RatioKind.change else terms[0]
        return Combination(
            terms=terms,
            expression=expression,
            value=value,
            interval=found.interval,
            difference=off,
            relative_difference=rounded(relative),
            match=found.match,
            supported_share=Share(low=rounded(low), high=rounded(high)),
            supported_value=Share(low=low * size, high=high * size),
            unsupported_figures=[] if any(self._support(ratio)) else [subject.figure],
            band=self.caps.cap(bands.earned(low, high), (), self.member_ids(found.selection)),
            period=self.period(found.selection),
            formula=ratio.formula,
            window=next((t.window for t in reversed(terms) if t.window is not None), None),
        )

    # --- what the source says of a combination -----------------------------------------

    def _ratio_of(self, combination: Combination) -> Ratio:
        ids = [t.figure for t in combination.terms]
        return next(
            r
            for r in self.ratios
            if [operand_id(o) for o in (r.a, r.b) if o is not None] == ids
            and r.kind is combination.kind
        )

    def stock_changes(self, combination: Combination) -> list[tuple[FigureOrigin, FigureOrigin]]:
        ratio = self._ratio_of(combination)
        if ratio.kind is not RatioKind.change:
            return []
        if isinstance(ratio.a, Window) or isinstance(ratio.b, Window):
            return []
        if ratio.b is None or ratio.a.figure.as_of is None:
            return []
        return [(ratio.a, ratio.b)]

    def change_supported(self, combination: Combination) -> bool:
        ratio = self._ratio_of(combination)
        return (
            ratio.kind is RatioKind.change
            and self.direction is not None
            and (ratio.direction == self.direction)
        )

    def wrong_way(self, combination: Combination) -> str:
        ratio = self._ratio_of(combination)
        if (
            ratio.kind is not RatioKind.change
            or self.direction is None
            or ratio.direction == self.direction
        ):
            return ""
        return f" The source's figures show a {ratio.direction}, not a {self.direction}."

    def basis_readings(self, basis: Combination) -> list[FigureReading]:
        ratio = self._ratio_of(basis)
        change_supports = self.change_supported(basis)
        readings = []
        for operand in (ratio.a, ratio.b):
            for origin in _origins(operand):
                reading = figure_reading(origin, self.readings)
                if change_supports:
                    reading = reading.model_copy(update={"change_supports": self.direction})
                readings.append(reading)
        return readings

    def inside_value(self, combination: Combination) -> Decimal | None:
        return None  # a ratio is not an amount that accrues over days

    def undated(self, combination: Combination) -> list[str]:
        ratio = self._ratio_of(combination)
        return [
            operand_id(operand)
            for operand in (ratio.a, ratio.b)
            if operand is not None and operand_period(operand, self._source_period(operand)) is None
        ]

    # --- sentences and notes -----------------------------------------------------------

    def not_reproduced(self, rules: Rules) -> str:
        return summary.ratio_not_reproduced(self.case.claim, rules)

    def own_notes(self, result: SearchResult, rules: Rules) -> list[Note]:
        return []  # ratio claims compare counts of any unit by design, and never overlap


def all_ratios(case: Case, scale: int, asked: quotients.Asked | None = None) -> Iterator[Ratio]:
    """Figures stated in the claim's unit, shares over part_of, changes within a series of
    stocks, changes between comparable windows of a flow series, and, when the claim asks
    for them, quotients of two figures, in that order."""
    by_id = {o.figure.id: o for o in case.figures}
    for origin in case.figures:
        if same_unit(origin.figure.unit, case.claim.unit):
            yield stated(origin)
    counted = [o for o in case.figures if ratio_scale(o.figure.unit) is None]
    figures = {k: v.figure for k, v in by_id.items()}
    for origin in counted:
        for whole_id in sorted(ancestors(figures, origin.figure.id)):
            whole = by_id[whole_id]
            if same_unit(whole.figure.unit, origin.figure.unit):
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
    if asked is not None:
        yield from quotients.quotients(case, scale, asked)


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
    return quotient if exact else rounded(quotient)


def _origins(operand: Operand | None) -> tuple[FigureOrigin, ...]:
    if operand is None:
        return ()
    return operand.members if isinstance(operand, Window) else (operand,)


def _ratio_term(operand: Operand, name: str, sign: int) -> Term:
    if isinstance(operand, Window):
        return term(operand.id, sign, operand.value, operand, name)
    return term(operand.figure.id, sign, operand.figure.value, name=name)
