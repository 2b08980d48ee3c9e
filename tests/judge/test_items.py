"""items.py: a flow series is searched as its contiguous windows, each one term."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.judge.items import MAX_WINDOWS, Scope, items
from factcheck.judge.readings import read_all
from factcheck.lexicon import shipped_lexicon
from factcheck.load import load_claim
from tests.conftest import CaseWriter
from tests.judge.cases import SIX, basis, judged, kinds, monthly


def test_a_window_reproduces_a_sum_and_the_source_never_says_let_in(
    write_case: CaseWriter,
) -> None:
    # Feb - May = 1,400. "Let in" is not what the source says of encounters.
    path = write_case(
        monthly(SIX),
        value=1400,
        unit="encounters",
        asserts="let in",
        attributed_to="the minister",
        period={"start": "2024-02-01", "end": "2024-07-31"},
    )
    result = judged(path)
    assert result.verdict.value == "false"
    found = basis(result)
    assert found.match.value == "exact"
    assert found.expression == "encounters_monthly[Feb 2024 - May 2024]"
    [term] = found.terms
    assert term.figure == "encounters_monthly[m2024_02..m2024_05]"
    assert term.members == ["m2024_02", "m2024_03", "m2024_04", "m2024_05"]
    assert term.window is not None
    assert (term.window.series, term.window.count, term.window.label) == (
        "encounters_monthly",
        4,
        "Feb 2024 - May 2024 (4 months)",
    )
    assert found.window == term.window
    assert (str(found.period.start), str(found.period.end)) == ("2024-02-01", "2024-05-31")  # type: ignore[union-attr]
    assert found.unsupported_figures == ["encounters_monthly[m2024_02..m2024_05]"]
    assert "never describes these 1,400 (encounters_monthly[Feb 2024 - May 2024]) as let in" in (
        result.summary
    )
    # Every member of the window is read for its words.
    assert [r.figure for r in result.figures] == term.members
    assert "period" not in kinds(result)  # the window lies inside the attributed period


def test_a_window_the_source_describes_with_the_claims_word_is_supported(
    write_case: CaseWriter,
) -> None:
    path = write_case(monthly(SIX), value=1400, unit="encounters", asserts="crossed")
    result = judged(path)
    assert result.verdict.value == "supported"
    assert basis(result).supported_share.low == 1


def test_months_apart_are_not_a_window(write_case: CaseWriter) -> None:
    # Jan + Mar = 400 is two months picked from the series, not a derivation. (Precision 1:
    # 350 for Jan - Feb would round to a bare 400, rule B1.)
    path = write_case(
        monthly([100, 250, 300]),
        value=400,
        precision=1,
        unit="encounters",
        asserts="crossed",
        tolerance=0,
    )
    result = judged(path)
    # Nothing reproduces 400; Feb - Mar (550), which the source says crossed, lies within
    # half the claim above it: understated (rule C3).
    assert result.verdict.value == "understated"
    assert basis(result).expression == "encounters_monthly[Feb 2024 - Mar 2024]"
    assert result.nearest[0].expression == "encounters_monthly[Jan 2024 - Feb 2024]"  # 350
    for combination in [*result.combinations, *result.nearest]:
        members = [m for t in combination.terms for m in t.members or [t.figure]]
        assert not ("m2024_01" in members and "m2024_03" in members and "m2024_02" not in members)


def test_a_gap_splits_a_series_into_runs(write_case: CaseWriter) -> None:
    # Jan, Feb, then Apr: no window spans the missing March.
    figures = monthly([100, 200]) + monthly([400], first=4)
    path = write_case(figures, value=700, unit="encounters", asserts="crossed", tolerance=0)
    result = judged(path)
    # The most the figures add up to is one window, April's 400 (rule C2): overstated.
    assert result.verdict.value == "overstated"
    assert result.largest is not None and result.largest.value == 400
    path = write_case(figures, value=300, unit="encounters", asserts="crossed", tolerance=0)
    assert basis(judged(path)).expression == "encounters_monthly[Jan 2024 - Feb 2024]"


def test_no_combination_holds_two_windows_of_one_series(write_case: CaseWriter) -> None:
    path = write_case(
        monthly(SIX), value=1400, unit="encounters", asserts="crossed", tolerance="0.2"
    )
    for combination in judged(path).combinations:
        windows = [t.window.series for t in combination.terms if t.window is not None]
        assert len(windows) == len(set(windows)), combination.expression


def test_a_part_of_a_member_is_never_added_to_its_window(write_case: CaseWriter) -> None:
    figures = [
        *monthly([100, 200], words=["released"]),
        {
            "id": "feb_children",
            "value": 50,
            "unit": "encounters",
            "part_of": "m2024_02",
            "period": {"start": "2024-02-01", "end": "2024-02-29"},
            "described_as": ["released"],
        },
    ]
    path = write_case(figures, value=250, unit="encounters", asserts="released", tolerance=0)
    result = judged(path)
    # 200 + 50 counts February's children twice: an overlap, never a combination.
    assert "overlap" in kinds(result)
    for combination in result.combinations:
        added = [t for t in combination.terms if t.sign > 0]
        assert not (
            any(t.figure == "feb_children" for t in added)
            and any("m2024_02" in (t.members or []) for t in added)
        )
    # Taking the part away from a window that holds its whole is a derivation.
    assert [c.expression for c in result.combinations] == [
        "encounters_monthly[Jan 2024 - Feb 2024] - feb_children"
    ]


@pytest.mark.parametrize("qualifier", ["exact", "about", "more_than", "nearly"])
def test_window_items_agree_with_their_windows(write_case: CaseWriter, qualifier: str) -> None:
    # items() reads every window from running sums; Window computes each on its own.
    figures = monthly([100, 205, 310, 95, 50], words=["crossed", "counted"])
    figures[1]["qualifier"] = qualifier
    figures += monthly([7, 8], first=9)  # a second run after a gap
    case = load_claim(write_case(figures, value=300, unit="encounters", asserts="crossed"))
    readings = read_all(case.figures, "crossed", shipped_lexicon())
    made = items(case.figures, readings)
    assert len(made) == 5 * 6 // 2 + 3
    for item in made:
        window = item.window
        assert window is not None
        assert (item.id, item.value, item.interval) == (window.id, window.value, window.interval)
        assert str(item.interval.low) == str(window.interval.low)
        assert item.supported_low == item.supported_high == item.value
        assert item.members == window.members


def test_past_max_windows_only_windows_near_the_number_are_kept(write_case: CaseWriter) -> None:
    values = list(range(100, 500))  # 80,200 windows: more than MAX_WINDOWS
    case = load_claim(write_case(monthly(values), value=500, unit="encounters"))
    readings = read_all(case.figures, "crossed", shipped_lexicon())
    made = items(case.figures, readings, Scope(near=(Decimal(495), Decimal(505))))
    assert len(values) * (len(values) + 1) // 2 > MAX_WINDOWS
    near = [
        (first, last)
        for first in range(len(values))
        for last in range(first, len(values))
        if 495 <= sum(values[first : last + 1]) <= 505
    ]
    assert [(i.window.first, i.window.last) for i in made if i.window] == near
    assert len(made) == len(near) > 5
