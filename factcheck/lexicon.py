"""The shipped lexicon of claim words and the matcher that decides if a source's wording says it.

A wording *says* a predicate when one of the predicate's wordings occurs in it as whole
words, ignoring case, punctuation and typography, and no negation or hedge stands before it
in the same clause: "at an increased risk of being trafficked" does not say "trafficked".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, partial
from importlib import resources
from typing import Any, Literal

import yaml

from factcheck.matching import Phrase, PhraseIndex, Trie, phrase

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
# Text that none of the steps below would change but for case: most source wordings.
_PLAIN = re.compile(r"[A-Za-z0-9 \t\r\n]*")


def tokens(text: str) -> tuple[str, ...]:
    """Case-folded words with clause boundaries as '|'; quotes, hyphens and dashes folded."""
    if _PLAIN.fullmatch(text):
        return tuple(text.lower().split())
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

    wording: str  # the lexicon wording found, as the lexicon writes it
    blocked_by: str | None  # the negation or hedge that keeps it from saying the predicate
    # The text's own words there, case-folded ("had run away" for the wording "ran away").
    words: str = field(default="", compare=False)

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
        """The predicate and every wording of each group it names or belongs to, a word
        naming or belonging in any of its inflections ("kills" names "killed")."""
        word = normalise(predicate)
        found = [word]
        for key in self._groups_of(word):
            found.extend((key, *self.groups[key]))
        return tuple(dict.fromkeys(w for w in found if w))

    def change_direction(self, predicate: str) -> Literal["rise", "fall"] | None:
        """Which way a change must go to support the predicate, if it is a word of change
        (in any inflection: "losing" is a word of fall as "lost" is)."""
        # Only the claim's own word counts: "missing" shares a group with "lost" but says
        # nothing about a fall in a series.
        word = normalise(predicate)
        own_group = [w for key in self._named_groups(word) for w in self.groups[key]]
        for direction, groups in (("rise", self.rise_groups), ("fall", self.fall_groups)):
            change_words = self._change_words[direction]
            if (
                change_words.find(_phrase(word))
                or any(key in groups for key in self._keys.find(_phrase(word)))
                or any(key in groups for key in self._members.find(_phrase(word)))
                or any(change_words.find(_phrase(w)) for w in own_group)  # {"axed": ["cut"]}
            ):
                return direction  # type: ignore[return-value]
        return None

    def match(self, text: str, predicate: str) -> WordingMatch | None:
        """The best-ranked wording of predicate in text that is asserted, else the
        best-ranked blocked one (at its first occurrence); wordings rank in the order
        `wordings()` gives them."""
        matcher = self._matchers.get(predicate)
        if matcher is None:
            matcher = self._matchers[predicate] = _Matcher(self, self.wordings(predicate))
        return matcher.match(text)

    def said_in(self, texts: Sequence[str], predicates: Sequence[str]) -> list[dict[int, bool]]:
        """For each predicate, the texts (by index) in which one of its wordings occurs:
        True where an occurrence is asserted, False where each is negated or hedged, as
        `match` would say. Many predicates against many texts at once, near-linear in
        both (and in the answer): each text is read once for every predicate, and the
        wordings of a group are put in once however many predicates share it."""
        units: dict[tuple[str, str], int] = {}  # ("word", w) or ("group", key) -> a unit
        predicates_of: dict[int, list[int]] = {}
        for index, predicate in enumerate(predicates):
            word = normalise(predicate)
            for unit in [("word", word), *(("group", key) for key in self._groups_of(word))]:
                predicates_of.setdefault(units.setdefault(unit, len(units)), []).append(index)
        wordings = [
            (wording, number)
            for (kind, name), number in units.items()
            for wording in ((name,) if kind == "word" else (name, *self.groups[name]))
        ]
        trie = Trie(_phrase(wording) for wording, _ in wordings)
        found: list[dict[int, bool]] = [{} for _ in predicates]
        for text_index, text in enumerate(texts):
            words = tokens(text)
            said: dict[int, bool] = {}  # by unit
            asserted = trie.found(phrase(words), partial(self._asserted_at, words))
            for rank, kind in asserted.items():
                number = wordings[rank][1]
                said[number] = said.get(number, False) or kind
            for number, kind in said.items():
                for index in predicates_of[number]:
                    found[index][text_index] = found[index].get(text_index, False) or kind
        return found

    def _asserted_at(self, words: tuple[str, ...], start: int) -> bool:
        return self.blocking_cue(words, start) is None

    def blocking_cue(self, words: tuple[str, ...], start: int) -> str | None:
        """A negation anywhere earlier in the clause of words[start], or a hedge that
        governs it."""
        clause: list[str] = []
        for index in range(start - 1, max(start - 1 - _LOOKBACK, -1), -1):
            if words[index] == _BOUNDARY or words[index] in _CLAUSE_WORDS:
                break
            clause.insert(0, words[index])
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

    # Indexes, made once per lexicon (a frozen dataclass may cache: cached_property
    # writes to the instance's __dict__, and equality compares only the fields).

    @cached_property
    def _keys(self) -> PhraseIndex:
        """The groups' keys, by what meets them."""
        index = PhraseIndex()
        for key in self.groups:
            index.add(_phrase(key), key)
        return index

    @cached_property
    def _members(self) -> PhraseIndex:
        """Every wording of every group, by what meets it, named by its group's key."""
        index = PhraseIndex()
        for key, wordings in self.groups.items():
            for wording in wordings:
                index.add(_phrase(wording), key)
        return index

    @cached_property
    def _change_words(self) -> dict[str, PhraseIndex]:
        """The words of change of each direction, by what meets them."""
        found = {"rise": PhraseIndex(), "fall": PhraseIndex()}
        for direction, words in (("rise", self.rise_words), ("fall", self.fall_words)):
            for word in sorted(words):
                found[direction].add(_phrase(word), word)
        return found

    @cached_property
    def _matchers(self) -> dict[str, _Matcher]:
        return {}

    def _groups_of(self, word: str) -> list[str]:
        """The groups whose wordings are the word's: those it names, else those it is in.
        A group's own key is authoritative: "killed" means its own group, and is not
        widened by every group that merely lists it ("dead" lists "killed")."""
        return self._named_groups(word) or sorted(self._members.find(_phrase(word)))

    def _named_groups(self, word: str) -> list[str]:
        """The groups whose key the word is (first) or meets in another inflection."""
        exact = [word] if word in self.groups else []
        return exact + sorted(key for key in self._keys.find(_phrase(word)) if key != word)


def _phrase(text: str) -> Phrase:
    return phrase(text.split())


class _Matcher:
    """One predicate's wordings in a trie, and what each text looked at already says."""

    def __init__(self, lexicon: Lexicon, wordings: tuple[str, ...]) -> None:
        self._lexicon = lexicon
        self._wordings = wordings
        self._trie = Trie(_phrase(wording) for wording in wordings)
        self._seen: dict[str, WordingMatch | None] = {}

    def match(self, text: str) -> WordingMatch | None:
        if text not in self._seen:
            self._seen[text] = self._best(text)
        return self._seen[text]

    def _best(self, text: str) -> WordingMatch | None:
        words = tokens(text)
        said: int | None = None
        said_at = 0
        blocked: tuple[int, int, str] | None = None  # (rank, start, cue)
        for start, rank in self._trie.starts(phrase(words)):
            cue = self._lexicon.blocking_cue(words, start)
            if cue is None:
                if said is None or rank <= said:  # the first start of the best (starts come
                    said, said_at = rank, start  # from the last to the first)
            elif blocked is None or (rank, start) < blocked[:2]:
                blocked = (rank, start, cue)
        if said is not None:
            return WordingMatch(self._wordings[said], None, self._words_at(words, said, said_at))
        if blocked is not None:
            rank, start, cue = blocked
            return WordingMatch(self._wordings[rank], cue, self._words_at(words, rank, start))
        return None

    def _words_at(self, words: tuple[str, ...], rank: int, start: int) -> str:
        return " ".join(words[start : start + len(self._wordings[rank].split())])


@cache
def shipped_lexicon() -> Lexicon:
    text = resources.files("factcheck").joinpath("data/lexicon.yaml").read_text("utf-8")
    # libyaml's loader when PyYAML has it: the pure-Python one took 30 ms, a tenth of
    # verify's start-up.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return lexicon_from_mapping(yaml.load(text, Loader=loader))


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
