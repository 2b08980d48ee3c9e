"""Markdown a fact-checker can paste into a draft: the claim, the ruling and the evidence.

Every finding is worded as what the source does and does not say, never as an accusation.
The output depends only on the audit (no clock, no paths), so it is byte-for-byte stable;
docs/publishing.md shows an example.

A term of a combination is a figure or a window of a flow series ("Feb 2022 - Jun 2024
(29 months) of `encounters_monthly`"); a ratio claim's combination is worked out in numbers
("(16,182 - 30,389) / 30,389 = -46.8%"). Windows are named in words, never by member ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_EVEN, Decimal

from factcheck.bands import band
from factcheck.kinds import RatioKind
from factcheck.models import (
    Audit,
    Combination,
    FigureReading,
    Match,
    Note,
    Qualifier,
    Term,
)
from factcheck.render.beyond import beyond_lines
from factcheck.units import ratio_scale
from factcheck.wording import amount, claim_number, number, percent, share, signed, signed_percent

NOTE_LABELS = {
    "period": "Period",
    "also_asserts": "Further assertions",
    "overlap": "Double counting",
    "extent": "Extent",
    "unit": "Units",
    "search": "Search",
    "covers": "Period measured",
    "recovery": "Recovery",
    "revision": "Revision",
}
OTHER_COMBINATIONS = 5  # how many reproducing combinations besides the basis to list
NEAR_MISSES = 5  # how many near misses (another period than `covers`) to list

# Characters that would otherwise start emphasis, code, links or HTML, or break a table.
# An underscore inside a word (no_nta) cannot start emphasis, so it stays as written.
_SPECIAL = re.compile(r"([\\`*\[\]<|])|(?<![0-9A-Za-z])(_)|(_)(?![0-9A-Za-z])")
_LINE_START = re.compile(r"^([#+\-=>]|\d+[.)])")


def render_markdown(audit: Audit) -> str:
    """One audit as a Markdown section (a level-2 heading), ending with a newline."""
    basis = audit.combinations[audit.basis] if audit.basis is not None else None
    blocks: list[str] = [
        f"## \u201c{_inline(audit.claim.text)}\u201d",
        _who(audit),
        _checked_claim(audit),
        f"**Ruling: {band(audit.verdict).label}.** {_inline(audit.summary)}",
        "### The arithmetic",
        *(_arithmetic(audit, basis) if basis is not None else _not_reproduced(audit)),
        *beyond_lines(audit),
    ]
    if basis is not None:
        blocks += ["### What the source calls these figures", _readings(audit, basis)]
        never = _never_says(audit, basis)
        if never:
            blocks += ["### What the source does not say", never]
    if audit.near_misses:
        blocks += ["### Near misses", *_near_misses(audit)]
    if audit.notes:
        blocks += ["### Notes", _bullets(_note(note) for note in audit.notes)]
    blocks += ["### Sources", _sources(audit), _method(audit)]
    return "\n\n".join(blocks) + "\n"


# --- the claim -------------------------------------------------------------------------


def _who(audit: Audit) -> str:
    claim = audit.claim
    said = f"Said by {_inline(claim.speaker)} on {claim.date.isoformat()}"
    if claim.venue and claim.url:
        said += f" ([{_inline(claim.venue)}](<{_url(claim.url)}>))"
    elif claim.venue:
        said += f" ({_inline(claim.venue)})"
    elif claim.url:
        said += f" (<{_url(claim.url)}>)"
    return said + "."


def _checked_claim(audit: Audit) -> str:
    claim = audit.claim
    text = f"The claim: {_claimed(audit)}, described as \u201c{_inline(claim.asserts)}\u201d"
    if claim.also_asserts:
        words = _and([f"\u201c{_inline(word)}\u201d" for word in claim.also_asserts])
        text += f"; it also says they were {words}"
    text += "."
    if claim.attributed_to or claim.period:
        text += " It attributes this to"
        if claim.attributed_to:
            text += f" {_inline(claim.attributed_to)}"
        if claim.period:
            span = f"{claim.period.start.isoformat()} to {claim.period.end.isoformat()}"
            text += f" ({span})" if claim.attributed_to else f" the period {span}"
        text += "."
    return text


def _claimed(audit: Audit) -> str:
    """The claimed number as said: "325,000 children", "47%", "a ratio of about 0.33"."""
    claim = audit.claim
    written = _amount(claim.qualifier, claim.value)
    scale = ratio_scale(claim.unit)
    if scale == 100:
        return f"{written}%"
    if scale == 1:
        return f"a ratio of {written}"
    return f"{written} {_inline(claim.unit)}"


# --- the arithmetic --------------------------------------------------------------------


def _arithmetic(audit: Audit, basis: Combination) -> list[str]:
    if basis.formula is not None:
        return _ratio_arithmetic(audit, basis)
    readings = {reading.figure: reading for reading in audit.figures}
    claim = audit.claim
    rows = [
        f"|   | Figure | What it counts | {_inline(claim.unit)} |",
        "|:-:|:--|:--|--:|",
    ]
    for term in basis.terms:
        rows.append(
            f"| {'+' if term.sign > 0 else '-'} | {_term_name(term)} "
            f"| {_term_counts(term, readings)} | {_term_amount(term, readings)} |"
        )
    difference = f"{signed(basis.difference)} ({signed_percent(basis.relative_difference)})"
    rows += [
        f"| = | **Total** |   | **{number(basis.value)}** |",
        f"|   | **Claimed** |   | {_amount(claim.qualifier, claim.value)} |",
        f"|   | **Difference** |   | {difference} |",
    ]
    blocks = ["\n".join(rows), f"{_match(audit, basis)} {_described_share(audit, basis)}"]
    return blocks + _others_and_unused(audit)


def _ratio_arithmetic(audit: Audit, basis: Combination) -> list[str]:
    """A change, share or stated figure: its terms, the formula worked out, the claim."""
    readings = {reading.figure: reading for reading in audit.figures}
    rows = ["|   | Figure | What it counts | Value |", "|:-:|:--|:--|--:|"]
    for term in _named(basis):
        rows.append(
            f"| {term.name} | {_term_name(term)} | {_term_counts(term, readings)} "
            f"| {_operand_amount(audit, basis, term, readings)} |"
        )
    value = _ratio_value(audit, basis)
    rows += [
        f"| = | **{basis.formula}** | {_worked(basis)} | **{value}** |",
        f"|   | **Claimed** |   | {_claimed(audit)} |",
        f"|   | **Difference** |   | {_ratio_difference(audit, basis)} |",
    ]
    text = f"{_match(audit, basis)} {_ratio_support(audit, basis)}"
    if basis.kind is RatioKind.change:
        text = (
            f"A change is compared with the claim by its size: {_size(audit, basis)} against "
            f"the claimed {_claimed(audit)}. {text}"
        )
    return ["\n".join(rows), text, *_others_and_unused(audit)]


def _match(audit: Audit, basis: Combination) -> str:
    if basis.match is Match.none:
        return (
            "The figures do not reproduce the claimed number: they show more than the claim, "
            f"by {percent(abs(basis.relative_difference))}."
        )
    if basis.match is Match.rounded:
        return (
            "The figures reproduce the claimed number as rounded: their total rounds to it at "
            "the precision the claim is said with."
        )
    if basis.match is Match.exact:
        return (
            "The figures reproduce the claimed number exactly: the range their wording allows "
            "meets the claim's."
        )
    return (
        "The figures reproduce the claimed number approximately, within the "
        f"{percent(audit.search.tolerance)} tolerance."
    )


def _others_and_unused(audit: Audit) -> list[str]:
    blocks = []
    others = _other_combinations(audit)
    if others:
        blocks.append(others)
    if audit.unused_figures:
        blocks.append(
            "Figures no reproducing combination uses: "
            + ", ".join(f"`{figure}`" for figure in audit.unused_figures)
            + "."
        )
    return blocks


def _term_name(term: Term) -> str:
    """A figure by its id; a window by its months and series: "Feb 2022 - Jun 2024 (29
    months) of `encounters_monthly`"."""
    if term.change is not None:
        change = term.change
        return (
            f"the change from {_inline(change.earlier.label)} to "
            f"{_inline(change.later.label)} of `{change.series}`"
        )
    if term.window is None:
        return f"`{term.figure}`"
    return f"{_inline(term.window.label)} of `{term.window.series}`"


def _term_counts(term: Term, readings: dict[str, FigureReading]) -> str:
    """What a term counts: its figure's description, or the first and last of a window."""
    members = [readings[m] for m in term.members or [term.figure] if m in readings]
    if not members:
        return ""
    if len(members) == 1:
        return _inline(members[0].describes)
    first, last = members[0], members[-1]
    return (
        f"the sum of {len(members)} figures, `{first.figure}` "
        f"({_inline(first.describes) or 'no description'}) to `{last.figure}` "
        f"({_inline(last.describes) or 'no description'})"
    )


def _term_amount(term: Term, readings: dict[str, FigureReading]) -> str:
    """The term's value with its qualifier (a window's when all its members share one)."""
    members = [readings[m] for m in term.members or [term.figure] if m in readings]
    qualifiers = {reading.qualifier for reading in members}
    qualifier = qualifiers.pop() if len(qualifiers) == 1 else Qualifier.exact
    return _amount(qualifier, term.value)


def _operand_amount(
    audit: Audit, basis: Combination, term: Term, readings: dict[str, FigureReading]
) -> str:
    if basis.kind is RatioKind.stated:  # a figure stated in the claim's unit
        return _claim_value(audit, term.value)
    text = _term_amount(term, readings)
    units = {readings[m].unit for m in term.members or [term.figure] if m in readings}
    return f"{text} {_inline(units.pop())}" if len(units) == 1 else text


def _named(basis: Combination) -> list[Term]:
    return sorted(basis.terms, key=lambda term: term.name or "")


def _worked(basis: Combination) -> str:
    """The formula with the terms' values: (16,182 - 30,389) / 30,389."""
    values = {term.name: number(term.value) for term in basis.terms}
    if basis.kind is None or basis.kind is RatioKind.stated:
        return "as the source states it"
    return basis.kind.form.write(values.get("a", ""), values.get("b", ""))


def _ratio_value(audit: Audit, basis: Combination) -> str:
    return claim_number(basis.value, audit.claim.unit, basis.kind)


def _claim_value(audit: Audit, value: Decimal) -> str:
    return claim_number(value, audit.claim.unit)


def _size(audit: Audit, basis: Combination) -> str:
    """A change by its size and direction: "a fall of 46.8%"."""
    if basis.value == 0:
        return "no change"
    kind = "rise" if basis.value > 0 else "fall"
    return f"a {kind} of {_claim_value(audit, abs(basis.value))}"


def _ratio_difference(audit: Audit, basis: Combination) -> str:
    """The difference in the claim's unit: percentage points for percent claims."""
    scale = ratio_scale(audit.claim.unit)
    places = Decimal("0.01") if scale == 100 else Decimal("0.0001")
    rounded = basis.difference.quantize(places, rounding=ROUND_HALF_EVEN)
    text = ("+" if rounded > 0 else "-" if rounded < 0 else "") + f"{abs(rounded):f}"
    if scale == 100:
        text += " percentage points"
    return f"{text} ({signed_percent(basis.relative_difference)})"


def _ratio_support(audit: Audit, basis: Combination) -> str:
    """What backs the claim's word for a ratio: the change's direction or the source's words."""
    asserts = f"\u201c{_inline(audit.claim.asserts)}\u201d"
    terms = {term.name: term for term in basis.terms}
    low, high = basis.supported_share.low, basis.supported_share.high
    if basis.kind is RatioKind.change:
        if any(reading.change_supports for reading in audit.figures):
            return f"The change is {_size(audit, basis)}, which is what {asserts} says."
        subject, role = terms.get("b"), "the later figures"
    elif basis.kind is RatioKind.share:
        subject, role = terms.get("a"), "the part"
    else:
        subject, role = terms.get("a"), "the figure"
    name = _term_name(subject) if subject is not None else ""
    if high <= 0:
        if basis.kind is RatioKind.change:
            return (
                f"The change is {_size(audit, basis)}; neither that nor the source's words for "
                f"{role}, {name}, say {asserts}."
            )
        return f"The source never describes {role}, {name}, as {asserts}."
    if low < high:
        return f"The source says {asserts} of only some of {role}, {name}."
    return f"The source describes {role}, {name}, as {asserts}."


def _described_share(audit: Audit, basis: Combination) -> str:
    asserts = _inline(audit.claim.asserts)
    value_low, value_high = basis.supported_value.low, basis.supported_value.high
    share_low, share_high = basis.supported_share.low, basis.supported_share.high
    claimed = number(audit.claim.value)
    if value_high <= 0:
        return f"The source describes none of the total as {asserts}."
    if value_low == value_high:
        amount = (
            f"{number(value_high)} of the total ({percent(share_high)} of the claimed {claimed})"
        )
    elif value_low <= 0:
        amount = (
            f"at most {number(value_high)} of the total ({percent(share_high)} of the claimed "
            f"{claimed})"
        )
    else:
        amount = (
            f"between {number(value_low)} and {number(value_high)} of the total "
            f"({percent(share_low)} to {percent(share_high)} of the claimed {claimed})"
        )
    return f"The source describes {amount} as {asserts}."


def _other_combinations(audit: Audit) -> str:
    others = [c for i, c in enumerate(audit.combinations) if i != audit.basis]
    if not others:
        return ""
    asserts = _inline(audit.claim.asserts)
    lines = [
        f"`{c.expression}` = {_claim_value_of(audit, c)}: {c.match.value} match, "
        f"{signed_percent(c.relative_difference)}; described as {asserts}: {_share(c)}"
        for c in others[:OTHER_COMBINATIONS]
    ]
    if len(others) > OTHER_COMBINATIONS:
        lines.append(f"and {len(others) - OTHER_COMBINATIONS} more (see `factcheck verify`)")
    return "Other combinations that also reproduce the number:\n\n" + _bullets(lines)


def _claim_value_of(audit: Audit, combination: Combination) -> str:
    """A combination's value as a reader writes it: 323,000; -46.8%; 0.334."""
    return claim_number(combination.value, audit.claim.unit, combination.kind)


def _not_reproduced(audit: Audit) -> list[str]:
    search = audit.search
    claim = audit.claim
    if ratio_scale(claim.unit) is not None:
        text = (
            f"No change between figures of one series, share of a whole or figure stated in "
            f"{_inline(claim.unit)} reproduces {_claimed(audit)}: none matches exactly or "
            f"comes within {percent(search.tolerance)}."
        )
    else:
        text = (
            f"No combination of the source's figures in {_inline(claim.unit)} reproduces "
            f"{_amount(claim.qualifier, claim.value)}: none matches exactly or comes within "
            f"{percent(search.tolerance)}, using up to {search.max_terms} figures at a time."
        )
    blocks = [text]
    if audit.unused_figures:
        # Near misses reproduce the number too, so their figures are not in this list.
        lead = (
            "Figures that no near miss uses either: "
            if audit.near_misses
            else "The figures checked against it: "
        )
        blocks.append(lead + ", ".join(f"`{figure}`" for figure in audit.unused_figures) + ".")
    return blocks


def _near_misses(audit: Audit) -> list[str]:
    """Combinations that reproduce the number but measure another period than `covers`."""
    lines = []
    for combination in audit.near_misses[:NEAR_MISSES]:
        period = combination.period
        measured = (
            f"measures {period.start.isoformat()} to {period.end.isoformat()}"
            if period is not None
            else "measures no known period"
        )
        lines.append(
            f"`{combination.expression}` = {_claim_value_of(audit, combination)} "
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


def _readings(audit: Audit, basis: Combination) -> str:
    readings = {reading.figure: reading for reading in audit.figures}
    terms = _named(basis) if basis.formula is not None else basis.terms
    items = []
    for term in terms:
        members = [readings[m] for m in term.members or [term.figure] if m in readings]
        if term.window is None and len(members) == 1:
            items.append(_reading(audit, basis, term, members[0]))
        elif members:
            items.append(_window_reading(audit, basis, term, members))
    return "\n\n".join(items)


def _reading(audit: Audit, basis: Combination, term: Term, reading: FigureReading) -> str:
    asserts = _inline(audit.claim.asserts)
    where = ", ".join([f"`{reading.figure}`", *_where(audit, reading)])
    head = f"- **{_amount(reading.qualifier, reading.value)}** ({where}): "
    head += _words(reading)
    head += _support(reading, term, basis, asserts)
    if reading.quote:
        return f"{head}\n\n  > {_block(reading.quote)}"
    return head


def _window_reading(
    audit: Audit, basis: Combination, term: Term, members: list[FigureReading]
) -> str:
    """A window's members, grouped by what the source calls them (usually all alike)."""
    asserts = _inline(audit.claim.asserts)
    span = (
        f"`{members[0].figure}`"
        if len(members) == 1
        else f"{len(members)} figures, `{members[0].figure}` to `{members[-1].figure}`"
    )
    where = ", ".join([span, *_where(audit, members[0], page=len(members) == 1)])
    total = _term_amount(term, {m.figure: m for m in members})
    head = f"- **{total}** ({_term_name(term)}, {where}): "
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
        ids = ", ".join(f"`{reading.figure}`" for reading in group)
        lines.append(f"  - {ids}: {_words(group[0])}{_support(group[0], term, basis, asserts)}")
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
        said = f"The source says {_and(_quoted(reading.supporting_terms))} of only some of them"
        if subtracted:
            return f"{said}; {_takes_away(asserts)}"
        return f"{said}, not of all."
    if reading.supporting_terms == reading.described_as:
        said = "That says" if len(reading.described_as) == 1 else "Each of these says"
    else:
        said = f"Of these, {_and(_quoted(reading.supporting_terms))}"
        said += " says" if len(reading.supporting_terms) == 1 else " say"
    if subtracted:
        return f"{said} {asserts}; {_takes_away(asserts)}"
    return f"{said} {asserts}."


def _takes_away(asserts: str) -> str:
    return f"it is subtracted, so it takes away from the part said to be {asserts}."


def _where(audit: Audit, reading: FigureReading, *, page: bool = True) -> list[str]:
    """The figure's source (when the claim has several) and page, for its citation."""
    parts: list[str] = []
    if len(audit.sources) > 1:
        source = next((s for s in audit.sources if s.id == reading.source), None)
        if source is not None:
            parts.append(_inline(source.publisher))
    if page and reading.page is not None:
        parts.append(f"p. {_inline(str(reading.page))}")
    return parts


def _never_says(audit: Audit, basis: Combination) -> str:
    if basis.formula is not None:
        return _ratio_never_says(audit, basis)
    readings = {reading.figure: reading for reading in audit.figures}
    asserts = _inline(audit.claim.asserts)
    terms = {term.figure: term for term in basis.terms if term.sign > 0}
    lines = []
    for figure in basis.unsupported_figures:
        term = terms.get(figure)
        if term is None:
            continue
        if term.window is not None:
            name = _term_name(term)
        elif figure in readings:
            name = f"`{figure}`"
        else:
            continue
        lines.append(
            f"The source never describes these {number(term.value)} ({name}) as {asserts}."
        )
    return _bullets(lines)


def _ratio_never_says(audit: Audit, basis: Combination) -> str:
    """A ratio the source does not back: the change's direction or the part's words."""
    if basis.supported_share.high > 0:
        return ""
    return _bullets([_ratio_support(audit, basis)])


# --- notes, sources, method ------------------------------------------------------------


def _note(note: Note) -> str:
    return f"**{NOTE_LABELS.get(note.kind, note.kind)}.** {_inline(note.message)}"


def _sources(audit: Audit) -> str:
    if not audit.sources:
        return "No source file: the figures are recorded in the claim file itself."
    lines = []
    for index, source in enumerate(audit.sources, start=1):
        line = (
            f"{index}. {_inline(source.publisher)}, \u201c{_inline(source.title)}\u201d, "
            f"{source.published.isoformat()}."
        )
        if source.url:
            line += f" <{_url(source.url)}>"
        lines.append(line)
    return "\n".join(lines)


def _method(audit: Audit) -> str:
    search = audit.search
    if ratio_scale(audit.claim.unit) is not None:
        # A ratio claim is not a sum: every change, share and stated figure is examined.
        return (
            "_Checked with factcheck: every change between figures of one series, share of a "
            f"whole and figure stated in {_inline(audit.claim.unit)} "
            f"({search.combinations_examined:,} in all), tolerance {percent(search.tolerance)}._"
        )
    text = (
        f"_Checked with factcheck: {search.figures_searched} "
        f"figure{'s' if search.figures_searched != 1 else ''} in {_inline(audit.claim.unit)}, "
        f"combinations of up to {search.max_terms}, tolerance {percent(search.tolerance)}; "
        f"{search.combinations_examined:,} combinations examined."
    )
    if not search.complete:
        text += " The search stopped at its budget, so other combinations may exist."
    return text + "_"


# --- small helpers ---------------------------------------------------------------------


def _amount(qualifier: Qualifier, value: Decimal) -> str:
    return amount(qualifier, value)


def _share(combination: Combination) -> str:
    return share(combination.supported_share.low, combination.supported_share.high, " to ")


def _quoted(words: Iterable[str]) -> list[str]:
    return [f"\u201c{_inline(word)}\u201d" for word in words]


def _and(items: Sequence[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _inline(text: str) -> str:
    """Text from the input files as literal Markdown: one line, special characters escaped."""
    return _SPECIAL.sub(lambda match: "\\" + match.group(0), " ".join(text.split()))


def _block(text: str) -> str:
    """Like _inline, and safe at the start of a line (no heading, list or quote marker)."""
    return _LINE_START.sub(r"\\\1", _inline(text))


def _url(url: str) -> str:
    # Inside <...> only these break the link; percent-encoding keeps the URL the same.
    return url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
