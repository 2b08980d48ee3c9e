"""Many claim files in one run: expand paths, audit each, collect problems instead of stopping.

Each audit goes to `on_audit` as soon as it is judged and every one before it has been, so
that output streams claim by claim, in the order of the files, however many processes judge
them (`jobs`, factcheck/workers.py). `shard` keeps only this CI job's part of the files
(factcheck/shards.py). Ctrl-C stops the batch: the Batch then holds what finished, marked
`interrupted`.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import FrameType

from factcheck.errors import InputError, Problem
from factcheck.judge import Settings, judge
from factcheck.load import Document, SourceCache, claim_case
from factcheck.models import Audit, Verdict
from factcheck.paths import expand_paths
from factcheck.placeholders import draft_problems
from factcheck.shards import Shard
from factcheck.workers import default_jobs, in_order

_SOURCE_FILE = "FC206"
# Fewer claims than this per worker and a one-process run is done before the workers
# would have started (docs/benchmarks.md, "Batches over processes"): `jobs` left to its
# default then runs in this process. Asked for explicitly, processes are used anyway.
FILES_PER_WORKER = 8


@dataclass
class Batch:
    audits: list[Audit] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    interrupted: bool = False
    skipped_sources: list[Path] = field(default_factory=list)
    invalid: list[Path] = field(default_factory=list)  # claim files refused as invalid
    # Every file the run read (claims, sources): --output may not be written over one.
    inputs: list[Path] = field(default_factory=list)
    found: int = 0  # files found, in every part of a --shard
    kept: int = 0  # of them, the files of this part

    def gated(self, fail_on: Iterable[Verdict]) -> list[Audit]:
        """Audits whose verdict is in fail_on or differs from the claim's `expect`."""
        fail = set(fail_on)
        return [
            a
            for a in self.audits
            if a.verdict in fail or (a.expect is not None and a.expect != a.verdict)
        ]


@dataclass(frozen=True)
class Outcome:
    """One claim file's result: its audit, or the problems that kept it from one."""

    audit: Audit | None
    problems: list[Problem]
    source_file: bool = False  # a source file, where a claim was expected (FC206 alone)
    text: str | None = None  # the audit rendered, where the run renders each one
    # The files this claim was the first in its process to read (its sources): with the
    # claim files, every input of the run, which --output may not be written over.
    read: tuple[Path, ...] = ()


@dataclass
class _Run:
    """What judging a claim needs besides its path; one per process, with its cache."""

    settings: Settings
    root: Path | None
    allow_draft: bool
    render: Callable[[Audit], str] | None = None
    cache: SourceCache = field(default_factory=SourceCache)


def verify_many(
    paths: Iterable[str],
    settings: Settings,
    *,
    root: Path | None = None,
    jobs: int | None = 1,
    shard: Shard | None = None,
    allow_draft: bool = False,
    render: Callable[[Audit], str] | None = None,
    on_start: Callable[[int], None] | None = None,
    on_audit: Callable[[Audit], None] | None = None,
    on_text: Callable[[str], None] | None = None,
    on_done: Callable[[Path], None] | None = None,
) -> Batch:
    """Audit every claim file under paths; invalid files become problems, not a stop.

    jobs: how many processes judge claims (None: one per CPU, for a batch big enough to
    gain from it); the result is the same whatever the number. shard: only the files of
    this part of the repository. allow_draft: judge claims whose files still hold TODO
    placeholders (else each is an FC503 problem). render: a module-level function (or a
    picklable object) that turns an audit into text, run where the audit is judged, so
    that the workers share the rendering of a streamed output too; on_text gets its text.
    on_start gets the number of files; on_audit each audit as soon as it is judged (in file
    order); on_done each file's path once it is finished, audited or not.
    """
    batch = Batch()
    files, batch.problems = expand_paths(paths)
    batch.found = len(files)
    if shard is not None:
        files = [(path, named) for path, named in files if shard.holds(path, root)]
    batch.kept = len(files)
    run = _Run(settings, root, allow_draft, render)
    batch.inputs = [path for path, _ in files]
    try:
        with _outcomes([path for path, _ in files], run, _workers(jobs, len(files))) as outcomes:
            if on_start:  # once the workers run: a progress bar's thread may start now
                on_start(len(files))
            for (path, named), outcome in zip(files, outcomes, strict=True):
                _take(batch, path, named, outcome, on_audit, on_text)
                if on_done:
                    on_done(path)
    except KeyboardInterrupt:
        batch.interrupted = True
    return batch


def _workers(jobs: int | None, files: int) -> int:
    if jobs is None:
        return min(default_jobs(), files // FILES_PER_WORKER) or 1
    return max(1, min(jobs, files))


def _take(
    batch: Batch,
    path: Path,
    named: bool,
    outcome: Outcome,
    on_audit: Callable[[Audit], None] | None,
    on_text: Callable[[str], None] | None,
) -> None:
    batch.inputs.extend(outcome.read)
    if outcome.audit is None:
        if outcome.source_file and not named:
            batch.skipped_sources.append(path)
        else:
            batch.invalid.append(path)
            batch.problems.extend(outcome.problems)
        return
    # An audit counts as finished once it is handed on: Ctrl-C waits for both, so the
    # batch never reports an audit its caller did not get, or half of one.
    with _ctrl_c_held():
        batch.audits.append(outcome.audit)
        if on_audit:
            on_audit(outcome.audit)
        if on_text and outcome.text is not None:
            on_text(outcome.text)


@contextmanager
def _outcomes(files: Sequence[Path], run: _Run, workers: int) -> Iterator[Iterator[Outcome]]:
    """Each file's outcome in file order: judged here, or by `workers` processes."""
    if workers <= 1:
        yield (verify_one(path, run) for path in files)
        return
    with in_order(
        _verify_in_worker,
        files,
        jobs=workers,
        preload=[__name__],
        initializer=_start_worker,
        initargs=(run.settings, run.root, run.allow_draft, run.render),
    ) as outcomes:
        yield outcomes


_WORKER_RUN: _Run | None = None  # a worker process's settings and caches


def _start_worker(
    settings: Settings,
    root: Path | None,
    allow_draft: bool,
    render: Callable[[Audit], str] | None,
) -> None:
    global _WORKER_RUN
    _WORKER_RUN = _Run(settings, root, allow_draft, render)


def _verify_in_worker(path: Path) -> Outcome:
    assert _WORKER_RUN is not None, "the pool's initializer sets it"
    return verify_one(path, _WORKER_RUN)


def verify_one(path: Path, run: _Run) -> Outcome:
    """Load and judge one claim file, with the run's cache of files already read."""
    already_read = len(run.cache.files())
    outcome = _judged(path, run)
    return replace(outcome, read=tuple(run.cache.files()[already_read:]))


def _judged(path: Path, run: _Run) -> Outcome:
    cache = run.cache
    try:
        document = cache.document(path)
        case = claim_case(document, root=run.root, cache=cache)
    except InputError as exc:
        problems = exc.problems
        if [p.code for p in problems] == [_SOURCE_FILE]:
            return Outcome(None, problems, source_file=True)
        if not run.allow_draft:
            named = [path, *(Path(p.path) for p in problems)]
            problems = draft_problems(problems, _documents(cache, named))
        return Outcome(None, problems)
    if not run.allow_draft:
        holes = draft_problems([], [document, *(s.document for s in case.sources)])
        if holes:
            return Outcome(None, holes)
    audit = judge(case, run.settings)
    return Outcome(audit, [], text=run.render(audit) if run.render else None)


def _documents(cache: SourceCache, paths: Iterable[Path]) -> list[Document]:
    """The files at paths that could be read (each once), for their placeholders."""
    found: dict[Path, Document] = {}
    for path in paths:
        try:
            document = cache.document(path)
        except InputError:
            continue
        found.setdefault(path.resolve(), document)
    return list(found.values())


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Ctrl-C takes effect when the block ends, not inside it; pressed twice, at once.

    (A second press still stops a block that cannot finish, such as a write to a pipe
    nobody reads.) Only the main thread receives signals; elsewhere this does nothing.
    """
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is None:
        yield  # None: a handler set outside Python, which could not be put back
        return
    presses = 0

    def hold(number: int, frame: FrameType | None) -> None:
        nonlocal presses
        presses += 1
        if presses > 1:
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if presses:
        signal.raise_signal(signal.SIGINT)  # delivered now, to the handler it was meant for
