"""Quotients of two figures ("N times", per head, rates): judge/quotients.py, issue 14 item 2."""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.judge.quotients import Asked, asked, pairs, quotients
from factcheck.kinds import RatioKind
from factcheck.load import load_claim
from factcheck.models import Verdict
from tests.judge.cases import basis, judged


def _write(tmp_path: Path, figures: list[dict[str, Any]], claim: dict[str, Any]) -> Path:
    (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
    source = {
        "id": "s",
        "title": "T",
        "publisher": "P",
        "published": "2019-08-29",
        "figures": figures,
    }
    (tmp_path / "s.yaml").write_text(yaml.safe_dump(source), encoding="utf-8")
    base = {
        "id": "c",
        "speaker": "S",
        "date": "2019-09-07",
        "asserts": "waiting",
        "sources": ["s.yaml"],
    }
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump({**base, **claim}), encoding="utf-8")
    return path


WAITING = [
    {"id": "ni", "value": 105486, "unit": "patients", "described_as": ["waiting"]},
    {"id": "england", "value": 1089, "unit": "patients", "described_as": ["waiting"]},
    {"id": "ni_people", "value": 1881600, "unit": "people"},
    {"id": "england_people", "value": 55977178, "unit": "people"},
]


def test_times_is_a_quotient_of_two_figures_in_one_unit(tmp_path: Path) -> None:
    claim = {"text": "Our lists are 100 times England's.", "value": 100, "unit": "times"}
    result = judged(_write(tmp_path, WAITING, claim))
    assert result.verdict is Verdict.supported
    found = basis(result)
    assert found.kind is RatioKind.quotient and found.formula == "a : b"
    assert found.expression == "ni / england"
    assert found.coincidence is not None
    assert found.coincidence.combinations_searched == 4  # the pairs tried: 2 in each unit


def test_quotients_are_never_tried_unless_the_claim_asks(tmp_path: Path) -> None:
    claim = {"text": "Our lists are at 100.", "value": 100, "unit": "ratio"}
    result = judged(_write(tmp_path, WAITING, claim))
    assert result.verdict is Verdict.unsupported
    assert result.search.combinations_examined == 0
    asks = judged(_write(tmp_path, WAITING, {**claim, "formula": "a / b"}))
    assert asks.verdict is Verdict.supported


def test_a_rate_per_1000_divides_by_a_base_in_another_unit(tmp_path: Path) -> None:
    claim = {"text": "56 waiting per 1,000 people.", "value": 56, "unit": "ratio"}
    result = judged(_write(tmp_path, WAITING, claim))
    found = basis(result)
    assert found.expression == "ni / ni_people x 1,000"  # 105,486 / 1,881,600 x 1,000 = 56.06
    assert result.verdict is Verdict.supported
    per = judged(_write(tmp_path, WAITING, {**claim, "text": "56 a thousand", "per": 1000}))
    assert basis(per).expression == found.expression


def test_among_many_figures_a_quotient_match_is_a_coincidence(tmp_path: Path) -> None:
    """40 figures make 1,560 pairs: one lands near any number, and the estimate says so."""
    rng = random.Random(40)
    figures = [
        {
            "id": f"f{k}",
            "value": rng.randint(1_000, 100_000),
            "unit": "patients",
            "described_as": ["waiting"],
        }
        for k in range(40)
    ]
    claim = {"text": "2.5 times as many", "value": 2.5, "unit": "times"}
    result = judged(_write(tmp_path, figures, claim))
    assert result.verdict is Verdict.unsupported
    note = next(n for n in result.notes if n.kind == "coincidence")
    assert "of the 1,560 combinations of 2 figures searched" in note.message
    few = judged(_write(tmp_path, figures[:2] + WAITING[:2], {**claim, "value": 100}))
    assert few.verdict is Verdict.supported  # 12 pairs: 96.9 is telling or weak, not chance


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("100 times bigger", None),
        ("a threefold rise", None),
        ("5.6 per head", Fraction(1)),
        ("56 per 1,000 people", Fraction(1000)),
        ("5,600 per 100,000", Fraction(100000)),
        ("56 per thousand", Fraction(1000)),
    ],
)
def test_the_words_that_ask(text: str, per: Fraction | None, tmp_path: Path) -> None:
    path = _write(tmp_path, WAITING, {"text": text, "value": 1, "unit": "ratio"})
    assert asked(load_claim(path).claim) == Asked(per)


def test_percent_is_not_a_rate(tmp_path: Path) -> None:
    path = _write(tmp_path, WAITING, {"text": "up 5 per cent", "value": 5, "unit": "percent"})
    assert asked(load_claim(path).claim) is None


_UNITS = st.sampled_from(["patients", "people"])


@settings(max_examples=40, deadline=None)
@given(
    values=st.lists(st.tuples(st.integers(1, 10**6), _UNITS), min_size=1, max_size=7),
    per=st.sampled_from([None, 1, 1000]),
    claim=st.integers(1, 2000),
)
def test_the_quotients_tried_are_every_admissible_pair(
    values: list[tuple[int, str]], per: int | None, claim: int, tmp_path_factory: Any
) -> None:
    """Brute force: every ordered pair of distinct figures, in one unit for "times" and in
    two for a rate, is tried once, and reproduces the claim exactly when a / b x per does."""
    tmp_path = tmp_path_factory.mktemp("q")
    figures = [{"id": f"f{k}", "value": v, "unit": u} for k, (v, u) in enumerate(values)]
    text = "x times" if per is None else f"x per {per:,}"
    path = _write(
        tmp_path,
        figures,
        {"text": text, "value": claim, "unit": "ratio", "tolerance": 0, "precision": 1},
    )
    case = load_claim(path)
    how = asked(case.claim)
    assert how is not None
    expected = {
        (a["id"], b["id"])
        for a in figures
        for b in figures
        if a is not b and (a["unit"] == b["unit"]) == (per is None)
    }
    assert {(a.figure.id, b.figure.id) for a, b in pairs(case, how)} == expected
    factor = Fraction(per or 1)
    made = {(r.a.figure.id, r.b.figure.id): r.value for r in quotients(case, 1, how)}  # type: ignore[union-attr]
    by_id = {f["id"]: f["value"] for f in figures}
    for (a, b), value in made.items():
        assert value == Fraction(by_id[a], by_id[b]) * factor
    result = judged(path)
    # Said to the unit (precision 1) with no tolerance: within half a unit rounds to it (B1).
    reproduces = any(
        abs(Fraction(by_id[a], by_id[b]) * factor - claim) <= Fraction(1, 2) for a, b in expected
    )
    listed = [c for c in result.combinations if c.kind is RatioKind.quotient]
    assert bool(listed) == reproduces
