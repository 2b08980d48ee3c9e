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

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from factcheck.lemmas import Lemmas, lemmas

Phrase = tuple[Lemmas, ...]  # the lemmas of each word


def phrase(words: Iterable[str]) -> Phrase:
    return tuple(lemmas(word) for word in words)


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


@dataclass(eq=False)
class _Node:
    """A trie node: the lemmas of the next word lead to the children."""

    ends: int | None = None  # the best (lowest) rank of a phrase that ends here
    children: dict[Lemmas, _Node] = field(default_factory=dict)
    by_lemma: dict[str, list[_Node]] = field(default_factory=dict)

    def child(self, key: Lemmas) -> _Node:
        node = self.children.get(key)
        if node is None:
            node = self.children[key] = _Node()
            for lemma in key:
                self.by_lemma.setdefault(lemma, []).append(node)
        return node

    def step(self, word: Lemmas) -> Iterator[_Node]:
        """The children whose word meets this one (a child reached through two shared
        lemmas may come twice)."""
        for lemma in word:
            yield from self.by_lemma.get(lemma, ())


class Trie:
    """Ranked phrases (rank 0 first), and where in a text the best of them start."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self._root = _Node()
        for rank, words in enumerate(phrases):
            node = self._root
            for word in words:
                node = node.child(word)
            if words and (node.ends is None or rank < node.ends):
                node.ends = rank

    def starts(self, text: Phrase) -> Iterator[tuple[int, int]]:
        """(start, rank) for each word of the text where a phrase starts: the best rank
        among those that start there."""
        for start in range(len(text)):
            best: int | None = None
            frontier = [self._root]
            for word in text[start:]:
                frontier = list(dict.fromkeys(c for node in frontier for c in node.step(word)))
                if not frontier:
                    break
                for node in frontier:
                    if node.ends is not None and (best is None or node.ends < best):
                        best = node.ends
            if best is not None:
                yield start, best
