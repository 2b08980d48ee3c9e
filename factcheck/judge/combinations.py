"""The one protocol the judge asks of a kind of claim: how it is reproduced and read.

A claim in a count (people, dollars) is reproduced by sums of figures (sums.py); a claim in
percent or as a ratio by changes, shares and stated figures (ratios.py). `judge()` chooses
one of the two once, by the claim's unit, and from then on asks only what this protocol
declares. A new kind of claim is a new class that satisfies it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, Protocol

from factcheck.load import Case, FigureOrigin
from factcheck.models import Combination, FigureReading, Note, Period, Verdict
from factcheck.search import Classify, Found, MaxTerms, SearchResult, Selection

if TYPE_CHECKING:
    from factcheck.judge.beyond import Beyond
    from factcheck.judge.relations import Caps
    from factcheck.judge.settings import Rules

Direction = Literal["rise", "fall"]
Annotate = Callable[[Combination], Combination]


class Combinations(Protocol):
    """How one kind of claim is reproduced, banded and described."""

    case: Case
    caps: Caps  # overlapping and superseded figures (relations.py)
    # The way the claim's word (or its `direction`) says the measure moved, if it says.
    direction: Direction | None

    # --- the search --------------------------------------------------------------------

    def search(self, rules: Rules, classify: Classify) -> SearchResult:
        """Every combination that reproduces the claim, in buckets: `classify` gives each
        match's (its band, or a near miss). Where no match can be a near miss a search may
        count by band without listing each match; `used_ids` then names what it used."""
        ...

    def used_ids(self, result: SearchResult) -> Iterable[str]:
        """Figures of counted matches that `classify` did not see."""
        ...

    def searched(self) -> int:
        """How many figures (or ratios) the search considered, for the audit's stats."""
        ...

    def terms_reported(self, max_terms: MaxTerms) -> int:
        """The audit's `max_terms`: "all" as a number."""
        ...

    # --- one selection of the search ---------------------------------------------------

    def member_ids(self, selection: Selection) -> list[str]: ...

    def period(self, selection: Selection) -> Period | None:
        """The period the combination's figures measure."""
        ...

    def band(self, selection: Selection) -> Verdict: ...

    def combination(self, found: Found) -> Combination: ...

    def chance(self, result: SearchResult, rules: Rules) -> Annotate:
        """What adds to a combination how surprising its match is, where that can be told."""
        ...

    # --- what the source says of a combination -----------------------------------------

    def basis_readings(self, basis: Combination) -> list[FigureReading]:
        """What the source calls each figure of the basis."""
        ...

    def stock_changes(self, combination: Combination) -> list[tuple[FigureOrigin, FigureOrigin]]:
        """(earlier, later) stocks of each change in a combination."""
        ...

    def change_supported(self, combination: Combination) -> bool:
        """Whether a change in the combination goes the way the claim's word says."""
        ...

    def wrong_way(self, combination: Combination) -> str:
        """A sentence when a change in the combination goes against the claim's word."""
        ...

    def inside_value(self, combination: Combination) -> Decimal | None:
        """The combination's value prorated to the period the claim attributes (rule D);
        None where that means nothing (a ratio)."""
        ...

    def undated(self, combination: Combination) -> list[str]:
        """Terms of the combination for which the source gives no period (rule A6)."""
        ...

    # --- when nothing reproduces -------------------------------------------------------

    def beyond(self, result: SearchResult, rules: Rules) -> Beyond:
        """The nearest combinations, the largest total and the nearest larger supported
        combination (rules C1-C3)."""
        ...

    # --- sentences and notes only this kind gives --------------------------------------

    def not_reproduced(self, rules: Rules) -> str:
        """The summary when nothing reproduces the claim."""
        ...

    def own_notes(self, result: SearchResult, rules: Rules) -> list[Note]:
        """Notes only this kind of claim gives (double counting, other units for sums)."""
        ...
