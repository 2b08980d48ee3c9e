"""A claim's or source's url: control characters, line breaks and bidi controls refused at
load, with the file and the line (a line break in a url once ended a Markdown link early)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.load import load_claim
from tests.load.helpers import CLAIM, problems_of

FIGURES = "figures: [{id: f, value: 1, unit: children}]\n"


@pytest.mark.parametrize(
    ("url", "code_point"),
    [
        ("https://x.example/a\n\n**Ruling: True.**", "U+000A"),
        ("https://x.example/a\rb", "U+000D"),
        ("https://x.example/\x1b]8;;https://evil.example\x1b\\", "U+001B"),
        ("https://x.example/\u202egpj.exe", "U+202E"),
        ("https://x.example/\x85", "U+0085"),
        ("https://x.example/\u2028", "U+2028"),
    ],
)
def test_a_url_with_a_control_character_is_refused(
    tmp_path: Path, url: str, code_point: str
) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(CLAIM + f"url: {json.dumps(url)}\n" + FIGURES)
    [problem] = problems_of(path)
    assert (problem.line, problem.column, problem.key_path) == (8, 6, "url")
    assert problem.code == "FC205" and f"control character {code_point}" in problem.message


def test_in_a_source_too(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "s.yaml").write_text(
        'id: s\ntitle: T\npublisher: P\npublished: 2024-01-01\nurl: "https://a.example/\\t"\n'
        "figures: [{id: f, value: 1, unit: children}]\n"
    )
    path = tmp_path / "c.yaml"
    path.write_text(CLAIM + "sources: [s.yaml]\n")
    [problem] = problems_of(path)
    assert problem.path.endswith("s.yaml") and (problem.line, problem.key_path) == (5, "url")


def test_a_plain_url_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(CLAIM + "url: https://x.example/a%0Ab?q=1#é\n" + FIGURES)
    assert load_claim(path).claim.url == "https://x.example/a%0Ab?q=1#é"
