"""What a published report says about one audit, as plain text in a plain structure.

The Markdown write-up (markdown.py) and the HTML report (html.py and its templates) show the
same findings in the same order; this module words them once, and each format only escapes
and lays them out. Everything is published text (render/reader.py): figures by their labels,
amounts as readers write them, no ids. Every finding is worded as what the source does and
does not say, never as an accusation.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from factcheck.escape import http_url
from factcheck.kinds import RatioKind
from factcheck.models import Audit, Combination, Match, Term
from factcheck.render.evidence_words import Reading, named, readings
from factcheck.render.reader import Reader, and_list
from factcheck.sentences import within
from factcheck.units import currency, ratio_scale, unit_key
from factcheck.wording import counted, number, percent, share, signed_percent, unit_words

OTHER_COMBINATIONS = 5  # how many reproducing combinations besides the basis to list
NEAR_MISSES = 5  # how many near misses (another period than `covers`) to list
UNUSED_NAMES = 12  # how many names of unused figures to list


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
        readings=readings(r, basis) if basis is not None else [],
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
        for t in named(basis)
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
