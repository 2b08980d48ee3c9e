"""`factcheck.cli.run`, the program: it exits at once once the output is flushed, with the
exit code `main()` chose (docs/benchmarks.md: tearing the interpreter down cost 0.1 s)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
    assert "factcheck check: 1 error" in done.stderr


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
