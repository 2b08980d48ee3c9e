"""End to end: claims about series (windows, changes, shares, stated figures, `covers`)
get the verdicts docs/format.md's rules imply, through load_claim and judge."""

from __future__ import annotations

import calendar
from pathlib import Path
from typing import Any

from factcheck.judge import Settings, judge
from factcheck.load import load_claim
from factcheck.models import Audit, Combination
from tests.conftest import CaseWriter

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def audit(path: Path, **settings: Any) -> Audit:
    return judge(load_claim(path), Settings(**settings))


def monthly(
    values: list[int],
    *,
    year: int = 2024,
    first: int = 1,
    series: str = "encounters_monthly",
    unit: str = "encounters",
    words: list[Any] | None = None,
    prefix: str = "m",
) -> list[dict[str, Any]]:
    """One figure per month from year-first on, each with its own period."""
    figures = []
    for k, value in enumerate(values):
        y, m = year + (first - 1 + k) // 12, (first - 1 + k) % 12 + 1
        figures.append(
            {
                "id": f"{prefix}{y}_{m:02d}",
                "value": value,
                "unit": unit,
                "series": series,
                "period": {
                    "start": f"{y}-{m:02d}-01",
                    "end": f"{y}-{m:02d}-{calendar.monthrange(y, m)[1]}",
                },
                "described_as": list(words) if words is not None else ["border encounters"],
            }
        )
    return figures


def basis(result: Audit) -> Combination:
    assert result.basis is not None, result.summary
    return result.combinations[result.basis]


def kinds(result: Audit) -> list[str]:
    return [note.kind for note in result.notes]


# --- windows: sums over a contiguous stretch of a flow series -------------------------


SIX = [100, 200, 300, 400, 500, 600]  # Jan - Jun 2024


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
    result = audit(path)
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
    result = audit(path)
    assert result.verdict.value == "supported"
    assert basis(result).supported_share.low == 1


def test_a_window_partly_outside_the_attributed_period_gets_a_period_note(
    write_case: CaseWriter,
) -> None:
    # Took office on 15 February: the Feb - May window has 14 of its 121 days before that.
    path = write_case(
        monthly(SIX),
        value=1400,
        unit="encounters",
        asserts="crossed",
        attributed_to="the minister",
        period={"start": "2024-02-15", "end": "2024-07-31"},
    )
    result = audit(path)
    assert result.verdict.value == "supported"  # 11.6% outside: a note, no cap
    [note] = [n for n in result.notes if n.kind == "period"]
    assert "2024-02-01 to 2024-02-14, 14 of 121 days" in note.message


def test_a_window_mostly_outside_the_attributed_period_is_capped(write_case: CaseWriter) -> None:
    path = write_case(
        monthly(SIX),
        value=1400,
        unit="encounters",
        asserts="crossed",
        period={"start": "2024-05-01", "end": "2024-07-31"},
    )
    result = audit(path)
    assert result.verdict.value == "misleading"
    assert "verdict is at most misleading" in next(
        n.message for n in result.notes if n.kind == "period"
    )


def test_months_apart_are_not_a_window(write_case: CaseWriter) -> None:
    # Jan + Mar = 400 is two months picked from the series, not a derivation.
    path = write_case(
        monthly([100, 250, 300]), value=400, unit="encounters", asserts="crossed", tolerance=0
    )
    result = audit(path)
    assert result.verdict.value == "unsupported"


def test_a_gap_splits_a_series_into_runs(write_case: CaseWriter) -> None:
    # Jan, Feb, then Apr: no window spans the missing March.
    figures = monthly([100, 200]) + monthly([400], first=4)
    path = write_case(figures, value=700, unit="encounters", asserts="crossed", tolerance=0)
    assert audit(path).verdict.value == "unsupported"
    path = write_case(figures, value=300, unit="encounters", asserts="crossed", tolerance=0)
    assert basis(audit(path)).expression == "encounters_monthly[Jan 2024 - Feb 2024]"


def test_no_combination_holds_two_windows_of_one_series(write_case: CaseWriter) -> None:
    path = write_case(
        monthly(SIX), value=1400, unit="encounters", asserts="crossed", tolerance="0.2"
    )
    for combination in audit(path).combinations:
        windows = [t.window.series for t in combination.terms if t.window is not None]
        assert len(windows) == len(set(windows)), combination.expression


# --- percent changes ------------------------------------------------------------------


# Jan 31,578 -> Feb 18,762: (18,762 - 31,578) / 31,578 = -40.6%
FALL = [31578, 18762, 20000]


def change_claim(**more: Any) -> dict[str, Any]:
    return {
        "value": "40.6",
        "unit": "percent",
        "asserts": "down",
        "covers": {"start": "2024-02-01", "end": "2024-02-29"},
        **more,
    }


def test_a_fall_claimed_as_down_is_supported(write_case: CaseWriter) -> None:
    path = write_case(monthly(FALL), **change_claim(direction="down", asserts="crossings"))
    result = audit(path)
    assert result.verdict.value == "supported"
    found = basis(result)
    assert found.formula == "(b - a) / a"
    assert found.expression == (
        "(encounters_monthly[Feb 2024] - encounters_monthly[Jan 2024]) / "
        "encounters_monthly[Jan 2024]"
    )
    assert [(t.name, t.sign, t.value) for t in found.terms] == [("a", -1, 31578), ("b", 1, 18762)]
    assert str(found.value) == "-40.585218"
    assert found.match.value == "approximate"  # a size of 40.585 against 40.6
    assert "= -40.6% reproduces" in result.summary
    # A change between two flows is a change in the later period: February.
    assert (str(found.period.start), str(found.period.end)) == ("2024-02-01", "2024-02-29")  # type: ignore[union-attr]
    assert all(r.change_supports == "fall" for r in result.figures)


def test_a_round_percent_needs_its_qualifier_to_meet_a_fall_of_40_6(
    write_case: CaseWriter,
) -> None:
    # The tolerance is relative: 40.6 is 1.5% away from a bare "40". "About 40%" (precision
    # 10 from the trailing zero: 35 to 45) meets it.
    bare = write_case(monthly(FALL), **change_claim(value=40, direction="down"))
    assert audit(bare).verdict.value == "unsupported"
    about = write_case(monthly(FALL), **change_claim(value=40, qualifier="about"))
    assert audit(about).verdict.value == "supported"


def test_a_fall_claimed_as_a_rise_is_false_and_says_so(write_case: CaseWriter) -> None:
    path = write_case(monthly(FALL), **change_claim(direction="up", asserts="crossings"))
    result = audit(path)
    assert result.verdict.value == "false"
    assert "The source's figures show a fall, not a rise." in result.summary


def test_a_rise_claimed_as_a_fall_is_false_and_says_so(write_case: CaseWriter) -> None:
    path = write_case(monthly([18762, 31578, 20000]), **change_claim(direction="down", value=68))
    result = audit(path)
    assert result.verdict.value == "false"
    assert "The source's figures show a rise, not a fall." in result.summary


def test_the_claims_word_of_change_gives_the_direction(write_case: CaseWriter) -> None:
    # No `direction`: "fell" is a word of fall, "rose" of rise.
    fell = write_case(monthly(FALL), **change_claim(asserts="fell"))
    assert audit(fell).verdict.value == "supported"
    rose = write_case(monthly(FALL), **change_claim(asserts="rose"))
    result = audit(rose)
    assert result.verdict.value == "false"
    assert "show a fall, not a rise" in result.summary


def test_direction_overrides_the_word(write_case: CaseWriter) -> None:
    path = write_case(monthly(FALL), **change_claim(asserts="rose", direction="down"))
    assert audit(path).verdict.value == "supported"


def test_windows_of_equal_length_back_to_back(write_case: CaseWriter) -> None:
    # Q2 (1,500) against Q1 (600): +150%, a change in the second quarter.
    path = write_case(
        monthly(SIX),
        value=150,
        unit="percent",
        asserts="rose",
        covers={"start": "2024-04-01", "end": "2024-06-30"},
    )
    result = audit(path)
    assert result.verdict.value == "supported"
    found = basis(result)
    assert [t.window.label for t in found.terms] == [
        "Jan 2024 - Mar 2024 (3 months)",  # type: ignore[union-attr]
        "Apr 2024 - Jun 2024 (3 months)",
    ]


def test_a_month_against_the_same_month_a_year_earlier(write_case: CaseWriter) -> None:
    values = [100] + [110] * 11 + [125, 90]  # Jan 2023 - Feb 2024: Dec to Jan is +13.6%
    path = write_case(
        monthly(values, year=2023),
        value=25,
        unit="percent",
        asserts="rose",
        covers={"start": "2024-01-01", "end": "2024-01-31"},
        tolerance=0,
    )
    result = audit(path)
    assert result.verdict.value == "supported"
    assert basis(result).expression == (
        "(encounters_monthly[Jan 2024] - encounters_monthly[Jan 2023]) / "
        "encounters_monthly[Jan 2023]"
    )


def test_windows_of_unequal_length_are_not_compared(write_case: CaseWriter) -> None:
    # Feb - Mar (500) against Jan (100) would be +400%: not like for like.
    path = write_case(
        monthly([100, 200, 300]), value=400, unit="percent", asserts="rose", tolerance=0
    )
    assert audit(path).verdict.value == "unsupported"


def test_a_change_between_stocks_and_its_recovery_note(write_case: CaseWriter) -> None:
    stocks = [
        {
            "id": f"jobs_{year}",
            "value": value,
            "unit": "jobs",
            "series": "jobs",
            "as_of": f"{year}-12-31",
            "described_as": ["payroll jobs"],
        }
        for year, value in [(2019, 1000), (2021, 900), (2023, 1100)]
    ]
    percent = write_case(stocks, value="22.2%", unit="percent", asserts="rose")
    result = audit(percent)
    assert result.verdict.value == "supported"
    found = basis(result)
    assert found.expression == "(jobs_2023 - jobs_2021) / jobs_2021"
    assert (str(found.period.start), str(found.period.end)) == ("2021-12-31", "2023-12-31")  # type: ignore[union-attr]
    [note] = [n for n in result.notes if n.kind == "recovery"]
    assert note.message == (
        "Of the rise of 200 from 2021-12-31 to 2023-12-31, 100 (50.0%) only restores the "
        "earlier, higher level of 1,000 (jobs_2019, 2019-12-31); only 100 take the series "
        "above that level."
    )
    count = write_case(stocks, value=200, unit="jobs", asserts="created")
    assert [n.kind for n in audit(count).notes if n.kind == "recovery"] == ["recovery"]


# --- shares and stated figures ---------------------------------------------------------


def share_figures(words: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "id": "encountered",
            "value": 1200,
            "unit": "people",
            "described_as": ["individuals encountered"],
        },
        {
            "id": "released",
            "value": 400,
            "unit": "people",
            "part_of": "encountered",
            "described_as": words,
        },
    ]


def test_a_share_over_part_of_is_supported_when_the_part_says_the_word(
    write_case: CaseWriter,
) -> None:
    path = write_case(
        share_figures(["released with a notice to appear"]),
        value=0.33,
        qualifier="about",
        unit="ratio",
        asserts="released",
    )
    result = audit(path)
    assert result.verdict.value == "supported"
    found = basis(result)
    assert (found.formula, found.expression) == ("a / b", "released / encountered")
    assert [(t.name, t.figure) for t in found.terms] == [("a", "released"), ("b", "encountered")]
    assert found.match.value == "exact"
    assert "released / encountered = 0.333 reproduces the number exactly" in result.summary


def test_a_share_in_percent(write_case: CaseWriter) -> None:
    path = write_case(share_figures(["released"]), value="33.3", unit="percent", asserts="released")
    result = audit(path)
    assert result.verdict.value == "supported"
    assert "= 33.3% reproduces the number approximately" in result.summary


def test_a_share_whose_part_says_the_word_of_some_is_misleading(write_case: CaseWriter) -> None:
    words = [{"term": "released", "extent": "some"}]
    path = write_case(
        share_figures(words), value=0.33, qualifier="about", unit="ratio", asserts="released"
    )
    assert audit(path).verdict.value == "misleading"


def test_a_share_whose_part_never_says_the_word_is_false(write_case: CaseWriter) -> None:
    path = write_case(
        share_figures(["transferred"]),
        value=0.33,
        qualifier="about",
        unit="ratio",
        asserts="released",
    )
    assert audit(path).verdict.value == "false"


def test_a_false_share_names_the_part_as_unsupported(write_case: CaseWriter) -> None:
    path = write_case(
        share_figures(["transferred"]),
        value=0.33,
        qualifier="about",
        unit="ratio",
        asserts="released",
    )
    result = audit(path)
    assert basis(result).unsupported_figures == ["released"]
    assert "(released) as released" in result.summary


def test_a_figure_stated_in_percent_takes_part_as_it_is(write_case: CaseWriter) -> None:
    figures = [
        {"id": "rate", "value": "12.5%", "described_as": ["vacancy rate"]},
        {"id": "homes", "value": 800, "unit": "homes"},
    ]
    path = write_case(figures, value="12.5%", unit="percent", asserts="vacancy rate")
    result = audit(path)
    assert result.verdict.value == "supported"
    found = basis(result)
    assert (found.formula, found.expression, found.match.value) == ("a", "rate", "exact")
    assert [(t.name, t.figure) for t in found.terms] == [("a", "rate")]
    assert result.unused_figures == ["homes"]


def test_a_stated_figure_ranks_before_a_change(write_case: CaseWriter) -> None:
    figures = [*monthly([100, 90]), {"id": "drop", "value": "10%", "described_as": ["fell"]}]
    path = write_case(figures, value=10, unit="percent", asserts="fell")
    result = audit(path)
    assert [c.formula for c in result.combinations] == ["a", "(b - a) / a"]


# --- covers: what the number measures -------------------------------------------------


SIX_TO_JUNE = {"start": "2024-01-01", "end": "2024-06-30"}


def test_a_sum_over_another_period_is_a_near_miss(write_case: CaseWriter) -> None:
    # Jan - May = 1,515, but the claim's number is about the six months to June.
    path = write_case(
        monthly([115, *SIX[1:]]),
        value=1515,
        unit="encounters",
        asserts="crossed",
        covers=SIX_TO_JUNE,
        tolerance=0,
    )
    result = audit(path)
    assert result.verdict.value == "unsupported"
    assert result.combinations == []
    [near] = result.near_misses
    assert near.expression == "encounters_monthly[Jan 2024 - May 2024]"
    [note] = [n for n in result.notes if n.kind == "covers"]
    assert note.message.startswith(
        "Not counted: encounters_monthly[Jan 2024 - May 2024] = 1,515 reproduces the number "
        "but measures 2024-01-01 to 2024-05-31, not the period the claim's number covers "
        "(2024-01-01 to 2024-06-30)"
    )


def test_a_sum_over_the_covered_period_counts(write_case: CaseWriter) -> None:
    path = write_case(
        monthly(SIX),
        value=2100,
        unit="encounters",
        asserts="crossed",
        covers=SIX_TO_JUNE,
        tolerance=0,
    )
    result = audit(path)
    assert result.verdict.value == "supported"
    assert result.near_misses == []


def test_a_percent_change_over_five_months_is_a_near_miss_for_six(
    write_case: CaseWriter,
) -> None:
    # Aug - Dec 2023 = 1,000 and Jan - May 2024 = 800: down 20% in the five months to May.
    # Jul - Dec 2023 = 1,210 and Jan - Jun 2024 = 1,040: down 14% in the six months to June.
    values = [210, 190, 205, 195, 200, 210, 170, 150, 165, 155, 160, 240]  # Jul 2023 - Jun 2024
    path = write_case(
        monthly(values, year=2023, first=7),
        value=20,
        unit="percent",
        direction="down",
        asserts="down",
        covers=SIX_TO_JUNE,
        tolerance=0,
    )
    result = audit(path)
    assert result.verdict.value == "unsupported"
    assert result.near_misses[0].expression == (
        "(encounters_monthly[Jan 2024 - May 2024] - encounters_monthly[Aug 2023 - Dec 2023]) / "
        "encounters_monthly[Aug 2023 - Dec 2023]"
    )
    assert "covers" in kinds(result)
    # Without `covers` the same change reproduces the claim.
    loose = write_case(
        monthly(values, year=2023, first=7),
        value=20,
        unit="percent",
        direction="down",
        asserts="down",
        tolerance=0,
    )
    assert audit(loose).verdict.value == "supported"


def test_covers_allows_a_week_either_end(write_case: CaseWriter) -> None:
    # The source's half year runs 3 January - 28 June: within a week of January - June.
    figure = {
        "id": "half",
        "value": 2100,
        "unit": "encounters",
        "period": {"start": "2024-01-03", "end": "2024-06-28"},
        "described_as": ["border encounters"],
    }
    path = write_case(
        [figure], value=2100, unit="encounters", asserts="crossed", covers=SIX_TO_JUNE
    )
    assert audit(path).verdict.value == "supported"
    figure["period"] = {"start": "2024-01-03", "end": "2024-06-18"}  # 12 days short: slack 9
    path = write_case(
        [figure], value=2100, unit="encounters", asserts="crossed", covers=SIX_TO_JUNE
    )
    result = audit(path)
    assert result.verdict.value == "unsupported"
    assert len(result.near_misses) == 1


def test_a_near_miss_beside_a_basis_is_also_not_counted(write_case: CaseWriter) -> None:
    # Feb vs Jan: -40.6%, a February change, as the claim covers; Mar - Apr vs Jan - Feb is
    # -40.4%... in April: a near miss.
    values = [31578, 18762, 15000, 15000]
    path = write_case(monthly(values), **change_claim(direction="down", tolerance="0.02"))
    result = audit(path)
    assert result.verdict.value == "supported"
    assert basis(result).expression.startswith("(encounters_monthly[Feb 2024]")
    assert result.near_misses
    note = next(n for n in result.notes if n.kind == "covers")
    assert note.message.startswith("Also not counted: ")


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
    result = audit(path)
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
