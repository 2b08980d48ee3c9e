"""verify's options on the search: the tolerances and the most terms, each parsed and held
to the range a claim file allows (the claim model checks both, so they never disagree)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

import typer


def _tolerance(value: str | None) -> Decimal | None:
    if value is None:
        return None
    text = value.strip()
    try:
        tolerance = Decimal(text[:-1]) / 100 if text.endswith("%") else Decimal(text)
    except InvalidOperation:
        raise typer.BadParameter(f"{value!r} is not a number; write 0.01 or 1%") from None
    if not _claim_accepts("tolerance", tolerance):
        raise typer.BadParameter(
            "expected a relative tolerance from 0 to below 1 (0.01 = 1%), with at most 8 "
            "decimal places"
        )
    return tolerance


def _tolerance_points(value: str | None) -> Decimal | None:
    try:
        points = None if value is None else Decimal(value.strip())
    except InvalidOperation:
        raise typer.BadParameter(f"{value!r} is not a number; write 1 or 0.5") from None
    if points is not None and not _claim_accepts("tolerance_points", points):
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
    range, so that an option and a claim file can never disagree about it; and a number is
    within a claim file's bounds too (1e-100000000 made the exact arithmetic run for minutes)."""
    from pydantic import TypeAdapter, ValidationError

    from factcheck.models import Claim
    from factcheck.numbers import in_range

    declared = Claim.model_fields[field]
    as_type: Any = Annotated[declared.annotation, declared]  # the field's type and its checks
    try:
        TypeAdapter(as_type).validate_python(value)
    except ValidationError:
        return False
    return not isinstance(value, Decimal) or in_range(value)


Tolerance = Annotated[
    str | None,
    typer.Option(
        "--tolerance",
        help="Relative tolerance for an approximate match, e.g. "
        "0.01 or 1%. Default: the claim's `tolerance`, else 1%.",
        callback=_tolerance,
        show_default=False,
    ),
]
TolerancePoints = Annotated[
    str | None,
    typer.Option(
        "--tolerance-points",
        help="For a claim in percent, percentage points within which it also reproduces, "
        "e.g. 0.5. Default: the claim's `tolerance_points`, else 1.",
        callback=_tolerance_points,
        show_default=False,
    ),
]
MaxTermsOption = Annotated[
    str | None,
    typer.Option(
        "--max-terms",
        metavar="1-12|all",
        help="Most figures in one combination, or `all` for every size (an exhaustive "
        "search). Default: the claim's `max_terms`, else 4.",
        callback=_max_terms,
        show_default=False,
    ),
]
