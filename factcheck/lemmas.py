"""The dictionary forms (lemmas) of an English word: "ran" -> {run}, "losing" -> {lose}.

The forms come from lemminflect (MIT), whose lookup table is derived from the SPECIALIST
Lexicon of the U.S. National Library of Medicine (courtesy of the U.S. National Library of
Medicine; docs/format.md, "The lexicon and matching", says why this lemmatizer). A word
gets the lemmas of every part of speech the dictionary gives it ("left" -> {left, leave}),
with no guessing for words it does not know: an unknown word is its own lemma.

lemminflect's `getAllLemmas` builds a dictionary of all 80,000 forms on its first call
(0.15-0.25 s, a fifth of a whole `verify`); a run meets a few hundred words. So this
module reads the same table, sorted by word, and looks up only the words it is asked for
(some 10 ms to unpack the table, microseconds a word), with lemminflect's own overrides applied as
`getAllLemmas` applies them. tests/test_lemmas.py checks that both agree on every word
of the table; should the table's file ever be missing, `getAllLemmas` answers instead.
"""

from __future__ import annotations

import gzip
import importlib.util
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

Lemmas = frozenset[str]

_TABLE = "resources/lemma_lu.csv.gz"  # word,category,lemma/lemma... sorted by word
_OVERRIDES = "resources/lemma_overrides.csv"  # word,UPOS,lemma: replaces that category
_known: dict[str, Lemmas] = {}


def lemmas(word: str) -> Lemmas:
    """The lemmas of a lower-case word, over every part of speech; itself if unknown."""
    found = _known.get(word)
    if found is None:
        found = _known[word] = frozenset(_look_up()(word)) or frozenset((word,))
    return found


def _package_folder() -> Path | None:
    # find_spec locates the package without importing it: lemminflect's __init__ imports
    # spaCy when spaCy is installed, which would cost seconds.
    spec = importlib.util.find_spec("lemminflect")
    locations = spec.submodule_search_locations if spec else None
    return Path(next(iter(locations))) if locations else None


@cache
def _look_up() -> Callable[[str], set[str]]:
    """A word's lemmas, from the table when it can be read, else from lemminflect's API."""
    folder = _package_folder()
    if folder is None or not (folder / _TABLE).is_file() or not (folder / _OVERRIDES).is_file():
        return _from_lemminflect
    return _Table(folder).lemmas


def _from_lemminflect(word: str) -> set[str]:
    from lemminflect import getAllLemmas  # the fallback, loaded only when needed

    return {form.lower() for forms in getAllLemmas(word).values() for form in forms}


class _Table:
    """lemminflect's lemma table as one text, its lines sorted by word and searched by
    bisection over character offsets (splitting 80,000 lines would cost more than the
    few hundred words a run looks up)."""

    def __init__(self, folder: Path) -> None:
        self.text = gzip.decompress((folder / _TABLE).read_bytes()).decode("utf-8")
        self.overrides: dict[str, dict[str, tuple[str, ...]]] = {}
        for line in (folder / _OVERRIDES).read_text("utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                word, upos, lemma = line.split(",")
                self.overrides.setdefault(word, {})[upos] = (lemma,)

    def lines(self, word: str) -> Iterator[str]:
        """The table's lines for the word: `word,category,lemma/lemma...`."""
        text, low, high = self.text, 0, len(self.text)
        while low < high:  # low and high are the starts of lines
            middle = (low + high) // 2
            start = text.rfind("\n", 0, middle) + 1
            if text[start : text.find(",", start)] < word:
                low = text.find("\n", middle) + 1 or len(text)
            else:
                high = start
        prefix = word + ","
        while text.startswith(prefix, low):
            end = text.find("\n", low)
            end = len(text) if end < 0 else end
            yield text[low:end]
            low = end + 1

    def lemmas(self, word: str) -> set[str]:
        """Every category's forms, as getAllLemmas gives them: a later line of the same
        part of speech (`aux` and `modal` are both AUX) replaces an earlier one, and an
        override replaces the table's entry for its part of speech."""
        by_upos: dict[str, tuple[str, ...]] = {}
        for line in self.lines(word):
            _, category, forms = line.split(",")
            upos = "AUX" if category == "modal" else category.upper()
            by_upos[upos] = tuple(forms.split("/"))
        by_upos.update(self.overrides.get(word, {}))
        return {form.lower() for forms in by_upos.values() for form in forms}
