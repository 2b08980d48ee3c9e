"""load/marks.py: offsets kept per container; lines and columns worked out as PyYAML counts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.load import _read_events, _read_nodes
from factcheck.load.marks import Marks

# Line breaks as YAML 1.1 knows them (CR LF, CR, LF, NEL, LS, PS), a tab inside quotes,
# characters outside the Basic Multilingual Plane, a BOM inside the text.
ODD_TEXTS = [
    "a: 1\r\nb: [2, 3]\r\n",
    "a: 1\rb: 2\r",
    "a: 'x\x85y'\nb: 2\n",
    'a: "x\u2028y\u2029z"\nb: [1,\n  2]\n',
    "caf\u00e9: \U0001f600\U0001f600\nb: {c: '\t\ufeff', d: 4}\n",
    "# a comment \u00e9\u2028\nlist:\n- 1\n-   - 2\n    - 'q\r\n  r'\n",
]


def places(text: str, loader: type) -> list[tuple[int, int]]:
    """Line and column (1-based) of every scalar, as a PyYAML reader counts them."""
    return [
        (event.start_mark.line + 1, event.start_mark.column + 1)
        for event in yaml.parse(text, Loader=loader)
        if isinstance(event, yaml.ScalarEvent)
    ]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_libyaml_indexes_are_its_lines_and_columns(text: str) -> None:
    marks = Marks(text)
    offsets = [
        event.start_mark.index
        for event in yaml.parse(text, Loader=yaml.CSafeLoader)
        if isinstance(event, yaml.ScalarEvent)
    ]
    assert [marks.place(offset) for offset in offsets] == places(text, yaml.CSafeLoader)


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_offsets_made_of_lines_and_columns_give_them_back(text: str) -> None:
    marks = Marks(text)
    pure = places(text, yaml.SafeLoader)  # a BOM inside a line is no column here
    assert [marks.place(marks.offset(line - 1, column - 1)) for line, column in pure] == pure


def test_the_node_reader_keeps_pure_pythons_places(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("factcheck.load.nodes.FAST_LOADER", None)
    text = "a: '\ufeff'\nb: {c: '\ufeffx', d: 4}\n"
    document, problems, _ = _read_nodes(Path("x.yaml"), text)
    assert not problems
    assert document.locate(("b", "d")) == places(text, yaml.SafeLoader)[-1] == (2, 16)
    assert places(text, yaml.CSafeLoader)[-1] == (2, 17)  # libyaml counts the BOM


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_both_readers_mark_alike(text: str) -> None:
    fast, slow = _read_events(Path("x.yaml"), text), _read_nodes(Path("x.yaml"), text)
    assert fast is not None
    assert fast[0].data == slow[0].data
    assert fast[0].value_marks == slow[0].value_marks
    assert fast[0].key_marks == slow[0].key_marks


def test_a_key_without_its_own_mark_falls_back_to_its_value_then_its_parent() -> None:
    marks = Marks("a: [1, 2]\n")
    data = {"a": [1, 2]}
    value_at, key_at = marks.of_mapping(data)
    marks.top = 0
    key_at["a"], value_at["a"] = 0, 3
    marks.of_list(data["a"]).extend([4, 7])
    assert marks.locate(data, ("a", 1), key=True) == 7  # a list item has no key
    assert marks.locate(data, ("a", 5), key=False) == 3  # no such item: its list
    assert marks.locate(data, ("a",), key=True) == 0
    assert marks.locate(data, ("b", "c"), key=False) == 0  # the top
    assert marks.place(7) == (1, 8)
