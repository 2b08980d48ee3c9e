"""Tables in a PDF, with pdfplumber (MIT), an optional extra: `pip install 'factcheck[tables]'`.

pdfplumber reads a ruled table exactly, but parsing a page's characters takes about a tenth
of a second, fifty times what PDFium takes for its text. So only pages whose text looks
tabular are given to it: three or more lines that are mostly numbers. A ruled table is
read by its lines; an unruled one by its text's alignment, inside the box of those lines
only, since that strategy cuts the numbers of running prose in two.

Without pdfplumber a PDF has no tables: `draft` quotes a table's numbers by their line,
and `check` finds a `table:` figure by a line that holds its row heading and its value,
with its column heading on the same page (docs/provenance.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from factcheck.documents.pages import Page, Table

TABULAR_LINES = 3  # lines that are mostly numbers, for a page to look tabular

_NUMBER = re.compile(r"[-+$€£¥(]?\d[\d,.]*%?\)?")


def available() -> bool:
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        return False
    return True


def tabular_lines(text: str) -> list[int]:
    """Indexes of the lines of a page's text that are mostly numbers: two or more numbers,
    and at most four words beside them (a row heading)."""
    found = []
    for index, line in enumerate(text.split("\n")):
        numbers = _NUMBER.findall(line)
        if len(numbers) < 2:
            continue
        words = len(line.split()) - len(numbers)
        if words <= 4:
            found.append(index)
    return found


def looks_tabular(text: str) -> bool:
    return len(tabular_lines(text)) >= TABULAR_LINES


def add_tables(data: bytes, pages: Sequence[Page]) -> list[Page]:
    """pages with the tables pdfplumber finds on those that look tabular; unchanged
    when pdfplumber is not installed."""
    wanted = [page.index for page in pages if looks_tabular(page.text)]
    if not wanted or not available():
        return list(pages)
    import io

    import pdfplumber

    found: dict[int, tuple[Table, ...]] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for index in wanted:
            plumbed = pdf.pages[index]
            try:
                found[index] = tuple(_tables(plumbed))
            finally:
                plumbed.close()
    return [
        Page(p.index, p.label, p.text, found.get(p.index, p.tables)) if p.index in found else p
        for p in pages
    ]


def _tables(page: Any) -> list[Table]:
    ruled = [_table(rows) for rows in page.extract_tables()]
    ruled = [table for table in ruled if len(table.rows) >= 2]
    if ruled:
        return ruled
    box = _numeric_box(page)
    if box is None:
        return []
    settings = {"vertical_strategy": "text", "horizontal_strategy": "text"}
    unruled = [_table(rows) for rows in page.crop(box).extract_tables(settings)]
    return [table for table in unruled if len(table.rows) >= 2]


def _numeric_box(page: Any) -> tuple[float, float, float, float] | None:
    """The box of the page's tabular lines and the line of headings above them."""
    lines = page.extract_text_lines()
    rows = [i for i, line in enumerate(lines) if tabular_lines(line["text"])]
    if len(rows) < 2:
        return None
    first = max(rows[0] - 1, 0)  # the headings
    top = min(line["top"] for line in lines[first : rows[-1] + 1])
    bottom = max(line["bottom"] for line in lines[first : rows[-1] + 1])
    return (0, max(top - 1, 0), page.width, min(bottom + 1, page.height))


def _table(rows: list[list[str | None]]) -> Table:
    cleaned = [tuple(" ".join((cell or "").split()) for cell in row) for row in rows]
    return Table(tuple(row for row in cleaned if any(row)))
