"""Table rows in a page's text: lines that end in two or more numbers after a row heading.

Shared by the layout (a row is no sentence), passages (a row is its own passage), tables
(which pages are worth pdfplumber's time) and unruled.py (a row's heading and cells).
"""

from __future__ import annotations

import re

ROW_HEADING_WORDS = 8  # a row heading has at most this many words before its numbers

# A cell: a number, signed or in parentheses, with its currency, percent or a note mark.
_CELL = re.compile(r"^[-+−–(]?[$€£¥]?\d(?:[\d,.]*\d)?%?\)?[*†‡]?$")
_FILLER = frozenset({"-", "–", "—", "n/a", "na", "..", "…", "x", "*", ":", "(x)", "(z)"})
_RANGE_WORDS = frozenset({"to", "and", "through", "under", "over", "than", "or", "aged"})
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# Prose, not a row heading: a sentence's end, or a figure with its currency or percent.
_PROSE = re.compile(r"[A-Za-z]{2,}[.;!?]$|[$€£¥%]|^\d{1,3}(?:,\d{3})+$")


def is_tabular(line: str) -> bool:
    """Whether a line is a table row: it ends in two or more cells that are numbers (a
    dash or "n/a" may stand for one), after a row heading of a few words. Prose that ends
    in a number ("... fell by 7.4"), a narrow column's line ("Close the 177") and a
    sentence that ends in a phone number do not."""
    heading, cells = row_cells(line.split())
    numbers = sum(1 for cell in cells if _CELL.match(cell))
    if numbers < 2 or len(heading) > ROW_HEADING_WORDS:
        return False
    return not any(_PROSE.search(word) for word in heading)


def row_cells(tokens: list[str]) -> tuple[list[str], list[str]]:
    """A row's tokens split into its heading and its trailing cells; a year after a word
    ("FY 2018", "Q1 2018") and the end of a range ("16 to 24", "65 and over") belong to
    the heading."""
    at = len(tokens)
    while at > 0 and (_CELL.match(tokens[at - 1]) or tokens[at - 1].casefold() in _FILLER):
        at -= 1
    if 0 < at < len(tokens) and tokens[at - 1].casefold() in _RANGE_WORDS:
        at += 1
    while (
        at < len(tokens)
        and at > 0
        and _YEAR.match(tokens[at])
        and not _CELL.match(tokens[at - 1])
        and tokens[at - 1].casefold() not in _FILLER
    ):
        at += 1
    return tokens[:at], tokens[at:]


def tabular_lines(text: str) -> list[int]:
    """Indexes of the lines of a page's text that are table rows (is_tabular)."""
    return [index for index, line in enumerate(text.split("\n")) if is_tabular(line)]
