"""verify's options: defaults from the library, ranges from the claim format, --debug."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from factcheck import bands, limits, search
from factcheck.cli import app
from tests.cli.conftest import Run

CLAIM = "claims/illustrative-mayor-created-12k-jobs.yaml"


def _verify_option(name: str) -> typer.core.TyperOption:
    command = typer.main.get_command(app).commands["verify"]  # type: ignore[attr-defined]
    [option] = [p for p in command.params if p.name == name]
    return option  # type: ignore[no-any-return]


HEAVY = ["numpy", "yaml", "factcheck.models", "factcheck.search", "factcheck.judge"]
HEAVY += ["factcheck.render.json", "factcheck.render.terminal", "factcheck.render.problems"]


@pytest.mark.parametrize(
    ("command", "heavy"),
    [
        ([], [*HEAVY, "pydantic"]),
        # Typer itself loads pydantic to convert a subcommand's parameters.
        (["verify"], HEAVY),
        (["check"], HEAVY),
    ],
)
def test_help_imports_no_renderer_nor_the_engine(command: list[str], heavy: list[str]) -> None:
    # What keeps `factcheck --help` fast, asserted without a clock.
    code = (
        "import sys\n"
        f"sys.argv = ['factcheck', *{command!r}, '--help']\n"
        "from factcheck.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(set({heavy!r}) & set(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr == "[]\n"
    assert "Usage: factcheck" in done.stdout


def test_defaults_are_the_searchs() -> None:
    assert _verify_option("top").default == limits.DEFAULT_TOP == search.DEFAULT_TOP
    assert _verify_option("budget").default == limits.DEFAULT_BUDGET == search.DEFAULT_BUDGET


def test_fail_on_takes_the_verdict_names(run_main: Run, in_repo: Path) -> None:
    code, _, err = run_main("verify", CLAIM, "--fail-on", "wrong")
    assert code == 2
    assert f"unknown verdict 'wrong'; expected {', '.join(bands.NAMES)}" in err
    code, _, err = run_main("verify", CLAIM, "--fail-on", ",".join(bands.NAMES))
    assert code == 3
    assert err.endswith("(listed in --fail-on)\n")


def test_fail_on_reads_verdicts_in_any_case(run_main: Run, in_repo: Path) -> None:
    seed = "claims/trump-2024-09-23-325k-migrant-children.yaml"  # false
    assert run_main("verify", seed, "--fail-on", "False")[0] == 3
    assert run_main("verify", seed, "--fail-on", " FALSE , Unsupported")[0] == 3
    assert run_main("verify", seed, "--fail-on", "Supported")[0] == 0


def test_fail_on_reports_every_unknown_verdict_at_once(run_main: Run, in_repo: Path) -> None:
    code, _, err = run_main("verify", CLAIM, "--fail-on", "False,wrong,Maybe,supported,fals")
    assert code == 2
    assert "unknown verdicts 'wrong', 'Maybe', 'fals'; expected" in err


HELP_COMMANDS = [[], ["verify"], ["check"], ["explain"], ["schema"], ["new"]]


@pytest.mark.parametrize("command", HELP_COMMANDS, ids=lambda c: " ".join(c) or "factcheck")
@pytest.mark.parametrize("columns", ["60", "80", "200"])
def test_help_reads_like_a_man_page(
    run_main: Run, monkeypatch: pytest.MonkeyPatch, command: list[str], columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)  # through main(): CliRunner fixes 80 columns
    code, text, _ = run_main(*command, "--help")
    assert code == 0
    for python_type in ("<bool>", "<str>", "<int", "list[", "<file>", "<dir>", "[x>=", "{PATH}"):
        assert python_type not in text
    prose = [line for line in text.splitlines() if not line.startswith("    factcheck ")]
    assert all(len(line) <= max(int(columns), 50) for line in prose)  # examples as written
    assert "..." not in text.replace("PATH...", "").replace("[ARGS]...", "")  # nothing cut
    # a path into factcheck's own docs is never presented as one in the reader's repository
    flowing = " ".join(text.split())
    for doc in re.finditer(r"docs/\w+\.md", flowing):
        assert flowing[: doc.start()].endswith("factcheck's "), (doc.group(), command)


def test_help_lists_the_valid_values_from_their_tables() -> None:
    from typer.testing import CliRunner

    from factcheck.render.registry import names

    text = " ".join(CliRunner().invoke(app, ["verify", "--help"]).stdout.split())
    for option in ("PATH...", "--format FORMAT", "--top N", "--budget N", "--jobs N"):
        assert option in text
    assert "--fail-on VERDICTS" in text and "--shard K/N" in text
    verdicts = bands.NAMES
    assert f"{', '.join(verdicts[:-1])} or {verdicts[-1]}" in text
    formats = names("audits")
    assert f"{', '.join(formats[:-1])} or {formats[-1]}" in text
    # numbers as a reader writes them, the defaults from limits.py
    assert f"from 1 to {limits.MAX_BUDGET:,}. Default: {limits.DEFAULT_BUDGET:,}." in text
    assert f"Default: {limits.DEFAULT_TOP}." in text and "[default:" not in text


@pytest.mark.parametrize("value", ["JSON", "Json"])
def test_format_names_in_any_case(run_main: Run, in_repo: Path, value: str) -> None:
    code, out, _ = run_main("verify", CLAIM, "--format", value)
    assert code == 0
    assert out.startswith("{")


@pytest.mark.parametrize(("option", "value"), [("--top", "0"), ("--budget", "-1"), ("--jobs", "0")])
def test_counts_are_at_least_one(run_main: Run, in_repo: Path, option: str, value: str) -> None:
    code, _, err = run_main("verify", CLAIM, option, value)
    assert code == 2
    assert f"Invalid value for '{option}'" in err and "less than 1" in err


@pytest.mark.parametrize(
    ("option", "value", "accepted"),
    [
        ("--tolerance", "0", True),
        ("--tolerance", "99.9%", True),
        ("--tolerance", "1", False),
        ("--tolerance", "100%", False),
        ("--tolerance", "-0.01", False),
        ("--tolerance", "NaN", False),
        ("--tolerance-points", "0", True),
        ("--tolerance-points", " 2.5 ", True),
        ("--tolerance-points", "100", True),
        ("--tolerance-points", "100.1", False),
        ("--tolerance-points", "-1", False),
        ("--tolerance-points", "1pp", False),
        ("--tolerance-points", "1e-100000000", False),  # would scale the search forever
        ("--max-terms", "1", True),
        ("--max-terms", "12", True),
        ("--max-terms", " ALL ", True),
        ("--max-terms", "0", False),
        ("--max-terms", "13", False),
    ],
)
def test_ranges_are_the_claim_formats(
    run_main: Run, in_repo: Path, option: str, value: str, accepted: bool
) -> None:
    code, _, err = run_main("verify", CLAIM, option, value, "--format", "json", "--top", "1")
    assert (code != 2) == accepted, err  # (a verdict that changes exits 3: accepted too)
    assert (f"Invalid value for '{option}'" in err) == (not accepted)


def test_tolerance_points_reach_the_json_search_block(run_main: Run, in_repo: Path) -> None:
    # Rule B2: the option overrides the claim's `tolerance_points` (default 1) and the JSON
    # `search` block reports the one used.
    claim = "claims/trump-2017-03-13-border-down-40pct.yaml"
    _, default, _ = run_main("verify", claim, "--format", "json")
    assert json.loads(default)["search"]["tolerance_points"] == 1
    _, given, _ = run_main("verify", claim, "--format", "json", "--tolerance-points", "0.25")
    assert json.loads(given)["search"]["tolerance_points"] == 0.25


def test_debug_shows_the_traceback_of_an_internal_error(
    run_main: Run, in_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("factcheck.batch.judge", broken)
    code, _, err = run_main("verify", CLAIM)
    assert code == 70
    assert "internal error: RuntimeError: a bug" in err
    assert "rerun with --debug" in err
    with pytest.raises(RuntimeError, match="a bug"):
        run_main("verify", CLAIM, "--debug")


@pytest.mark.parametrize("command", [["verify", CLAIM], ["check", CLAIM], ["schema", "claim"]])
def test_every_command_takes_debug(run_main: Run, in_repo: Path, command: list[str]) -> None:
    assert run_main(*command, "--debug") == run_main(*command)


def test_after_a_double_dash_debug_is_a_path(run_main: Run, in_repo: Path) -> None:
    code, _, err = run_main("verify", CLAIM, "--", "--debug")
    assert code == 1
    assert err.startswith("--debug:")
