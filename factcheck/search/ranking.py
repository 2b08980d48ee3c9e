"""Matches counted per bucket as they are found, and the best-ranked `top` of each kept.

Ranks order by terms, then exact before approximate, then distance to the claim, then the
selection (`Found.rank`). Both the walk and the exhaustive search's listing keep their
matches here, in bounded heaps.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Hashable, Iterable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from factcheck.search.types import Found, SearchResult, Selection

if TYPE_CHECKING:
    from factcheck.search.census import Census

Order = tuple[int, int, Fraction | int, Selection]  # a rank, or the walk's integer one


class Inverse:
    """Wraps a rank so that the heap's smallest item is the worst-ranked one."""

    __slots__ = ("rank",)

    def __init__(self, rank: Order) -> None:
        self.rank = rank

    def __lt__(self, other: Inverse) -> bool:
        return self.rank > other.rank

    def __gt__(self, other: Inverse) -> bool:
        return self.rank < other.rank

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Inverse) and self.rank == other.rank

    def __hash__(self) -> int:  # pragma: no cover - never hashed, defined for consistency
        return hash(self.rank)


Kept = tuple[Inverse, Found]


def keep(heap: list[Kept], rank: Order, make: Callable[[], Found], top: int) -> None:
    """Keep the `top` best-ranked items; heapq is a min-heap, so rank by the inverse."""
    key = Inverse(rank)
    if len(heap) < top:
        heapq.heappush(heap, (key, make()))
    elif key > heap[0][0]:
        heapq.heapreplace(heap, (key, make()))


def given(found: Found) -> Callable[[], Found]:
    return lambda: found


def selection_of(plus: Sequence[int], minus: Sequence[int]) -> Selection:
    return tuple(sorted([(k, 1) for k in plus] + [(k, -1) for k in minus]))


class Tally:
    """Every match counted in its bucket, the best `top` of each bucket kept; double counts
    (overlaps) counted apart, of which the best `OVERLAPS_KEPT` are kept."""

    def __init__(self, top: int) -> None:
        self.top = top
        self.kept: dict[Hashable, list[Kept]] = {}
        self.counts: dict[Hashable, int] = {}
        self.overlaps: list[Kept] = []
        self.overlap_count = 0
        self.used: set[int] = set()

    def match(self, key: Hashable, *members: Iterable[int]) -> list[Kept]:
        """Count a match in bucket `key`; the heap that may keep it."""
        self.counts[key] = self.counts.get(key, 0) + 1
        for some in members:
            self.used.update(some)
        return self.kept.setdefault(key, [])

    def overlap(self) -> list[Kept]:
        """Count a double count; the heap that may keep it."""
        self.overlap_count += 1
        return self.overlaps

    def result(self, *, examined: int, complete: bool, budget: int, census: Census) -> SearchResult:
        return SearchResult(
            found={key: sorted(item[1] for item in heap) for key, heap in self.kept.items()},
            counts=dict(self.counts),
            overlaps=sorted(item[1] for item in self.overlaps),
            overlap_count=self.overlap_count,
            examined=examined,
            complete=complete,
            budget=budget,
            used=frozenset(self.used),
            census=census,
        )
