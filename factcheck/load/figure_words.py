"""One source's figures and statements looked up in its document, phrase by phrase.

- a `quote` must stand verbatim (after folding, documents/normalise.py) in the document,
  on the figure's `page` when it gives one; the figure's value must be in it;
- a `table: {row, column}` must name a cell of a table on the page (or a line that starts
  with the row heading, on a page that prints the column heading, when the document's
  tables could not be read), and the value must be in it;
- each `described_as` wording must stand in the document, in any case;
- a flow list (`[a, b, c]`) must not have split one of the document's phrases at its commas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from factcheck.documents import DocumentText, Page
from factcheck.documents.locate import Place, find, nearest
from factcheck.documents.normalise import fold_phrase
from factcheck.documents.numbers import mentions
from factcheck.documents.passages import one_line
from factcheck.errors import PhraseStatus
from factcheck.load.document import Document, KeyPath
from factcheck.models import Figure, FigureFound, PhraseFound, Statement, Wording

Role = Literal["quote", "described_as", "table"]
Status = Literal["found", "missing", "ambiguous"]
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\[\.\.\.\]|\[…\])\s*")
_LONGEST_HINT = 160
_CONJUNCTION = re.compile(r"^(?:and|or|nor)\s", re.IGNORECASE)


@dataclass(frozen=True)
class Reported:
    """A finding at a key of the source file, before it is made a Problem."""

    yaml: Document
    key_path: KeyPath
    message: str
    code: str
    severity: str = "error"
    phrase: PhraseStatus | None = None


@dataclass
class FigureWords:
    text: DocumentText
    yaml: Document
    reported: list[Reported] = field(default_factory=list)

    def figure(self, figure: Figure, key_path: KeyPath) -> FigureFound:
        phrases: list[PhraseFound] = []
        holds_value: str | None = None
        page = self._page(figure.page, (*key_path, "page"))
        if figure.quote is not None:
            found, place = self._quote(figure.quote, page, figure.page, (*key_path, "quote"))
            phrases.append(found)
            holds_value = place.passage if place else None
        if figure.table is not None:
            found, cell = self._table(figure, page, (*key_path, "table"))
            phrases.append(found)
            holds_value = cell if holds_value is None or cell is None else holds_value + " " + cell
        phrases.extend(self._wordings(figure.described_as, page, (*key_path, "described_as")))
        value_found = None
        if holds_value is not None:
            value_found = mentions(holds_value, figure.value, figure.precision)
            if not value_found:
                self._value_missing(figure, holds_value, key_path)
        return FigureFound(figure=figure.id, phrases=phrases, value_found=value_found)

    def statement(self, statement: Statement, key_path: KeyPath) -> None:
        page = self._page(statement.page, (*key_path, "page"))
        self._wordings(statement.described_as, page, (*key_path, "described_as"))

    # --- the kinds of phrase -----------------------------------------------------------

    def _quote(
        self, quote: str, page: Page | None, wanted: object, key_path: KeyPath
    ) -> tuple[PhraseFound, Place | None]:
        places = _quoted(self.text, quote)
        if not places:
            self._missing(quote, key_path, "FC706", "the quote is not in the document")
            return PhraseFound(role="quote", text=quote, status="missing"), None
        on_page = [p for p in places if page is None or p.page.index == page.index]
        if not on_page:
            pages = _labels(places)
            self._report(
                key_path,
                f"the quote is on page {pages} of the document, not on page {wanted}; correct "
                "`page` (the printed page label, not the PDF's page index)",
                "FC708",
                phrase=_status(quote, "found", places[0]),
            )
            return _found("quote", quote, "found", places[0]), places[0]
        if page is None and len({p.page.index for p in places}) > 1 and len(self.text.pages) > 1:
            self._report(
                key_path,
                f"the quote stands on pages {_labels(places)}: give the figure's `page` to say "
                "which one it comes from",
                "FC711",
                severity="warning",
                phrase=_status(quote, "ambiguous", places[0]),
            )
            return _found("quote", quote, "ambiguous", places[0]), places[0]
        self._found(quote, on_page[0], key_path)
        return _found("quote", quote, "found", on_page[0]), on_page[0]

    def _table(
        self, figure: Figure, page: Page | None, key_path: KeyPath
    ) -> tuple[PhraseFound, str | None]:
        assert figure.table is not None
        row, column = figure.table.row, figure.table.column
        label = f"{row} / {column}"
        candidates = _cells(self.text, row, column, page)
        if not candidates:
            where = f"on page {page.label}" if page else "in the document"
            self._missing(
                row,
                key_path,
                "FC710",
                f"no table {where} has a row {row!r} under a column {column!r}",
                hint_caseless=True,
            )
            return PhraseFound(role="table", text=label, status="missing"), None
        best = next(
            (c for c in candidates if mentions(c[1], figure.value, figure.precision)),
            candidates[0],
        )
        place, cell = best
        self._found(label, place, key_path)
        return _found("table", label, "found", place), cell

    def _wordings(
        self, wordings: list[Wording], page: Page | None, key_path: KeyPath
    ) -> list[PhraseFound]:
        found = []
        for index, wording in enumerate(wordings):
            term, at = wording.term, (*key_path, index)
            places = find(self.text, term, caseless=True)
            if not places:
                self._missing(term, at, "FC707", "the document never says this", hint_caseless=True)
                found.append(PhraseFound(role="described_as", text=term, status="missing"))
                continue
            place = next((p for p in places if page and p.page.index == page.index), places[0])
            self._found(term, place, at)
            found.append(_found("described_as", term, "found", place))
        self._flow_list(wordings, key_path)
        return found

    def _flow_list(self, wordings: list[Wording], key_path: KeyPath) -> None:
        """FC712: `[a, b, c]` where the document has "a, b, c" as one phrase."""
        offset = self.yaml.marks.locate(self.yaml.data, key_path, key=False)
        if offset is None or self.yaml.marks.text[offset : offset + 1] != "[":
            return
        terms = [w.term for w in wordings]
        for first in range(len(terms) - 1):
            for last in range(len(terms) - 1, first, -1):
                joined = ", ".join(terms[first : last + 1])
                split_word = any(_CONJUNCTION.match(t) for t in terms[first + 1 : last + 1])
                if find(self.text, joined, caseless=True) or (
                    split_word and last == len(terms) - 1
                ):
                    self._report(
                        (*key_path, first),
                        f"the flow list splits one phrase at its commas into "
                        f"{last - first + 1} wordings ({joined!r}); write it as one item in "
                        "quotes, or as a block list",
                        "FC712",
                    )
                    return

    def _page(self, wanted: int | str | None, key_path: KeyPath) -> Page | None:
        """The page a figure names, or None; FC713 when the document has no such page."""
        if wanted is None or len(self.text.pages) < 2:
            return None
        page = self.text.page_labelled(str(wanted))
        if page is None:
            first, last = self.text.pages[0].label, self.text.pages[-1].label
            self._report(
                key_path,
                f"the document has no page labelled {wanted!r} (its {len(self.text.pages)} "
                f"pages run from {first!r} to {last!r}); `page` is the printed page label",
                "FC713",
            )
        return page

    # --- reporting -----------------------------------------------------------------------

    def _value_missing(self, figure: Figure, text: str, key_path: KeyPath) -> None:
        shown = one_line(text)
        shown = shown if len(shown) <= _LONGEST_HINT else shown[: _LONGEST_HINT - 3] + "..."
        self._report(
            (*key_path, "value"),
            f"the figure's value {figure.value:,} is not in its quote or table cell in any "
            f'written form; the document prints: "{shown}"',
            "FC709",
        )

    def _missing(
        self, phrase: str, key_path: KeyPath, code: str, what: str, *, hint_caseless: bool = False
    ) -> None:
        near = nearest(self.text, phrase, caseless=hint_caseless)
        hint = ""
        if near is not None:
            passage = one_line(near.place.passage)
            if len(passage) > _LONGEST_HINT:
                passage = passage[: _LONGEST_HINT - 3] + "..."
            hint = (
                f"; nearest passage, page {near.place.page.label}, {near.score:.0f}% alike: "
                f'"{passage}" (a near match does not pass: copy the words as printed)'
            )
        self._report(
            key_path,
            f"{what} ({self.text.kind}, {_pages(len(self.text.pages))}){hint}",
            code,
            phrase=PhraseStatus(phrase, "missing"),
        )

    def _found(self, phrase: str, place: Place, key_path: KeyPath) -> None:
        self._report(
            key_path,
            f"found on page {place.page.label}, characters {place.start}-{place.end}",
            "FC700",
            severity="info",
            phrase=_status(phrase, "found", place),
        )

    def _report(
        self,
        key_path: KeyPath,
        message: str,
        code: str,
        *,
        severity: str = "error",
        phrase: PhraseStatus | None = None,
    ) -> None:
        self.reported.append(Reported(self.yaml, key_path, message, code, severity, phrase))


def _quoted(text: DocumentText, quote: str) -> list[Place]:
    """Where the quote stands; a quote with an ellipsis stands where its parts stand in
    order on one page (the place spans them)."""
    parts = [part for part in _ELLIPSIS.split(quote.strip()) if part.strip()]
    if len(parts) <= 1:
        return find(text, quote)
    places = []
    for first in find(text, parts[0]):
        end = first.end
        for part in parts[1:]:
            later = [p for p in find(text, part) if p.page.index == first.page.index]
            after = [p for p in later if p.start >= end]
            if not after:
                break
            end = after[0].end
        else:
            places.append(Place(first.page, first.start, end))
    return places


def _cells(text: DocumentText, row: str, column: str, page: Page | None) -> list[tuple[Place, str]]:
    """(where the row stands, the cell's text) for each table cell the headings name."""
    pages = [page] if page is not None else list(text.pages)
    found = []
    for candidate in pages:
        row_places = [p for p in find(text, row, caseless=True) if p.page.index == candidate.index]
        for table in candidate.tables:
            cell = table.cell(row, column)
            if cell is not None and row_places:
                found.append((row_places[0], cell))
    if found:
        return found
    return _cells_by_line(text, row, column, pages)


def _cells_by_line(
    text: DocumentText, row: str, column: str, pages: list[Page]
) -> list[tuple[Place, str]]:
    """Without tables read: lines starting with the row heading on a page that prints the
    column heading; the rest of the line stands for the cell."""
    wanted_row = fold_phrase(row, lower=True)
    columns = find(text, column, caseless=True)
    found = []
    for place in find(text, row, caseless=True):
        if place.page not in pages:
            continue
        page_text = place.page.text
        line_start = page_text.rfind("\n", 0, place.start) + 1
        line_end = page_text.find("\n", place.end)
        line_end = len(page_text) if line_end < 0 else line_end
        before = fold_phrase(page_text[line_start : place.start], lower=True)
        has_column = any(p.page.index == place.page.index for p in columns)
        if not before and has_column and wanted_row:
            found.append((place, page_text[place.end : line_end]))
    return found


def _pages(count: int) -> str:
    return f"{count} page{'s' if count != 1 else ''}"


def _labels(places: list[Place]) -> str:
    return ", ".join(dict.fromkeys(p.page.label for p in places))


def _status(phrase: str, status: str, place: Place) -> PhraseStatus:
    return PhraseStatus(phrase, status, place.page.label, place.start, place.end)


def _found(role: Role, text: str, status: Status, place: Place) -> PhraseFound:
    return PhraseFound(
        role=role,
        text=text,
        status=status,
        page=place.page.label,
        start=place.start,
        end=place.end,
    )
