"""summary.py: the verdict's sentences."""

from __future__ import annotations

from decimal import Decimal

from factcheck.judge.summary import SENTENCES, Phrases
from factcheck.models import Verdict
from tests.conftest import CaseWriter
from tests.judge.cases import fig, judged

D = Decimal


def phrases(low: str, high: str) -> Phrases:
    return Phrases(
        derivation="a + b = 100 reproduces the number exactly",
        value_said="a + b = 100",
        support="the source describes 100.0% of it as lost",
        word="lost",
        low=D(low),
        high=D(high),
        share="40.0%",
        never=" The source never describes these 60 (b) as lost.",
    )


def test_each_band_has_its_sentence() -> None:
    said = phrases("1", "1")
    assert SENTENCES[Verdict.supported](said) == (
        "a + b = 100 reproduces the number exactly, and the source describes 100.0% of it as lost."
    )
    assert SENTENCES[Verdict.misleading](phrases("0.4", "0.4")).startswith(
        "a + b = 100 reproduces the number exactly, but the source describes only 40.0% of it"
    )
    assert "of only some of them" in SENTENCES[Verdict.misleading](phrases("0", "1"))
    assert "does not describe any of it" in SENTENCES[Verdict.false](phrases("0", "0"))
    assert "at most 30.0% of it" in SENTENCES[Verdict.false](phrases("0", "0.3"))


def test_nothing_reproduced_says_what_was_searched(write_case: CaseWriter) -> None:
    figures = [fig("a", 100, "missing"), fig("b", 3000, "missing")]
    counts = judged(write_case(figures, value=1000, precision=1))
    assert counts.summary == (
        "Not reproduced by the source's figures: no combination of up to 4 figures in people "
        "comes within 1.0% of 1,000. The nearest is a = 100 (-90.0%); the most the figures "
        "add up to is 3,100 (a + b)."
    )
    rounds = judged(write_case(figures, value=1000))
    assert "within 1.0% of 1,000 or rounds to it (500 to 1,500)." in rounds.summary
    ratio = judged(write_case([fig("a", 100, "missing")], value=50, unit="percent"))
    assert ratio.summary == (
        "Not reproduced by the source's figures: no change within a series, share of a whole "
        "or figure stated in percent comes within 1.0% or 1 percentage point of 50.0% or "
        "rounds to it (45.0% to 55.0%)."
    )
