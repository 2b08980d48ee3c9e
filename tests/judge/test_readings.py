"""judge/readings.py: what the source's words for each figure say of the claim's word."""

from __future__ import annotations

from factcheck.judge import Settings, judge
from factcheck.load import load_claim
from tests.conftest import CaseWriter


def test_each_supporting_wording_names_what_it_was_counted_by(write_case: CaseWriter) -> None:
    # "reduced" counts as "slashed" (a lexicon synonym), "slashing" is the word itself: the
    # JSON says which, so that published text never says "slashed" for "reduced"
    figures = [
        {"id": "a", "value": 60, "unit": "USD", "described_as": ["budget is reduced"]},
        {"id": "b", "value": 40, "unit": "USD", "described_as": ["kept slashing", "cut"]},
    ]
    path = write_case(figures, value=100, precision=1, unit="USD", asserts="slashed")
    found = {r.figure: r for r in judge(load_claim(path), Settings()).figures}
    assert found["a"].supporting_wordings == ["reduced"]
    assert found["b"].supporting_terms == ["kept slashing", "cut"]
    assert found["b"].supporting_wordings == ["slashed", "cut"]
