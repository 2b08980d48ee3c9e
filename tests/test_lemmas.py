"""lemmas.py: the dictionary forms of a word, as lemminflect gives them."""

from __future__ import annotations

import pytest

from factcheck import lemmas as lemmas_module
from factcheck.lemmas import lemmas


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("ran", {"run"}),
        ("losing", {"lose"}),
        ("lost", {"lose"}),
        ("gone", {"go"}),
        ("went", {"go"}),
        ("rose", {"rise", "rose"}),  # the verb and the flower
        ("left", {"left", "leave"}),
        ("trafficked", {"traffic"}),
        ("trafficking", {"traffic"}),
        ("children", {"child"}),
        ("were", {"be"}),
    ],
)
def test_the_lemmas_of_every_part_of_speech(word: str, expected: set[str]) -> None:
    assert lemmas(word) == expected


@pytest.mark.parametrize("word", ["unaccounted", "32000", "|", "can't", "xqzv"])
def test_a_word_the_dictionary_does_not_know_is_its_own_lemma(word: str) -> None:
    assert lemmas(word) == {word}


def test_overrides_replace_the_tables_entry() -> None:
    # lemminflect's overrides file gives pronouns their own lemma ("him" -> him).
    assert lemmas("him") == {"him"}


def test_lemmas_are_remembered() -> None:
    assert lemmas("fell") is lemmas("fell")


@pytest.mark.slow
def test_the_table_agrees_with_lemminflect_on_every_word() -> None:
    """The shortcut (reading lemminflect's sorted table) against its own getAllLemmas, for
    every word the table and the overrides hold: a new lemminflect that changed the file
    would fail here, not silently match other words."""
    table = lemmas_module._Table(lemmas_module._package_folder())  # type: ignore[arg-type]
    words = {line.split(",", 1)[0].lower() for line in table.text.splitlines()}
    words |= set(table.overrides)
    assert len(words) > 60_000
    differ = [w for w in sorted(words) if table.lemmas(w) != lemmas_module._from_lemminflect(w)]
    assert differ == []


def test_the_table_is_sorted_by_word_as_the_search_assumes() -> None:
    table = lemmas_module._Table(lemmas_module._package_folder())  # type: ignore[arg-type]
    words = [line.split(",", 1)[0] for line in table.text.splitlines()]
    assert words == sorted(words)
    assert list(table.lines("left")) == [
        "left,adj,left",
        "left,adv,left",
        "left,noun,left",
        "left,verb,leave",
    ]
    assert list(table.lines("zzzzzz")) == []
    assert list(table.lines("")) == []


@pytest.mark.slow  # imports lemminflect and loads its whole table: about a second
def test_without_the_table_lemminflect_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lemmas_module, "_TABLE", "resources/no-such-table.csv.gz")
    lemmas_module._look_up.cache_clear()
    try:
        assert lemmas_module._look_up()("ran") == {"run"}
        assert lemmas_module._look_up() is lemmas_module._from_lemminflect
    finally:
        lemmas_module._look_up.cache_clear()
