"""`verify --jobs N` and `--shard K/N`: the same bytes whatever N, every claim in exactly one
shard, and Ctrl-C still reports what finished."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.conftest import REPO
from tests.hostile_cases import claim, source

HANG_SECONDS = 120  # a hang guard for runs in a process of their own, not a time limit
FORMATS = ["rich", "json", "jsonl", "markdown", "claimreview"]


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example claims and sources, with an invalid claim, a draft and a source file
    among the claims: everything a batch hands on, in a repository of its own."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    shutil.copytree(REPO / "claims", root / "claims")
    shutil.copytree(REPO / "sources", root / "sources")
    (root / "claims" / "m-broken.yaml").write_text("id: [unclosed\n")
    (root / "claims" / "n-draft.yaml").write_text(
        claim(id="n-draft", speaker="TODO: who said it", sources=["../sources/dhs-oig-24-46.yaml"])
    )
    shutil.copy(root / "sources" / "dhs-oig-24-46.yaml", root / "claims" / "o-source.yaml")
    monkeypatch.chdir(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    return root


@pytest.mark.parametrize("output_format", FORMATS)
def test_the_output_is_the_same_whatever_the_number_of_jobs(
    run_main: Run, archive: Path, output_format: str
) -> None:
    one = run_main("verify", "claims/", "--format", output_format, "--jobs", "1")
    assert one[0] == 1  # the broken claim and the draft
    assert "m-broken.yaml:2:1: invalid YAML" in one[2] and "[FC503]" in one[2]
    for jobs in ("2", "3"):
        assert run_main("verify", "claims/", "--format", output_format, "--jobs", jobs) == one


def test_a_command_of_its_own_forks_its_workers_and_agrees(archive: Path) -> None:
    # In this test process other threads run, so the workers above came from a fork
    # server; a command has one thread and forks them (workers.py): both ways, one answer.
    runs = [
        subprocess.run(
            [sys.executable, "-m", "factcheck.cli", "verify", "claims/", "-f", "jsonl", "-j", jobs],
            capture_output=True,
            env={**os.environ, "NO_COLOR": "1"},
            timeout=HANG_SECONDS,
            check=False,
        )
        for jobs in ("1", "2")
    ]
    assert runs[0].returncode == runs[1].returncode == 1
    assert runs[0].stdout == runs[1].stdout
    assert runs[0].stderr == runs[1].stderr
    assert runs[0].stdout.count(b"\n") == len(list((REPO / "claims").glob("*.yaml")))


def test_the_shards_of_a_matrix_verify_every_claim_once(run_main: Run, archive: Path) -> None:
    _, whole, _ = run_main("verify", "claims/", "--format", "jsonl", "--allow-draft")
    lines = whole.splitlines()
    parts = []
    kept: list[int] = []
    for index in range(1, 4):
        _, out, err = run_main(
            "verify", "claims/", "--format", "jsonl", "--allow-draft", "--shard", f"{index}/3"
        )
        parts.append(out.splitlines())
        said = re.search(rf"^--shard {index}/3: (\d+) of (\d+) files in this part$", err, re.M)
        assert said is not None, err
        kept.append(int(said[1]))
        assert int(said[2]) == len(list(Path("claims").glob("*.yaml")))
        assert out.splitlines() == [line for line in lines if line in out.splitlines()]  # order
    assert sorted(line for part in parts for line in part) == sorted(lines)
    assert all(parts)
    assert sum(kept) == len(list(Path("claims").glob("*.yaml")))  # every file in one part


def test_a_shard_that_holds_no_claim_is_no_error(run_main: Run, archive: Path) -> None:
    from factcheck.shards import part_of, repository_path

    seed = Path("claims/trump-2024-09-23-325k-migrant-children.yaml")
    other = 1 if part_of(repository_path(seed), 2) == 2 else 2
    none = run_main("verify", str(seed), "--shard", f"{other}/2", "-f", "json")
    assert none == (0, "[]\n", f"--shard {other}/2: 0 of 1 file in this part\n")
    code, out, err = run_main("verify", str(seed), "--shard", f"{3 - other}/2", "-f", "json")
    assert code == 0 and json.loads(out)["claim"]["id"] == seed.stem
    assert err == f"--shard {3 - other}/2: 1 of 1 file in this part\n"


@pytest.mark.parametrize("value", ["0/2", "3/2", "2", "1/x"])
def test_a_bad_shard_is_a_usage_error(run_main: Run, archive: Path, value: str) -> None:
    code, out, err = run_main("verify", "claims/", "--shard", value)
    assert (code, out) == (2, "")
    assert "Invalid value for '--shard'" in err


CLAIMS = 60


@pytest.mark.skipif(os.name != "posix", reason="SIGINT")
def test_ctrl_c_with_workers_reports_what_finished(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    figures = [
        f"{{id: f{i}, value: {1000 + 7 * i}, unit: people, described_as: [lost]}}"
        for i in range(60)
    ]
    (root / "sources").mkdir()
    (root / "sources" / "slow.yaml").write_text(source(figures))
    (root / "claims").mkdir()
    for index in range(CLAIMS):  # claims of some hundredths of a second each
        (root / "claims" / f"slow_{index:03}.yaml").write_text(
            claim(
                id=f"slow-{index:03}",
                value=6000 + index,
                max_terms=4,
                sources=["../sources/slow.yaml"],
            )
        )
    process = subprocess.Popen(
        [sys.executable, "-m", "factcheck.cli", "verify", "claims/", "-f", "jsonl", "-j", "2"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
        # A group of its own, so that Ctrl-C reaches the command and its workers, as a
        # terminal's does; a background job inherits SIGINT ignored, a terminal's does not.
        start_new_session=True,
        bufsize=0,  # readline() reads no further than the first line: communicate() gets the rest
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    # Ctrl-C once the first claim's line is out (an event, not a clock); the timer only
    # guards against a hang.
    guard = threading.Timer(10 * HANG_SECONDS, process.kill)
    guard.start()
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        os.killpg(process.pid, signal.SIGINT)
        rest, err = process.communicate()
    finally:
        guard.cancel()
    errors = err.decode()
    assert process.returncode == 130, errors
    assert "Traceback" not in errors
    finished = [first.decode().rstrip("\n"), *rest.decode().splitlines()]
    match = re.search(r"Interrupted: (\d+) claims? (?:was|were) verified before Ctrl-C", errors)
    assert match, errors
    assert 0 < len(finished) == int(match[1]) < CLAIMS
    ids = [json.loads(line)["claim"]["id"] for line in finished]
    assert ids == [f"slow-{index:03}" for index in range(len(ids))]  # in order, none missed
