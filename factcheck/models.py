"""The typed data of factcheck: what the YAML files say (inputs) and what an audit finds (results).

Input models validate the claim/source format v1 (docs/format.md); they forbid unknown keys
so a typo is an error, not a silently ignored field. Result models are plain data that the
renderers turn into text; nothing here prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from factcheck import bands, qualifiers, units
from factcheck.bands import Verdict as Verdict  # re-exported: the verdicts live there
from factcheck.escape import first_unsafe
from factcheck.flow_lists import split_wordings
from factcheck.kinds import RatioKind
from factcheck.numbers import NumberFormatError, parse_number
from factcheck.qualifiers import Qualifier as Qualifier  # re-exported: the qualifiers live there
from factcheck.units import SIGNED_UNITS as SIGNED_UNITS  # re-exported: units live there

if TYPE_CHECKING:
    from pydantic.config import JsonDict

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
FIGURE_ID_PATTERN = r"^[a-z0-9_]+$"


class Extent(StrEnum):
    all = "all"
    some = "some"


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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Period(_Strict):
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start > self.end:
            raise ValueError(
                f"starts on {self.start}, after it ends on {self.end}; expected start <= end"
            )
        return self

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


class Wording(_Strict):
    """One of the source's own words for a figure, and how much of the figure it covers."""

    term: Annotated[str, Field(min_length=1)]
    extent: Extent = Extent.all


def _wordings(raw: Any) -> Any:
    if raw is None:
        return []
    if isinstance(raw, str):
        raw = [raw]
    if isinstance(raw, list):
        if problem := split_wordings(raw):
            raise ValueError(problem)
        return [{"term": item} if isinstance(item, str) else item for item in raw]
    return raw


def _id_list(raw: Any) -> Any:
    if raw is None:
        return []
    if isinstance(raw, str):
        return [raw]
    return raw


# --- JSON Schema annotations (`factcheck schema`): they describe what the before-validators
# above accept, so editors do not flag valid files; they never change what validates.


def _schema_one_or_many(schema: JsonDict) -> None:
    """_id_list: one string, a list of strings, or nothing."""
    items = schema.pop("items")
    schema.pop("type", None)
    schema["anyOf"] = [{"type": "string"}, {"type": "array", "items": items}, {"type": "null"}]


def _schema_wordings(schema: JsonDict) -> None:
    """_wordings: one term, a list of terms or {term, extent} mappings, or nothing."""
    items = schema.pop("items")
    schema.pop("type", None)
    one: JsonDict = {"type": "string", "minLength": 1}
    term: JsonDict = {"anyOf": [one, items]}
    schema["anyOf"] = [one, {"type": "array", "items": term}, {"type": "null"}]


def _schema_inferred_precision(schema: JsonDict) -> None:
    """_infer_precision: an absent precision is read from the written value, not 1."""
    schema.pop("default", None)


def _schema_unit_from_percent(schema: JsonDict) -> None:
    """_infer_precision: a written value ("12.5%", "R17.3bn", "a third") may imply its unit."""
    required = schema.get("required")
    if isinstance(required, list) and "unit" in required:
        required.remove("unit")
        written: JsonDict = {"type": "string", "pattern": r"[^\d\s.,]"}
        schema["if"] = {"properties": {"value": written}, "required": ["value"]}
        schema["else"] = {"required": ["unit"]}


# YAML reads an unquoted `expect: false` as a boolean; it means the verdict "false".
_Expect = WithJsonSchema(
    {
        "anyOf": [
            {"enum": list(bands.NAMES)},
            {"const": False},
            {"type": "null"},
        ],
        "description": "The verdict the newsroom published; verify exits 3 when it differs.",
    }
)

_WrittenNumber = WithJsonSchema(
    {
        "anyOf": [{"type": "number"}, {"type": "string", "minLength": 1}],
        "description": 'A number as the source or speaker wrote it: 325000, 12.5, "325,000", '
        '"1,02,74,10,872", "1.2 million", "1.2m", "220 crore", "half a million", "a third", '
        '"one in four", "three times", "$87bn", "R17.3bn", "12.5%".',
        "examples": [325000, "325,000", "1.2 million", "220 crore", "$87bn", "a third"],
    }
)


def _schema_or_null(schema: JsonDict) -> None:
    """A list that may also be left empty (null)."""
    items = schema.pop("items")
    schema.pop("type", None)
    schema["anyOf"] = [{"type": "array", "items": items}, {"type": "null"}]


_IdList = Field(json_schema_extra=_schema_one_or_many)
_Wordings = Field(json_schema_extra=_schema_wordings)


class _Numbered(_Strict):
    """Shared by figures and claims: a value as written, its qualifier and precision."""

    model_config = ConfigDict(json_schema_extra=_schema_unit_from_percent)

    value: Annotated[Decimal, _WrittenNumber]
    qualifier: Qualifier = Qualifier.exact
    precision: Annotated[Decimal, Field(gt=0, json_schema_extra=_schema_inferred_precision)] = (
        Decimal(1)
    )
    unit: Annotated[str, Field(min_length=1)]

    # The value as written ("220 crore"), set from `value`; no file writes it (units.py)
    written: Annotated[str, SkipJsonSchema(), Field(exclude=True, repr=False)] = ""

    @model_validator(mode="before")
    @classmethod
    def _infer_precision(cls, data: Any) -> Any:
        # The precision (and the unit, when left out) follow the written form: units.py
        return units.with_written_value(data)

    @model_validator(mode="after")
    def _unit_agrees(self) -> _Numbered:
        units.check_unit(self.written, self.unit)  # "R17.3bn" is never in USD
        return self

    @field_validator("value", mode="before")
    @classmethod
    def _number(cls, raw: Any) -> Decimal:
        try:
            return parse_number(raw).value
        except NumberFormatError as exc:
            raise ValueError(str(exc)) from None

    @model_validator(mode="after")
    def _sign_allowed(self) -> _Numbered:
        if self.value < 0 and not units.signed(self.unit):
            raise ValueError(
                f"value: negative value {self.value} for unit {self.unit!r}; negative values "
                f"are allowed only for units {', '.join(units.SIGNED_NAMES)}"
            )
        return self


class TableCell(_Strict):
    """Where a table figure stands: its row's and its column's headings, as printed."""

    row: Annotated[str, Field(min_length=1)]
    column: Annotated[str, Field(min_length=1)]


class SourceDocument(_Strict):
    """The document a source records (docs/provenance.md): `check` and `verify` read it."""

    path: Annotated[str, Field(min_length=1)]  # relative to the source file
    sha256: Annotated[str, Field(pattern=r"^[0-9a-fA-F]{64}$")] | None = None
    url: str | None = None  # where the document was published
    pages: Annotated[int, Field(ge=1)] | None = None  # how many pages it has


class Figure(_Numbered):
    id: Annotated[str, Field(pattern=FIGURE_ID_PATTERN)]
    describes: str = ""
    described_as: Annotated[list[Wording], _Wordings] = []
    quote: str | None = None
    page: int | str | None = None
    part_of: Annotated[list[str], _IdList] = []
    disjoint_with: Annotated[list[str], _IdList] = []
    period: Period | None = None
    as_of: dt.date | None = None
    series: str | None = None
    table: TableCell | None = None  # a table figure's headings, instead of (or with) a quote
    # What the figure counts, as published text names it ("children not served a Notice to
    # Appear"); the terminal and the JSON keep the id.
    label: Annotated[str, Field(min_length=1)] | None = None
    # Figures that may count some of the same things ("the same patient can appear on more
    # than one list"): a sum of them is an upper bound, not a count (issue 14).
    overlaps: Annotated[list[str], _IdList] = []
    # The statement of the same source that warns of the overlap, quoted in the note.
    overlap_statement: str | None = None
    # The figure that replaces this one (a revision, a newer release of the same measure).
    superseded_by: str | None = None
    # When this figure was published, where it is not its source's `published`.
    published: dt.date | None = None

    @field_validator("described_as", mode="before")
    @classmethod
    def _read_wordings(cls, raw: Any) -> Any:
        return _wordings(raw)

    @field_validator("part_of", "disjoint_with", "overlaps", mode="before")
    @classmethod
    def _read_ids(cls, raw: Any) -> Any:
        return _id_list(raw)

    @model_validator(mode="after")
    def _period_or_as_of(self) -> Figure:
        if self.period is not None and self.as_of is not None:
            raise ValueError("a figure has either `period` (a flow) or `as_of` (a stock), not both")
        return self


class Statement(_Strict):
    id: Annotated[str, Field(pattern=FIGURE_ID_PATTERN)]
    text: str
    described_as: Annotated[list[Wording], _Wordings] = []
    page: int | str | None = None

    @field_validator("described_as", mode="before")
    @classmethod
    def _read_wordings(cls, raw: Any) -> Any:
        return _wordings(raw)


def _plain_url(url: str) -> str:
    """A URL with no control, line break or bidi control: one would end a Markdown link
    early or disguise where the link goes (docs/security.md)."""
    index = first_unsafe(url)
    if index is None:
        return url
    code = ord(url[index])
    encoded = f", or write it %-encoded (%{code:02X})" if code < 0x80 else ""
    raise ValueError(
        f"the URL holds the control character U+{code:04X} at character {index + 1}; a URL "
        f"has no control characters, line breaks or bidi controls: remove it{encoded}"
    )


# `url:` of a claim or source, refused at load when it holds a control character.
WebAddress = Annotated[str, AfterValidator(_plain_url)]


class Source(_Strict):
    id: Annotated[str, Field(pattern=ID_PATTERN)]
    title: str
    publisher: str
    published: dt.date
    url: WebAddress | None = None
    period: Period | None = None
    # `figures:` with nothing under it but comments (a `factcheck draft`) is no figures.
    figures: Annotated[list[Figure], Field(json_schema_extra=_schema_or_null)] = []
    statements: list[Statement] = []
    document: SourceDocument | None = None

    @field_validator("figures", mode="before")
    @classmethod
    def _none_is_empty(cls, raw: Any) -> Any:
        return [] if raw is None else raw


_TERMS: TypeAdapter[int] = TypeAdapter(Annotated[int, Field(ge=1, le=12)])


def _terms_or_all(raw: Any) -> Any:
    """`max_terms`: "all", else a whole number as the int branch checks it, so that a bad
    value gets that branch's one message rather than one per branch of the union."""
    if raw is None or raw == "all":
        return raw
    try:
        return _TERMS.validate_python(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        if first["type"] in ("int_type", "int_parsing"):
            raise PydanticCustomError(
                "terms_type", "Input should be a whole number from 1 to 12, or 'all'"
            ) from None
        raise PydanticCustomError(first["type"], first["msg"], first.get("ctx")) from None


class Claim(_Numbered):
    id: Annotated[str, Field(pattern=ID_PATTERN)]
    text: str
    speaker: str
    date: dt.date
    venue: str | None = None
    url: WebAddress | None = None
    asserts: Annotated[str, Field(min_length=1)]
    also_asserts: Annotated[list[str], _IdList] = []
    attributed_to: str | None = None
    period: Period | None = None
    sources: Annotated[list[str], _IdList] = []
    figures: list[Figure] = []
    tolerance: Annotated[Decimal, Field(ge=0, lt=1)] | None = None
    # A claim in percent also reproduces within this many percentage points (rule B2).
    tolerance_points: Annotated[Decimal, Field(ge=0, le=100)] | None = None
    max_terms: Annotated[
        Annotated[int, Field(ge=1, le=12)] | Literal["all"] | None, BeforeValidator(_terms_or_all)
    ] = None
    synonyms: dict[str, list[str]] = {}
    expect: Annotated[Verdict | None, _Expect] = None
    # Ratio claims (unit percent or ratio): which way the claim says the measure moved;
    # the value is the size of the move.
    direction: Literal["up", "down"] | None = None
    # The period the claim's number measures ("in the six months to June"), as opposed to
    # the period it attributes (`period`).
    covers: Period | None = None
    # Asks for quotients of two figures ("100 times", "per head"): kinds.py's `quotient`.
    formula: Literal["a / b", "a : b"] | None = None
    # A rate per this many of the base figure ("per 1,000": 1000; "per head": 1).
    per: Annotated[Decimal, Field(gt=0)] | None = None

    @field_validator("expect", mode="before")
    @classmethod
    def _read_expect(cls, raw: Any) -> Any:
        if raw is False:
            return "false"
        if raw is True:
            raise ValueError(f"expected a verdict: {_or(bands.NAMES)}")
        return raw

    @field_validator("also_asserts", "sources", mode="before")
    @classmethod
    def _read_list(cls, raw: Any) -> Any:
        return _id_list(raw)


def _or(names: Sequence[str]) -> str:
    """ "a, b or c" """
    return f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else "".join(names)


# --- results ---------------------------------------------------------------------------

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
