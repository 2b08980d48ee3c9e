"""The largest total the candidates make (rule C2 of docs/format.md), over every figure.

Not bounded by `max_terms`: the figures added, no two of which are part and whole, at most
one of each group (a flow series' windows: the largest, its whole span when no month is
negative), and of each series of stocks one stock or one change between two of them (the
later less the earlier, or the other way round, positive: rule A1). Figures that are
negative are left out.

The rules only relate the figures of one component (search/items.py), so each component is
maximised on its own: a lone figure, a group or a series of stocks tied to nothing else at
once, anything else (parts and wholes, a group tied to a figure) by a branch and bound over
its choices, within a budget of steps.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.search.items import components
from factcheck.search.prepare import Prepared
from factcheck.search.types import Selection

STEPS = 1_000_000  # branch-and-bound steps over all components, before it settles


@dataclass(frozen=True)
class Largest:
    """The largest total: its selection (sorted, signed), its value on the search's integer
    scale, and whether every component was searched to the end."""

    selection: Selection
    point: int
    complete: bool


@dataclass(frozen=True)
class _Choice:
    """One way a component can take part: one figure added, or one change (a stock added,
    another of its series subtracted)."""

    value: int
    terms: tuple[tuple[int, int], ...]  # (candidate, sign)
    names: frozenset[str]  # its groups and series: choices sharing one exclude each other

    @property
    def clique(self) -> str | None:
        """The one name it shares with all that exclude it alike, for the bound."""
        return next(iter(self.names)) if len(self.names) == 1 else None


def largest(p: Prepared) -> Largest:
    """The largest total of candidates, by the rules above."""
    terms: list[tuple[int, int]] = []
    total = 0
    steps = [STEPS]
    complete = True
    rules, points = p.rules, p.points
    for members in components(p):
        independent = _independent(p, members)
        if independent and not any(rules.stock[k] for k in members):
            # One figure or one group's members (a series' windows: tens of thousands),
            # alone: its largest positive member, the earliest on ties, without its choices.
            positive = [k for k in members if points[k] > 0]
            if positive:
                k = max(positive, key=lambda k: (points[k], -k))
                total += points[k]
                terms.append((k, 1))
            continue
        choices = _best_choices(p, members) if independent else _choices(p, members)
        if not choices:
            continue
        if independent:
            best = max(choices, key=lambda choice: (choice.value, _key(choice)))
            picked, done = [best], True
        else:
            picked, done = _branch_and_bound(p, choices, steps)
        complete = complete and done
        for choice in picked:
            total += choice.value
            terms += choice.terms
    return Largest(tuple(sorted(terms)), total, complete)


def _key(choice: _Choice) -> tuple[tuple[int, int], ...]:
    """Ties between equal values go to the earliest figures (a stable, readable choice)."""
    return tuple((-k, -sign) for k, sign in choice.terms)


def _independent(p: Prepared, members: Sequence[int]) -> bool:
    """A component whose choices all exclude one another: one figure, or one group or one
    series of stocks, tied to nothing else."""
    rules = p.rules
    if len(members) == 1:
        return True
    if any(rules.related[k] for k in members):
        return False
    names = {(rules.group[k], rules.stock[k]) for k in members}
    return len(names) == 1 and names != {(None, None)} and None in next(iter(names))


def _choices(p: Prepared, members: Sequence[int]) -> list[_Choice]:
    """Each member alone (when positive), and each change between two stocks of a series."""
    rules, points = p.rules, p.points

    def names(*ks: int) -> frozenset[str]:
        found = {f"group {rules.group[k]}" for k in ks if rules.group[k] is not None}
        return frozenset(found | {f"series {rules.stock[k]}" for k in ks if rules.stock[k]})

    found = [_Choice(points[k], ((k, 1),), names(k)) for k in members if points[k] > 0]
    series: dict[str, list[int]] = {}
    for k in members:
        name = rules.stock[k]
        if name is not None:
            series.setdefault(name, []).append(k)
    for stocks in series.values():
        for added, subtracted in itertools.permutations(stocks, 2):
            change = points[added] - points[subtracted]
            apart = rules.group[added] is None or rules.group[added] != rules.group[subtracted]
            apart = apart and not (rules.related[added] and rules.nested(added, subtracted))
            if change > 0 and rules.is_change(added, subtracted) and apart:
                terms = tuple(sorted(((added, 1), (subtracted, -1))))
                found.append(_Choice(change, terms, names(added, subtracted)))
    return found


def _best_choices(p: Prepared, members: Sequence[int]) -> list[_Choice]:
    """The choices of the largest value among a component whose choices all exclude one
    another (one series of stocks): what _choices lists, less all that a larger one beats.
    A series of 3,000 stocks has 9 million changes; the largest is a stock less the least
    stock of another day, found in one pass."""
    rules, points = p.rules, p.points
    singles = [k for k in members if points[k] > 0]
    by_value = sorted(members, key=points.__getitem__)
    least = by_value[0]
    # the least value on another day than the least stock's, for a stock of that day
    other = next((k for k in by_value if rules.as_of[k] != rules.as_of[least]), None)

    def least_apart(k: int) -> int | None:
        return other if rules.as_of[k] == rules.as_of[least] else least

    stocks = rules.stock[least] is not None  # else a group's members: no changes
    gains = [
        (points[k] - points[s], k)
        for k in (members if stocks else ())
        if (s := least_apart(k)) is not None
    ]
    best_change = max((gain for gain, _ in gains), default=0)
    best_single = max((points[k] for k in singles), default=0)
    best = max(best_change, best_single)
    if best <= 0:
        return []
    found = [_Choice(points[k], ((k, 1),), frozenset()) for k in singles if points[k] == best]
    if best_change == best:
        for gain, added in gains:
            if gain != best:
                continue
            floor = points[added] - best
            for subtracted in members:
                if points[subtracted] == floor and rules.is_change(added, subtracted):
                    terms = tuple(sorted(((added, 1), (subtracted, -1))))
                    found.append(_Choice(best, terms, frozenset()))
    return found


def _branch_and_bound(
    p: Prepared, choices: list[_Choice], steps: list[int]
) -> tuple[list[_Choice], bool]:
    """The heaviest set of choices no two of which conflict, best first; False when the
    steps ran out first (the best found so far is kept)."""
    ordered = sorted(choices, key=lambda choice: (-choice.value, _key(choice)))
    bound = _bounds(ordered)
    best: list[_Choice] = []
    best_total = 0
    chosen: list[_Choice] = []

    def conflicts(choice: _Choice) -> bool:
        return any(_conflict(p, choice, other) for other in chosen)

    def walk(i: int, total: int) -> None:
        nonlocal best, best_total
        steps[0] -= 1
        if steps[0] < 0:
            raise _OutOfSteps
        if total > best_total:
            best, best_total = list(chosen), total
        if i == len(ordered) or total + bound[i] <= best_total:
            return
        choice = ordered[i]
        if not conflicts(choice):
            chosen.append(choice)
            walk(i + 1, total + choice.value)
            chosen.pop()
        walk(i + 1, total)

    try:
        walk(0, 0)
    except _OutOfSteps:
        return best, False
    return best, True


class _OutOfSteps(Exception):
    """The branch and bound spent its steps."""


def _bounds(ordered: Sequence[_Choice]) -> list[int]:
    """bound[i]: the most the choices from i on can add (a clique adds at most its largest)."""
    bound = [0] * (len(ordered) + 1)
    largest_in: dict[str, int] = {}
    cliques = 0
    loose = 0
    for i in range(len(ordered) - 1, -1, -1):
        choice = ordered[i]
        if choice.clique is None:
            loose += choice.value
        else:  # ordered by falling value: this one is its clique's largest from i on
            cliques += choice.value - largest_in.get(choice.clique, 0)
            largest_in[choice.clique] = choice.value
        bound[i] = loose + cliques
    return bound


def _conflict(p: Prepared, a: _Choice, b: _Choice) -> bool:
    if not a.names.isdisjoint(b.names):
        return True
    rules = p.rules
    for (x, _), (y, _) in itertools.product(a.terms, b.terms):
        if x == y or ((rules.related[x] or rules.related[y]) and rules.nested(x, y)):
            return True
    return False
