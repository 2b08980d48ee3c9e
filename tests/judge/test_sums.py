"""sums.py: sums of figures, parts and wholes, changes between stocks, other units."""

from __future__ import annotations

from decimal import Decimal

from factcheck import audit
from factcheck.judge import MAX_PAIRS
from factcheck.models import Verdict
from tests.conftest import CaseWriter
from tests.judge.cases import fig


def test_part_is_never_added_to_its_whole(write_case: CaseWriter) -> None:
    figures = [fig("whole", 1000, "missing"), fig("part", 200, "missing", part_of="whole")]
    result = audit(write_case(figures, value=1200))
    assert result.verdict is Verdict.overstated  # the largest total is the whole alone
    overlap = [n for n in result.notes if n.kind == "overlap"]
    assert overlap and "part is part of whole" in overlap[0].message


def test_whole_minus_part_supports_only_what_remains(write_case: CaseWriter) -> None:
    figures = [fig("whole", 1000, "missing"), fig("part", 300, "found", part_of="whole")]
    result = audit(write_case(figures, value=700))
    combo = result.combinations[0]
    assert combo.expression == "whole - part"
    # 1000 supported, clamped to the combination's 700.
    assert combo.supported_value.low == 700
    assert result.verdict is Verdict.supported


def test_stock_change_supports_words_of_change(write_case: CaseWriter) -> None:
    figures = [
        fig("jobs_2020", 1000, "employed", series="jobs", as_of="2020-01-01"),
        fig("jobs_2024", 1300, "employed", series="jobs", as_of="2024-01-01"),
    ]
    result = audit(write_case(figures, value=300, asserts="created"))
    assert result.combinations[0].expression == "jobs_2024 - jobs_2020"
    assert result.verdict is Verdict.supported
    fall = audit(write_case(figures, value=300, asserts="cut"))
    assert fall.verdict is Verdict.false  # a rise is not a cut


def test_stock_change_period_runs_between_the_two_dates(write_case: CaseWriter) -> None:
    figures = [
        fig("s1", 1000, "employed", series="jobs", as_of="2020-01-01"),
        fig("s2", 1300, "employed", series="jobs", as_of="2024-01-01"),
    ]
    result = audit(write_case(figures, value=300, asserts="created"))
    period = result.combinations[0].period
    assert period is not None and (str(period.start), str(period.end)) == (
        "2020-01-01",
        "2024-01-01",
    )


def test_figures_of_another_unit_are_not_combined(write_case: CaseWriter) -> None:
    figures = [{"id": "usd", "value": 500, "unit": "USD", "described_as": ["missing"]}]
    result = audit(write_case(figures, value=500))
    assert result.verdict is Verdict.unsupported
    assert [n.kind for n in result.notes] == ["unit"]


POLICE = [
    fig("headcount_2010", 148725, "police officers", series="h", as_of="2010-03-31"),
    fig("headcount_2023", 149572, "police officers", series="h", as_of="2023-03-31"),
]


def test_a_change_is_later_less_earlier_whichever_way_written(write_case: CaseWriter) -> None:
    # Rule A1, the police: numbers that rose by 847 are never "a fall".
    fell = audit(write_case(POLICE, value=847, precision=1, asserts="fell"))
    assert [c.expression for c in fell.combinations] == ["headcount_2023 - headcount_2010"]
    assert fell.verdict is Verdict.false
    assert "the source's figures show a rise, not a fall" in fell.summary
    rose = audit(write_case(POLICE, value=847, precision=1, asserts="rose"))
    assert rose.verdict is Verdict.supported
    assert [r.change_supports for r in rose.figures] == ["rise", "rise"]
    # headcount_2010 - headcount_2023 is -847, against its direction: never a candidate,
    # not even for a claim of -847 (in a unit that may be negative).
    dollars = [{**f, "unit": "USD"} for f in POLICE]
    negative = audit(write_case(dollars, value=-847, precision=1, unit="USD", asserts="fell"))
    assert negative.combinations == [] and negative.verdict is not Verdict.supported


def test_a_part_is_never_added_while_its_whole_is_subtracted(write_case: CaseWriter) -> None:
    # Rule A2: 5,000 - 4,600 + 800 (new hires, part of the 4,600) is the double count in
    # reverse; format v1 took it as the basis of "hired 1,200".
    figures = [
        fig("teachers_2022", 5000, "teachers", series="t", as_of="2022-09-30"),
        fig("teachers_2023", 4600, "teachers", series="t", as_of="2023-09-30"),
        fig("new_hires", 800, "hired", part_of="teachers_2023"),
    ]
    result = audit(write_case(figures, value=1200, precision=1, asserts="hired"))
    assert result.combinations == []
    assert result.verdict is Verdict.unsupported
    assert result.nearest[0].expression == "new_hires"
    # The whole less its part is still a candidate: 4,600 - 800 = 3,800.
    remains = audit(write_case(figures, value=3800, precision=1, asserts="teachers"))
    assert [c.expression for c in remains.combinations] == ["teachers_2023 - new_hires"]


def test_shares_are_measured_against_the_matched_value(write_case: CaseWriter) -> None:
    # Rule A3: "nearly 4 million jobs lost" matched by a fall of 3.5 million, all of it lost
    # (CNN: True). Measured against the claim's 4 million it was 87.5%, misleading.
    figures = [
        fig("jobs_2008", "137 million", "employment", series="j", as_of="2008-07-31"),
        fig("jobs_2009", "133.5 million", "employment", series="j", as_of="2009-01-31"),
    ]
    result = audit(
        write_case(figures, value="4 million", qualifier="nearly", unit="people", asserts="lost")
    )
    found = result.combinations[result.basis or 0]
    assert found.supported_share.low == 1 and found.supported_value.low == 3_500_000
    assert result.verdict is Verdict.supported
    # No share above 100%: a match above the claim, all of it said, is 100% supported.
    above = audit(write_case([fig("a", 1029, "missing")], value=1000, precision=1, tolerance=0.05))
    assert above.combinations[0].supported_share.low == 1  # not 102.9%


def test_approximate_means_close_to_the_claims_interval(write_case: CaseWriter) -> None:
    # Rule A4: "more than 8.2 million" is (8.2m, 8.3m); 8,304,000 misses it by 4,000 (0.05%).
    figures = [fig("created", "8,304,000", "created")]
    result = audit(
        write_case(figures, value="8.2 million", qualifier="more_than", asserts="created")
    )
    assert result.verdict is Verdict.supported
    assert result.combinations[0].match.value == "approximate"
    # 104,000 from the claimed value (1.3%) but 4,000 from its interval: within 1%.
    far = audit(write_case([fig("created", "8,400,000", "created")], value="8.2 million",
                           qualifier="more_than", asserts="created"))  # fmt: skip
    # 100,000 beyond the interval: not within 1%, but larger, and all of it created.
    assert far.reproduced.value == "none" and far.verdict is Verdict.understated


def test_changes_between_windows_for_a_word_of_change(write_case: CaseWriter) -> None:
    # Rule E, the deficits: yearly totals of a flow series, FY2020 against FY2022.
    years = [
        fig(f"deficit_fy{y}", v, "deficit", unit="USD", series="deficit",
            period={"start": f"{y - 1}-10-01", "end": f"{y}-09-30"})
        for y, v in ((2020, "3.13 trillion"), (2021, "2.77 trillion"), (2022, "1.38 trillion"))
    ]  # fmt: skip
    claim = {"value": "1.7 trillion", "qualifier": "more_than", "unit": "USD", "asserts": "cut"}
    result = audit(write_case(years, **claim))
    found = result.combinations[result.basis or 0]
    assert (
        found.expression == "deficit[2019-10-01 to 2020-09-30] - deficit[2021-10-01 to 2022-09-30]"
    )
    [term] = found.terms
    assert term.change is not None and term.change.direction == "fall"
    assert term.members == ["deficit_fy2020", "deficit_fy2022"]
    assert term.value == 1_750_000_000_000
    # From the middle of the earlier year to the middle of the later.
    assert (str(found.period.start), str(found.period.end)) == ("2020-03-31", "2022-04-01")  # type: ignore[union-attr]
    assert result.verdict is Verdict.supported  # no period attributed: all of it counts
    # Attributed from 20 January 2021, only the days from then count (rule D).
    period = {"start": "2021-01-20", "end": "2023-02-07"}
    prorated = audit(write_case(years, **claim, period=period))
    assert prorated.verdict is Verdict.misleading
    assert prorated.combinations[0].supported_share.low == Decimal("0.597811")
    # Not a word of change: yearly totals are not compared.
    spent = audit(write_case(years, **{**claim, "asserts": "spent"}))
    assert all(t.change is None for c in spent.combinations + spent.nearest for t in c.terms)


def test_a_long_stock_series_with_a_word_of_change_is_judged_per_match(
    write_case: CaseWriter,
) -> None:
    # Past MAX_PAIRS pairs of stocks the bands are asked of each match: format v1 then put
    # every match in one bucket and said "Not reproduced" above a list of combinations.
    stocks = [fig(f"s{k}", 1000 + 7 * k, "people", series="s", as_of=_month(k)) for k in range(400)]
    assert MAX_PAIRS < 400**2
    result = audit(write_case(stocks, value=700, precision=1, asserts="rose", max_terms=2))
    assert result.verdict is Verdict.supported
    assert result.combinations[result.basis or 0].expression == "s100 - s0"
    assert not result.summary.startswith("Not reproduced")


def _month(k: int) -> str:
    return f"{1700 + k // 12}-{k % 12 + 1:02d}-01"
