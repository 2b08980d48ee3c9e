"""Which files a command was asked about: files as given, directories recursed, globs."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import Problem, problem_at

YAML_SUFFIXES = (".yaml", ".yml")


def expand_paths(paths: Iterable[str]) -> tuple[list[tuple[Path, bool]], list[Problem]]:
    """Files as given, directories recursed (sorted), globs expanded; (path, named) pairs.

    `named` is False for files found inside a directory or by a glob: those may be
    source files sitting beside claims, which a batch skips rather than reports.
    """
    found: list[tuple[Path, bool]] = []
    problems: list[Problem] = []
    seen: set[Path] = set()

    def add(path: Path, named: bool) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append((path, named))

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES):
                if child.is_file() and not any(part.startswith(".") for part in child.parts[-3:]):
                    add(child, False)
        elif path.exists():
            add(path, True)
        elif glob.has_magic(raw):
            # Path.glob takes no absolute patterns; the glob module takes both.
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True))  # noqa: PTH207
            files = [m for m in matches if m.is_file()]
            if not files:
                problems.append(problem_at(raw, "no file matches this pattern", "FC101"))
            for match in files:
                add(match, False)
        else:
            problems.append(problem_at(raw, "file not found", "FC101"))
    return found, problems


def display_path(path: str | Path) -> str:
    """A path as output shows it: claims/../sources/x.yaml -> sources/x.yaml, relative to
    the current directory when inside it (also through a symlinked cwd), else absolute."""
    absolute = Path(os.path.normpath(Path(path).absolute()))
    for shown, cwd in ((absolute, Path.cwd()), (absolute.resolve(), Path.cwd().resolve())):
        try:
            return str(shown.relative_to(cwd))
        except ValueError:
            continue
    return str(absolute)
