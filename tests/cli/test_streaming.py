"""`verify --format jsonl` writes each claim's line as soon as that claim is judged.

Each test wraps the judge to note what stdout held when each claim's judging began: an
event order, not a clock.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from factcheck import batch
from factcheck.models import Audit
from tests.cli.conftest import Run
from tests.conftest import REPO

CLAIMS = [
    "claims/illustrative-mayor-created-12k-jobs.yaml",
    "claims/illustrative-rival-cut-7200-jobs.yaml",
    "claims/trump-2024-09-23-325k-migrant-children.yaml",  # false, as it expects
]
INVALID = "tests/cases/invalid/bad_value.yaml"


class Judging:
    """The judge, noting how many lines stdout held as each claim's judging began."""

    def __init__(self, capsys: pytest.CaptureFixture[str], interrupt_at: int | None = None) -> None:
        self.capsys = capsys
        self.interrupt_at = interrupt_at
        self.written = ""
        self.lines_before: list[int] = []
        self.watched: Path | None = None  # a file whose existence is noted too
        self.existed: list[bool] = []
        self.judge = batch.judge

    def __call__(self, *args: object, **kwargs: object) -> Audit:
        self.written += self.capsys.readouterr().out
        self.lines_before.append(self.written.count("\n"))
        if self.watched is not None:
            self.existed.append(self.watched.exists())
        if len(self.lines_before) == self.interrupt_at:
            raise KeyboardInterrupt
        return self.judge(*args, **kwargs)  # type: ignore[arg-type]

    def out(self, rest: str) -> str:
        return self.written + rest


@pytest.fixture
def judging(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], in_repo: Path
) -> Judging:
    spy = Judging(capsys)
    monkeypatch.setattr(batch, "judge", spy)
    return spy


def test_each_line_is_written_before_the_next_claim_is_judged(
    judging: Judging, run_main: Run
) -> None:
    code, rest, err = run_main("verify", *CLAIMS, "--format", "jsonl")
    assert (code, err) == (0, "")
    assert judging.lines_before == [0, 1, 2]
    lines = judging.out(rest).splitlines()
    assert [json.loads(line)["claim"]["id"] for line in lines] == [
        "illustrative-mayor-created-12k-jobs",
        "illustrative-rival-cut-7200-jobs",
        "trump-2024-09-23-325k-migrant-children",
    ]


@pytest.mark.parametrize("output_format", ["json", "rich", "markdown", "claimreview"])
def test_other_formats_are_written_once_the_batch_is_done(
    judging: Judging, run_main: Run, output_format: str
) -> None:
    code, rest, _ = run_main("verify", *CLAIMS, "--format", output_format)
    assert code == 0
    assert judging.lines_before == [0, 0, 0]
    assert rest


def test_an_output_file_is_written_whole_at_the_end(
    judging: Judging, run_main: Run, tmp_path: Path
) -> None:
    target = judging.watched = tmp_path / "audits.jsonl"
    code, rest, _ = run_main("verify", *CLAIMS, "--format", "jsonl", "-o", str(target))
    assert code == 0
    assert judging.out(rest) == ""
    assert judging.existed == [False, False, False]
    assert target.read_text(encoding="utf-8").count("\n") == 3
    judging.written = ""
    _, rest, _ = run_main("verify", *CLAIMS, "--format", "jsonl")
    assert target.read_text(encoding="utf-8") == judging.out(rest)


def test_ctrl_c_stops_after_the_lines_already_written(judging: Judging, run_main: Run) -> None:
    judging.interrupt_at = 3
    code, rest, err = run_main("verify", *CLAIMS, "--format", "jsonl")
    assert code == 130
    assert judging.out(rest).count("\n") == 2
    assert "Interrupted: 2 claims were verified before Ctrl-C." in err


def test_the_gate_still_holds_after_streaming(judging: Judging, run_main: Run) -> None:
    code, rest, err = run_main("verify", *CLAIMS, "--format", "jsonl", "--fail-on", "false")
    assert code == 3
    assert judging.out(rest).count("\n") == 3
    assert err == (
        "claims/trump-2024-09-23-325k-migrant-children.yaml: verdict false (listed in --fail-on)\n"
    )


def test_problems_are_reported_after_the_lines_that_streamed(
    judging: Judging, run_main: Run
) -> None:
    code, rest, err = run_main("verify", CLAIMS[0], INVALID, CLAIMS[1], "--format", "jsonl")
    assert code == 1
    assert judging.out(rest).count("\n") == 2
    assert err.startswith(f"{INVALID}:")
    assert err.endswith("1 problem in 1 file; `factcheck explain FC205` says more\n")


def test_json_conflicts_with_a_streamed_format(run_main: Run) -> None:
    code, out, err = run_main("verify", str(REPO / CLAIMS[0]), "--json", "--format", "jsonl")
    assert (code, out) == (2, "")
    assert "--json conflicts with --format jsonl" in err


class ClosedAfterOneLine(io.StringIO):
    """stdout piped into `head -1`: the second line finds the reader gone."""

    def write(self, text: str) -> int:
        if "\n" in self.getvalue():
            raise BrokenPipeError
        return super().write(text)

    def fileno(self) -> int:
        raise io.UnsupportedOperation("no file descriptor")


def test_a_reader_that_goes_away_stops_the_batch_quietly(
    judging: Judging, run_main: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdout = ClosedAfterOneLine()
    monkeypatch.setattr(sys, "stdout", stdout)
    code, _, err = run_main("verify", *CLAIMS, "--format", "jsonl")
    assert (code, err) == (0, "")
    assert stdout.getvalue().count("\n") == 1
    assert len(judging.lines_before) == 2  # the third claim is never judged
