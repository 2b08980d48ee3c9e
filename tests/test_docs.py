"""Docs that must not drift: the CLI reference is generated from --help."""

from __future__ import annotations

import re
import subprocess
from typing import Any

import yaml
from typer.testing import CliRunner

from factcheck.cli import app
from tests.conftest import REPO, assert_golden

COMMANDS = [[], ["verify"], ["check"], ["explain"], ["schema"], ["new"], ["draft"]]


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


def test_the_package_ships_docs_errors_md() -> None:
    # `factcheck explain` reads the copy; docs/errors.md is the one to edit.
    docs = (REPO / "docs" / "errors.md").read_text(encoding="utf-8")
    assert_golden(REPO / "factcheck" / "data" / "errors.md", docs)


def test_every_command_help_ends_with_an_example() -> None:
    runner = CliRunner()
    for command in COMMANDS:
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


def test_the_readme_installs_only_what_running_needs_then_the_test_extra() -> None:
    """The first command a reader runs installs the tool (`pip install -e .`) and runs it;
    the tests' tools come with the `test` extra, in the command that runs the tests."""
    import tomllib

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.*?)```", readme, re.S)
    first = commands[0]
    assert re.search(r"pip install -e \.(\s|$)", first), first
    assert "[test]" not in first and "factcheck verify" in first
    tests = next(c for c in commands if "pytest" in c)
    assert "pip install -e '.[test]'" in tests
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def names(requirements: list[str]) -> set[str]:
        return {re.split(r"[<>=\[; ]", r, maxsplit=1)[0].lower() for r in requirements}

    running = names(project["dependencies"])
    for tool in ("pytest", "hypothesis", "ruff", "mypy", "reportlab"):
        assert tool in names(project["optional-dependencies"]["test"]), tool
        assert tool not in running, tool


def _yaml_blocks(name: str) -> list[Any]:
    text = (REPO / "docs" / name).read_text(encoding="utf-8")
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def _tags() -> set[str]:
    try:
        done = subprocess.run(
            ["git", "tag", "--list"], cwd=REPO, capture_output=True, text=True, timeout=60
        )
    except OSError:
        return set()
    return set(done.stdout.split())


def test_the_pre_commit_example_works_as_written() -> None:
    """docs/ci.md's configuration names this repository's hook and a rev that exists (the
    issue behind this test: it named `rev: v0.1.0`, a tag that never existed)."""
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    offered = {hook["id"]: hook for hook in hooks}
    configs = [b for b in _yaml_blocks("ci.md") if isinstance(b, dict) and "repos" in b]
    remote = [repo for config in configs for repo in config["repos"] if repo["repo"] != "local"]
    assert remote, "docs/ci.md shows a .pre-commit-config.yaml"
    for repo in remote:
        rev = str(repo["rev"])
        assert rev == "main" or re.fullmatch(r"[0-9a-f]{40}", rev) or rev in _tags(), rev
        assert {hook["id"] for hook in repo["hooks"]} <= set(offered)
    files = re.compile(offered["factcheck-check"]["files"])
    for path in ("claims/x.yaml", "sources/y.yml", "desk/claims/2024/z.yaml"):
        assert files.search(path), path
    for path in ("claims/README.md", "docs/x.yaml", "claimsx/y.yaml"):
        assert not files.search(path), path


def test_the_actions_matrix_runs_every_shard() -> None:
    workflows = [b for b in _yaml_blocks("ci.md") if isinstance(b, dict) and "jobs" in b]
    matrices = [job for w in workflows for job in w["jobs"].values() if "strategy" in job]
    assert matrices, "docs/ci.md shows a matrix of shards"
    for job in matrices:
        shards = job["strategy"]["matrix"]["shard"]
        assert shards == list(range(1, len(shards) + 1))
        commands = " ".join(str(step.get("run", "")) for step in job["steps"])
        assert f"--shard ${{{{ matrix.shard }}}}/{len(shards)}" in commands
    for workflow in workflows:
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                assert "@v0" not in str(step.get("run", "")), "no release tag exists"
