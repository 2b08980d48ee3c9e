"""Hostile and broken inputs through the command line.

Every input here must end in a verdict (exit 0) or a clean error (exit 1) that names the
file (and the line, where there is one), with no traceback, without hanging, and without
changing any file. The inputs and their expected answers are listed in
tests/hostile_cases.py.

Each input runs through Typer's runner in this process (a new interpreter per run would
add half a second of imports to each of some 130 runs); a run still going after
HANG_SECONDS fails as hung. Issue 4's bound, an answer within 2 s including the
interpreter's start, is measured on demand with one real process per run, as
docs/benchmarks.md shows:
FACTCHECK_HOSTILE_SECONDS=2 python -m pytest -m "" tests/test_hostile.py
What only a real process shows (Ctrl-C, a closed pipe, a full disk, peak memory) is run in
one by the tests at the end.

Each test copies tests/cases/nasty/ into tmp_path/repo (a claims repository: it holds
.git) and runs there, so that a successful attack could only touch tmp_path, and every
file of tmp_path, of the repository's claims/ and sources/ and of tests/cases/nasty/ is compared
before and after.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from tests.conftest import REPO, hang_guard
from tests.hostile_cases import (
    CASES,
    NASTY,
    POSIX_ONLY,
    STRESS,
    Hostile,
    _write,
    claim,
    many_aliases,
    source,
)

# A hang guard, not a time limit: the slowest input takes about 2 s on a busy machine.
HANG_SECONDS = 60
# Issue 4's acceptance bound, checked only on demand (see the docstring): unset, no run is
# timed; set, each run is a real process and must answer within this many seconds.
BOUND = os.environ.get("FACTCHECK_HOSTILE_SECONDS")
MAX_SECONDS = float(BOUND) if BOUND else None
COMMANDS = ("verify", "check")
WATCHED = [REPO / "claims", REPO / "sources", NASTY]  # and all of tmp_path

# --- running them -------------------------------------------------------------------------


def snapshot(*folders: Path) -> dict[str, tuple[int, str]]:
    """Every file under the folders (symlinks and pipes as themselves): mtime and hash."""
    found: dict[str, tuple[int, str]] = {}
    for folder in folders:
        for path in _everything_under(folder):
            try:
                info = path.lstat()
            except OSError:  # a path past the system's length limit: its name is kept
                found[str(path)] = (0, "unreachable")
                continue
            if path.is_symlink() or not path.is_file():
                found[str(path)] = (
                    info.st_mtime_ns,
                    str(path.readlink()) if path.is_symlink() else "",
                )
            elif info.st_mode & 0o444:
                found[str(path)] = (info.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
            else:
                found[str(path)] = (info.st_mtime_ns, "unreadable")
    return found


def _everything_under(folder: Path) -> list[Path]:
    """Every file and folder under folder (symlinks not followed), sorted; folders that
    cannot be opened (past the path limit) are listed, not entered."""
    found: list[Path] = []
    for top, folders, files in os.walk(folder, onerror=lambda error: None):
        found.extend(Path(top) / name for name in [*folders, *files])
    return sorted(found)


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float


PLAIN = {"NO_COLOR": "1", "COLUMNS": "100"}
runner = CliRunner()


def run_in_process(*args: str, cwd: Path) -> Run:
    """`factcheck ARGS` through Typer's runner, from cwd, failing if it hangs."""
    started = time.perf_counter()
    with contextlib.chdir(cwd), hang_guard(HANG_SECONDS):
        result = runner.invoke(app, list(args), env={**PLAIN, "FACTCHECK_MAX_FILE_BYTES": None})
    seconds = time.perf_counter() - started
    # The runner turns an escaped exception into exit 1: a crash must not pass for an error.
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"factcheck {' '.join(args)} raised") from result.exception
    return Run(result.exit_code, result.stdout, result.stderr, seconds)


def run_cli(*args: str, cwd: Path, timeout: float = HANG_SECONDS) -> Run:
    """`factcheck ARGS` as its own process, from cwd, failing if it hangs."""
    env = {**os.environ, **PLAIN}
    env.pop("FACTCHECK_MAX_FILE_BYTES", None)
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "factcheck.cli", *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"factcheck {' '.join(args)} hung: no answer in {timeout} s")
    seconds = time.perf_counter() - started
    return Run(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
        seconds,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    shutil.copytree(NASTY, root / "nasty")
    return root


def _args(case: Hostile, repo: Path) -> list[str]:
    if case.build is None:
        return [f"nasty/{case.name}.yaml"]
    return case.build(repo)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, id=case.name, marks=[pytest.mark.slow] if case.name in STRESS else [])
        for case in CASES
    ],
)
def test_hostile_input_gets_a_clean_answer_in_time(
    case: Hostile, command: str, repo: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if case.name in POSIX_ONLY and os.name != "posix":
        pytest.skip("needs POSIX files")
    if case.name == "unreadable_claim" and os.geteuid() == 0:
        pytest.skip("root reads every file")
    args = _args(case, repo)
    before = snapshot(tmp_path, *WATCHED)
    if MAX_SECONDS is None:
        result = run_in_process(command, *args, cwd=repo)
    else:
        if case.known_bug and command == "verify":
            request.applymarker(pytest.mark.xfail(reason=case.known_bug, strict=False))
        result = run_cli(command, *args, cwd=repo)

    report = f"{case.name} ({command}): exit {result.code} in {result.seconds:.2f} s"
    print(report)
    both = result.out + result.err
    assert "Traceback" not in both, report
    assert "internal error" not in both, report
    assert result.code in (0, 1), f"{report}\n{result.err[-2000:]}"
    assert result.code == case.expected_exit(command), f"{report}\n{both[-2000:]}"
    assert MAX_SECONDS is None or result.seconds < MAX_SECONDS, report
    assert snapshot(tmp_path, *WATCHED) == before, "a file changed"
    assert not (repo / "factcheck-pwned").exists()
    if result.code == 0:
        flowing = " ".join(result.out.split())  # the terminal renderer wraps lines
        assert command == "check" or case.verdict in flowing, report
        return
    # `verify` reports problems on stderr, `check` on stdout: each problem a line
    problems = [line for line in both.splitlines() if re.search(r"\[FC\d{3}\]$", line)]
    assert problems, f"{report}: no problem line\n{both[-2000:]}"
    named = case.named or Path(args[0]).name
    for line in problems:
        if ": warning: " in line:  # `check` also warns about the valid files a claim names
            continue
        assert named in line.split(": ", 1)[0], f"{report}: {line[:300]}"
        if case.line:
            assert re.match(r".+?:\d+:\d+: ", line), f"{report}: no line in {line[:300]}"
    for code in case.codes:
        assert f"[{code}]" in both, f"{report}: no {code}\n{both[-3000:]}"
    assert case.output in both, f"{report}\n{both[-3000:]}"
    assert max(len(line) for line in problems) < 2_000, "a problem line runs on"


def test_every_committed_case_is_run() -> None:
    committed = {path.stem for path in NASTY.glob("*.yaml")} - {"source_base", "source_clash"}
    assert committed == {case.name for case in CASES if case.build is None}


def test_the_named_cases_exist() -> None:
    assert {case.name for case in CASES} >= STRESS | POSIX_ONLY


# --- interrupting, piping, memory -------------------------------------------------------


# The batch's first claims are answered at once, so that the first line comes out early;
# each later one takes seconds (many near-miss combinations), so that the batch is far from
# done when Ctrl-C comes, and stopping it there wastes little: no clock decides anything.
QUICK_CLAIMS = 4  # more than the first chunk a worker takes (workers.chunk_size: 1 or 2 here)


def _slow_batch(repo: Path, claims: int) -> None:
    """`claims` claims: QUICK_CLAIMS answered at once, then ones of seconds each."""
    figures = [
        f"{{id: f{i}, value: {1000 + 7 * i}, unit: people, described_as: [lost]}}"
        for i in range(60)
    ]
    _write(repo / "sources" / "slow.yaml", source(figures))
    for index in range(claims):
        quick = index < QUICK_CLAIMS  # the figure f0 alone says it
        _write(
            repo / "claims" / f"slow_{index:03}.yaml",
            claim(
                id=f"slow-{index:03}",
                value=1000 if quick else 6000 + index,
                max_terms=1 if quick else 5,
                sources=["../sources/slow.yaml"],
            ),
        )


@pytest.mark.skipif(os.name != "posix", reason="SIGINT")
def test_ctrl_c_during_a_batch_reports_what_it_finished(repo: Path) -> None:
    import threading  # here, not above: this test is the only user (and the CLI's to edit)

    _slow_batch(repo, 40)
    process = subprocess.Popen(
        [sys.executable, "-m", "factcheck.cli", "verify", "claims/", "--format", "jsonl"],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
        # A shell's background job inherits SIGINT ignored; Ctrl-C reaches a terminal's.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        # Unbuffered: readline() reads no further than the first line, so communicate()
        # gets every later one (workers hand on a chunk of lines at once).
        bufsize=0,
    )
    # No clock decides anything here: the test waits for the first claim's line (jsonl
    # streams claim by claim) and only then presses Ctrl-C, while the slow claims after the
    # quick ones (over a minute of work in all) are being judged. The timer is only a hang
    # guard, generous because on a busy machine one slow claim has taken over 10 s.
    hang_guard = threading.Timer(10 * HANG_SECONDS, process.kill)
    hang_guard.start()
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        process.send_signal(signal.SIGINT)
        rest, err = process.communicate()
    finally:
        hang_guard.cancel()
    errors = err.decode()
    assert first.startswith(b'{"schema_version"'), errors
    assert process.returncode == 130, errors
    assert "Traceback" not in errors
    finished = [first.decode().rstrip("\n"), *rest.decode().splitlines()]
    match = re.search(r"Interrupted: (\d+) claims were verified before Ctrl-C", errors)
    assert match, errors
    print(f"interrupted after {len(finished)} of 40 claims")
    assert 0 < len(finished) == int(match[1]) < 40
    assert all(line.startswith('{"schema_version"') for line in finished)


@pytest.mark.skipif(os.name != "posix", reason="a shell pipeline")
def test_a_closed_pipe_exits_quietly() -> None:
    done = subprocess.run(
        f"set -o pipefail; {sys.executable} -m factcheck.cli verify claims/ claims/ "
        "--format jsonl | head -1",
        shell=True,
        executable="/bin/bash",
        cwd=REPO,
        capture_output=True,
        timeout=HANG_SECONDS,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    assert done.stdout.startswith(b'{"schema_version"') and done.stdout.count(b"\n") == 1


SAME_SOURCE = "nasty/same_source_twice.yaml"


@pytest.mark.skipif(sys.platform != "linux", reason="/proc and /dev/full")
@pytest.mark.parametrize(
    ("redirect", "message"),
    [
        (["--output", "/proc/factcheck.json"], "/proc/factcheck.json: cannot write"),
        ([">", "/dev/full"], "No space left on device"),
    ],
)
def test_an_output_that_cannot_be_written_is_an_error_not_a_bug(
    redirect: list[str], message: str
) -> None:
    done = subprocess.run(
        " ".join([sys.executable, "-m", "factcheck.cli", "verify", SAME_SOURCE, *redirect]),
        shell=True,
        cwd=NASTY.parent,
        capture_output=True,
        timeout=HANG_SECONDS,
        check=False,
    )
    errors = done.stderr.decode()
    assert done.returncode == 1, errors
    assert message in errors and "Traceback" not in errors and "internal error" not in errors


def _peak_memory_mb(*args: str, cwd: Path) -> float:
    """Peak resident memory of one factcheck run, measured by a parent of its own."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], capture_output=True, check=False)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, sys.executable, "-m", "factcheck.cli", *args],
        cwd=cwd,
        capture_output=True,
        timeout=HANG_SECONDS,
        check=True,
    )
    kilobytes = int(done.stdout.split()[-1])  # Linux reports kilobytes
    return kilobytes / 1024


@pytest.mark.slow  # three interpreters, two of them on a megabyte of aliases
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss units")
def test_billion_laughs_memory_is_bounded(repo: Path) -> None:
    # The committed file (nine levels of nine) and one written to fill a megabyte.
    many_aliases(repo)
    baseline = _peak_memory_mb("verify", "nasty/same_source_twice.yaml", cwd=repo)
    laughs = _peak_memory_mb("verify", "nasty/billion_laughs.yaml", cwd=repo)
    aliases = _peak_memory_mb("verify", "claims/aliases.yaml", cwd=repo)
    print(
        f"peak memory: baseline {baseline:.0f} MB, laughs {laughs:.0f} MB, "
        f"190,000 aliases {aliases:.0f} MB"
    )
    assert laughs < 100 and aliases < 100
    assert laughs < baseline + 10
