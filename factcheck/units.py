"""What factcheck knows about units: which are ratios, which may be negative, which are alike.

A small table that the models, the judge and the renderers read; it imports nothing of
factcheck, so a renderer can ask whether a claim is a ratio without importing the loader.
"""

from __future__ import annotations

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
        "usd",
        "eur",
        "gbp",
        "dollars",
        "euros",
        "pounds",
    }
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
