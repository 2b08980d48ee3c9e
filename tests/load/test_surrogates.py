"""load/surrogates.py: a \\u escape that names no character is refused where it stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.load import PURE_PYTHON_BYTES
from tests.load.helpers import CLAIM, problems_of


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ('venue: "Rally \\uD800"\n', (8, 8)),
        ('venue: "\\udfff"\n', (8, 8)),
        ('venue: "\\U0000DBFF"\n', (8, 8)),
        ('venue: "pair written in UTF-16: \\uD83D\\uDE00"\n', (8, 8)),
        ('"\\uD800": 1\n', (8, 1)),  # a key
        ('venue: "\\U00110000"\n', (8, 9)),  # past the last code point
        ('venue: [a, {b: "\\ud800"}]\n', (8, 16)),
    ],
)
def test_a_lone_surrogate_is_refused_with_its_place(
    tmp_path: Path, line: str, place: tuple[int, int]
) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(CLAIM + line)
    problems = [p for p in problems_of(path) if p.code == "FC106"]
    assert len(problems) == 1, problems
    assert (problems[0].line, problems[0].column) == place
    assert "names no character" in problems[0].message
    problems[0].format().encode("utf-8")  # the message itself holds no surrogate


def test_in_a_large_file_too(tmp_path: Path) -> None:
    # Past PURE_PYTHON_BYTES libyaml's refusal is reported, in the same words.
    path = tmp_path / "c.yaml"
    path.write_text(CLAIM + f"# {'x' * PURE_PYTHON_BYTES}\n" + 'venue: "\\uD800"\n')
    [problem] = problems_of(path)
    assert (problem.code, problem.line) == ("FC106", 9)
    assert "names no character" in problem.message


def test_a_character_written_whole_or_as_a_32_bit_escape_is_fine(tmp_path: Path) -> None:
    from factcheck.load import load_claim

    path = tmp_path / "c.yaml"
    path.write_text(
        CLAIM
        + 'venue: "\\U0001F600 \U0001f600 \\\\uD800 literally"\n'
        + "figures: [{id: f, value: 1, unit: children}]\n"
    )
    assert load_claim(path).claim.venue == "\U0001f600 \U0001f600 \\uD800 literally"
