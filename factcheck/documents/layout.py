"""What each line of a page is: running header or footer, table of contents, heading,
caption, footnote, table row or body text; and the page number a page prints.

PDF text comes as lines in reading order, with nothing to say which are the report's
furniture. Real reports (Word, InDesign, LibreOffice, LaTeX, a browser's print) share a
shape that the text alone shows:

- **Furniture** stands among the first or last EDGE lines of a page: a line repeated at
  the edges of several pages once digits and roman numerals are masked ("www.oig.gov 4
  OIG-24-46", "Statement of ... | Page 3 of 9"), or a page number alone ("iv", "- 4 -",
  "Page 4 of 12").
- **The printed page number** is the number in a page's furniture that counts up by one
  with its neighbours' (a constant "2024" in a header does not); pages that print none
  take their neighbours' count ("i" before "ii"), else "[n]", the librarian's mark for an
  unnumbered page.
- **Contents** are lines that end in dot leaders and a page number, and on a page headed
  "Contents" (or "List of Figures"), every line that ends in a page number.
- **A heading** is a short line that ends without punctuation before a line that starts a
  new sentence, or a numbered title ("4.1 Grant Files Were Incomplete"); **a caption**
  starts "Table 2:", "Figure 3.", "Source:"; **a footnote** starts with its number
  ("1 The count excludes ..."). Each stands alone: no sentence runs into or out of it.
- **A table row** is a line that ends in two or more numbers (rows.is_tabular).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from statistics import median

from factcheck.documents.rows import is_tabular

EDGE = 4  # furniture stands among a page's first or last this many lines
REPEATED_PAGES = 3  # a line at the edges of this many pages (2 in documents of SHORT pages)
SHORT = 5
HEADING_SHARE = 0.7  # a heading is at most this share of the page's usual line length
HEADING_WORDS = 12
LONGEST_ENTRY = 300  # a contents entry or heading is no longer (and a hostile line is)


class Role(Enum):
    body = "body"
    furniture = "furniture"
    contents = "contents"
    heading = "heading"
    caption = "caption"
    footnote = "footnote"
    table = "table"
    blank = "blank"


@dataclass(frozen=True)
class Line:
    start: int  # offsets in the page's text; end excludes the line break
    end: int
    role: Role


_ROMAN = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_TOKEN = re.compile(r"[^\s|/,;:()\[\]]+")
_PAGE_NUMBER_LINE = re.compile(
    r"^(?:page|p\.|pg\.?)?\s*[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?"
    r"\s*(?:(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_DOT_LEADERS = re.compile(r"(?:\.\s?){3,}\s*(?:\d{1,4}|[ivxlcdm]{1,7})$|…\s*\d{1,4}$", re.I)
_ENDS_IN_PAGE = re.compile(r"\S\s+(?:\d{1,4}|[ivxlcdm]{1,7})$", re.IGNORECASE)
_CONTENTS_HEADING = re.compile(
    r"^(?:table\s+of\s+)?contents$|^list\s+of\s+(?:figures|tables|exhibits|charts|illustrations)"
    r"$|^(?:figures|tables)(?:\s+and\s+(?:figures|tables))?$",
    re.IGNORECASE,
)
_NUMBERED_TITLE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.\d{1,2}(?:\.\d{1,2})*)\s+[A-Z]")
_CAPTION = re.compile(
    r"^(?:(?:table|figure|fig\.|exhibit|chart|box|map|graph)\s+[A-Z]?[\d.]+[A-Za-z]?\s*[:.–—-]"
    r"|(?:sources?|notes?)\s*:)",
    re.IGNORECASE,
)
_FOOTNOTE = re.compile(r"^\d{1,3}\s*(?=[A-Z\"“])")
_STARTS_SENTENCE = re.compile(r"^[\"“‘(]?[A-Z0-9$£€¥]")
_ENDS_SENTENCE = re.compile(r"[.;!?][\"”’)]?$")
_ENDS_PHRASE = re.compile(r"[.,;:!?…\-–—]$|[.!?][\"”’)]$")


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of text, the break excluded."""
    spans, start = [], 0
    for found in re.finditer("\n", text):
        spans.append((start, found.start()))
        start = found.end()
    spans.append((start, len(text)))
    return spans


def mask(line: str) -> str:
    """A line with its numbers masked, to compare headers and footers across pages."""
    words = " ".join(line.split()).casefold()
    words = re.sub(r"\d+", "#", words)
    return " ".join("#" if _ROMAN.match(word) else word for word in words.split(" "))


def _edge_lines(text: str) -> list[tuple[int, str]]:
    """(index, text) of the non-blank lines among the first and last EDGE of a page."""
    lines = [(i, line.strip()) for i, line in enumerate(text.split("\n")) if line.strip()]
    edges = lines[:EDGE] + lines[max(EDGE, len(lines) - EDGE) :]
    return [(i, line) for i, line in edges if len(line) <= LONGEST_ENTRY and not is_tabular(line)]


def repeated_edges(page_texts: Sequence[str]) -> set[str]:
    """The masked lines that stand at the edges of several pages: headers and footers."""
    if len(page_texts) < 2:
        return set()
    seen: Counter[str] = Counter()
    for text in page_texts:
        seen.update({mask(line) for _, line in _edge_lines(text)})
    least = 2 if len(page_texts) <= SHORT else REPEATED_PAGES
    return {line for line, count in seen.items() if count >= least}


def furniture_lines(text: str, repeated: set[str]) -> set[int]:
    """Indexes of the page's header and footer lines."""
    return {
        index
        for index, line in _edge_lines(text)
        if mask(line) in repeated or _PAGE_NUMBER_LINE.match(line)
    }


# --- printed page numbers ------------------------------------------------------------------


def printed_labels(page_texts: Sequence[str]) -> list[str]:
    """Each page's printed number (module docstring), for documents that do not say."""
    repeated = repeated_edges(page_texts)
    numbers = [_page_numbers(text, repeated) for text in page_texts]
    found: list[tuple[str, int] | None] = []
    for index, own in enumerate(numbers):
        found.append(next((n for n in own if _counts_on(numbers, index, n)), None))
    return _filled(found)


def _page_numbers(text: str, repeated: set[str]) -> list[tuple[str, int]]:
    """(style, value) of each number that stands alone in the page's furniture."""
    lines = text.split("\n")
    numbers = []
    for index in sorted(furniture_lines(text, repeated)):
        for token in _TOKEN.findall(lines[index]):
            token = token.strip(".-–—")
            if token.isdigit() and 0 < len(token) <= 4:
                numbers.append(("arabic", int(token)))
            elif _ROMAN.match(token.casefold()) and (token.islower() or token.isupper()):
                style = "roman" if token.islower() else "ROMAN"
                numbers.append((style, _roman_value(token.casefold())))
    return numbers


def _counts_on(numbers: list[list[tuple[str, int]]], index: int, number: tuple[str, int]) -> bool:
    """Whether a page within two of this one prints the number that follows in sequence."""
    style, value = number
    for other in range(max(0, index - 2), min(len(numbers), index + 3)):
        if other != index and (style, value + other - index) in numbers[other]:
            return True
    return False


def _filled(found: list[tuple[str, int] | None]) -> list[str]:
    """Labels for every page: unnumbered pages continue the previous page's count, or
    precede the next page's, else "[n]" (n the page's place in the file)."""
    labels: list[str | None] = [_written(n) if n else None for n in found]
    used = {label for label in labels if label}
    for index, label in enumerate(labels):
        if label is not None:
            continue
        guess = _neighbour_count(found, index)
        labels[index] = guess if guess and guess not in used else f"[{index + 1}]"
    return [label or f"[{i + 1}]" for i, label in enumerate(labels)]


def _neighbour_count(found: list[tuple[str, int] | None], index: int) -> str | None:
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(found) and found[other] is None:
            other += step
        if 0 <= other < len(found) and (number := found[other]) is not None:
            style, value = number
            guessed = value + (index - other)
            if guessed > 0:
                return _written((style, guessed))
    return None


def _written(number: tuple[str, int]) -> str:
    style, value = number
    if style == "arabic":
        return str(value)
    roman = _to_roman(value)
    return roman if style == "roman" else roman.upper()


_ROMAN_VALUES = (
    *((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc")),
    *((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")),
)


def _to_roman(value: int) -> str:
    out = []
    for amount, letters in _ROMAN_VALUES:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def _roman_value(token: str) -> int:
    total = 0
    for amount, letters in _ROMAN_VALUES:
        while token.startswith(letters):
            total += amount
            token = token[len(letters) :]
    return total


# --- each line's role ----------------------------------------------------------------------


def page_lines(text: str, repeated: set[str]) -> list[Line]:
    """Every line of a page's text with its role (module docstring)."""
    spans = line_spans(text)
    lines = [text[start:end].strip() for start, end in spans]
    furniture = furniture_lines(text, repeated)
    contents = _contents_lines(lines, furniture)
    usual = _usual_length(lines)
    roles = []
    for index, line in enumerate(lines):
        if not line:
            role = Role.blank
        elif index in furniture:
            role = Role.furniture
        elif index in contents:
            role = Role.contents
        elif is_tabular(line):
            role = Role.table
        elif _CAPTION.match(line):
            role = Role.caption
        elif _is_heading(line, _next_text(lines, index), usual):
            role = Role.heading
        elif _FOOTNOTE.match(line):
            role = Role.footnote
        else:
            role = Role.body
        roles.append(role)
    return [Line(start, end, role) for (start, end), role in zip(spans, roles, strict=True)]


def _contents_lines(lines: list[str], furniture: set[int]) -> set[int]:
    """Lines of a table of contents (module docstring)."""
    lines = [line if len(line) <= LONGEST_ENTRY else "" for line in lines]
    found = {i for i, line in enumerate(lines) if _DOT_LEADERS.search(line)}
    heading = next((i for i, line in enumerate(lines) if _CONTENTS_HEADING.match(line)), None)
    if heading is None and len(found) < 3:
        return found
    start = 0 if heading is None else heading + 1
    waiting: list[int] = []  # an entry's first lines, before the line with its page
    for index in range(start, len(lines)):
        line = lines[index]
        if index in furniture or not line:
            continue
        if _ENDS_IN_PAGE.search(line) and not _ENDS_PHRASE.search(line[:-1].rstrip()):
            found.update([*waiting, index])
            waiting = []
        elif not _ENDS_SENTENCE.search(line) and len(waiting) < 2:
            waiting.append(index)
        else:
            waiting = []
    return found


def _usual_length(lines: list[str]) -> float:
    """The length of the page's lines of running text (those of five words or more)."""
    lengths = [len(line) for line in lines if len(line.split()) >= 5]
    return median(lengths) if lengths else 0.0


def _next_text(lines: list[str], index: int) -> str:
    return next((line for line in lines[index + 1 :] if line), "")


def _is_heading(line: str, following: str, usual: float) -> bool:
    if len(line) > LONGEST_ENTRY or _ENDS_PHRASE.search(line):
        return False
    if len(line.split()) > HEADING_WORDS:
        return False
    if _NUMBERED_TITLE.match(line) and not is_tabular(line):
        return True
    if not line[0].isupper() or not _STARTS_SENTENCE.match(following):
        return False
    return usual == 0 or len(line) <= HEADING_SHARE * usual
