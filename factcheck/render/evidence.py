"""What a published report says about one audit, as plain text in a plain structure.

The Markdown write-up (markdown.py) and the HTML report (html.py and its templates) show the
same findings in the same order; this module words them once, and each format only escapes
and lays them out. Everything is published text (render/reader.py): figures by their labels,
amounts as readers write them, no ids. Every finding is worded as what the source does and
does not say, never as an accusation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal

from factcheck.escape import http_url
from factcheck.kinds import RatioKind
from factcheck.models import Audit, Combination, FigureReading, Match, Qualifier, Term
from factcheck.render.reader import Reader, and_list, said_or_counted
from factcheck.sentences import within
from factcheck.units import currency, ratio_scale, unit_key
from factcheck.wording import counted, number, percent, share, signed_percent, unit_words

OTHER_COMBINATIONS = 5  # how many reproducing combinations besides the basis to list
NEAR_MISSES = 5  # how many near misses (another period than `covers`) to list
UNUSED_NAMES = 12  # how many names of unused figures to list

# A document's kind (documents/read.py) as a reader writes it: "PDF, 7 pages", "text, 1 page".
_KIND_NAMES = {"pdf": "PDF", "html": "HTML", "text": "text", "markdown": "Markdown"}


@dataclass(frozen=True)
class Row:
    """One row of the arithmetic's table."""

    sign: str  # "+", "-", "a", "b", "=" or ""
    name: str
    counts: str  # what it counts, where its name does not say it
    amount: str
    total: bool = False  # a row of the result (Total, Claimed, Difference)


@dataclass(frozen=True)
class Arithmetic:
    heading: str  # the amount column's heading: the unit's words, "Amount" or "Value"
    rows: list[Row]
    text: str  # how the figures reproduce the number, and what the source says of it
    others: list[str]  # other reproducing combinations
    unused: str  # the figures no combination uses, by name


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


@dataclass(frozen=True)
class SourceLine:
    publisher: str
    title: str
    published: str
    link: str | None


@dataclass(frozen=True)
class Evidence:
    """The whole write-up of one audit, in reading order."""

    claim_text: str
    speaker: str
    date: str
    venue: str | None
    venue_link: str | None
    checked: str  # "more than 325,000 children, described as “lost”; ..."
    verdict_label: str
    summary: str
    arithmetic: Arithmetic | None
    not_reproduced: list[str]
    readings: list[Reading]
    never: list[str]
    near_lead: str
    near: list[str]
    notes: list[tuple[str, str]]
    sources: list[SourceLine]
    method: str


def evidence(audit: Audit, verdict_label: str) -> Evidence:
    r = Reader(audit)
    basis, claim = r.basis, audit.claim
    near = _near_misses(r)
    return Evidence(
        claim_text=claim.text,
        speaker=claim.speaker,
        date=claim.date.isoformat(),
        venue=claim.venue,
        venue_link=http_url(claim.url),
        checked=_checked(r),
        verdict_label=verdict_label,
        summary=r.summary(),
        arithmetic=_arithmetic(r, basis) if basis is not None else None,
        not_reproduced=_not_reproduced(r) if basis is None else [],
        readings=_readings(r, basis) if basis is not None else [],
        never=_never_says(r, basis) if basis is not None else [],
        near_lead=NEAR_LEAD if near else "",
        near=near,
        notes=r.notes(),
        sources=_sources(audit),
        method=_method(audit),
    )


# --- the claim -------------------------------------------------------------------------


def _checked(r: Reader) -> str:
    """What is checked: "more than 325,000 children, described as “lost”; it also ..."."""
    claim = r.claim
    claimed = r.claimed()
    if claimed.startswith(("rise ", "fall ")):
        claimed = f"a {claimed}"
    elif unit_key(claim.unit) == "times":  # "100 times" (issue 14)
        claimed = f"{claimed} times"
    elif ratio_scale(claim.unit) == 1:
        claimed = f"a ratio of {claimed}"
    text = f"{claimed}, described as \u201c{claim.asserts}\u201d"
    if claim.also_asserts:
        words = and_list([f"\u201c{word}\u201d" for word in claim.also_asserts])
        text += f"; it also says they were {words}"
    text += "."
    if claim.attributed_to or claim.period:
        text += " It attributes this to"
        if claim.attributed_to:
            text += f" {claim.attributed_to}"
        if claim.period:
            span = f"{claim.period.start.isoformat()} to {claim.period.end.isoformat()}"
            text += f" ({span})" if claim.attributed_to else f" the period {span}"
        text += "."
    return text


# --- the arithmetic --------------------------------------------------------------------


def _arithmetic(r: Reader, basis: Combination) -> Arithmetic:
    if basis.formula is not None:
        return _ratio_arithmetic(r, basis)
    claim = r.claim
    heading = "Amount" if currency(claim.unit) else unit_words(claim.unit)
    rows = [
        Row("+" if t.sign > 0 else "-", r.term(t), _term_counts(r, t), r.term_amount(t))
        for t in basis.terms
    ]
    difference = f"{_signed_amount(r, basis.difference)} "
    difference += f"({signed_percent(basis.relative_difference)})"
    rows += [
        Row("=", "Total", "", r.amount(basis.value, counted=False), total=True),
        Row("", "Claimed", "", r.claimed_amount(counted=False), total=True),
        Row("", "Difference", "", difference, total=True),
    ]
    text = f"{_match(r, basis)} {_described_share(r, basis)}"
    return Arithmetic(heading, rows, text, _other_combinations(r), _unused(r))


def _signed_amount(r: Reader, value: Decimal) -> str:
    """A difference with its sign, as published text writes the amount: +2,000; -$4 million."""
    written = r.amount(abs(value), counted=False)
    return ("+" if value > 0 else "-" if value < 0 else "") + written


def _ratio_arithmetic(r: Reader, basis: Combination) -> Arithmetic:
    """A change, share or stated figure: its terms, the formula worked out, the claim."""
    rows = [
        Row(t.name or "", r.term(t), _term_counts(r, t), _operand_amount(r, basis, t))
        for t in _named(basis)
    ]
    rows += [
        Row("=", basis.formula or "", _worked(basis), r.value_of(basis), total=True),
        Row("", "Claimed", "", r.claimed_amount(), total=True),
        Row("", "Difference", "", _ratio_difference(r, basis), total=True),
    ]
    text = f"{_match(r, basis)} {_ratio_support(r, basis)}"
    if basis.kind is RatioKind.change:
        text = (
            f"A change is compared with the claim by its size: {_size(r, basis)} against "
            f"the claimed {r.amount(r.claim.value)}. {text}"
        )
    return Arithmetic("Value", rows, text, _other_combinations(r), _unused(r))


def _match(r: Reader, basis: Combination) -> str:
    if basis.match is Match.none:  # an `understated` basis (rule C3)
        return (
            "The figures do not reproduce the claimed number: they show more than the claim, "
            f"by {percent(abs(basis.relative_difference))}."
        )
    if basis.match is Match.rounded:  # rule B1
        return (
            "The figures reproduce the claimed number as rounded: their total rounds to it at "
            "the precision the claim is said with."
        )
    if basis.match is Match.exact:
        how = r.exactly(basis)
        if how != "exactly":  # "nearly $12 million" admits $11.9 million
            return f"The figures reproduce the claimed number {how}."
        return (
            "The figures reproduce the claimed number exactly: the range their wording allows "
            "meets the claim's."
        )
    return (
        "The figures reproduce the claimed number approximately, within the "
        f"{percent(r.audit.search.tolerance)} tolerance."
    )


def _match_words(r: Reader, combination: Combination) -> str:
    """ "approximate match"; an `exact` one "exact match" only for the claimed value itself."""
    if combination.match is Match.exact and combination.difference != 0:
        return r.exactly(combination)
    return f"{combination.match.value} match"


def _unused(r: Reader) -> str:
    """The unused figures by name, each name once ("border encounters" names a whole series)."""
    names = list(dict.fromkeys(r.figure(figure) for figure in r.audit.unused_figures))
    shown = names[:UNUSED_NAMES]
    if len(names) > UNUSED_NAMES:
        shown.append(f"{len(names) - UNUSED_NAMES} more")
    return "; ".join(shown)


def _term_counts(r: Reader, term: Term) -> str:
    """What a term counts, where its name does not say it already: its figure's description,
    or for a window how many figures it adds up."""
    members = r.members(term)
    if not members:
        return ""
    if term.window is not None and len(members) > 1:
        return f"the sum of {len(members)} figures"
    described = members[0].describes
    return "" if not described or described == r.term(term) else described


def _operand_amount(r: Reader, basis: Combination, term: Term) -> str:
    if basis.kind is RatioKind.stated:  # a figure stated in the claim's unit
        return r.amount(term.value)
    return r.term_amount(term, counted=True)


def _named(basis: Combination) -> list[Term]:
    return sorted(basis.terms, key=lambda term: term.name or "")


def _worked(basis: Combination) -> str:
    """The formula with the terms' values: (16,182 - 30,389) / 30,389."""
    values = {term.name: number(term.value) for term in basis.terms}
    if basis.kind is None or basis.kind is RatioKind.stated:
        return "as the source states it"
    return basis.kind.form.write(values.get("a", ""), values.get("b", ""))


def _size(r: Reader, basis: Combination) -> str:
    """A change by its size and direction: "a fall of 46.8%"."""
    if basis.value == 0:
        return "no change"
    kind = "rise" if basis.value > 0 else "fall"
    return f"a {kind} of {r.amount(abs(basis.value), kind=RatioKind.share)}"


def _ratio_difference(r: Reader, basis: Combination) -> str:
    """The difference in the claim's unit: percentage points for percent claims."""
    scale = ratio_scale(r.claim.unit)
    places = Decimal("0.01") if scale == 100 else Decimal("0.0001")
    rounded = basis.difference.quantize(places, rounding=ROUND_HALF_EVEN)
    text = ("+" if rounded > 0 else "-" if rounded < 0 else "") + f"{abs(rounded):f}"
    if scale == 100:
        text += " percentage points"
    return f"{text} ({signed_percent(basis.relative_difference)})"


def _ratio_support(r: Reader, basis: Combination) -> str:
    """What backs the claim's word for a ratio: the change's direction or the source's words."""
    asserts = f"\u201c{r.claim.asserts}\u201d"
    terms = {term.name: term for term in basis.terms}
    low, high = basis.supported_share.low, basis.supported_share.high
    if basis.kind is RatioKind.change:
        if any(reading.change_supports for reading in r.audit.figures):
            return f"The change is {_size(r, basis)}, which is what {asserts} says."
        subject, role = terms.get("b"), "the later figures"
    elif basis.kind is RatioKind.share:
        subject, role = terms.get("a"), "the part"
    else:
        subject, role = terms.get("a"), "the figure"
    name = r.term(subject) if subject is not None else ""
    if high <= 0:
        if basis.kind is RatioKind.change:
            return (
                f"The change is {_size(r, basis)}; neither that nor the source's words for "
                f"{role}, {name}, say {asserts}."
            )
        return f"The source never describes {role}, {name}, as {asserts}."
    if low < high:
        return f"The source says {asserts} of only some of {role}, {name}."
    return f"The source describes {role}, {name}, as {asserts}."


def _described_share(r: Reader, basis: Combination) -> str:
    """What the source says of the total, as a share of the total (rule A3: shares are of
    the matched value, not of the claimed one), prorated to the claim's period (rule D)."""
    asserts = r.claim.asserts
    value_low, value_high = basis.supported_value.low, basis.supported_value.high
    share_low, share_high = basis.supported_share.low, basis.supported_share.high
    total = f"the {r.amount(basis.value, counted=False)} total"
    inside = within(basis.period, r.claim.period)

    def written(value: Decimal) -> str:
        return r.amount(value, counted=False)

    if value_high <= 0:
        return f"The source describes none of the total as {asserts}."
    if value_low == value_high:
        said = f"{written(value_high)} ({percent(share_high)} of {total})"
    elif value_low <= 0:
        said = f"at most {written(value_high)} ({percent(share_high)} of {total})"
    else:
        said = (
            f"between {written(value_low)} and {written(value_high)} "
            f"({percent(share_low)} to {percent(share_high)} of {total})"
        )
    return f"The source describes {said} as {asserts}{inside}."


def _other_combinations(r: Reader) -> list[str]:
    audit = r.audit
    others = [c for i, c in enumerate(audit.combinations) if i != audit.basis]
    lines = [
        f"{r.expression(c)} = {r.value_of(c)}: {_match_words(r, c)}, "
        f"{signed_percent(c.relative_difference)}; described as {audit.claim.asserts}: "
        f"{share(c.supported_share.low, c.supported_share.high, ' to ')}"
        for c in others[:OTHER_COMBINATIONS]
    ]
    if len(others) > OTHER_COMBINATIONS:
        lines.append(f"and {len(others) - OTHER_COMBINATIONS} more (see factcheck verify)")
    return lines


def _not_reproduced(r: Reader) -> list[str]:
    audit = r.audit
    search, claim = audit.search, audit.claim
    claimed = r.claimed_amount()
    if ratio_scale(claim.unit) is not None:
        text = (
            f"No change between figures of one series, share of a whole or figure stated in "
            f"{claim.unit} reproduces {claimed}: none matches exactly or comes within "
            f"{percent(search.tolerance)}."
        )
    else:
        text = (
            f"No combination of the source's figures reproduces {claimed}: none matches "
            f"exactly or comes within {percent(search.tolerance)}, using up to "
            f"{counted(search.max_terms, 'figure')} at a time."
        )
    blocks = [text]
    unused = _unused(r)
    if unused:
        # Near misses reproduce the number too, so their figures are not in this list.
        lead = (
            "Figures that no near miss uses either: "
            if audit.near_misses
            else "The figures checked against it: "
        )
        blocks.append(f"{lead}{unused}.")
    return blocks


NEAR_LEAD = (
    "These reproduce the number but measure another period than the one the claim's number "
    "covers, so they do not count towards the ruling:"
)


def _near_misses(r: Reader) -> list[str]:
    """Combinations that reproduce the number but measure another period than `covers`."""
    audit = r.audit
    lines = []
    for combination in audit.near_misses[:NEAR_MISSES]:
        period = combination.period
        measured = (
            f"measures {period.start.isoformat()} to {period.end.isoformat()}"
            if period is not None
            else "measures no known period"
        )
        lines.append(
            f"{r.expression(combination)} = {r.value_of(combination)} "
            f"({_match_words(r, combination)}, "
            f"{signed_percent(combination.relative_difference)}): {measured}"
        )
    if len(audit.near_misses) > NEAR_MISSES:
        lines.append(f"and {len(audit.near_misses) - NEAR_MISSES} more (see factcheck verify)")
    return lines


# --- the source's words ----------------------------------------------------------------


def _readings(r: Reader, basis: Combination) -> list[Reading]:
    terms = _named(basis) if basis.formula is not None else basis.terms
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


def _never_says(r: Reader, basis: Combination) -> list[str]:
    if basis.formula is not None:
        # A ratio the source does not back: the change's direction or the part's words.
        return [] if basis.supported_share.high > 0 else [_ratio_support(r, basis)]
    terms = {term.figure: term for term in basis.terms if term.sign > 0}
    return [
        f"The source never describes {r.term(terms[figure])} ({r.term_amount(terms[figure])}) "
        f"as {r.claim.asserts}."
        for figure in basis.unsupported_figures
        if figure in terms
    ]


# --- sources, method -------------------------------------------------------------------


def _sources(audit: Audit) -> list[SourceLine]:
    return [
        SourceLine(s.publisher, s.title, s.published.isoformat(), http_url(s.url))
        for s in audit.sources
    ]


def _method(audit: Audit) -> str:
    search = audit.search
    unit = audit.claim.unit
    if ratio_scale(unit) is not None:
        # A ratio claim is not a sum: every change, share and stated figure is examined.
        return (
            "Checked with factcheck: every change between figures of one series, share of a "
            f"whole and figure stated in {unit} ({search.combinations_examined:,} in all), "
            f"tolerance {percent(search.tolerance)}."
        )
    text = (
        f"Checked with factcheck: {counted(search.figures_searched, 'figure')} in {unit}, "
        f"combinations of up to {search.max_terms}, tolerance {percent(search.tolerance)}; "
        f"{counted(search.combinations_examined, 'combination')} examined."
    )
    if not search.complete:
        text += " The search stopped at its budget, so other combinations may exist."
    return text
