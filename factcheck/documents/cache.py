"""DocumentCache: each document read once per run, however many sources and claims name it.

Known first by its resolved path; two paths to files with the same bytes (by sha256) share
one reading. A document that cannot be read is remembered too, with its reason.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from factcheck.documents.pages import DocumentText
from factcheck.documents.read import DocumentError, kind_required, parse_document, read_bytes


class DocumentCache:
    def __init__(self, *, tables: bool = True) -> None:
        self.tables = tables
        self._by_path: dict[Path, DocumentText | DocumentError] = {}
        self._by_hash: dict[str, DocumentText] = {}
        self.reads = 0  # documents read from disk: what a batch's test counts

    def get(self, path: Path) -> DocumentText:
        """The document at path (DocumentError when it cannot be read)."""
        resolved = path.resolve()
        found = self._by_path.get(resolved)
        if found is None:
            try:
                found = self._read(path)
            except DocumentError as exc:
                found = exc
            self._by_path[resolved] = found
        if isinstance(found, DocumentError):
            raise found
        return found

    def _read(self, path: Path) -> DocumentText:
        kind = kind_required(path)
        data = read_bytes(path)
        self.reads += 1
        digest = hashlib.sha256(data).hexdigest()
        known = self._by_hash.get(digest)
        if known is not None and known.kind == kind:
            return replace(known, path=path)
        text = parse_document(path, data, kind, digest, tables=self.tables)
        self._by_hash[digest] = text
        return text
