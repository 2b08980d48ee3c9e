"""The rules a combination obeys, on candidate indices: part_of, a series' stocks, groups.

A combination is a candidate when every subtracted figure is a part of an added one or a
stock subtracted from another stock of its series, no series gives more than one added and
one subtracted stock, no two subtracted figures are nested, and at most one figure of a
group takes part (factcheck.search states them in full).
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.search.types import Candidate


class Rules:
    """How the candidates relate: what may be subtracted, what double counts, what excludes
    what."""

    def __init__(self, candidates: Sequence[Candidate]) -> None:
        n = len(candidates)
        # Relations stay as the candidates give them (sets of ids): a 3,000-deep chain of
        # parts has 4.5 million (figure, whole) pairs, too many to convert.
        self.ids = [c.id for c in candidates]
        self.index_of = {c.id: k for k, c in enumerate(candidates)}
        self.ancestor_ids = [c.ancestors for c in candidates]
        known = self.index_of.keys()
        self.has_whole = [
            bool(c.ancestors) and not known.isdisjoint(c.ancestors) for c in candidates
        ]
        self.relations = sum(map(len, self.ancestor_ids))
        self.wholes = {self.index_of[a] for a in known & frozenset().union(*self.ancestor_ids)}
        self.related = [self.has_whole[k] or k in self.wholes for k in range(n)]
        self.stock = [stock_series(c) for c in candidates]
        self.as_of = [c.as_of for c in candidates]
        by_series: dict[str, list[int]] = {}
        for k, name in enumerate(self.stock):
            if name is not None:
                by_series.setdefault(name, []).append(k)
        self.series_members = {name: ks for name, ks in by_series.items() if len(ks) > 1}
        # A figure can be subtracted only if it has a whole among the candidates or is a
        # stock with another stock in its series.
        self.negatable = [
            self.has_whole[k] or (self.stock[k] or "") in self.series_members for k in range(n)
        ]
        by_group: dict[str, list[int]] = {}
        for k, c in enumerate(candidates):
            if c.group is not None:
                by_group.setdefault(c.group, []).append(k)
        self.group_members = {name: ks for name, ks in by_group.items() if len(ks) > 1}
        self.group = [c.group if c.group in self.group_members else None for c in candidates]

    def is_change(self, added: int, subtracted: int) -> bool:
        name = self.stock[added]
        return (
            added != subtracted
            and name is not None
            and name == self.stock[subtracted]
            and self.as_of[added] != self.as_of[subtracted]
        )

    def plain(self, k: int) -> bool:
        """Never subtracted and related to nothing: free to add to any combination."""
        return not (self.has_whole[k] or k in self.wholes or self.negatable[k])

    def part_of(self, part: int, whole: int) -> bool:
        return self.ids[whole] in self.ancestor_ids[part]

    def ancestors(self, k: int) -> list[int]:
        """The candidates k is part of (transitively)."""
        return [self.index_of[a] for a in self.ancestor_ids[k] if a in self.index_of]

    def nested(self, a: int, b: int) -> bool:
        """One of the two is part of the other."""
        return self.part_of(a, b) or self.part_of(b, a)

    def justified(self, k: int, plus: Sequence[int]) -> bool:
        """A subtracted figure needs its whole, or a later or earlier stock, added."""
        if self.has_whole[k] and any(self.part_of(k, a) for a in plus):
            return True
        return self.stock[k] is not None and any(self.is_change(p, k) for p in plus)


def stock_series(candidate: Candidate) -> str | None:
    """The series of a stock (a figure on a date); None for anything else."""
    return candidate.series if candidate.as_of is not None and candidate.series else None
