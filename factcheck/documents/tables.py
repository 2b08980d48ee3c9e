"""Tables in a PDF, with pdfplumber (MIT), an optional extra: `pip install 'factcheck[tables]'`.

pdfplumber reads a ruled table exactly, but parsing a page's characters takes about a tenth
of a second, fifty times what PDFium takes for its text. So only pages whose text looks
tabular are given to it: three or more lines that are table rows (is_tabular). A ruled
table is read by its lines; each other block of two or more rows is read as an unruled
table from its words' positions (unruled.py), inside that block's box only, so the
numbers of running prose and of a page's footer never join a table.

Without pdfplumber a PDF has no tables: `draft` quotes a table's numbers by their line,
and `check` finds a `table:` figure by a line that holds its row heading and its value,
with its column heading on the same page (docs/provenance.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factcheck.documents.pages import Page, Table
from factcheck.documents.rows import is_tabular, tabular_lines

TABULAR_LINES = 3  # lines that are table rows, for a page to look tabular


def available() -> bool:
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        return False
    return True


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


Box = tuple[float, float, float, float]


def _tables(page: Any) -> list[Table]:
    """The page's ruled tables, then an unruled one for each block of table rows that no
    ruled table covers, read from its words' positions (unruled.py)."""
    from factcheck.documents.unruled import Word, lines_of, read_unruled

    tables, ruled_boxes = [], []
    for found in page.find_tables():
        table = _table(found.extract())
        if len(table.rows) >= 2:
            tables.append(table)
            ruled_boxes.append(found.bbox)
    words = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"]) for w in page.extract_words()]
    for block in _row_blocks(lines_of(words)):
        box = (
            min(w.x0 for w in block),
            min(w.top for w in block),
            max(w.x1 for w in block),
            max(w.bottom for w in block),
        )
        if any(_overlap(box, ruled) for ruled in ruled_boxes):
            continue
        unruled = read_unruled(block)
        if unruled is not None:
            tables.append(unruled)
    return tables


def _row_blocks(lines: list[list[Any]]) -> list[list[Any]]:
    """The words of each run of two or more table rows, with the line of headings above."""
    rows = [i for i, line in enumerate(lines) if is_tabular(" ".join(w.text for w in line))]
    runs: list[list[int]] = []
    for index in rows:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return [
        [word for line in lines[max(run[0] - 1, 0) : run[-1] + 1] for word in line]
        for run in runs
        if len(run) >= 2
    ]


def _overlap(one: Box, other: Box) -> bool:
    return one[1] < other[3] and other[1] < one[3] and one[0] < other[2] and other[0] < one[2]


def _table(rows: list[list[str | None]]) -> Table:
    cleaned = [tuple(" ".join((cell or "").split()) for cell in row) for row in rows]
    return Table(tuple(row for row in cleaned if any(row)))
