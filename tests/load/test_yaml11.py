"""load/yaml11.py: YAML 1.1's octal, base-60 and boolean readings, refused where a number
or a count is expected and kept as the text written elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.load import load_claim
from tests.load.helpers import CLAIM, problems_of

SOURCE = "sources: [../source.yaml]\n"
FIGURE = "  - {{id: f, value: 100, unit: children, {extra}}}\n"


def _claim(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "claims" / "c.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / ".git").mkdir(exist_ok=True)
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("key", "written", "words"),
    [
        ("value", "0325000", "leading zero, so YAML 1.1 reads it as an octal number (as 109,056)"),
        ("value", "0325000", "; write 325000"),
        ("value", "-012", "octal number (as -10); write -12"),
        ("value", "00", "octal number (as 0); write 0"),
        ("value", "3:1", "base 60 (as 181)"),
        ("value", "1:30.5", "base 60 (as 90.5)"),
        ("value", "yes", "read by YAML as the boolean true, not a number"),
        ("value", "Off", "the boolean false"),
        ("max_terms", "yes", "the boolean true"),
        ("max_terms", "true", "the boolean true"),
        ("max_terms", "012", "octal number (as 10); write 12"),
        ("tolerance", "on", "the boolean true"),
        ("precision", "0100", "octal number (as 64); write 100"),
    ],
)  # fmt: skip
def test_a_misread_number_is_refused_with_what_yaml_read(
    tmp_path: Path, key: str, written: str, words: str
) -> None:
    text = CLAIM.replace("value: 32000\n", "") if key == "value" else CLAIM
    path = _claim(tmp_path, f"{text}{key}: {written}\nfigures: [{{id: f, value: 1, unit: x}}]\n")
    found = [p for p in problems_of(path) if p.key_path == key]
    assert len(found) == 1, found
    assert found[0].code == "FC205" and words in found[0].message
    assert (found[0].line, found[0].column) == (8 - (key == "value"), len(key) + 3)


def test_in_a_figure_too(tmp_path: Path) -> None:
    figures = (
        "figures:\n"
        + FIGURE.format(extra="precision: 010")
        + FIGURE.replace("id: f", "id: g").format(extra="page: 3")
    )
    path = _claim(tmp_path, CLAIM + figures.replace("value: 100", "value: 3:1", 1))
    found = {p.key_path: p.message for p in problems_of(path)}
    assert "base 60" in found["figures[0].value"]
    assert "write 10" in found["figures[0].precision"]


def test_where_text_is_expected_the_text_written_is_kept(tmp_path: Path) -> None:
    figures = "figures:\n" + FIGURE.format(extra="page: 012")
    case = load_claim(_claim(tmp_path, CLAIM + "venue: 10:30\n" + figures))
    assert case.claim.venue == "10:30"  # not 630
    assert case.figures[0].figure.page == "012"  # not 10


def test_underscores_are_a_number_as_written(tmp_path: Path) -> None:
    text = CLAIM.replace("value: 32000", "value: 32_000")
    case = load_claim(_claim(tmp_path, text + "figures: [{id: f, value: 1, unit: children}]\n"))
    assert case.claim.value == 32000


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("max_terms: 0x4\n", "hexadecimal number (as 4); write the number in digits"),
        ("max_terms: 0b11\n", "binary number (as 3)"),
        ("venue: no\n", "no is read by YAML as the boolean false; write it in quotes, 'no'"),
        ("expect: off\n", "the boolean false; write it in quotes, 'off'"),
    ],
)
def test_other_readings_nobody_meant(tmp_path: Path, line: str, words: str) -> None:
    path = _claim(tmp_path, CLAIM + line + "figures: [{id: f, value: 1, unit: children}]\n")
    [problem] = problems_of(path)
    assert problem.code == "FC205" and words in problem.message


def test_true_and_false_are_meant(tmp_path: Path) -> None:
    # `expect: false` is the verdict "false", as docs/format.md says
    text = CLAIM + "expect: false\nfigures: [{id: f, value: 1, unit: children}]\n"
    assert load_claim(_claim(tmp_path, text)).claim.expect == "false"


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("20240923", "dates are written YYYY-MM-DD, with the dashes (2024-09-23)"),
        ("2024.5", "got 2024.5: dates are written YYYY-MM-DD"),
        ("yes", "got true: dates are written YYYY-MM-DD"),
    ],
)
def test_a_date_written_as_a_number_is_told_how_dates_are_written(
    tmp_path: Path, written: str, words: str
) -> None:
    path = _claim(tmp_path, CLAIM.replace("date: 2024-09-23", f"date: {written}") + SOURCE)
    [problem] = [p for p in problems_of(path) if p.key_path == "date"]
    assert problem.code == "FC203" and words in problem.message
    assert (problem.line, problem.column) == (4, 7)
