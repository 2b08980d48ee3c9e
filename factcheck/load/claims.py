"""load_claim: a claim file and the sources it names -> a Case, or every problem at once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from factcheck.errors import InputError, Problem, problem_at
from factcheck.load.case import Case, FigureOrigin, LoadedSource
from factcheck.load.document import Document
from factcheck.load.limits import capped
from factcheck.load.links import check_links
from factcheck.load.reader import read_document
from factcheck.load.relations import check_figures
from factcheck.load.sources import SourceCache, find_root, resolve_source_path
from factcheck.load.validation import validate
from factcheck.models import Claim


def load_claim(path: Path, *, root: Path | None = None, cache: SourceCache | None = None) -> Case:
    """Read a claim file and the sources it names; raise InputError with every problem."""
    return claim_case(read_document(path), root=root, cache=cache)


def claim_case(
    document: Document, *, root: Path | None = None, cache: SourceCache | None = None
) -> Case:
    """load_claim for a claim file already read (`check` reads every file first)."""
    path = document.path
    cache = cache or SourceCache()
    if _looks_like_source(document.data):
        raise InputError(
            [
                problem_at(
                    path,
                    "this is a source file (it has figures and a publisher); "
                    "`verify` takes a claim file, which names its sources",
                    "FC206",
                    1,
                    1,
                )
            ]
        )
    root = (root or find_root(path.resolve().parent)).resolve()
    try:
        claim = validate(document, Claim)
    except InputError as invalid:
        raise InputError(
            capped(invalid.problems + _named_source_problems(document, root, cache))
        ) from None
    sources = _sources(claim, document, root, cache)
    sources, problems = _provenance(sources, root, cache)
    figures = _figures(claim, document, sources)
    problems += check_figures(figures) + check_links(figures, [s.source for s in sources])
    if not claim.sources and not claim.figures:
        problems.append(
            document.problem(
                (), "the claim names no `sources:` and has no inline `figures:`", "FC207", key=True
            )
        )
    if problems:
        raise InputError(capped(problems))
    return Case(claim=claim, path=path, sources=sources, figures=figures)


def _sources(
    claim: Claim, document: Document, root: Path, cache: SourceCache
) -> list[LoadedSource]:
    """The sources the claim names, each once; InputError with every one's problems."""
    problems: list[Problem] = []
    sources: list[LoadedSource] = []
    seen: set[Path] = set()
    named: set[str] = set()
    for index, relative in enumerate(claim.sources):
        # The same file named twice (perhaps by different paths) is one source, loaded and
        # reported once: a claim naming itself 20,000 times is read once, not 20,000 times.
        if relative in named:
            continue
        named.add(relative)
        target = resolve_source_path(
            document.path, relative, root, document, ("sources", index), problems
        )
        if target is None or target.resolve() in seen:
            continue
        seen.add(target.resolve())
        try:
            sources.append(cache.get(target))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(capped(problems))
    return sources


def _provenance(
    sources: list[LoadedSource], root: Path, cache: SourceCache
) -> tuple[list[LoadedSource], list[Problem]]:
    """Each source with its document checked; the errors found there (a quote not in it, a
    wrong value) stop the claim like any invalid input. Warnings are `check`'s to give."""
    problems: list[Problem] = []
    checked = []
    for loaded in sources:
        if loaded.source.document is None:  # nothing to read (nor to import the readers for)
            checked.append(loaded)
            continue
        provenance = cache.checked(loaded, root)
        problems.extend(provenance.errors)
        checked.append(replace(loaded, provenance=provenance) if provenance.found else loaded)
    return checked, problems


def _figures(claim: Claim, document: Document, sources: list[LoadedSource]) -> list[FigureOrigin]:
    """The claim's inline figures, then each source's, in file order."""
    figures = [
        FigureOrigin(figure, claim.id, document, ("figures", index))
        for index, figure in enumerate(claim.figures)
    ]
    for loaded in sources:
        figures.extend(
            FigureOrigin(figure, loaded.source.id, loaded.document, ("figures", index))
            for index, figure in enumerate(loaded.source.figures)
        )
    return figures


def _named_source_problems(document: Document, root: Path, cache: SourceCache) -> list[Problem]:
    """The problems of the sources an invalid claim names, so one run reports them all."""
    raw = document.data.get("sources") if isinstance(document.data, dict) else None
    names = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    problems: list[Problem] = []
    for index, relative in enumerate(dict.fromkeys(n for n in names if isinstance(n, str))):
        target = resolve_source_path(
            document.path, relative, root, document, ("sources", index), problems
        )
        if target is not None:
            try:
                cache.get(target)
            except InputError as exc:
                problems.extend(exc.problems)
    return problems


def _looks_like_source(data: Mapping[str, Any]) -> bool:
    return "publisher" in data and "asserts" not in data
