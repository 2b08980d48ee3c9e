"""Numbers written in words: counts ("twenty-three thousand", "two crore", "half a million",
"a quarter of a million", "a dozen"), shares ("a third", "two-thirds", "one in four") and
multiples ("twice", "three times").

A small grammar over written.py's table. None of word2number, number-parser or text2num
reads "half a million" or "two-thirds" (docs/format.md); this one reads every form the
table lists and refuses the rest, so a misreading is an error, never a wrong number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise
from typing import Literal

from factcheck.written import DENOMINATORS, DOZEN, MULTIPLES, SCALES, TENS, TIMES_WORDS, UNITS

Kind = Literal["count", "share", "times"]

_ARTICLES = frozenset({"a", "an"})
_TOKEN = re.compile(r"[a-z×]+|\d+(?:\.\d+)?")
_WORD_SCALES = {word: power for word, power in SCALES.items() if len(word) > 2}


@dataclass(frozen=True)
class WordNumber:
    """What words say: an exact amount and its kind (a share is a fraction of one)."""

    value: Fraction
    kind: Kind


class WordError(ValueError):
    """Words that are no number the grammar knows."""


def tokens_of(text: str) -> list[str]:
    """Lower-case words and digit runs: "Two-thirds" -> ["two", "thirds"]."""
    return _TOKEN.findall(text.casefold().replace("-", " "))


def read_words(text: str) -> WordNumber:
    """The number the words write; WordError when they write none the grammar knows."""
    words = tokens_of(text)
    if not words or " ".join(words) != _squeezed(text):
        raise WordError(text)
    if len(words) == 1 and words[0] in MULTIPLES:
        return WordNumber(Fraction(MULTIPLES[words[0]]), "times")
    if words[-1] in TIMES_WORDS and len(words) > 1:
        return WordNumber(_count(words[:-1]), "times")
    for joiner in (["in"], ["out", "of"]):
        at = _find(words, joiner)
        if at is not None:
            part, whole = _count(words[:at]), _count(words[at + len(joiner) :])
            if whole == 0 or part > whole:
                raise WordError(text)
            return WordNumber(part / whole, "share")
    denominator_at = next((i for i, w in enumerate(words) if w in DENOMINATORS), None)
    if denominator_at is not None:
        return _fraction(words, denominator_at)
    return WordNumber(_count(words), "count")


def _squeezed(text: str) -> str:
    """The text as its tokens join, for refusing any character the grammar does not read."""
    return re.sub(r"[\s\-]+", " ", text.casefold()).strip()


def _find(words: list[str], joiner: list[str]) -> int | None:
    for index in range(1, len(words) - len(joiner)):
        if words[index : index + len(joiner)] == joiner:
            return index
    return None


def _fraction(words: list[str], at: int) -> WordNumber:
    """ "a third", "two-thirds", "half a million", "a quarter of a million", "one and a half
    million": a fraction alone is a share, a fraction of a scale word a count."""
    denominator = DENOMINATORS[words[at]]
    before, after = words[:at], words[at + 1 :]
    whole = Fraction(0)
    if len(before) >= 2 and before[-2] == "and" and before[-1] in {*_ARTICLES, "one"}:
        whole, numerator = _count(before[:-2]), Fraction(1)  # "one and a half million"
    elif not before or before in (["a"], ["an"]):
        numerator = Fraction(1)
    else:
        numerator = _count(before)
    if numerator == 0 or (numerator > denominator and whole == 0 and not after):
        raise WordError(" ".join(words))
    share = whole + numerator / denominator
    if after[:1] == ["of"]:
        after = after[1:]
    if after[:1] and after[0] in _ARTICLES:
        after = after[1:]
    if not after:
        if whole:
            raise WordError(" ".join(words))  # "one and a half": of what?
        return WordNumber(share, "share")
    return WordNumber(share * 10 ** _stacked_scale(after), "count")


def _stacked_scale(words: list[str]) -> int:
    """The power of ten of one scale word or a stack of growing ones ("lakh crore")."""
    powers = [_WORD_SCALES.get(word) for word in words]
    if not powers or any(p is None for p in powers):
        raise WordError(" ".join(words))
    known = [p for p in powers if p is not None]
    if any(a >= b for a, b in pairwise(known)) or len(known) > 2:
        raise WordError(" ".join(words))
    return sum(known)


def _count(words: list[str]) -> Fraction:
    """A whole number in words: "two hundred and five thousand", "a million", "a dozen",
    "two lakh crore"; WordError for words out of order ("three twenty")."""
    if not words:
        raise WordError("")
    total = Fraction(0)
    current: Fraction | int = 0
    last = "start"  # what the previous word was: start, unit, ten, hundred, scale, and
    group = Fraction(0)  # what the last scale word added (a following larger one stacks)
    last_power = 0
    ceiling = 99  # each new group's scale is smaller than the one before
    for index, word in enumerate(words):
        if word in _ARTICLES and last == "start" and index + 1 < len(words):
            current, last = 1, "unit"
        elif word[0].isdigit() and last == "start":
            current, last = Fraction(word), "unit"
        elif word in UNITS and last in ("start", "hundred", "and", "scale") + ("ten",) * (
            0 < UNITS[word] < 10
        ):
            current, last = current + UNITS[word], "unit"
        elif word in TENS and last in ("start", "hundred", "and", "scale"):
            current, last = current + TENS[word], "ten"
        elif word == "hundred" and last in ("unit", "ten") and current < 100:
            current, last = current * 100, "hundred"
        elif word in DOZEN and last in ("start", "unit"):
            current, last = (current or 1) * DOZEN[word], "hundred"
        elif word == "and" and last in ("hundred", "scale"):
            last = "and"
        elif word in _WORD_SCALES and word != "hundred":
            power = _WORD_SCALES[word]
            if last == "scale" and power > last_power and current == 0:
                total -= group  # "lakh crore": the group before grows
                group *= 10**power
                total, ceiling = total + group, last_power + power
            elif last in ("unit", "ten", "hundred") and current and power < ceiling:
                group = Fraction(current) * 10**power
                total, current, ceiling = total + group, 0, power
            else:
                raise WordError(" ".join(words))
            last, last_power = "scale", power
        else:
            raise WordError(" ".join(words))
    if last == "and":
        raise WordError(" ".join(words))
    return total + current
