"""`factcheck verify` end to end: golden output, the seed's acceptance, exit codes, safety."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from tests.conftest import CLAIMS, REPO, CaseWriter, assert_golden

SEED = "claims/trump-2024-09-23-325k-migrant-children.yaml"
PLAIN = {"COLUMNS": "100", "NO_COLOR": "1"}
HANG_SECONDS = 120  # a hang guard for the runs in a process of their own, not a time limit
runner = CliRunner()


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={**PLAIN, **(env or {})})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda p: p.stem)
def test_json_output_matches_golden(in_repo: Path, claim: Path) -> None:
    code, out, _ = invoke("verify", str(claim.relative_to(REPO)), "--json")
    assert code == 0
    assert_golden(REPO / "tests" / "golden" / "json" / f"{claim.stem}.json", out)


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda p: p.stem)
def test_plain_text_output_matches_golden(in_repo: Path, claim: Path) -> None:
    code, out, _ = invoke("verify", str(claim.relative_to(REPO)))
    assert code == 0
    assert "\x1b[" not in out  # no escape codes when not a terminal
    assert_golden(REPO / "tests" / "golden" / "text" / f"{claim.stem}.txt", out)


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda p: p.stem)
def test_example_claims_give_the_verdict_they_show(in_repo: Path, claim: Path) -> None:
    code, out, _ = invoke("verify", str(claim.relative_to(REPO)), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["expect"] is not None, "every example claim states the verdict it shows"
    assert data["verdict"] == data["expect"]


def test_seed_claim_acceptance(in_repo: Path) -> None:
    code, out, _ = invoke("verify", SEED, "--json")
    data = json.loads(out)
    assert code == 0
    assert data["verdict"] == "false"
    first = data["combinations"][0]
    assert [t["figure"] for t in first["terms"]] == ["no_nta", "failed_to_appear"]
    assert first["value"] == 323000
    assert first["match"] == "approximate"
    assert first["relative_difference"] == pytest.approx(-0.006, abs=0.0005)
    assert "no_nta" in first["unsupported_figures"]
    assert first["supported_share"]["high"] <= 0.1
    kinds = {note["kind"] for note in data["notes"]}
    assert {"period", "extent", "also_asserts"} <= kinds
    period = next(n["message"] for n in data["notes"] if n["kind"] == "period")
    assert "46.1%" in period and "2018-10-01" in period
    for key in ("schema_version", "claim", "basis", "reproduced", "unused_figures"):
        assert key in data


def test_terminal_output_is_styled_on_a_tty(in_repo: Path) -> None:
    from factcheck import audit
    from factcheck.render.terminal import render_audit, to_text

    styled = to_text(render_audit(audit(SEED)), plain=False, width=100)
    assert "\x1b[" in styled and "FALSE" in styled


def test_invalid_claim_exits_1_naming_file_and_line(write_case: CaseWriter) -> None:
    path = write_case([{"id": "a", "value": 1, "unit": "people"}], value="lots")
    code, out, err = invoke("verify", str(path))
    assert code == 1
    assert out == ""
    assert f"{path}:9:8: value: cannot read 'lots' as a number" in err
    assert "Traceback" not in err


def test_usage_error_exits_2() -> None:
    code, _, err = invoke("verify", SEED, "--tolerance", "2")
    assert code == 2
    assert "tolerance" in err


def test_fail_on_exits_3(in_repo: Path) -> None:
    code, _, err = invoke("verify", "claims/", "--fail-on", "false")
    assert code == 3
    assert "trump-2024-09-23-325k-migrant-children.yaml: verdict false" in err


def test_expect_mismatch_exits_3(write_case: CaseWriter) -> None:
    path = write_case(
        [{"id": "a", "value": 5, "unit": "people", "described_as": ["missing"]}],
        value=5,
        expect="false",
    )
    code, _, err = invoke("verify", str(path))
    assert code == 3
    assert "verdict supported (expected false)" in err


def test_batch_reports_invalid_file_and_verifies_the_rest(
    write_case: CaseWriter, tmp_path: Path
) -> None:
    write_case([{"id": "a", "value": 5, "unit": "people", "described_as": ["missing"]}], value=5)
    (tmp_path / "claims" / "broken.yaml").write_text("id: [unclosed\n")
    code, out, err = invoke("verify", str(tmp_path / "claims"), "--format", "jsonl")
    assert code == 1
    assert "broken.yaml:2:1: invalid YAML" in err
    lines = out.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["verdict"] == "supported"


def test_output_file_is_written_and_inputs_untouched(in_repo: Path, tmp_path: Path) -> None:
    inputs = [REPO / SEED, REPO / "sources" / "dhs-oig-24-46.yaml"]
    before = [hashlib.sha256(p.read_bytes()).hexdigest() for p in inputs]
    target = tmp_path / "out.json"
    code, out, _ = invoke("verify", SEED, "--json", "--output", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["verdict"] == "false"
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in inputs] == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary left behind


def _start(*args: str, seed: str) -> subprocess.Popen[bytes]:
    """A new interpreter: the hash seed is fixed when it starts."""
    env = {**os.environ, "PYTHONHASHSEED": seed, **PLAIN}
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck.cli", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.slow  # six interpreters, each verifying every claim
@pytest.mark.parametrize("fmt", ["--json", "--format=rich"])
def test_output_is_byte_identical_across_hash_seeds(fmt: str) -> None:
    # Started together and then read: one wait for three runs, on as many cores as there are.
    processes = [_start("verify", "claims/", fmt, seed=seed) for seed in ("0", "1", "12345")]
    try:
        outputs = [process.communicate(timeout=HANG_SECONDS)[0] for process in processes]
    finally:
        for process in processes:
            process.kill()  # after a hang; nothing once a process has ended
    assert processes[0].returncode == 0
    assert outputs[0] and outputs[1] == outputs[0] == outputs[2]


def test_closed_pipe_is_quiet() -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "factcheck.cli",
            "verify",
            "claims/",
            "claims/",
            "--format",
            "jsonl",
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.readline()
    process.stdout.close()  # what `| head -1` does
    _, err = process.communicate(timeout=HANG_SECONDS)
    assert b"Traceback" not in err


def test_version() -> None:
    code, out, _ = invoke("--version")
    assert code == 0 and out.startswith("factcheck ")


def test_a_typo_is_one_problem_and_named_sources_are_still_read(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    claim = tmp_path / "c.yaml"
    claim.write_text(
        "id: c\ntext: t\nspeakr: S\ndate: 2024-01-01\nvalue: about 3,000\nunit: people\n"
        "asserts: lost\nsources: [missing.yaml]\n"
    )
    code, _, err = invoke("verify", str(claim))
    assert code == 1
    assert "missing required key 'speaker'" not in err  # the typo says it already
    assert f"{claim}:3:1: speakr: unknown key 'speakr' (did you mean 'speaker'?)" in err
    assert "write `value: 3,000` and `qualifier: about`" in err
    assert f"{claim}:8:11: sources[0]: source file 'missing.yaml' not found" in err


def test_output_file_gets_the_usual_permissions(in_repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    umask = os.umask(0o022)
    try:
        code, _, _ = invoke("verify", SEED, "--format", "markdown", "--output", str(target))
    finally:
        os.umask(umask)
    assert code == 0
    assert target.stat().st_mode & 0o777 == 0o644


def test_problems_name_files_as_check_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "factcheck.toml").write_text("")
    (tmp_path / "claims").mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "s.yaml").write_text(
        "id: s\ntitle: T\npublisher: P\npublished: 2024-01-01\nfigures:\n"
        "  - {id: a, value: lots, unit: people}\n"
    )
    (tmp_path / "claims" / "c.yaml").write_text(
        'id: c\ntext: "They lost 5 people."\nspeaker: X\ndate: 2024-02-01\nvalue: 5\n'
        "unit: people\nasserts: lost\nsources: [../sources/s.yaml, ../sources/gone.yaml]\n"
    )
    monkeypatch.chdir(tmp_path)
    code, _, stderr = invoke("verify", "claims/c.yaml")
    assert code == 1
    assert "looked for sources/gone.yaml)" in stderr
    assert "\nsources/s.yaml:6:" in f"\n{stderr}"  # not claims/../sources/s.yaml
    assert "../" not in stderr.replace("'../sources/", "")


def test_a_batch_ends_with_its_totals_for_people_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = tmp_path / "claims"
    claims.mkdir()
    seed = REPO / "claims" / "illustrative-mayor-created-12k-jobs.yaml"
    text = seed.read_text(encoding="utf-8").replace("../sources/", f"{REPO}/sources/")
    (claims / "good.yaml").write_text(text, encoding="utf-8")
    (claims / "broken.yaml").write_text(text.replace("value: 12000", "value: lots"))
    monkeypatch.chdir(tmp_path)
    code, _, stderr = invoke("verify", "claims", "--root", str(REPO.parent))
    assert code == 1
    last = stderr.splitlines()[-1]
    assert last == (
        "2 claim files: 1 judged (1 as expected, 0 differ), 1 invalid (the problems above)"
    )
    code, _, stderr = invoke("verify", "claims", "--root", str(REPO.parent), "--format", "jsonl")
    assert code == 1
    assert "claim files" not in stderr  # machine formats: problems only
