"""What the YAML files say: the claim and source format (docs/format.md).

The models forbid unknown keys, so a typo is an error, not a silently ignored field; the
before-validators accept the forms people write (one id or a list, "325,000", "a third")
and the JSON Schema annotations say so to editors (`factcheck schema`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
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

from factcheck import bands, units
from factcheck.bands import Verdict as Verdict  # re-exported: the verdicts live there
from factcheck.escape import first_unsafe
from factcheck.flow_lists import split_wordings
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


def _empty_list(shape: Callable[[JsonDict], None] | None = None) -> Any:
    """A list field that is empty unless given: a new list for each model, where a literal
    `[]` default is deep-copied by pydantic for every model (a third of the time a source
    of 10,000 figures takes to validate). The schema still says `"default": []`."""

    def schema(field_schema: JsonDict) -> None:
        if shape is not None:
            shape(field_schema)
        field_schema["default"] = []

    return Field(default_factory=list, json_schema_extra=schema)


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
    described_as: list[Wording] = _empty_list(_schema_wordings)
    quote: str | None = None
    page: int | str | None = None
    part_of: list[str] = _empty_list(_schema_one_or_many)
    disjoint_with: list[str] = _empty_list(_schema_one_or_many)
    period: Period | None = None
    as_of: dt.date | None = None
    series: str | None = None
    table: TableCell | None = None  # a table figure's headings, instead of (or with) a quote
    # What the figure counts, as published text names it ("children not served a Notice to
    # Appear"); the terminal and the JSON keep the id.
    label: Annotated[str, Field(min_length=1)] | None = None
    # Figures that may count some of the same things ("the same patient can appear on more
    # than one list"): a sum of them is an upper bound, not a count (issue 14).
    overlaps: list[str] = _empty_list(_schema_one_or_many)
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
    described_as: list[Wording] = _empty_list(_schema_wordings)
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
    figures: list[Figure] = _empty_list(_schema_or_null)
    statements: list[Statement] = _empty_list()
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
    also_asserts: list[str] = _empty_list(_schema_one_or_many)
    attributed_to: str | None = None
    period: Period | None = None
    sources: list[str] = _empty_list(_schema_one_or_many)
    figures: list[Figure] = _empty_list()
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
