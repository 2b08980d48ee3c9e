"""Work spread over processes, its results handed back in the order of its inputs.

Claims are judged in pure Python, so only processes use more than one core. How workers
start decides what a pool costs, since importing factcheck takes about half a second:

- on Linux, in a process with one thread (the command line), workers are forked: they
  start at once with everything the parent has imported and loaded;
- elsewhere (a program with threads, where forking is unsafe; macOS and Windows) they come
  from a fork server that imports `preload` once for all of them, or are spawned.

Each worker keeps its caches (sources read, the lexicon) from one task to the next, and
ignores Ctrl-C: the main process stops the pool and reports what finished. A worker that
dies (killed, out of memory) stops the run with WorkerError rather than a hang.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any, TypeVar

from factcheck.errors import FactcheckError

Item = TypeVar("Item")
Result = TypeVar("Result")

# Tasks go to a worker in chunks of consecutive items: fewer messages, but a slow claim
# holds up the results after it until its chunk is done. Aim for this many chunks per
# worker, of at most MAX_CHUNK items.
CHUNKS_PER_WORKER = 8
MAX_CHUNK = 16


class WorkerError(FactcheckError):
    """A worker process stopped before it finished its work."""


def default_jobs() -> int:
    """How many CPUs this process may run on (its affinity, where the system tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # no sched_getaffinity (macOS, Windows)
        return max(1, os.cpu_count() or 1)


def chunk_size(items: int, jobs: int) -> int:
    return max(1, min(MAX_CHUNK, items // (jobs * CHUNKS_PER_WORKER)))


@contextmanager
def in_order(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    jobs: int,
    preload: Sequence[str] = (),
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[Iterator[Result]]:
    """`function(item)` for each item, computed by `jobs` worker processes and yielded in
    the items' order, each as soon as it and every one before it are done.

    `function` and `initializer` must be module-level functions (a spawned worker imports
    them); `preload` names the modules a fork server imports once for its workers. Leaving
    the block, done or not, stops the workers.
    """
    executor = ProcessPoolExecutor(
        jobs,
        mp_context=_context(preload),
        initializer=_start,
        initargs=(initializer, initargs),
    )
    try:
        with _ctrl_c_ignored():  # workers start during map(), and inherit the disposition
            results = executor.map(function, items, chunksize=chunk_size(len(items), jobs))
        yield _reported(results)
    except BaseException:
        _stop(executor)  # Ctrl-C or an error: the work still running is not wanted
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _context(preload: Sequence[str]) -> Any:
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(preload))
        return context
    return multiprocessing.get_context("spawn")


def _reported(results: Iterator[Result]) -> Iterator[Result]:
    try:
        yield from results
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process stopped before it finished (killed, or out of memory?); "
            "rerun with --jobs 1 to judge every claim in one process"
        ) from None


def _stop(executor: ProcessPoolExecutor) -> None:
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    # Before 3.14 the executor keeps its processes here; shutdown() alone would wait for
    # the claims being judged, however long they take.
    for process in list(getattr(executor, "_processes", None) or {}):
        executor._processes[process].terminate()


def _start(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    """In each worker, before its first task."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # As in the command's own process (cli.main): a run makes many small objects and frees
    # few, and the cyclic collector's default rhythm costs a fifth of the time.
    gc.set_threshold(50_000, 20, 20)
    if initializer is not None:
        initializer(*initargs)


@contextmanager
def _ctrl_c_ignored() -> Iterator[None]:
    """SIGINT ignored while the workers start, so that they start ignoring it (a forked,
    spawned or fork-served process inherits the disposition, not a Python handler).
    A Ctrl-C in these few milliseconds is lost; pressed again, it stops the batch."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
