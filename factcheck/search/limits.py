"""How large the meet in the middle may grow before `max_terms: all` falls back to the walk.

Read as `limits.HALF_LIMIT` (not imported by name) so that a test can lower one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.search.prepare import Prepared

# The most partial sums one half may hold (memory: about 100 bytes each), and the most
# options one group of related figures may have. Beyond them `max_terms: all` falls back to
# the budgeted walk and says whether it finished.
HALF_LIMIT = 1 << 22
OPTION_LIMIT = 1 << 16
COMPONENT_LIMIT = 64  # related figures in one item (each has at least one option of its own)
RELATION_LIMIT = 200_000  # part_of pairs (a figure and each whole it is part of)
INT_LIMIT = 1 << 61  # partial sums stay well inside int64


class TooLarge(Exception):
    """The meet in the middle would not fit its limits."""


def check_range(p: Prepared) -> None:
    """Every partial sum, of values and of weights, fits in int64."""
    wl, wh = p.buckets.wl, p.buckets.wh
    changes = sum(abs(v) for pair in p.buckets.changes.values() for v in pair)
    columns = {id(column): column for column in (p.points, p.lows, p.highs, wl, wh)}
    largest = max((max(map(abs, column), default=0) for column in columns.values()), default=0)
    if p.n * largest + changes <= INT_LIMIT:
        return  # the common case, decided without a loop in Python: the sum below is smaller
    reach = sum(
        max(abs(p.points[k]), abs(p.lows[k]), abs(p.highs[k]), abs(wl[k]), abs(wh[k]))
        for k in range(p.n)
    )
    reach += sum(abs(v) for pair in p.buckets.changes.values() for v in pair)
    if reach > INT_LIMIT:
        raise TooLarge
