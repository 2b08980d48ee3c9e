"""read_document: a PDF, HTML, text or Markdown file -> DocumentText, or DocumentError."""

from __future__ import annotations

import hashlib
from pathlib import Path

from factcheck.documents.pages import DocumentText, Kind, Page
from factcheck.errors import FactcheckError

# A report of a few hundred pages is tens of megabytes; more is no document to check here.
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024

KINDS: dict[str, Kind] = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}


class DocumentError(FactcheckError):
    """A document that cannot be read: its reason, and the problem code that says it."""

    def __init__(self, message: str, code: str) -> None:
        self.code = code
        super().__init__(message)


def kind_of(path: Path) -> Kind | None:
    return KINDS.get(path.suffix.lower())


def read_document(path: Path, *, tables: bool = True) -> DocumentText:
    """The document at path, read whole once; tables only where `tables` (PDF tables cost
    pdfplumber's time, tables.py)."""
    kind = kind_required(path)
    data = read_bytes(path)
    return parse_document(path, data, kind, hashlib.sha256(data).hexdigest(), tables=tables)


def parse_document(
    path: Path, data: bytes, kind: Kind, digest: str, *, tables: bool = True
) -> DocumentText:
    """The document's bytes read into pages (DocumentError when they cannot be)."""
    pages, title = _pages(kind, data, tables=tables)
    if not pages:
        raise DocumentError("the document has no pages", "FC703")
    return DocumentText(path, digest, kind, tuple(pages), title)


def kind_required(path: Path) -> Kind:
    kind = kind_of(path)
    if kind is None:
        raise DocumentError(
            f"cannot read {path.suffix or 'a file without a suffix'}: documents are PDF "
            f"(.pdf), HTML (.html, .htm), text (.txt) or Markdown (.md)",
            "FC703",
        )
    return kind


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise DocumentError(
                f"the document is {size:,} bytes, more than the {MAX_DOCUMENT_BYTES:,} "
                "factcheck reads",
                "FC703",
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise DocumentError("the document does not exist", "FC701") from None
    except IsADirectoryError:
        raise DocumentError("the document is a folder, not a file", "FC701") from None
    except OSError as exc:
        raise DocumentError(f"the document cannot be read: {exc.strerror}", "FC701") from None


def _pages(kind: Kind, data: bytes, *, tables: bool) -> tuple[list[Page], str | None]:
    if kind == "pdf":
        from factcheck.documents.pdf import PdfError, read_pdf

        try:
            pages, title = read_pdf(data)
        except PdfError as exc:
            raise DocumentError(f"PDFium cannot read this PDF ({exc})", "FC703") from None
        if tables:
            from factcheck.documents.tables import add_tables

            pages = add_tables(data, pages)
        return pages, title
    if kind == "html":
        from factcheck.documents.html import read_html

        return read_html(data)
    from factcheck.documents.plain import read_text

    return read_text(data, markdown=kind == "markdown")
