"""The sentence around a place, and the words either side of a number.

A sentence ends at `.`, `!` or `?` before whitespace (not after an abbreviation such as
"U.S." or "No."), at a blank line, and at a line that is mostly numbers (a table row is
its own passage). Sentences longer than MAX_SENTENCE are cut to their line.
"""

from __future__ import annotations

import re

from factcheck.documents.tables import tabular_lines

MAX_SENTENCE = 400

_END = re.compile(r"(?<=[.!?])[\"')\]”’]*(?=\s)|\n[^\S\n]*\n")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]|\b(?:[A-Z]\.)+[A-Z]|\b(?:Mr|Mrs|Ms|Dr|No|Nos|Fig|vs|etc|Inc|Co|Jan|Feb|Mar|"
    r"Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|St|Vol|pp|e\.g|i\.e|approx|Dept|Gov|Gen))\.$"
)


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or table line) of text that holds [start, end)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if tabular_lines(text[line_start:line_end]):
        return line_start, line_end
    first = _sentence_start(text, start)
    last = _sentence_end(text, end)
    if last - first > MAX_SENTENCE:
        return line_start, line_end
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
