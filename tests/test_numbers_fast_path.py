"""numbers.py's short way for whole numbers gives exactly what its general way gives.

(The general way is the reference: the short one only saves time on large sources.)
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from factcheck.numbers import (
    MAX_NUMBER_TEXT,
    NumberFormatError,
    WrittenNumber,
    _parse_any,
    _plain_whole,
    parse_number,
    precision_of,
)

WHOLE = st.one_of(
    st.integers(0, 10**20).map(str),
    st.integers(0, 10**20).map(lambda n: f"{n:,}"),
    st.from_regex(r"\A0{0,3}[0-9]{1,22}\Z"),  # leading zeros
)


def reading(parse: object, text: str) -> tuple[str, str, bool] | str:
    try:
        number = parse(text)  # type: ignore[operator]
    except NumberFormatError as error:
        return str(error)
    assert isinstance(number, WrittenNumber)
    return repr(number.value), repr(number.precision), number.percent


@given(WHOLE)
def test_the_short_way_is_the_general_way(text: str) -> None:
    if len(text) <= MAX_NUMBER_TEXT:
        assert reading(_plain_whole, text) == reading(_parse_any, text)
        assert reading(parse_number, text) == reading(_parse_any, text)


@given(st.integers(-(10**19), 10**19))
def test_a_whole_number_gets_the_precision_of_its_last_digit(value: int) -> None:
    try:
        number = parse_number(value)
    except NumberFormatError:
        assert abs(value) > 10**18
        return
    assert (repr(number.value), repr(number.precision)) == (
        repr(Decimal(value)),
        repr(precision_of(Decimal(value))),
    )


def test_a_remembered_number_is_the_same_number() -> None:
    assert parse_number("325,000") == parse_number("325,000") == _parse_any("325,000")
    assert parse_number(" 325,000 ") == _parse_any(" 325,000 ")  # the general way
