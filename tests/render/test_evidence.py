"""render/evidence.py: the published findings say what is true of the numbers and words."""

from __future__ import annotations

from pathlib import Path

from factcheck.judge import Settings, judge
from factcheck.load import load_claim
from factcheck.models import Audit
from factcheck.render.evidence import Evidence, evidence
from tests.conftest import CaseWriter
from tests.render.library import library_case


def audit(path: Path | str) -> Audit:
    return judge(load_claim(Path(path)), Settings())


def found(path: Path) -> Evidence:
    return evidence(audit(path), "False")


def test_a_share_is_of_the_total_not_of_the_claimed_number(write_case: CaseWriter) -> None:
    # rule A3: 4.5 / 11.9 = 37.8%; of the claimed $12 million it would be 37.5%
    arithmetic = found(library_case(write_case)).arithmetic
    assert arithmetic is not None
    assert "The source describes $4.5 million (37.8% of the $11.9 million total) as slashed." in (
        arithmetic.text
    )
    assert "of the claimed" not in arithmetic.text


def test_a_prorated_share_says_it_is_within_the_claimed_period(in_repo: Path) -> None:
    arithmetic = found(Path("claims/trump-2024-09-23-325k-migrant-children.yaml")).arithmetic
    assert arithmetic is not None
    assert arithmetic.text.endswith(
        "The source describes at most 17,244 (5.3% of the 323,000 total) as lost within the "
        "period the claim attributes."
    )


def test_a_synonym_counts_as_the_claims_word_but_is_not_said_to_be_it(
    write_case: CaseWriter,
) -> None:
    readings = {r.name: r for r in found(library_case(write_case)).readings}
    materials = readings["materials"]
    assert materials.support == (
        "That counts as slashed (\u201creduced\u201d is read as a word for it)."
    )
    assert materials.says == "Counts as \u201cslashed\u201d: yes."
    assert "says slashed" not in materials.support.lower()


def test_the_claims_own_word_in_another_inflection_still_says_it(write_case: CaseWriter) -> None:
    figures = [
        {"id": "a", "value": 60, "unit": "people", "described_as": ["were slashing jobs"]},
        {"id": "b", "value": 40, "unit": "people", "described_as": ["reduced", "slashed"]},
    ]
    path = write_case(figures, value=100, precision=1, asserts="slashed")
    readings = {r.name: r for r in found(path).readings}
    assert readings["a"].support == "That says slashed."
    assert readings["a"].says == "Says \u201cslashed\u201d: yes."
    # one of its words says it, the other is a synonym: each is named for what it does
    assert readings["b"].support == (
        "\u201cslashed\u201d says slashed; \u201creduced\u201d counts as slashed."
    )
    assert readings["b"].says == "Says \u201cslashed\u201d: yes."


def test_a_value_the_qualifier_admits_is_not_called_exact(write_case: CaseWriter) -> None:
    # "nearly $12 million" admits $11.9 million: the match is `exact`, the values are not
    result = found(library_case(write_case))
    assert "exactly" not in result.summary
    assert (
        "reproduces the claimed $12 million within the range the claim's \u201cnearly\u201d "
        "allows (0.8% less)"
    ) in result.summary
    assert result.arithmetic is not None
    assert result.arithmetic.text.startswith(
        "The figures reproduce the claimed number within the range the claim's "
        "\u201cnearly\u201d allows."
    )
    assert result.arithmetic.others == [
        "vacancy_savings + deferred + new_funding = $11.5 million: within the range the "
        "claim's \u201cnearly\u201d allows, -4.2%; described as slashed: 0.0%"
    ]


def test_the_claimed_value_itself_is_exact(write_case: CaseWriter) -> None:
    result = found(library_case(write_case, value=11_900_000, qualifier="exact"))
    assert "reproduces the claimed $11.9 million exactly" in result.summary
