"""The rules a combination obeys, on candidate indices: part_of, a series' stocks, groups.

A combination is a candidate when every subtracted figure is a part of an added one or a
stock subtracted from another stock of its series, no series gives more than one added and
one subtracted stock, no two subtracted figures are nested, no added figure is part of a
subtracted one, a change between two stocks goes the way its values go (never negative),
and at most one figure of a group takes part (factcheck.search states them in full).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from operator import attrgetter, is_not
from typing import cast

from factcheck.search.types import Candidate


class Rules:
    """How the candidates relate: what may be subtracted, what double counts, what excludes
    what."""

    def __init__(self, candidates: Sequence[Candidate]) -> None:
        # Relations stay as the candidates give them (sets of ids): a 3,000-deep chain of
        # parts has 4.5 million (figure, whole) pairs, too many to convert. The loops below
        # visit only candidates that have something (a whole, a date, a group): the tens of
        # thousands of windows of a long series have nothing but a group.
        n = len(candidates)
        self._candidates = candidates
        self.ancestor_ids: list[frozenset[str]] = list(map(attrgetter("ancestors"), candidates))
        self.relations = sum(map(len, self.ancestor_ids))
        self.has_whole = [False] * n
        self.wholes: set[int] = set()
        if self.relations:
            known = self.index_of.keys()
            for k in itertools.compress(range(n), self.ancestor_ids):
                self.has_whole[k] = not known.isdisjoint(self.ancestor_ids[k])
            wholes = known & frozenset().union(*self.ancestor_ids)
            self.wholes = {self.index_of[a] for a in wholes}
        self.related = self.has_whole.copy()
        for k in self.wholes:
            self.related[k] = True
        self.as_of: list[object | None] = list(map(attrgetter("as_of"), candidates))
        self.points: list[object] = list(map(attrgetter("point"), candidates))
        self.stock = self._stocks(candidates)
        self.series_members = {name: ks for name, ks in _members(self.stock).items() if len(ks) > 1}
        # A figure can be subtracted only if it has a whole among the candidates or is a
        # stock with another stock in its series.
        self.negatable = self.has_whole.copy()
        for members in self.series_members.values():
            for k in members:
                self.negatable[k] = True
        self.group: list[str | None] = list(map(attrgetter("group"), candidates))
        self.group_members = _members(self.group)
        for name, members in list(self.group_members.items()):
            if len(members) == 1:  # a group of one excludes nothing
                self.group[members[0]] = None
                del self.group_members[name]
        # Candidates that are not plain: subtracted or a whole.
        self._tied = self.wholes.union(itertools.compress(range(n), self.negatable))

    @cached_property
    def ids(self) -> list[str]:
        """Made when first needed: only part_of relations are given by id."""
        return list(map(attrgetter("id"), self._candidates))

    @cached_property
    def index_of(self) -> dict[str, int]:
        return dict(zip(self.ids, range(len(self.ids)), strict=True))

    def _stocks(self, candidates: Sequence[Candidate]) -> list[str | None]:
        stock: list[str | None] = [None] * len(candidates)
        for k in _set(self.as_of):
            stock[k] = stock_series(candidates[k])
        return stock

    def is_change(self, added: int, subtracted: int) -> bool:
        name = self.stock[added]
        return (
            added != subtracted
            and name is not None
            and name == self.stock[subtracted]
            and self.as_of[added] != self.as_of[subtracted]
        )

    def directional(self, added: int, subtracted: int) -> bool:
        """A change between two stocks is the later less the earlier, a rise when positive
        and a fall when negative: written either way round it is never used against its
        direction, so the added stock is the larger (or, for no change, the later)."""
        a, b = self.points[added], self.points[subtracted]
        return a > b or (a == b and self.as_of[added] > self.as_of[subtracted])  # type: ignore[operator]

    def plain(self, k: int) -> bool:
        """Never subtracted and related to nothing: free to add to any combination."""
        return k not in self._tied

    def all_plain(self, members: Iterable[int]) -> bool:
        return self._tied.isdisjoint(members)

    def part_of(self, part: int, whole: int) -> bool:
        return self.ids[whole] in self.ancestor_ids[part]

    def ancestors(self, k: int) -> list[int]:
        """The candidates k is part of (transitively)."""
        return [self.index_of[a] for a in self.ancestor_ids[k] if a in self.index_of]

    def nested(self, a: int, b: int) -> bool:
        """One of the two is part of the other."""
        return self.part_of(a, b) or self.part_of(b, a)

    def justified(self, k: int, plus: Sequence[int]) -> bool:
        """A subtracted figure needs its whole, or a later or earlier stock, added; a stock
        subtracted beside another stock of its series makes a change with it, which must go
        its own way (`directional`)."""
        if self.stock[k] is not None:
            partner = next((p for p in plus if self.is_change(p, k)), None)
            if partner is not None:
                return self.directional(partner, k)
        return self.has_whole[k] and any(self.part_of(k, a) for a in plus)

    def whole_of_added(self, k: int, plus: Sequence[int]) -> bool:
        """Subtracting k would take away the whole of an added figure: a part and its whole
        share a combination only as the whole less the part."""
        return k in self.wholes and any(self.part_of(p, k) for p in plus)

    def part_of_subtracted(self, k: int, minus: Sequence[int]) -> bool:
        """Adding k would add a part of a subtracted figure (the double count in reverse)."""
        return self.has_whole[k] and any(self.part_of(k, q) for q in minus)


def _set(values: Sequence[object]) -> Iterator[int]:
    """The indices of the values that are not None."""
    return itertools.compress(range(len(values)), map(is_not, values, itertools.repeat(None)))


def _members(names: Sequence[str | None]) -> dict[str, list[int]]:
    """The candidates of each name (None is no name), in order, names in order of first
    appearance."""
    present = [name for name in dict.fromkeys(names) if name is not None]
    if len(present) == 1:  # the common case, one group: no need to sort
        return {present[0]: list(_set(names))}
    name_of = cast("Callable[[int], str]", names.__getitem__)  # only indices with a name
    by_name = itertools.groupby(sorted(_set(names), key=name_of), key=name_of)
    return dict(sorted(((name, list(ks)) for name, ks in by_name), key=lambda item: item[1][0]))


def stock_series(candidate: Candidate) -> str | None:
    """The series of a stock (a figure on a date); None for anything else."""
    return candidate.series if candidate.as_of is not None and candidate.series else None
