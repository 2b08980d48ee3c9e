"""settings.py: the search settings, from the caller, the claim file or the defaults."""

from __future__ import annotations

from decimal import Decimal

from factcheck import audit
from factcheck.judge import Settings
from factcheck.models import Verdict
from tests.conftest import CaseWriter
from tests.judge.cases import fig


def test_tolerance_setting_widens_the_match(write_case: CaseWriter) -> None:
    path = write_case([fig("a", 950, "missing")], value=1000, precision=1)
    assert audit(path).verdict is Verdict.overstated  # 1,000 is beyond all there is
    assert audit(path).largest is not None
    assert audit(path, Settings(tolerance=Decimal("0.06"))).verdict is Verdict.supported


def test_claim_synonyms_extend_the_lexicon(write_case: CaseWriter) -> None:
    path = write_case([fig("a", 500, "evaporated")], value=500, synonyms={"lost": ["evaporated"]})
    assert audit(path).verdict is Verdict.supported


def test_budget_makes_the_search_incomplete_and_says_so(write_case: CaseWriter) -> None:
    figures = [fig(f"f{i}", 100 + i, "x") for i in range(12)]
    result = audit(write_case(figures, value=410), Settings(budget=50))
    assert not result.search.complete
    assert any(n.kind == "search" and "--budget" in n.message for n in result.notes)
