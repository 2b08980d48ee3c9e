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

from factcheck.documents.pages import DocumentText, Page, Table
from factcheck.documents.read import DocumentError, kind_of, read_document

__all__ = ["DocumentError", "DocumentText", "Page", "Table", "kind_of", "read_document"]
