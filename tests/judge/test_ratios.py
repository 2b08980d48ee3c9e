"""ratios.py: percent and ratio claims, reproduced by changes, shares and stated figures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.conftest import CaseWriter
from tests.judge.cases import FALL, SIX, basis, change_claim, judged, monthly


def test_a_fall_claimed_as_down_is_supported(write_case: CaseWriter) -> None:
    path = write_case(monthly(FALL), **change_claim(direction="down", asserts="crossings"))
    result = judged(path)
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


def test_a_percent_claim_reproduces_within_percentage_points(write_case: CaseWriter) -> None:
    # Rule B2, the real case: "down 40%" against -40.6% (PolitiFact: mostly true). 40.6 is
    # 1.5% away from a bare "40", beyond the relative tolerance, but within 1 percentage
    # point: approximate.
    bare = write_case(monthly(FALL), **change_claim(value=40, direction="down"))
    result = judged(bare)
    assert result.verdict.value == "supported"
    assert basis(result).match.value == "approximate"
    assert result.search.tolerance_points == 1
    # Without the points, 40.6 still rounds to a bare 40 (rule B1: 35 to 45)...
    points = write_case(monthly(FALL), **change_claim(value=40, tolerance_points=0))
    assert basis(judged(points)).match.value == "rounded"
    # ... and said to the unit, it is not reproduced: no change comes within 1%, and the
    # fall of 40.6% is larger than the claim (rule C3).
    unit = write_case(monthly(FALL), **change_claim(value=40, tolerance_points=0, precision=1))
    assert judged(unit).verdict.value == "understated"
    assert judged(unit).reproduced.value == "none"
    # A claim's points and the CLI's (Settings) widen it again; "about 40%" meets it.
    assert judged(unit, tolerance_points=Decimal("0.6")).verdict.value == "supported"
    about = write_case(monthly(FALL), **change_claim(value=40, qualifier="about"))
    assert judged(about).verdict.value == "supported"


def test_a_fall_claimed_as_a_rise_is_false_and_says_so(write_case: CaseWriter) -> None:
    path = write_case(monthly(FALL), **change_claim(direction="up", asserts="crossings"))
    result = judged(path)
    assert result.verdict.value == "false"
    assert "The source's figures show a fall, not a rise." in result.summary


def test_a_rise_claimed_as_a_fall_is_false_and_says_so(write_case: CaseWriter) -> None:
    path = write_case(monthly([18762, 31578, 20000]), **change_claim(direction="down", value=68))
    result = judged(path)
    assert result.verdict.value == "false"
    assert "The source's figures show a rise, not a fall." in result.summary


def test_the_claims_word_of_change_gives_the_direction(write_case: CaseWriter) -> None:
    # No `direction`: "fell" is a word of fall, "rose" of rise.
    fell = write_case(monthly(FALL), **change_claim(asserts="fell"))
    assert judged(fell).verdict.value == "supported"
    rose = write_case(monthly(FALL), **change_claim(asserts="rose"))
    result = judged(rose)
    assert result.verdict.value == "false"
    assert "show a fall, not a rise" in result.summary


def test_direction_overrides_the_word(write_case: CaseWriter) -> None:
    path = write_case(monthly(FALL), **change_claim(asserts="rose", direction="down"))
    assert judged(path).verdict.value == "supported"


def test_windows_of_equal_length_back_to_back(write_case: CaseWriter) -> None:
    # Q2 (1,500) against Q1 (600): +150%, a change in the second quarter.
    path = write_case(
        monthly(SIX),
        value=150,
        unit="percent",
        asserts="rose",
        covers={"start": "2024-04-01", "end": "2024-06-30"},
    )
    result = judged(path)
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
    result = judged(path)
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
    result = judged(path)
    # The largest change among equal windows is Jan against Feb, +100%: the claim exceeds
    # it (rule C3).
    assert result.verdict.value == "overstated"
    assert result.largest is not None and result.largest.value == 100
    for combination in result.nearest:
        a, b = (t.window for t in combination.terms)
        assert a is not None and b is not None and a.count == b.count


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
    result = judged(percent)
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
    assert [n.kind for n in judged(count).notes if n.kind == "recovery"] == ["recovery"]


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
    result = judged(path)
    assert result.verdict.value == "supported"
    found = basis(result)
    assert (found.formula, found.expression) == ("a / b", "released / encountered")
    assert [(t.name, t.figure) for t in found.terms] == [("a", "released"), ("b", "encountered")]
    assert found.match.value == "exact"
    # "about 0.33" admits 0.333: not "exactly"
    assert (
        "released / encountered = 0.333 reproduces the number within the range the claim's "
        "\u201cabout\u201d allows (+1.0%)"
    ) in result.summary


def test_a_share_in_percent(write_case: CaseWriter) -> None:
    path = write_case(share_figures(["released"]), value="33.3", unit="percent", asserts="released")
    result = judged(path)
    assert result.verdict.value == "supported"
    assert "= 33.3% reproduces the number approximately" in result.summary


def test_a_share_whose_part_says_the_word_of_some_is_misleading(write_case: CaseWriter) -> None:
    words = [{"term": "released", "extent": "some"}]
    path = write_case(
        share_figures(words), value=0.33, qualifier="about", unit="ratio", asserts="released"
    )
    assert judged(path).verdict.value == "misleading"


def test_a_share_whose_part_never_says_the_word_is_false(write_case: CaseWriter) -> None:
    path = write_case(
        share_figures(["transferred"]),
        value=0.33,
        qualifier="about",
        unit="ratio",
        asserts="released",
    )
    assert judged(path).verdict.value == "false"


def test_a_false_share_names_the_part_as_unsupported(write_case: CaseWriter) -> None:
    path = write_case(
        share_figures(["transferred"]),
        value=0.33,
        qualifier="about",
        unit="ratio",
        asserts="released",
    )
    result = judged(path)
    assert basis(result).unsupported_figures == ["released"]
    assert "(released) as released" in result.summary


def test_a_figure_stated_in_percent_takes_part_as_it_is(write_case: CaseWriter) -> None:
    figures = [
        {"id": "rate", "value": "12.5%", "described_as": ["vacancy rate"]},
        {"id": "homes", "value": 800, "unit": "homes"},
    ]
    path = write_case(figures, value="12.5%", unit="percent", asserts="vacancy rate")
    result = judged(path)
    assert result.verdict.value == "supported"
    found = basis(result)
    assert (found.formula, found.expression, found.match.value) == ("a", "rate", "exact")
    assert [(t.name, t.figure) for t in found.terms] == [("a", "rate")]
    assert result.unused_figures == ["homes"]


def test_a_stated_figure_ranks_before_a_change(write_case: CaseWriter) -> None:
    figures = [*monthly([100, 90]), {"id": "drop", "value": "10%", "described_as": ["fell"]}]
    path = write_case(figures, value=10, unit="percent", asserts="fell")
    result = judged(path)
    assert [c.formula for c in result.combinations] == ["a", "(b - a) / a"]
