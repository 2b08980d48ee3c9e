"""passages.sentences: every sentence of a page, as sentence_around cuts each, in one pass."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents.passages import sentence_around, sentences
from tests.conftest import hang_guard


def one_by_one(text: str) -> Iterator[tuple[int, int]]:
    """The reference: sentence_around asked at each sentence's first character."""
    position = 0
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        start, end = sentence_around(text, position, position + 1)
        if end > position:
            yield max(start, position), end
        position = max(end, position + 1)


_PIECES = st.sampled_from(
    [
        "They ran away. ",
        "No. 5 is U.S. law! ",
        "\n",
        "\n\n",
        "Total 1,200 3,400 5,600\n",
        "x" * 50,
        "Why? ",
        "(it said so.) ",
        "  ",
        "2024 2023 2022 2021\n",
        "end",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_sentences_are_those_sentence_around_gives(text: str) -> None:
    assert list(sentences(text)) == list(one_by_one(text))


@pytest.mark.slow  # some 3 s; asking sentence_around of each sentence took minutes
def test_a_long_line_of_short_sentences_is_cut_in_one_pass() -> None:
    text = " ".join(f"Item {i} went elsewhere." for i in range(20_000))
    with hang_guard(60):
        found = list(sentences(text))
    assert len(found) == 20_000
    assert text[slice(*found[7])] == "Item 7 went elsewhere."
