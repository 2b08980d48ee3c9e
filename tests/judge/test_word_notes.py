"""word_notes.py: further assertions and near-wordings of the claim's word."""

from __future__ import annotations

from factcheck import audit
from factcheck.models import Verdict
from tests.conftest import CaseWriter
from tests.judge.cases import fig


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


def test_a_near_wording_gets_a_synonyms_hint(write_case: CaseWriter) -> None:
    result = audit(write_case([fig("a", 28, "had gone away")], value=28, asserts="ran away"))
    assert result.verdict is Verdict.false
    note = next(n for n in result.notes if n.kind == "wording")
    assert "'had gone away'" in note.message and "synonyms" in note.message
    assert "each in some inflection" in note.message
    assert "does not describe any of it as ran away" in result.summary


def test_an_inflection_of_the_claims_word_is_no_near_wording(write_case: CaseWriter) -> None:
    # Issue 10, B3: "had run away" says "ran away" (both lemmas are "run away").
    result = audit(write_case([fig("a", 28, "had run away")], value=28, asserts="ran away"))
    assert result.verdict is Verdict.supported
    assert not [n for n in result.notes if n.kind == "wording"]


def test_a_shared_word_is_found_in_any_inflection(write_case: CaseWriter) -> None:
    # "running" shares the lemma "run" with "ran": near, though no word is the same.
    result = audit(
        write_case([fig("a", 28, "kept running from home")], value=28, asserts="ran away")
    )
    note = next(n for n in result.notes if n.kind == "wording")
    assert "'kept running from home'" in note.message


def test_only_stopwords_in_common_make_no_hint(write_case: CaseWriter) -> None:
    result = audit(write_case([fig("a", 28, "were at home")], value=28, asserts="were lost"))
    assert not [n for n in result.notes if n.kind == "wording"]


def test_a_statement_is_judged_by_its_first_place_that_holds_the_word(
    write_case: CaseWriter,
) -> None:
    # Its described_as words speak for it; the text, which does say "dead", is only the
    # fallback, so the hedged "possibly died" is what the note names.
    statement = {"id": "s", "text": "Many died.", "described_as": ["possibly died"]}
    result = audit(
        write_case(
            [fig("a", 500, "missing")],
            {"statements": [statement]},
            value=500,
            also_asserts=["dead"],
        )
    )
    note = next(n for n in result.notes if n.kind == "also_asserts")
    assert "'possibly died' (statement s of" in note.message
    assert "Many died" not in note.message


def test_a_long_list_of_near_sayings_is_cut_short(write_case: CaseWriter) -> None:
    words = [f"may have died in place {i}" for i in range(8)]
    result = audit(write_case([fig("a", 500, *words)], value=500, also_asserts=["dead"]))
    note = next(n for n in result.notes if n.kind == "also_asserts")
    assert "'may have died in place 4' (a)" in note.message
    assert "place 5" not in note.message
    assert "and 3 more, which is hedged or negated" in note.message


def test_each_further_word_is_judged_on_its_own(write_case: CaseWriter) -> None:
    figure = fig("a", 500, "missing", "killed", "not trafficked")
    result = audit(write_case([figure], value=500, also_asserts=["dead", "trafficked", "deported"]))
    messages = [n.message for n in result.notes if n.kind == "also_asserts"]
    assert len(messages) == 2  # "killed" says dead
    assert "were trafficked" in messages[0] and "'not trafficked' (a)" in messages[0]
    assert "were deported" in messages[1] and "closest" not in messages[1]
