"""The verdicts: everything known about each verdict band, in one table.

The judge reads the thresholds and the order, the renderers the labels and styles, the CLI
the names (`--fail-on`), `expect:` and the JSON Schema the names, the ClaimReview config the
default ratings. To add a verdict, add it to `Verdict` and give it a row in `BANDS`; nothing
else lists the verdicts. Its rule is the judge's: a band earned by a share needs only its
summary sentence (judge/summary.py, `SENTENCES`; tests/test_bands.py checks there is one),
a verdict for claims that nothing reproduces its place in judge/verdict.py's `decide_beyond`
and its sentence in judge/summary.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Literal


class Verdict(StrEnum):
    supported = "supported"
    misleading = "misleading"
    false = "false"
    unsupported = "unsupported"
    understated = "understated"
    overstated = "overstated"


@dataclass(frozen=True)
class Band:
    """One verdict: when a combination earns it, and how every output shows it."""

    verdict: Verdict
    # A reproducing combination earns this band when the share of it that the source
    # describes with the claim's word reaches `share_at` (None: the band is not earned by a
    # share; `unsupported` is the verdict when nothing reproduces the number).
    share_at: Decimal | None
    # Which end of the supported share is compared with `share_at`: a band that needs the
    # source to say the word of all of it reads the low end, one that allows "of some" the high.
    share_end: Literal["low", "high"]
    label: str  # how published text names it: "Supported"
    style: str  # the terminal's Rich style
    rating: int  # the default ClaimReview rating (1 worst .. 5 best), configurable
    meaning: str  # one line for --help and docs


BANDS: tuple[Band, ...] = (
    Band(
        Verdict.supported,
        share_at=Decimal("0.9"),
        share_end="low",
        label="Supported",
        style="bold green",
        rating=5,
        meaning="reproduced, and the source says the claim's word of at least 90% of it",
    ),
    Band(
        Verdict.misleading,
        share_at=Decimal("0.5"),
        share_end="high",
        label="Misleading",
        style="bold yellow",
        rating=3,
        meaning="reproduced, but the source says the claim's word of only 50% to 90% of it",
    ),
    Band(
        Verdict.false,
        share_at=Decimal(0),
        share_end="high",
        label="False",
        style="bold red",
        rating=1,
        meaning="reproduced, but the source says the claim's word of less than half of it",
    ),
    Band(
        Verdict.unsupported,
        share_at=None,
        share_end="high",
        label="Unsupported",
        style="bold magenta",
        rating=2,
        meaning="no combination of the source's figures reproduces the number",
    ),
    # Chosen only when nothing reproduces the claim (judge/verdict.py, `decide_beyond`).
    Band(
        Verdict.understated,
        share_at=None,
        share_end="high",
        label="Understated",
        style="bold cyan",
        rating=4,
        meaning="not reproduced, but the source supports a larger number, by at most half",
    ),
    Band(
        Verdict.overstated,
        share_at=None,
        share_end="high",
        label="Overstated",
        style="bold bright_red",
        rating=2,
        meaning="not reproduced: the claim exceeds the most the source's figures add up to",
    ),
)

BY_VERDICT: dict[Verdict, Band] = {band.verdict: band for band in BANDS}
NAMES: tuple[str, ...] = tuple(band.verdict.value for band in BANDS)
# Bands a reproducing combination can earn, most favourable first.
EARNED: tuple[Verdict, ...] = tuple(b.verdict for b in BANDS if b.share_at is not None)


def band(verdict: Verdict) -> Band:
    return BY_VERDICT[verdict]


def earned(low: Decimal, high: Decimal) -> Verdict:
    """The band a combination earns from its supported share (low .. high of it)."""
    for row in BANDS:
        if row.share_at is None:
            continue
        share = low if row.share_end == "low" else high
        if share >= row.share_at:
            return row.verdict
    return EARNED[-1]


def thresholds() -> Iterator[Decimal]:
    """The shares at which the earned band changes (the search counts by them)."""
    return (b.share_at for b in BANDS if b.share_at is not None)
