"""The documents behind sources: read, normalised, searched, their numbers found.

Used by load/ (checking a source against its document), judge/ (the `document` note) and
draft.py; it imports none of them.

- read.py: read_document, a PDF, HTML, text or Markdown file -> DocumentText (pages.py),
  with pdf.py (pypdfium2), tables.py (pdfplumber, optional), html.py, plain.py;
- normalise.py: a page's clean text, and the folded form phrases are matched in;
- locate.py: where a phrase stands (found, missing, ambiguous) and the nearest passage;
- numbers.py: numbers in running text, in any written form, and ranges;
- layout.py: what each line of a page is, and the numbers pages print (rows.py: table
  rows; unruled.py: a table without rules, from word positions);
- passages.py: the sentence around a place, and the words before and after a number.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.documents.pages import DocumentText, Page, Table
    from factcheck.documents.read import DocumentError, kind_of, read_document

__all__ = ["DocumentError", "DocumentText", "Page", "Table", "kind_of", "read_document"]

# Where each name lives, imported on first use: `check` finds numbers in quotes
# (numbers.py) without paying for the readers of PDF and HTML at start-up.
_HOMES = {
    "DocumentText": "pages",
    "Page": "pages",
    "Table": "pages",
    "DocumentError": "read",
    "kind_of": "read",
    "read_document": "read",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
