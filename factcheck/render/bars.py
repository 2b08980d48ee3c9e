"""The terminal's bar chart: the claimed number against the figures of the basis, each bar
shaded by what the source says of it, sized to the width it is rendered at."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from factcheck.models import FigureReading, Term
from factcheck.render.fit import safe
from factcheck.render.reader import said_of
from factcheck.wording import number

SUPPORT_GLYPHS = {"all": "█", "some": "▓", "none": "░"}
SUPPORT_STYLES = {"all": "green", "some": "yellow", "none": "red"}
BAR_WIDTH = 48  # the longest bar, where the terminal has room for it
# A bar shorter than this beside its label says little: the labels go on lines of their own.
SHORTEST_BAR = 16


def label(term: Term) -> str:
    """A term as the chart and the worked formula name it: a figure id, a window, or a
    change between two windows."""
    if term.change is not None:
        change = term.change
        return f"{change.series} {change.earlier.label} to {change.later.label}"
    return f"{term.window.series} {term.window.label}" if term.window else term.figure


def term_support(term: Term, readings: Mapping[str, FigureReading]) -> str:
    """A window is said-so as a whole only when each of its members is."""
    return said_of([readings[m] for m in term.members or [term.figure] if m in readings])


@dataclass(frozen=True)
class _Row:
    label: str
    start: int  # cells before the bar
    cells: int
    glyph: str
    style: str
    figure: str  # the number written after the bar


@dataclass(frozen=True)
class Bars:
    """The chart and its legend; laid out when rendered, at the width Rich gives it."""

    claimed: Decimal
    terms: Sequence[Term]
    readings: Mapping[str, FigureReading]
    asserts: str
    share: str

    def _rows(self, bar_width: int) -> list[_Row]:
        positives = [t for t in self.terms if t.sign > 0]
        negatives = [t for t in self.terms if t.sign < 0]
        total = sum((t.value for t in positives), Decimal(0))
        largest = max(abs(self.claimed), total, Decimal(1))

        def cells(value: Decimal) -> int:
            return max(1, round(bar_width * abs(value) / largest)) if value else 0

        rows = [_Row("claimed", 0, cells(self.claimed), "█", "bold", number(self.claimed))]
        offset = 0
        for term in positives + negatives:
            support = term_support(term, self.readings)
            width = cells(term.value)
            start = offset if term.sign > 0 else max(0, offset - width)
            sign = "-" if term.sign < 0 else ""
            rows.append(
                _Row(
                    safe(label(term)),
                    start,
                    width,
                    SUPPORT_GLYPHS[support],
                    SUPPORT_STYLES[support],
                    f"{sign}{number(term.value)}",
                )
            )
            offset = offset + width if term.sign > 0 else max(0, offset - width)
        return rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        labels = [safe(label(t)) for t in self.terms]
        label_width = max(cell_len(text) for text in ["claimed", *labels]) + 2
        figures = [number(self.claimed), *(number(t.value) for t in self.terms)]
        figure_width = max(len(f) for f in figures) + 2  # a space and perhaps a sign
        beside = width - label_width - 1 - figure_width
        if beside >= SHORTEST_BAR:
            bar_width, indent = min(BAR_WIDTH, beside), label_width + 1
        else:  # each label on a line of its own, its bar below it
            bar_width, indent = max(1, min(BAR_WIDTH, width - figure_width)), 0
        for index, row in enumerate(self._rows(bar_width)):
            line = Text(overflow="fold")
            if indent:
                line.append(row.label + " " * (indent - cell_len(row.label)))
            else:
                yield Text(row.label, overflow="fold")
            line.append(" " * row.start)
            line.append(row.glyph * row.cells, style=row.style)
            line.append(f" {row.figure}", style="" if index else "bold")
            yield line
        yield from self._legend(width)

    def _legend(self, width: int) -> list[Text]:
        """The key to the glyphs and the supported share, packed into as few lines as the
        width allows; an item is never split across lines unless it alone is too wide."""
        asserts = safe(self.asserts)
        items = [
            Text.assemble((SUPPORT_GLYPHS[kind], SUPPORT_STYLES[kind]), f" {words}")
            for kind, words in (
                ("all", f"said {asserts}"),
                ("some", "said of some"),
                ("none", f"not said {asserts}"),
            )
        ]
        items.append(Text(f"supported share: {self.share}"))
        lines = [Text(style="dim", overflow="fold")]
        for index, item in enumerate(items):
            gap = "   " if index == len(items) - 1 else "  "  # the share stands apart
            line = lines[-1]
            if line and line.cell_len + len(gap) + item.cell_len > width:
                line = Text(style="dim", overflow="fold")
                lines.append(line)
            if line:
                line.append(gap)
            line.append_text(item)
        return lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)
