"""The `document` note: the claim's word looked for in the whole of each source's document.

A source's `described_as` lists only what a person transcribed; with the document at hand
the judge reads all of it for the claim's word (`asserts`) and every wording the lexicon
gives it. The note either says that the document never uses any of them, or lists each
passage that does, with its page, and which figures it is about (a figure whose value
stands in the same sentence). A passage that says the word of a figure whose
`described_as` does not record it gets its own note: the source file leaves out something
the document says. That note names only the figures in the clause that holds the word: in
"28 had run away, 5 had been removed", the 5 is not said to have run away.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.documents import DocumentText
from factcheck.documents.locate import Place
from factcheck.documents.numbers import mentions
from factcheck.documents.passages import one_line, sentences
from factcheck.lexicon import Lexicon
from factcheck.load import Case, LoadedSource
from factcheck.models import DocumentFound, Figure, Note
from factcheck.wording import number

MAX_PASSAGES = 8  # listed in the note; the rest are counted
_LONGEST_PASSAGE = 220
# Where one clause of a sentence ends: a comma, semicolon or colon before a space (not the
# comma of "291,000"), a parenthesis, or a dash set between spaces.
_CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|[()]|\s[\u2013\u2014-]+\s")


@dataclass(frozen=True)
class _Use:
    """A sentence of the document that uses one of the claim's wordings."""

    place: Place  # the sentence
    wording: str
    figures: tuple[Figure, ...]  # whose value stands in it
    says: bool  # not negated or hedged (lexicon.py)
    named: tuple[Figure, ...]  # whose value stands in the clause that holds the words


def documents_found(case: Case) -> list[DocumentFound]:
    """Each source's document as read, with where its figures' words stand (the audit's
    `documents`)."""
    return [
        loaded.provenance.found
        for loaded in case.sources
        if loaded.provenance is not None and loaded.provenance.found is not None
    ]


def document_notes(case: Case, lexicon: Lexicon) -> list[Note]:
    """For each source with a document: what its whole text says of the claim's word."""
    word = case.claim.asserts
    wordings = lexicon.wordings(word)
    notes: list[Note] = []
    for loaded in case.sources:
        text = loaded.provenance.text if loaded.provenance is not None else None
        if text is None:
            continue
        uses = _uses(text, loaded, word, lexicon)
        notes.append(_summary(text, loaded.source.id, word, wordings, uses))
        notes.extend(_unrecorded(uses, word, lexicon))
    return notes


def _uses(text: DocumentText, loaded: LoadedSource, word: str, lexicon: Lexicon) -> list[_Use]:
    """Each sentence of the document that uses one of the word's wordings, each of its
    words in any inflection (docs/format.md, "The lexicon and matching"). Every sentence
    is read once against all the wordings at once: a claim's thousands of `synonyms:`
    must not mean reading the document thousands of times."""
    uses = []
    for page in text.pages:
        for start, end in sentences(page.text):
            sentence = Place(page, start, end)
            match = lexicon.match(sentence.passage, word)
            if match is None:
                continue
            passage = sentence.passage
            figures = tuple(
                f for f in loaded.source.figures if mentions(passage, f.value, f.precision)
            )
            # The document's own words there: "spending" for the wording "spent".
            words = match.words or match.wording
            named = _in_clause(passage, words, figures)
            uses.append(_Use(sentence, words, figures, match.says, named))
    return uses


def _in_clause(passage: str, words: str, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """The figures whose value stands in a clause of the passage that holds the words; all
    the sentence's figures when the words cannot be placed in a clause of their own."""
    clauses = [c for c in _CLAUSE_BREAK.split(one_line(passage)) if words in c.casefold()]
    if not clauses or not words:
        return figures
    return tuple(
        f for f in figures if any(mentions(clause, f.value, f.precision) for clause in clauses)
    )


def _summary(
    text: DocumentText, source_id: str, word: str, wordings: Sequence[str], uses: list[_Use]
) -> Note:
    pages = f"{len(text.pages)} page{'s' if len(text.pages) != 1 else ''}"
    if not uses:
        others = [w for w in wordings if w != word]
        listed = f" or any of its wordings ({', '.join(others)})" if others else ""
        return Note(
            kind="document",
            message=f"The document of {source_id} ({pages}) never uses '{word}'{listed}.",
        )
    listed = "; ".join(_passage(use) for use in uses[:MAX_PASSAGES])
    more = len(uses) - MAX_PASSAGES
    tail = f"; and {more} more" if more > 0 else ""
    count = f"{len(uses)} passage{'s' if len(uses) != 1 else ''}"
    return Note(
        kind="document",
        message=(
            f"The document of {source_id} ({pages}) uses '{word}' or its wordings in "
            f"{count}: {listed}{tail}."
        ),
    )


def _passage(use: _Use) -> str:
    sentence = one_line(use.place.passage).rstrip(".")
    if len(sentence) > _LONGEST_PASSAGE:
        sentence = sentence[: _LONGEST_PASSAGE - 3] + "..."
    about = (
        f" (about {', '.join(f'{f.id}, {number(f.value)}' for f in use.figures)})"
        if use.figures
        else ""
    )
    hedge = "" if use.says else " (negated or hedged there)"
    return f"page {use.place.page.label}, '{use.wording}'{hedge}: \"{sentence}\"{about}"


def _unrecorded(uses: list[_Use], word: str, lexicon: Lexicon) -> list[Note]:
    """A passage saying the word of a figure whose described_as does not record it."""
    notes: list[Note] = []
    for use in uses:
        if not use.says:
            continue
        for figure in use.named:
            if any(lexicon.match(w.term, word) is not None for w in figure.described_as):
                continue
            note = Note(
                kind="document",
                message=(
                    f"The document calls {number(figure.value)} '{use.wording}' on page "
                    f"{use.place.page.label}; {figure.id}'s described_as does not say so."
                ),
            )
            if note not in notes:  # two sentences of one page saying it are one finding
                notes.append(note)
    return notes
