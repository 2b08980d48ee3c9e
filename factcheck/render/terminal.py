"""Rich renderables for people at a terminal; the same layout prints as plain text."""

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
from factcheck.models import Audit, Combination, FigureReading, Term, Verdict
from factcheck.units import ratio_scale
from factcheck.wording import amount, claim_number, number, percent, share, signed, signed_percent

SUPPORT_GLYPHS = {"all": "█", "some": "▓", "none": "░"}
SUPPORT_STYLES = {"all": "green", "some": "yellow", "none": "red"}
BAR_WIDTH = 48
UNUSED_SHOWN = 12


def _style(verdict: Verdict) -> str:
    return band(verdict).style


def render_audit(audit: Audit, *, plain: bool = False) -> RenderableType:
    """The whole verify report for one claim."""
    boxes = box.ASCII if plain else box.ROUNDED
    parts: list[RenderableType] = [_verdict_panel(audit, boxes), _claim(audit)]
    if audit.combinations:
        parts.append(_combinations_table(audit, box.ASCII if plain else box.SIMPLE_HEAD))
    parts += _beyond(audit, box.ASCII if plain else box.SIMPLE_HEAD)
    basis = audit.combinations[audit.basis] if audit.basis is not None else None
    if basis is not None:
        parts.append(_readings_table(audit, basis, box.ASCII if plain else box.SIMPLE_HEAD))
        parts.append(_formula(audit, basis) if basis.formula else _bar(audit, basis))
    if audit.notes:
        parts.append(_notes(audit))
    parts.append(_checked(audit))
    return Group(*parts)


def _verdict_panel(audit: Audit, boxes: box.Box) -> Panel:
    style = _style(audit.verdict)
    title = Text.assemble(("Verdict: ", "bold"), (audit.verdict.value.upper(), style))
    return Panel(
        Text(audit.summary),
        title=title,
        title_align="left",
        box=boxes,
        border_style=style.replace("bold ", ""),
    )


def _claim(audit: Audit) -> RenderableType:
    claim = audit.claim
    said = f"{claim.speaker}, {claim.date}"
    if claim.venue:
        said += f", {claim.venue}"
    lines = Text.assemble(("Claim  ", "bold"), f"\u201c{claim.text}\u201d ", (f"({said})", "dim"))
    lines.append("\n")
    lines.append_text(
        Text.assemble(
            ("Checks ", "bold"),
            f"{amount(claim.qualifier, claim.value)} {claim.unit}; the claim's word: "
            f"\u201c{claim.asserts}\u201d",
        )
    )
    if claim.also_asserts:
        lines.append(f" (also: {', '.join(claim.also_asserts)})")
    if claim.attributed_to or claim.period:
        lines.append("\n")
        lines.append("Attributed ", style="bold")
        who = claim.attributed_to or ""
        when = f"{claim.period.start} to {claim.period.end}" if claim.period else ""
        lines.append(" ".join(part for part in (who, when and f"({when})") if part))
    return Padding(lines, (1, 0, 0, 0))


def _combinations_table(
    audit: Audit,
    boxes: box.Box,
    combinations: Sequence[Combination] | None = None,
    title: str | None = None,
) -> RenderableType:
    if title is None:
        title = "Combinations of the source's figures that reproduce the number"
        if audit.reproduced.value == "none":  # understated: the basis does not reproduce it
            title = "The larger combination the source supports (it does not reproduce the number)"
    table = Table(title=title, title_justify="left", box=boxes, title_style="bold")
    table.add_column("#", justify="right")
    table.add_column("expression")
    table.add_column("value", justify="right")
    table.add_column("difference", justify="right")
    table.add_column("match")
    table.add_column(f"said {audit.claim.asserts}", justify="right")
    table.add_column("band")
    listed = audit.combinations if combinations is None else combinations
    for index, combination in enumerate(listed):
        marker = "*" if index == audit.basis and combinations is None else ""
        relative = signed_percent(combination.relative_difference)
        difference = _difference(audit, combination)
        table.add_row(
            f"{marker}{index + 1}",
            combination.expression,
            _value(audit, combination),
            f"{difference} ({relative})",
            combination.match.value,
            _share(combination),
            Text(combination.band.value, style=_style(combination.band)),
        )
    caption = "* the verdict's basis" if audit.basis is not None and combinations is None else None
    table.caption = caption
    table.caption_justify = "left"
    return Padding(table, (1, 0, 0, 0))


def _beyond(audit: Audit, boxes: box.Box) -> list[RenderableType]:
    """When nothing reproduces the claim: the nearest combinations and the largest total
    (rules C1, C2)."""
    parts: list[RenderableType] = []
    if audit.nearest:
        title = "Nearest combinations (none reproduces the number)"
        parts.append(_combinations_table(audit, boxes, audit.nearest, title))
    if audit.largest is not None:
        largest = audit.largest
        scale = ratio_scale(audit.claim.unit)
        value = claim_number(largest.value, audit.claim.unit)
        share = (
            f", {percent(largest.value / audit.claim.value)} of the claim"
            if audit.claim.value
            else ""
        )
        what = "Largest total " if scale is None else "Largest      "
        text = Text.assemble((what, "bold"), f"{largest.expression} = {value}{share}")
        parts.append(Padding(text, (1, 0, 0, 0)))
    return parts


def _readings_table(audit: Audit, basis: Combination, boxes: box.Box) -> RenderableType:
    table = Table(
        title="What the source calls each figure of the basis",
        title_justify="left",
        box=boxes,
        title_style="bold",
        expand=True,
    )
    table.add_column("figure", no_wrap=True)
    table.add_column("value", justify="right", no_wrap=True)
    table.add_column("the source's words", ratio=3)
    table.add_column(f"says {audit.claim.asserts}?", ratio=2)
    signs = {}
    for term in basis.terms:
        for member in term.members or [term.figure]:
            signs[member] = term.sign
    for reading in audit.figures:
        subtracted = signs.get(reading.figure, 1) < 0 and basis.formula is None
        table.add_row(
            reading.figure + (" (subtracted)" if subtracted else ""),
            amount(reading.qualifier, reading.value),
            "\n".join(f"\u201c{words}\u201d" for words in reading.described_as)
            or "(none recorded)",
            _support_text(reading),
        )
    return Padding(table, (1, 0, 0, 0))


def _support_text(reading: FigureReading) -> Text:
    if reading.change_supports is not None:
        return Text(
            f"yes: the change is a {reading.change_supports}",
            style=SUPPORT_STYLES["all"],
        )
    style = SUPPORT_STYLES[reading.supports]
    if reading.supports == "all":
        return Text(f"yes: {', '.join(reading.supporting_terms)}", style=style)
    if reading.supports == "some":
        return Text(f"of some: {', '.join(reading.supporting_terms)}", style=style)
    return Text("no", style=style)


def _bar(audit: Audit, basis: Combination) -> RenderableType:
    """Claimed value against the basis figures, each shaded by what the source says of it."""
    claim_value = audit.claim.value
    positives = [t for t in basis.terms if t.sign > 0]
    negatives = [t for t in basis.terms if t.sign < 0]
    largest = max([abs(claim_value), sum((t.value for t in positives), Decimal(0)), Decimal(1)])
    readings = {reading.figure: reading for reading in audit.figures}
    labels = {t.figure: _label(t) for t in basis.terms}
    label_width = max(len(label) for label in labels.values()) + 2
    label_width = max(label_width, len("claimed") + 2)

    def cells(value: Decimal) -> int:
        return max(1, round(BAR_WIDTH * abs(value) / largest)) if value else 0

    table = Table.grid(padding=(0, 1))
    table.add_column(width=label_width, no_wrap=True)
    table.add_column(no_wrap=True)
    claimed = Text("█" * cells(claim_value), style="bold")
    claimed.append(f" {number(claim_value)}", style="bold")
    table.add_row("claimed", claimed)
    offset = 0
    for term in positives + negatives:
        support = _term_support(term, readings)
        width = cells(term.value)
        start = offset if term.sign > 0 else max(0, offset - width)
        bar = Text(" " * start)
        bar.append(SUPPORT_GLYPHS[support] * width, style=SUPPORT_STYLES[support])
        sign = "-" if term.sign < 0 else ""
        bar.append(f" {sign}{number(term.value)}")
        table.add_row(labels[term.figure], bar)
        offset = offset + width if term.sign > 0 else max(0, offset - width)
    share = _share(basis)
    legend = Text.assemble(
        (SUPPORT_GLYPHS["all"], SUPPORT_STYLES["all"]),
        f" said {audit.claim.asserts}  ",
        (SUPPORT_GLYPHS["some"], SUPPORT_STYLES["some"]),
        " said of some  ",
        (SUPPORT_GLYPHS["none"], SUPPORT_STYLES["none"]),
        f" not said {audit.claim.asserts}   supported share: {share}",
        style="dim",
    )
    return Padding(Group(table, legend), (1, 0, 0, 0))


def _label(term: Term) -> str:
    if term.change is not None:
        change = term.change
        return f"{change.series} {change.earlier.label} to {change.later.label}"
    return f"{term.window.series} {term.window.label}" if term.window else term.figure


def _value(audit: Audit, combination: Combination) -> str:
    return claim_number(combination.value, audit.claim.unit, combination.kind)


def _term_support(term: Term, readings: dict[str, FigureReading]) -> str:
    """A window is said-so as a whole only when each of its members is."""
    found = [readings[m] for m in term.members or [term.figure] if m in readings]
    if any(r.change_supports for r in found):
        return "all"
    kinds = {r.supports for r in found}
    if kinds == {"all"}:
        return "all"
    return "some" if kinds - {"none"} else "none"


def _formula(audit: Audit, basis: Combination) -> RenderableType:
    """A ratio worked out in numbers: (18,762 - 31,578) / 31,578 = -40.6%."""
    values = {t.name: number(t.value) for t in basis.terms}
    kind = basis.kind or RatioKind.stated
    worked = kind.form.write(values.get("a", ""), values.get("b", ""))
    text = Text()
    text.append("Worked  ", style="bold")
    text.append(f"{worked} = {_value(audit, basis)}")
    for term in basis.terms:
        text.append(f"\n  {term.name} = {_label(term)}: {number(term.value)}", style="dim")
    return Padding(text, (1, 0, 0, 0))


def _notes(audit: Audit) -> RenderableType:
    text = Text()
    text.append("Notes", style="bold")
    for note in audit.notes:
        text.append(f"\n- [{note.kind}] ", style="dim")
        text.append(note.message)
    return Padding(text, (1, 0, 0, 0))


def _checked(audit: Audit) -> RenderableType:
    sources = "; ".join(
        f"{s.publisher}, \u201c{s.title}\u201d ({s.published})" for s in audit.sources
    )
    text = Text()
    text.append("Sources ", style="bold")
    text.append(sources or "(inline figures only)")
    search = audit.search
    text.append("\nChecked ", style="bold")
    if ratio_scale(audit.claim.unit) is not None:
        points = search.tolerance_points
        within = f" or {number(points)} point{'' if points == 1 else 's'}" if points else ""
        searched = (
            f"{search.figures_searched:,} changes within a series, shares of a whole and "
            f"figures stated in {audit.claim.unit}, tolerance {percent(search.tolerance)}"
            f"{within}"
        )
    else:
        searched = (
            f"{search.figures_searched:,} figures in {audit.claim.unit}, up to "
            f"{search.max_terms} per combination, tolerance {percent(search.tolerance)}; "
            f"{search.combinations_examined:,} combinations examined"
        )
    text.append(searched + ("" if search.complete else " (budget reached: incomplete)"))
    text.append("\nUnused ", style="bold")
    unused = audit.unused_figures
    shown = ", ".join(unused[:UNUSED_SHOWN])
    if len(unused) > UNUSED_SHOWN:
        shown += f" and {len(unused) - UNUSED_SHOWN} more (all in --json)"
    text.append(shown or "none: every figure is in a reproducing combination")
    return Padding(text, (1, 0, 0, 0))


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


def render_summary(audits: Sequence[Audit], *, plain: bool = False) -> RenderableType:
    """One row per claim: the batch view."""
    table = Table(
        title="Verdicts",
        title_justify="left",
        box=box.ASCII if plain else box.SIMPLE_HEAD,
        title_style="bold",
    )
    table.add_column("claim", overflow="fold")
    table.add_column("verdict")
    table.add_column("likely derivation")
    table.add_column("difference", justify="right")
    table.add_column("expected")
    for audit in audits:
        basis = audit.combinations[audit.basis] if audit.basis is not None else None
        expected = ""
        if audit.expect is not None:
            expected = "ok" if audit.expect == audit.verdict else f"DIFFERS: {audit.expect.value}"
        table.add_row(
            audit.claim.id,
            Text(audit.verdict.value, style=_style(audit.verdict)),
            f"{basis.expression} = {_value(audit, basis)}" if basis else "(none)",
            signed_percent(basis.relative_difference) if basis else "",
            expected,
        )
    return table


def to_text(renderable: RenderableType, *, plain: bool, width: int | None = None) -> str:
    """Render to a string: styled for a terminal, or plain text (no escape codes)."""
    import io
    import os

    from rich.console import Console

    if width is None:
        columns = os.environ.get("COLUMNS", "")
        width = int(columns) if columns.isdigit() else (None if not plain else 100)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=not plain,
        no_color=plain,
        color_system=None if plain else "auto",
        highlight=False,
        emoji=False,
    )
    console.print(renderable)
    text = buffer.getvalue()
    if plain:  # Rich pads every line to the width: trailing blanks only add noise to diffs
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text
