"""items.py: the meet in the middle's items are exactly what the rules tie together."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from factcheck.search import Candidate, Target, Weights
from factcheck.search.items import components
from factcheck.search.prepare import Prepared
from tests.search.brute_force import cases
from tests.search.helpers import figure


def tied_one_by_one(candidates: list[Candidate]) -> list[list[int]]:
    """Connected components of part_of, a series' stocks and a group, by plain search."""

    def stock(c: Candidate) -> str | None:
        return c.series if c.as_of is not None and c.series else None

    def tied(a: int, b: int) -> bool:
        x, y = candidates[a], candidates[b]
        return (
            x.id in y.ancestors
            or y.id in x.ancestors
            or (stock(x) is not None and stock(x) == stock(y))
            or (x.group is not None and x.group == y.group)
        )

    found: list[list[int]] = []
    seen: set[int] = set()
    for start in range(len(candidates)):
        if start in seen:
            continue
        component, frontier = {start}, [start]
        while frontier:
            k = frontier.pop()
            for other in range(len(candidates)):
                if other not in component and tied(k, other):
                    component.add(other)
                    frontier.append(other)
        seen |= component
        found.append(sorted(component))
    return sorted(found)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases(most=10))
def test_components_are_what_the_rules_tie_together(
    case: tuple[list[Candidate], Target, Weights],
) -> None:
    candidates, _, _ = case
    assert components(Prepared(candidates, None, None)) == tied_one_by_one(candidates)


def test_a_group_that_shares_a_member_with_a_series_is_one_component() -> None:
    day = [f"2024-0{m}-01" for m in range(1, 4)]
    candidates = [
        figure("w1", 10, group="g"),
        figure("w2", 20, group="g"),  # also a stock of s
        figure("s1", 30),
        figure("lone", 40),
        figure("x", 50, group="h"),
        figure("y", 60, group="h"),
    ]
    candidates[1] = candidates[1]._replace(series="s", as_of=day[0])
    candidates[2] = candidates[2]._replace(series="s", as_of=day[1])
    assert components(Prepared(candidates, None, None)) == [[0, 1, 2], [3], [4, 5]]
    assert components(Prepared([], None, None)) == []
