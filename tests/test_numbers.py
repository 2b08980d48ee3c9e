"""numbers.py: every accepted way of writing a number, its exact value and its precision."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.numbers import (
    ACCEPTED_FORMS,
    NumberFormatError,
    WrittenNumber,
    parse_number,
    precision_of,
)
from tests.conftest import examples

D = Decimal


@pytest.mark.parametrize(
    ("raw", "value", "precision"),
    [
        # YAML ints and the Decimals load.py makes of YAML floats
        (325000, D(325000), D(1000)),
        (448000, D(448000), D(1000)),
        (291001, D(291001), D(1)),
        (7, D(7), D(1)),
        (0, D(0), D(1)),
        (-1500, D(-1500), D(100)),
        (D("12.5"), D("12.5"), D("0.1")),
        (D("12.50"), D("12.50"), D("0.01")),
        (D("19947304555212.49"), D("19947304555212.49"), D("0.01")),
        (D("4.48E+5"), D(448000), D(1000)),
        # strings as people write them
        ("325000", D(325000), D(1000)),
        ("325,000", D(325000), D(1000)),
        ("325 000", D(325000), D(1000)),
        ("325\u00a0000", D(325000), D(1000)),
        ("325\u202f000", D(325000), D(1000)),
        ("325'000", D(325000), D(1000)),
        ("1,234,567", D(1234567), D(1)),
        ("1,000.50", D("1000.50"), D("0.01")),
        ("12.50", D("12.50"), D("0.01")),
        (".5", D("0.5"), D("0.1")),
        ("  42  ", D(42), D(1)),
        ("-5", D(-5), D(1)),
        ("\u22125", D(-5), D(1)),
        ("+3", D(3), D(1)),
        ("1.2 million", D(1200000), D(100000)),
        ("1.2 Million", D(1200000), D(100000)),
        ("1.2m", D(1200000), D(100000)),
        ("1.25 million", D(1250000), D(10000)),
        ("3 millions", D(3000000), D(1000000)),
        ("50k", D(50000), D(10000)),  # as "50,000": the trailing zero counts
        ("448k", D(448000), D(1000)),
        ("1.5 k", D(1500), D(100)),
        ("2 thousand", D(2000), D(1000)),
        ("$87bn", D(87000000000), D(1000000000)),
        ("$87 billion", D(87000000000), D(1000000000)),
        ("€1.5bn", D(1500000000), D(100000000)),
        ("£2.25 trillion", D(2250000000000), D(10000000000)),
        ("1.2 tn", D(1200000000000), D(100000000000)),
        ("12.5%", D("12.5"), D("0.1")),
        ("40 %", D(40), D(10)),
    ],
)
def test_accepted_forms_give_exact_value_and_precision(
    raw: object, value: Decimal, precision: Decimal
) -> None:
    written = parse_number(raw)
    assert written.value == value
    assert written.precision == precision
    # Exactness is more than equality: no binary float ever sneaks in.
    assert isinstance(written.value, Decimal)
    assert isinstance(written.precision, Decimal)


def test_decimals_stay_exact_to_the_cent() -> None:
    assert str(parse_number("19,947,304,555,212.49").value) == "19947304555212.49"
    assert str(parse_number(D("19947304555212.49")).value) == "19947304555212.49"


def test_scaled_integers_print_as_people_write_them() -> None:
    # 1.2 million is 1200000, not 1.2E+6: renderers print these values as they are.
    assert str(parse_number("1.2 million").value) == "1200000"
    assert str(parse_number("1.2 million").precision) == "100000"
    assert str(parse_number("$87bn").value) == "87000000000"


def test_percent_is_flagged() -> None:
    assert parse_number("12.5%") == WrittenNumber(D("12.5"), D("0.1"), percent=True)
    assert parse_number("12.5").percent is False
    assert parse_number(12).percent is False


def test_library_floats_are_read_as_written_not_as_binary() -> None:
    assert parse_number(0.1) == WrittenNumber(D("0.1"), D("0.1"))
    assert parse_number(12.5).value == D("12.5")


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        (D(448000), D(1000)),
        (D(325000), D(1000)),
        (D(291001), D(1)),
        (D(10), D(10)),
        (D("12.50"), D("0.01")),
        (D("12.5"), D("0.1")),
        (D("1E+3"), D(1000)),
        (D(0), D(1)),
        (D("0.00"), D("0.01")),
    ],
)
def test_precision_of(value: Decimal, precision: Decimal) -> None:
    assert precision_of(value) == precision


REJECTED: list[object] = [
    "1,2,3",
    "1,23",
    "100,00",
    "1,0000",
    "325,000,",
    "1.234.567",
    "1 2",
    "about",
    "about 32,000",
    "more than 325,000",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "1e5",
    "",
    "   ",
    "12 apples",
    "1.2 gazillion",
    "2024-09-23",
    "$",
    "%",
    "12.5%%",
    "0x1F",
    True,
    False,
    None,
    dt.date(2024, 9, 23),
    dt.datetime(2024, 9, 23, 12, 0),
    D("NaN"),
    D("Infinity"),
    D("-Infinity"),
    float("nan"),
    float("inf"),
    [1, 2],
    {"value": 1},
]


@pytest.mark.parametrize("raw", REJECTED, ids=repr)
def test_rejected_forms_say_which_forms_are_accepted(raw: object) -> None:
    with pytest.raises(NumberFormatError) as caught:
        parse_number(raw)
    assert ACCEPTED_FORMS in str(caught.value)


def test_number_format_error_is_a_value_error() -> None:
    # pydantic turns a ValueError raised in a validator into a located problem.
    assert issubclass(NumberFormatError, ValueError)


def test_rejection_names_what_was_given() -> None:
    with pytest.raises(NumberFormatError, match=r"'about 32,000'"):
        parse_number("about 32,000")
    with pytest.raises(NumberFormatError, match="boolean"):
        parse_number(True)
    with pytest.raises(NumberFormatError, match="groups must be of three"):
        parse_number("1,2,3")
    with pytest.raises(NumberFormatError, match="unknown multiplier 'gazillion'"):
        parse_number("1.2 gazillion")
    # An unquoted 2024-09-23 reaches us as a date: say so as the user wrote it.
    with pytest.raises(NumberFormatError, match=r"got a date \(2024-09-23\);"):
        parse_number(dt.date(2024, 9, 23))


# --- round trips --------------------------------------------------------------------------

SEPARATORS = [",", " ", "\u00a0", "\u202f", "\u2009", "'"]


def _grouped(value: Decimal | int, separator: str) -> str:
    return format(value, ",").replace(",", separator)


@settings(max_examples=examples(200))
@given(
    value=st.integers(min_value=-(10**18), max_value=10**18), separator=st.sampled_from(SEPARATORS)
)
def test_grouped_integers_round_trip(value: int, separator: str) -> None:
    written = parse_number(_grouped(value, separator))
    assert written.value == value
    assert written.precision == precision_of(D(value))
    assert parse_number(value) == written


@settings(max_examples=examples(200))
@given(
    units=st.integers(min_value=-(10**15), max_value=10**15),
    places=st.integers(min_value=0, max_value=6),
    separator=st.sampled_from(SEPARATORS),
)
def test_grouped_decimals_round_trip(units: int, places: int, separator: str) -> None:
    value = D(units).scaleb(-places)
    text = _grouped(value, separator)
    written = parse_number(text)
    assert written.value == value
    # Every written decimal place counts, trailing zeros included: 12.50 -> 0.01.
    expected_precision = D(1).scaleb(-places) if places else precision_of(value)
    assert written.precision == expected_precision
    # The same number handed over as a Decimal (a YAML float) reads the same.
    assert parse_number(value) == written


@settings(max_examples=examples(200))
@given(
    units=st.integers(min_value=1, max_value=999),
    places=st.integers(min_value=0, max_value=2),
    scale=st.sampled_from([("thousand", 3), ("k", 3), ("million", 6), ("m", 6), ("bn", 9)]),
)
def test_scale_words_multiply_value_and_precision(
    units: int, places: int, scale: tuple[str, int]
) -> None:
    word, exponent = scale
    number = D(units).scaleb(-places)
    written = parse_number(f"{number}{word}")
    assert written.value == number.scaleb(exponent)
    assert written.precision == parse_number(str(number)).precision.scaleb(exponent)
