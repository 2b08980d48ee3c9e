"""notes.py: the period notes."""

from __future__ import annotations

from factcheck import audit
from factcheck.models import Verdict
from tests.conftest import CaseWriter
from tests.judge.cases import SIX, fig, judged, monthly


def test_no_period_note_inside_the_attributed_period(write_case: CaseWriter) -> None:
    figures = [fig("a", 500, "missing", period={"start": "2021-01-01", "end": "2021-12-31"})]
    claim_period = {"start": "2020-01-01", "end": "2024-01-01"}
    result = audit(write_case(figures, value=500, period=claim_period))
    assert result.verdict is Verdict.supported
    assert not [n for n in result.notes if n.kind == "period"]


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
    result = judged(path)
    assert result.verdict.value == "supported"  # 11.6% outside: a note, no cap
    [note] = [n for n in result.notes if n.kind == "period"]
    assert "2024-02-01 to 2024-02-14, 14 of 121 days" in note.message


def test_a_search_stopped_after_one_combination_says_so_in_the_singular(
    write_case: CaseWriter,
) -> None:
    from factcheck.judge import Settings, judge
    from factcheck.load import load_claim

    figures = [fig(f"f{i}", 100 + i) for i in range(6)]
    result = judge(load_claim(write_case(figures, value=203)), Settings(budget=1))
    notes = [n.message for n in result.notes if n.kind == "search"]
    assert any("after examining 1 combination (its budget)" in note for note in notes), notes
