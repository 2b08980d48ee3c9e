"""What an audit finds: plain data that the renderers turn into text (nothing here prints).

Its JSON is the product's contract (docs/json.md): keys are added, never renamed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from factcheck import qualifiers
from factcheck.bands import Verdict
from factcheck.kinds import RatioKind
from factcheck.models.inputs import Period
from factcheck.qualifiers import Qualifier


class Match(StrEnum):
    exact = "exact"
    approximate = "approximate"
    rounded = "rounded"  # within half a step of the claim's written precision (rule B1)
    none = "none"  # does not reproduce the claim: one of the combinations nearest it (C1)


class Reproduced(StrEnum):
    exact = "exact"
    approximate = "approximate"
    rounded = "rounded"
    none = "none"


SCHEMA_VERSION = "2.0"


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class Interval(_Result):
    low: Decimal
    high: Decimal
    low_open: bool = False
    high_open: bool = False

    @classmethod
    def of(cls, value: Decimal, qualifier: Qualifier, precision: Decimal) -> Interval:
        """The set of true values a written number with this qualifier admits (qualifiers.py);
        qualifiers.UnknownQualifier for a qualifier that has no row there."""
        low, high, low_open, high_open = qualifiers.bounds(value, qualifier, precision)
        return cls(low=low, high=high, low_open=low_open, high_open=high_open)

    def meets(self, other: Interval) -> bool:
        """True when the two intervals share at least one point."""
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low:
            return not (self.high_open or other.low_open)
        if other.high == self.low:
            return not (other.high_open or self.low_open)
        return True


class Share(_Result):
    low: Decimal
    high: Decimal


class WindowInfo(_Result):
    """A contiguous window of a flow series used as one term."""

    series: str
    start: dt.date
    end: dt.date
    count: int
    label: str  # "Feb 2021 - Jan 2024 (36 months)"


class ChangeInfo(_Result):
    """A change between two windows of a flow series used as one term of a sum (rule E)."""

    series: str
    earlier: WindowInfo
    later: WindowInfo
    direction: Literal["rise", "fall"] | None  # later less earlier: its sign


class Term(_Result):
    figure: str  # a figure id, for a window "series[first..last]", for a change "x - y"
    sign: Literal[1, -1]
    value: Decimal
    name: str | None = None  # "a" or "b" in a ratio's formula
    members: list[str] | None = None  # the figure ids a window (or a change) adds up
    window: WindowInfo | None = None
    change: ChangeInfo | None = None  # a change between two windows (rule E)


class Coincidence(_Result):
    """How many combinations of the same size would land as near the claim by chance
    (coincidence.py, docs/search.md)."""

    combinations_searched: int  # candidate combinations with as many terms
    expected_chance_matches: Decimal  # of those, expected in the window by chance
    strength: Literal["telling", "weak", "coincidental"]


class Combination(_Result):
    terms: list[Term]
    expression: str
    value: Decimal
    interval: Interval
    difference: Decimal
    relative_difference: Decimal
    match: Match
    supported_share: Share
    supported_value: Share
    unsupported_figures: list[str]
    band: Verdict
    period: Period | None = None
    formula: str | None = None  # ratio claims: "(b - a) / a", "a / b", "a : b" or "a" (kinds.py)
    window: WindowInfo | None = None  # the (first) window among the terms
    coincidence: Coincidence | None = None  # None where it cannot be estimated (ratios)

    @property
    def kind(self) -> RatioKind | None:
        """The ratio kind of a ratio claim's combination; None for a sum."""
        return None if self.formula is None else RatioKind.of_formula(self.formula)


class LargestTotal(_Result):
    """The largest total the source's admissible figures make in the claim's unit, over
    every figure (rule C2); for a ratio claim, the largest ratio (by size when the claim
    gives its direction apart)."""

    value: Decimal
    supported_value: Share
    terms: list[Term]
    expression: str


class Note(_Result):
    kind: Literal[
        "period",
        "also_asserts",
        "overlap",
        "extent",
        "unit",
        "search",
        "covers",
        "recovery",
        "coincidence",
        "wording",
        "document",
        "revision",
    ]
    message: str


class FigureReading(_Result):
    """What the source calls one figure, and whether that supports the claim's word."""

    figure: str
    source: str
    value: Decimal
    qualifier: Qualifier
    unit: str
    describes: str
    described_as: list[str]
    supports: Literal["all", "some", "none"]
    supporting_terms: list[str]
    # Set when the figure is one end of a change (two stocks of a series) that runs the
    # way the claim's word of change says: the change supports the word, not the wording.
    change_supports: Literal["rise", "fall"] | None = None
    quote: str | None = None
    page: int | str | None = None
    value_as_written: str | None = None  # as the source wrote it ("1,02,74,10,872") or null
    # For each of `supporting_terms`: the claim's word (`asserts`, as the claim writes it)
    # when the term says it itself, in any inflection; else the synonym it is counted by
    # ("reduced" for "slashed"), so that published text never says "slashed" for "reduced".
    supporting_wordings: list[str] = []


class SearchStats(_Result):
    figures_searched: int
    combinations_examined: int
    complete: bool
    budget: int
    max_terms: int
    tolerance: Decimal
    # For a claim in percent: the percentage points it also reproduces within (rule B2).
    tolerance_points: Decimal | None = None


class ClaimSummary(_Result):
    id: str
    text: str
    value: Decimal
    qualifier: Qualifier
    unit: str
    asserts: str
    also_asserts: list[str]
    speaker: str
    date: dt.date
    attributed_to: str | None = None
    period: Period | None = None
    url: str | None = None
    venue: str | None = None
    direction: Literal["up", "down"] | None = None
    covers: Period | None = None
    value_as_written: str | None = None  # as the claim wrote it ("220 crore"), or null
    # The step its writing rounds to ("2.1m": 100,000), or the claim's `precision`.
    precision: Decimal | None = None


class SourceSummary(_Result):
    id: str
    title: str
    publisher: str
    published: dt.date
    url: str | None = None
    path: str


class PhraseFound(_Result):
    """Where one of a figure's phrases stands in its source's document."""

    role: Literal["quote", "described_as", "table"]
    text: str
    status: Literal["found", "missing", "ambiguous"]
    page: str | None = None  # the printed label of the page it was found on
    start: int | None = None  # offsets in that page's text as factcheck reads it
    end: int | None = None


class FigureFound(_Result):
    figure: str
    phrases: list[PhraseFound]
    value_found: bool | None = None  # None when the figure has no quote or table cell


class DocumentFound(_Result):
    """A source's document as read, and where each figure's words stand in it."""

    source: str
    path: str
    kind: str
    sha256: str
    pages: int
    url: str | None = None
    figures: list[FigureFound] = []


class Audit(_Result):
    """Everything `verify` found for one claim: the verdict and the evidence behind it."""

    schema_version: str = SCHEMA_VERSION
    claim: ClaimSummary
    verdict: Verdict
    basis: int | None
    reproduced: Reproduced
    summary: str
    combinations: list[Combination]
    figures: list[FigureReading]
    unused_figures: list[str]
    notes: list[Note]
    sources: list[SourceSummary]
    search: SearchStats
    claim_path: str
    expect: Verdict | None = None
    # Combinations that reproduce the number but measure another period than `covers`.
    near_misses: list[Combination] = []
    # When nothing reproduces the claim: the combinations nearest it (rule C1) and the
    # largest total the figures make (rule C2).
    nearest: list[Combination] = []
    largest: LargestTotal | None = None
    # Each source's document, where its figures' words were found (docs/provenance.md).
    documents: list[DocumentFound] = []
    # Published text's names for the figures and series of the case: figure id (or series
    # id) -> its `label`, for those that have one, in file order.
    labels: dict[str, str] = {}
