"""Where a claim's sources are, and the cache that reads each of them once per run."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.collector import collection_paused
from factcheck.errors import InputError, Problem
from factcheck.load.case import LoadedSource
from factcheck.load.document import Document, KeyPath, shown
from factcheck.load.reader import read_document
from factcheck.load.validation import validate
from factcheck.lookalike import lookalike_file_hint
from factcheck.models import Source

if TYPE_CHECKING:  # the documents are read only for a source that names one
    from factcheck.documents.cache import DocumentCache
    from factcheck.load.provenance import DocumentCheck

ROOT_MARKERS = ("factcheck.toml", "pyproject.toml", ".git")


def find_root(start: Path) -> Path:
    """The claims repository root: nearest folder holding a root marker, else the cwd."""
    for folder in [start, *start.parents]:
        if any((folder / marker).exists() for marker in ROOT_MARKERS):
            return folder
    return Path.cwd().resolve()


class SourceCache:
    """Reads each file once per run and validates each source once, however many claims
    (or paths) name it; a broken file's problems are remembered too.

    A file is known by its resolved path, and keeps the path it was first read by: its
    problems name that path.
    """

    def __init__(self) -> None:
        self._documents: dict[Path, Document | InputError] = {}
        self._sources: dict[Path, LoadedSource | InputError] = {}
        self._checked: dict[Path, DocumentCheck] = {}
        # The documents sources name (PDF, HTML, ...), each read once however many name it.
        self._texts: DocumentCache | None = None

    def checked(self, loaded: LoadedSource, root: Path) -> DocumentCheck:
        """The source checked against its document, once per run (provenance.py)."""
        found = self._checked.get(loaded.path)
        if found is None:
            # Imported here: reading documents (PDF, HTML) costs start-up time that a run
            # whose sources name no document should not pay.
            from factcheck.load.provenance import check_document

            found = check_document(loaded, root, self.texts)
            self._checked[loaded.path] = found
        return found

    @property
    def texts(self) -> DocumentCache:
        """The documents read so far, made on first use."""
        if self._texts is None:
            from factcheck.documents.cache import DocumentCache

            self._texts = DocumentCache()
        return self._texts

    def document(self, path: Path) -> Document:
        """The file read as a Document (InputError if it cannot be)."""
        resolved = path.resolve()
        found = self._documents.get(resolved)
        if found is None:
            try:
                found = read_document(path)
            except InputError as exc:
                found = exc
            self._documents[resolved] = found
        if isinstance(found, InputError):
            raise found
        return found

    def files(self) -> list[Path]:
        """Every file read through this cache (resolved paths)."""
        return list(self._documents)

    def get(self, path: Path) -> LoadedSource:
        """The file read and validated as a source (InputError with every problem)."""
        resolved = path.resolve()
        found = self._sources.get(resolved)
        if found is None:
            try:
                with collection_paused():  # collector.py: 10% of a large source's load
                    document = self.document(path)
                    found = LoadedSource(validate(document, Source), resolved, document)
            except InputError as exc:
                found = exc
            self._sources[resolved] = found
        if isinstance(found, InputError):
            raise found
        return found


def resolve_source_path(
    claim_path: Path,
    relative: str,
    root: Path,
    document: Document,
    key_path: KeyPath,
    problems: list[Problem],
) -> Path | None:
    """The file a claim's `sources:` entry names, or None with the reason in problems."""
    target = claim_path.parent / relative
    refusal = _refusal(target, relative, root)
    if refusal is None:
        return target
    message, code = refusal
    problems.append(document.problem(key_path, message, code))
    return None


def _refusal(target: Path, relative: str, root: Path) -> tuple[str, str] | None:
    """Why target cannot be a source file (message and code), or None."""
    quoted = shown(relative)
    try:
        resolved = target.resolve(strict=True)
    except FileNotFoundError:
        # claims/../sources/x.yaml as sources/x.yaml: by the letters, as it costs nothing
        # (display_path resolves, and a claim may name 20,000 missing files)
        looked = shown(os.path.normpath(target), 300)[1:-1]
        hint = lookalike_file_hint(target)
        return f"source file {quoted} not found (looked for {looked}){hint}", "FC301"
    except RuntimeError:  # pathlib's word for a symlink loop (ELOOP)
        return f"source path {quoted} loops through symlinks", "FC302"
    except OSError as exc:  # a name too long, a file used as a folder, no permission
        return f"source path {quoted} cannot be opened: {exc.strerror}", "FC301"
    except ValueError:  # os functions refuse a NUL; YAML can write one as "\0"
        return f"source path {quoted} contains a NUL character", "FC301"
    if not resolved.is_relative_to(root):
        return (
            f"source path {quoted} leads outside the claims repository ({root}); "
            "use --root to widen it",
            "FC303",
        )
    if resolved.is_dir():
        return f"source path {quoted} is a directory, expected a YAML file", "FC304"
    return None
