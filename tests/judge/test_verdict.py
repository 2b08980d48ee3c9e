"""verdict.py and bands.py at work: the band each combination earns, the most favourable
one that counts, the ranking of the listed combinations and the period cap."""

from __future__ import annotations

from factcheck import audit
from factcheck.models import Verdict
from tests.conftest import CaseWriter
from tests.judge.cases import SIX, fig, judged, monthly


def test_supported_when_the_source_uses_the_claims_word(write_case: CaseWriter) -> None:
    result = audit(write_case([fig("missing", 1200, "went missing")], value=1200))
    assert result.verdict is Verdict.supported
    assert result.combinations[0].supported_share.low == 1
    assert result.reproduced.value == "exact"


def test_misleading_when_the_word_covers_only_some(write_case: CaseWriter) -> None:
    words = {"term": "whereabouts unknown", "extent": "some"}
    result = audit(write_case([fig("fta", 32000, words)], value=32000))
    assert result.verdict is Verdict.misleading
    share = result.combinations[0].supported_share
    assert (share.low, share.high) == (0, 1)
    assert [n.kind for n in result.notes] == ["extent"]


def test_false_when_most_of_the_sum_is_never_called_that(write_case: CaseWriter) -> None:
    figures = [fig("a", 291000, "not served a notice"), fig("b", 32000, "missing")]
    result = audit(write_case(figures, value=325000, qualifier="more_than"))
    assert result.verdict is Verdict.false
    assert result.combinations[0].expression == "a + b"
    assert result.combinations[0].unsupported_figures == ["a"]
    assert "never describes these 291,000 (a) as lost" in result.summary


def test_unsupported_when_nothing_comes_within_tolerance(write_case: CaseWriter) -> None:
    result = audit(write_case([fig("a", 100, "missing"), fig("b", 200, "missing")], value=1000))
    assert result.verdict is Verdict.unsupported
    assert result.basis is None
    assert result.reproduced.value == "none"
    assert result.unused_figures == ["a", "b"]
    assert "Not reproduced by the source's figures" in result.summary


def test_verdict_is_the_most_favourable_band(write_case: CaseWriter) -> None:
    # The plain one-term match is false, a two-term match is supported: charity picks it.
    figures = [fig("a", 1000, "counted"), fig("b", 600, "missing"), fig("c", 400, "vanished")]
    result = audit(write_case(figures, value=1000))
    assert result.combinations[0].expression == "a"
    assert result.verdict is Verdict.supported
    assert result.basis is not None
    assert result.combinations[result.basis].expression == "b + c"


def test_ranking_prefers_fewer_terms_then_exact_then_closer(write_case: CaseWriter) -> None:
    figures = [fig("a", 1005, "x"), fig("b", 500, "x"), fig("c", 500, "x"), fig("d", 999, "x")]
    result = audit(write_case(figures, value=1000))
    expressions = [c.expression for c in result.combinations]
    assert expressions[:2] == ["d", "a"]  # 1 term, closer first (both approximate)
    assert expressions[2] == "b + c"


def test_period_note_and_cap(write_case: CaseWriter) -> None:
    figures = [fig("a", 500, "missing")]
    source = {"period": {"start": "2019-01-01", "end": "2020-12-31"}}
    claim_period = {"start": "2020-07-01", "end": "2024-01-01"}
    result = audit(write_case(figures, source, value=500, period=claim_period))
    assert result.verdict is Verdict.misleading  # supported, capped: 75% outside
    note = next(n for n in result.notes if n.kind == "period")
    assert "74.8%" in note.message and "2019-01-01 to 2020-06-30" in note.message


def test_a_window_mostly_outside_the_attributed_period_is_capped(write_case: CaseWriter) -> None:
    path = write_case(
        monthly(SIX),
        value=1400,
        unit="encounters",
        asserts="crossed",
        period={"start": "2024-05-01", "end": "2024-07-31"},
    )
    result = judged(path)
    assert result.verdict.value == "misleading"
    assert "verdict is at most misleading" in next(
        n.message for n in result.notes if n.kind == "period"
    )
