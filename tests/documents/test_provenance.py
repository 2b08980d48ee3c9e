"""A source checked against its document (load/provenance.py, figure_words.py), the
`document` note, `factcheck draft`, and a batch reading a shared document once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.check import check_paths
from factcheck.cli import app
from tests.conftest import REPO

DHS = REPO / "sources" / "dhs-oig-24-46.yaml"
SEED = REPO / "claims" / "trump-2024-09-23-325k-migrant-children.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A claims repository holding the DHS source, its stand-in and the founding claim."""
    (tmp_path / ".git").mkdir()
    shutil.copytree(REPO / "sources" / "documents", tmp_path / "sources" / "documents")
    shutil.copy(DHS, tmp_path / "sources" / DHS.name)
    (tmp_path / "claims").mkdir()
    shutil.copy(SEED, tmp_path / "claims" / SEED.name)
    return tmp_path


def _edit(repo: Path, old: str, new: str) -> Path:
    path = repo / "sources" / DHS.name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _codes(path: Path) -> list[str]:
    return [p.code for p in check_paths([str(path)], root=path.parent.parent)]


def test_every_shipped_source_names_its_document_and_checks() -> None:
    sources = sorted((REPO / "sources").glob("*.yaml"))
    assert sources
    for source in sources:
        assert "\ndocument:\n" in source.read_text(encoding="utf-8"), source
    files = [str(REPO / "sources"), str(REPO / "claims")]
    assert check_paths(files, publishing=False) == []  # FC52x: tests/test_check_publishing.py


def test_the_shipped_stand_ins_say_so_in_their_first_lines() -> None:
    for document in (REPO / "sources" / "documents").iterdir():
        if document.suffix == ".pdf":
            from factcheck.documents import read_document

            head = read_document(document).pages[0].text[:400]
        else:
            head = document.read_text(encoding="utf-8")[:400]
        assert "STAND-IN DOCUMENT" in head.upper(), document


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        # a changed quote
        ('on more than 291,000 UCs"', 'on more than 291,000 children"', "FC706"),
        # a wrong page
        (
            '    page: 1\n    quote: "ICE transferred',
            '    page: 2\n    quote: "ICE transferred',
            "FC708",
        ),
        # a value typed wrong
        ("    value: 448000", "    value: 484000", "FC709"),
        # a phrase split by a flow list
        (
            '["no assurance UCs are safe from trafficking, exploitation, or forced labor"]',
            "[no assurance UCs are safe from trafficking, exploitation, or forced labor]",
            "FC712",
        ),
        # the old words, not the audit's
        ("- did not serve Notices to Appear", "- not served a Notice to Appear", "FC707"),
        # a page the document does not have
        ("    page: 1\n", "    page: 12\n", "FC713"),
    ],
)
def test_each_fault_fails_with_its_own_code(repo: Path, old: str, new: str, code: str) -> None:
    path = _edit(repo, old, new)
    codes = _codes(path)
    assert code in codes
    result = CliRunner().invoke(app, ["check", str(path), "--root", str(repo)])
    assert result.exit_code == 1
    assert f"[{code}]" in result.stdout


def test_a_missing_quote_gets_the_nearest_passage_as_a_hint(repo: Path) -> None:
    path = _edit(repo, "- did not serve Notices to Appear", "- not served a Notice to Appear")
    [problem] = [p for p in check_paths([str(path)], root=repo) if p.code == "FC707"]
    assert problem.line > 0 and problem.key_path == "figures[1].described_as[0]"
    assert "nearest passage, page 2" in problem.message
    assert '"not serve Notices to Appear"' in problem.message
    assert "% alike" in problem.message


def test_a_tampered_document_fails(repo: Path) -> None:
    document = repo / "sources" / "documents" / "dhs-oig-24-46.pdf"
    document.write_bytes(document.read_bytes() + b"\n% tampered\n")
    assert "FC704" in _codes(repo / "sources" / DHS.name)


def test_a_document_outside_the_repository_or_missing(repo: Path, tmp_path: Path) -> None:
    path = _edit(repo, "path: documents/dhs-oig-24-46.pdf", "path: documents/nothing.pdf")
    assert "FC701" in _codes(path)
    _edit(repo, "path: documents/nothing.pdf", "path: ../../outside.pdf")
    (tmp_path.parent / "outside.pdf").write_bytes(b"%PDF")
    assert "FC702" in _codes(path)


def test_check_json_lists_every_phrase(repo: Path) -> None:
    path = repo / "sources" / DHS.name
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json", "--root", str(repo)])
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    phrases = [item["phrase"] for item in items if "phrase" in item]
    assert {p["status"] for p in phrases} == {"found"}
    quote = next(p for p in phrases if p["text"].startswith("ICE did not serve"))
    assert quote["page"] == "2" and quote["end"] - quote["start"] == len(quote["text"])
    text = CliRunner().invoke(app, ["check", str(path), "--root", str(repo)])
    assert text.stdout == ""  # the phrases found are no problems


def test_verify_stops_a_claim_whose_source_misquotes_its_document(repo: Path) -> None:
    _edit(repo, 'on more than 291,000 UCs"', 'on more than 291,000 children"')
    result = CliRunner().invoke(app, ["verify", str(repo / "claims" / SEED.name), "--json"])
    assert result.exit_code == 1
    assert "[FC706]" in result.stderr


def test_the_founding_verdict_carries_the_document_note() -> None:
    result = CliRunner().invoke(app, ["verify", str(SEED), "--json"])
    audit = json.loads(result.stdout)
    notes = [n["message"] for n in audit["notes"] if n["kind"] == "document"]
    assert notes and "(7 pages) uses 'lost' or its wordings" in notes[0]
    assert "page 2, 'not able to account for the location'" in notes[0]
    [document] = audit["documents"]
    assert document["pages"] == 7 and document["kind"] == "pdf"
    no_nta = next(f for f in document["figures"] if f["figure"] == "no_nta")
    assert no_nta["value_found"] is True
    assert no_nta["phrases"][0] | {"start": 0, "end": 0} == {
        "role": "quote",
        "text": "ICE did not serve Notices to Appear on more than 291,000 UCs",
        "status": "found",
        "page": "2",
        "start": 0,
        "end": 0,
    }


def test_a_document_that_never_uses_the_word_says_so(repo: Path) -> None:
    claim = repo / "claims" / SEED.name
    claim.write_text(claim.read_text().replace("asserts: lost", "asserts: killed"))
    audit = json.loads(CliRunner().invoke(app, ["verify", str(claim), "--json"]).stdout)
    [note] = [n["message"] for n in audit["notes"] if n["kind"] == "document"]
    assert note.startswith("The document of dhs-oig-24-46 (7 pages) never uses 'killed'")


def test_a_passage_calling_a_figure_the_word_is_flagged(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "doc.md").write_text(
        "<!-- page: 7 -->\nMore than 32,000 UCs failed to appear. They are missing.\n"
        "Of them, 32,000 UCs are missing from court records.\n",
        encoding="utf-8",
    )
    (tmp_path / "s.yaml").write_text(
        "id: s\ntitle: T\npublisher: P\npublished: 2024-01-01\n"
        "document: {path: doc.md}\nfigures:\n  - id: failed_to_appear\n    value: 32000\n"
        "    unit: children\n    described_as: [failed to appear]\n",
        encoding="utf-8",
    )
    (tmp_path / "c.yaml").write_text(
        "id: c\ntext: They lost 32,000 children.\nspeaker: X\ndate: 2024-02-01\n"
        "value: 32000\nunit: children\nasserts: lost\nsources: [s.yaml]\n",
        encoding="utf-8",
    )
    from factcheck.batch import verify_many
    from factcheck.judge import Settings

    batch = verify_many([str(tmp_path / "c.yaml")], Settings(), root=tmp_path)
    assert batch.problems == []
    notes = [n.message for n in batch.audits[0].notes if n.kind == "document"]
    assert "uses 'lost' or its wordings in 2 passages: page 7, 'missing'" in notes[0]
    assert "(about failed_to_appear, 32,000)" in notes[0]
    assert notes[1] == (
        "The document calls 32,000 'missing' on page 7; failed_to_appear's described_as "
        "does not say so."
    )


def test_a_batch_sharing_one_document_reads_it_once(tmp_path: Path) -> None:
    from factcheck import documents
    from factcheck.batch import verify_many
    from factcheck.documents import cache
    from factcheck.judge import Settings

    (tmp_path / ".git").mkdir()
    shutil.copytree(REPO / "sources", tmp_path / "sources")
    claims = tmp_path / "claims"
    claims.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    for number in range(40):
        (claims / f"c{number}.yaml").write_text(seed.replace("id: trump", f"id: c{number}-trump"))
    reads = []
    original = cache.parse_document

    def counting(*args: object, **kwargs: object) -> documents.DocumentText:
        reads.append(args[0])
        return original(*args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cache, "parse_document", counting)
        batch = verify_many([str(claims)], Settings(), root=tmp_path)
    assert len(batch.audits) == 40 and batch.problems == []
    assert len(reads) == 1
