"""A `value` as the world writes it, loaded: the unit its mark implies, the written form
kept, and every mismatch a located FC205 (issue 14, items 1 and 5)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.check import check_paths
from factcheck.errors import InputError
from factcheck.load import load_claim
from tests.conftest import CaseWriter

FIGURE = {"id": "f", "describes": "a figure", "described_as": ["lost"]}


def _load(write_case: CaseWriter, value: object, unit: str | None, **claim: object) -> object:
    figure = {**FIGURE, "value": value, **({"unit": unit} if unit else {})}
    return load_claim(write_case([figure], value=1, **claim)).figures[0].figure


@pytest.mark.parametrize(
    ("value", "unit", "implied"),
    [
        ("R17.3bn", None, "ZAR"),
        ("$87bn", None, "USD"),
        ("A$3.4 billion", None, "AUD"),
        ("₹2,000 crore", None, "INR"),
        ("Ksh 1.2 billion", None, "KES"),
        ("a third", None, "percent"),
        ("twice", None, "ratio"),
        ("12.5%", None, "percent"),
        ("$3bn", "AUD", "AUD"),  # "$" is the dollar the unit names
        ("$3bn", "dollars", "dollars"),
        ("R17.3bn", "rand", "rand"),
        ("$3bn", "us_dollars", "us_dollars"),  # a name of one currency takes its mark
        ("£22bn", "pounds_sterling", "pounds_sterling"),
    ],
)
def test_a_mark_implies_the_unit_or_fits_the_one_given(
    write_case: CaseWriter, value: str, unit: str | None, implied: str
) -> None:
    figure = _load(write_case, value, unit)
    assert figure.unit == implied  # type: ignore[attr-defined]
    assert figure.written == value  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("value", "unit", "says"),
    [
        ("R17.3bn", "USD", "'R17.3bn' is written in ZAR (R) but the unit is 'USD'"),
        ("A$3.4 billion", "usd", "written in AUD (A$)"),
        ("$5m", "ZAR", "written in USD ($)"),
        ("£22bn", "dollars", "written in GBP (£)"),
        ("a third", "people", "is a share, read as 33.33333333%"),
        ("three times", "people", "is a multiple (3 times)"),
    ],
)
def test_a_mark_that_contradicts_the_unit_is_a_located_error(
    write_case: CaseWriter, value: str, unit: str, says: str
) -> None:
    path = write_case([{**FIGURE, "value": value, "unit": unit}], value=1)
    with pytest.raises(InputError) as caught:
        load_claim(path)
    (problem,) = caught.value.problems
    assert problem.code == "FC205"
    assert problem.key_path == "figures[0].value"
    assert (problem.line, problem.column) == (10, 10)  # the value, as yaml.safe_dump writes it
    assert says in problem.message


def test_a_claim_in_rand_never_meets_a_figure_in_dollars(write_case: CaseWriter) -> None:
    path = write_case([{**FIGURE, "value": "$17.3bn"}], value="R17.3bn", unit="ZAR")
    case = load_claim(path)
    assert (case.claim.unit, case.figures[0].figure.unit) == ("ZAR", "USD")


def test_the_claim_keeps_its_written_value_and_precision(write_case: CaseWriter) -> None:
    case = load_claim(write_case([{**FIGURE, "value": 5, "unit": "people"}], value="2.1m"))
    assert (case.claim.value, case.claim.precision) == (Decimal(2_100_000), Decimal(100_000))
    assert case.claim.written == "2.1m"
    assert case.figures[0].figure.written == ""  # YAML read a number: nothing to show


def test_a_negative_amount_of_money_is_allowed_in_any_currency(write_case: CaseWriter) -> None:
    assert _load(write_case, "-R5bn", None).value == Decimal(-5_000_000_000)  # type: ignore[attr-defined]


@pytest.mark.parametrize("unit", ["us_dollars", "pounds_sterling", "dollars", "rupees"])
def test_a_negative_amount_is_allowed_in_a_currency_named_by_a_word(
    write_case: CaseWriter, unit: str
) -> None:
    assert _load(write_case, -5, unit).value == Decimal(-5)  # type: ignore[attr-defined]


# --- a wording list split by a thousands comma (item 5) ---------------------------------

SPLIT_SOURCE = """\
id: src
title: A source
publisher: Publisher
published: 2024-01-01
figures:
  - id: houses
    value: 750000
    unit: houses
    described_as: [over 750,000]
  - id: homes
    value: 750000
    unit: houses
    described_as: [over 750,000 houses]
"""


def test_a_wording_list_split_at_a_thousands_comma_says_why(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    path = tmp_path / "source.yaml"
    path.write_text(SPLIT_SOURCE, encoding="utf-8")
    problems = check_paths([str(path)], root=tmp_path)
    split = [p for p in problems if p.code == "FC205"]
    assert [(p.line, p.column, p.key_path) for p in split] == [
        (9, 19, "figures[0].described_as"),
        (13, 19, "figures[1].described_as"),
    ]
    assert "('over 750', '000') look like one wording split" in split[0].message
    assert "('over 750', '000 houses') look like one wording split" in split[1].message
    for problem in split:
        assert "a wording must be text or {term, extent}" in problem.message
        assert "every comma splits items" in problem.message
        assert "expected a mapping" not in problem.message


@pytest.mark.parametrize(
    ("items", "says"),
    [
        (["over 750", 0], "item 2 is the number 0, not a wording"),
        (["houses", 750], "item 2 is the number 750, not a wording"),
        (["over 750", "000 houses"], "items 1 and 2 ('over 750', '000 houses') look like one"),
        ([750, "000"], "item 1 is the number 750"),
    ],
)
def test_split_wordings_names_the_items(items: list[object], says: str) -> None:
    from factcheck.flow_lists import split_wordings

    found = split_wordings(items)
    assert found is not None and says in found


@pytest.mark.parametrize("items", [["houses", "homes"], ["over 750,000"], ["2019", "2020"]])
def test_wordings_that_were_not_split_pass(items: list[object]) -> None:
    from factcheck.flow_lists import split_wordings

    assert split_wordings(items) is None


def test_the_written_form_is_no_key_a_file_may_write(write_case: CaseWriter) -> None:
    figure = {**FIGURE, "value": "220 crore", "unit": "people", "written": "2 crore"}
    with pytest.raises(InputError) as caught:
        load_claim(write_case([figure], value=1))
    (problem,) = caught.value.problems
    assert "unknown key 'written'" in problem.message
    typo = {**FIGURE, "value": 5, "unit": "people", "wrriten": "x"}
    with pytest.raises(InputError) as caught:
        load_claim(write_case([typo], value=1))
    (problem,) = caught.value.problems
    assert problem.code == "FC202"
    assert "written" not in problem.message.split("expected one of:")[1]
