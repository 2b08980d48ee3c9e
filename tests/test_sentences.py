"""sentences.py: the verdict's sentence for each band a share earns, one table for the
judge's summary and the published one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from factcheck.bands import EARNED
from factcheck.models import Match, Period, Verdict
from factcheck.qualifiers import Qualifier
from factcheck.sentences import SENTENCES, Said, exactly, match_word, within

D = Decimal
NEVER = " The source never describes these 60 (b) as lost."


def said(low: str, high: str, never: str = NEVER, inside: str = "") -> Said:
    return Said(
        derivation="a + b = 100 reproduces the number exactly",
        support="the source describes 100.0% of it as lost",
        word="lost",
        low=D(low),
        high=D(high),
        never=never,
        within=inside,
    )


def test_each_band_has_its_sentence() -> None:
    assert set(SENTENCES) == set(EARNED)
    assert SENTENCES[Verdict.supported](said("1", "1", never="")) == (
        "a + b = 100 reproduces the number exactly, and the source describes 100.0% of it as lost."
    )
    assert SENTENCES[Verdict.misleading](said("0.4", "0.4")).startswith(
        "a + b = 100 reproduces the number exactly, but the source describes only 40.0% of it"
    )
    assert "of only some of them" in SENTENCES[Verdict.misleading](said("0", "1"))
    assert "does not describe any of it" in SENTENCES[Verdict.false](said("0", "0"))
    assert "at most 30.0% of it" in SENTENCES[Verdict.false](said("0", "0.3"))


def test_every_sentence_ends_with_what_the_source_never_says() -> None:
    for verdict, sentence in SENTENCES.items():
        assert sentence(said("0.4", "0.4")).endswith(NEVER), verdict


def test_a_prorated_share_says_what_it_is_of() -> None:
    # rule D: "5.3%" alone reads as a share of the whole; it is of the days inside
    inside = within(
        Period(start=dt.date(2018, 10, 1), end=dt.date(2023, 9, 30)),
        Period(start=dt.date(2021, 1, 20), end=dt.date(2024, 9, 23)),
    )
    assert inside == " within the period the claim attributes"
    text = SENTENCES[Verdict.false](said("0", "0.053", never="", inside=inside))
    assert text.endswith("at most 5.3% of it as lost within the period the claim attributes.")


def test_a_period_inside_the_claimed_one_needs_no_words() -> None:
    claimed = Period(start=dt.date(2021, 1, 1), end=dt.date(2021, 12, 31))
    assert within(Period(start=dt.date(2021, 3, 1), end=dt.date(2021, 3, 31)), claimed) == ""
    assert within(None, claimed) == within(claimed, None) == ""
    assert within(Period(start=dt.date(2020, 12, 31), end=dt.date(2021, 1, 31)), claimed)


def test_exactly_only_for_the_claimed_value_itself() -> None:
    nearly, million = Qualifier.nearly, D(1_000_000)
    assert exactly(D(0), D(12_000_000), nearly, million) == "exactly"
    assert exactly(D(-100_000), D(12_000_000), nearly, million) == (
        "within the range the claim's \u201cnearly\u201d allows"
    )
    # a bare number met by figures said "more than": their range reaches it
    assert exactly(D(-2_000), D(325_000), Qualifier.exact, D(1_000)) == (
        "within the range the figures' wording allows"
    )
    # outside the claim's own range: both wordings are needed to meet
    assert exactly(D(1_000), D(325_000), Qualifier.more_than, D(1_000)) == (
        "within the range the wording of the claim and of the figures allows"
    )
    assert match_word(Match.exact, D(0)) == "exact"
    assert match_word(Match.exact, D(1)) == "in range"
    assert match_word(Match.approximate, D(1)) == "approximate"
