"""How surprising a match is: would combinations of that size land this near by chance?

The more figures a source has, and the wider the tolerance, the more combinations land near
any number at all. For a reproducing combination of k terms this module estimates how many
of the search's candidate combinations of k terms would be expected inside the window the
match landed in, were their values spread as they are around the claim, and says in plain
words what that makes of the match. docs/search.md ("How surprising a match is") states the
estimator and its assumptions; in short, with c the claimed value:

    window W       the values that reproduce the claim: the claim's interval ± tolerance,
                   the values that round to it (a number said bare), and the match's own
                   value; w its width (at least one unit of the data)
    neighbourhood  c ± R,  R = max(|c| / 2, 10 w)
    expected       n_sides x w / (2R - w)

where n_sides counts the candidate combinations of k terms in the neighbourhood but outside
the window: the density of values is read beside the window (its "sidebands"), so that a
real derivation never inflates its own background.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Literal, Protocol

from factcheck.models import Coincidence, Combination, Note, Period
from factcheck.numbers import plain
from factcheck.search import Candidate, Census, MaxTerms, Target, census
from factcheck.series import Span, covering
from factcheck.wording import number

Strength = Literal["telling", "weak", "coincidental"]

# Expected chance matches below which a match is telling: the chance that at least one
# combination of that size lands in the window by chance is then under 5% (1 - e^-0.05).
TELLING_BELOW = Fraction(5, 100)
# At one expected chance match or more, chance alone accounts for a match: coincidental.
WEAK_BELOW = Fraction(1)
NEIGHBOURHOOD = Fraction(1, 2)  # the neighbourhood's half-width, relative to the claim...
NEIGHBOURHOOD_WINDOWS = 10  # ... and never less than ten windows
_PLACES = Decimal("0.000001")


def strength(expected: Fraction) -> Strength:
    if expected < TELLING_BELOW:
        return "telling"
    if expected < WEAK_BELOW:
        return "weak"
    return "coincidental"


class Tally(Protocol):
    """What the estimate asks of a census: how many candidates of a size, and where."""

    @property
    def available(self) -> bool: ...

    @property
    def unit(self) -> Fraction: ...

    def count(self, size: int, low: Fraction, high: Fraction) -> int: ...

    def total(self, size: int) -> int: ...


class ValueCensus:
    """A census of candidates all of one size whose values are listed: the quotients a claim
    asked for (judge/quotients.py), every pair tried counted."""

    def __init__(self, values: Sequence[Fraction], size: int) -> None:
        self.values = sorted(values)
        self.size = size

    @property
    def available(self) -> bool:
        return True

    @property
    def unit(self) -> Fraction:
        return Fraction(1, 1_000_000)  # quotients are worked exactly; reported to 6 places

    def count(self, size: int, low: Fraction, high: Fraction) -> int:
        if size != self.size:
            return 0
        return bisect.bisect_right(self.values, high) - bisect.bisect_left(self.values, low)

    def total(self, size: int) -> int:
        return len(self.values) if size == self.size else 0


class Coincidences:
    """Estimates for the combinations of one search (its census), around one claim."""

    def __init__(
        self, census: Tally | None, target: Target, alternatives: Tally | None = None
    ) -> None:
        # `census` counts what the search considered; `alternatives`, where given, the
        # combinations that could stand in for a match (the density is read from them).
        self.census = census if census is not None and census.available else None
        self.alternatives = alternatives if alternatives is not None else self.census
        if self.alternatives is not None and not self.alternatives.available:
            self.alternatives = None
        self.claim = Fraction(target.point)
        self.tolerance = Fraction(target.allowance)
        self.interval = (Fraction(target.interval.low), Fraction(target.interval.high))
        # A number said bare reproduces where values round to it (rule B1): the window.
        self.rounded = (
            None
            if target.rounded is None
            else (Fraction(target.rounded.low), Fraction(target.rounded.high))
        )

    @classmethod
    def of_search(
        cls,
        found: Census | None,
        candidates: Sequence[Candidate],
        target: Target,
        *,
        max_terms: MaxTerms,
        windows: Sequence[Span | None],
        period: Period | None,
    ) -> Coincidences:
        """Estimates among the search's candidates, except windows of another period than
        the claim names: a speaker who says "since she took office" chose the window by its
        dates, not its value, so other windows of the series are no alternatives."""
        if period is not None and any(window is not None for window in windows):
            matches = covering(period)
            kept = [
                candidate
                for candidate, window in zip(candidates, windows, strict=True)
                if window is None or matches(window)
            ]
            return cls(found, target, census(kept, max_terms=max_terms))
        return cls(found, target)

    def window(self, value: Decimal) -> tuple[Fraction, Fraction]:
        """The values that reproduce the claim (within the tolerance of its interval, or
        rounding to it), reaching the match's own value (an exact match whose interval
        reached the claim's), at least one unit of the data wide."""
        c = self.claim
        low = min(self.interval[0] - self.tolerance, Fraction(value))
        high = max(self.interval[1] + self.tolerance, Fraction(value))
        if self.rounded is not None:
            low, high = min(low, self.rounded[0]), max(high, self.rounded[1])
        assert self.alternatives is not None
        unit = self.alternatives.unit
        if high - low < unit:
            low, high = c - unit / 2, c + unit / 2
        return low, high

    def of(self, size: int, value: Decimal) -> Coincidence | None:
        """The estimate for a combination of `size` terms and this value."""
        if self.census is None or self.alternatives is None:
            return None
        low, high = self.window(value)
        width = high - low
        reach = max(NEIGHBOURHOOD * abs(self.claim), NEIGHBOURHOOD_WINDOWS * width)
        around = self.alternatives.count(size, self.claim - reach, self.claim + reach)
        inside = self.alternatives.count(size, low, high)
        expected = Fraction(around - inside) * width / (2 * reach - width)
        return Coincidence(
            combinations_searched=self.census.total(size),
            expected_chance_matches=_round(expected),
            strength=strength(expected),
        )

    def annotate(self, combination: Combination) -> Combination:
        """The combination with its estimate (unchanged where there is none)."""
        found = self.of(len(combination.terms), combination.value)
        if found is None:
            return combination
        return combination.model_copy(update={"coincidence": found})


def _round(value: Fraction) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    rounded = exact.quantize(_PLACES, rounding=ROUND_HALF_EVEN)
    return plain(rounded)  # never 1E+1


def describe(coincidence: Coincidence, size: int) -> str:
    """ "about 0.3 combinations of 2 figures", as a reader says it."""
    return f"{_about(coincidence)} combinations of {_figures(size)}"


def _figures(size: int) -> str:
    return f"{size} figure" if size == 1 else f"{size} figures"


def _about(coincidence: Coincidence) -> str:
    expected = coincidence.expected_chance_matches
    if expected >= 10:
        return f"about {int(expected.to_integral_value()):,}"
    places = Decimal("0.1") if expected >= 1 else Decimal("0.01")
    return f"about {expected.quantize(places).normalize():f}"


# --- what the verdict says of it ------------------------------------------------------------


def is_coincidental(combination: Combination | None) -> bool:
    return (
        combination is not None
        and combination.coincidence is not None
        and combination.coincidence.strength == "coincidental"
    )


def _chance(combination: Combination) -> str:
    assert combination.coincidence is not None
    return describe(combination.coincidence, len(combination.terms))


def _near(combination: Combination) -> str:
    relative = abs(combination.relative_difference) * 100
    if combination.match == "exact" or relative == 0:
        return f"{combination.expression} = {number(combination.value)} reproduces the number"
    return (
        f"{combination.expression} = {number(combination.value)} comes within "
        f"{relative.quantize(Decimal('0.1'))}% of the number"
    )


def weak_sentence(combination: Combination) -> str:
    """Said after the verdict's summary when its basis is weak evidence."""
    if combination.coincidence is None or combination.coincidence.strength != "weak":
        return ""
    return (
        f" That match is weak evidence: {_chance(combination)} would land as near by chance "
        f"(of the {combination.coincidence.combinations_searched:,} searched)."
    )


def dismissed_summary(combination: Combination) -> str:
    """The summary when the only matches are coincidences."""
    return (
        f"Not reproduced by a meaningful combination: {_near(combination)}, but so would "
        f"{_chance(combination)} by chance, so the match says nothing about where the number "
        "came from."
    )


def note(combination: Combination) -> Note:
    """Why a coincidental match earns no verdict."""
    found = combination.coincidence
    assert found is not None
    return Note(
        kind="coincidence",
        message=(
            f"{_near(combination)} and would earn '{combination.band.value}', but of the "
            f"{found.combinations_searched:,} combinations of {_figures(len(combination.terms))} "
            f"searched, {_about(found)} would land as near by chance: the match is a "
            "coincidence and does not count as reproducing the claim."
        ),
    )
