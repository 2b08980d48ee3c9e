"""verdict.py and bands.py at work: the band each combination earns, the most favourable
one that counts, the ranking of the listed combinations, proration to the attributed period
(rule D) and the verdicts when nothing reproduces (rule C3)."""

from __future__ import annotations

from decimal import Decimal

from factcheck import audit
from factcheck.models import Verdict
from tests.conftest import CaseWriter
from tests.judge.cases import SIX, fig, judged, monthly


def test_supported_when_the_source_uses_the_claims_word(write_case: CaseWriter) -> None:
    result = audit(write_case([fig("missing", 1200, "went missing")], value=1200))
    assert result.verdict is Verdict.supported
    assert result.combinations[0].supported_share.low == 1
    assert result.reproduced.value == "exact"


def test_misleading_when_the_word_covers_only_some(write_case: CaseWriter) -> None:
    words = {"term": "whereabouts unknown", "extent": "some"}
    result = audit(write_case([fig("fta", 32000, words)], value=32000))
    assert result.verdict is Verdict.misleading
    share = result.combinations[0].supported_share
    assert (share.low, share.high) == (0, 1)
    assert [n.kind for n in result.notes] == ["extent"]


def test_false_when_most_of_the_sum_is_never_called_that(write_case: CaseWriter) -> None:
    figures = [fig("a", 291000, "not served a notice"), fig("b", 32000, "missing")]
    result = audit(write_case(figures, value=325000, qualifier="more_than"))
    assert result.verdict is Verdict.false
    assert result.combinations[0].expression == "a + b"
    assert result.combinations[0].unsupported_figures == ["a"]
    assert "never describes these 291,000 (a) as lost" in result.summary


def test_unsupported_when_nothing_comes_within_tolerance(write_case: CaseWriter) -> None:
    # 2,000 is more than half the claim above it: neither understated nor overstated.
    figures = [fig("a", 100, "missing"), fig("b", 2000, "missing")]
    result = audit(write_case(figures, value=1000, precision=1))
    assert result.verdict is Verdict.unsupported
    assert result.basis is None
    assert result.reproduced.value == "none"
    assert result.unused_figures == ["a", "b"]
    assert result.summary.startswith("Not reproduced by the source's figures")
    # It names the nearest combination and the largest total (rules C1, C2, C3).
    assert "The nearest is a = 100 (-90.0%)" in result.summary
    assert "the most the figures add up to is 2,100 (a + b)" in result.summary
    assert [c.expression for c in result.nearest] == ["a", "b", "a + b"]
    assert [c.match.value for c in result.nearest] == ["none"] * 3
    assert result.largest is not None and result.largest.value == 2100


def test_overstated_when_the_claim_exceeds_the_largest_total(write_case: CaseWriter) -> None:
    # Rule C3, the wall: 571 miles claimed, the parts add up to 458 at most.
    figures = [
        fig("system", 438, "built", unit="miles"),
        fig("new_primary", 52, "built", unit="miles", part_of="system"),
        fig("new_secondary", 33, "built", unit="miles", part_of="system"),
        fig("replacement_primary", 351, "built", unit="miles", part_of="system"),
        fig("replacement_secondary", 22, "built", unit="miles", part_of="system"),
    ]
    result = audit(write_case(figures, value=571, unit="miles", asserts="built"))
    assert result.verdict is Verdict.overstated
    assert result.largest is not None and result.largest.value == 458
    assert result.summary == (
        "Not reproduced: the most these figures add up to is 458 miles (new_primary + "
        "new_secondary + replacement_primary + replacement_secondary), 80.2% of the claim."
    )


def test_understated_when_a_larger_supported_combination_is_near(write_case: CaseWriter) -> None:
    # Rule C3, the debt: "added $7 trillion" where the debt rose $7.8 trillion.
    figures = [
        fig("debt_2017", "19947304555212.49", "debt", unit="USD", series="d", as_of="2017-01-20"),
        fig("debt_2021", "27751896236414.77", "debt", unit="USD", series="d", as_of="2021-01-20"),
    ]
    result = audit(write_case(figures, value="$7 trillion", unit="USD", asserts="added"))
    assert result.verdict is Verdict.understated
    assert result.reproduced.value == "none"
    found = result.combinations[result.basis or 0]
    assert found.expression == "debt_2021 - debt_2017" and found.match.value == "none"
    assert found.supported_share.low == 1
    assert result.summary.startswith("Not reproduced, but the source shows more than the claim")
    # More than half the claim above it, it is not understated.
    far = audit(write_case(figures, value="$5 trillion", unit="USD", asserts="added"))
    assert far.verdict is Verdict.unsupported


def test_verdict_is_the_most_favourable_band(write_case: CaseWriter) -> None:
    # The plain one-term match is false, a two-term match is supported: charity picks it.
    figures = [fig("a", 1000, "counted"), fig("b", 600, "missing"), fig("c", 400, "vanished")]
    result = audit(write_case(figures, value=1000, precision=1))
    assert result.combinations[0].expression == "a"
    assert result.verdict is Verdict.supported
    assert result.basis is not None
    assert result.combinations[result.basis].expression == "b + c"


def test_ranking_prefers_fewer_terms_then_exact_then_closer(write_case: CaseWriter) -> None:
    figures = [fig("a", 1005, "x"), fig("b", 500, "x"), fig("c", 500, "x"), fig("d", 999, "x")]
    result = audit(write_case(figures, value=1000, precision=1))
    expressions = [c.expression for c in result.combinations]
    assert expressions[:2] == ["d", "a"]  # 1 term, closer first (both approximate)
    assert expressions[2] == "b + c"


def test_a_round_number_is_reproduced_by_what_rounds_to_it(write_case: CaseWriter) -> None:
    # Rule B1, the police: "20,000 more police officers" against 20,951 recruited (Full
    # Fact: correct). 20,000 is written to the ten thousand: 15,000 to 25,000 round to it.
    figures = [
        fig("recruits", 20951, "recruited", unit="officers"),
        fig("a", 9100, "recruited", unit="officers"),
        fig("b", 5850, "recruited", unit="officers"),
        fig("c", 5100, "recruited", unit="officers"),
    ]
    result = audit(write_case(figures, value="20,000", unit="officers", asserts="recruited"))
    assert result.verdict is Verdict.supported
    found = result.combinations[result.basis or 0]
    assert (found.expression, found.match.value) == ("recruits", "rounded")
    # One figure that rounds to the claim outranks a three-figure sum within 1%.
    assert [c.expression for c in result.combinations][:2] == ["recruits", "a + b + c"]
    assert result.reproduced.value == "rounded"
    assert "reproduces the number as rounded (+4.8%)" in result.summary
    # Qualified ("nearly 20,000": 10,000 to 20,000), the number is an interval of its own,
    # and nothing is read as rounded.
    nearly = audit(
        write_case(
            figures, value="20,000", qualifier="nearly", unit="officers", asserts="recruited"
        )
    )
    assert "recruits" not in [c.expression for c in nearly.combinations]
    assert "rounded" not in [c.match.value for c in nearly.combinations]


def test_period_note_and_proration(write_case: CaseWriter) -> None:
    # Rule D: a figure over 2019-2020 supports only its days inside the claimed period.
    figures = [fig("a", 500, "missing")]
    source = {"period": {"start": "2019-01-01", "end": "2020-12-31"}}
    claim_period = {"start": "2020-07-01", "end": "2024-01-01"}
    result = audit(write_case(figures, source, value=500, period=claim_period))
    assert result.verdict is Verdict.false  # 184 of 731 days: 126 of 500 supported
    found = result.combinations[0]
    assert found.supported_value.low == 126 and found.supported_share.low == Decimal("0.252")
    note = next(n for n in result.notes if n.kind == "period")
    assert "74.8%" in note.message and "2019-01-01 to 2020-06-30" in note.message
    assert "Of 500, about 126 fall within it" in note.message


def test_a_window_is_prorated_member_by_member(write_case: CaseWriter) -> None:
    # Feb - May (1,400) against a period from May: only May's 500 lies inside.
    path = write_case(
        monthly(SIX),
        value=1400,
        unit="encounters",
        asserts="crossed",
        period={"start": "2024-05-01", "end": "2024-07-31"},
    )
    result = judged(path)
    assert result.verdict.value == "false"
    assert result.combinations[result.basis or 0].supported_value.low == 500
    assert "about 500 fall within it" in next(n.message for n in result.notes if n.kind == "period")


def test_a_figure_without_a_period_is_noted_as_unchecked(write_case: CaseWriter) -> None:
    # Rule A6: no silent skips.
    claim_period = {"start": "2020-07-01", "end": "2024-01-01"}
    result = audit(write_case([fig("a", 500, "missing")], value=500, period=claim_period))
    assert result.verdict is Verdict.supported
    assert [n.message for n in result.notes if n.kind == "period"] == [
        "The source gives no period for a, so whether it falls within the period the claim "
        "attributes (2020-07-01 to 2024-01-01) is unchecked."
    ]
