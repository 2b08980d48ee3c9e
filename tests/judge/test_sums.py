"""sums.py: sums of figures, parts and wholes, changes between stocks, other units."""

from __future__ import annotations

from factcheck import audit
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
