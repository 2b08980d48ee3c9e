"""The shipped lexicon of claim words and the matcher that decides if a source's wording says it.

A wording *says* a predicate when one of the predicate's wordings occurs in it as whole
words, ignoring case, punctuation and typography, and no negation or hedge stands before it
in the same clause: "at an increased risk of being trafficked" does not say "trafficked".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

_BOUNDARY = "|"
# A clause ends at punctuation or at a word that starts a new clause; negations and hedges
# before it no longer apply to what follows.
_CLAUSE_WORDS = frozenset({"and", "but", "or", "who", "which", "that", "while", "whereas", "so"})
_LOOKBACK = 6
# Words that may stand between a hedge and what it hedges: "likely to have been killed".
_FILLERS = frozenset(
    [
        "to",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "having",
        "become",
        "becoming",
        "get",
        "getting",
        "the",
        "a",
        "an",
        "of",
        "they",
        "them",
        "he",
        "she",
        "it",
        "were",
        "was",
        "is",
        "are",
        "further",
        "also",
        "still",
    ]
)
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
# Soft hyphens and zero-width characters (common in text copied from PDFs) join, not split.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# A comma or point between digits is part of a number (32,000; 1.5), not a clause boundary.
_IN_NUMBER = re.compile(r"(?<=\d)[,.](?=\d)")
_DASHES = re.compile(r"[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212_/]+")
# Commas do not end a clause: "did not, in the period audited, lose track" is negated.
_CLAUSE_PUNCTUATION = re.compile(r"[;:.!?()\[\]{}\"]+")
_OTHER_PUNCTUATION = re.compile(r"[^\w\s'|]+")


def tokens(text: str) -> tuple[str, ...]:
    """Case-folded words with clause boundaries as '|'; quotes, hyphens and dashes folded."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = _INVISIBLE.sub("", text)
    text = _IN_NUMBER.sub("", text)
    text = _DASHES.sub(" ", text)
    text = _CLAUSE_PUNCTUATION.sub(f" {_BOUNDARY} ", text)
    text = _OTHER_PUNCTUATION.sub(" ", text)
    words = [word.strip("'") for word in text.split()]
    return tuple(word for word in words if word)


def normalise(text: str) -> str:
    return " ".join(word for word in tokens(text) if word != _BOUNDARY)


@dataclass(frozen=True)
class WordingMatch:
    """How one source wording relates to a predicate."""

    wording: str  # the lexicon wording found
    blocked_by: str | None  # the negation or hedge that keeps it from saying the predicate

    @property
    def says(self) -> bool:
        return self.blocked_by is None


@dataclass(frozen=True)
class Lexicon:
    groups: Mapping[str, tuple[str, ...]]
    rise_words: frozenset[str]
    fall_words: frozenset[str]
    negations: frozenset[str]
    hedges: tuple[tuple[str, ...], ...]
    rise_groups: frozenset[str] = frozenset()
    fall_groups: frozenset[str] = frozenset()

    def extended(self, synonyms: Mapping[str, Iterable[str]]) -> Lexicon:
        """This lexicon with a claim's own `synonyms:` added to (or as new) groups."""
        groups = dict(self.groups)
        for predicate, words in synonyms.items():
            key = normalise(predicate)
            groups[key] = tuple(dict.fromkeys([*groups.get(key, ()), *map(normalise, words)]))
        return Lexicon(
            groups,
            self.rise_words,
            self.fall_words,
            self.negations,
            self.hedges,
            self.rise_groups,
            self.fall_groups,
        )

    def wordings(self, predicate: str) -> tuple[str, ...]:
        """The predicate and every wording of each group it names or belongs to."""
        word = normalise(predicate)
        found = [word]
        if word in self.groups:
            # A group's own key is authoritative: "killed" means its own group, and is not
            # widened by every group that merely lists it ("dead" lists "killed").
            found.extend(self.groups[word])
        else:
            for key, wordings in sorted(self.groups.items()):
                if word in wordings:
                    found.append(key)
                    found.extend(wordings)
        return tuple(dict.fromkeys(w for w in found if w))

    def change_direction(self, predicate: str) -> Literal["rise", "fall"] | None:
        """Which way a change must go to support the predicate, if it is a word of change."""
        # Only the claim's own word counts: "missing" shares a group with "lost" but says
        # nothing about a fall in a series.
        word = normalise(predicate)
        for direction, words, groups in (
            ("rise", self.rise_words, self.rise_groups),
            ("fall", self.fall_words, self.fall_groups),
        ):
            own_group = self.groups.get(word, ())
            if (
                word in words
                or any(word == key or word in self.groups.get(key, ()) for key in groups)
                or any(wording in words for wording in own_group)  # {"axed": ["cut"]}
            ):
                return direction  # type: ignore[return-value]
        return None

    def match(self, text: str, predicate: str) -> WordingMatch | None:
        """The first wording of predicate in text that is asserted, else the first blocked one."""
        words = tokens(text)
        blocked: WordingMatch | None = None
        for wording in self.wordings(predicate):
            target = tuple(wording.split())
            for start in _occurrences(words, target):
                cue = self._blocking_cue(words[:start])
                if cue is None:
                    return WordingMatch(wording, None)
                if blocked is None:
                    blocked = WordingMatch(wording, cue)
        return blocked

    def _blocking_cue(self, before: tuple[str, ...]) -> str | None:
        """A negation anywhere earlier in the clause, or a hedge that governs the wording."""
        clause: list[str] = []
        for word in reversed(before):
            if word == _BOUNDARY or word in _CLAUSE_WORDS or len(clause) >= _LOOKBACK:
                break
            clause.insert(0, word)
        for word in clause:
            if word in self.negations:
                return word
        # A hedge governs only what follows it directly ("at risk of being trafficked"),
        # not a later verb ("at-risk children were killed" does say killed).
        governed = list(clause)
        while governed and governed[-1] in _FILLERS:
            governed.pop()
        for hedge in self.hedges:
            if tuple(governed[-len(hedge) :]) == hedge:
                return " ".join(hedge)
        return None


def _occurrences(words: tuple[str, ...], target: tuple[str, ...]) -> list[int]:
    size = len(target)
    if not size:
        return []
    return [i for i in range(len(words) - size + 1) if words[i : i + size] == target]


@cache
def shipped_lexicon() -> Lexicon:
    text = resources.files("factcheck").joinpath("data/lexicon.yaml").read_text("utf-8")
    return lexicon_from_mapping(yaml.safe_load(text))


def lexicon_from_mapping(data: Mapping[str, Any]) -> Lexicon:
    groups = {
        normalise(key): tuple(dict.fromkeys(normalise(w) for w in words))
        for key, words in data["predicates"].items()
    }
    hedges = tuple(sorted({_hedge(h) for h in data["hedges"]} - {()}, key=lambda h: (-len(h), h)))
    return Lexicon(
        groups=groups,
        rise_words=frozenset(normalise(w) for w in data["change_words"]["rise"]),
        fall_words=frozenset(normalise(w) for w in data["change_words"]["fall"]),
        negations=frozenset(normalise(w) for w in data["negations"]),
        hedges=hedges,
        rise_groups=frozenset(normalise(w) for w in data.get("change_groups", {}).get("rise", [])),
        fall_groups=frozenset(normalise(w) for w in data.get("change_groups", {}).get("fall", [])),
    )


def _hedge(text: str) -> tuple[str, ...]:
    """ "at risk of" -> ("at", "risk"): fillers after a hedge are skipped when matching."""
    words = normalise(text).split()
    while words and words[-1] in _FILLERS:
        words.pop()
    return tuple(words)
