"""`factcheck check` and `factcheck schema` through the CLI: output, exit codes, Actions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.render.problems import MAX_SUMMARY_ROWS
from tests.conftest import REPO, assert_golden

CASES = "tests/cases/check"
HANG_SECONDS = 120  # a hang guard for the runs in a process of their own, not a time limit
runner = CliRunner()


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", **(env or {})})
    return result.exit_code, result.stdout, result.stderr


def test_clean_files_exit_0_and_say_so_in_one_line(in_repo: Path) -> None:
    code, out, err = invoke("check", f"{CASES}/valid")
    assert (code, out) == (0, "")
    assert err.startswith("checked ") and err.endswith(" files: no problems\n")
    files = len(list(Path("claims").glob("*.yaml")) + list(Path("sources").glob("*.yaml")))
    code, out, err = invoke("check", "claims/", "sources/")
    # Some example claims quote more than ClaimReview's 75 characters: warnings only.
    assert code == 0
    assert {line.rsplit(" ", 1)[-1] for line in out.splitlines()} == {"[FC521]"}
    warnings = len(out.splitlines())
    assert err.startswith(f"checked {files} files: {warnings} warning")
    assert err.endswith("; `factcheck explain FC521` says more\n") and err.count("\n") == 1


def test_one_file_one_problem_is_singular(in_repo: Path, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    path = tmp_path / "s.yaml"
    path.write_text('id: s\ntitle: "TODO: a title"\npublisher: p\npublished: 2024-01-01\n')
    code, _, err = invoke("check", str(path))
    assert code == 1
    assert err == "checked 1 file: 1 error in 1 file; `factcheck explain FC503` says more\n"


def test_every_problem_listed_exit_1(in_repo: Path) -> None:
    code, out, err = invoke("check", CASES)
    assert code == 1
    # FC303 names the repository root, which depends on where the clone lives.
    assert_golden(REPO / CASES / "expected.txt", out.replace(str(REPO), "<repo>"))
    assert err == (
        "checked 20 files: 26 errors and 4 warnings in 16 files; "
        "`factcheck explain CODE` explains each code\n"
    )


def test_text_lines_have_the_documented_shape(in_repo: Path) -> None:
    _, out, _ = invoke("check", CASES)
    for line in out.splitlines():
        assert line.startswith(f"{CASES}/broken/")
        _, row, col, rest = line.split(":", 3)
        assert row.isdigit() and col.isdigit()
        assert rest.startswith((" error: ", " warning: "))
        assert line.endswith("]") and " [FC" in line


def test_warnings_fail_only_with_strict(in_repo: Path) -> None:
    quotes = f"{CASES}/broken/sources/quotes.yaml"
    code, out, _ = invoke("check", quotes)
    assert code == 0
    assert out.count(": warning: ") == 2
    code, out_strict, _ = invoke("check", quotes, "--strict")
    assert code == 1
    assert out_strict == out


def test_json_format(in_repo: Path) -> None:
    code, out, _ = invoke("check", CASES, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert len(data) == 30
    assert {item["severity"] for item in data} == {"error", "warning"}
    assert invoke("check", CASES, "-f", "json")[1] == out  # the same bytes each run


def test_github_format_and_step_summary(in_repo: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    code, out, _ = invoke(
        "check", CASES, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("::group::tests/cases/check/broken/claims/alias.yaml")
    assert sum(line.startswith("::error ") for line in lines) == 26
    assert sum(line.startswith("::warning ") for line in lines) == 4
    assert lines.count("::endgroup::") == 16
    text = summary.read_text()
    assert text.startswith("earlier step\n### factcheck check\n")  # appended, not replaced
    assert text.count("\n| `tests/cases/check/broken/") == 30 < MAX_SUMMARY_ROWS


def test_no_step_summary_outside_github_format(in_repo: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    invoke("check", CASES, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert not summary.exists()


@pytest.mark.parametrize(
    "args",
    [["check"], ["check", CASES, "--format", "xml"], ["check", CASES, "--bogus"]],
)
def test_usage_errors_exit_2(in_repo: Path, args: list[str]) -> None:
    assert invoke(*args)[0] == 2


def test_root_option(in_repo: Path) -> None:
    bad = f"{CASES}/broken/claims/bad-sources.yaml"
    assert "FC303" in invoke("check", bad)[1]
    assert "FC303" not in invoke("check", bad, "--root", ".")[1]


def test_console_script_exit_code_and_quiet_pipe(in_repo: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-c", "from factcheck.cli import main; main()", "check", CASES],
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
        check=False,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    piped = subprocess.run(
        f"{sys.executable} -c 'from factcheck.cli import main; main()' check {CASES} | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
        check=False,
    )
    assert piped.stdout.count("\n") == 1
    assert "Traceback" not in piped.stderr


@pytest.mark.parametrize("kind", ["claim", "source"])
def test_schema_command_prints_the_shipped_schema(kind: str) -> None:
    code, out, _ = invoke("schema", kind)
    assert code == 0
    assert out == (REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert json.loads(out)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_of_an_unknown_kind_is_a_usage_error() -> None:
    assert invoke("schema", "verdict")[0] == 2
