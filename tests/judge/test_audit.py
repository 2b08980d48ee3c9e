"""audit.py: the steps of judge(); `covers` puts a match of another period among the near
misses; the claim's `expect` is carried into the audit."""

from __future__ import annotations

from factcheck import audit
from factcheck.judge.audit import choose
from factcheck.judge.ratios import RatioCombinations
from factcheck.judge.settings import resolve
from factcheck.judge.sums import SumCombinations
from factcheck.load import load_claim
from factcheck.models import Verdict
from tests.conftest import CaseWriter
from tests.judge.cases import SIX, basis, change_claim, fig, judged, kinds, monthly

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
    result = judged(path)
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
    result = judged(path)
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
    result = judged(path)
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
    assert judged(loose).verdict.value == "supported"


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
    assert judged(path).verdict.value == "supported"
    figure["period"] = {"start": "2024-01-03", "end": "2024-06-18"}  # 12 days short: slack 9
    path = write_case(
        [figure], value=2100, unit="encounters", asserts="crossed", covers=SIX_TO_JUNE
    )
    result = judged(path)
    assert result.verdict.value == "unsupported"
    assert len(result.near_misses) == 1


def test_a_near_miss_beside_a_basis_is_also_not_counted(write_case: CaseWriter) -> None:
    # Feb vs Jan: -40.6%, a February change, as the claim covers; Mar - Apr vs Jan - Feb is
    # -40.4%... in April: a near miss.
    values = [31578, 18762, 15000, 15000]
    path = write_case(monthly(values), **change_claim(direction="down", tolerance="0.02"))
    result = judged(path)
    assert result.verdict.value == "supported"
    assert basis(result).expression.startswith("(encounters_monthly[Feb 2024]")
    assert result.near_misses
    note = next(n for n in result.notes if n.kind == "covers")
    assert note.message.startswith("Also not counted: ")


def test_unquoted_expect_false_means_the_verdict_false(write_case: CaseWriter) -> None:
    path = write_case([fig("a", 5, "counted")], value=5)
    path.write_text(path.read_text() + "expect: false\n")  # a YAML boolean, not a string
    assert audit(path).expect is Verdict.false


def test_the_kind_of_claim_is_chosen_once_by_its_unit(write_case: CaseWriter) -> None:
    case = load_claim(write_case([fig("a", 100, "missing")], value=100))
    rules = resolve(case, None, None)
    assert isinstance(choose(case, rules), SumCombinations)
    case = load_claim(write_case([fig("a", 100, "missing")], value=100, unit="%"))
    assert isinstance(choose(case, rules), RatioCombinations)
