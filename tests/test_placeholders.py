"""placeholders.py: the TODOs `factcheck new` leaves, and the errors they cause dropped."""

from __future__ import annotations

from pathlib import Path

from factcheck.errors import problem_at
from factcheck.load import read_document
from factcheck.placeholders import PLACEHOLDER_CODE, draft_problems, placeholders, without_echoes


def test_every_placeholder_is_found_where_it_stands(tmp_path: Path) -> None:
    path = tmp_path / "claim.yaml"
    path.write_text("id: x\ndate: TODO a date\nsources: [TODO a source]\n", encoding="utf-8")
    found = placeholders(read_document(path))
    assert [(p.line, p.key_path, p.code, p.severity) for p in found] == [
        (2, "date", PLACEHOLDER_CODE, "error"),
        (3, "sources[0]", PLACEHOLDER_CODE, "error"),
    ]
    assert {p.severity for p in placeholders(read_document(path), severity="warning")} == {
        "warning"
    }


def test_the_errors_a_placeholder_causes_where_it_stands_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "claim.yaml"
    path.write_text("id: x\ndate: TODO a date\nvalue: nine\n", encoding="utf-8")
    document = read_document(path)
    caused = problem_at(path, "not a date", "FC111", 2, 7, "date")
    elsewhere = problem_at(path, "not a number", "FC203", 3, 8, "value")
    kept = draft_problems([caused, elsewhere], [document])
    assert [p.code for p in kept] == ["FC203", PLACEHOLDER_CODE]
    assert without_echoes([caused, elsewhere]) == [caused, elsewhere]  # no FC503: all kept
