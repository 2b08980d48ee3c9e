"""Faults of the process around a run: closed streams, a full disk or a file-size limit,
settings out of range, an --output that must not be written, Ctrl-C with --output."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import batch
from tests.cli.conftest import Run
from tests.conftest import REPO, hang_guard

CLAIM = "claims/illustrative-mayor-created-12k-jobs.yaml"
HANG_SECONDS = 60
posix = pytest.mark.skipif(os.name != "posix", reason="POSIX descriptors and limits")


def _run(*args: str, cwd: Path = REPO, **options: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("FACTCHECK_MAX_FILE_BYTES", None)
    return subprocess.run(
        [sys.executable, "-m", "factcheck.cli", *args],
        cwd=cwd,
        env=env,
        text=True,
        timeout=HANG_SECONDS,
        check=False,
        **options,  # type: ignore[call-overload]
    )


@posix
@pytest.mark.parametrize(
    "args", [["verify", CLAIM], ["check", "tests/cases/check"], ["schema", "claim"]]
)
def test_a_closed_stdout_is_an_error_not_a_crash(args: list[str], tmp_path: Path) -> None:
    done = _run(*args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_close_stdout)
    assert done.returncode == 1, done.stderr
    assert "standard output is closed" in done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr


@posix
def test_a_closed_stdout_does_not_matter_with_output(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    done = _run(
        "verify", CLAIM, "--json", "-o", str(report),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_close_stdout,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(report.read_text())["claim"]["id"] == "illustrative-mayor-created-12k-jobs"


@posix
def test_a_closed_stderr_keeps_the_exit_code() -> None:
    done = _run("verify", "claims/missing.yaml", capture_output=True, preexec_fn=_close_stderr)
    assert done.returncode == 1 and done.stdout == ""


def _close_stdout() -> None:
    os.close(1)


def _close_stderr() -> None:
    os.close(2)


@posix
@pytest.mark.parametrize("format_", ["json", "jsonl", "markdown"])
def test_a_file_size_limit_fails_the_run_instead_of_cutting_it(
    tmp_path: Path, format_: str
) -> None:
    out = tmp_path / "out.txt"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    with out.open("w") as handle:
        done = _run(
            "verify", "claims/", "--format", format_,
            stdout=handle, stderr=subprocess.PIPE, preexec_fn=limit,
        )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "cannot write the result to standard output: File too large" in done.stderr
    assert out.stat().st_size <= 4096


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full")
def test_a_full_disk_fails_the_run() -> None:
    with open("/dev/full", "w") as full:  # noqa: PTH123
        done = _run("verify", CLAIM, "--json", stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 1
    assert "No space left on device" in done.stderr


@posix
def test_an_output_symlinked_to_stdout_is_written_through_it(tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to("/proc/self/fd/1")
    done = _run("verify", CLAIM, "--json", "-o", str(link), capture_output=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["claim"]["id"] == "illustrative-mayor-created-12k-jobs"
    assert link.is_symlink()


@posix
def test_a_step_summary_that_is_a_pipe_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "summary"
    os.mkfifo(pipe)
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(pipe), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "factcheck.cli", "check", CLAIM, "--format", "github"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=HANG_SECONDS, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "cannot write $GITHUB_STEP_SUMMARY" in done.stderr and "named pipe" in done.stderr


@pytest.mark.parametrize("columns", ["0", "5", "5000000", "100000000", "abc", "-3"])
def test_any_columns_gives_the_report_quickly(
    run_main: Run, in_repo: Path, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    with hang_guard(HANG_SECONDS):
        code, out, err = run_main("verify", CLAIM)
    assert code == 0, err
    assert "12,000" in out.replace("\n", " ")
    assert max(len(line) for line in out.splitlines()) <= 1_000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tolerance", "1e-100000000"], "at most 8 decimal places"),
        (["--tolerance", "1e-100000000%"], "at most 8 decimal places"),
        (["--tolerance", "1e999999999"], "from 0 to below 1"),
        (["--budget", "99999999999999999999"], "--budget"),
        (["--top", "0"], "--top"),
        (["--max-terms", "99999999999999999999"], "from 1 to 12"),
    ],
)
def test_options_out_of_range_are_usage_errors(
    run_main: Run, in_repo: Path, args: list[str], message: str
) -> None:
    with hang_guard(HANG_SECONDS):
        code, _, err = run_main("verify", CLAIM, *args)
    assert code == 2, err
    assert message in err


@pytest.mark.parametrize("command", ["verify", "check"])
@pytest.mark.parametrize("value", ["99999999999999999999", "1000000000000", "abc", "0"])
def test_a_file_size_limit_out_of_range_is_a_usage_error(
    run_main: Run, in_repo: Path, monkeypatch: pytest.MonkeyPatch, command: str, value: str
) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_FILE_BYTES", value)
    code, _, err = run_main(command, CLAIM)
    assert code == 2
    assert "FACTCHECK_MAX_FILE_BYTES" in err and "from 1 to 67,108,864" in err


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    for folder in ("claims", "sources"):
        shutil.copytree(REPO / folder, root / folder)
    monkeypatch.chdir(root)
    return root


def test_output_onto_an_input_is_refused_before_any_work(run_main: Run, repo: Path) -> None:
    claim = repo / CLAIM
    before = claim.read_bytes()
    code, out, err = run_main("verify", CLAIM, "-o", CLAIM)
    assert code == 1 and out == ""
    assert "one of the run's inputs" in err
    assert claim.read_bytes() == before


def test_output_onto_a_source_is_refused(run_main: Run, repo: Path) -> None:
    source = next((repo / "sources").glob("*.yaml"))
    named = [c for c in (repo / "claims").glob("*.yaml") if source.name in c.read_text()]
    before = source.read_bytes()
    code, _, err = run_main("verify", str(named[0]), "--json", "-o", str(source))
    assert code == 1
    assert "one of the run's inputs" in err
    assert source.read_bytes() == before


def test_output_onto_a_read_only_file_is_refused(run_main: Run, repo: Path) -> None:
    report = repo / "report.json"
    report.write_text("old\n")
    report.chmod(0o444)
    code, _, err = run_main("verify", CLAIM, "--json", "-o", "report.json")
    assert code == 1 and "read-only" in err
    assert report.read_text() == "old\n"


def test_ctrl_c_keeps_the_old_report_and_writes_what_finished_beside_it(
    run_main: Run, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = repo / "report.json"
    report.write_text('["the previous complete report"]\n')
    judged = []
    real_judge = batch.judge

    def judge_then_ctrl_c(*args: object, **kwargs: object) -> object:
        if len(judged) == 3:
            raise KeyboardInterrupt  # Ctrl-C while the fourth claim is judged
        judged.append(1)
        return real_judge(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "judge", judge_then_ctrl_c)
    # One job: the judge patched here runs in this process (a batch of 16 or more shipped
    # claims would otherwise go to worker processes, which the patch does not reach).
    code, _, err = run_main("verify", "claims/", "--json", "-o", "report.json", "--jobs", "1")
    assert code == 130
    assert report.read_text() == '["the previous complete report"]\n'
    partial = json.loads((repo / "report.json.partial").read_text())
    assert len(partial) == 3
    assert "The 3 finished claims are in report.json.partial; report.json was left" in err
    assert sorted(p.name for p in repo.iterdir() if p.name.endswith(".tmp")) == []


def test_a_gigabyte_config_is_refused_unread(run_main: Run, repo: Path) -> None:
    with (repo / "factcheck.toml").open("wb") as handle:  # sparse: no disk, no time
        handle.truncate(1 << 30)
    with hang_guard(HANG_SECONDS):
        code, _, err = run_main("verify", CLAIM, "--format", "claimreview")
    assert code == 1
    assert "factcheck.toml: cannot read the config file: it is larger than the limit" in err
    assert "[FC601]" in err
