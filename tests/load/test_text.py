"""load/text.py: a file's text, refused early (and located) when it is no YAML text."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.load import load_claim
from factcheck.load.text import read_text
from tests.load.helpers import CLAIM, problems_of


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(CLAIM.encode() + "venue: Caf\u00e9\n".encode("latin-1"))
    (problem,) = problems_of(path)
    assert (problem.line, problem.column, problem.code) == (8, 11, "FC106")
    assert "not valid UTF-8 (byte 0xe9)" in problem.message


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    text = CLAIM + "figures:\n  - {id: missing, value: 32000, unit: children}\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    case = load_claim(path)
    assert case.claim.id == "a-claim"
    # and lines are still counted from the first line after the mark
    path.write_bytes(
        b"\xef\xbb\xbf" + text.replace("unit: children\n", "unti: children\n").encode()
    )
    lines = [(problem.line, problem.code) for problem in problems_of(path)]
    assert (6, "FC202") in lines


def test_a_nul_byte_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_bytes(CLAIM.encode() + b"venue: a\x00b\n")
    (problem,) = problems_of(path)
    assert (problem.line, problem.code) == (8, "FC106")


def test_a_control_character_is_located(tmp_path: Path) -> None:
    path = tmp_path / "bell.yaml"
    path.write_bytes(b"id: x\ntext: a\x07b\n")
    with pytest.raises(InputError) as caught:
        read_text(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.code) == (2, 8, "FC106")
    assert "U+0007" in problem.message


def test_a_file_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(CLAIM, encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_MAX_FILE_BYTES", "20")
    (problem,) = problems_of(path)
    assert problem.code == "FC105"
    assert "FACTCHECK_MAX_FILE_BYTES" in problem.message
