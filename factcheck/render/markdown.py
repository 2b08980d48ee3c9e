"""Markdown a fact-checker can paste into a draft: the claim, the ruling and the evidence.

Published text: figures are named by their labels and amounts written as readers write them
("$2.4 billion", "more than 291,000"), through render/reader.py; ids stay in the terminal
and the JSON. Every finding is worded as what the source does and does not say, never as
an accusation. Every string from the input files passes through `escape.markdown_text`, and
only http(s) URLs become links (`escape.http_url`). The output depends only on the audit
(no clock, no paths), so it is byte-for-byte stable; docs/publishing.md shows an example.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal

from factcheck.bands import band
from factcheck.escape import http_url, markdown_text
from factcheck.kinds import RatioKind
from factcheck.models import Audit, Combination, FigureReading, Match, Term
from factcheck.render.reader import Reader, and_list
from factcheck.units import currency, ratio_scale
from factcheck.wording import number, percent, share, signed_percent, unit_words

OTHER_COMBINATIONS = 5  # how many reproducing combinations besides the basis to list
NEAR_MISSES = 5  # how many near misses (another period than `covers`) to list
UNUSED_NAMES = 12  # how many names of unused figures to list

# At the start of a line these would make a heading, a list item, a quote or a rule.
_LINE_START = re.compile(r"^([#+\-=>]|\d+[.)])")


def render_markdown(audit: Audit) -> str:
    """One audit as a Markdown section (a level-2 heading), ending with a newline."""
    r = Reader(audit)
    basis = r.basis
    blocks: list[str] = [
        f"## \u201c{_md(audit.claim.text)}\u201d",
        _who(r),
        _checked_claim(r),
        f"**Ruling: {band(audit.verdict).label}.** {_md(r.summary())}",
        "### The arithmetic",
        *(_arithmetic(r, basis) if basis is not None else _not_reproduced(r)),
    ]
    if basis is not None:
        blocks += ["### What the source calls these figures", _readings(r, basis)]
        never = _never_says(r, basis)
        if never:
            blocks += ["### What the source does not say", never]
    if audit.near_misses:
        blocks += ["### Near misses", *_near_misses(r)]
    if audit.notes:
        blocks += ["### Notes", _bullets(f"**{_md(h)}.** {_md(n)}" for h, n in r.notes())]
    blocks += ["### Sources", _sources(audit), _method(audit)]
    return "\n\n".join(blocks) + "\n"


# --- the claim -------------------------------------------------------------------------


def _who(r: Reader) -> str:
    claim = r.claim
    said = f"Said by {_md(claim.speaker)} on {claim.date.isoformat()}"
    url = http_url(claim.url)
    if claim.venue and url:
        said += f" ([{_md(claim.venue)}](<{_link(url)}>))"
    elif claim.venue:
        said += f" ({_md(claim.venue)})"
    elif url:
        said += f" (<{_link(url)}>)"
    return said + "."


def _checked_claim(r: Reader) -> str:
    claim = r.claim
    claimed = r.claimed()
    if claimed.startswith(("rise ", "fall ")):
        claimed = f"a {claimed}"
    elif ratio_scale(claim.unit) == 1:
        claimed = f"a ratio of {claimed}"
    text = f"The claim: {_md(claimed)}, described as \u201c{_md(claim.asserts)}\u201d"
    if claim.also_asserts:
        words = and_list([f"\u201c{_md(word)}\u201d" for word in claim.also_asserts])
        text += f"; it also says they were {words}"
    text += "."
    if claim.attributed_to or claim.period:
        text += " It attributes this to"
        if claim.attributed_to:
            text += f" {_md(claim.attributed_to)}"
        if claim.period:
            span = f"{claim.period.start.isoformat()} to {claim.period.end.isoformat()}"
            text += f" ({span})" if claim.attributed_to else f" the period {span}"
        text += "."
    return text


# --- the arithmetic --------------------------------------------------------------------


def _arithmetic(r: Reader, basis: Combination) -> list[str]:
    if basis.formula is not None:
        return _ratio_arithmetic(r, basis)
    claim = r.claim
    heading = "Amount" if currency(claim.unit) else _md(unit_words(claim.unit))
    rows = [f"|   | Figure | What it counts | {heading} |", "|:-:|:--|:--|--:|"]
    for term in basis.terms:
        rows.append(
            f"| {'+' if term.sign > 0 else '-'} | {_md(r.term(term))} "
            f"| {_term_counts(r, term)} | {_md(r.term_amount(term))} |"
        )
    difference = f"{_md(_signed_amount(r, basis.difference))} "
    difference += f"({signed_percent(basis.relative_difference)})"
    rows += [
        f"| = | **Total** |   | **{_md(r.amount(basis.value, counted=False))}** |",
        f"|   | **Claimed** |   | {_md(r.amount(claim.value, claim.qualifier, counted=False))} |",
        f"|   | **Difference** |   | {difference} |",
    ]
    blocks = ["\n".join(rows), f"{_match(r, basis)} {_described_share(r, basis)}"]
    return blocks + _others_and_unused(r)


def _signed_amount(r: Reader, value: Decimal) -> str:
    """A difference with its sign, as published text writes the amount: +2,000; -$4 million."""
    written = r.amount(abs(value), counted=False)
    return ("+" if value > 0 else "-" if value < 0 else "") + written


def _ratio_arithmetic(r: Reader, basis: Combination) -> list[str]:
    """A change, share or stated figure: its terms, the formula worked out, the claim."""
    rows = ["|   | Figure | What it counts | Value |", "|:-:|:--|:--|--:|"]
    for term in _named(basis):
        rows.append(
            f"| {term.name} | {_md(r.term(term))} | {_term_counts(r, term)} "
            f"| {_md(_operand_amount(r, basis, term))} |"
        )
    rows += [
        f"| = | **{basis.formula}** | {_worked(basis)} | **{_md(r.value_of(basis))}** |",
        f"|   | **Claimed** |   | {_md(r.amount(r.claim.value, r.claim.qualifier))} |",
        f"|   | **Difference** |   | {_ratio_difference(r, basis)} |",
    ]
    text = f"{_match(r, basis)} {_ratio_support(r, basis)}"
    if basis.kind is RatioKind.change:
        text = (
            f"A change is compared with the claim by its size: {_size(r, basis)} against "
            f"the claimed {_md(r.amount(r.claim.value))}. {text}"
        )
    return ["\n".join(rows), text, *_others_and_unused(r)]


def _match(r: Reader, basis: Combination) -> str:
    if basis.match is Match.exact:
        return (
            "The figures reproduce the claimed number exactly: the range their wording allows "
            "meets the claim's."
        )
    return (
        "The figures reproduce the claimed number approximately, within the "
        f"{percent(r.audit.search.tolerance)} tolerance."
    )


def _others_and_unused(r: Reader) -> list[str]:
    blocks = []
    others = _other_combinations(r)
    if others:
        blocks.append(others)
    unused = _unused(r)
    if unused:
        blocks.append(f"Figures no reproducing combination uses: {unused}.")
    return blocks


def _unused(r: Reader) -> str:
    """The unused figures by name, each name once ("border encounters" names a whole series)."""
    names = list(dict.fromkeys(r.figure(figure) for figure in r.audit.unused_figures))
    shown = [_md(name) for name in names[:UNUSED_NAMES]]
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
    return "" if not described or described == r.term(term) else _md(described)


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
    return f"a {kind} of {_md(r.amount(abs(basis.value), kind=RatioKind.share))}"


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
    asserts = f"\u201c{_md(r.claim.asserts)}\u201d"
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
    name = _md(r.term(subject)) if subject is not None else ""
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
    asserts = _md(r.claim.asserts)
    value_low, value_high = basis.supported_value.low, basis.supported_value.high
    share_low, share_high = basis.supported_share.low, basis.supported_share.high
    claimed = _md(r.amount(r.claim.value, counted=False))

    def written(value: Decimal) -> str:
        return _md(r.amount(value, counted=False))

    if value_high <= 0:
        return f"The source describes none of the total as {asserts}."
    if value_low == value_high:
        said = (
            f"{written(value_high)} of the total ({percent(share_high)} of the claimed {claimed})"
        )
    elif value_low <= 0:
        said = (
            f"at most {written(value_high)} of the total ({percent(share_high)} of the claimed "
            f"{claimed})"
        )
    else:
        said = (
            f"between {written(value_low)} and {written(value_high)} of the total "
            f"({percent(share_low)} to {percent(share_high)} of the claimed {claimed})"
        )
    return f"The source describes {said} as {asserts}."


def _other_combinations(r: Reader) -> str:
    audit = r.audit
    others = [c for i, c in enumerate(audit.combinations) if i != audit.basis]
    if not others:
        return ""
    asserts = _md(audit.claim.asserts)
    lines = [
        f"{_md(r.expression(c))} = {_md(r.value_of(c))}: {c.match.value} match, "
        f"{signed_percent(c.relative_difference)}; described as {asserts}: {_share(c)}"
        for c in others[:OTHER_COMBINATIONS]
    ]
    if len(others) > OTHER_COMBINATIONS:
        lines.append(f"and {len(others) - OTHER_COMBINATIONS} more (see `factcheck verify`)")
    return "Other combinations that also reproduce the number:\n\n" + _bullets(lines)


def _not_reproduced(r: Reader) -> list[str]:
    audit = r.audit
    search, claim = audit.search, audit.claim
    claimed = _md(r.amount(claim.value, claim.qualifier))
    if ratio_scale(claim.unit) is not None:
        text = (
            f"No change between figures of one series, share of a whole or figure stated in "
            f"{_md(claim.unit)} reproduces {claimed}: none matches exactly or comes within "
            f"{percent(search.tolerance)}."
        )
    else:
        text = (
            f"No combination of the source's figures reproduces {claimed}: none matches "
            f"exactly or comes within {percent(search.tolerance)}, using up to "
            f"{search.max_terms} figures at a time."
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
            f"{_md(r.expression(combination))} = {_md(r.value_of(combination))} "
            f"({combination.match.value} match, "
            f"{signed_percent(combination.relative_difference)}): {measured}"
        )
    if len(audit.near_misses) > NEAR_MISSES:
        lines.append(f"and {len(audit.near_misses) - NEAR_MISSES} more (see `factcheck verify`)")
    lead = (
        "These reproduce the number but measure another period than the one the claim's "
        "number covers, so they do not count towards the ruling:"
    )
    return [lead, _bullets(lines)]


# --- the source's words ----------------------------------------------------------------


def _readings(r: Reader, basis: Combination) -> str:
    terms = _named(basis) if basis.formula is not None else basis.terms
    items = []
    for term in terms:
        members = r.members(term)
        if term.window is None and len(members) == 1:
            items.append(_reading(r, basis, term, members[0]))
        elif members:
            items.append(_window_reading(r, basis, term, members))
    return "\n\n".join(items)


def _reading(r: Reader, basis: Combination, term: Term, reading: FigureReading) -> str:
    asserts = _md(r.claim.asserts)
    # A ratio's operands are counts of something else than the claim's unit: say what.
    amount = r.term_amount(term, counted=basis.formula is not None)
    where = ", ".join([_md(amount), *_where(r, reading)])
    head = f"- **{_md(r.term(term))}** ({where}): "
    head += _words(reading)
    head += _support(reading, term, basis, asserts)
    if reading.quote:
        return f"{head}\n\n  > {_block(reading.quote)}"
    return head


def _window_reading(r: Reader, basis: Combination, term: Term, members: list[FigureReading]) -> str:
    """A window's members, grouped by what the source calls them (usually all alike)."""
    asserts = _md(r.claim.asserts)
    count = "" if len(members) == 1 else f"{len(members)} figures"
    where = ", ".join(
        part
        for part in [
            _md(r.term_amount(term)),
            count,
            *_where(r, members[0], page=len(members) == 1),
        ]
        if part
    )
    head = f"- **{_md(r.term(term))}** ({where}): "
    groups: dict[tuple[object, ...], list[FigureReading]] = {}
    for reading in members:
        key = (
            tuple(reading.described_as),
            reading.supports,
            tuple(reading.supporting_terms),
            reading.change_supports,
        )
        groups.setdefault(key, []).append(reading)
    if len(groups) == 1:
        every = "" if len(members) == 1 else " (each of them)"
        text = head + _words(members[0], every)
        text += _support(members[0], term, basis, asserts)
        if len(members) == 1 and members[0].quote:
            text += f"\n\n  > {_block(members[0].quote)}"
        return text
    lines = [head + "the source describes its figures in different words."]
    for group in groups.values():
        named = "; ".join(_md(reading.describes or r.figure(reading.figure)) for reading in group)
        lines.append(f"  - {named}: {_words(group[0])}{_support(group[0], term, basis, asserts)}")
    return "\n".join(lines)


def _words(reading: FigureReading, said_of: str = "") -> str:
    if reading.described_as:
        return f"in the source's words, {', '.join(_quoted(reading.described_as))}{said_of}. "
    return "the source's own words for it are not recorded. "


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
    if reading.supports == "some":
        said = f"The source says {and_list(_quoted(reading.supporting_terms))} of only some of them"
        if subtracted:
            return f"{said}; {_takes_away(asserts)}"
        return f"{said}, not of all."
    if reading.supporting_terms == reading.described_as:
        said = "That says" if len(reading.described_as) == 1 else "Each of these says"
    else:
        said = f"Of these, {and_list(_quoted(reading.supporting_terms))}"
        said += " says" if len(reading.supporting_terms) == 1 else " say"
    if subtracted:
        return f"{said} {asserts}; {_takes_away(asserts)}"
    return f"{said} {asserts}."


def _takes_away(asserts: str) -> str:
    return f"it is subtracted, so it takes away from the part said to be {asserts}."


def _where(r: Reader, reading: FigureReading, *, page: bool = True) -> list[str]:
    """The figure's source (when the claim has several) and page, for its citation."""
    parts: list[str] = []
    if len(r.audit.sources) > 1:
        source = next((s for s in r.audit.sources if s.id == reading.source), None)
        if source is not None:
            parts.append(_md(source.publisher))
    if page and reading.page is not None:
        parts.append(f"p. {_md(str(reading.page))}")
    return parts


def _never_says(r: Reader, basis: Combination) -> str:
    if basis.formula is not None:
        return _ratio_never_says(r, basis)
    asserts = _md(r.claim.asserts)
    terms = {term.figure: term for term in basis.terms if term.sign > 0}
    lines = [
        f"The source never describes {_md(r.term(terms[figure]))} "
        f"({_md(r.term_amount(terms[figure]))}) as {asserts}."
        for figure in basis.unsupported_figures
        if figure in terms
    ]
    return _bullets(lines)


def _ratio_never_says(r: Reader, basis: Combination) -> str:
    """A ratio the source does not back: the change's direction or the part's words."""
    if basis.supported_share.high > 0:
        return ""
    return _bullets([_ratio_support(r, basis)])


# --- sources, method -------------------------------------------------------------------


def _sources(audit: Audit) -> str:
    if not audit.sources:
        return "No source file: the figures are recorded in the claim file itself."
    lines = []
    for index, source in enumerate(audit.sources, start=1):
        line = (
            f"{index}. {_md(source.publisher)}, \u201c{_md(source.title)}\u201d, "
            f"{source.published.isoformat()}."
        )
        url = http_url(source.url)
        if url:
            line += f" <{_link(url)}>"
        lines.append(line)
    return "\n".join(lines)


def _method(audit: Audit) -> str:
    search = audit.search
    unit = _md(audit.claim.unit)
    if ratio_scale(audit.claim.unit) is not None:
        # A ratio claim is not a sum: every change, share and stated figure is examined.
        return (
            "_Checked with factcheck: every change between figures of one series, share of a "
            f"whole and figure stated in {unit} "
            f"({search.combinations_examined:,} in all), tolerance {percent(search.tolerance)}._"
        )
    text = (
        f"_Checked with factcheck: {search.figures_searched} "
        f"figure{'s' if search.figures_searched != 1 else ''} in {unit}, "
        f"combinations of up to {search.max_terms}, tolerance {percent(search.tolerance)}; "
        f"{search.combinations_examined:,} combinations examined."
    )
    if not search.complete:
        text += " The search stopped at its budget, so other combinations may exist."
    return text + "_"


# --- small helpers ---------------------------------------------------------------------


def _share(combination: Combination) -> str:
    return share(combination.supported_share.low, combination.supported_share.high, " to ")


def _quoted(words: Iterable[str]) -> list[str]:
    return [f"\u201c{_md(word)}\u201d" for word in words]


def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _md(text: str) -> str:
    """Text as literal Markdown: on one line, visible, its markup characters escaped."""
    return markdown_text(" ".join(text.split()))


def _block(text: str) -> str:
    """Like _md, and safe at the start of a line (no heading, list or quote marker)."""
    return _LINE_START.sub(r"\\\1", _md(text))


def _link(url: str) -> str:
    # Inside <...> only these break the link; percent-encoding keeps the URL the same.
    return url.replace("<", "%3C").replace(">", "%3E")
