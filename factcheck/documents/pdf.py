"""PDF -> pages, with pypdfium2 (PDFium inside its wheel; Apache-2.0/BSD-3).

Per page: the printed label (`/PageLabels`; a PDF without them, as Word and LibreOffice
write, takes the numbers its pages print, layout.printed_labels), the text with footnote
markers taken out, and, where pdfplumber is installed and the page looks tabular, its
tables (tables.py). Footnote markers ("32,000⁴") come out of PDFium glued to the number
("32,0004"), or on a line of their own (browsers), or glued to the note they open at the
foot of the page ("4The count excludes"): digits set smaller than the character before
them (or, at a line's start, after them) and raised above its baseline are a marker, and
are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from factcheck.documents.layout import printed_labels
from factcheck.documents.normalise import clean
from factcheck.documents.pages import Page

if TYPE_CHECKING:
    import pypdfium2

# A superscript is at most this share of the size of the text it follows, and its bottom at
# least this share of that size above the followed character's bottom.
SUPERSCRIPT_SIZE = 0.87
SUPERSCRIPT_RISE = 0.2

_DIGIT_RUN = re.compile(r"\d[\d,.]*")


class PdfError(ValueError):
    """The file is no PDF PDFium can read (broken, or encrypted)."""


def read_pdf(data: bytes) -> tuple[list[Page], str | None]:
    """The pages of a PDF given as bytes, and its title from the metadata (or None)."""
    with _opened(data) as pdf:
        title = _title(pdf)
        texts = list(_page_texts(pdf))
        labels = [pdf.get_page_label(index) for index in range(len(texts))]
    if not any(labels):  # no /PageLabels: the numbers the pages print
        labels = printed_labels(texts)
    return [
        Page(index, label, text)
        for index, (label, text) in enumerate(zip(labels, texts, strict=True))
    ], title


@contextmanager
def _opened(data: bytes) -> Iterator[pypdfium2.PdfDocument]:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise PdfError(str(exc)) from None
    try:
        yield pdf
    finally:
        pdf.close()


def _title(pdf: pypdfium2.PdfDocument) -> str | None:
    try:
        title = str(pdf.get_metadata_value("Title")).strip()
    except Exception:  # metadata is optional and sometimes broken; the title only helps
        return None
    return title or None


def _page_texts(pdf: pypdfium2.PdfDocument) -> Iterator[str]:
    for index in range(len(pdf)):
        page = pdf.get_page(index)
        try:
            textpage = page.get_textpage()
            try:
                yield clean(_without_markers(textpage))
            finally:
                textpage.close()
        finally:
            page.close()


def _without_markers(textpage: Any) -> str:
    """The page's text, each footnote marker digit dropped (module docstring)."""
    text: str = textpage.get_text_range()
    markers = set()
    sizes = _Sizes(textpage)
    for run in _DIGIT_RUN.finditer(text):
        start, end = run.span()
        for reference in _references(text, start, end):
            reference_size = sizes.size(reference)
            if reference_size <= 0:
                continue
            raised = []
            index = end - 1
            while index >= start and text[index].isdigit():
                if not _raised(sizes, index, reference, reference_size):
                    break
                raised.append(index)
                index -= 1
            if raised:
                markers.update(raised)
                break
    if not markers:
        return text
    return "".join(char for index, char in enumerate(text) if index not in markers)


def _references(text: str, start: int, end: int) -> list[int]:
    """The characters a marker at text[start:end] is set against: the one before it (past
    a line break: browsers put a marker on a line of its own), and for a run that opens a
    line, the one after it (the note it numbers)."""
    before = start - 1
    while before >= 0 and text[before] in " \r\n" and start - before <= 3:
        before -= 1
    found = [before] if before >= 0 and not text[before].isspace() else []
    if start == 0 or text[start - 1] == "\n":
        after = end
        while after < len(text) and text[after] == " " and after - end < 2:
            after += 1
        if after < len(text) and text[after].isalpha():
            found.append(after)
    return found


def _raised(sizes: _Sizes, index: int, reference: int, reference_size: float) -> bool:
    size = sizes.size(index)
    if not 0 < size <= reference_size * SUPERSCRIPT_SIZE:
        return False
    return sizes.bottom(index) > sizes.bottom(reference) + SUPERSCRIPT_RISE * reference_size


class _Sizes:
    """Font sizes and glyph boxes of a page's characters, asked of PDFium only when needed:
    a call per character of a 100-page report would take longer than reading its text."""

    def __init__(self, textpage: Any) -> None:
        import pypdfium2.raw as pdfium_c

        self.textpage = textpage
        self.font_size = pdfium_c.FPDFText_GetFontSize
        self.raw = textpage.raw

    def size(self, index: int) -> float:
        return float(self.font_size(self.raw, index))

    def bottom(self, index: int) -> float:
        return float(self.textpage.get_charbox(index)[1])
