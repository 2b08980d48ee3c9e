"""number_text.py: every written form found in running text, with bounded work."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from factcheck.number_text import _MAX_READS, mentions_written, written_numbers
from factcheck.written import SCALES, TENS, UNITS
from tests.conftest import hang_guard


def test_numbers_are_read_where_they_stand() -> None:
    found = {(w.value, w.text) for w in written_numbers("220 crore people and R17.3bn")}
    assert (Decimal(2_200_000_000), "220 crore") in found
    assert (Decimal(17_300_000_000), "R17.3bn") in found


def _random_words(count: int) -> str:
    words = [*UNITS, *TENS, *SCALES, "and", "a", "half", "in", "times", "of"]
    chosen = random.Random(14).choices(words, k=count)
    return " ".join(chosen)


@pytest.mark.parametrize(
    "text",
    ["one " * 5000, "a " * 10000, "1 " * 10000, "twenty-one thousand and " * 800, None],
    ids=["one", "a", "digits", "phrases", "random words"],
)
def test_a_hostile_text_is_read_in_bounded_work(text: str | None) -> None:
    text = _random_words(4000) if text is None else text
    with hang_guard(20):
        pieces = list(written_numbers(text))
        assert len(pieces) <= _MAX_READS
        mentions_written(text, Decimal(7), Decimal(1))
