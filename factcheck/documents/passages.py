"""The sentence around a place, and the words either side of a number.

A sentence ends at `.`, `!` or `?` before whitespace (not after an abbreviation such as
"U.S." or "No."), at a blank line, and at a line that is mostly numbers (a table row is
its own passage). Sentences longer than MAX_SENTENCE are cut to their line.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from factcheck.documents.rows import tabular_lines

MAX_SENTENCE = 400

_END = re.compile(r"(?<=[.!?])[\"')\]”’]*(?=\s)|\n[^\S\n]*\n")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]|\b(?:[A-Z]\.)+[A-Z]|\b(?:Mr|Mrs|Ms|Dr|No|Nos|Fig|vs|etc|Inc|Co|Jan|Feb|Mar|"
    r"Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|St|Vol|pp|e\.g|i\.e|approx|Dept|Gov|Gen))\.$"
)


def sentence_around(text: str, start: int, end: int, *, rows: bool = True) -> tuple[int, int]:
    """The sentence (or table line) of text that holds [start, end); `rows=False` when
    text is known to hold no table row (draft's passages of running text)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if rows and tabular_lines(text[line_start:line_end]):
        return line_start, line_end
    first = _sentence_start(text, start)
    last = _sentence_end(text, end)
    if last - first > MAX_SENTENCE:
        return line_start, line_end
    return first, last


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Every sentence (or table line) of text in reading order, cut as sentence_around
    cuts them, in one pass: each line is tested for a table once, where asking
    sentence_around of each sentence would test (and copy) a long line once per sentence."""
    position, line_start, line_end = 0, 0, -1
    tabular: dict[int, bool] = {}
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        if position > line_end:
            line_start = text.rfind("\n", 0, position) + 1
            line_end = text.find("\n", position)
            line_end = len(text) if line_end < 0 else line_end
        if line_start not in tabular:
            tabular[line_start] = bool(tabular_lines(text[line_start:line_end]))
        if tabular[line_start]:
            start, end = line_start, line_end
        else:
            start, end = _sentence_start(text, position), _sentence_end(text, position + 1)
            if end - start > MAX_SENTENCE:
                start, end = line_start, line_end
        if end > position:
            yield max(start, position), end
        position = max(end, position + 1)


class Sentences:
    """sentence_around(text, ..., rows=False) for many numbers of one text: its sentence
    ends found once, then each sentence by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        ends = [m for m in _END.finditer(text) if _real_end(text, m)]
        self.starts = [m.start() for m in ends]  # where each end mark starts
        self.after = [m.end() for m in ends]  # where it ends
        self.breaks = [m.group().startswith("\n") for m in ends]

    def around(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        before = bisect_right(self.after, start) - 1
        first = _skip_space(text, self.after[before]) if before >= 0 else 0
        first = max(first, _skip_space(text, max(0, start - MAX_SENTENCE)))
        following = bisect_left(self.starts, end)
        if following < len(self.starts) and self.starts[following] < end + MAX_SENTENCE:
            at = following
            last = self.starts[at] if self.breaks[at] else self.after[at]
        else:
            last = min(len(text.rstrip()), end + MAX_SENTENCE + 1)
        if last - first > MAX_SENTENCE:
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            return line_start, len(text) if line_end < 0 else line_end
        return first, last


def _sentence_start(text: str, start: int) -> int:
    window = max(0, start - MAX_SENTENCE)
    ends = [m for m in _END.finditer(text, window, start) if _real_end(text, m)]
    return _skip_space(text, ends[-1].end() if ends else window)


def _sentence_end(text: str, end: int) -> int:
    for match in _END.finditer(text, end, min(len(text), end + MAX_SENTENCE)):
        if _real_end(text, match):
            return match.start() if match.group().startswith("\n") else match.end()
    return min(len(text.rstrip()), end + MAX_SENTENCE + 1)


def _real_end(text: str, match: re.Match[str]) -> bool:
    if match.group().startswith("\n"):
        return True
    head = text[max(0, match.start() - 12) : match.start()]
    stripped = head.rstrip("\"')]”’")
    return not _ABBREVIATION.search(stripped)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def one_line(text: str) -> str:
    """A passage on one line, its whitespace runs made one space."""
    return " ".join(text.split())
