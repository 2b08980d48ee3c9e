"""load/document.py: a parsed file's data, and where its keys and values stand."""

from __future__ import annotations

from pathlib import Path

from factcheck.load import Document, format_key_path, read_document


def test_format_key_path() -> None:
    assert format_key_path(()) == ""
    assert format_key_path(("value",)) == "value"
    assert format_key_path(("figures", 2, "described_as", 0, "term")) == (
        "figures[2].described_as[0].term"
    )


def test_a_key_path_shows_odd_keys_on_one_line() -> None:
    assert format_key_path(("a\nb", 1)) == "a\\nb[1]"
    assert format_key_path(("k" * 100,)) == "k" * 57 + "..."


def test_document_marks_keys_and_values(tmp_path: Path) -> None:
    path = tmp_path / "marks.yaml"
    path.write_text("a:\n  b: [1, {c: 2}]\n", encoding="utf-8")
    document = read_document(path)
    assert document.data == {"a": {"b": [1, {"c": 2}]}}
    assert document.locate(("a", "b", 1, "c")) == (2, 14)
    assert document.locate(("a", "b", 1, "c"), key=True) == (2, 11)
    assert document.locate(("a", "nope")) == (2, 3)  # the nearest parent


def test_every_value_and_key_is_marked(tmp_path: Path) -> None:
    path = tmp_path / "marks.yaml"
    path.write_text("a:\n  b: [1, {c: 2}]\nd: x\n", encoding="utf-8")
    document = read_document(path)
    assert document.value_marks == {
        (): (1, 1),
        ("a",): (2, 3),
        ("a", "b"): (2, 6),
        ("a", "b", 0): (2, 7),
        ("a", "b", 1): (2, 10),
        ("a", "b", 1, "c"): (2, 14),
        ("d",): (3, 4),
    }
    assert document.key_marks == {
        ("a",): (1, 1),
        ("a", "b"): (2, 3),
        ("a", "b", 1, "c"): (2, 11),
        ("d",): (3, 1),
    }


def test_a_problem_names_file_place_and_key_path(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("a:\n  b: 1\n", encoding="utf-8")
    problem = read_document(path).problem(("a", "b"), "expected text", "FC203")
    assert problem.format() == f"{path}:2:6: a.b: expected text [FC203]"


def test_a_document_without_marks_locates_at_the_start() -> None:
    document = Document(path=Path("x.yaml"), data={"a": 1})
    assert document.locate(("a",)) == (1, 1)
    assert document.value_marks == {}
