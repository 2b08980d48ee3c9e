"""Claims and their sources: load_claim, the source cache, where a named source may be."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from factcheck.errors import InputError, Problem, problem_at
from factcheck.load.case import Case, FigureOrigin, LoadedSource
from factcheck.load.document import Document, KeyPath, shown
from factcheck.load.limits import capped
from factcheck.load.reader import read_document
from factcheck.load.relations import check_figures
from factcheck.load.validation import validate
from factcheck.models import Claim, Source

ROOT_MARKERS = ("factcheck.toml", "pyproject.toml", ".git")


def find_root(start: Path) -> Path:
    """The claims repository root: nearest folder holding a root marker, else the cwd."""
    for folder in [start, *start.parents]:
        if any((folder / marker).exists() for marker in ROOT_MARKERS):
            return folder
    return Path.cwd().resolve()


class SourceCache:
    """Loads each source file once per run, however many claims (or paths) name it."""

    def __init__(self) -> None:
        self._loaded: dict[Path, LoadedSource | InputError] = {}

    def get(self, path: Path) -> LoadedSource:
        resolved = path.resolve()
        if resolved not in self._loaded:
            try:
                document = read_document(path)
                self._loaded[resolved] = LoadedSource(
                    validate(document, Source), resolved, document
                )
            except InputError as exc:
                self._loaded[resolved] = exc
        result = self._loaded[resolved]
        if isinstance(result, InputError):
            raise result
        return result


def load_claim(path: Path, *, root: Path | None = None, cache: SourceCache | None = None) -> Case:
    """Read a claim file and the sources it names; raise InputError with every problem."""
    cache = cache or SourceCache()
    document = read_document(path)
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
            capped(invalid.problems + _named_source_problems(path, document, root, cache))
        ) from None
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
        key_path: KeyPath = ("sources", index)
        target = resolve_source_path(path, relative, root, document, key_path, problems)
        if target is None or target.resolve() in seen:
            continue
        seen.add(target.resolve())
        try:
            loaded = cache.get(target)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        sources.append(loaded)
    if problems:
        raise InputError(capped(problems))
    figures = [
        FigureOrigin(figure, claim.id, document, ("figures", index))
        for index, figure in enumerate(claim.figures)
    ]
    for loaded in sources:
        figures.extend(
            FigureOrigin(figure, loaded.source.id, loaded.document, ("figures", index))
            for index, figure in enumerate(loaded.source.figures)
        )
    problems.extend(check_figures(figures))
    if not claim.sources and not claim.figures:
        problems.append(
            document.problem(
                (), "the claim names no `sources:` and has no inline `figures:`", "FC207", key=True
            )
        )
    if problems:
        raise InputError(capped(problems))
    return Case(claim=claim, path=path, sources=sources, figures=figures)


def _named_source_problems(
    path: Path, document: Document, root: Path, cache: SourceCache
) -> list[Problem]:
    """The problems of the sources an invalid claim names, so one run reports them all."""
    raw = document.data.get("sources") if isinstance(document.data, dict) else None
    names = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    problems: list[Problem] = []
    for index, relative in enumerate(dict.fromkeys(n for n in names if isinstance(n, str))):
        target = resolve_source_path(path, relative, root, document, ("sources", index), problems)
        if target is not None:
            try:
                cache.get(target)
            except InputError as exc:
                problems.extend(exc.problems)
    return problems


def _looks_like_source(data: Mapping[str, Any]) -> bool:
    return "publisher" in data and "asserts" not in data


def resolve_source_path(
    claim_path: Path,
    relative: str,
    root: Path,
    document: Document,
    key_path: KeyPath,
    problems: list[Problem],
) -> Path | None:
    target = claim_path.parent / relative
    quoted = shown(relative)
    try:
        resolved = target.resolve(strict=True)
    except FileNotFoundError:
        problems.append(
            document.problem(
                key_path,
                f"source file {quoted} not found (looked for {shown(str(target), 300)[1:-1]})",
                "FC301",
            )
        )
        return None
    except RuntimeError:  # pathlib's word for a symlink loop (ELOOP)
        problems.append(
            document.problem(key_path, f"source path {quoted} loops through symlinks", "FC302")
        )
        return None
    except OSError as exc:  # a name too long, a file used as a folder, no permission
        problems.append(
            document.problem(
                key_path, f"source path {quoted} cannot be opened: {exc.strerror}", "FC301"
            )
        )
        return None
    except ValueError:  # os functions refuse a NUL; YAML can write one as "\0"
        problems.append(
            document.problem(key_path, f"source path {quoted} contains a NUL character", "FC301")
        )
        return None
    if not resolved.is_relative_to(root):
        problems.append(
            document.problem(
                key_path,
                f"source path {quoted} leads outside the claims repository ({root}); "
                "use --root to widen it",
                "FC303",
            )
        )
        return None
    if resolved.is_dir():
        problems.append(
            document.problem(
                key_path, f"source path {quoted} is a directory, expected a YAML file", "FC304"
            )
        )
        return None
    return target
