"""HTML -> one page of text with block and cell boundaries, and its tables.

Python's own html.parser (lenient with broken markup, nothing to install) is enough: a
report page of 200 KB reads in a few tens of milliseconds (docs/provenance.md compares it
with selectolax and lxml). Blocks (p, div, li, tr, h1, ...) end lines, cells are separated
by a tab, script and style are skipped, and a `<sup>` of digits (a footnote reference)
is dropped so that it does not glue onto the number before it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from factcheck.documents.normalise import clean
from factcheck.documents.pages import Page, Table

_BLOCKS = frozenset(
    {
        *("p", "div", "section", "article", "header", "footer", "main", "aside", "nav"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table"),
        *("caption", "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "figure"),
        *("figcaption", "hr", "br", "address", "form", "fieldset", "title"),
    }
)
_CELLS = frozenset({"td", "th"})
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head"})
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
_FOOTNOTE = re.compile(r"\s*[\d*†‡§,\s]{1,8}\s*")
_SPACES = re.compile(r"[ \t\r\f\v]+")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.title: list[str] = []
        self.in_title = False
        self.sup: list[str] | None = None
        self.tables: list[list[list[str]]] = []
        self.open_tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED and tag != "head":
            self.skipping += 1
        if tag == "title":
            self.in_title = True
        if tag == "sup":
            self.sup = []
        if tag == "table":
            self.open_tables.append([])
        elif tag == "tr" and self.open_tables:
            self.open_tables[-1].append([])
        elif tag in _CELLS and self.open_tables and self.open_tables[-1]:
            self.cell = []
        if tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in _CELLS:
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and tag != "head" and self.skipping:
            self.skipping -= 1
        if tag == "title":
            self.in_title = False
        if tag == "sup" and self.sup is not None:
            text, self.sup = "".join(self.sup), None
            if not _FOOTNOTE.fullmatch(text):
                self._text(text)
        if tag in _CELLS and self.cell is not None and self.open_tables:
            self.open_tables[-1][-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        if tag == "table" and self.open_tables:
            self.tables.append(self.open_tables.pop())
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self.skipping:
            return
        if self.sup is not None:
            self.sup.append(data)
            return
        self._text(data)

    def _text(self, data: str) -> None:
        text = re.sub(r"[ \t\n\r\f]+", " ", data)
        self.parts.append(text)
        if self.cell is not None:
            self.cell.append(text)


def read_html(data: bytes) -> tuple[list[Page], str | None]:
    """The page's text and tables, and its <title>."""
    reader = _Reader()
    reader.feed(_decoded(data))
    reader.close()
    text = clean("".join(reader.parts).replace("\u00a0", " "))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    body = "\n".join(line for line in lines if line)
    tables = tuple(
        Table(tuple(tuple(row) for row in rows if any(row))) for rows in reader.tables if rows
    )
    title = " ".join("".join(reader.title).split()) or None
    return [Page(0, "1", body, tables)], title


def _decoded(data: bytes) -> str:
    """HTML's bytes as text: UTF-8 (with or without BOM), else what the page declares, else
    Windows-1252, which maps every byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", data[:2048])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")
