"""What factcheck knows about units: which are ratios, which may be negative, which are alike.

A small table that the models, the judge and the renderers read; it imports only the table
of written forms (written.py: the ISO 4217 codes currency marks stand for), so a renderer can
ask whether a claim is a ratio without importing the loader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.written import CURRENCY_FAMILIES, ISO_CODES, currency_fits

if TYPE_CHECKING:
    from factcheck.numbers import WrittenNumber

# Claims in these units are ratios (reproduced by changes, shares and stated figures), and
# the factor that turns a Fraction into the unit: x100 for percent.
RATIO_UNITS = {"percent": 100, "%": 100, "ratio": 1}

# Units in which a negative value means something; counts of things cannot be negative.
SIGNED_UNITS = frozenset(
    {
        "percent",
        "percentage_points",
        "ratio",
        "points",
        "degrees",
        "usd",
        "eur",
        "gbp",
        "dollars",
        "euros",
        "pounds",
        # money, in any currency a mark stands for (written.py): a change may be negative
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
