"""A source checked against its document: the document found and read, and each figure's
words looked up in it (docs/provenance.md).

The document is read once per run (documents/cache.py). Each problem is located at the
key it concerns, with a code from FC7xx; a phrase that is not there gets the nearest
passage, its page and a similarity score as a hint, but a near match never passes. What
was found comes back too: as `info` problems (FC700, listed by `check --format json`) and
as the DocumentFound the audit carries.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.documents import DocumentError, DocumentText
from factcheck.documents.cache import DocumentCache
from factcheck.errors import Problem
from factcheck.load.case import LoadedSource
from factcheck.load.document import Document, shown
from factcheck.load.figure_words import FigureWords, Reported
from factcheck.models import DocumentFound, SourceDocument
from factcheck.paths import display_path
from factcheck.wording import counted


@dataclass(frozen=True)
class DocumentCheck:
    """What checking one source against its document found."""

    problems: list[Problem]  # errors, warnings, and `info` for each phrase found
    found: DocumentFound | None = None
    text: DocumentText | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def check_document(loaded: LoadedSource, root: Path, documents: DocumentCache) -> DocumentCheck:
    """The source's document read, and every figure and statement checked against it."""
    named = loaded.source.document
    if named is None:
        return DocumentCheck([])
    yaml = loaded.document
    path, refusal = _resolve(loaded.path, named.path, root)
    if refusal is not None:
        return DocumentCheck([yaml.problem(("document", "path"), *refusal)])
    try:
        text = documents.get(path)
    except DocumentError as exc:
        message = f"document {shown(named.path)}: {exc}"
        return DocumentCheck([yaml.problem(("document", "path"), message, exc.code)])
    problems = _whole_document(yaml, named, text)
    words = FigureWords(text, yaml)
    figures = []
    for index, figure in enumerate(loaded.source.figures):
        figures.append(words.figure(figure, ("figures", index)))
    for index, statement in enumerate(loaded.source.statements):
        words.statement(statement, ("statements", index))
    problems.extend(_problems(words.reported))
    found = DocumentFound(
        source=loaded.source.id,
        path=display_path(path),
        kind=text.kind,
        sha256=text.sha256,
        pages=len(text.pages),
        url=named.url,
        figures=figures,
    )
    return DocumentCheck(problems, found, text)


def _resolve(source_path: Path, relative: str, root: Path) -> tuple[Path, tuple[str, str] | None]:
    """The document's path, beside the source file, or why it cannot be used."""
    target = source_path.parent / relative
    quoted = shown(relative)
    try:
        resolved = target.resolve(strict=True)
    except FileNotFoundError:
        looked = shown(str(target), 300)[1:-1]
        return target, (f"document {quoted} not found (looked for {looked})", "FC701")
    except (OSError, RuntimeError, ValueError) as exc:
        return target, (f"document {quoted} cannot be opened: {exc}", "FC701")
    if not resolved.is_relative_to(root):
        return target, (
            f"document {quoted} lies outside the claims repository ({root}); keep documents "
            "inside it (or use --root to widen it)",
            "FC702",
        )
    return target, None


def _whole_document(yaml: Document, named: SourceDocument, text: DocumentText) -> list[Problem]:
    problems = []
    if named.sha256 is not None and named.sha256.lower() != text.sha256:
        problems.append(
            yaml.problem(
                ("document", "sha256"),
                f"the document's sha256 is {text.sha256}, not the one recorded: it has "
                "changed since the source was written (or the wrong file is named); check "
                "the figures against it, then record the new sha256",
                "FC704",
            )
        )
    if named.pages is not None and named.pages != len(text.pages):
        problems.append(
            yaml.problem(
                ("document", "pages"),
                f"the document has {counted(len(text.pages), 'page')}, not {named.pages}",
                "FC705",
            )
        )
    return problems


def _problems(reported: list[Reported]) -> list[Problem]:
    """Each finding as a problem at its key; a phrase found is an `info` (FC700)."""
    problems = []
    for item in reported:
        problem = item.yaml.problem(item.key_path, item.message, item.code)
        severity = "info" if item.code == "FC700" else item.severity
        problems.append(replace(problem, severity=severity, phrase=item.phrase))
    return problems
