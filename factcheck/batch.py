"""Many claim files in one run: expand paths, audit each, collect problems instead of stopping."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import InputError, Problem
from factcheck.judge import Settings, judge
from factcheck.load import SourceCache, load_claim
from factcheck.models import Audit, Verdict
from factcheck.paths import expand_paths

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
