"""inputs.py: input files opened without waiting, their type read from the descriptor,
their size bounded before reading; FACTCHECK_MAX_FILE_BYTES kept to its range."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck import inputs
from factcheck.config import load_config
from factcheck.errors import InputError, SettingError
from factcheck.inputs import NotAFile, TooLarge, max_file_bytes, read_bounded
from factcheck.load.text import read_text
from tests.conftest import hang_guard

posix = pytest.mark.skipif(os.name != "posix", reason="named pipes")


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 3_000_000)  # several chunks
    assert read_bounded(path, 3_000_000) == b"x" * 3_000_000
    with pytest.raises(TooLarge):
        read_bounded(path, 2_999_999)


@posix
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    with hang_guard(30), pytest.raises(NotAFile) as refused:
        read_bounded(pipe, 100)
    assert refused.value.what == "a named pipe"


@posix
def test_a_file_swapped_for_a_pipe_before_it_is_opened_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check is made on the open descriptor: whatever was true of the path a moment
    before (a regular file, as stat() said) cannot make the read wait."""
    path = tmp_path / "source.yaml"
    path.write_text("id: x\n")
    assert path.is_file()
    real_open = os.open

    def swap_then_open(name: object, flags: int, *args: object) -> int:
        if Path(str(name)) == path:
            path.unlink()
            os.mkfifo(path)
        return real_open(name, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(inputs.os, "open", swap_then_open)
    with hang_guard(30), pytest.raises(InputError) as refused:
        read_text(path)
    (problem,) = refused.value.problems
    assert problem.code == "FC101" and "named pipe" in problem.message


def test_a_huge_file_is_refused_before_a_byte_is_read(tmp_path: Path) -> None:
    big = tmp_path / "factcheck.toml"
    with big.open("wb") as handle:  # a sparse gigabyte: no disk, no time
        handle.truncate(1 << 30)
    with hang_guard(30):
        with pytest.raises(TooLarge):
            read_bounded(big, 1_048_576)
        (tmp_path / ".git").mkdir()
        with pytest.raises(InputError) as refused:
            load_config(tmp_path)
    (problem,) = refused.value.problems
    assert problem.code == "FC601" and "larger than the limit of 1,048,576 bytes" in problem.message


@pytest.mark.parametrize("value", ["", " "])
def test_an_empty_limit_is_the_default(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_FILE_BYTES", value)
    assert max_file_bytes() == 1_048_576


@pytest.mark.parametrize(
    "value",
    ["abc", "0", "-5", "1e6", "1.5", "²", "99999999999999999999", "1000000000000", "67108865"],
)
def test_a_limit_out_of_range_is_a_setting_error(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_FILE_BYTES", value)
    with pytest.raises(SettingError, match="FACTCHECK_MAX_FILE_BYTES"):
        max_file_bytes()


def test_the_largest_limit_reads_no_more_than_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_MAX_FILE_BYTES", "67108864")
    path = tmp_path / "c.yaml"
    path.write_text("id: x\n")
    assert read_text(path) == "id: x\n"
