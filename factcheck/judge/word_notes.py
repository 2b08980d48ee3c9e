"""Notes on words: the source's near-wordings of the claim's word, and what the claim also
says (`also_asserts`) that neither the basis figures nor the source's statements say."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.lemmas import lemmas
from factcheck.lexicon import Lexicon, normalise
from factcheck.load import Case
from factcheck.models import Combination, FigureReading, Note

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


# At most this many of the source's hedged or negated near-sayings are named in a note.
_NEAR_NAMED = 5


@dataclass(frozen=True)
class _Place:
    """A wording of the source that may say a further word of the claim."""

    text: str
    shown: str  # how the note names it
    statement: int | None  # its statement (by number): only the first that matches counts


def also_asserts_notes(
    case: Case,
    basis: Combination | None,
    readings: Sequence[FigureReading],
    lexicon: Lexicon,
) -> list[Note]:
    """Each further word of the claim that nothing of the source says, with the closest
    hedged or negated wordings if there are any."""
    words = case.claim.also_asserts
    places = _places(case, [r.figure for r in readings])
    # All the words against all the places at once: a claim may hold thousands of each.
    found = lexicon.said_in([place.text for place in places], words) if words else []
    notes = []
    for word, where in zip(words, found, strict=True):
        said, near = _said(where, places)
        if said:
            continue
        subject = "these figures" if basis else "the counted things"
        message = (
            f"The claim also says they were {word}; neither {subject} nor any statement of "
            f"the source says so."
        )
        if near:
            named = ", ".join(near[:_NEAR_NAMED])
            if len(near) > _NEAR_NAMED:
                named += f" and {len(near) - _NEAR_NAMED:,} more"
            message += (
                f" The closest it comes is {named}, which is hedged or negated, not a finding."
            )
        notes.append(Note(kind="also_asserts", message=message))
    return notes


def _places(case: Case, basis_ids: Sequence[str]) -> list[_Place]:
    """The basis figures' wordings, then each statement's of the basis's sources (of all
    sources when there is no basis): its `described_as` words speak for it, its full
    text is the fallback."""
    by_id = case.by_id
    places = [
        _Place(wording.term, f"'{wording.term}' ({figure_id})", None)
        for figure_id in basis_ids
        for wording in by_id[figure_id].figure.described_as
    ]
    basis_sources = {by_id[figure_id].source_id for figure_id in basis_ids}
    statements = [
        (loaded.source.id, statement)
        for loaded in case.sources
        if not basis_sources or loaded.source.id in basis_sources
        for statement in loaded.source.statements
    ]
    for number, (source_id, statement) in enumerate(statements):
        shown = f"(statement {statement.id} of {source_id})"
        places.extend(
            _Place(text, f"'{text.strip()}' {shown}", number)
            for text in [*(w.term for w in statement.described_as), statement.text]
        )
    return places


def _said(where: dict[int, bool], places: Sequence[_Place]) -> tuple[bool, list[str]]:
    """Whether a place says the word, and the places that come close (hedged or negated);
    of a statement's places only the first where the word occurs counts."""
    said = False
    near: list[str] = []
    decided: set[int] = set()
    for index in sorted(where):
        place = places[index]
        if place.statement is not None:
            if place.statement in decided:
                continue
            decided.add(place.statement)
        if where[index]:
            said = True
        else:
            near.append(place.shown)
    return said, list(dict.fromkeys(near))
