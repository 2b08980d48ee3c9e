"""Many claim files in one run: expand paths, audit each, collect problems instead of stopping.

Each audit goes to `on_audit` as soon as it is judged, so that output can stream claim by
claim. Ctrl-C stops the batch: the Batch then holds what finished, marked `interrupted`.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

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
    # Every file the run read (claims, sources): --output may not be written over one.
    inputs: list[Path] = field(default_factory=list)

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
    on_audit: Callable[[Audit], None] | None = None,
    on_done: Callable[[Path], None] | None = None,
) -> Batch:
    """Audit every claim file under paths; invalid files become problems, not a stop.

    on_start gets the number of files; on_audit each audit as soon as it is judged (in
    file order); on_done each file's path once it is finished, audited or not.
    """
    batch = Batch()
    files, batch.problems = expand_paths(paths)
    if on_start:
        on_start(len(files))
    cache = SourceCache()
    batch.inputs = [path for path, _ in files]
    try:
        for path, named in files:
            try:
                audit = judge(load_claim(path, root=root, cache=cache), settings)
            except InputError as exc:
                if not named and [p.code for p in exc.problems] == [_SOURCE_FILE]:
                    batch.skipped_sources.append(path)
                else:
                    batch.problems.extend(exc.problems)
            else:
                # An audit counts as finished once it is handed on: Ctrl-C waits for both,
                # so the batch never reports an audit its caller did not get, or half of one.
                with _ctrl_c_held():
                    batch.audits.append(audit)
                    if on_audit:
                        on_audit(audit)
            if on_done:
                on_done(path)
    except KeyboardInterrupt:
        batch.interrupted = True
    batch.inputs.extend(cache.files())
    return batch


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
