"""An unruled table read from its words' positions: rows that end in numbers, their columns
found where the numbers line up, the line above them its column headings.

pdfplumber's own "text" strategy cuts a table by the gaps it sees in every line, which
splits row headings ("16 to | 24") and wide column headings ("Age g | roup") wherever a
number of another row stands. A statistical table is simpler than that: each row is a
heading and then its cells (tables.row_cells), the cells of a column share their right
edge (numbers are set flush right) or their left, and each heading sits over its column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from factcheck.documents.pages import Table
from factcheck.documents.rows import is_tabular, row_cells

LINE_TOLERANCE = 2.0  # words whose tops differ by less stand on one line (points)
PHRASE_GAP = 0.6  # words closer than this share of the line's height make one heading


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


def read_unruled(words: Sequence[Word]) -> Table | None:
    """The table the words (of a block of rows and the line above them) make, or None."""
    lines = lines_of(words)
    first = next((i for i, line in enumerate(lines) if _is_row(line)), None)
    if first is None:
        return None
    rows = [line for line in lines[first:] if _is_row(line)]
    split = [_split(line) for line in rows]
    counts = Counter(len(cells) for _, cells in split)
    width = counts.most_common(1)[0][0]
    columns = _columns([cells for _, cells in split if len(cells) == width])
    body = [(_joined(heading), _placed(cells, columns)) for heading, cells in split]
    header = _headings(lines[first - 1], columns) if first > 0 else ("", [""] * width)
    table_rows = [(header[0], *header[1]), *((heading, *cells) for heading, cells in body)]
    return Table(tuple(tuple(row) for row in table_rows)) if len(table_rows) >= 2 else None


def lines_of(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped into the lines they stand on, top to bottom, each left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - word.top) < LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _is_row(line: list[Word]) -> bool:
    return is_tabular(" ".join(word.text for word in line))


def _split(line: list[Word]) -> tuple[list[Word], list[Word]]:
    heading, _ = row_cells([word.text for word in line])
    return line[: len(heading)], line[len(heading) :]


def _joined(words: list[Word]) -> str:
    return " ".join(word.text for word in words)


@dataclass(frozen=True)
class _Column:
    left: float  # the leftmost start of its cells
    right: float  # the usual right edge of its cells


def _columns(full_rows: list[list[Word]]) -> list[_Column]:
    width = len(full_rows[0])
    return [
        _Column(
            left=min(row[k].x0 for row in full_rows),
            right=median(row[k].x1 for row in full_rows),
        )
        for k in range(width)
    ]


def _nearest(columns: list[_Column], x0: float, x1: float) -> int:
    return min(
        range(len(columns)),
        key=lambda k: min(abs(x1 - columns[k].right), abs(x0 - columns[k].left)),
    )


def _placed(cells: list[Word], columns: list[_Column]) -> list[str]:
    """A row's cells under their columns ("" where a row has none)."""
    placed = [""] * len(columns)
    if len(cells) == len(columns):
        return [cell.text for cell in cells]
    for cell in cells:
        k = _nearest(columns, cell.x0, cell.x1)
        placed[k] = f"{placed[k]} {cell.text}".strip()
    return placed


def _headings(line: list[Word], columns: list[_Column]) -> tuple[str, list[str]]:
    """The row headings' heading, and each column's, from the line above the rows: its
    words grouped into phrases by the gaps between them, each phrase over the column its
    edges line up with; a phrase left of every column heads the row headings."""
    stub: list[str] = []
    headings: list[list[str]] = [[] for _ in columns]
    for phrase in _phrases(line):
        x0, x1 = phrase[0].x0, phrase[-1].x1
        text = _joined(phrase)
        if x1 < columns[0].left:
            stub.append(text)
        else:
            headings[_nearest(columns, x0, x1)].append(text)
    return " ".join(stub), [" ".join(parts) for parts in headings]


def _phrases(line: list[Word]) -> list[list[Word]]:
    phrases: list[list[Word]] = []
    for word in line:
        height = max(word.bottom - word.top, 1.0)
        if phrases and word.x0 - phrases[-1][-1].x1 < PHRASE_GAP * height:
            phrases[-1].append(word)
        else:
            phrases.append([word])
    return phrases
