"""Where phrases occur in a text, word by word, in any inflection of each word.

Two words *meet* when they share a lemma (factcheck/lemmas.py): "ran" meets "run",
"losing" meets "lost", "left" meets "leaves" (through "leave"). A phrase meets a run of
words of the same length when each word meets its counterpart, in order.

Matching must stay near-linear in the number of phrases and words, whatever a claim's
`synonyms:` or a source's `described_as` hold (issue 13: 19,000 against 19,000 once ran
for minutes). So the phrases go into a trie keyed by each word's lemmas, built once, and
each text is walked once from each word: the work is the text's length times the number
of phrases that share a prefix there, never the number of phrases.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from factcheck.lemmas import Lemmas, lemmas

Phrase = tuple[Lemmas, ...]  # the lemmas of each word
_NONE = sys.maxsize  # the rank of no phrase


def phrase(words: Iterable[str]) -> Phrase:
    return tuple(map(lemmas, words))


def meets(one: Phrase, other: Phrase) -> bool:
    """Whether two phrases are the same words, each in some inflection."""
    return len(one) == len(other) and all(
        not a.isdisjoint(b) for a, b in zip(one, other, strict=True)
    )


class PhraseIndex:
    """Named phrases, found by a phrase that meets them (near-linear: by the lemmas of
    the first word, then word by word)."""

    def __init__(self) -> None:
        self._by_lemma: dict[str, list[tuple[Phrase, str]]] = {}

    def add(self, words: Phrase, name: str) -> None:
        if words:
            for lemma in words[0]:
                self._by_lemma.setdefault(lemma, []).append((words, name))

    def find(self, words: Phrase) -> list[str]:
        """The names of the phrases that `words` meets, each once, in the order added."""
        found: dict[str, None] = {}
        for lemma in words[0] if words else ():
            for candidate, name in self._by_lemma.get(lemma, ()):
                if name not in found and meets(candidate, words):
                    found[name] = None
        return list(found)


class Trie:
    """Ranked phrases (rank 0 first), and where in a text the best of them start.

    This is Aho-Corasick's automaton over the phrases written backwards, run over the text
    backwards: a state there is a phrase's ending read so far, so the phrases that start
    at a word are those that end at the state reached there (its own and those of its
    chain of failure links), and the best rank among them is worked out once per state.
    Each word of the text is then a step or two, however long or many the phrases: a
    walk from each word forwards would cost the text's length times the longest phrase
    that goes on matching (a 100,000-word synonym against a 100,000-word wording).

    The automaton's letters are the phrases' distinct words (their lemmas); a word of the
    text may meet several ("leaves" meets "leaf" and "left"), so a step takes the text
    down every one of them at once, as a set of states. Nodes are numbers (the root is
    0) in flat tables: some 60,000 of them for a claim's 19,000 synonyms.
    """

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self._letters: dict[Lemmas, int] = {}  # a phrase's word -> its letter
        self._letters_by_lemma: dict[str, list[int]] = {}
        self._goto: dict[tuple[int, int], int] = {}  # (node, letter) -> child
        self._ends: dict[int, list[int]] = {}  # node -> the ranks of the phrases ending there
        for rank, words in enumerate(phrases):
            node = 0
            for word in reversed(words):
                key = (node, self._letter(word))
                child = self._goto.get(key)
                if child is None:
                    child = self._goto[key] = len(self._goto) + 1
                node = child
            if words:
                self._ends.setdefault(node, []).append(rank)
        self._fail, self._best, self._next_end = self._links()
        self._moves: dict[tuple[int, int], int] = {}  # (state, letter) -> state, as met
        self._met: dict[Lemmas, tuple[int, ...]] = {}  # a text's word -> the letters it meets

    def _letter(self, word: Lemmas) -> int:
        letter = self._letters.get(word)
        if letter is None:
            letter = self._letters[word] = len(self._letters)
            for lemma in word:
                self._letters_by_lemma.setdefault(lemma, []).append(letter)
        return letter

    def _links(self) -> tuple[list[int], list[int], list[int]]:
        """Each node's failure link (its longest proper suffix that is a node), the best
        rank of a phrase ending at it or anywhere along those links, and the next node
        along them where a phrase ends (0: none)."""
        size = len(self._goto) + 1
        children: list[list[tuple[int, int]]] = [[] for _ in range(size)]
        for (node, letter), child in self._goto.items():
            children[node].append((letter, child))
        fail, best, next_end = [0] * size, [_NONE] * size, [0] * size
        queue = deque(child for _, child in children[0])
        for child in queue:
            best[child] = min(self._ends.get(child, [_NONE]))
        while queue:
            node = queue.popleft()
            for letter, child in children[node]:
                suffix = fail[node]
                while suffix and (suffix, letter) not in self._goto:
                    suffix = fail[suffix]
                fail[child] = link = self._goto.get((suffix, letter), 0)
                best[child] = min(min(self._ends.get(child, [_NONE])), best[link])
                next_end[child] = link if link in self._ends else next_end[link]
                queue.append(child)
        return fail, best, next_end

    def _move(self, state: int, letter: int) -> int:
        key = (state, letter)
        found = self._moves.get(key)
        if found is None:
            node = state
            while (node, letter) not in self._goto and node:
                node = self._fail[node]
            found = self._moves[key] = self._goto.get((node, letter), 0)
        return found

    def _letters_met(self, word: Lemmas) -> tuple[int, ...]:
        found = self._met.get(word)
        if found is None:
            letters = (self._letters_by_lemma.get(lemma, ()) for lemma in word)
            found = self._met[word] = tuple(dict.fromkeys(x for some in letters for x in some))
        return found

    def starts(self, text: Phrase) -> Iterator[tuple[int, int]]:
        """(start, rank) for each word of the text where a phrase starts (the best rank
        among those that start there), from the last such word to the first."""
        states: set[int] = {0}
        for start in range(len(text) - 1, -1, -1):
            letters = self._letters_met(text[start])
            if not letters:  # no phrase holds this word: none goes on through it
                states = {0}
                continue
            states = {self._move(state, letter) for state in states for letter in letters}
            rank = min(self._best[state] for state in states)
            if rank != _NONE:
                yield start, rank

    def found(self, text: Phrase, asserted: Callable[[int], bool]) -> dict[int, bool]:
        """Every phrase (by rank) that occurs in the text: True where `asserted(start)` is
        true of one of its occurrences, else False.

        A phrase may occur at many starts, and phrases nest ("missing", "gone missing"),
        so the phrases ending at a state are followed along its chain of failure links
        once per text and kind of start: the rest of a chain already followed is known.
        """
        found: dict[int, bool] = {}
        followed: set[tuple[int, bool]] = set()
        states: set[int] = {0}
        for start in range(len(text) - 1, -1, -1):
            letters = self._letters_met(text[start])
            if not letters:
                states = {0}
                continue
            states = {self._move(state, letter) for state in states for letter in letters}
            if all(self._best[state] == _NONE for state in states):
                continue
            kind = asserted(start)
            for state in states:
                node = state if state in self._ends else self._next_end[state]
                while node and (node, kind) not in followed:
                    followed.add((node, kind))
                    for rank in self._ends[node]:
                        found[rank] = found.get(rank, False) or kind
                    node = self._next_end[node]
        return found
