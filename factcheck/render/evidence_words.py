"""What the source calls each figure of the basis, as published text says it: its words,
whether they say (or count as) the claim's word, where they stand, and where factcheck found
them in the source's document. evidence.py lays these beside the rest of the findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.escape import http_url
from factcheck.models import Combination, FigureReading, Qualifier, Term
from factcheck.render.reader import Reader, and_list, said_or_counted

# A document's kind (documents/read.py) as a reader writes it: "PDF, 7 pages", "text, 1 page".
_KIND_NAMES = {"pdf": "PDF", "html": "HTML", "text": "text", "markdown": "Markdown"}


@dataclass(frozen=True)
class Group:
    """Members of a window that the source calls alike."""

    names: str
    words: str
    support: str


@dataclass(frozen=True)
class Reading:
    """What the source calls one figure (or window) of the basis."""

    name: str
    where: list[str]  # its amount, how many figures, its source (of several), its page
    words: str  # "in the source's words, “a”, “b”."
    support: str  # whether they say the claim's word
    says: str  # in short: "Says “lost”: yes.", "Counts as “slashed”: yes.", "Says “lost”: no."
    quote: str | None = None
    link: str | None = None  # the source's document, when it names an http(s) one
    groups: list[Group] = field(default_factory=list)
    checked: str = ""  # where factcheck found the quote in the source's document, if it read one


def named(basis: Combination) -> list[Term]:
    return sorted(basis.terms, key=lambda term: term.name or "")


def readings(r: Reader, basis: Combination) -> list[Reading]:
    terms = named(basis) if basis.formula is not None else basis.terms
    items = []
    for term in terms:
        members = r.members(term)
        if members:
            items.append(_reading(r, basis, term, members))
    return items


def _reading(r: Reader, basis: Combination, term: Term, members: list[FigureReading]) -> Reading:
    """A figure, or a window's members grouped by what the source calls them."""
    asserts = r.claim.asserts
    one = len(members) == 1
    # A ratio's operands are counts of something else than the claim's unit: say what.
    amount = r.term_amount(term, counted=basis.formula is not None)
    first = members[0]
    if one and first.value == term.value and first.qualifier is Qualifier.exact:
        # as the source wrote it ("1,02,74,10,872"), the amount beside it
        amount = r.as_written(
            first.value_as_written, term.value, first.unit, counted=basis.formula is not None
        )
    where = [amount, *([] if one else [f"{len(members)} figures"]), *_where(r, members[0], one)]
    groups: dict[tuple[object, ...], list[FigureReading]] = {}
    for reading in members:
        key = (
            tuple(reading.described_as),
            reading.supports,
            tuple(reading.supporting_terms),
            tuple(reading.supporting_wordings),
            reading.change_supports,
        )
        groups.setdefault(key, []).append(reading)
    first = members[0]
    link = _link_of(r, first)
    if len(groups) == 1:
        words = _words(first, "" if one else " (each of them)")
        support = _support(first, term, basis, asserts)
        quote = first.quote if one else None
        checked = _found_in_document(r, first) if one else ""
        return Reading(r.term(term), where, words, support, r.says(first), quote, link, [], checked)
    listed = [
        Group(
            "; ".join(reading.describes or r.figure(reading.figure) for reading in group),
            _words(group[0]),
            _support(group[0], term, basis, asserts),
        )
        for group in groups.values()
    ]
    words = "the source describes its figures in different words."
    in_part = f"Says \u201c{asserts}\u201d: in part."
    return Reading(r.term(term), where, words, "", in_part, None, link, listed)


def _words(reading: FigureReading, said_of: str = "") -> str:
    if reading.described_as:
        quoted = ", ".join(f"\u201c{word}\u201d" for word in reading.described_as)
        return f"in the source's words, {quoted}{said_of}."
    return "the source's own words for it are not recorded."


def _support(reading: FigureReading, term: Term, basis: Combination, asserts: str) -> str:
    # In a ratio the earlier term of a change is not taken away from anything.
    subtracted = term.sign < 0 and basis.formula is None
    if reading.change_supports is not None:
        return (
            f"Its own words do not say {asserts}, but it is one end of a change in one "
            f"series, and the change runs the way {asserts} means."
        )
    if reading.supports == "none":
        if subtracted:
            return f"It is subtracted from the total; its words do not say {asserts}."
        if reading.described_as:
            return f"None of these says {asserts}."
        return f"Nothing recorded of it says {asserts}."
    quoted = [f"\u201c{word}\u201d" for word in reading.supporting_terms]
    if reading.supports == "some":
        said = f"The source says {and_list(quoted)} of only some of them"
        if subtracted:
            return f"{said}; {_takes_away(asserts)}"
        return f"{said}, not of all."
    said = _says_or_counts(reading, asserts)
    if subtracted:
        return f"{said}; {_takes_away(asserts)}"
    return f"{said}."


def _says_or_counts(reading: FigureReading, asserts: str) -> str:
    """ "That says cut"; where the source's words are a synonym, not the claim's word itself
    in some inflection, what they count as: "That counts as slashed (“reduced” is read as a
    word for it)". Published text never says the source used a word it did not use."""
    says, counted = said_or_counted(reading, asserts)
    every = reading.supporting_terms == reading.described_as
    saying = f"{_verb(says, 'says', 'say')} {asserts}"
    if not counted:
        if every:
            return ("That says" if len(says) == 1 else "Each of these says") + f" {asserts}"
        return f"Of these, {and_list(_quoted(says))} {saying}"
    # The synonym, where the words are more than it: "missing" needs no "(“missing” ...)".
    synonyms = list(
        dict.fromkeys(synonym for term, synonym in counted if term.casefold() != synonym)
    )
    read = (
        f" ({and_list(_quoted(synonyms))} {_verb(synonyms, 'is', 'are')} read as "
        f"{_verb(synonyms, 'a word', 'words')} for it)"
        if synonyms
        else ""
    )
    terms = [term for term, _ in counted]
    if not says and every:
        lead = "That counts" if len(terms) == 1 else "Each of these counts"
        return f"{lead} as {asserts}{read}"
    counts = f"{and_list(_quoted(terms))} {_verb(terms, 'counts', 'count')} as {asserts}{read}"
    lead = "" if every else "Of these, "
    return f"{lead}{and_list(_quoted(says))} {saying}; {counts}" if says else f"{lead}{counts}"


def _quoted(words: list[str]) -> list[str]:
    return [f"\u201c{word}\u201d" for word in words]


def _verb(items: list[str], one: str, many: str) -> str:
    return one if len(items) == 1 else many


def _takes_away(asserts: str) -> str:
    return f"it is subtracted, so it takes away from the part said to be {asserts}."


def _where(r: Reader, reading: FigureReading, page: bool = True) -> list[str]:
    """The figure's source (when the claim has several) and page, for its citation."""
    parts: list[str] = []
    if len(r.audit.sources) > 1:
        source = next((s for s in r.audit.sources if s.id == reading.source), None)
        if source is not None:
            parts.append(source.publisher)
    if page and reading.page is not None:
        parts.append(f"p. {reading.page}")
    return parts


def _link_of(r: Reader, reading: FigureReading) -> str | None:
    """The document's published URL (docs/provenance.md), else the source's."""
    document = next((d for d in r.audit.documents if d.source == reading.source), None)
    if document is not None and http_url(document.url):
        return http_url(document.url)
    source = next((s for s in r.audit.sources if s.id == reading.source), None)
    return http_url(source.url) if source is not None else None


def _found_in_document(r: Reader, reading: FigureReading) -> str:
    """Where factcheck found the figure's quote in the source's document, when it read one."""
    document = next((d for d in r.audit.documents if d.source == reading.source), None)
    found = (
        next((f for f in document.figures if f.figure == reading.figure), None)
        if document
        else None
    )
    quote = (
        next((p for p in found.phrases if p.role in ("quote", "table")), None) if found else None
    )
    if document is None or quote is None:
        return ""
    what = "quote" if quote.role == "quote" else "table cell"
    kind = f"{_KIND_NAMES.get(document.kind, document.kind)}, " if document.kind else ""
    pages = f"{document.pages} page{'s' if document.pages != 1 else ''}"
    if quote.status == "found":
        return f"Checked: the {what} is on page {quote.page} of the document ({kind}{pages})."
    if quote.status == "ambiguous":
        return f"Checked: the {what} is on several pages of the document ({kind}{pages})."
    return f"The {what} was not found in the document ({kind}{pages})."
