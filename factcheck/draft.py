"""`factcheck draft`: a document -> a draft source file, one commented candidate per number.

Each number the document prints (in running text and in tables) becomes a candidate
figure, written commented out: its value as printed (negative when a table prints it in
parentheses), a qualifier from the words before it ("more than", "about", "nearly", "at
least"), a unit guessed from the words after it, its printed page label, its quote (the
sentence, never running into a heading, a table or the page's header) or table headings,
and an id made from its words. The page's layout (documents/layout.py) says which lines
are headers, footers, tables of contents, headings and footnotes; draft_numbers.py says
which numbers are no figures (years, dates, identifiers, references, phone numbers). What
the person must supply is a TODO, which `factcheck check` reports until it is filled
(FC503).
"""

from __future__ import annotations

import os
import re
import tempfile
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from factcheck import draft_numbers as numbers
from factcheck.documents import DocumentText, Page, read_document
from factcheck.documents.layout import Line, Role, page_lines, repeated_edges
from factcheck.documents.numbers import Written, find_numbers, range_pair, range_start
from factcheck.documents.passages import Sentences, one_line
from factcheck.draft_yaml import render_draft
from factcheck.errors import FactcheckError
from factcheck.qualifiers import Qualifier

Progress = Callable[[int, int], None]  # (pages done, pages in all)

_SKIPPED = frozenset({Role.furniture, Role.contents, Role.blank})
_FOOTNOTE_NUMBER = re.compile(r"\d{1,3}\s*(?=[A-Z\"“])")


class DraftError(FactcheckError):
    """The draft cannot be written (the target exists, or cannot be written)."""


@dataclass(frozen=True)
class Candidate:
    id: str
    value: str  # as the source file writes it
    printed: str  # as the document prints it
    qualifier: Qualifier
    unit: str | None
    page: str | None
    quote: str | None = None
    table: tuple[str, str] | None = None  # (row, column)
    note: str | None = None  # what the person should know: a range, a ratio, a sign


def candidates(text: DocumentText, progress: Progress | None = None) -> list[Candidate]:
    """Every number worth a candidate figure, in reading order, each with a unique id."""
    repeated = repeated_edges([page.text for page in text.pages])
    found: list[Candidate] = []
    for page in text.pages:
        found.extend(_from_tables(page, text))
        found.extend(_from_text(page, text, repeated))
        if progress:
            progress(page.index + 1, len(text.pages))
    return _unique_ids(found)


def _from_text(page: Page, text: DocumentText, repeated: set[str]) -> Iterator[Candidate]:
    lines = page_lines(page.text, repeated)
    starts = [line.start for line in lines]
    masked = _Spans(numbers.masked_spans(page.text))
    found = _numbers(page, lines)
    contexts = _contexts(page.text, lines)
    for index, written in enumerate(found):
        at = bisect_right(starts, written.start) - 1
        line = lines[at]
        if line.role in _SKIPPED or written.start in masked:
            continue
        context = contexts[at]
        if numbers.not_a_figure(context, written, found[:index]):
            continue
        following = found[index + 1] if index + 1 < len(found) else None
        yield _candidate(page, text, context, written, following, line.role == Role.table)


def _numbers(page: Page, lines: list[Line]) -> list[Written]:
    """The page's numbers, less those of the table rows its tables already give (a line
    that is a row's cells, or a row with a number of the tables); a table row's cells each
    on their own ("402 418 411" is three numbers, not one)."""
    in_tables = _table_numbers(page)
    held = {tuple(" ".join(row).split()) for table in page.tables for row in table.rows}
    rows = [line for line in lines if line.role == Role.table]
    covered = [
        line
        for line in lines
        if line.role != Role.table and tuple(page.text[line.start : line.end].split()) in held
    ]
    left_out = _Spans([(line.start, line.end) for line in [*rows, *covered]])
    found = [w for w in find_numbers(page.text) if w.start not in left_out]
    for row in rows:
        cells = [
            replace(w, start=w.start + cell.start(), end=w.end + cell.start())
            for cell in re.finditer(r"\S+", page.text[row.start : row.end])
            for w in find_numbers(cell.group())
        ]
        cells = [replace(w, start=w.start + row.start, end=w.end + row.start) for w in cells]
        if not any(one_line(w.text) in in_tables for w in cells):
            found.extend(cells)  # a row no table of the page holds
    return sorted(found, key=lambda w: w.start)


class _Spans:
    """Sorted spans of a page, asked whether an offset stands in one."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]

    def __contains__(self, offset: int) -> bool:
        at = bisect_right(self.starts, offset) - 1
        return any(start <= offset < end for start, end in self.spans[max(0, at - 2) : at + 1])


def _candidate(
    page: Page,
    text: DocumentText,
    context: numbers.Context,
    written: Written,
    following: Written | None,
    in_table: bool,
) -> Candidate:
    start, end = _sentence(context, written)
    carried = range_start(page.text, written, following) if following else None
    joined = following if following and range_pair(page.text, written, following) else None
    negative = numbers.is_negative(page.text, written, in_table=in_table)
    return Candidate(
        id=_slug(numbers.id_words(_words_before(page.text, start, written.start), written)),
        value=numbers.value_of(carried or written, negative=negative),
        printed=one_line(written.text),
        qualifier=numbers.qualifier_of(context, written),
        unit=numbers.unit_of(context, written, joined),
        page=_label(page, text),
        quote=one_line(page.text[start:end]),
        note=_note(context, written, following, negative),
    )


def _words_before(text: str, start: int, end: int) -> str:
    """Up to 60 characters before end, from start, beginning with a whole word."""
    cut = max(start, end - 60)
    if cut > start and text[cut - 1].isalnum():
        space = text.find(" ", cut, end)
        cut = end if space < 0 else space
    return text[cut:end]


def _note(
    context: numbers.Context, written: Written, following: Written | None, negative: bool
) -> str | None:
    ratio = numbers.ratio_of(context, written, following)
    if ratio:
        return f"a ratio, {ratio}"
    whole = numbers.range_of(context, written, following)
    if whole:
        return f'one end of the range "{whole}"'
    if negative:
        return "printed as a negative number"
    return None


def _contexts(text: str, lines: list[Line]) -> list[numbers.Context]:
    """For each line, the passage a number on it is read in: a heading, caption or table
    row alone; running text from the nearest line that is not running text to the next
    (a footnote opens a passage of its own, after its number)."""
    runs: list[list[int]] = []  # runs of running text: a footnote or body line, then body
    for at, line in enumerate(lines):
        continues = line.role == Role.body and runs and runs[-1][-1] == at - 1
        if continues:
            runs[-1].append(at)
        elif line.role in (Role.body, Role.footnote):
            runs.append([at])
    contexts = [numbers.Context(text, line.start, line.end) for line in lines]
    for run in runs:
        start = lines[run[0]].start
        if lines[run[0]].role == Role.footnote:
            opening = _FOOTNOTE_NUMBER.match(text, start)
            start = opening.end() if opening else start
        passage = numbers.Context(text, start, lines[run[-1]].end)
        for at in run:
            contexts[at] = passage
    return contexts


def _sentence(context: numbers.Context, written: Written) -> tuple[int, int]:
    sentences = _sentences(context.text[context.start : context.end])
    start, end = sentences.around(written.start - context.start, written.end - context.start)
    return context.start + start, context.start + end


@lru_cache(maxsize=32)
def _sentences(passage: str) -> Sentences:
    """A passage's sentences, found once for all the numbers it holds."""
    return Sentences(passage)


def _table_numbers(page: Page) -> set[str]:
    """The numbers (as printed) in the page's tables: their lines are not read again."""
    return {
        one_line(found.text)
        for table in page.tables
        for row in table.rows
        for cell in row
        for found in find_numbers(cell)
    }


def _from_tables(page: Page, text: DocumentText) -> Iterator[Candidate]:
    for table in page.tables:
        header, *rows = table.rows
        for cells in rows:
            if not cells or not cells[0].strip():
                continue
            for column, cell in zip(header[1:], cells[1:], strict=False):
                found = find_numbers(cell)
                if len(found) != 1 or not column.strip() or numbers.is_year(found[0]):
                    continue
                written = found[0]
                negative = numbers.is_negative(cell, written, in_table=True)
                yield Candidate(
                    id=_slug(f"{cells[0]} {column}"),
                    value=numbers.value_of(written, negative=negative),
                    printed=cell.strip(),
                    qualifier=Qualifier.exact,
                    unit=numbers.CURRENCY_UNITS.get((written.currency or "")[-1:]),
                    page=_label(page, text),
                    table=(cells[0], column),
                    note="printed as a negative number" if negative else None,
                )


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")[:48].strip("_")
    if not re.search("[a-z]", slug):
        return f"figure_{slug}".strip("_")  # "1284" would read as a number, not an id
    return slug


def _unique_ids(found: list[Candidate]) -> list[Candidate]:
    seen: Counter[str] = Counter()
    unique = []
    for candidate in found:
        seen[candidate.id] += 1
        if seen[candidate.id] > 1:
            candidate = replace(candidate, id=f"{candidate.id}_{seen[candidate.id]}")
        unique.append(candidate)
    return unique


def _label(page: Page, text: DocumentText) -> str | None:
    return page.label if len(text.pages) > 1 else None


# --- writing --------------------------------------------------------------------------------


def write_draft(
    document: Path, target: Path, *, progress: Progress | None = None, tables: bool = True
) -> tuple[Path, int]:
    """Write the draft source for document to target (never over an existing file); the
    path written and how many candidates it holds."""
    if target.exists():
        raise DraftError(f"{target} already exists; factcheck draft never overwrites a file")
    text = read_document(document, tables=tables)
    found = candidates(text, progress)
    _write_new(target, render_draft(text, found, target))
    return target, len(found)


def _write_new(target: Path, content: str) -> None:
    """Written whole, then linked into place: never over a file, never half written."""
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise DraftError(f"{target}: cannot write: folder {folder} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        raise DraftError(f"{target}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
        Path(temporary).chmod(0o644)
        os.link(temporary, target)
    except FileExistsError:
        raise DraftError(
            f"{target} already exists; factcheck draft never overwrites a file"
        ) from None
    except OSError as exc:
        raise DraftError(f"{target}: cannot write: {exc.strerror}") from None
    finally:
        Path(temporary).unlink(missing_ok=True)
