"""lookalike.py: names that look like known ones but are not, shown by code point, in
every message that names a key, a unit, an id, a part_of target or a file."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.check import check_paths
from factcheck.load import load_claim
from factcheck.lookalike import difference, lookalike_note, same_looking, skeleton
from tests.load.helpers import CLAIM, problems_of

CYRILLIC_A = "\u0430"
GREEK_O = "\u03bf"
CYRILLIC_E = "\u0435"
NFD_CAFE = unicodedata.normalize("NFD", "café")


@pytest.mark.parametrize(
    ("written", "known", "points"),
    [
        (f"v{CYRILLIC_A}lue", "value", "U+0430 CYRILLIC SMALL LETTER A where 'value' has U+0061"),
        (f"t{GREEK_O}tal", "total", "U+03BF GREEK SMALL LETTER OMICRON"),
        ("ｖａｌｕｅ", "value", "U+FF56 FULLWIDTH LATIN SMALL LETTER V"),
        (NFD_CAFE, "café", "another Unicode normalisation (NFD against NFC)"),
    ],
)
def test_a_lookalike_is_named_with_its_code_points(written: str, known: str, points: str) -> None:
    assert same_looking(written, ["unit", known]) == known
    note = lookalike_note(written, ["unit", known])
    assert note.startswith(f" (it looks like {known!r} but is not: ") and points in note


def test_names_that_differ_otherwise_are_no_lookalikes() -> None:
    assert same_looking("valeu", ["value"]) is None
    assert same_looking("value", ["value"]) is None
    assert same_looking("Value", ["value"]) is None  # case is a typo, not a look-alike
    assert lookalike_note("people", ["persons"]) == ""


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=12))
def test_skeleton_is_stable(text: str) -> None:
    assert skeleton(text) == skeleton(skeleton(text)) or not skeleton(text).isascii()
    if text.isascii():
        assert same_looking(text, [text + "x"]) is None


def test_difference_lists_at_most_three_changes() -> None:
    written = "".join(f"{CYRILLIC_A}b" for _ in range(5))
    assert "(and 2 more)" in difference(written, "ab" * 5)


def _repo(tmp_path: Path, claim: str, source_figures: str = "") -> Path:
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / "claims").mkdir(exist_ok=True)
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / "s.yaml").write_text(
        "id: s\ntitle: T\npublisher: P\npublished: 2024-01-01\nfigures:\n"
        "  - {id: total, value: 32000, unit: children, described_as: [lost]}\n" + source_figures
    )
    path = tmp_path / "claims" / "c.yaml"
    path.write_text(claim)
    return path


def test_a_key_an_id_and_a_qualifier(tmp_path: Path) -> None:
    text = CLAIM.replace("value:", f"v{CYRILLIC_A}lue:").replace(
        "id: a-claim", f"id: {CYRILLIC_A}-claim"
    )
    path = _repo(tmp_path, text + f"qualifier: {CYRILLIC_A}bout\nsources: [../sources/s.yaml]\n")
    found = {p.key_path: p for p in problems_of(path)}
    assert f"v{CYRILLIC_A}lue" in found and "missing required key 'value'" not in str(found)
    assert "it looks like 'value' but is not" in found[f"v{CYRILLIC_A}lue"].message
    assert "it looks like the valid id 'a-claim'" in found["id"].message
    assert "it looks like 'about' but is not" in found["qualifier"].message


def test_a_part_of_target_and_a_unit(tmp_path: Path) -> None:
    figures = f"  - {{id: part, value: 5, unit: childr{CYRILLIC_E}n, part_of: t{GREEK_O}tal}}\n"
    path = _repo(tmp_path, CLAIM + "sources: [../sources/s.yaml]\n", figures)
    [problem] = problems_of(path)
    assert problem.code == "FC402" and "it looks like 'total' but is not" in problem.message
    figures = f"  - {{id: part, value: 5, unit: childr{CYRILLIC_E}n, part_of: total}}\n"
    path = _repo(tmp_path, CLAIM + "sources: [../sources/s.yaml]\n", figures)
    [problem] = problems_of(path)
    assert problem.code == "FC405" and "it looks like 'children' but is not" in problem.message


def test_a_claim_unit_in_check_and_verify(tmp_path: Path) -> None:
    text = CLAIM.replace("unit: children", f"unit: childr{CYRILLIC_E}n")
    path = _repo(tmp_path, text + "sources: [../sources/s.yaml]\n")
    [warning] = [p for p in check_paths([str(path)]) if p.code == "FC504"]
    assert "it looks like 'children' but is not" in warning.message
    from factcheck.judge import Settings, judge

    audit = judge(load_claim(path), Settings())
    [note] = [n for n in audit.notes if n.kind == "unit"]
    assert "U+0435 CYRILLIC SMALL LETTER IE" in note.message


def test_a_source_file_saved_with_another_normalisation(tmp_path: Path) -> None:
    path = _repo(tmp_path, CLAIM + "sources: [../sources/café.yaml]\n")
    (tmp_path / "sources" / "s.yaml").rename(tmp_path / "sources" / f"{NFD_CAFE}.yaml")
    [problem] = problems_of(path)
    assert problem.code == "FC301"
    assert "another Unicode normalisation (NFC against NFD)" in problem.message
    assert "U+0065 LATIN SMALL LETTER E, U+0301 COMBINING ACUTE ACCENT" in problem.message


def test_a_claim_file_named_with_another_normalisation(tmp_path: Path) -> None:
    (tmp_path / f"{NFD_CAFE}.yaml").write_text(CLAIM)
    [problem] = problems_of(tmp_path / "café.yaml")
    assert problem.code == "FC101" and "only looks the same" in problem.message
