"""document_notes.py, as the lexicon reads the document: every sentence once, for all of the
claim's wordings at once, each word in any inflection (issue 10 B3, issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.batch import verify_many
from factcheck.judge import Settings
from tests.conftest import hang_guard


def _repo(tmp_path: Path, document: str, asserts: str, synonyms: str = "") -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "doc.md").write_text(f"<!-- page: 3 -->\n{document}\n", encoding="utf-8")
    (tmp_path / "s.yaml").write_text(
        "id: s\ntitle: T\npublisher: P\npublished: 2024-01-01\n"
        "document: {path: doc.md}\nfigures:\n  - id: ran\n    value: 28\n"
        "    unit: children\n    described_as: [had run away]\n",
        encoding="utf-8",
    )
    claim = tmp_path / "c.yaml"
    claim.write_text(
        "id: c\ntext: 28 ran away.\nspeaker: X\ndate: 2024-02-01\nvalue: 28\n"
        f"unit: children\nasserts: {asserts}\nsources: [s.yaml]\n{synonyms}",
        encoding="utf-8",
    )
    return claim


def _document_notes(claim: Path) -> list[str]:
    batch = verify_many([str(claim)], Settings(), root=claim.parent)
    assert batch.problems == []
    return [n.message for n in batch.audits[0].notes if n.kind == "document"]


def test_the_document_is_read_in_any_inflection_in_its_own_words(tmp_path: Path) -> None:
    claim = _repo(tmp_path, "Of the others, 28 had run away from their sponsors.", "ran away")
    [note] = _document_notes(claim)
    assert "uses 'ran away' or its wordings in 1 passage: page 3, 'run away':" in note


def test_a_negated_sentence_is_marked(tmp_path: Path) -> None:
    claim = _repo(tmp_path, "Not one of them ran away in May. By June 28 had run away.", "ran away")
    [note] = _document_notes(claim)
    assert "2 passages" in note and note.count("(negated or hedged there)") == 1


@pytest.mark.slow  # some 3 s: 19,000 synonyms' lemmas
def test_thousands_of_synonyms_read_the_document_once(tmp_path: Path) -> None:
    # 19,000 synonyms, each once looked for in the whole document, took minutes.
    sentences = " ".join(f"Item {i} went elsewhere." for i in range(2_000))
    synonyms = "synonyms:\n  ran away: [" + ", ".join(f"w{i} left" for i in range(19_000)) + "]\n"
    claim = _repo(tmp_path, sentences + " Then 28 had run away.", "ran away", synonyms)
    with hang_guard(60):
        [note] = _document_notes(claim)
    assert "in 1 passage: page 3, 'run away'" in note


def _figures_repo(tmp_path: Path, document: str) -> Path:
    claim = _repo(tmp_path, document, "ran away")
    source = tmp_path / "s.yaml"
    source.write_text(
        source.read_text(encoding="utf-8")
        + "  - id: removed\n    value: 5\n    unit: children\n    described_as: [removed]\n"
        + "  - id: relocated\n    value: 52\n    unit: children\n    described_as: [relocated]\n",
        encoding="utf-8",
    )
    return claim


def test_the_word_is_pinned_on_the_figures_of_its_own_clause(tmp_path: Path) -> None:
    # The HHS testimony's sentence: only the 28 "had run away".
    claim = _figures_repo(
        tmp_path, "Of the others, 28 had run away, 5 had been removed, and 52 had relocated."
    )
    notes = _document_notes(claim)
    assert len(notes) == 1 and "(about ran, 28, removed, 5, relocated, 52)" in notes[0]


def test_a_figure_in_the_words_clause_is_still_named(tmp_path: Path) -> None:
    claim = _figures_repo(
        tmp_path, "Of the others, 28 had been removed; 5 had run away; 52 relocated."
    )
    notes = _document_notes(claim)
    assert "The document calls 5 'run away' on page 3; removed's described_as" in notes[1]
    assert len(notes) == 2  # not the 28, in the clause before


def test_one_finding_said_in_two_sentences_is_one_note(tmp_path: Path) -> None:
    claim = _figures_repo(
        tmp_path, "By May 5 had run away. In all, 5 had run away. Others were removed or relocated."
    )
    notes = _document_notes(claim)
    assert notes[1:] == [
        "The document calls 5 'run away' on page 3; removed's described_as does not say so."
    ]
