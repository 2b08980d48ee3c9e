"""The command line's options, each declared once, with the parsing that turns their text
into values: every range comes from the claim format or the tables it is defined in, and
every list of valid values from its table (verdicts: bands.py; formats: render/registry.py),
so that --help, the parser and the docs cannot disagree.

Options whose value is parsed by a callback are declared as text, because Typer parses
text; their metavar (N, TOLERANCE, VERDICTS, K/N) says what to write.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from factcheck.bands import NAMES, Verdict
from factcheck.limits import DEFAULT_BUDGET, DEFAULT_TOP, MAX_BUDGET
from factcheck.render import registry
from factcheck.schema import Kind

# The --format choices, from the one table of formats. (mypy cannot list the members of an
# Enum built from a table; the code only reads their values.)
OutputFormat = StrEnum("OutputFormat", {n: n for n in registry.names("audits")})  # type: ignore[misc]
CheckFormat = StrEnum("CheckFormat", {n: n for n in registry.names("problems")})  # type: ignore[misc]
CHECK_DEFAULT = CheckFormat("text")


def _listed(names: tuple[str, ...], last: str = "or") -> str:
    """supported, misleading, false or unsupported."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {last} {names[-1]}"


VERDICTS = _listed(NAMES)
AUDIT_FORMATS = _listed(registry.names("audits"))


def _tolerance(value: str | None) -> Decimal | None:
    from factcheck.numbers import in_range

    if value is None:
        return None
    text = value.strip()
    try:
        tolerance = Decimal(text[:-1]) / 100 if text.endswith("%") else Decimal(text)
    except InvalidOperation:
        raise typer.BadParameter(f"{value!r} is not a number; write 0.01 or 1%") from None
    # within a claim file's bounds too: 1e-100000000 made the exact arithmetic run for minutes
    if not _claim_accepts("tolerance", tolerance) or not in_range(tolerance):
        raise typer.BadParameter(
            "expected a relative tolerance from 0 to below 1 (0.01 = 1%), with at most 8 "
            "decimal places"
        )
    return tolerance


def _tolerance_points(value: str | None) -> Decimal | None:
    from factcheck.numbers import in_range

    try:
        points = None if value is None else Decimal(value.strip())
    except InvalidOperation:
        raise typer.BadParameter(f"{value!r} is not a number; write 1 or 0.5") from None
    if points is not None and (
        not _claim_accepts("tolerance_points", points) or not in_range(points)
    ):
        raise typer.BadParameter("expected 0 to 100 percentage points, 8 decimal places at most")
    return points


def _max_terms(value: str | None) -> int | Literal["all"] | None:
    if value is None or value.strip().lower() == "all":
        return None if value is None else "all"
    try:
        terms = int(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r}: expected a whole number from 1 to 12, or all"
        ) from None
    if not _claim_accepts("max_terms", terms):
        raise typer.BadParameter(f"{terms} is not from 1 to 12 (or all)")
    return terms


def _claim_accepts(field: str, value: object) -> bool:
    """Whether a claim file could say `field: value`. The claim's own field checks the
    range, so that an option and a claim file can never disagree about it."""
    from pydantic import TypeAdapter, ValidationError

    from factcheck.models import Claim

    declared = Claim.model_fields[field]
    as_type: Any = Annotated[declared.annotation, declared]  # the field's type and its checks
    try:
        TypeAdapter(as_type).validate_python(value)
    except ValidationError:
        return False
    return True


def _verdicts(value: str | None) -> list[Verdict]:
    """Verdict names, comma-separated, in any case; every unknown one reported at once."""
    if not value:
        return []
    names = [part.strip() for part in value.split(",") if part.strip()]
    bad = [name for name in names if name.lower() not in NAMES]
    if bad:
        listed = ", ".join(repr(name) for name in bad)
        raise typer.BadParameter(
            f"unknown verdict{'s' if len(bad) > 1 else ''} {listed}; expected {', '.join(NAMES)}"
        )
    return list(dict.fromkeys(Verdict(name.lower()) for name in names))


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None


def _at_least_one(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise typer.BadParameter(f"{value} is less than 1: give a whole number from 1 up")
    return value


def _budget(value: int) -> int:
    _at_least_one(value)
    if value > MAX_BUDGET:
        raise typer.BadParameter(f"{value} is more than {MAX_BUDGET:,}: give a smaller number")
    return value


def _shard(value: str | None) -> Any:  # a Shard (Typer reads this hint: not imported here)
    if value is None:
        return None
    from factcheck.shards import Shard, ShardError

    try:
        return Shard.parse(value)
    except ShardError as exc:
        raise typer.BadParameter(str(exc)) from None


ClaimPaths = Annotated[
    list[str],
    typer.Argument(
        help="Claim files, directories (searched recursively for .yaml and .yml files) or "
        "glob patterns.",
        show_default=False,
        metavar="PATH",
    ),
]
AnyPaths = Annotated[
    list[str],
    typer.Argument(
        help="Claim and source files, directories (searched recursively for .yaml and .yml "
        "files) or glob patterns.",
        show_default=False,
        metavar="PATH",
    ),
]
Root = Annotated[
    Path | None,
    typer.Option(
        "--root",
        metavar="DIR",
        help="The claims repository: source paths may not leave it. Default: the nearest "
        "folder above each file with factcheck.toml, pyproject.toml or .git, else the "
        "current directory.",
        file_okay=False,
        show_default=False,
    ),
]
KindArgument = Annotated[
    Kind,
    typer.Argument(
        help=f"Which kind of file: {_listed(tuple(k.value for k in Kind))}.",
        show_default=False,
        metavar="KIND",
        case_sensitive=False,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
VerifyFormat = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        case_sensitive=False,
        help=f"Output format: {AUDIT_FORMATS}. Default: rich, which is plain text when "
        "stdout is not a terminal or NO_COLOR is set.",
        show_default=False,
    ),
]
OutputFile = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the result to FILE (atomically) instead of stdout.",
        dir_okay=False,
        show_default=False,
    ),
]
Tolerance = Annotated[
    str | None,
    typer.Option(
        "--tolerance",
        metavar="TOLERANCE",
        help="Relative tolerance of an approximate match: a fraction (0.01) or a percent "
        "(1%), from 0 to below 1. Default: the claim's `tolerance`, else 1%.",
        callback=_tolerance,
        show_default=False,
    ),
]
TolerancePoints = Annotated[
    str | None,
    typer.Option(
        "--tolerance-points",
        metavar="POINTS",
        help="For a claim in percent, percentage points within which it also reproduces, "
        "from 0 to 100, e.g. 0.5. Default: the claim's `tolerance_points`, else 1.",
        callback=_tolerance_points,
        show_default=False,
    ),
]
MaxTermsOption = Annotated[
    str | None,
    typer.Option(
        "--max-terms",
        metavar="N|all",
        help="Most figures in one combination, from 1 to 12, or `all` for every size (an "
        "exhaustive search). Default: the claim's `max_terms`, else 4.",
        callback=_max_terms,
        show_default=False,
    ),
]
Top = Annotated[
    int,
    typer.Option(
        "--top",
        metavar="N",
        help=f"How many reproducing combinations to list, at least 1. Default: {DEFAULT_TOP:,}.",
        callback=_at_least_one,
        show_default=False,
    ),
]
Budget = Annotated[
    int,
    typer.Option(
        "--budget",
        metavar="N",
        help="Most combinations the search examines per claim before it stops and says "
        f"the list may be incomplete, from 1 to {MAX_BUDGET:,}. Default: {DEFAULT_BUDGET:,}.",
        callback=_budget,
        show_default=False,
    ),
]
FailOn = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        metavar="VERDICTS",
        help="Exit 3 when any verdict is one of VERDICTS, separated by commas, in any "
        f"case: {VERDICTS} (e.g. false,unsupported).",
        callback=_verdicts,
        show_default=False,
    ),
]
Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        metavar="N",
        help="Judge claims in N processes at once, at least 1; the output is the same "
        "whatever N. Default: one per CPU (a batch of a few claims runs in one process).",
        callback=_at_least_one,
        show_default=False,
    ),
]
ShardOption = Annotated[
    str | None,
    typer.Option(
        "--shard",
        metavar="K/N",
        help="Verify only part K of N (1 <= K <= N) of the claim files, chosen by each "
        "file's path inside the repository, so that the N jobs of a CI matrix share the "
        "claims between them, each once (factcheck's docs/ci.md).",
        callback=_shard,
        show_default=False,
    ),
]
ReviewDate = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help="The review's date (ClaimReview's datePublished). Default: the config's "
        "`reviewed`, else today ($SOURCE_DATE_EPOCH's day when set).",
        callback=_date,
        show_default=False,
    ),
]
AllowDraft = Annotated[
    bool,
    typer.Option(
        "--allow-draft",
        help="Accept files that still hold TODO placeholders from `factcheck new` (else each "
        "is an error, FC503).",
    ),
]


def check_settings() -> None:
    """Settings from the environment, checked before any work (SettingError: exit 2)."""
    from factcheck.inputs import max_file_bytes

    max_file_bytes()
