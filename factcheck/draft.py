"""`factcheck draft`: a document -> a draft source file, one commented candidate per number.

Each number the document prints (in running text and in tables) becomes a candidate
figure, written commented out: its value as printed, a qualifier from the words before it
("more than", "about", "nearly", "at least"), a unit guessed from the word after it, its
page label, its quote (the sentence) or table headings, and an id made from its words.
Left out: numbers in lines repeated on many pages (headers, footers, page numbers), years,
dates, identifiers ("OIG-24-46"), footnote markers (the readers drop them) and the numbers
that open a footnote or a numbered heading. What the person must supply is a TODO, which
`factcheck check` reports until it is filled (FC503).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.documents import DocumentText, Page, read_document
from factcheck.documents.numbers import Written, find_numbers
from factcheck.documents.passages import one_line, sentence_around
from factcheck.documents.tables import tabular_lines
from factcheck.draft_yaml import render_draft
from factcheck.errors import FactcheckError
from factcheck.numbers import NumberFormatError, parse_number
from factcheck.qualifiers import QUALIFIERS, Qualifier

Progress = Callable[[int, int], None]  # (pages done, pages in all)

_STOPWORDS = frozenset(
    {
        *("a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "had"),
        *("has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "per", "than"),
        *("that", "the", "their", "these", "this", "those", "to", "was", "were", "which"),
        *("who", "with"),
    }
)
_MONTHS = frozenset(
    {
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "jan", "feb", "mar", "apr"),
        *("jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    }
)
_CURRENCY_UNITS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_HEADING_NUMBER = re.compile(r"\d{1,3}\.?[ \t]+[A-Z]")
_OPENS_SENTENCE = re.compile(r"(?:^|[.;:]\s+)$")
# Words that number things rather than count them: "Table 2", "page 4", "No. 3".
_NUMBERING = frozenset(
    {
        *("table", "figure", "fig", "chart", "exhibit", "appendix", "section", "chapter"),
        *("page", "pages", "p", "pp", "no", "number", "recommendation", "footnote", "note"),
        *("part", "volume", "vol", "line", "item", "step", "phase", "tier", "level", "grade"),
    }
)


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


def candidates(text: DocumentText, progress: Progress | None = None) -> list[Candidate]:
    """Every number worth a candidate figure, in reading order, each with a unique id."""
    repeated = _repeated_lines(text)
    found: list[Candidate] = []
    for page in text.pages:
        found.extend(_from_tables(page, text))
        found.extend(_from_text(page, text, repeated))
        if progress:
            progress(page.index + 1, len(text.pages))
    return _unique_ids(found)


def _from_text(page: Page, text: DocumentText, repeated: set[str]) -> Iterator[Candidate]:
    lines_in_tables = set(tabular_lines(page.text)) if page.tables else set()
    line_starts = _line_starts(page.text)
    for written in find_numbers(page.text):
        line = _line_of(line_starts, written.start)
        line_text = page.text[line_starts[line] : _line_end(page.text, written.start)]
        if line in lines_in_tables or _pattern(line_text) in repeated:
            continue
        if _not_a_figure(page.text, written, line_starts[line]):
            continue
        start, end = sentence_around(page.text, written.start, written.end)
        quote = one_line(page.text[start:end])
        yield Candidate(
            id=_id_from(page.text[max(start, written.start - 60) : written.start], written),
            value=_value(written),
            printed=written.text,
            qualifier=_qualifier(page.text[max(0, written.start - 40) : written.start]),
            unit=_unit(page.text[written.end : written.end + 40], written),
            page=_label(page, text),
            quote=quote,
        )


def _from_tables(page: Page, text: DocumentText) -> Iterator[Candidate]:
    for table in page.tables:
        header, *rows = table.rows
        for cells in rows:
            if not cells or not cells[0].strip():
                continue
            for column, cell in zip(header[1:], cells[1:], strict=False):
                numbers = find_numbers(cell)
                if len(numbers) != 1 or not column.strip() or _is_year(numbers[0]):
                    continue
                written = numbers[0]
                yield Candidate(
                    id=_slug(f"{cells[0]} {column}"),
                    value=_value(written),
                    printed=written.text,
                    qualifier=Qualifier.exact,
                    unit=_CURRENCY_UNITS.get((written.currency or "")[-1:]),
                    page=_label(page, text),
                    table=(cells[0], column),
                )


# --- what is no figure ----------------------------------------------------------------------


def _repeated_lines(text: DocumentText) -> set[str]:
    """Lines (digits masked) on at least three pages and half of them: headers, footers."""
    if len(text.pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for page in text.pages:
        seen.update({_pattern(line) for line in page.text.split("\n") if line.strip()})
    least = max(3, len(text.pages) // 2)
    return {line for line, count in seen.items() if count >= least}


def _pattern(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).casefold())


def _not_a_figure(page_text: str, written: Written, line_start: int) -> bool:
    before = page_text[max(0, written.start - 12) : written.start]
    after = page_text[written.end : written.end + 2]
    if _is_year(written) or re.search(r"[A-Za-z0-9][-/]$", before) or re.match(r"[-/]\d", after):
        return True  # 2023, OIG-24-46, 08/19/2024, 2019-2023
    previous = _WORDS.findall(before)
    if previous and not written.currency and before.rstrip().endswith(previous[-1]):
        word = previous[-1].casefold().rstrip(".")
        if word in _MONTHS or word in _NUMBERING:
            return True  # August 19, Table 2
    opens = written.start == line_start or _OPENS_SENTENCE.search(before)
    if opens and _HEADING_NUMBER.match(page_text, written.start):
        return not (written.currency or written.percent)  # "1 Source: ...", "2. Findings"
    return False


def _is_year(written: Written) -> bool:
    return (
        not written.in_words
        and written.text.isdigit()
        and len(written.text) == 4
        and 1900 <= int(written.text) <= 2099
    )


# --- what the candidate says ----------------------------------------------------------------


def _qualifier(before: str) -> Qualifier:
    words = " ".join(before.casefold().split())
    for row in QUALIFIERS:
        for form in row.written:
            if words.endswith(f" {form}") or words == form:
                return row.qualifier
    return Qualifier.exact


def _unit(after: str, written: Written) -> str | None:
    if written.currency:
        return _CURRENCY_UNITS.get(written.currency[-1])
    if written.percent:
        return None  # "12.5%": the value says percent
    words: list[str] = _WORDS.findall(after[:40])
    if (
        words
        and after[: after.find(words[0])].strip() == ""
        and words[0].casefold() not in _STOPWORDS
    ):
        return words[0]
    return None


def _value(written: Written) -> str:
    """The value as the source file writes it: as printed where the format reads that."""
    printed = re.sub(r"\s*per\s?cent$", "%", written.text.strip(), flags=re.IGNORECASE)
    printed = re.sub(r"^(?:US|A|C|NZ)(?=[$€£¥])", "", printed)
    try:
        parsed = parse_number(printed)
    except NumberFormatError:
        parsed = None
    if parsed is not None and parsed.value == written.value and not written.in_words:
        return printed
    return f"{written.value:f}"


def _id_from(before: str, written: Written) -> str:
    words = [w for w in _WORDS.findall(before) if w.casefold() not in _STOPWORDS]
    return _slug(" ".join([*words[-3:], re.sub(r"\D", "", written.text) or "n"]))


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")[:48].strip("_")
    return slug or "figure"


def _unique_ids(found: list[Candidate]) -> list[Candidate]:
    seen: Counter[str] = Counter()
    unique = []
    for candidate in found:
        seen[candidate.id] += 1
        if seen[candidate.id] > 1:
            candidate = _renamed(candidate, f"{candidate.id}_{seen[candidate.id]}")
        unique.append(candidate)
    return unique


def _renamed(candidate: Candidate, new_id: str) -> Candidate:
    from dataclasses import replace

    return replace(candidate, id=new_id)


def _label(page: Page, text: DocumentText) -> str | None:
    return page.label if len(text.pages) > 1 else None


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def _line_of(starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, offset) - 1


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


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
