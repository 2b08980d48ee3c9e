"""qualifiers.py: one row per qualifier; the interval each admits; unknown ones refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.models import Interval
from factcheck.numbers import NumberFormatError, parse_number
from factcheck.qualifiers import (
    QUALIFIER_WORDS,
    QUALIFIERS,
    WRITTEN_FORMS,
    Qualifier,
    UnknownQualifier,
    bounds,
)
from factcheck.wording import amount

D = Decimal


def v1_interval(value: Decimal, qualifier: Qualifier, precision: Decimal) -> Interval:
    """Interval.of as models.py wrote it before the table (format v1)."""
    if qualifier is Qualifier.exact:
        return Interval(low=value, high=value)
    if qualifier is Qualifier.about:
        half = precision / 2
        return Interval(low=value - half, high=value + half)
    if qualifier is Qualifier.more_than:
        return Interval(low=value, high=value + precision, low_open=True, high_open=True)
    if qualifier is Qualifier.at_least:
        return Interval(low=value, high=value + precision, high_open=True)
    if qualifier is Qualifier.less_than:
        return Interval(low=value - precision, high=value, low_open=True, high_open=True)
    if qualifier is Qualifier.at_most:
        return Interval(low=value - precision, high=value, low_open=True)
    return Interval(low=value - precision, high=value, high_open=True)


def test_every_qualifier_has_one_row() -> None:
    assert [row.qualifier for row in QUALIFIERS] == list(Qualifier)
    assert set(QUALIFIER_WORDS) == set(Qualifier)


@pytest.mark.parametrize("qualifier", list(Qualifier))
@pytest.mark.parametrize(
    ("value", "precision"),
    [(D(325000), D(1000)), (D("12.5"), D("0.1")), (D(-40), D(10)), (D(0), D(1))],
)
def test_the_interval_is_the_v1_one_digit_for_digit(
    qualifier: Qualifier, value: Decimal, precision: Decimal
) -> None:
    made = Interval.of(value, qualifier, precision)
    expected = v1_interval(value, qualifier, precision)
    assert made == expected
    assert (str(made.low), str(made.high)) == (str(expected.low), str(expected.high))


def test_an_exact_number_admits_itself_alone() -> None:
    value = D(5)
    low, high, low_open, high_open = bounds(value, Qualifier.exact, D(1))
    assert low is value and high is value  # the same object: the search scales it once
    assert not (low_open or high_open)


@pytest.mark.parametrize("unknown", ["roughly", "", None, "EXACT"])
def test_an_unknown_qualifier_is_an_error(unknown: object) -> None:
    with pytest.raises(UnknownQualifier, match="unknown qualifier"):
        Interval.of(D(100), unknown, D(1))  # type: ignore[arg-type]


def test_a_qualifier_given_as_its_name_is_that_qualifier() -> None:
    assert Interval.of(D(100), "about", D(10)) == Interval.of(  # type: ignore[arg-type]
        D(100), Qualifier.about, D(10)
    )


def test_words_before_a_number() -> None:
    assert amount(Qualifier.more_than, D(291000)) == "more than 291,000"
    assert amount(Qualifier.exact, D("12.5")) == "12.5"


@pytest.mark.parametrize(("form", "qualifier"), sorted(WRITTEN_FORMS.items()))
def test_a_written_form_in_a_value_is_refused_with_its_qualifier(
    form: str, qualifier: Qualifier
) -> None:
    with pytest.raises(NumberFormatError, match=f"`qualifier: {qualifier.value}`"):
        parse_number(f"{form} 3,000")


def test_written_forms_are_prefix_free() -> None:
    # parse_number tries them in the table's order; none may hide another.
    forms = [f"{form} " for form in WRITTEN_FORMS]
    assert not [(a, b) for a in forms for b in forms if a != b and b.startswith(a)]
