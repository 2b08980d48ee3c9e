"""What factcheck knows about units: which are ratios, which may be negative, which are alike.

A small table that the models, the judge and the renderers read; it imports only the table
of currencies (currencies.py: which units are money, how a value's mark must agree with its
unit, how published text writes an amount), so a renderer can ask whether a claim is a ratio
without importing the loader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck.currencies import CURRENCY_FAMILIES, ISO_CODES, PUBLISHED, currency_fits
from factcheck.currencies import LONG_SCALES as LONG_SCALES  # re-exported: currencies live there
from factcheck.currencies import SHORT_SCALES as SHORT_SCALES
from factcheck.currencies import Currency as Currency

if TYPE_CHECKING:
    from factcheck.numbers import WrittenNumber

_FROM_THE_VALUE = "(from the value)"

# Claims in these units are ratios (reproduced by changes, shares and stated figures), and
# the factor that turns a Fraction into the unit: x100 for percent.
RATIO_UNITS = {"percent": 100, "%": 100, "ratio": 1, "times": 1}

# Units in which a negative value means something; counts of things cannot be negative.
SIGNED_UNITS = frozenset(
    {
        "percent",
        "percentage_points",
        "ratio",
        "points",
        "degrees",
        # money, by its ISO code or a name (currencies.py): a change may be negative
        *(code.casefold() for code in ISO_CODES),
        *CURRENCY_FAMILIES,
    }
)
# SIGNED_UNITS as a message names them: the currencies as one entry.
SIGNED_NAMES = (
    *sorted(u for u in SIGNED_UNITS if u.upper() not in ISO_CODES and u not in CURRENCY_FAMILIES),
    "a currency (an ISO 4217 code such as ZAR, or dollars, pounds, euros, rand, rupees)",
)


def ratio_scale(unit: str) -> int | None:
    """100 for percent claims, 1 for ratio claims, None for claims that are not ratios."""
    return RATIO_UNITS.get(unit.strip().casefold())


def unit_key(unit: str) -> str:
    """The unit as compared: case and spaces ignored, "%" the same as "percent"."""
    key = unit.strip().casefold()
    return "percent" if key == "%" else key


def same_unit(a: str, b: str) -> bool:
    return unit_key(a) == unit_key(b)


def signed(unit: str) -> bool:
    """Whether a value in this unit may be negative."""
    return unit.casefold() in SIGNED_UNITS


def currency(unit: str) -> Currency | None:
    """The currency a unit is published in ("USD", "pounds"), or None for a count of things.
    "$" alone is not a unit: it names several currencies (USD, CAD, AUD)."""
    return PUBLISHED.get(unit_key(unit).replace(" ", "_"))


def implied_unit(written: WrittenNumber) -> str | None:
    """The unit a written value says by itself: "12.5%" and "a third" percent, "twice" a
    ratio, "R17.3bn" ZAR (ISO 4217); None for a bare number."""
    if written.percent or written.share:
        return "percent"
    if written.times:
        return "ratio"
    return written.currency


def unit_conflict(written: WrittenNumber, unit: str) -> str | None:
    """Why a value written as money, a share or a multiple cannot be in this unit, or None:
    "R17.3bn" is in ZAR (never dollars), "a third" in percent, "twice" a ratio."""
    if written.currency and not currency_fits(written.currency, unit, written.mark or ""):
        return (
            f"{written.text!r} is written in {written.currency} ({written.mark}) but the unit "
            f"is {unit!r}: write `unit: {written.currency}`, or the value without its mark"
        )
    if written.share and unit_key(unit) != "percent":
        return (
            f"{written.text!r} is a share, read as {written.value}%: write `unit: percent`, "
            "or the value in figures"
        )
    if written.times and ratio_scale(unit) != 1 and unit_key(unit) != "times":
        return (
            f"{written.text!r} is a multiple ({written.value} times): write `unit: ratio`, "
            "or the value in figures"
        )
    return None


def with_written_value(data: Any) -> Any:
    """A figure's or claim's keys before validation, with what its written `value` says:
    its precision ("1.2 million" -> 100,000) and, when left out, its unit ("12.5%" and "a
    third" percent, "R17.3bn" ZAR, "twice" a ratio), and the value as written. Read before
    the value becomes a bare Decimal; a bad value is reported by the model's own check."""
    from factcheck.numbers import NumberFormatError, parse_number

    if not isinstance(data, dict) or "value" not in data:
        return data
    if "written" in data:
        raise ValueError("unknown key 'written': the value as written is `value` itself")
    try:
        written = parse_number(data["value"])
    except NumberFormatError:
        if isinstance(data["value"], str) and "unit" not in data:
            # The value may have said the unit ("$12 ZAR"): its own error says what is
            # wrong, and a missing `unit` would only echo it (the model never validates).
            return {**data, "unit": _FROM_THE_VALUE}
        return data
    data = dict(data)
    if data.get("precision") is None:
        data["precision"] = written.precision
    if "unit" not in data:
        implied = implied_unit(written)
        if implied is not None:
            data["unit"] = implied
    if isinstance(data["value"], str):
        data["written"] = written.text
    return data


def check_unit(written: str, unit: str) -> None:
    """ValueError ("value: ...") when a value written as money, a share or a multiple is in
    a unit that says otherwise; nothing for a bare number."""
    from factcheck.numbers import parse_number

    if written:
        problem = unit_conflict(parse_number(written), unit)
        if problem:
            raise ValueError(f"value: {problem}")
