"""`draft`'s reading of one number: no figure (years, dates, identifiers, references,
citations, phone numbers, ratios' denominators), its qualifier, unit, sign and range; and
numbers split across lines or joined in a range (documents/numbers.py)."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pytest import MonkeyPatch

from factcheck import draft_numbers as numbers
from factcheck.documents import numbers as document_numbers
from factcheck.documents.numbers import (
    Written,
    find_numbers,
    mentions,
    numbers_in,
    range_start,
)
from factcheck.qualifiers import Qualifier


def _read(text: str, printed: str) -> tuple[numbers.Context, Written, list[Written]]:
    """The context, the number printed as `printed`, and the numbers before it."""
    found = find_numbers(text)
    at = next(i for i, w in enumerate(found) if w.text == printed)
    return numbers.Context(text, 0, len(text)), found[at], found[:at]


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("Spending rose in FY 19 and again later.", "19"),
        ("The report was issued on 14 March 2024.", "14"),
        ("The report was issued on March 14, 2024.", "14"),
        ("The hearing began at 10:30 a.m. sharp.", "10"),
        ("See report OIG-24-46 for details.", "46"),
        ("The Act is codified at 5 U.S.C. 401 et seq.", "5"),
        ("The Act is codified at 5 U.S.C. 401 et seq.", "401"),
        ("Payments follow 2 CFR 200 in full.", "200"),
        ("Payments follow § 1232 of the code.", "1232"),
        ("Tables 2 and 3 show the money.", "3"),
        ("We consider recommendations 1 through 4 resolved.", "4"),
        ("Fewer than 1 in 5 files were complete.", "5"),
        ("Staff work zero-hours contracts.", "zero"),
        ("Recommendation 12: recover the funds.", "12"),
        ("4.1 Grant Files Were Incomplete", "4.1"),
    ],
)
def test_numbers_that_are_no_figures(text: str, printed: str) -> None:
    assert numbers.not_a_figure(*_read(text, printed))


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("Fewer than 1 in 5 files were complete.", "1"),
        ("In 2019, 448,000 children were released.", "448,000"),
        ("Grantees in 12 of the 46 states filed late.", "46"),
        ("About 2 in 3 of them did.", "2"),
    ],
)
def test_figures_stay_figures(text: str, printed: str) -> None:
    assert not numbers.not_a_figure(*_read(text, printed))


def test_phone_numbers_urls_and_addresses_are_masked() -> None:
    text = "Call (202) 555-0143 or +44 1632 960 418, see www.x.gov/r/2025/7, or a.b@x.org."
    masked = "".join(text[a:b] for a, b in numbers.masked_spans(text))
    assert all(digit in masked for digit in ("202", "1632", "960", "2025/7"))


@pytest.mark.parametrize(
    ("text", "printed", "qualifier"),
    [
        ("It cost $38 million over 3 years.", "3", Qualifier.exact),  # a span of time
        ("They were out of work for over 12 months.", "12", Qualifier.more_than),
        ("Grantees paid 400 or more staff.", "400", Qualifier.at_least),
        ("It had up to 36 months to finish.", "36", Qualifier.at_most),
        ("Fewer than\n80,000 were unemployed.", "80,000", Qualifier.less_than),
        ("It completed almost 9,000 inspections.", "9,000", Qualifier.nearly),
        ("They returned some $48 million.", "$48 million", Qualifier.about),
    ],
)
def test_qualifiers_come_from_the_words_around(
    text: str, printed: str, qualifier: Qualifier
) -> None:
    context, written, _ = _read(text, printed)
    assert numbers.qualifier_of(context, written) == qualifier


@pytest.mark.parametrize(
    ("text", "printed", "unit"),
    [
        ("down 0.2 percentage points on the quarter", "0.2", "percentage points"),
        ("nearly 7,000 more than a year before", "7,000", None),
        ("Spending was £22bn in total.", "£22bn", "GBP"),
        ("It employs 23 staff in Denver.", "23", "staff"),
    ],
)
def test_units_come_from_the_words_after_or_the_currency(
    text: str, printed: str, unit: str | None
) -> None:
    context, written, _ = _read(text, printed)
    assert numbers.unit_of(context, written) == unit


def test_signs_minus_and_parentheses_in_tables() -> None:
    for text in ("Change −1.2 on the year", "Change -1.2 on the year"):
        (written,) = [w for w in find_numbers(text) if w.text == "1.2"]
        assert numbers.is_negative(text, written, in_table=False)
        assert numbers.value_of(written, negative=True) == "-1.2"
    cell = "(24,530)"
    (written,) = find_numbers(cell)
    assert numbers.is_negative(cell, written, in_table=True)
    assert not numbers.is_negative(
        "returned (1,900 in all)", find_numbers("(1,900)")[0], in_table=False
    )


def test_a_number_split_across_lines_keeps_its_scale_and_percent() -> None:
    (billion,) = find_numbers("awarded $1.2\nbillion in grants")
    assert billion.value == Decimal("1200000000")
    (percent,) = find_numbers("fell by 7.4\npercent from")
    assert percent.percent and numbers.value_of(percent) == "7.4%"
    assert [w.text for w in find_numbers("12\nbeds")] == ["12"]  # no "b" for billion


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$40–$60 million", Decimal("40000000")),
        ("between 10 and 15 percent", Decimal("10")),
        ("grew by 12 to 18 percent", Decimal("12")),
    ],
)
def test_a_range_carries_its_scale_percent_and_currency_to_its_first_end(
    text: str, value: Decimal
) -> None:
    first, second = find_numbers(text)
    carried = range_start(text, first, second)
    assert carried is not None and carried.value == value
    assert mentions(text, value, carried.precision)


@pytest.mark.parametrize(
    "text", ["$50,000 to $2.5 million", "fell by 5 to 120 million", "10 and 15 percent"]
)
def test_no_range_carries_a_scale_it_should_not(text: str) -> None:
    first, second = find_numbers(text)
    assert range_start(text, first, second) is None


# --- mentions' short way for plainly written whole numbers (check's FC501) ------------------


def _mentions_in_full(text: str, value: Decimal, precision: Decimal) -> bool:
    """mentions() without its short way: every reading of every number."""
    return any(
        abs(abs(written) - abs(value)) <= max(written_precision, precision) / 2
        for written, written_precision in numbers_in(text)
    )


_PIECES = ["1,007", "1007", "21,007", "1,007.5", "01007", "1,007 million", "1.007", "1 007",
           "-1,007", "$1,007", "1,007%", "0", "00", "10,07", "1,0070", "one thousand seven",
           "1,007,000", "1007k", " ", "lost ", ","]  # fmt: skip
_VALUES = [0, 7, 1007, 21007, 1007000]


def test_the_short_way_agrees_with_reading_every_number() -> None:
    # Every piece and every pair of pieces, each against every value and precision.
    texts = _PIECES + [a + b for a, b in itertools.product(_PIECES, repeat=2)]
    for text, value, precision in itertools.product(texts, _VALUES, (1, 1000)):
        expected = _mentions_in_full(text, Decimal(value), Decimal(precision))
        assert mentions(text, Decimal(value), Decimal(precision)) == expected, (text, value)


@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join), st.sampled_from(_VALUES))
def test_the_short_way_agrees_on_longer_texts(text: str, value: int) -> None:
    expected = _mentions_in_full(text, Decimal(value), Decimal(1))
    assert mentions(text, Decimal(value), Decimal(1)) == expected


def test_the_short_way_is_taken_for_a_plainly_written_value(monkeypatch: MonkeyPatch) -> None:
    def no_full_reading(text: str) -> list[tuple[Decimal, Decimal]]:
        raise AssertionError("read in full")

    monkeypatch.setattr(document_numbers, "numbers_in", no_full_reading)
    assert mentions("lost 1,007 people", Decimal(1007), Decimal(1))
    assert mentions("in 2023, 1007 were lost", Decimal(1007), Decimal(1))
