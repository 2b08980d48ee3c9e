"""Bad `overlaps`, `overlap_statement` and `superseded_by` (load/links.py): located problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import check_paths
from tests.load.helpers import problems_of

SOURCE = """\
id: s
title: T
publisher: P
published: 2021-08-24
figures:
  - id: a
    value: 10
    unit: jobs
{a}
  - id: b
    value: 20
    unit: jobs
{b}
statements:
  - id: warn
    text: The same person can be on both lists.
"""

CLAIM = """\
id: c
text: "10 jobs"
speaker: S
date: 2022-01-08
value: 10
unit: jobs
asserts: lost
sources: [s.yaml]
"""


def _problems(tmp_path: Path, a: str = "", b: str = "") -> list[str]:
    (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
    (tmp_path / "s.yaml").write_text(SOURCE.format(a=a, b=b), encoding="utf-8")
    (tmp_path / "c.yaml").write_text(CLAIM, encoding="utf-8")
    return [f"{p.line}:{p.column} {p.code} {p.message}" for p in problems_of(tmp_path / "c.yaml")]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("    overlaps: [c]", "", "9:16 FC402 overlaps names 'c', which is no figure"),
        ("    overlaps: a", "", "9:15 FC403 figure 'a' names itself in overlaps"),
        (
            "    overlaps: b\n    overlap_statement: nope",
            "",
            "10:24 FC408 overlap_statement names 'nope', which is no statement",
        ),
        ("    overlap_statement: warn", "", "9:24 FC408 overlap_statement without overlaps"),
        ("    superseded_by: z", "", "9:20 FC402 superseded_by names 'z', which is no figure"),
        ("    superseded_by: a", "", "9:20 FC403 figure 'a' names itself in superseded_by"),
        (
            "    superseded_by: b",
            "    published: 2021-08-01",
            "9:20 FC410 'b' (published 2021-08-01) cannot replace 'a' (published 2021-08-24)",
        ),
        (
            "    superseded_by: b",
            "    superseded_by: a",
            "9:20 FC409 superseded_by goes round in a circle: a -> b -> a",
        ),
    ],
)
def test_bad_relations_are_located(tmp_path: Path, a: str, b: str, expected: str) -> None:
    found = _problems(tmp_path, a, b)
    assert any(line.startswith(expected) for line in found), found


def test_a_revision_in_another_unit(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
    source = SOURCE.format(a="    superseded_by: b", b="    published: 2021-11-30")
    people = source.replace("value: 20\n    unit: jobs", "value: 20\n    unit: people")
    (tmp_path / "s.yaml").write_text(people, encoding="utf-8")
    (tmp_path / "c.yaml").write_text(CLAIM, encoding="utf-8")
    found = [(p.line, p.code) for p in problems_of(tmp_path / "c.yaml")]
    assert found == [(9, "FC411")]


def test_check_leaves_a_revision_in_another_source_to_the_claim(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
    source = SOURCE.format(a="    superseded_by: later_figure", b="")
    (tmp_path / "s.yaml").write_text(source, encoding="utf-8")
    codes = [p.code for p in check_paths([str(tmp_path / "s.yaml")])]
    assert [code for code in codes if code.startswith("FC4")] == []
    (tmp_path / "c.yaml").write_text(CLAIM, encoding="utf-8")
    assert [p.code for p in problems_of(tmp_path / "c.yaml")] == ["FC402"]
