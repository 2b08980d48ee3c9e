"""load/events.py: libyaml's events into plain data, aliases and foreign tags refused where
they stand (tests/test_fuzz.py checks that it agrees with load/nodes.py on random files)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.errors import InputError
from factcheck.load import MAX_ITEMS, MAX_VALUES, PURE_PYTHON_BYTES, _read_events, _read_nodes
from tests.conftest import hang_guard
from tests.load.helpers import problems_of


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        aliases = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with hang_guard(60):  # a guard against a hang, not a timing test
        problems = problems_of(path)
    assert {problem.code for problem in problems} == {"FC112"}
    # one problem per alias written, each at the alias itself
    assert len(problems) == 81
    assert (problems[0].line, problems[0].column) == (2, 10)


def test_a_self_referencing_alias_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text("id: &x [1, *x]\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert (problem.line, problem.column, problem.code) == (1, 12, "FC112")
    assert problem.key_path == "id[1]"


@pytest.mark.parametrize(
    ("text", "code", "place", "key_path"),
    [
        ("a: 1\nb: !!python/object:os.system x\n", "FC108", (2, 4), "b"),
        ("a: [1, =]\n", "FC108", (1, 8), "a[1]"),  # a plain "=" is PyYAML's value tag
        ("a: 1\n? [x]\n: 2\n", "FC109", (2, 3), ""),
        ("a:\n  b: 1\n  b: 2\n", "FC110", (3, 3), "a.b"),
    ],
)
def test_refusals_name_their_place_and_key_path(
    text: str, code: str, place: tuple[int, int], key_path: str
) -> None:
    parsed = _read_events(Path("x.yaml"), text)
    assert parsed is not None
    _, problems, _ = parsed
    assert [(p.code, (p.line, p.column), p.key_path) for p in problems] == [(code, place, key_path)]
    assert parsed[1] == _read_nodes(Path("x.yaml"), text)[1]


def test_a_duplicate_key_names_the_line_of_the_first() -> None:
    parsed = _read_events(Path("x.yaml"), "a: 1\nb: 2\n\na: 3\n")
    assert parsed is not None
    (problem,) = parsed[1]
    assert "duplicate key 'a' (first at line 1)" in problem.message


def test_too_many_values_stop_the_reading_at_the_one_too_many() -> None:
    inner = "[" + ", ".join(["1"] * 10_000) + "]"  # lists of at most MAX_ITEMS
    text = "a: [" + ", ".join([inner] * 25) + "]\n"
    with pytest.raises(InputError) as caught:
        _read_events(Path("x.yaml"), text)
    (problem,) = caught.value.problems
    assert problem.code == "FC105"
    assert f"holds more than {MAX_VALUES:,} values" in problem.message
    # values: the mapping, the outer list, then each inner list and its 10,000 items
    lists, item = divmod(MAX_VALUES + 1 - 3, 10_001)
    column = 5 + lists * (len(inner) + 2) + 1 + 3 * (item - 1)
    assert (problem.line, problem.column) == (1, column)


def test_a_list_of_too_many_items_is_reported_where_it_starts() -> None:
    text = "a: 1\nb: [" + ", ".join(["1"] * (MAX_ITEMS + 1)) + "]\n"
    with pytest.raises(InputError) as caught:
        _read_events(Path("x.yaml"), text)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.code) == (2, 4, "FC105")


def test_a_small_broken_file_is_left_to_the_node_reader() -> None:
    assert _read_events(Path("x.yaml"), "a: [1\n") is None


def test_a_large_broken_file_is_reported_in_libyaml_words() -> None:
    text = "a: 1\n" * (PURE_PYTHON_BYTES // 5) + "b: [1\n"
    with pytest.raises(yaml.MarkedYAMLError, match="expected ',' or ']'"):
        _read_events(Path("x.yaml"), text)


def test_a_mappings_values_read_as_the_node_reader_reads_them() -> None:
    # The values of a mapping take a short path when they are plain scalars (most of a
    # large source); every other kind of value takes the long one. Both agree with nodes.py.
    text = (
        "plain: 1,007\nnumber: 1007\nquoted: '1007'\nfloat: 12.5\nyes: true\nnothing: null\n"
        "empty:\ntagged: !!str 12\nanchored: &a text\nold: 0325000\nwhen: 2024-01-31\n"
        "list: [a, 1]\nmapping: {b: 2}\n"
    )
    events = _read_events(Path("x.yaml"), text)
    assert events is not None
    document, problems, _ = events
    nodes = _read_nodes(Path("x.yaml"), text)
    assert document.data == nodes[0].data
    assert [p.message for p in problems] == [p.message for p in nodes[1]]
    assert document.data["plain"] == "1,007"
    assert document.data["number"] == 1007
    assert document.data["quoted"] == "1007"
    assert document.data["empty"] is None
    assert document.yaml11 == nodes[0].yaml11 != []


def test_too_many_values_in_mappings_name_the_one_too_many() -> None:
    inner = "[" + ", ".join(["{k: v}"] * 10_000) + "]"  # each map: itself and one value
    # values: the top mapping, the outer list, `x` when there, then each inner list, and
    # each map and its value: with or without `x`, the one too many is a map's value
    lead = 0 if (MAX_VALUES + 1 - 2) % 20_001 % 2 else 1
    text = "a: [" + "x, " * lead + ", ".join([inner] * 13) + "]\n"
    with pytest.raises(InputError) as caught:
        _read_events(Path("x.yaml"), text)
    (problem,) = caught.value.problems
    assert problem.code == "FC105"
    assert f"holds more than {MAX_VALUES:,} values" in problem.message
    assert text[problem.column - 1] == "v"  # a mapping's value, where it stands
