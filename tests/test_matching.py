"""matching.py: where ranked phrases start in a text, each word in any inflection."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.matching import Phrase, PhraseIndex, Trie, meets, phrase
from tests.conftest import hang_guard


def words(text: str) -> Phrase:
    return phrase(text.split())


def starts(phrases: list[str], text: str) -> dict[int, int]:
    return dict(Trie(words(p) for p in phrases).starts(words(text)))


def brute_force(phrases: list[Phrase], text: Phrase) -> dict[int, int]:
    """The best rank of a phrase meeting the text at each start, phrase by phrase."""
    found: dict[int, int] = {}
    for start in range(len(text)):
        for rank, one in enumerate(phrases):
            if one and meets(one, text[start : start + len(one)]):
                found[start] = min(found.get(start, rank), rank)
    return found


def test_words_meet_in_any_inflection() -> None:
    assert meets(words("ran away"), words("had run away")[1:])
    assert meets(words("losing"), words("lost"))
    assert not meets(words("ran away"), words("ran"))  # not the same length
    assert meets(words("locate"), words("located"))


def test_each_start_gets_the_best_rank_there() -> None:
    found = starts(
        ["went missing", "missing", "lost track of"], "they go missing and lose track of it"
    )
    assert found == {1: 0, 2: 1, 4: 2}


def test_a_phrase_inside_a_longer_one_is_found_too() -> None:
    # "gone missing" starts at 0; "missing" (rank 0) also starts at 1.
    assert starts(["missing", "gone missing"], "gone missing") == {0: 1, 1: 0}


def test_a_word_that_meets_several_letters_follows_each() -> None:
    # "leaves" meets both "leaf" and "leave": each phrase is found.
    assert starts(["leaf fell", "leave early"], "leaves fell") == {0: 0}
    assert starts(["leaf fell", "leave early"], "leaves early") == {0: 1}


def test_an_unknown_word_breaks_every_phrase() -> None:
    assert starts(["whereabouts unknown"], "whereabouts xqzv unknown") == {}


def test_a_long_phrase_against_a_long_text_is_linear() -> None:
    # Walking forwards from every word would take 30,000 x 30,000 steps here.
    many = 30_000
    with hang_guard(60):
        found = starts(["a " * many + "b", "a " * 5_000], "a " * many)
    assert len(found) == many - 5_000 + 1
    assert found[0] == 1


_WORDS = st.sampled_from(
    ["leaves", "leaf", "left", "leave", "fell", "fall", "killing", "killings", "kill", "a", "x"]
)
_PHRASE = st.lists(_WORDS, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=100, deadline=None)
@given(phrases=st.lists(_PHRASE, min_size=1, max_size=8), text=st.lists(_WORDS, max_size=12))
def test_the_automaton_agrees_with_brute_force(phrases: list[str], text: list[str]) -> None:
    ranked = [words(p) for p in phrases]
    assert dict(Trie(ranked).starts(phrase(text))) == brute_force(ranked, phrase(text))


def test_a_phrase_index_finds_what_meets_a_phrase() -> None:
    index = PhraseIndex()
    index.add(words("killed"), "killed")
    index.add(words("lost track of"), "lost")
    index.add(words("dead"), "dead")
    assert index.find(words("kills")) == ["killed"]
    assert index.find(words("losing track of")) == ["lost"]
    assert index.find(words("lost track")) == []
    assert index.find(()) == []
