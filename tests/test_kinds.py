"""kinds.py: the ratio kinds and their formulas, in one table."""

from __future__ import annotations

import pytest

from factcheck.kinds import FORMS, RatioKind
from factcheck.models import Combination, Interval, Match, Share, Verdict


def test_every_kind_has_one_row() -> None:
    assert [form.kind for form in FORMS] == list(RatioKind)


@pytest.mark.parametrize(
    ("kind", "formula", "written"),
    [
        (RatioKind.change, "(b - a) / a", "(18,762 - 31,578) / 31,578"),
        (RatioKind.share, "a / b", "31,578 / 18,762"),
        (RatioKind.stated, "a", "31,578"),
    ],
)
def test_formula_and_written_form(kind: RatioKind, formula: str, written: str) -> None:
    assert kind.formula == formula
    assert RatioKind.of_formula(formula) is kind
    assert kind.form.write("31,578", "18,762") == written


def test_an_unknown_formula_is_an_error() -> None:
    with pytest.raises(ValueError, match="no ratio kind"):
        RatioKind.of_formula("a - b")


def test_a_combination_knows_its_kind_from_its_formula() -> None:
    zero = Share(low=0, high=0)  # type: ignore[arg-type]
    fields = {
        "terms": [],
        "expression": "x",
        "value": 1,
        "interval": Interval(low=1, high=1),  # type: ignore[arg-type]
        "difference": 0,
        "relative_difference": 0,
        "match": Match.exact,
        "supported_share": zero,
        "supported_value": zero,
        "unsupported_figures": [],
        "band": Verdict.false,
    }
    assert Combination(**fields).kind is None  # type: ignore[arg-type]
    assert Combination(**fields, formula="a / b").kind is RatioKind.share  # type: ignore[arg-type]
