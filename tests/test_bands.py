"""bands.py: one row per verdict, and the rule that earns a band from a supported share."""

from __future__ import annotations

import itertools
from decimal import Decimal

from factcheck import bands
from factcheck.bands import BANDS, EARNED, NAMES, Verdict, band, earned, thresholds
from factcheck.config import DEFAULT_SCALE
from factcheck.judge.summary import SENTENCES
from factcheck.models import Claim


def v1_band(low: Decimal, high: Decimal) -> Verdict:
    """The rule as judge.py wrote it before the table (format v1)."""
    if low >= Decimal("0.9"):
        return Verdict.supported
    if high >= Decimal("0.5"):
        return Verdict.misleading
    return Verdict.false


SHARES = [Decimal(k) / 20 for k in range(-4, 25)] + [
    Decimal("0.4999999"),
    Decimal("0.5"),
    Decimal("0.8999999"),
    Decimal("0.9"),
]


def test_every_verdict_has_one_row() -> None:
    assert [row.verdict for row in BANDS] == list(Verdict)
    assert tuple(verdict.value for verdict in Verdict) == NAMES
    assert all(band(verdict).verdict is verdict for verdict in Verdict)


def test_earned_agrees_with_the_v1_rule_on_a_grid_of_shares() -> None:
    for low, high in itertools.product(SHARES, SHARES):
        if low <= high:
            assert earned(low, high) is v1_band(low, high), (low, high)


def test_earned_bands_come_most_favourable_first() -> None:
    assert (Verdict.supported, Verdict.misleading, Verdict.false) == EARNED
    assert Verdict.unsupported not in EARNED  # the verdict when nothing reproduces
    assert sorted(thresholds(), reverse=True) == [Decimal("0.9"), Decimal("0.5"), Decimal(0)]


def test_every_earned_band_has_a_summary_sentence() -> None:
    assert set(SENTENCES) == set(EARNED)


def test_every_output_reads_the_table() -> None:
    # The ClaimReview default scale, `expect:` in the claim format's schema, and the CLI's
    # names: each lists every verdict, in the table's order.
    assert [(v, r.value, r.name) for v, r in DEFAULT_SCALE.items()] == [
        (row.verdict, row.rating, row.label) for row in BANDS
    ]
    expect = Claim.model_json_schema()["properties"]["expect"]
    assert expect["anyOf"][0] == {"enum": list(NAMES)}
    assert bands.NAMES == (
        "supported",
        "misleading",
        "false",
        "unsupported",
        "understated",
        "overstated",
    )


def test_the_new_verdicts_and_their_default_ratings() -> None:
    # Rule C3: chosen only when nothing reproduces, so not earned by a share.
    ratings = {row.verdict: row.rating for row in BANDS}
    assert ratings == {
        Verdict.supported: 5,
        Verdict.understated: 4,
        Verdict.misleading: 3,
        Verdict.overstated: 2,
        Verdict.unsupported: 2,
        Verdict.false: 1,
    }
    for verdict in (Verdict.understated, Verdict.overstated):
        assert verdict not in EARNED and band(verdict).share_at is None
        assert band(verdict).label == verdict.value.capitalize()


def test_one_positive_threshold_on_each_end() -> None:
    # judge/support.py counts bands by one linear sum per end of the supported share.
    for end in ("low", "high"):
        assert len([b for b in BANDS if b.share_at and b.share_end == end]) <= 1


def test_each_row_is_complete() -> None:
    for row in BANDS:
        assert row.label and row.style and row.meaning
        assert 1 <= row.rating <= 5
        assert row.share_end in ("low", "high")
