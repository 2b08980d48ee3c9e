"""ranking.py: matches ranked by terms, exactness and distance; the best `top` kept."""

from __future__ import annotations

import itertools
from collections.abc import Hashable

import pytest

from factcheck.models import Match
from factcheck.search import ALL, MaxTerms, Selection, search
from tests.search.helpers import BOTH, EVERYTHING, everything_found, figure, found_ids, target


@pytest.mark.parametrize("max_terms", [3, ALL])
def test_ranking_fewer_terms_then_exact_then_closer(max_terms: MaxTerms) -> None:
    candidates = [
        figure("a", 100),
        figure("b", 101),
        figure("c", 60),
        figure("d", 40),
        figure("e", 99),
        figure("f", 1),
    ]
    claim = target(100, tolerance="0.02")
    ranked = everything_found(search(candidates, claim, max_terms=max_terms, top=EVERYTHING))
    ids = [found_ids(candidates, found) for found in ranked]
    assert ids[:3] == [[("a", 1)], [("b", 1)], [("e", 1)]]
    assert [found.match for found in ranked[:3]] == [
        Match.exact,
        Match.approximate,
        Match.approximate,
    ]
    assert ranked[3].match is Match.exact and len(ranked[3].selection) == 2
    for earlier, later in itertools.pairwise(ranked):
        assert earlier.rank < later.rank
        assert len(earlier.selection) <= len(later.selection)


@pytest.mark.parametrize("max_terms", BOTH)
def test_a_four_term_exact_sum_never_outranks_a_plain_approximate_one(max_terms: MaxTerms) -> None:
    candidates = [figure(f"f{k}", value) for k, value in enumerate([25, 25, 25, 25, 99])]
    ranked = everything_found(search(candidates, target(100), max_terms=max_terms, top=EVERYTHING))
    assert found_ids(candidates, ranked[0]) == [("f4", 1)]
    assert ranked[0].match is Match.approximate


def test_top_keeps_the_best_per_bucket_and_counts_every_match() -> None:
    candidates = [figure(f"f{k}", 10) for k in range(6)]

    def by_size(selection: Selection) -> Hashable:
        return len(selection)

    for max_terms in BOTH:
        full = search(candidates, target(30), max_terms=max_terms, classify=by_size, top=EVERYTHING)
        capped = search(candidates, target(30), max_terms=max_terms, classify=by_size, top=2)
        assert capped.counts == full.counts == {3: 20}
        assert capped.found[3] == full.found[3][:2]
