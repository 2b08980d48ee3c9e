"""`factcheck explain CODE`: every problem code explained from the shipped docs/errors.md."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.errors import CODES
from factcheck.explain import catalogue, entries, explain

runner = CliRunner()


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_explained_with_a_fix(code: str) -> None:
    text = explain(code)
    assert text is not None, f"docs/errors.md has no row for {code}"
    assert text.startswith(f"{code}: {CODES[code]}\n")
    assert "\nfix: " in text or "not a problem" in text  # FC700 is information, no problem
    assert all(len(line) <= 80 for line in text.splitlines())


def test_the_document_explains_no_code_that_does_not_exist() -> None:
    assert set(entries()) == set(CODES)


def test_codes_are_read_in_any_case_and_spacing() -> None:
    assert explain(" fc503 ") == explain("FC503")
    assert explain("FC999") is None
    assert explain("") is None


def test_an_entry_keeps_its_table_heading_and_columns() -> None:
    entry = entries()["FC110"]
    assert entry.group.startswith("FC1xx")
    assert [heading for heading, _ in entry.fields] == ["what is wrong", "example", "fix"]
    assert dict(entry.fields)["fix"] == "delete one of them"


def test_explain_on_the_command_line() -> None:
    result = runner.invoke(app, ["explain", "fc110"])
    assert result.exit_code == 0
    assert result.stdout.startswith("FC110: duplicate key\n(FC1xx: reading the file)\n")
    listed = runner.invoke(app, ["explain"])
    assert listed.exit_code == 0
    assert listed.stdout == catalogue()
    assert all(code in listed.stdout for code in CODES)


def test_an_unknown_code_is_a_usage_error() -> None:
    result = runner.invoke(app, ["explain", "FC999"])
    assert result.exit_code == 2
    assert "no problem code 'FC999'" in result.stderr
    assert "factcheck explain` lists them" in result.stderr
