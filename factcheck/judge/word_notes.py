"""Notes on words: the source's near-wordings of the claim's word, and what the claim also
says (`also_asserts`) that neither the basis figures nor the source's statements say."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.lemmas import lemmas
from factcheck.lexicon import Lexicon, normalise
from factcheck.load import Case
from factcheck.models import Combination, FigureReading, Note, Statement

# Words too common to make a wording close to the claim's word. (SIM905: as one string the
# list reads as the prose it is; as a list literal it takes 43 lines.)
_STOPWORDS = frozenset(
    "the a an of to in on at by for with from as and or but not no had has have was were "  # noqa: SIM905
    "is are be been being their its his her they them it this that these those who which".split()
)


def wording_hints(word: str, readings: Sequence[FigureReading], lexicon: Lexicon) -> list[Note]:
    """Where the source's words share a word with the claim's (in any inflection) but do
    not say it: "children who went away" does not say "ran away" unless told."""
    wanted = _content_lemmas(word)
    notes = []
    for reading in readings:
        if reading.supports != "none" or reading.change_supports:
            continue
        close = [
            term
            for term in reading.described_as
            if not wanted.isdisjoint(_all_lemmas(term)) and lexicon.match(term, word) is None
        ]
        if close:
            notes.append(
                Note(
                    kind="wording",
                    message=(
                        f"The source calls {reading.figure} '{close[0]}', which shares words "
                        f"with '{word}' but does not say it (the words of a wording must all "
                        f"be there, in order, each in some inflection). If it means the same, "
                        f"list it under the claim's synonyms: {{{word}: [{close[0]}]}}."
                    ),
                )
            )
    return notes


def _content_lemmas(text: str) -> set[str]:
    """The lemmas of the words of text that carry meaning."""
    words = [w for w in normalise(text).split() if w not in _STOPWORDS and len(w) > 2]
    return {lemma for word in words for lemma in lemmas(word)}


def _all_lemmas(text: str) -> set[str]:
    return {lemma for word in normalise(text).split() for lemma in lemmas(word)}


def also_asserts_notes(
    case: Case,
    basis: Combination | None,
    readings: Sequence[FigureReading],
    lexicon: Lexicon,
) -> list[Note]:
    """Each further word of the claim that nothing of the source says, with the closest
    hedged or negated wording if there is one."""
    basis_ids = [r.figure for r in readings]
    basis_sources = {origin.source_id for origin in case.figures if origin.figure.id in basis_ids}
    statements = [
        (loaded.source.id, statement)
        for loaded in case.sources
        if not basis_sources or loaded.source.id in basis_sources
        for statement in loaded.source.statements
    ]
    notes = []
    for word in case.claim.also_asserts:
        said, near = _said(case, word, basis_ids, statements, lexicon)
        if said:
            continue
        subject = "these figures" if basis else "the counted things"
        message = (
            f"The claim also says they were {word}; neither {subject} nor any statement of "
            f"the source says so."
        )
        if near:
            message += (
                f" The closest it comes is {', '.join(dict.fromkeys(near))}, which is hedged "
                "or negated, not a finding."
            )
        notes.append(Note(kind="also_asserts", message=message))
    return notes


def _said(
    case: Case,
    word: str,
    basis_ids: Sequence[str],
    statements: Sequence[tuple[str, Statement]],
    lexicon: Lexicon,
) -> tuple[bool, list[str]]:
    """Whether the basis figures or a statement say `word`; the hedged near-sayings."""
    said = False
    near: list[str] = []
    for figure_id in basis_ids:
        for wording in case.figure(figure_id).described_as:
            found = lexicon.match(wording.term, word)
            if found and found.says:
                said = True
            elif found:
                near.append(f"'{wording.term}' ({figure_id})")
    for source_id, statement in statements:
        # The statement's described_as words speak for it; its full text is the fallback.
        for text in [*(w.term for w in statement.described_as), statement.text]:
            found = lexicon.match(text, word)
            if found and found.says:
                said = True
                break
            if found:
                near.append(f"'{text.strip()}' (statement {statement.id} of {source_id})")
                break
    return said, near
