"""Rich renderables for people at a terminal; the same layout prints as plain text.

The report fits the width it is rendered at (render/fit.py): tables where they fit, lists
where they would not, and never a number, a verdict or an expression cut short. Every
string from an input goes through fit.safe or fit.cell on its way in.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factcheck.bands import band
from factcheck.kinds import RatioKind
from factcheck.models import Audit, ClaimSummary, Combination, FigureReading, Verdict
from factcheck.render.bars import SUPPORT_STYLES, Bars, label
from factcheck.render.fit import Column, Fitted, cell, safe, terminal_width
from factcheck.sentences import match_word
from factcheck.units import ratio_scale
from factcheck.wording import (
    claim_number,
    number,
    percent,
    share,
    shown_beside_words,
    signed,
    signed_percent,
    written_amount,
)

UNUSED_SHOWN = 12
# The narrowest a column of prose may be in a table (else the rows become a list).
WORDS_ROOM = 24
SAYS_ROOM = 14
CLAIM_ROOM = 16
DERIVATION_ROOM = 20


def _style(verdict: Verdict) -> str:
    return band(verdict).style


def render_audit(audit: Audit, *, plain: bool = False) -> RenderableType:
    """The whole verify report for one claim."""
    parts: list[RenderableType] = [_verdict_panel(audit, plain), _claim(audit)]
    if audit.combinations:
        parts.append(_gap(_combinations(audit, plain)))
    parts += _beyond(audit, plain)
    basis = audit.combinations[audit.basis] if audit.basis is not None else None
    if basis is not None:
        parts.append(_gap(_readings(audit, basis, plain)))
        parts.append(_gap(_formula(audit, basis) if basis.formula else _bars(audit, basis)))
    if audit.notes:
        parts.append(_gap(_notes(audit)))
    parts.append(_gap(_checked(audit)))
    return Group(*parts)


def _gap(renderable: RenderableType) -> Padding:
    return Padding(renderable, (1, 0, 0, 0))


def _verdict_panel(audit: Audit, plain: bool) -> Panel:
    style = _style(audit.verdict)
    title = Text.assemble(("Verdict: ", "bold"), (audit.verdict.value.upper(), style))
    return Panel(
        cell(audit.summary),
        title=title,
        title_align="left",
        box=box.ASCII if plain else box.ROUNDED,
        border_style=style.replace("bold ", ""),
    )


def _claim(audit: Audit) -> RenderableType:
    claim = audit.claim
    said = f"{claim.speaker}, {claim.date}"
    if claim.venue:
        said += f", {claim.venue}"
    lines = Text.assemble(
        ("Claim  ", "bold"), f"\u201c{safe(claim.text)}\u201d ", (f"({safe(said)})", "dim")
    )
    lines.append("\n")
    lines.append_text(
        Text.assemble(
            ("Checks ", "bold"),
            f"{written_amount(claim.qualifier, _shown(claim), _written(claim.value_as_written))} "
            f"{safe(claim.unit)}; the claim's word: \u201c{safe(claim.asserts)}\u201d",
        )
    )
    if claim.also_asserts:
        lines.append(f" (also: {safe(', '.join(claim.also_asserts))})")
    if claim.attributed_to or claim.period:
        lines.append("\n")
        lines.append("Attributed ", style="bold")
        who = claim.attributed_to or ""
        when = f"{claim.period.start} to {claim.period.end}" if claim.period else ""
        lines.append(safe(" ".join(part for part in (who, when and f"({when})") if part)))
    return _gap(lines)


def _combinations(
    audit: Audit,
    plain: bool,
    combinations: Sequence[Combination] | None = None,
    title: str | None = None,
) -> Fitted:
    """The combinations that reproduce the number (or, given, other combinations: the
    nearest ones, under their own title)."""
    if title is None:
        title = "Combinations of the source's figures that reproduce the number"
        if audit.reproduced.value == "none":  # understated: the basis does not reproduce it
            title = "The larger combination the source supports (it does not reproduce the number)"
    said = f"said {safe(audit.claim.asserts)}"
    ours = combinations is None
    fitted = Fitted(
        title=title,
        columns=[
            Column("#", justify="right", whole=True),
            Column("expression", words=True),
            Column("value", justify="right", whole=True),
            Column("difference", justify="right", whole=True),
            Column("match", whole=True),
            Column(said, justify="right", whole=True),
            Column("band", whole=True),
        ],
        caption="* the verdict's basis" if audit.basis is not None and ours else None,
        plain=plain,
    )
    listed = Table.grid(padding=(0, 1))
    listed.add_column(justify="right", no_wrap=True)
    listed.add_column(overflow="fold")
    shown = audit.combinations if combinations is None else combinations
    for index, combination in enumerate(shown):
        marker = f"{'*' if index == audit.basis and ours else ''}{index + 1}"
        relative = signed_percent(combination.relative_difference)
        difference = f"{_difference(audit, combination)} ({relative})"
        verdict = Text(combination.band.value, style=_style(combination.band))
        match = match_word(combination.match, combination.difference)
        fitted.add_row(
            Text(marker),
            cell(combination.expression),
            Text(_value(audit, combination)),
            Text(difference),
            Text(match),
            Text(_share(combination)),
            verdict,
        )
        body = cell(f"{combination.expression} = {_value(audit, combination)}")
        body.append(f"\ndifference {difference}, {match}; {said}: {_share(combination)}; band ")
        body.append_text(verdict)
        listed.add_row(marker, body)
    heading = Text(fitted.title, style="bold")
    caption = [Text(fitted.caption)] if fitted.caption else []
    fitted.stacked = Group(heading, listed, *caption)
    return fitted


def _beyond(audit: Audit, plain: bool) -> list[RenderableType]:
    """When nothing reproduces the claim: the nearest combinations and the largest total
    (rules C1, C2)."""
    parts: list[RenderableType] = []
    if audit.nearest:
        title = "Nearest combinations (none reproduces the number)"
        parts.append(_gap(_combinations(audit, plain, audit.nearest, title)))
    if audit.largest is not None:
        largest = audit.largest
        value = claim_number(largest.value, audit.claim.unit)
        share = (
            f", {percent(largest.value / audit.claim.value)} of the claim"
            if audit.claim.value
            else ""
        )
        what = "Largest total " if ratio_scale(audit.claim.unit) is None else "Largest      "
        text = Text.assemble((what, "bold"), cell(f"{largest.expression} = {value}{share}"))
        parts.append(_gap(text))
    return parts


def _readings(audit: Audit, basis: Combination, plain: bool) -> Fitted:
    says = f"says {safe(audit.claim.asserts)}?"
    fitted = Fitted(
        title="What the source calls each figure of the basis",
        columns=[
            Column("figure", whole=True),
            Column("value", justify="right", whole=True),
            Column("the source's words", room=WORDS_ROOM, ratio=3),
            Column(says, room=SAYS_ROOM, ratio=2),
        ],
        expand=True,
        plain=plain,
    )
    signs = {}
    for term in basis.terms:
        for member in term.members or [term.figure]:
            signs[member] = term.sign
    listed: list[RenderableType] = [Text(fitted.title, style="bold")]
    for reading in audit.figures:
        subtracted = signs.get(reading.figure, 1) < 0 and basis.formula is None
        figure = cell(reading.figure + (" (subtracted)" if subtracted else ""))
        written = _written(reading.value_as_written)
        value = written_amount(reading.qualifier, reading.value, written)
        words = Text(
            "\n".join(f"\u201c{safe(words)}\u201d" for words in reading.described_as)
            or "(none recorded)"
        )
        fitted.add_row(figure, Text(value), words, _support_text(reading))
        heading = Text.assemble(figure, ": ", value)
        body = Text.assemble(words, "\n", f"{says} ", _support_text(reading))
        listed.extend([heading, Padding(body, (0, 0, 0, 2))])
    fitted.stacked = Group(*listed)
    return fitted


def _shown(claim: ClaimSummary) -> Decimal:
    """The claimed value beside the words it was written in: "a third (33.3)"."""
    return shown_beside_words(claim.value, claim.unit, claim.value_as_written)


def _written(value_as_written: str | None) -> str | None:
    """A value as its file wrote it, safe on a terminal (it is input)."""
    return safe(value_as_written) if value_as_written else None


def _support_text(reading: FigureReading) -> Text:
    if reading.change_supports is not None:
        return cell(f"yes: the change is a {reading.change_supports}", SUPPORT_STYLES["all"])
    style = SUPPORT_STYLES[reading.supports]
    if reading.supports == "all":
        return cell(f"yes: {', '.join(reading.supporting_terms)}", style)
    if reading.supports == "some":
        return cell(f"of some: {', '.join(reading.supporting_terms)}", style)
    return Text("no", style=style)


def _bars(audit: Audit, basis: Combination) -> Bars:
    """Claimed value against the basis figures, each shaded by what the source says of it."""
    readings = {reading.figure: reading for reading in audit.figures}
    return Bars(audit.claim.value, basis.terms, readings, audit.claim.asserts, _share(basis))


def _value(audit: Audit, combination: Combination) -> str:
    return claim_number(combination.value, audit.claim.unit, combination.kind)


def _formula(audit: Audit, basis: Combination) -> RenderableType:
    """A ratio worked out in numbers: (18,762 - 31,578) / 31,578 = -40.6%."""
    values = {t.name: number(t.value) for t in basis.terms}
    kind = basis.kind or RatioKind.stated
    worked = kind.form.write(values.get("a", ""), values.get("b", ""))
    text = Text()
    text.append("Worked  ", style="bold")
    text.append(f"{worked} = {_value(audit, basis)}")
    for term in basis.terms:
        text.append(f"\n  {term.name} = {safe(label(term))}: {number(term.value)}", style="dim")
    return text


def _notes(audit: Audit) -> RenderableType:
    """Each note a list item, its lines wrapped under its text (a hanging indent)."""
    items = Table.grid(padding=(0, 1))
    items.add_column(no_wrap=True)
    items.add_column(overflow="fold")
    for note in audit.notes:
        items.add_row("-", Text.assemble((f"[{note.kind}] ", "dim"), safe(note.message)))
    return Group(Text("Notes", style="bold"), items)


def _checked(audit: Audit) -> RenderableType:
    sources = "; ".join(
        f"{s.publisher}, \u201c{s.title}\u201d ({s.published})" for s in audit.sources
    )
    text = Text()
    text.append("Sources ", style="bold")
    text.append(safe(sources) or "(inline figures only)")
    search = audit.search
    text.append("\nChecked ", style="bold")
    unit = safe(audit.claim.unit)
    if ratio_scale(audit.claim.unit) is not None:
        points = search.tolerance_points
        within = f" or {number(points)} point{'' if points == 1 else 's'}" if points else ""
        # The count is of every ratio tried, whatever its kind (kinds.py), not of changes.
        searched = (
            f"{_count(search.figures_searched, 'ratio')} (changes within a series, shares of "
            f"a whole, quotients where the claim asks for them, figures stated in {unit}), "
            f"tolerance {percent(search.tolerance)}{within}"
        )
    else:
        searched = (
            f"{_count(search.figures_searched, 'figure')} in {unit}, up to "
            f"{search.max_terms} per combination, tolerance {percent(search.tolerance)}; "
            f"{_count(search.combinations_examined, 'combination')} examined"
        )
    text.append(searched + ("" if search.complete else " (budget reached: incomplete)"))
    text.append("\nUnused ", style="bold")
    unused = audit.unused_figures
    shown = safe(", ".join(unused[:UNUSED_SHOWN]))
    if len(unused) > UNUSED_SHOWN:
        shown += f" and {len(unused) - UNUSED_SHOWN} more (all in --json)"
    text.append(shown or "none: every figure is in a reproducing combination")
    return text


def _count(count: int, word: str) -> str:
    """1 combination, 10 combinations (words of this report take a plain -s)."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _share(combination: Combination) -> str:
    return share(combination.supported_share.low, combination.supported_share.high)


def _difference(audit: Audit, combination: Combination) -> str:
    """The difference in the claim's unit: 2,000 children; 0.4 percentage points."""
    scale = ratio_scale(audit.claim.unit)
    if scale is None:
        return signed(combination.difference)
    places = Decimal("0.1") if scale == 100 else Decimal("0.001")
    value = combination.difference.quantize(places)
    return f"{'+' if value > 0 else ''}{value}{' pp' if scale == 100 else ''}"


def _as_expected(audit: Audit) -> str:
    """The list's words for the claim's `expect:`: ' (as expected)', or what was expected."""
    if audit.expect is None:
        return ""
    if audit.expect == audit.verdict:
        return " (as expected)"
    return f"; DIFFERS from the expected {audit.expect.value}"


def render_summary(audits: Sequence[Audit], *, plain: bool = False) -> RenderableType:
    """One row per claim: the batch view."""
    fitted = Fitted(
        title="Verdicts",
        columns=[
            Column("claim", room=CLAIM_ROOM, words=True),
            Column("verdict", whole=True),
            Column("likely derivation", room=DERIVATION_ROOM, words=True),
            Column("difference", justify="right", whole=True),
            Column("expected", whole=True),
        ],
        plain=plain,
    )
    listed: list[RenderableType] = [Text(fitted.title, style="bold")]
    for audit in audits:
        basis = audit.combinations[audit.basis] if audit.basis is not None else None
        expected = ""
        if audit.expect is not None:
            expected = "ok" if audit.expect == audit.verdict else f"DIFFERS: {audit.expect.value}"
        verdict = Text(audit.verdict.value, style=_style(audit.verdict))
        derivation = f"{basis.expression} = {_value(audit, basis)}" if basis else "(none)"
        difference = signed_percent(basis.relative_difference) if basis else ""
        fitted.add_row(
            cell(audit.claim.id), verdict, cell(derivation), Text(difference), Text(expected)
        )
        body = Text.assemble(verdict, _as_expected(audit), "\n")
        body.append_text(cell(derivation) if basis else Text("no combination reproduces it"))
        if difference:
            body.append(f" ({difference})")
        listed.extend([cell(audit.claim.id, "bold"), Padding(body, (0, 0, 0, 2))])
    fitted.stacked = Group(*listed)
    return fitted


def to_text(renderable: RenderableType, *, plain: bool, width: int | None = None) -> str:
    """Render to a string: styled for a terminal, or plain text (no escape codes), at
    `width` columns (default: the terminal's, see fit.terminal_width)."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width or terminal_width(),
        force_terminal=not plain,
        no_color=plain,
        color_system=None if plain else "auto",
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(renderable)
    text = buffer.getvalue()
    if plain:  # Rich pads every line to the width: trailing blanks only add noise to diffs
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text
