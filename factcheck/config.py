"""Publishing settings: who publishes the reviews and how verdicts map to a rating scale.

Read from `factcheck.toml`, or from `[tool.factcheck]` in `pyproject.toml`, in the given
folder or its nearest parent holding either file; the search stops at a git repository's
root, so a claims repository never picks up a config from outside itself. Without a file,
`Config()` gives the documented defaults (docs/publishing.md). The file's shape is checked
by pydantic models that forbid unknown keys; the result is a plain frozen dataclass.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationError, create_model

from factcheck.bands import BANDS, NAMES, Verdict
from factcheck.errors import InputError, Problem, problem_at
from factcheck.escape import http_url
from factcheck.inputs import MAX_FILE_BYTES_ENV, NotAFile, TooLarge, max_file_bytes, read_bounded
from factcheck.lookalike import lookalike_note

CONFIG_FILE = "factcheck.toml"
PYPROJECT_FILE = "pyproject.toml"
REVIEWED_ENV = "FACTCHECK_REVIEWED"
# The reproducible-builds convention: a fixed "now", in seconds since 1970 (UTC).
EPOCH_ENV = "SOURCE_DATE_EPOCH"
TEMPLATE_FIELDS = ("claim_id",)
# Google: "Try to keep [claimReviewed] less than 75 characters to minimize wrapping when
# displayed on a mobile device." `factcheck check` warns above it (FC521).
CLAIM_REVIEWED_LENGTH = 75

# Problem codes for configuration files (docs/publishing.md lists them).
UNREADABLE = "FC601"  # not UTF-8 TOML, or cannot be read
SCHEMA = "FC602"  # unknown key, wrong type
INCONSISTENT = "FC603"  # a value out of the scale, a bad URL or template
BAD_ENV = "FC604"  # FACTCHECK_REVIEWED is not a date
BAD_EPOCH = "FC605"  # SOURCE_DATE_EPOCH is not a whole number of seconds


T = TypeVar("T")

# --- the result ------------------------------------------------------------------------


@dataclass(frozen=True)
class Publisher:
    """The organisation that publishes the reviews (ClaimReview `author`)."""

    name: str = "factcheck"
    url: str | None = None
    logo: str | None = None


@dataclass(frozen=True)
class Rating:
    """One verdict's place on the publisher's scale."""

    value: int
    name: str


# The bands table (bands.py) gives each verdict's default rating and its label.
DEFAULT_SCALE: Mapping[Verdict, Rating] = {
    band.verdict: Rating(band.rating, band.label) for band in BANDS
}


@dataclass(frozen=True)
class Config:
    """Resolved publishing settings; `Config()` is the default when no file is found."""

    publisher: Publisher = field(default_factory=Publisher)
    scale: Mapping[Verdict, Rating] = field(default_factory=lambda: dict(DEFAULT_SCALE))
    best: int = 5
    worst: int = 1
    review_url: str | None = None  # a template: "https://example.org/fact-check/{claim_id}"
    reviewed: dt.date | None = None  # a fixed datePublished for every review
    path: Path | None = None  # the file these settings came from, if any

    def rating(self, verdict: Verdict) -> Rating:
        return self.scale[verdict]


# --- the file's shape ------------------------------------------------------------------

StrictInt = Annotated[int, Strict()]
Text = Annotated[str, Strict(), Field(min_length=1)]


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _PublisherTable(_Table):
    name: Text = "factcheck"
    url: Text | None = None
    logo: Text | None = None


class _RatingTable(_Table):
    value: StrictInt | None = None
    name: Text | None = None


if TYPE_CHECKING:

    class _ScaleTable(_Table):
        best: StrictInt = 5
        worst: StrictInt = 1
        # ... and one _RatingTable per verdict, read with getattr

else:
    # [rating]: best, worst and one table per verdict, in the order of the bands table.
    _ScaleTable = create_model(
        "_ScaleTable",
        __base__=_Table,
        best=(StrictInt, 5),
        worst=(StrictInt, 1),
        **{name: (_RatingTable, _RatingTable()) for name in NAMES},
    )


class _ConfigTable(_Table):
    publisher: _PublisherTable = _PublisherTable()
    rating: _ScaleTable = _ScaleTable()
    review_url: Text | None = None
    reviewed: dt.date | None = None


# --- finding and reading ---------------------------------------------------------------


def find_config(start: Path) -> tuple[Path, tuple[str, ...]] | None:
    """The config file for a folder and the key path of its table, or None.

    The nearest folder (start, then its parents) holding factcheck.toml or pyproject.toml
    decides; factcheck.toml wins when a folder has both. A folder holding `.git` ends the
    search, so a repository without a config never inherits one from outside it.
    """
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in [folder, *folder.parents]:
        if (candidate / CONFIG_FILE).is_file():
            return candidate / CONFIG_FILE, ()
        if (candidate / PYPROJECT_FILE).is_file():
            return candidate / PYPROJECT_FILE, ("tool", "factcheck")
        if (candidate / ".git").exists():
            return None
    return None


def load_config(start: Path) -> Config:
    """Publishing settings for claims under `start`; InputError names a bad file."""
    found = find_config(start)
    config = Config()
    if found is not None:
        file = _File.read(*found)
        table = file.table()
        if table is not None:
            config = file.resolve(table)
    return _with_env(config)


_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?")
_ASSIGNMENT = re.compile(r"^(\s*)([A-Za-z0-9_\-.\"' ]+?)\s*=")


@dataclass(frozen=True)
class _File:
    """One config file's text, and the key path of factcheck's table in it."""

    path: Path
    lines: list[str]
    data: dict[str, Any]
    prefix: tuple[str, ...]  # ("tool", "factcheck") in pyproject.toml

    @classmethod
    def read(cls, path: Path, prefix: tuple[str, ...]) -> _File:
        try:
            text = _read_config_text(path)
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            message, line, column = _decode_error(str(exc))
            raise InputError(
                [problem_at(path, f"invalid TOML: {message}", UNREADABLE, line, column)]
            ) from None
        return cls(path, text.splitlines(), data, prefix)

    def table(self) -> dict[str, Any] | None:
        """factcheck's table, or None when pyproject.toml has no [tool.factcheck]."""
        data = self.data
        for depth, key in enumerate(self.prefix):
            inner = data.get(key)
            if inner is None:
                return None
            if not isinstance(inner, dict):
                raise InputError(
                    [
                        self.problem(
                            f"expected a table, got {_describe(inner)}",
                            SCHEMA,
                            *self.prefix[: depth + 1],
                            absolute=True,
                        )
                    ]
                )
            data = inner
        return data

    def resolve(self, data: dict[str, Any]) -> Config:
        try:
            table = _ConfigTable.model_validate(data)
        except ValidationError as exc:
            raise InputError([self._schema_problem(error) for error in exc.errors()]) from None
        scale = {
            verdict: Rating(
                value=_pick(
                    getattr(table.rating, verdict.value).value, DEFAULT_SCALE[verdict].value
                ),
                name=_pick(getattr(table.rating, verdict.value).name, DEFAULT_SCALE[verdict].name),
            )
            for verdict in Verdict
        }
        config = Config(
            publisher=Publisher(
                name=table.publisher.name, url=table.publisher.url, logo=table.publisher.logo
            ),
            scale=scale,
            best=table.rating.best,
            worst=table.rating.worst,
            review_url=table.review_url,
            reviewed=table.reviewed,
            path=self.path,
        )
        problems = self._consistency(config)
        if problems:
            raise InputError(problems)
        return config

    def problem(self, message: str, code: str, *key: object, absolute: bool = False) -> Problem:
        full = (
            tuple(str(part) for part in key)
            if absolute
            else (*self.prefix, *(str(part) for part in key))
        )
        line, column = self.locate(full)
        return problem_at(self.path, message, code, line, column, key_path=".".join(full))

    def locate(self, key: tuple[str, ...]) -> tuple[int, int]:
        """Best effort: the line of the key (or of its nearest enclosing table); 0 if unseen.

        tomllib keeps no positions, so this reads the text again: table headers and
        `key = value` lines (dotted keys included); keys inside inline tables fall back
        to the line that holds the inline table.
        """
        best: tuple[int, int, int] = (0, 0, 0)  # (matched depth, line, column)
        table: tuple[str, ...] = ()
        for number, text in enumerate(self.lines, start=1):
            header = _HEADER.match(text)
            if header:
                table = _dotted(header.group(1))
                here, column = table, text.index("[") + 1
            else:
                assignment = _ASSIGNMENT.match(text)
                if assignment is None:
                    continue
                here = (*table, *_dotted(assignment.group(2)))
                column = len(assignment.group(1)) + 1
            depth = _common(here, key)
            if depth in (len(here), len(key)) and depth > best[0]:
                best = (depth, number, column)
                if depth == len(key):
                    break
        return best[1], best[2]

    def _schema_problem(self, error: Mapping[str, Any]) -> Problem:
        loc = tuple(str(part) for part in error["loc"])
        if error["type"] == "extra_forbidden":
            allowed = _allowed(loc[:-1])
            close = difflib.get_close_matches(loc[-1], allowed, n=1, cutoff=0.6)
            hint = lookalike_note(loc[-1], allowed) or (
                f" (did you mean {close[0]!r}?)" if close else ""
            )
            message = f"unknown key {loc[-1]!r}{hint}; expected one of: {', '.join(allowed)}"
        else:
            text = str(error["msg"])
            message = f"{text[0].lower()}{text[1:]}, got {_describe(error.get('input'))}"
        return self.problem(message, SCHEMA, *loc)

    def _consistency(self, config: Config) -> list[Problem]:
        problems: list[Problem] = []

        def add(message: str, *key: str) -> None:
            problems.append(self.problem(message, INCONSISTENT, *key))

        if config.best <= config.worst:
            add(
                f"best ({config.best}) must be greater than worst ({config.worst})",
                "rating",
                "best",
            )
        scale_ok = config.best > config.worst  # otherwise every value is "outside" it
        for verdict, rating in config.scale.items():
            if scale_ok and not config.worst <= rating.value <= config.best:
                add(
                    f"{rating.value} is outside the scale: expected a value from worst "
                    f"({config.worst}) to best ({config.best})",
                    "rating",
                    verdict.value,
                    "value",
                )
        for key, url in (("url", config.publisher.url), ("logo", config.publisher.logo)):
            if url is not None and not _absolute_url(url):
                add(f"expected an absolute http(s) URL, got {url!r}", "publisher", key)
        if config.review_url is not None:
            problem = _template_problem(config.review_url)
            if problem:
                add(problem, "review_url")
        return problems


def _dotted(key: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in key.split("."))


def _common(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    depth = 0
    for left, right in zip(a, b, strict=False):
        if left != right:
            break
        depth += 1
    return depth


def _read_config_text(path: Path) -> str:
    """The config file's text, its size checked before it is read (a config file holds
    a few dozen lines; one of a gigabyte is refused unread), and never a pipe."""
    limit = max_file_bytes()
    try:
        return read_bounded(path, limit).decode("utf-8")
    except TooLarge:
        why = (
            f"it is larger than the limit of {limit:,} bytes (set {MAX_FILE_BYTES_ENV} to raise it)"
        )
    except NotAFile as exc:
        why = f"it is {exc.what}, not a regular file"
    except OSError as exc:
        why = str(exc.strerror or exc)
    except UnicodeDecodeError as exc:
        why = f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x})"
    raise InputError([problem_at(path, f"cannot read the config file: {why}", UNREADABLE)])


def _decode_error(text: str) -> tuple[str, int, int]:
    """tomllib puts the position at the end of its message; split it off."""
    match = _AT.search(text)
    if match is None:
        return text.removesuffix(" (at end of document)"), 0, 0
    return text[: match.start()], int(match.group(1)), int(match.group(2))


def _pick(given: T | None, default: T) -> T:
    return default if given is None else given


def _allowed(loc: tuple[str, ...]) -> list[str]:
    model: type[BaseModel] = _ConfigTable
    for part in loc:
        annotation = model.model_fields[part].annotation
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        model = annotation
    return list(model.model_fields)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return repr(value) if isinstance(value, str) else str(value)


def _template_problem(template: str) -> str | None:
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        return f"not a valid template ({exc}); write {{claim_id}} where the claim's id goes"
    unknown = [name for name in names if name not in TEMPLATE_FIELDS]
    if unknown:
        return f"unknown placeholder {{{unknown[0]}}}; the template may use " + ", ".join(
            f"{{{name}}}" for name in TEMPLATE_FIELDS
        )
    if not _absolute_url(review_url(template, "claim-id")):
        return f"expected an absolute http(s) URL template, got {template!r}"
    return None


def review_url(template: str, claim_id: str) -> str:
    """The review page's URL for one claim."""
    return template.format(claim_id=claim_id)


def _absolute_url(url: str) -> bool:
    """http(s) with a host, and no control character, line break or space (escape.py)."""
    return http_url(url) is not None


def _with_env(config: Config) -> Config:
    """FACTCHECK_REVIEWED=YYYY-MM-DD overrides the file's `reviewed` for one run."""
    raw = os.environ.get(REVIEWED_ENV, "").strip()
    if not raw:
        return config
    try:
        reviewed = dt.date.fromisoformat(raw)
    except ValueError:
        raise InputError(
            [
                problem_at(
                    f"${REVIEWED_ENV}",
                    f"expected a date (YYYY-MM-DD), got {raw!r}",
                    BAD_ENV,
                )
            ]
        ) from None
    return replace(config, reviewed=reviewed)


# --- the review's date -----------------------------------------------------------------


def review_date(config: Config, given: dt.date | None = None) -> dt.date:
    """The day the reviews are published (ClaimReview `datePublished`): `given` (verify's
    --date), else $FACTCHECK_REVIEWED or the config's `reviewed`, else today."""
    if given is not None:
        return given
    if config.reviewed is not None:
        return config.reviewed
    return today()


def today() -> dt.date:
    """Today's date; the UTC date of $SOURCE_DATE_EPOCH when it is set, so that a build
    can be repeated byte for byte on another day (https://reproducible-builds.org)."""
    raw = os.environ.get(EPOCH_ENV, "").strip()
    if not raw:
        return dt.date.today()
    try:
        return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise InputError(
            [
                problem_at(
                    f"${EPOCH_ENV}",
                    f"expected a whole number of seconds since 1970-01-01, got {raw!r}",
                    BAD_EPOCH,
                )
            ]
        ) from None
