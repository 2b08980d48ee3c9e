"""The verdict's chart: claimed, reproduced and said-so, as bars on one scale.

The same story as the terminal's bars (render/terminal.py): the claimed number; the basis's
figures stacked into the number they reproduce, each shaded by what the source says of it
(the claim's word for all of it, for some of it, or not at all; a subtracted figure is
drawn over the part it takes away); and how much of it the source does describe with the
claim's word. This module only measures: it returns rows of segments in percent of the
chart's width, which templates/chart.svg.j2 draws; nothing is carried by colour alone (each
shade is also a pattern, named in the legend, and every bar is labelled in words).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from factcheck.kinds import RatioKind
from factcheck.models import Combination, Term
from factcheck.render.reader import Reader, said_of
from factcheck.sentences import within
from factcheck.wording import percent

Shade = Literal["claimed", "all", "some", "none", "subtracted"]

# Each row is a line of text (its name and amount) over its bar. Bars are measured in
# percent of the chart's width, so that they scale with the page while the text, which is
# HTML, keeps its size and wraps on a narrow screen.
BARS_FROM = 0.5  # leaves room for the first bar's outline
BARS_WIDTH = 99.0  # the longest bar
BAR_HEIGHT = 26  # CSS pixels

LEGEND: dict[Shade, str] = {
    "claimed": "claimed",
    "all": "{said} {word}",
    "some": "{said} {word} of some",
    "none": "not {said} {word}",
    "subtracted": "subtracted",
}


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    shade: Shade
    value: Decimal  # the amount the segment stands for, as a number (tests measure it)
    title: str  # what it is, in words: the tooltip and the screen reader's name


@dataclass(frozen=True)
class Row:
    name: str  # "Claimed", "Reproduced", "Said “lost”"
    key: Literal["claimed", "reproduced", "supported"]
    segments: list[Segment]
    text: str  # the row's amount in words, after its bar


@dataclass(frozen=True)
class Chart:
    title: str
    rows: list[Row]
    legend: list[tuple[Shade, str]]
    description: str  # the text alternative: every bar's amount in one paragraph
    # The layout, for the template.
    left: float = BARS_FROM
    bar_height: int = BAR_HEIGHT


def chart(reader: Reader) -> Chart | None:
    """The chart of an audit's basis, or None when nothing reproduces the claim."""
    basis = reader.basis
    if basis is None:
        return None
    word = reader.claim.asserts
    scale = _Scale(_largest(reader, basis))
    rows = [
        _claimed_row(reader, scale),
        _reproduced_row(reader, basis, scale),
        _supported_row(reader, basis, scale),
    ]
    shades = [s.shade for row in rows for s in row.segments]
    said = reader.said_verb()
    legend = [
        (shade, text.format(said=said, word=word))
        for shade, text in LEGEND.items()
        if shade in shades
    ]
    texts = [f"{row.name}: {row.text}" for row in rows]
    if basis.formula is None:
        texts[1] += f", from {_terms(reader, basis)}"
    description = " ".join(f"{text}." for text in texts)
    title = f"Claimed, reproduced and {said} \u201c{word}\u201d"
    return Chart(title, rows, legend, description)


class _Scale:
    """Amounts to widths: the largest amount drawn fills BARS_WIDTH."""

    def __init__(self, largest: Decimal) -> None:
        self.largest = largest if largest > 0 else Decimal(1)

    def width(self, value: Decimal) -> float:
        if value == 0:
            return 0.0
        # A non-zero amount stays visible (a pixel or two), however small beside the largest.
        return max(0.2, float(abs(value) / self.largest) * BARS_WIDTH)


def _largest(reader: Reader, basis: Combination) -> Decimal:
    claimed = abs(reader.claim.value)
    if basis.formula is not None:
        return max(claimed, abs(basis.value), basis.supported_value.high)
    added = sum((t.value for t in basis.terms if t.sign > 0), Decimal(0))
    return max(claimed, added, basis.supported_value.high)


def _claimed_row(reader: Reader, scale: _Scale) -> Row:
    value = abs(reader.claim.value)
    text = reader.claimed()
    segment = Segment(BARS_FROM, scale.width(value), "claimed", value, f"Claimed: {text}")
    return Row("Claimed", "claimed", [segment], text)


def _reproduced_row(reader: Reader, basis: Combination, scale: _Scale) -> Row:
    total = reader.value_of(basis)
    if basis.formula is not None:  # a ratio: one bar, the ratio's size
        value = abs(basis.value)
        shade = _shade_of_ratio(reader, basis)
        segment = Segment(BARS_FROM, scale.width(value), shade, value, f"Reproduced: {total}")
        return Row("Reproduced", "reproduced", [segment], total)
    segments: list[Segment] = []
    end = float(BARS_FROM)
    for term in [t for t in basis.terms if t.sign > 0]:
        width = scale.width(term.value)
        segments.append(Segment(end, width, _shade(reader, term), term.value, _title(reader, term)))
        end += width
    for term in [t for t in basis.terms if t.sign < 0]:
        width = min(scale.width(term.value), end - BARS_FROM)
        title = f"subtracted: {_title(reader, term)}"
        segments.append(Segment(end - width, width, "subtracted", term.value, title))
    return Row("Reproduced", "reproduced", segments, total)


def _supported_row(reader: Reader, basis: Combination, scale: _Scale) -> Row:
    word, said = reader.claim.asserts, reader.said_verb()
    low, high = basis.supported_value.low, basis.supported_value.high
    share_low, share_high = basis.supported_share.low, basis.supported_share.high
    # A ratio's said-so part is a size, written without a change's sign.
    kind = None if basis.formula is None else RatioKind.share
    low_text = reader.amount(low, counted=False, kind=kind)
    high_text = reader.amount(high, counted=False, kind=kind)
    segments = []
    if low > 0:
        segments.append(
            Segment(BARS_FROM, scale.width(low), "all", low, f"{said} {word}: {low_text}")
        )
    if high > low:
        x = BARS_FROM + scale.width(low)
        title = f"{said} {word} of some: up to {high_text}"
        segments.append(Segment(x, scale.width(high) - scale.width(low), "some", high - low, title))
    # Shares are of the reproduced value, not of the claimed one (rule A3), and of its days
    # inside the claim's period when prorated (rule D).
    of = f"of the reproduced {reader.value_of(basis)}{within(basis.period, reader.claim.period)}"
    if high <= 0:
        text = f"none ({percent(Decimal(0))} {of})"
    elif low == high:
        text = f"{high_text} ({percent(share_high)} {of})"
    elif low <= 0:
        text = f"at most {high_text} ({percent(share_high)} {of})"
    else:
        text = f"{low_text} to {high_text} ({percent(share_low)} to {percent(share_high)} {of})"
    return Row(f"{said.capitalize()} \u201c{word}\u201d", "supported", segments, text)


def _shade(reader: Reader, term: Term) -> Shade:
    """A term is said-so as a whole only when each of its members is (as the terminal)."""
    return said_of(reader.members(term))


def _shade_of_ratio(reader: Reader, basis: Combination) -> Shade:
    low, high = basis.supported_share.low, basis.supported_share.high
    if low >= 1:
        return "all"
    return "some" if high > 0 else "none"


def _terms(reader: Reader, basis: Combination) -> str:
    """ "children not served a Notice to Appear (more than 291,000, not said lost) plus ..."."""
    parts: list[str] = []
    for term in basis.terms:
        said = LEGEND[_shade(reader, term)].format(
            said=reader.said_verb(), word=reader.claim.asserts
        )
        amount = reader.term_amount(term)
        sign = "minus " if term.sign < 0 and parts else ""
        parts.append(f"{sign}{reader.term(term)} ({amount}, {said})")
    return " plus ".join(parts).replace(" plus minus ", " minus ")


def _title(reader: Reader, term: Term) -> str:
    return f"{reader.term(term)}: {reader.term_amount(term)}"
