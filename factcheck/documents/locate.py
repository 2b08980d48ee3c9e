"""Where a phrase stands in a document: every verbatim place, and the nearest passage.

A match is verbatim in the folded form (normalise.py) and starts and ends at word
boundaries ("locate" is not found in "located"). Places are given by page, with offsets
into that page's text as factcheck reads it. When a phrase is not there, `nearest` finds
the most similar passage with rapidfuzz (`partial_ratio_alignment`, then the window
widened or narrowed to whole words): a hint for the message, never a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.documents.normalise import Folded, fold_phrase
from factcheck.documents.pages import DocumentText, Page

# How far the nearest passage's ends may move to land on word boundaries.
_SLACK = 25
_WORD_START = re.compile(r"(?<!\w)\w")
_WORD_END = re.compile(r"\w(?!\w)")


@dataclass(frozen=True)
class Place:
    """A stretch of one page's text."""

    page: Page
    start: int
    end: int

    @property
    def passage(self) -> str:
        return self.page.text[self.start : self.end]


@dataclass(frozen=True)
class Near:
    """The passage most like a phrase that is not in the document, and how like (0-100)."""

    place: Place
    score: float


def find(document: DocumentText, phrase: str, *, caseless: bool = False) -> list[Place]:
    """Every place the phrase stands, verbatim up to the folding, in reading order."""
    folded = document.caseless if caseless else document.exact
    needle = fold_phrase(phrase, lower=caseless)
    if not needle:
        return []
    haystack = folded.text
    places = []
    at = haystack.find(needle)
    while at >= 0:
        end = at + len(needle)
        if _bounded(haystack, at, end):
            places.append(_place(document, folded, at, end))
        at = haystack.find(needle, at + 1)
    return places


def nearest(document: DocumentText, phrase: str, *, caseless: bool = False) -> Near | None:
    """The passage most like the phrase (rapidfuzz), or None in an empty document."""
    from rapidfuzz import fuzz

    folded = document.caseless if caseless else document.exact
    needle = fold_phrase(phrase, lower=caseless)
    haystack = folded.text
    if not needle or not haystack.strip():
        return None
    aligned = fuzz.partial_ratio_alignment(needle, haystack)
    if aligned is None:
        return None
    score, start, end = _on_word_boundaries(needle, haystack, aligned.dest_start, aligned.dest_end)
    return Near(_place(document, folded, start, end), round(score, 1))


def _bounded(text: str, start: int, end: int) -> bool:
    """The match starts and ends at word boundaries (where the phrase has a word there)."""
    if text[start].isalnum() and start > 0 and text[start - 1].isalnum():
        return False
    return not (text[end - 1].isalnum() and end < len(text) and text[end].isalnum())


def _on_word_boundaries(needle: str, haystack: str, start: int, end: int) -> tuple[float, int, int]:
    """The window moved to whole words, choosing the ends that make it most like needle."""
    from rapidfuzz import fuzz

    low, high = max(0, start - _SLACK), min(len(haystack), end + _SLACK)
    region = haystack[low:high]
    starts = [m.start() for m in _WORD_START.finditer(region)] or [start - low]
    ends = [m.end() for m in _WORD_END.finditer(region)] or [end - low]
    best = (-1.0, start, end)
    for first in starts:
        for last in ends:
            if last > first:
                score = fuzz.ratio(needle, region[first:last])
                if score > best[0]:
                    best = (score, low + first, low + last)
    return best


def _place(document: DocumentText, folded: Folded, start: int, end: int) -> Place:
    """The folded text's [start, end) as a place on the page where it starts."""
    original_start, original_end = folded.span(start, end)
    page = document.page_at(original_start)
    offset = document.starts[page.index]
    return Place(
        page,
        original_start - offset,
        min(original_end - offset, len(page.text)),
    )
