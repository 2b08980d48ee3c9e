"""output.py: --output never over an input, never past a permission, never half a file;
pipes and terminals written by opening them."""

from __future__ import annotations

import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from factcheck.output import (
    OutputError,
    append_to,
    partial_path,
    refuse_inputs,
    write_all,
    write_output,
)
from tests.conftest import hang_guard

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX files")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_new_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    write_output(target, "{}\n")
    assert target.read_text() == "{}\n"
    assert _leftovers(tmp_path) == []


def test_an_input_is_never_written_over(tmp_path: Path) -> None:
    claim = tmp_path / "claim.yaml"
    claim.write_text("id: x\n")
    link = tmp_path / "link.json"
    link.symlink_to(claim)
    hard = tmp_path / "hard.json"
    os.link(claim, hard)
    for target in (claim, link, hard):
        with pytest.raises(OutputError, match="one of the run's inputs"):
            write_output(target, "report", [claim])
    assert claim.read_text() == "id: x\n"
    refuse_inputs(tmp_path / "new.json", [claim])  # nothing there yet: nothing to lose


def test_a_read_only_file_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n")
    target.chmod(0o444)
    with pytest.raises(OutputError, match=r"read-only \(mode 0444\)"):
        write_output(target, "new\n")  # refused even for root, who could replace it
    assert target.read_text() == "old\n"


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    write_output(link, "new\n")
    assert link.is_symlink() and real.read_text() == "new\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the file's mode is kept
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to("made.json")
    write_output(dangling, "made\n")
    assert dangling.is_symlink() and (tmp_path / "made.json").read_text() == "made\n"


@posix
def test_a_pipe_nobody_reads_is_an_error_not_a_wait(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    with hang_guard(30), pytest.raises(OutputError, match="no process is reading"):
        write_output(pipe, "x" * 100_000)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)  # still a pipe, not replaced by a file


@posix
def test_a_pipe_with_a_reader_gets_everything(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    keeper = os.open(pipe, os.O_WRONLY)  # the reader sees no end until this one closes too
    os.set_blocking(reader, True)
    received: list[bytes] = []

    def read() -> None:
        with os.fdopen(reader, "rb") as handle:
            received.append(handle.read())

    thread = threading.Thread(target=read)
    thread.start()
    try:
        with hang_guard(30):
            write_output(pipe, "x" * 300_000)  # more than a pipe holds: written as read
    finally:
        os.close(keeper)
        thread.join(30)
    assert received == [b"x" * 300_000]
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


@posix
def test_a_character_device_is_written_not_replaced() -> None:
    write_output(Path("/dev/null"), "discarded\n")
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


@posix
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(OutputError, match="it is a socket"):
            write_output(path, "x")
    finally:
        server.close()


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"folder .* does not exist"):
        write_output(tmp_path / "nowhere" / "report.json", "x")


def test_the_partial_file_sits_beside_the_report() -> None:
    assert partial_path(Path("out/report.json")) == Path("out/report.json.partial")


@posix
def test_the_step_summary_appends_and_never_waits_on_a_pipe(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier\n")
    append_to(summary, "later\n", "$GITHUB_STEP_SUMMARY")
    assert summary.read_text() == "earlier\nlater\n"
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with hang_guard(30), pytest.raises(OutputError, match=r"\$GITHUB_STEP_SUMMARY"):
        append_to(pipe, "x", "$GITHUB_STEP_SUMMARY")
    # with a reader waiting, it is refused all the same: a reader may stop reading
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        with hang_guard(30), pytest.raises(OutputError, match="named pipe, not a file"):
            append_to(pipe, "x", "$GITHUB_STEP_SUMMARY")
    finally:
        os.close(reader)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full")
def test_a_full_disk_is_an_error() -> None:
    descriptor = os.open("/dev/full", os.O_WRONLY)
    try:
        with pytest.raises(OSError, match="No space left"):
            write_all(descriptor, b"x" * 10)
    finally:
        os.close(descriptor)
