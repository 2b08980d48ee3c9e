"""The v1 verdict rules on small hand-made cases."""

from __future__ import annotations

from decimal import Decimal

from factcheck import audit
from factcheck.judge import Settings
from factcheck.models import Verdict
from tests.conftest import CaseWriter


def fig(id: str, value: object, *words: object, **extra: object) -> dict[str, object]:
    return {"id": id, "value": value, "unit": "people", "described_as": list(words), **extra}


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


def test_tolerance_setting_widens_the_match(write_case: CaseWriter) -> None:
    path = write_case([fig("a", 950, "missing")], value=1000)
    assert audit(path).verdict is Verdict.unsupported
    assert audit(path, Settings(tolerance=Decimal("0.06"))).verdict is Verdict.supported


def test_verdict_is_the_most_favourable_band(write_case: CaseWriter) -> None:
    # The plain one-term match is false, a two-term match is supported: charity picks it.
    figures = [fig("a", 1000, "counted"), fig("b", 600, "missing"), fig("c", 400, "vanished")]
    result = audit(write_case(figures, value=1000))
    assert result.combinations[0].expression == "a"
    assert result.verdict is Verdict.supported
    assert result.basis is not None
    assert result.combinations[result.basis].expression == "b + c"


def test_part_is_never_added_to_its_whole(write_case: CaseWriter) -> None:
    figures = [fig("whole", 1000, "missing"), fig("part", 200, "missing", part_of="whole")]
    result = audit(write_case(figures, value=1200))
    assert result.verdict is Verdict.unsupported
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


def test_period_note_and_cap(write_case: CaseWriter) -> None:
    figures = [fig("a", 500, "missing")]
    source = {"period": {"start": "2019-01-01", "end": "2020-12-31"}}
    claim_period = {"start": "2020-07-01", "end": "2024-01-01"}
    result = audit(write_case(figures, source, value=500, period=claim_period))
    assert result.verdict is Verdict.misleading  # supported, capped: 75% outside
    note = next(n for n in result.notes if n.kind == "period")
    assert "74.8%" in note.message and "2019-01-01 to 2020-06-30" in note.message


def test_no_period_note_inside_the_attributed_period(write_case: CaseWriter) -> None:
    figures = [fig("a", 500, "missing", period={"start": "2021-01-01", "end": "2021-12-31"})]
    claim_period = {"start": "2020-01-01", "end": "2024-01-01"}
    result = audit(write_case(figures, value=500, period=claim_period))
    assert result.verdict is Verdict.supported
    assert not [n for n in result.notes if n.kind == "period"]


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


def test_also_asserts_supported_by_a_statement(write_case: CaseWriter) -> None:
    source = {"statements": [{"id": "s", "text": "Many died.", "described_as": ["died"]}]}
    result = audit(write_case([fig("a", 500, "missing")], source, value=500, also_asserts=["dead"]))
    assert not [n for n in result.notes if n.kind == "also_asserts"]


def test_also_asserts_hedged_statement_is_not_support(write_case: CaseWriter) -> None:
    source = {
        "statements": [{"id": "s", "text": "x", "described_as": ["at risk of being trafficked"]}]
    }
    result = audit(
        write_case([fig("a", 500, "missing")], source, value=500, also_asserts=["trafficked"])
    )
    note = next(n for n in result.notes if n.kind == "also_asserts")
    assert "at risk of being trafficked" in note.message


def test_claim_synonyms_extend_the_lexicon(write_case: CaseWriter) -> None:
    path = write_case([fig("a", 500, "evaporated")], value=500, synonyms={"lost": ["evaporated"]})
    assert audit(path).verdict is Verdict.supported


def test_figures_of_another_unit_are_not_combined(write_case: CaseWriter) -> None:
    figures = [{"id": "usd", "value": 500, "unit": "USD", "described_as": ["missing"]}]
    result = audit(write_case(figures, value=500))
    assert result.verdict is Verdict.unsupported
    assert [n.kind for n in result.notes] == ["unit"]


def test_ranking_prefers_fewer_terms_then_exact_then_closer(write_case: CaseWriter) -> None:
    figures = [fig("a", 1005, "x"), fig("b", 500, "x"), fig("c", 500, "x"), fig("d", 999, "x")]
    result = audit(write_case(figures, value=1000))
    expressions = [c.expression for c in result.combinations]
    assert expressions[:2] == ["d", "a"]  # 1 term, closer first (both approximate)
    assert expressions[2] == "b + c"


def test_budget_makes_the_search_incomplete_and_says_so(write_case: CaseWriter) -> None:
    figures = [fig(f"f{i}", 100 + i, "x") for i in range(12)]
    result = audit(write_case(figures, value=410), Settings(budget=50))
    assert not result.search.complete
    assert any(n.kind == "search" and "--budget" in n.message for n in result.notes)


def test_unquoted_expect_false_means_the_verdict_false(write_case: CaseWriter) -> None:
    path = write_case([fig("a", 5, "counted")], value=5)
    path.write_text(path.read_text() + "expect: false\n")  # a YAML boolean, not a string
    assert audit(path).expect is Verdict.false


def test_a_near_wording_gets_a_synonyms_hint(write_case: CaseWriter) -> None:
    result = audit(write_case([fig("a", 28, "had run away")], value=28, asserts="ran away"))
    assert result.verdict is Verdict.false
    note = next(n for n in result.notes if n.kind == "wording")
    assert "'had run away'" in note.message and "synonyms" in note.message
    assert "does not describe any of it as ran away" in result.summary
