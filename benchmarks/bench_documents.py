"""Provenance targets (issue 11), each against a baseline measured in the same run:

- `draft` on a 100-page text PDF: under 2 s without tables; under 5 s with tables read
  only on the pages that look tabular (a tenth of them here);
- checking 200 phrases against a 100-page document: under 0.5 s once the text is read.

The baseline is PDFium's bare text extraction of the same PDF (what any reader must pay).
Run: python benchmarks/bench_documents.py   (needs reportlab, the test extra)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.documents import read_document
from factcheck.documents.locate import find
from factcheck.draft import candidates
from tests.documents.pdfs import PageSpec, build_pdf

SENTENCE = (
    "In fiscal year {y} the office counted {n:,} children, more than {m:,} of whom were "
    "released to sponsors; about {p}% failed to appear."
)


def _pages() -> list[PageSpec]:
    pages = []
    for index in range(100):
        lines = [
            SENTENCE.format(y=2000 + index % 24, n=1000 + index * 37, m=500 + index, p=index % 40)
        ]
        lines = [lines[0][:95], lines[0][95:]] * 20
        table = None
        if index % 10 == 0:
            table = [["Year", "Released", "Missing"]] + [
                [f"FY {2010 + r}", f"{1000 + r * 13:,}", f"{r * 7:,}"] for r in range(8)
            ]
        pages.append(PageSpec(lines[:30], table=table, footer=f"Report {index + 1}"))
    return pages


def _timed(action):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    import pypdfium2

    with tempfile.TemporaryDirectory() as folder:
        pdf = build_pdf(Path(folder) / "hundred.pdf", _pages())

        def bare() -> int:
            document = pypdfium2.PdfDocument(str(pdf))
            total = sum(
                len(document[i].get_textpage().get_text_range()) for i in range(len(document))
            )
            document.close()
            return total

        baseline, _ = _timed(bare)
        plain, found = _timed(lambda: candidates(read_document(pdf, tables=False)))
        with_tables, found_t = _timed(lambda: candidates(read_document(pdf, tables=True)))
        text = read_document(pdf, tables=False)
        assert text.exact and text.caseless  # the folded forms are part of reading
        phrases = [
            SENTENCE.format(y=2000 + i % 24, n=1000 + i * 37, m=500 + i, p=i % 40)[:60]
            for i in range(100)
        ]
        phrases += [f"counted {1000 + i * 37:,} children" for i in range(100)]
        checking, _ = _timed(
            lambda: [find(text, p, caseless=i % 2 == 1) for i, p in enumerate(phrases)]
        )
    print(f"PDFium text alone (baseline) {baseline:6.2f} s")
    rows = [
        ("draft, no tables", plain, "2 s", f"{len(found)} candidates"),
        ("draft, with tables", with_tables, "5 s", f"{len(found_t)} candidates"),
        ("200 phrases", checking, "0.5 s", ""),
    ]
    for name, seconds, target, extra in rows:
        ratio = seconds / baseline
        print(f"{name:<20} {seconds:6.3f} s ({ratio:4.2f} x baseline; target {target}) {extra}")


if __name__ == "__main__":
    main()
