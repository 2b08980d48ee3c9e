"""Plain text and Markdown -> pages.

A form feed starts a new page, and so does a line `<!-- page: LABEL -->`, which also gives
the page its printed label (the stand-in documents use it to be laid out like their
originals). Unicode superscript digits after a word or number are footnote markers and
dropped, as is a Markdown footnote reference (`[^4]`). Markdown is read as the text it
shows: emphasis marks, heading marks, link targets and code ticks go, and a pipe table
becomes a table and one line per row.
"""

from __future__ import annotations

import re

from factcheck.documents.normalise import clean
from factcheck.documents.pages import Page, Table

_PAGE_MARK = re.compile(r"^[ \t]*<!--\s*page:\s*(?P<label>[^>]*?)\s*-->[ \t]*$", re.MULTILINE)
_SUPERSCRIPT_MARKER = re.compile(r"(?<=[\w.,;:)\"'”’])[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_FOOTNOTE_REFERENCE = re.compile(r"\[\^[^\]\s]{1,12}\](?!:)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_QUOTE_MARK = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def read_text(data: bytes, *, markdown: bool) -> tuple[list[Page], str | None]:
    """The pages of a text or Markdown file, and its title (its first line)."""
    text = clean(_decoded(data)).replace("\u00a0", " ")
    pages = []
    for index, (label, body) in enumerate(_split(text)):
        body = _SUPERSCRIPT_MARKER.sub("", body)
        tables: tuple[Table, ...] = ()
        if markdown:
            body, tables = _markdown(body)
        pages.append(Page(index, label or str(index + 1), body.strip("\n"), tables))
    return pages, _title(pages)


def _decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _split(text: str) -> list[tuple[str | None, str]]:
    """(label or None, text) of each page; what stands before the first page mark (a
    stand-in's notice) opens the first page."""
    marks = list(_PAGE_MARK.finditer(text))
    if not marks:
        return [(None, part) for part in text.split("\f")]
    pieces: list[tuple[str | None, str]] = []
    head = text[: marks[0].start()]
    for number, mark in enumerate(marks):
        end = marks[number + 1].start() if number + 1 < len(marks) else len(text)
        body = text[mark.end() : end]
        if number == 0 and head.strip():
            body = head.rstrip("\n") + "\n" + body
        first, *more = body.split("\f")
        pieces.append((mark["label"].strip() or None, first))
        pieces.extend((None, part) for part in more)
    return pieces


def _markdown(text: str) -> tuple[str, tuple[Table, ...]]:
    text = _COMMENT.sub("", text)
    text = _FOOTNOTE_REFERENCE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _HEADING.sub("", text)
    text = _QUOTE_MARK.sub("", text)
    lines: list[str] = []
    tables: list[Table] = []
    rows: list[tuple[str, ...]] = []
    for line in text.split("\n"):
        if _TABLE_RULE.match(line) and rows:
            continue
        if line.lstrip().startswith("|"):
            cells = [_inline(cell.strip()) for cell in line.strip().strip("|").split("|")]
            rows.append(tuple(cells))
            lines.append(" ".join(cell for cell in cells if cell))
            continue
        if rows:
            tables.append(Table(tuple(rows)))
            rows = []
        lines.append(_inline(line))
    if rows:
        tables.append(Table(tuple(rows)))
    return "\n".join(lines), tuple(tables)


def _inline(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return text.replace("`", "")


def _title(pages: list[Page]) -> str | None:
    for page in pages:
        for line in page.text.split("\n"):
            if line.strip():
                return line.strip()
    return None
