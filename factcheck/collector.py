"""Pausing Python's cyclic garbage collector over work that makes many objects and no cycles.

Loading a source of 10,000 figures makes some 30 objects a figure, and judging a long series
some 200,000 (items, windows, candidates), all alive until the work is done: the collector
would walk them, and every object the imports made, again and again, for a tenth of the
time or more (docs/benchmarks.md). Neither makes reference cycles to speak of; reference
counting frees everything else as it goes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic collection inside the block; as it was after it (a caller that turned the
    collector off keeps it off)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
