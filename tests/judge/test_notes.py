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


# --- the unit note (issue 14, item 5) -----------------------------------------------------


def test_a_ratio_claim_with_no_figure_in_its_unit_gets_a_unit_note(
    write_case: CaseWriter,
) -> None:
    figures = [fig("a", 105486, "waiting"), fig("b", 1089, "waiting")]
    found = judged(write_case(figures, value=100, unit="ratio"))
    assert found.verdict is Verdict.unsupported
    (note,) = [n for n in found.notes if n.kind == "unit"]
    assert note.message.startswith("No figure of the sources is in ratio; units present: people.")


def test_no_unit_note_when_a_share_reproduces_a_percent_claim(write_case: CaseWriter) -> None:
    figures = [fig("whole", 1000, "counted"), fig("part", 250, "lost", part_of="whole")]
    found = judged(write_case(figures, value="one in four", unit="percent"))
    assert found.verdict is Verdict.supported
    assert [n for n in found.notes if n.kind == "unit"] == []


def test_a_claim_in_rand_is_never_reproduced_by_dollars(write_case: CaseWriter) -> None:
    figures = [
        {"id": "loan", "value": "US$17.3bn", "described_as": ["lost"]},
        {"id": "grant", "value": "R12.3bn", "described_as": ["lost"]},
    ]
    found = judged(write_case(figures, value="R17.3bn", unit="ZAR"))
    assert found.combinations == []
    (note,) = [n for n in found.notes if n.kind == "unit"]
    assert "loan (17,300,000,000 USD, written US$17.3bn) matches the number but counts USD" in (
        note.message
    )
