"""`factcheck.cli.run`, the program: it exits at once once the output is flushed, with the
exit code `main()` chose (docs/benchmarks.md: tearing the interpreter down cost 0.1 s)."""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import cli
from tests.conftest import REPO

PROGRAM = [sys.executable, "-m", "factcheck.cli"]


def test_the_whole_output_comes_before_the_exit() -> None:
    claim = REPO / "claims" / "trump-2024-09-23-325k-migrant-children.yaml"
    done = subprocess.run(
        [*PROGRAM, "verify", str(claim), "--format", "json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["verdict"] == "false"


def test_the_exit_code_is_mains(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed\n")
    done = subprocess.run(
        [*PROGRAM, "check", str(broken)], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert "broken.yaml:" in done.stdout
    assert done.stderr.startswith("checked 1 file: 1 error")


def test_a_closed_pipe_still_exits_quietly() -> None:
    # The reader stops after one line: the flush at the exit must not turn into a traceback.
    command = " ".join([*PROGRAM, "check", str(REPO / "tests" / "cases" / "check")])
    done = subprocess.run(
        f"{command} | head -1",
        shell=True,  # a fixed command line, to close the pipe early
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "100"},
    )
    assert "Traceback" not in done.stderr
    assert len(done.stdout.splitlines()) == 1


def test_a_profiler_still_gets_its_file(tmp_path: Path) -> None:
    # cProfile (like coverage) writes its file at the exit: run() then exits as Python does.
    stats = tmp_path / "run.prof"
    done = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(stats), "-m", "factcheck.cli", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert stats.stat().st_size > 0


# --- run() in process: the order of its steps, with os._exit replaced by a recorder --------


class _Exited(BaseException):
    """os._exit, recorded: raised so that the test's process goes on."""


class _Stream:
    """A stream that holds what is written until it is flushed, as a file's buffer does."""

    def __init__(
        self, events: list[str], name: str, *, fails: type[Exception] | None = None
    ) -> None:
        self.events, self.name, self.fails = events, name, fails
        self.held = ""

    def write(self, text: str) -> int:
        self.held += text
        return len(text)

    def flush(self) -> None:
        if self.fails is not None:
            raise self.fails("No space left on device")
        if self.held:
            self.events.append(f"{self.name}: {self.held}")
            self.held = ""


def _run_with(
    monkeypatch: pytest.MonkeyPatch,
    code: object,
    *,
    waiting: int = 0,
    fails: type[Exception] | None = None,
) -> list[str]:
    """cli.run() over a main() that writes to both streams without flushing and exits with
    code; what reached each stream, and how the process exited, in order."""
    events: list[str] = []
    monkeypatch.setattr(sys, "stdout", _Stream(events, "stdout", fails=fails))
    monkeypatch.setattr(sys, "stderr", _Stream(events, "stderr"))
    monkeypatch.setattr(sys, "gettrace", lambda: None)  # coverage may trace the tests
    monkeypatch.setattr(sys, "getprofile", lambda: None)
    monkeypatch.setattr(atexit, "_ncallbacks", lambda: waiting)

    def main() -> None:
        sys.stdout.write("the report\n")
        sys.stderr.write("a warning\n")
        raise SystemExit(code)

    def exit_at_once(status: int) -> None:
        events.append(f"os._exit({status})")
        raise _Exited

    monkeypatch.setattr(cli, "main", main)
    monkeypatch.setattr(os, "_exit", exit_at_once)
    try:
        cli.run()
    except _Exited:
        pass
    except SystemExit as exc:
        events.append(f"sys.exit({exc.code!r})")
    return events


@pytest.mark.parametrize("code", [0, 1, 2, 3, 130])
def test_run_flushes_both_streams_then_exits_with_mains_code(
    monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    events = _run_with(monkeypatch, code)
    assert events == ["stdout: the report\n", "stderr: a warning\n", f"os._exit({code})"]


def test_run_exits_as_python_does_where_an_atexit_hook_waits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Python's exit then flushes the streams and runs the hook (logging, coverage, ...).
    assert _run_with(monkeypatch, 1, waiting=1) == ["sys.exit(1)"]


@pytest.mark.parametrize("error", [OSError, ValueError, AttributeError])
def test_run_exits_as_python_does_where_a_flush_fails(
    monkeypatch: pytest.MonkeyPatch, error: type[Exception]
) -> None:
    # A full disk, a closed file, a stream that is no file: Python's own exit tries again
    # and turns a failed flush into its status, as it did before run() exited early.
    assert _run_with(monkeypatch, 0, fails=error) == ["sys.exit(0)"]


@pytest.mark.parametrize("code", [None, "a message for stderr"])
def test_run_leaves_codes_that_are_not_numbers_to_python(
    monkeypatch: pytest.MonkeyPatch, code: object
) -> None:
    assert _run_with(monkeypatch, code) == [f"sys.exit({code!r})"]


def test_an_output_file_is_whole_and_alone_when_run_exits(tmp_path: Path) -> None:
    # --output is written to a temporary file and renamed before main() returns: after the
    # early exit the report is complete and no temporary file is left beside it.
    claim = REPO / "claims" / "trump-2024-09-23-325k-migrant-children.yaml"
    report = tmp_path / "report.json"
    done = subprocess.run(
        [*PROGRAM, "verify", str(claim), "--format", "json", "-o", str(report)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(report.read_text())["verdict"] == "false"
    assert [path.name for path in tmp_path.iterdir()] == ["report.json"]


def test_stdout_to_a_file_holds_the_whole_batch(tmp_path: Path) -> None:
    # A file, unlike a pipe, is fully buffered: every claim's line must be in it.
    out = tmp_path / "out.jsonl"
    with out.open("w") as handle:
        done = subprocess.run(
            [*PROGRAM, "verify", "claims", "--format", "jsonl"],
            cwd=REPO,
            stdout=handle,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode in (0, 1), done.stderr
    claims = sorted((REPO / "claims").glob("*.yaml"))
    lines = out.read_text().splitlines()
    assert len(lines) == len(claims)
    assert all(json.loads(line)["claim"]["id"] for line in lines)
