"""Test PDFs written with reportlab (a test-only dependency): page labels that differ from
page indexes, ligatures, soft and hard hyphens at line ends, footnote markers, a ruled and
an unruled table. Each builder returns the PDF's path."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BODY = 11
LEADING = 15


def _canvas(path: Path):  # type: ignore[no-untyped-def]
    reportlab = pytest.importorskip("reportlab")
    del reportlab
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    if not FONT.exists():
        pytest.skip(f"no {FONT} (Debian's fonts-dejavu-core)")
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    return Canvas(str(path), pagesize=A4), A4


@dataclass
class Line:
    """One printed line: its text, and footnote markers to raise after given characters."""

    text: str
    markers: dict[int, str] = field(default_factory=dict)  # offset in text -> marker
    size: float = BODY


@dataclass
class PageSpec:
    lines: Sequence[Line | str]
    table: Sequence[Sequence[str]] | None = None
    ruled: bool = True
    footer: str | None = None


def build_pdf(
    path: Path,
    pages: Sequence[PageSpec],
    *,
    labels: Sequence[tuple[int, str, int]] = (),
    title: str | None = None,
) -> Path:
    """A PDF of the given pages; labels are (first page index, reportlab style, start)."""
    canvas, (width, height) = _canvas(path)
    if title:
        canvas.setTitle(title)
    for first, style, start in labels:
        canvas.addPageLabel(first, style=style, start=start)
    for spec in pages:
        y = height - 60
        for line in spec.lines:
            line = Line(line) if isinstance(line, str) else line
            _draw_line(canvas, line, y)
            y -= LEADING
        if spec.table is not None:
            y = _draw_table(canvas, spec.table, spec.ruled, y - 10, width, height)
        if spec.footer:
            canvas.setFont("DejaVu", 8)
            canvas.drawString(56, 30, spec.footer)
        canvas.showPage()
    canvas.save()
    return path


def _draw_line(canvas, line: Line, y: float) -> None:  # type: ignore[no-untyped-def]
    text = canvas.beginText(56, y)
    text.setFont("DejaVu", line.size)
    position = 0
    for offset in sorted(line.markers):
        text.textOut(line.text[position:offset])
        text.setRise(4)
        text.setFont("DejaVu", 7)
        text.textOut(line.markers[offset])
        text.setRise(0)
        text.setFont("DejaVu", line.size)
        position = offset
    text.textOut(line.text[position:])
    canvas.drawText(text)


def _draw_table(canvas, rows, ruled, y, width, height):  # type: ignore[no-untyped-def]
    from reportlab.platypus import Table, TableStyle

    style = [("FONT", (0, 0), (-1, -1), "DejaVu", 10), ("ALIGN", (1, 0), (-1, -1), "RIGHT")]
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
    columns = len(rows[0])
    table = Table([list(r) for r in rows], colWidths=[120] + [80] * (columns - 1))
    table.setStyle(TableStyle(style))
    _, table_height = table.wrapOn(canvas, width, height)
    table.drawOn(canvas, 56, y - table_height)
    return y - table_height - 10
