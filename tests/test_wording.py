"""wording.py: numbers as readers write them, the same in every output."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.kinds import RatioKind
from factcheck.qualifiers import Qualifier
from factcheck.wording import (
    claim_number,
    counted,
    number,
    percent,
    reader_amount,
    share,
    shown_beside_words,
    signed,
    signed_percent,
)

D = Decimal


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (D(291000), "291,000"),
        (D("12.50"), "12.5"),
        (D(-2000), "-2,000"),
        (D("1E+3"), "1,000"),
        (D("0.000001"), "0.000001"),
    ],
)
def test_number(value: Decimal, written: str) -> None:
    assert number(value) == written


def test_percent_rounds_half_to_even() -> None:
    assert percent(D("0.125")) == "12.5%"
    assert percent(D("0.00125")) == "0.1%"
    assert percent(D("0.00135")) == "0.1%"
    assert percent(D("0.5"), places=0) == "50%"


def test_signed_differences() -> None:
    assert (signed(D(2000)), signed(D(-500)), signed(D(0))) == ("+2,000", "-500", "0")
    assert (signed_percent(D("0.012")), signed_percent(D(0))) == ("+1.2%", "0.0%")


def test_share_is_one_percent_or_a_range() -> None:
    assert share(D("0.4"), D("0.4")) == "40.0%"
    assert share(D("0.4"), D("0.6")) == "40.0%-60.0%"
    assert share(D("0.4"), D("0.6"), " to ") == "40.0% to 60.0%"


@pytest.mark.parametrize(
    ("value", "unit", "kind", "written"),
    [
        (D(323000), "people", None, "323,000"),
        (D("-40.585218"), "percent", RatioKind.change, "-40.6%"),
        (D("12.5"), "percent", RatioKind.change, "+12.5%"),  # a change shows its sign
        (D("12.5"), "percent", RatioKind.share, "12.5%"),
        (D("0.333333"), "ratio", RatioKind.share, "0.333"),
        (D("0.5"), "ratio", None, "0.5"),
    ],
)
def test_claim_number(value: Decimal, unit: str, kind: RatioKind | None, written: str) -> None:
    assert claim_number(value, unit, kind) == written


def test_counts_of_one_are_singular() -> None:
    assert counted(1, "figure") == "1 figure"
    assert counted(0, "figure") == "0 figures"
    assert counted(1_826, "day") == "1,826 days"
    assert counted(1, "candidate figure") == "1 candidate figure"


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "written"),
    [
        (D(1_750_000_000_000), "USD", Qualifier.exact, "$1.75 trillion"),
        (D(22_000_000_000), "GBP", Qualifier.exact, "£22bn"),
        (D(350_000_000), "pounds", Qualifier.exact, "£350m"),
        (D(291_000), "children", Qualifier.more_than, "more than 291,000 children"),
        (D(1_500_000), "people", Qualifier.about, "about 1.5 million people"),
        # a scale word only where it is exact: published text never rounds a figure
        (D(3_097_274), "encounters", Qualifier.exact, "3,097,274 encounters"),
        (D(1_234_567), "USD", Qualifier.exact, "$1,234,567"),
        (D(-400_000_000), "usd", Qualifier.exact, "-$400 million"),
        (D("1234.5"), "USD", Qualifier.exact, "$1,234.50"),
        (D(47), "percent", Qualifier.exact, "47%"),
        (D(2), "percentage_points", Qualifier.exact, "2 percentage points"),
    ],
)
def test_reader_amount_writes_amounts_as_published_text_does(
    value: Decimal, unit: str, qualifier: Qualifier, written: str
) -> None:
    assert reader_amount(value, unit, qualifier) == written


def test_reader_amount_leaves_a_counts_unit_out_where_the_figure_is_named() -> None:
    assert reader_amount(D(291_000), "children", counted=False) == "291,000"
    assert reader_amount(D(2_000_000_000), "USD", counted=False) == "$2 billion"


def test_reader_amount_rounds_a_worked_out_ratio_as_claim_number_does() -> None:
    value = D("-46.750469")
    assert reader_amount(value, "percent", kind=RatioKind.change) == "-46.8%"


@pytest.mark.parametrize(
    ("value", "unit", "written", "shown"),
    [
        ("33.33333333", "percent", "a third", "33.3"),  # a fraction cut at eight places
        ("16.66666667", "percent", "one in six", "16.7"),
        ("12.5", "percent", "one in eight", "12.5"),  # exact: as it is
        ("12.53", "percent", "12.53%", "12.53"),  # written in figures: as written
        ("1.255", "times", "1.255 times", "1.255"),  # a multiple written to 3 places
        ("0.33333333", "ratio", "a third", "0.3"),
        ("325000", "children", "325,000", "325000"),  # not a ratio unit
        ("33.33333333", "percent", None, "33.33333333"),  # no words beside it
    ],
)
def test_a_share_in_words_is_shown_beside_its_number_as_readers_write_it(
    value: str, unit: str, written: str | None, shown: str
) -> None:
    assert shown_beside_words(Decimal(value), unit, written) == Decimal(shown)
