"""A document as factcheck reads it: its pages, each with its printed label, text and tables."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from factcheck.documents.normalise import Folded, fold, fold_phrase

Kind = Literal["pdf", "html", "text", "markdown"]

# Pages are joined with this between them, so a quote may run over a page break.
PAGE_BREAK = "\n\f\n"


@dataclass(frozen=True)
class Table:
    """A table as printed: rows of cells, the first row its column headings."""

    rows: tuple[tuple[str, ...], ...]

    def cell(self, row: str, column: str) -> str | None:
        """The cell in the row whose first cell is `row`, under the heading `column`
        (headings compared folded, without case); None when either is not there."""
        wanted_row, wanted_column = fold_phrase(row, lower=True), fold_phrase(column, lower=True)
        for header_index, header in enumerate(self.rows):
            headings = [fold_phrase(cell, lower=True) for cell in header]
            if wanted_column not in headings:
                continue
            at = headings.index(wanted_column)
            for cells in self.rows[header_index + 1 :]:
                if cells and fold_phrase(cells[0], lower=True) == wanted_row and at < len(cells):
                    return cells[at]
        return None


@dataclass(frozen=True)
class Page:
    index: int  # 0-based, in reading order
    label: str  # as printed: "iv", "12", "A-3"; the index + 1 when the document has none
    text: str  # normalise.clean'ed
    tables: tuple[Table, ...] = ()


@dataclass(frozen=True)
class DocumentText:
    """Everything factcheck needs of one document, read once."""

    path: Path
    sha256: str
    kind: Kind
    pages: tuple[Page, ...]
    title: str | None = None

    @cached_property
    def text(self) -> str:
        """Every page's text, joined with PAGE_BREAK."""
        return PAGE_BREAK.join(page.text for page in self.pages)

    @cached_property
    def starts(self) -> list[int]:
        """Where each page starts in `text`."""
        found, at = [], 0
        for page in self.pages:
            found.append(at)
            at += len(page.text) + len(PAGE_BREAK)
        return found

    @cached_property
    def exact(self) -> Folded:
        return fold(self.text)

    @cached_property
    def caseless(self) -> Folded:
        return fold(self.text, lower=True)

    def page_at(self, offset: int) -> Page:
        """The page that holds the joined text's offset."""
        return self.pages[max(0, bisect_right(self.starts, offset) - 1)]

    def page_labelled(self, label: str) -> Page | None:
        wanted = label.strip().casefold()
        return next((p for p in self.pages if p.label.casefold() == wanted), None)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
