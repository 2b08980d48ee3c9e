"""Many claim files in one run: expand paths, audit each, collect problems instead of stopping."""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import InputError, Problem, problem_at
from factcheck.judge import Settings, judge
from factcheck.load import SourceCache, load_claim
from factcheck.models import Audit, Verdict

YAML_SUFFIXES = (".yaml", ".yml")
_SOURCE_FILE = "FC206"


@dataclass
class Batch:
    audits: list[Audit] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    interrupted: bool = False
    skipped_sources: list[Path] = field(default_factory=list)

    def gated(self, fail_on: Iterable[Verdict]) -> list[Audit]:
        """Audits whose verdict is in fail_on or differs from the claim's `expect`."""
        fail = set(fail_on)
        return [
            a
            for a in self.audits
            if a.verdict in fail or (a.expect is not None and a.expect != a.verdict)
        ]


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


def verify_many(
    paths: Iterable[str],
    settings: Settings,
    *,
    root: Path | None = None,
    on_start: Callable[[int], None] | None = None,
    on_done: Callable[[Path], None] | None = None,
) -> Batch:
    """Audit every claim file under paths; invalid files become problems, not a stop."""
    batch = Batch()
    files, batch.problems = expand_paths(paths)
    if on_start:
        on_start(len(files))
    cache = SourceCache()
    try:
        for path, named in files:
            try:
                batch.audits.append(judge(load_claim(path, root=root, cache=cache), settings))
            except InputError as exc:
                if not named and [p.code for p in exc.problems] == [_SOURCE_FILE]:
                    batch.skipped_sources.append(path)
                else:
                    batch.problems.extend(exc.problems)
            if on_done:
                on_done(path)
    except KeyboardInterrupt:
        batch.interrupted = True
    return batch
