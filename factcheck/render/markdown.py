"""Markdown a fact-checker can paste into a draft: the claim, the ruling and the evidence.

Every finding is worded as what the source does and does not say, never as an accusation.
The output depends only on the audit (no clock, no paths), so it is byte-for-byte stable;
docs/publishing.md shows an example.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from factcheck.judge import amount, number, percent
from factcheck.models import (
    Audit,
    Combination,
    FigureReading,
    Match,
    Note,
    Qualifier,
    Term,
    Verdict,
)

RULINGS = {
    Verdict.supported: "Supported",
    Verdict.misleading: "Misleading",
    Verdict.false: "False",
    Verdict.unsupported: "Unsupported",
}
NOTE_LABELS = {
    "period": "Period",
    "also_asserts": "Further assertions",
    "overlap": "Double counting",
    "extent": "Extent",
    "unit": "Units",
    "search": "Search",
}
OTHER_COMBINATIONS = 5  # how many reproducing combinations besides the basis to list

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
        f"**Ruling: {RULINGS[audit.verdict]}.** {_inline(audit.summary)}",
        "### The arithmetic",
        *(_arithmetic(audit, basis) if basis is not None else _not_reproduced(audit)),
    ]
    if basis is not None:
        blocks += ["### What the source calls these figures", _readings(audit, basis)]
        never = _never_says(audit, basis)
        if never:
            blocks += ["### What the source does not say", never]
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
    text = (
        f"The claim: {_amount(claim.qualifier, claim.value)} {_inline(claim.unit)}, "
        f"described as \u201c{_inline(claim.asserts)}\u201d"
    )
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


# --- the arithmetic --------------------------------------------------------------------


def _arithmetic(audit: Audit, basis: Combination) -> list[str]:
    readings = {reading.figure: reading for reading in audit.figures}
    claim = audit.claim
    rows = [
        f"|   | Figure | What it counts | {_inline(claim.unit)} |",
        "|:-:|:--|:--|--:|",
    ]
    for term in basis.terms:
        reading = readings.get(term.figure)
        counts = reading.describes if reading else ""
        rows.append(
            f"| {'+' if term.sign > 0 else '-'} | `{term.figure}` | {_inline(counts)} "
            f"| {_term_amount(term, reading)} |"
        )
    difference = f"{_signed(basis.difference)} ({_signed_percent(basis.relative_difference)})"
    rows += [
        f"| = | **Total** |   | **{number(basis.value)}** |",
        f"|   | **Claimed** |   | {_amount(claim.qualifier, claim.value)} |",
        f"|   | **Difference** |   | {difference} |",
    ]
    match = (
        "The figures reproduce the claimed number exactly: the range their wording allows "
        "meets the claim's."
        if basis.match is Match.exact
        else "The figures reproduce the claimed number approximately, within the "
        f"{percent(audit.search.tolerance)} tolerance."
    )
    blocks = ["\n".join(rows), f"{match} {_described_share(audit, basis)}"]
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


def _term_amount(term: Term, reading: FigureReading | None) -> str:
    qualifier = reading.qualifier if reading else Qualifier.exact
    return _amount(qualifier, term.value)


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
        f"`{c.expression}` = {number(c.value)}: {c.match.value} match, "
        f"{_signed_percent(c.relative_difference)}; described as {asserts}: {_share(c)}"
        for c in others[:OTHER_COMBINATIONS]
    ]
    if len(others) > OTHER_COMBINATIONS:
        lines.append(f"and {len(others) - OTHER_COMBINATIONS} more (see `factcheck verify`)")
    return "Other combinations that also reproduce the number:\n\n" + _bullets(lines)


def _not_reproduced(audit: Audit) -> list[str]:
    search = audit.search
    claim = audit.claim
    text = (
        f"No combination of the source's figures in {_inline(claim.unit)} reproduces "
        f"{_amount(claim.qualifier, claim.value)}: none matches exactly or comes within "
        f"{percent(search.tolerance)}, using up to {search.max_terms} figures at a time."
    )
    blocks = [text]
    if audit.unused_figures:
        blocks.append(
            "The figures checked against it: "
            + ", ".join(f"`{figure}`" for figure in audit.unused_figures)
            + "."
        )
    return blocks


# --- the source's words ----------------------------------------------------------------


def _readings(audit: Audit, basis: Combination) -> str:
    readings = {reading.figure: reading for reading in audit.figures}
    items = []
    for term in basis.terms:
        reading = readings.get(term.figure)
        if reading is not None:
            items.append(_reading(audit, basis, term, reading))
    return "\n\n".join(items)


def _reading(audit: Audit, basis: Combination, term: Term, reading: FigureReading) -> str:
    asserts = _inline(audit.claim.asserts)
    where = ", ".join([f"`{reading.figure}`", *_where(audit, reading)])
    head = f"- **{_amount(reading.qualifier, reading.value)}** ({where}): "
    if reading.described_as:
        head += f"in the source's words, {', '.join(_quoted(reading.described_as))}. "
    else:
        head += "the source's own words for it are not recorded. "
    head += _support(reading, term, basis, asserts)
    if reading.quote:
        return f"{head}\n\n  > {_block(reading.quote)}"
    return head


def _support(reading: FigureReading, term: Term, basis: Combination, asserts: str) -> str:
    if reading.change_supports is not None:
        return (
            f"Its own words do not say {asserts}, but it is one end of a change in one "
            f"series, and the change runs the way {asserts} means."
        )
    if reading.supports == "none":
        if term.sign < 0:
            return f"It is subtracted from the total; its words do not say {asserts}."
        if reading.described_as:
            return f"None of these says {asserts}."
        return f"Nothing recorded of it says {asserts}."
    if reading.supports == "some":
        said = f"The source says {_and(_quoted(reading.supporting_terms))} of only some of them"
        if term.sign < 0:
            return f"{said}; {_takes_away(asserts)}"
        return f"{said}, not of all."
    if reading.supporting_terms == reading.described_as:
        said = "That says" if len(reading.described_as) == 1 else "Each of these says"
    else:
        said = f"Of these, {_and(_quoted(reading.supporting_terms))}"
        said += " says" if len(reading.supporting_terms) == 1 else " say"
    if term.sign < 0:
        return f"{said} {asserts}; {_takes_away(asserts)}"
    return f"{said} {asserts}."


def _takes_away(asserts: str) -> str:
    return f"it is subtracted, so it takes away from the part said to be {asserts}."


def _where(audit: Audit, reading: FigureReading) -> list[str]:
    """The figure's source (when the claim has several) and page, for its citation."""
    parts: list[str] = []
    if len(audit.sources) > 1:
        source = next((s for s in audit.sources if s.id == reading.source), None)
        if source is not None:
            parts.append(_inline(source.publisher))
    if reading.page is not None:
        parts.append(f"p. {_inline(str(reading.page))}")
    return parts


def _never_says(audit: Audit, basis: Combination) -> str:
    readings = {reading.figure: reading for reading in audit.figures}
    asserts = _inline(audit.claim.asserts)
    added = {term.figure for term in basis.terms if term.sign > 0}
    lines = [
        f"The source never describes these {number(readings[figure].value)} (`{figure}`) "
        f"as {asserts}."
        for figure in basis.unsupported_figures
        if figure in added and figure in readings
    ]
    return _bullets(lines)


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
    low, high = combination.supported_share.low, combination.supported_share.high
    return percent(low) if low == high else f"{percent(low)} to {percent(high)}"


def _signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + number(value)


def _signed_percent(value: Decimal) -> str:
    return ("+" if value > 0 else "") + percent(value)


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
