"""summary.py: the verdict's sentences."""

from __future__ import annotations

from decimal import Decimal

from factcheck import audit
from tests.conftest import REPO, CaseWriter
from tests.judge.cases import fig, judged

D = Decimal


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


def test_the_headline_agrees_with_the_notes() -> None:
    # Rule A7: the only reproduction measures another period than the claim's `covers`; the
    # summary says so, and never "not reproduced" above the note that shows it.
    result = audit(REPO / "claims" / "illustrative-minister-down-20-0pct-six-months.yaml")
    assert result.verdict.value == "unsupported"
    assert result.summary.startswith(
        "The source's figures reproduce the number but measure another period: "
    )
    assert "not the period the claim's number covers (2024-01-01 to 2024-06-30)" in result.summary
    assert "Not reproduced" not in result.summary
    # (A `document` note may follow: the shipped source has a stand-in document.)
    assert [n.kind for n in result.notes if n.kind != "document"] == ["covers"]
    assert result.near_misses


def test_the_new_verdicts_have_their_sentences() -> None:
    # Rule C3: each verdict chosen when nothing reproduces has its own summary.
    over = audit(REPO / "claims" / "trump-2024-02-20-built-571-miles-of-wall.yaml")
    assert over.summary == (
        "Not reproduced: the most these figures add up to is 458 miles (wall_built), 80.2% "
        "of the claim."
    )
    under = audit(REPO / "claims" / "christie-2023-09-27-trump-added-7-trillion-debt.yaml")
    assert under.summary == (
        "Not reproduced, but the source shows more than the claim: debt_2021_01_20 - "
        "debt_2017_01_20 = 7,804,591,681,202.28 is 11.5% larger, and the change between the "
        "source's figures is a rise, which is what 'added' says."
    )
