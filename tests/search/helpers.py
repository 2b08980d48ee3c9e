"""Small sources and claims for the search tests, and ways to read a result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from factcheck.models import Interval, Qualifier
from factcheck.search import ALL, Candidate, Found, MaxTerms, SearchResult, Target

D = Decimal
EVERYTHING = 10**6  # a `top` that keeps every match
BOTH: list[MaxTerms] = [4, ALL]  # the walk and the exhaustive search


def figure(
    id: str,
    value: int | str,
    qualifier: Qualifier = Qualifier.exact,
    precision: int | str = 1,
    *,
    ancestors: frozenset[str] = frozenset(),
    series: str | None = None,
    as_of: dt.date | None = None,
    group: str | None = None,
) -> Candidate:
    point = D(value)
    return Candidate(
        id=id,
        interval=Interval.of(point, qualifier, D(precision)),
        point=point,
        ancestors=ancestors,
        series=series,
        as_of=as_of,
        group=group,
    )


def target(
    value: int | str,
    qualifier: Qualifier = Qualifier.exact,
    precision: int | str = 1,
    tolerance: str = "0.01",
) -> Target:
    point = D(value)
    return Target(
        point=point, interval=Interval.of(point, qualifier, D(precision)), tolerance=D(tolerance)
    )


def everything_found(result: SearchResult) -> list[Found]:
    return sorted(found for bucket in result.found.values() for found in bucket)


def found_ids(candidates: Sequence[Candidate], found: Found) -> list[tuple[str, int]]:
    return [(candidates[index].id, sign) for index, sign in found.selection]


def all_ids(candidates: Sequence[Candidate], result: SearchResult) -> list[list[tuple[str, int]]]:
    return [found_ids(candidates, found) for found in everything_found(result)]


SEED = [
    figure("transferred", 448000, Qualifier.more_than, 1000),
    figure("no_nta", 291000, Qualifier.more_than, 1000, ancestors=frozenset({"transferred"})),
    figure(
        "failed_to_appear", 32000, Qualifier.more_than, 1000, ancestors=frozenset({"transferred"})
    ),
]
