"""Fitting the terminal report to the terminal: its width, and tables that become lists.

A number, a verdict or an expression cut short ("323,0…") misleads; so nothing the report
shows is ever truncated. A table is drawn only where the width holds each of its whole
columns (numbers, verdicts) at full width and gives each wrapping column room for its
longest word; where it does not, the same rows are printed as a list, each value on a line
of its own, which wraps like prose. The choice is made when Rich renders, with the width it
renders at, so one report fits a 60-column terminal, a 200-column one and a golden file.

Every string from an input reaches the terminal through `safe` (or `cell`): control
characters, escape sequences and bidirectional overrides are shown, never applied
(factcheck/escape.py), and Rich markup in an input (`[link=...]`) stays text.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from factcheck.escape import visible
from factcheck.streams import MAX_COLUMNS as MAX_WIDTH
from factcheck.streams import MIN_COLUMNS as MIN_WIDTH
from factcheck.streams import usable_columns

# Without a terminal (a file, a CI log) and without COLUMNS: wide enough for a table, and
# what a CI log viewer shows without wrapping. COLUMNS outside MIN_WIDTH..MAX_WIDTH
# (streams.py) is taken as the nearest bound.
DEFAULT_WIDTH = 100


def terminal_width(
    environ: dict[str, str] | None = None, streams: Iterable[IO[Any] | None] | None = None
) -> int:
    """The width to lay out at: COLUMNS when it is set to a number from 1, else the width of
    the terminal that stdout, stderr or stdin is (colour or not), else DEFAULT_WIDTH."""
    environ = dict(os.environ) if environ is None else environ
    columns = usable_columns(environ.get("COLUMNS", ""))
    if columns is not None:
        return columns
    for stream in (sys.stdout, sys.stderr, sys.stdin) if streams is None else streams:
        try:
            width = os.get_terminal_size(stream.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            continue  # not a terminal, closed, or a test's stand-in without a descriptor
        if width > 0:
            return min(max(width, MIN_WIDTH), MAX_WIDTH)
    return DEFAULT_WIDTH


def safe(text: str) -> str:
    """An input string as the terminal may show it (escape.visible)."""
    return visible(text)


def cell(text: str, style: str = "") -> Text:
    """An input string as a Rich Text: shown as written, never read as Rich markup."""
    return Text(visible(text), style=style)


@dataclass(frozen=True)
class Column:
    """One column of a fitted table.

    `whole`: its cells are never wrapped (numbers, verdicts, ids shown as keys). Otherwise
    they wrap at spaces, and `room` is the narrowest the column may be; `words` adds that it
    must hold its longest word (an expression's terms), else a long word folds.
    """

    header: str
    justify: str = "left"
    whole: bool = False
    room: int = 0
    words: bool = False
    ratio: int | None = None


@dataclass
class Fitted:
    """Rows shown as a table where the width allows it, else as `stacked`, a list."""

    title: str
    columns: Sequence[Column]
    rows: list[list[Text]] = field(default_factory=list)
    caption: str | None = None
    expand: bool = False
    plain: bool = True
    stacked: RenderableType | None = None

    def add_row(self, *cells: Text) -> None:
        self.rows.append(list(cells))

    def needs(self) -> int:
        """The narrowest width at which the table shows every cell whole."""
        total = 0
        for index, column in enumerate(self.columns):
            texts = [column.header, *(row[index].plain for row in self.rows)]
            if column.whole:
                width = max(max(cell_len(line) for line in t.split("\n")) for t in texts)
            else:
                longest = max((cell_len(w) for t in texts for w in t.split()), default=1)
                width = max(column.room, longest if column.words else 1)
            total += width + 2  # one space of padding each side
        return total + len(self.columns) + 1  # a border each side, one between columns

    def table(self) -> Table:
        from rich import box

        boxes = box.ASCII if self.plain else box.SIMPLE_HEAD
        table = Table(
            title=self.title,
            title_justify="left",
            title_style="bold",
            box=boxes,
            expand=self.expand,
            caption=self.caption,
            caption_justify="left",
        )
        for column in self.columns:
            table.add_column(
                column.header,
                justify=column.justify,  # type: ignore[arg-type]
                no_wrap=column.whole,
                overflow="fold",  # a word wider than its column folds: never "…"
                ratio=column.ratio,
            )
        for row in self.rows:
            table.add_row(*row)
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.stacked is None or self.needs() <= options.max_width:
            yield self.table()
        else:
            yield self.stacked

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(self.needs(), options.max_width), options.max_width)
