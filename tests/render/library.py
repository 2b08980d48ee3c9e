"""A new user's case for the published formats: "The mayor slashed nearly $12 million from
our libraries", reproduced by $7.4m of vacancy savings and a $4.5m "reduced" materials
budget ($11.9m): a share of $11.9m, not of $12m; a source that says "reduced", not
"slashed"; a value the claim's "nearly" admits, not the claimed value exactly."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import CaseWriter

FIGURES = [
    {"id": "total", "value": 48_200_000, "unit": "USD", "label": "the library budget"},
    {
        "id": "vacancy_savings",
        "value": 7_400_000,
        "unit": "USD",
        "described_as": ["vacancy savings"],
    },
    {
        "id": "materials",
        "value": 4_500_000,
        "unit": "USD",
        "described_as": ["materials budget is reduced"],
    },
    {"id": "deferred", "value": 3_000_000, "unit": "USD"},
    {"id": "new_funding", "value": 1_100_000, "unit": "USD"},
]


def library_case(write_case: CaseWriter, **changes: object) -> Path:
    claim: dict[str, object] = {
        "text": "The mayor slashed nearly $12 million from our libraries",
        "value": 12_000_000,
        "qualifier": "nearly",
        "unit": "USD",
        "asserts": "slashed",
        **changes,
    }
    return write_case(FIGURES, **claim)
