"""numbers.py with written.py and number_words.py: numbers as the world writes them (issue
14, item 1). Every supported written form reads back to its value and its precision."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.numbers import NumberFormatError, parse_number, precision_of
from factcheck.written import CURRENCY_BEFORE, DENOMINATORS, SCALES, as_written
from tests.conftest import examples

D = Decimal


@pytest.mark.parametrize(
    ("raw", "value", "precision"),
    [
        # Indian units and grouping (case 11: CoWIN, PIB)
        ("220 crore", D(2_200_000_000), D(100_000_000)),
        ("1,02,74,10,872", D(1_027_410_872), D(1)),
        ("2,20,67,05,759", D(2_206_705_759), D(1)),
        ("12,34,567", D(1_234_567), D(1)),
        ("201.30 Cr", D(2_013_000_000), D(100_000)),
        ("3 lakh", D(300_000), D(100_000)),
        ("1.5 lakh crore", D(1_500_000_000_000), D(100_000_000_000)),
        ("2,000 crore", D(20_000_000_000), D(10_000_000_000)),
        ("5 lakhs", D(500_000), D(100_000)),
        # words for counts
        ("half a million", D(500_000), D(100_000)),
        ("a quarter of a million", D(250_000), D(10_000)),
        ("one and a half million", D(1_500_000), D(100_000)),
        ("twenty-three thousand", D(23_000), D(1000)),
        ("one hundred and five", D(105), D(1)),
        ("a dozen", D(12), D(1)),
        ("two dozen", D(24), D(1)),
        ("a million", D(1_000_000), D(1_000_000)),
        ("two crore", D(20_000_000), D(10_000_000)),
        ("seven lakh", D(700_000), D(100_000)),
        ("two lakh crore", D(2_000_000_000_000), D(1_000_000_000_000)),
        ("three thousand million", D(3_000_000_000), D(1_000_000_000)),
        # written precision (B1 of issue 10 reads it)
        ("2m", D(2_000_000), D(1_000_000)),
        ("2.1m", D(2_100_000), D(100_000)),
        ("2.10m", D(2_100_000), D(10_000)),
    ],
)
def test_counts_read_to_their_value_and_precision(
    raw: str, value: Decimal, precision: Decimal
) -> None:
    written = parse_number(raw)
    assert (written.value, written.precision) == (value, precision)
    assert not (written.share or written.times or written.percent)
    assert written.text == raw


@pytest.mark.parametrize(
    ("raw", "percent", "precision"),
    [
        ("a third", D("33.33333333"), D(1)),
        ("two-thirds", D("66.66666667"), D(1)),
        ("two thirds", D("66.66666667"), D(1)),
        ("one in four", D(25), D(1)),
        ("1 in 4", D(25), D(1)),
        ("nine in ten", D(90), D(1)),
        ("3 out of 10", D(30), D(1)),
        ("half", D(50), D(1)),
        ("a quarter", D(25), D(1)),
        ("three quarters", D(75), D(1)),
        ("a fifth", D(20), D(1)),
    ],
)
def test_shares_in_words_read_as_percent(raw: str, percent: Decimal, precision: Decimal) -> None:
    written = parse_number(raw)
    assert (written.value, written.precision, written.share) == (percent, precision, True)


@pytest.mark.parametrize(
    ("raw", "value"),
    [("twice", 2), ("three times", 3), ("100 times", 100), ("3x", 3), ("1.5 times", D("1.5"))],
)
def test_multiples_read_as_ratios(raw: str, value: Decimal) -> None:
    written = parse_number(raw)
    assert (written.value, written.times) == (D(value), True)


@pytest.mark.parametrize(
    ("raw", "value", "currency", "mark"),
    [
        ("$87bn", D(87_000_000_000), "USD", "$"),
        ("£22bn", D(22_000_000_000), "GBP", "£"),
        ("€1.2m", D(1_200_000), "EUR", "€"),
        ("R17.3bn", D(17_300_000_000), "ZAR", "R"),
        ("R 17.3bn", D(17_300_000_000), "ZAR", "R"),
        ("R700-billion", D(700_000_000_000), "ZAR", "R"),
        ("₹2,000 crore", D(20_000_000_000), "INR", "₹"),
        ("Rs. 201.30 Cr", D(2_013_000_000), "INR", "Rs."),
        ("A$3.4 billion", D(3_400_000_000), "AUD", "A$"),
        ("US$17.3bn", D(17_300_000_000), "USD", "US$"),
        ("R$5", D(5), "BRL", "R$"),
        ("Ksh 1.2 billion", D(1_200_000_000), "KES", "Ksh"),
        ("USD 1.2bn", D(1_200_000_000), "USD", "USD"),
        ("1.2bn ZAR", D(1_200_000_000), "ZAR", "ZAR"),
        ("700 billion rand", D(700_000_000_000), "ZAR", "rand"),
        ("-$5m", D(-5_000_000), "USD", "$"),
    ],
)
def test_currency_marks_give_the_iso_code(
    raw: str, value: Decimal, currency: str, mark: str
) -> None:
    written = parse_number(raw)
    assert (written.value, written.currency, written.mark) == (value, currency, mark)


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("12 crore lakh million", "multipliers stack only as a smaller before a larger"),
        ("5 crore lakh", "multipliers stack only as a smaller before a larger"),
        ("1,2,3", "Indian grouping of two before the last three"),
        ("1,23,4567", "digit groups must be of three"),
        ("$12 ZAR", "writes two currencies (USD and ZAR)"),
        ("R5 USD", "writes two currencies (ZAR and USD)"),
        ("$5%", "both money and a percent"),
        ("$ a third", "takes no currency or percent sign"),
        ("three twenty", "cannot read 'three twenty'"),
        ("a", "cannot read 'a'"),
        ("one and a half", "cannot read"),
        ("5 in 4", "cannot read"),
        ("1 in 0", "cannot read"),
        ("5 zillion", "unknown multiplier 'zillion'"),
        ("about half a million", "puts a qualifier in the value"),
        ("five thousand two million", "cannot read"),
    ],
)
def test_bad_written_numbers_are_refused_with_a_reason(raw: str, says: str) -> None:
    with pytest.raises(NumberFormatError) as caught:
        parse_number(raw)
    assert says in str(caught.value)


@pytest.mark.parametrize("raw", ["Rx5", "r5", "Rand5", "RR5", "R"])
def test_a_letter_is_a_mark_only_right_before_the_digits(raw: str) -> None:
    with pytest.raises(NumberFormatError):
        parse_number(raw)


# --- properties: any written form reads back to its value and precision -----------------

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
]
_ONES += ["fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words_below_thousand(n: int) -> list[str]:
    words: list[str] = []
    if n >= 100:
        words += [_ONES[n // 100], "hundred"]
        n %= 100
        if n:
            words.append("and")
    if n >= 20:
        words.append(_TENS[n // 10 - 2] + (f"-{_ONES[n % 10]}" if n % 10 else ""))
    elif n or not words:
        words.append(_ONES[n])
    return words


def in_words(n: int) -> str:
    """A whole number in English words, the short scale: an independent writer."""
    if n == 0:
        return "zero"
    words: list[str] = []
    for power, name in ((9, "billion"), (6, "million"), (3, "thousand")):
        group, n = divmod(n, 10**power)
        if group:
            words += [*_words_below_thousand(group), name]
    if n:
        words += _words_below_thousand(n)
    return " ".join(words)


def indian(n: int) -> str:
    """n in Indian digit grouping: 1,02,74,10,872."""
    digits = str(n)
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *groups, tail])


@settings(max_examples=examples(200))
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_numbers_in_words_read_back(n: int) -> None:
    written = parse_number(in_words(n))
    assert (written.value, written.precision) == (D(n), precision_of(D(n)))


@settings(max_examples=examples(200))
@given(st.integers(min_value=1000, max_value=10**18))
def test_indian_grouping_reads_back(n: int) -> None:
    written = parse_number(indian(n))
    assert (written.value, written.precision) == (D(n), precision_of(D(n)))


_DIGIT_SCALES = [w for w in SCALES if w not in ("hundred",)]


@settings(max_examples=examples(200))
@given(
    st.integers(min_value=1, max_value=9999),
    st.integers(min_value=0, max_value=2),
    st.sampled_from(_DIGIT_SCALES),
    st.sampled_from(["", " "]),
    st.sampled_from(["", *sorted(CURRENCY_BEFORE)]),
)
def test_digits_with_a_multiplier_and_a_mark_read_back(
    mantissa: int, places: int, scale: str, space: str, mark: str
) -> None:
    number = D(mantissa).scaleb(-places)
    text = f"{mark}{' ' if mark[-1:].isalpha() else ''}{number}{space}{scale}"
    written = parse_number(text)
    power = SCALES[scale]
    expected_precision = (
        D(1).scaleb(power - places) if places else precision_of(D(mantissa)).scaleb(power)
    )
    assert written.value == number.scaleb(power)
    assert written.precision == expected_precision
    assert written.currency == (CURRENCY_BEFORE[mark] if mark else None)


@settings(max_examples=examples(100))
@given(
    st.integers(min_value=1, max_value=9),
    st.sampled_from(sorted({n for n in DENOMINATORS.values() if n > 1})),
)
def test_shares_read_back_to_their_percent(part: int, whole: int) -> None:
    if part > whole:
        part = whole
    written = parse_number(f"{part} in {whole}")
    exact = Fraction(100 * part, whole)
    assert abs(Fraction(written.value) - exact) <= Fraction(1, 10**8)
    assert (written.share, written.precision) == (True, 1)


def test_as_written_puts_the_normalised_value_beside_the_writing() -> None:
    assert as_written("220 crore", "2,200,000,000") == "220 crore (2,200,000,000)"
    assert as_written("325,000", "325,000") == "325,000"
    assert as_written("325000", "325,000") == "325,000"
    assert as_written("1,02,74,10,872", "1,027,410,872") == "1,02,74,10,872 (1,027,410,872)"
    assert as_written(None, "12") == "12"
