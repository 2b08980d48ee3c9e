"""prepare.py and scale.py: decimals on one integer scale, exactly."""

from __future__ import annotations

import pytest

from factcheck.models import Match, Qualifier
from factcheck.search import ALL, MaxTerms, search
from tests.search.helpers import D, everything_found, figure, found_ids, target


@pytest.mark.parametrize("max_terms", [2, ALL])
def test_decimals_stay_exact(max_terms: MaxTerms) -> None:
    candidates = [
        figure("a", "19947304555212.49"),
        figure("b", "0.01"),
        figure("c", "12.5", Qualifier.about, "0.1"),
    ]
    claim = target("19947304555212.50", tolerance="0")
    (only,) = everything_found(search(candidates, claim, max_terms=max_terms))
    assert found_ids(candidates, only) == [("a", 1), ("b", 1)]
    assert only.point == D("19947304555212.50")
    assert only.match is Match.exact
