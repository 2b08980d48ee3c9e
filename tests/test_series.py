"""factcheck.series and the ratio search in judge.py against brute force, plus the small helpers.

The property tests build random small series (months and odd-length periods, gaps that split
runs, qualifiers, zeros) and compare what the code enumerates with a plain enumeration of
the rules in docs/format.md ("Series, windows and ratio claims"):

- a window is a run of consecutive members in time order, each starting the day after the
  previous one ends;
- a change between flows compares two windows of one series with as many members each,
  the earlier first, either back to back or with the later starting a year after the
  earlier; a change between stocks compares two dates of one series; either needs an
  earlier term that cannot be zero or negative;
- a share is a part over a whole it is part_of (transitively), in the same unit;
- a figure in the claim's unit takes part as it is.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.judge import Settings, judge
from factcheck.judge.items import items as sum_items
from factcheck.judge.ratios import all_ratios
from factcheck.judge.readings import read
from factcheck.lexicon import shipped_lexicon
from factcheck.load import Case, Document, FigureOrigin, ancestors
from factcheck.models import Claim, Figure, Interval, Match, Period, Qualifier, Verdict
from factcheck.search import combine_intervals
from factcheck.series import (
    Window,
    change,
    comparable_windows,
    contiguous_runs,
    covers_match,
    flow_series,
    recovery,
    share,
    span_label,
    stated,
    windows,
)
from tests.conftest import examples

D = Decimal
DAY = dt.timedelta(days=1)
DOC = Document(path=Path("src.yaml"), data={})
QUALIFIERS = list(Qualifier)
PRECISIONS = [1, 1, 10, 100]
EVERYTHING = 10**6


def origin(data: dict[str, Any], source_id: str = "src") -> FigureOrigin:
    return FigureOrigin(
        figure=Figure.model_validate(data), source_id=source_id, document=DOC, key_path=()
    )


def month(year: int, number: int) -> dict[str, dt.date]:
    last = calendar.monthrange(year, number)[1]
    return {"start": dt.date(year, number, 1), "end": dt.date(year, number, last)}


def flow(
    id: str, value: int, period: dict[str, dt.date], series: str = "s", **more: Any
) -> FigureOrigin:
    return origin(
        {"id": id, "value": value, "unit": "people", "series": series, "period": period, **more}
    )


def stock(id: str, value: int, as_of: dt.date, series: str = "k") -> FigureOrigin:
    return origin({"id": id, "value": value, "unit": "people", "series": series, "as_of": as_of})


# --- random series --------------------------------------------------------------------


@st.composite
def periods(draw: st.DrawFn, size: int) -> list[Period]:
    """Consecutive periods: mostly calendar months, sometimes 1-40 days; sometimes a gap.

    Half the series are regular (months, rarely a gap), so that windows a year apart occur.
    """
    regular = draw(st.booleans())
    gaps = [0] * 11 + [31] if regular else [0, 0, 0, 0, 0, 0, 1, 5, 31]
    day = dt.date(draw(st.integers(2019, 2021)), draw(st.integers(1, 12)), 1)
    found = []
    for _ in range(size):
        if regular or draw(st.integers(0, 3)) > 0:  # a calendar month (the next to start)
            if day.day != 1:
                day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        else:
            end = day + dt.timedelta(days=draw(st.integers(0, 39)))
        found.append(Period(start=day, end=end))
        gap = draw(st.sampled_from(gaps))
        day = end + DAY + dt.timedelta(days=gap)
    return found


@st.composite
def numbers(draw: st.DrawFn) -> dict[str, Any]:
    value = draw(st.one_of(st.integers(0, 3), st.integers(1, 400)))
    qualifier = draw(st.sampled_from(QUALIFIERS)) if draw(st.booleans()) else Qualifier.exact
    return {
        "value": value,
        "qualifier": qualifier.value,
        "precision": draw(st.sampled_from(PRECISIONS)),
    }


WORDINGS: list[list[Any]] = [[], ["released"], [{"term": "released", "extent": "some"}], ["left"]]


@st.composite
def flow_figures(draw: st.DrawFn, series: str, size: int) -> list[FigureOrigin]:
    spans = draw(periods(size))
    figures = [
        origin(
            {
                "id": f"{series}{k}",
                **draw(numbers()),
                "unit": "people",
                "series": series,
                "period": {"start": span.start, "end": span.end},
                "described_as": draw(st.sampled_from(WORDINGS)),
            }
        )
        for k, span in enumerate(spans)
    ]
    return draw(st.permutations(figures))  # file order need not be time order


@st.composite
def ratio_cases(draw: st.DrawFn) -> Case:
    """One or two flow series, a few stocks, a part and its whole, a stated percent."""
    figures = draw(flow_figures("s", draw(st.integers(1, 15))))
    if draw(st.booleans()):
        figures += draw(flow_figures("t", draw(st.integers(1, 5))))
    for k in range(draw(st.integers(0, 3))):
        as_of = dt.date(2020, 1, 1) + dt.timedelta(days=draw(st.integers(0, 800)))
        figures.append(
            origin(
                {"id": f"k{k}", **draw(numbers()), "unit": "people", "series": "k", "as_of": as_of}
            )
        )
    if draw(st.booleans()):
        whole = draw(st.integers(0, 400))
        figures.append(origin({"id": "whole", "value": whole, "unit": "people"}))
        figures.append(
            origin(
                {
                    "id": "part",
                    "value": draw(st.integers(0, whole)),
                    "unit": "people",
                    "part_of": "whole",
                    "described_as": draw(st.sampled_from(WORDINGS)),
                }
            )
        )
    if draw(st.booleans()):
        figures.append(
            origin(
                {
                    "id": "rate",
                    "value": draw(st.integers(1, 90)),
                    "unit": "percent",
                    "described_as": ["released"],
                }
            )
        )
    brute = brute_ratios(figures)
    if brute and draw(st.booleans()):  # aim at a ratio, so that matches are common
        aim = abs(draw(st.sampled_from(brute)).value)
        value = D(str(round(float(aim), draw(st.integers(0, 2))))) or D(1)
    else:
        value = D(draw(st.integers(1, 150)))
    covers = None
    if draw(st.booleans()):
        dated = [o for o in figures if o.figure.period or o.figure.as_of]
        anchor = draw(st.sampled_from(dated)).figure
        span = anchor.period or Period(start=anchor.as_of, end=anchor.as_of)  # type: ignore[arg-type]
        shift = dt.timedelta(days=draw(st.sampled_from([0, 0, 3, 8, -10])))
        covers = {"start": span.start + shift, "end": span.end - shift}
        if covers["start"] > covers["end"]:
            covers = {"start": span.start, "end": span.end}
    claim = Claim.model_validate(
        {
            "id": "c",
            "text": "A claim.",
            "speaker": "S",
            "date": "2024-01-01",
            "value": value,
            "qualifier": draw(st.sampled_from(QUALIFIERS)).value,
            "unit": "percent",
            "asserts": draw(st.sampled_from(["released", "fell", "rose"])),
            "direction": draw(st.sampled_from([None, "up", "down"])),
            "tolerance": draw(st.sampled_from(["0", "0.01", "0.05"])),
            "covers": covers,
            "figures": [],
        }
    )
    return Case(claim=claim, path=Path("c.yaml"), sources=[], figures=figures)


# --- brute force ----------------------------------------------------------------------


def interval(figure: Figure) -> Interval:
    return Interval.of(figure.value, figure.qualifier, figure.precision)


def ordered(members: list[FigureOrigin]) -> list[FigureOrigin]:
    return sorted(
        members,
        key=lambda o: (
            o.figure.period.start,
            o.figure.period.end,  # type: ignore[union-attr]
            o.figure.id,
        ),
    )


def consecutive(members: list[FigureOrigin], first: int, last: int) -> bool:
    return all(
        members[k + 1].figure.period.start == members[k].figure.period.end + DAY  # type: ignore[union-attr]
        for k in range(first, last)
    )


def brute_windows(members: list[FigureOrigin]) -> list[tuple[int, int]]:
    """(first, last) of every window of a series, indices in time order."""
    return [
        (first, last)
        for first in range(len(members))
        for last in range(first, len(members))
        if consecutive(members, first, last)
    ]


def window_id(members: list[FigureOrigin], first: int, last: int) -> str:
    a, b = members[first].figure, members[last].figure
    return f"{a.series}[{a.id}]" if first == last else f"{a.series}[{a.id}..{b.id}]"


def year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def brute_pairs(members: list[FigureOrigin]) -> set[tuple[tuple[int, int], tuple[int, int]]]:
    """Pairs of windows of equal member count, earlier first: back to back or a year apart."""
    found = set()
    spans = brute_windows(members)
    for (a1, a2), (b1, b2) in itertools.product(spans, spans):
        if a2 - a1 != b2 - b1 or a2 >= b1:
            continue
        back_to_back = b1 == a2 + 1
        start_a = members[a1].figure.period.start  # type: ignore[union-attr]
        start_b = members[b1].figure.period.start  # type: ignore[union-attr]
        # Back to back: one run with no gap; a year apart: across gaps too.
        if (back_to_back and consecutive(members, a1, b2)) or start_b == year_after(start_a):
            found.add(((a1, a2), (b1, b2)))
    return found


def window_sum(members: list[FigureOrigin], first: int, last: int) -> tuple[Decimal, Interval]:
    chosen = members[first : last + 1]
    value = sum((o.figure.value for o in chosen), D(0))
    return value, combine_intervals([(interval(o.figure), 1) for o in chosen])


@dataclass(frozen=True)
class BruteRatio:
    kind: str
    ids: tuple[str, ...]  # a, then b
    value: Fraction  # x100, signed for changes
    low: Fraction
    high: Fraction
    low_open: bool
    high_open: bool
    period: Period | None


def brute_ratios(figures: list[FigureOrigin]) -> list[BruteRatio]:
    found = []
    counted = [o for o in figures if o.figure.unit != "percent"]
    for o in figures:
        f = o.figure
        if f.unit == "percent":
            i = interval(f)
            found.append(
                BruteRatio(
                    "stated",
                    (f.id,),
                    Fraction(f.value),
                    Fraction(i.low),
                    Fraction(i.high),
                    i.low_open,
                    i.high_open,
                    f.period,
                )
            )
    by_id = {o.figure.id: o.figure for o in figures}
    for o in counted:
        for whole_id in sorted(ancestors(by_id, o.figure.id)):
            part, whole = o.figure, by_id[whole_id]
            ip, iw = interval(part), interval(whole)
            if iw.low <= 0 or ip.low < 0:
                continue
            spans = [p for p in (part.period, whole.period) if p is not None]
            period = (
                Period(start=min(p.start for p in spans), end=max(p.end for p in spans))
                if spans
                else None
            )
            found.append(
                BruteRatio(
                    "share",
                    (part.id, whole.id),
                    Fraction(part.value) / Fraction(whole.value) * 100,
                    Fraction(ip.low) / Fraction(iw.high) * 100,
                    Fraction(ip.high) / Fraction(iw.low) * 100,
                    ip.low_open or iw.high_open,
                    ip.high_open or iw.low_open,
                    period,
                )
            )

    def changed(
        ids: tuple[str, str],
        a: tuple[Decimal, Interval],
        b: tuple[Decimal, Interval],
        period: Period | None,
    ) -> None:
        (va, ia), (vb, ib) = a, b
        if ia.low <= 0:
            return
        found.append(
            BruteRatio(
                "change",
                ids,
                (Fraction(vb) - Fraction(va)) / Fraction(va) * 100,
                (Fraction(ib.low) / Fraction(ia.high) - 1) * 100,
                (Fraction(ib.high) / Fraction(ia.low) - 1) * 100,
                ib.low_open or ia.high_open,
                ib.high_open or ia.low_open,
                period,
            )
        )

    stocks = sorted(
        (o for o in counted if o.figure.as_of is not None),
        key=lambda o: (o.figure.as_of, o.figure.id),
    )
    for a, b in itertools.combinations(stocks, 2):
        fa, fb = a.figure, b.figure
        if fa.series == fb.series and fa.as_of != fb.as_of:
            changed(
                (fa.id, fb.id),
                (fa.value, interval(fa)),
                (fb.value, interval(fb)),
                Period(start=fa.as_of, end=fb.as_of),
            )  # type: ignore[arg-type]
    for name in sorted({o.figure.series for o in counted if o.figure.period is not None}):
        members = ordered(
            [o for o in counted if o.figure.series == name and o.figure.period is not None]
        )
        for (a1, a2), (b1, b2) in sorted(brute_pairs(members)):
            later = Period(
                start=members[b1].figure.period.start,  # type: ignore[union-attr]
                end=members[b2].figure.period.end,
            )  # type: ignore[union-attr]
            changed(
                (window_id(members, a1, a2), window_id(members, b1, b2)),
                window_sum(members, a1, a2),
                window_sum(members, b1, b2),
                later,
            )
    return found


def by_size(ratio: BruteRatio, wanted: str | None) -> bool:
    return ratio.kind == "change" or (ratio.kind == "stated" and wanted is not None)


def size(ratio: BruteRatio, wanted: str | None) -> Interval:
    """What the claim is compared with: {|x| : x in the range} for a change (or a stated
    figure when the claim gives a direction), else the range itself."""
    low, high, low_open, high_open = ratio.low, ratio.high, ratio.low_open, ratio.high_open
    if by_size(ratio, wanted) and low < 0 < high:
        top_open = high_open if high > -low else low_open if -low > high else high_open and low_open
        low, high, low_open, high_open = Fraction(0), max(-low, high), False, top_open
    elif by_size(ratio, wanted) and ratio.value < 0:
        low, high, low_open, high_open = -high, -low, high_open, low_open
    return Interval(
        low=D(low.numerator) / D(low.denominator),
        high=D(high.numerator) / D(high.denominator),
        low_open=low_open,
        high_open=high_open,
    )


def reproduces(ratio: BruteRatio, claim: Claim, wanted: str | None) -> Match | None:
    """Exact when the intervals meet; approximate when the gap between them is within the
    tolerance, or for a claim in percent within 1 percentage point (rules A4, B2); rounded
    when a number said bare is what the value rounds to (rule B1)."""
    target = Interval.of(claim.value, claim.qualifier, claim.precision)
    sized = size(ratio, wanted)
    if sized.meets(target):
        return Match.exact
    point = abs(ratio.value) if by_size(ratio, wanted) else ratio.value
    tolerance = claim.tolerance if claim.tolerance is not None else D("0.01")
    points = D(0)
    if claim.unit == "percent":
        points = claim.tolerance_points if claim.tolerance_points is not None else D(1)
    allowance = max(Fraction(tolerance) * abs(Fraction(claim.value)), Fraction(points))
    gap = max(Fraction(0), Fraction(sized.low - target.high), Fraction(target.low - sized.high))
    if gap <= allowance:
        return Match.approximate
    half = Fraction(claim.precision) / 2
    if claim.qualifier is Qualifier.exact and abs(point - Fraction(claim.value)) <= half:
        return Match.rounded
    return None


# --- properties -------------------------------------------------------------------------


@pytest.mark.slow  # a property test against brute force (tests/README.md)
@settings(max_examples=examples(150))
@given(data=st.data(), size=st.integers(1, 14))
def test_windows_are_every_run_of_consecutive_members(data: st.DataObject, size: int) -> None:
    members = data.draw(flow_figures("s", size))
    series = flow_series(members)["s"]
    found = {(w.id, w.value, w.interval, w.start, w.end, w.count) for w in windows(series)}
    time_order = ordered(members)
    expected = set()
    for first, last in brute_windows(time_order):
        value, span = window_sum(time_order, first, last)
        expected.add(
            (
                window_id(time_order, first, last),
                value,
                span,
                time_order[first].figure.period.start,  # type: ignore[union-attr]
                time_order[last].figure.period.end,  # type: ignore[union-attr]
                last - first + 1,
            )
        )
    assert found == expected
    assert len(list(windows(series))) == len(expected)  # no window twice
    # Runs split exactly where a member does not start the day after the previous ends.
    assert sum(len(run) for run in contiguous_runs(series)) == size


@pytest.mark.slow  # a property test against brute force (tests/README.md)
@settings(max_examples=examples(150))
@given(data=st.data(), size=st.integers(1, 16))
def test_comparable_windows_equal_brute_force(data: st.DataObject, size: int) -> None:
    members = data.draw(flow_figures("s", size))
    series = flow_series(members)["s"]
    time_order = ordered(members)
    found = [(w1.id, w2.id) for w1, w2 in comparable_windows(series)]
    expected = {
        (window_id(time_order, a1, a2), window_id(time_order, b1, b2))
        for (a1, a2), (b1, b2) in brute_pairs(time_order)
    }
    assert len(found) == len(set(found))  # each pair once
    assert set(found) == expected


@pytest.mark.slow  # a property test against brute force (tests/README.md)
@settings(max_examples=examples(150))
@given(case=ratio_cases())
def test_ratio_enumeration_equals_brute_force(case: Case) -> None:
    found = {
        (
            r.kind,
            tuple(_id(o) for o in (r.a, r.b) if o is not None),
            r.value,
            r.low,
            r.high,
            r.low_open,
            r.high_open,
        )
        for r in all_ratios(case, 100)
    }
    expected = {
        (r.kind, r.ids, r.value, r.low, r.high, r.low_open, r.high_open)
        for r in brute_ratios(case.figures)
    }
    assert found == expected


@pytest.mark.slow  # a property test against brute force (tests/README.md)
@settings(max_examples=examples(150))
@given(case=ratio_cases())
def test_audit_of_a_percent_claim_equals_brute_force(case: Case) -> None:
    claim = case.claim
    audit = judge(case, Settings(top=EVERYTHING))
    lexicon = shipped_lexicon()
    wanted = {"up": "rise", "down": "fall"}.get(claim.direction or "") or lexicon.change_direction(
        claim.asserts
    )
    readings = {o.figure.id: read(o.figure, claim.asserts, lexicon) for o in case.figures}

    expected: dict[tuple[str, ...], tuple[Match, bool, Verdict]] = {}
    for ratio in brute_ratios(case.figures):
        match = reproduces(ratio, claim, wanted)
        if match is None:
            continue
        near = claim.covers is not None and not covers_match(ratio.period, claim.covers)
        expected[ratio.ids] = (match, near, _brute_band(ratio, wanted, readings, case))
    found = {}
    for combination, near in [(c, False) for c in audit.combinations] + [
        (c, True) for c in audit.near_misses
    ]:
        if combination.match is Match.none:  # an understated verdict's basis (rule C3)
            continue
        ids = tuple(t.figure for t in sorted(combination.terms, key=lambda t: t.name or ""))
        found[ids] = (combination.match, near, combination.band)
    assert found == expected

    # Ranked: the stated figure first, then exact before approximate, then closer.
    ranks = [
        (len(c.terms), c.match is not Match.exact, abs(c.difference))
        for c in audit.combinations
        if c.match is not Match.none
    ]
    assert ranks == sorted(ranks)
    bands = {band for _, near, band in expected.values() if not near}
    best = next(
        (b for b in (Verdict.supported, Verdict.misleading, Verdict.false) if b in bands),
        Verdict.unsupported,
    )
    if best is Verdict.unsupported:  # nothing reproduces: rule C3 may say by how much
        assert audit.verdict in (Verdict.unsupported, Verdict.understated, Verdict.overstated)
    else:
        assert audit.verdict is best
    assert {n.kind for n in audit.notes} >= ({"covers"} if audit.near_misses else set())


def _brute_band(
    ratio: BruteRatio, wanted: str | None, readings: dict[str, Any], case: Case
) -> Verdict:
    if ratio.kind == "change" and wanted is not None:
        return Verdict.supported if (ratio.value > 0) == (wanted == "rise") else Verdict.false
    if ratio.kind == "stated" and ratio.value < 0 and wanted == "rise":
        return Verdict.false
    subject = ratio.ids[1] if ratio.kind == "change" else ratio.ids[0]
    ids = _member_ids(subject, case)
    supports = [readings[i].support for i in ids]
    if all(s == "all" for s in supports):
        return Verdict.supported
    if all(s != "none" for s in supports):
        return Verdict.misleading
    return Verdict.false


def _member_ids(term: str, case: Case) -> list[str]:
    """The figure ids a term stands for: itself, or the members of a window."""
    if "[" not in term:
        return [term]
    series, span = term[:-1].split("[")
    first, _, last = span.partition("..")
    members = ordered(
        [o for o in case.figures if o.figure.series == series and o.figure.period is not None]
    )
    ids = [o.figure.id for o in members]
    return ids[ids.index(first) : ids.index(last or first) + 1]


def _id(operand: Any) -> str:
    return operand.id if isinstance(operand, Window) else operand.figure.id


@pytest.mark.slow  # a property test against brute force (tests/README.md)
@settings(max_examples=examples(100))
@given(data=st.data(), size=st.integers(1, 10))
def test_sum_items_are_the_windows_with_their_supported_values(
    data: st.DataObject, size: int
) -> None:
    members = data.draw(flow_figures("s", size))
    lexicon = shipped_lexicon()
    readings = {o.figure.id: read(o.figure, "released", lexicon) for o in members}
    items = {item.id: item for item in sum_items(members, readings)}
    time_order = ordered(members)
    expected = {}
    for first, last in brute_windows(time_order):
        chosen = time_order[first : last + 1]
        low = sum((o.figure.value for o in chosen if readings[o.figure.id].support == "all"), D(0))
        high = sum(
            (o.figure.value for o in chosen if readings[o.figure.id].support != "none"), D(0)
        )
        expected[window_id(time_order, first, last)] = (
            window_sum(time_order, first, last)[0],
            low,
            high,
        )
    assert {k: (i.value, i.supported_low, i.supported_high) for k, i in items.items()} == expected


def test_a_year_apart_across_a_gap_is_compared() -> None:
    series = flow_series([flow("jan23", 100, month(2023, 1)), flow("jan24", 60, month(2024, 1))])
    pairs = [(a.id, b.id) for a, b in comparable_windows(series["s"])]
    assert pairs == [("s[jan23]", "s[jan24]")]


# --- covers_match: a week, or 5% of the covered length ---------------------------------


SIX_MONTHS = Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 6, 30))  # 182 days: slack 9


def shifted(covers: Period, start: int, end: int) -> Period:
    return Period(
        start=covers.start + dt.timedelta(days=start), end=covers.end + dt.timedelta(days=end)
    )


@pytest.mark.parametrize(
    ("start", "end", "matches"),
    [
        (0, 0, True),
        (9, 0, True),  # 5% of 182 days is 9.1: nine days either way
        (-9, 9, True),
        (10, 0, False),
        (0, -10, False),
        (0, 10, False),
        (-10, 0, False),
        (0, -30, False),  # the five months to May against the six months to June
    ],
)
def test_covers_uses_five_percent_of_a_long_period(start: int, end: int, matches: bool) -> None:
    assert covers_match(shifted(SIX_MONTHS, start, end), SIX_MONTHS) is matches


@pytest.mark.parametrize(
    ("start", "end", "matches"),
    [(7, 0, True), (0, -7, True), (-7, 7, True), (8, 0, False), (0, 8, False), (-8, 0, False)],
)
def test_covers_allows_a_week_for_a_short_period(start: int, end: int, matches: bool) -> None:
    april = Period(start=dt.date(2020, 4, 1), end=dt.date(2020, 4, 30))  # 5% is 1.5 days
    assert covers_match(shifted(april, start, end), april) is matches


def test_covers_of_two_years_allows_five_percent() -> None:
    two_years = Period(start=dt.date(2022, 1, 1), end=dt.date(2023, 12, 31))  # 730 days: 36
    assert covers_match(shifted(two_years, 36, -36), two_years)
    assert not covers_match(shifted(two_years, 37, 0), two_years)
    assert not covers_match(shifted(two_years, 0, -37), two_years)


def test_covers_never_matches_an_unknown_period() -> None:
    assert covers_match(None, SIX_MONTHS) is False


# --- labels --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "unit", "count", "label"),
    [
        (
            dt.date(2021, 2, 1),
            dt.date(2024, 1, 31),
            "month",
            None,
            "Feb 2021 - Jan 2024 (36 months)",
        ),
        (dt.date(2020, 4, 1), dt.date(2020, 4, 30), "month", None, "Apr 2020 (1 month)"),
        (
            dt.date(2023, 12, 1),
            dt.date(2024, 1, 31),
            "month",
            None,
            "Dec 2023 - Jan 2024 (2 months)",
        ),
        (dt.date(2023, 1, 1), dt.date(2023, 12, 31), "year", None, "2023 (1 year)"),
        (dt.date(2021, 1, 1), dt.date(2023, 12, 31), "year", None, "2021 - 2023 (3 years)"),
        (
            dt.date(2024, 1, 1),
            dt.date(2024, 1, 10),
            "period",
            None,
            "2024-01-01 to 2024-01-10 (10 days)",
        ),
        (
            dt.date(2024, 1, 1),
            dt.date(2024, 3, 10),
            "period",
            3,
            "2024-01-01 to 2024-03-10 (3 periods)",
        ),
    ],
)
def test_span_label(start: dt.date, end: dt.date, unit: str, count: int | None, label: str) -> None:
    assert span_label(start, end, unit, count) == label


def test_window_labels_name_months_years_or_dates() -> None:
    months = [flow(f"m{k}", 10, month(2021 + (k + 1) // 12, (k + 1) % 12 + 1)) for k in range(36)]
    window = next(w for w in windows(flow_series(months)["s"]) if w.count == 36)
    assert window.label() == "Feb 2021 - Jan 2024 (36 months)"
    assert window.short_label() == "s[Feb 2021 - Jan 2024]"
    assert window.id == "s[m0..m35]"
    years = [
        flow(f"y{k}", 10, {"start": dt.date(2020 + k, 1, 1), "end": dt.date(2020 + k, 12, 31)})
        for k in range(3)
    ]
    assert [w.label() for w in windows(flow_series(years)["s"])][:2] == [
        "2020 (1 year)",
        "2020 - 2021 (2 years)",
    ]
    weeks = [
        flow(
            f"w{k}",
            10,
            {
                "start": dt.date(2024, 1, 1) + dt.timedelta(days=7 * k),
                "end": dt.date(2024, 1, 7) + dt.timedelta(days=7 * k),
            },
        )
        for k in range(2)
    ]
    assert [w.label() for w in windows(flow_series(weeks)["s"])][1] == (
        "2024-01-01 to 2024-01-14 (2 periods)"
    )


# --- changes, shares, stated figures ---------------------------------------------------


def test_change_is_later_minus_earlier_over_earlier_with_its_range() -> None:
    a = origin({"id": "a", "value": 200, "qualifier": "about", "precision": 10, "unit": "people"})
    b = origin({"id": "b", "value": 150, "unit": "people"})
    made = change(a, b, 100)
    assert made is not None
    assert (made.kind, made.formula, made.direction) == ("change", "(b - a) / a", "fall")
    assert made.value == -25
    assert (made.low, made.high) == (Fraction(150, 205) * 100 - 100, Fraction(150, 195) * 100 - 100)
    zero = origin({"id": "z", "value": 0, "unit": "people"})
    assert change(zero, b, 100) is None  # no change from nothing
    rise = change(b, a, 1)
    assert rise is not None and rise.direction == "rise" and rise.value == Fraction(1, 3)


def test_share_and_stated() -> None:
    part = origin({"id": "p", "value": 1, "unit": "people", "part_of": "w"})
    whole = origin({"id": "w", "value": 3, "unit": "people"})
    made = share(part, whole, 1)
    assert made is not None and (made.formula, made.value, made.direction) == (
        "a / b",
        Fraction(1, 3),
        None,
    )
    assert share(part, origin({"id": "n", "value": 0, "unit": "people"}), 1) is None
    rate = stated(origin({"id": "r", "value": "12.5%"}))
    assert (rate.formula, rate.value, rate.low, rate.high) == (
        "a",
        Fraction(25, 2),
        Fraction(25, 2),
        Fraction(25, 2),
    )


# --- recovery ---------------------------------------------------------------------------


def test_recovery_is_the_part_of_a_rise_below_an_earlier_peak() -> None:
    peak, slump, now = (
        stock("y2019", 412300, dt.date(2019, 12, 31)),
        stock("y2021", 405100, dt.date(2021, 12, 31)),
        stock("y2023", 424300, dt.date(2023, 12, 31)),
    )
    found = recovery([peak, slump, now], slump, now)
    assert found is not None
    assert (found.recovered, found.rise, found.peak.figure.id) == (7200, 19200, "y2019")


def test_recovery_of_a_rise_that_stays_below_the_peak_is_all_of_it() -> None:
    stocks = [
        stock("a", 100, dt.date(2019, 1, 1)),
        stock("b", 60, dt.date(2020, 1, 1)),
        stock("c", 90, dt.date(2021, 1, 1)),
    ]
    found = recovery(stocks, stocks[1], stocks[2])
    assert found is not None and (found.recovered, found.rise) == (30, 30)


def test_recovery_uses_the_highest_earlier_level_latest_on_a_tie() -> None:
    stocks = [
        stock("a", 100, dt.date(2018, 1, 1)),
        stock("b", 100, dt.date(2019, 1, 1)),
        stock("c", 80, dt.date(2019, 6, 1)),
        stock("d", 50, dt.date(2020, 1, 1)),
        stock("e", 120, dt.date(2021, 1, 1)),
    ]
    found = recovery(stocks, stocks[3], stocks[4])
    assert found is not None and found.peak.figure.id == "b" and found.recovered == 50


@pytest.mark.parametrize(
    ("values", "why"),
    [
        ((100, 120, 90), "a fall is no recovery"),
        ((80, 90, 120), "no earlier level above the start"),
    ],
)
def test_no_recovery(values: tuple[int, int, int], why: str) -> None:
    stocks = [stock(f"s{k}", v, dt.date(2019 + k, 1, 1)) for k, v in enumerate(values)]
    assert recovery(stocks, stocks[1], stocks[2]) is None, why


def test_no_recovery_without_an_earlier_stock_or_for_flows() -> None:
    first, last = stock("a", 50, dt.date(2019, 1, 1)), stock("b", 80, dt.date(2020, 1, 1))
    assert recovery([first, last], first, last) is None
    jan, feb = flow("jan", 50, month(2024, 1)), flow("feb", 80, month(2024, 2))
    assert recovery([jan, feb], jan, feb) is None
