"""Docs that must not drift: the CLI reference is generated from --help."""

from __future__ import annotations

from typer.testing import CliRunner

from factcheck.cli import app
from tests.conftest import REPO, assert_golden

COMMANDS = [[], ["verify"], ["check"], ["schema"], ["new"], ["draft"]]


def cli_reference() -> str:
    runner = CliRunner()
    parts = [
        "# CLI reference\n",
        "Generated from `factcheck --help` and each command's `--help`; "
        "`tests/test_docs.py` fails when they drift (refresh with "
        "`FACTCHECK_REFRESH_GOLDEN=1 python -m pytest tests/test_docs.py`).\n",
    ]
    for command in COMMANDS:
        result = runner.invoke(
            app, [*command, "--help"], env={"COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb"}
        )
        assert result.exit_code == 0, result.output
        text = "\n".join(line.rstrip() for line in result.output.splitlines()).strip("\n")
        title = " ".join(["factcheck", *command])
        parts.append(f"## `{title}`\n\n```text\n{text}\n```\n")
    return "\n".join(parts)


def test_cli_reference_is_generated_from_help() -> None:
    assert_golden(REPO / "docs" / "cli.md", cli_reference())


def test_every_command_help_ends_with_an_example() -> None:
    runner = CliRunner()
    for command in COMMANDS[1:]:
        result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
        assert "Example" in result.output, command


def test_readme_links_every_doc() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for doc in sorted((REPO / "docs").glob("*.md")):
        assert f"docs/{doc.name}" in readme, doc.name


def test_readme_sample_is_the_real_output(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(REPO)
    runner = CliRunner()
    result = runner.invoke(
        app,
        ["verify", "claims/trump-2024-09-23-325k-migrant-children.yaml"],
        env={"COLUMNS": "96", "NO_COLOR": "1"},
    )
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert result.stdout.rstrip("\n") in readme
