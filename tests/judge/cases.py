"""Small hand-made cases for the judge's tests: figures, monthly series, and the audit."""

from __future__ import annotations

import calendar
from pathlib import Path
from typing import Any

from factcheck import audit
from factcheck.judge import Settings
from factcheck.models import Audit, Combination

SIX = [100, 200, 300, 400, 500, 600]  # Jan - Jun 2024
# Jan 31,578 -> Feb 18,762: (18,762 - 31,578) / 31,578 = -40.6%
FALL = [31578, 18762, 20000]


def fig(id: str, value: object, *words: object, **extra: object) -> dict[str, object]:
    return {"id": id, "value": value, "unit": "people", "described_as": list(words), **extra}


def judged(path: Path, **settings: Any) -> Audit:
    return audit(path, Settings(**settings))


def monthly(
    values: list[int],
    *,
    year: int = 2024,
    first: int = 1,
    series: str = "encounters_monthly",
    unit: str = "encounters",
    words: list[Any] | None = None,
    prefix: str = "m",
) -> list[dict[str, Any]]:
    """One figure per month from year-first on, each with its own period."""
    figures = []
    for k, value in enumerate(values):
        y, m = year + (first - 1 + k) // 12, (first - 1 + k) % 12 + 1
        figures.append(
            {
                "id": f"{prefix}{y}_{m:02d}",
                "value": value,
                "unit": unit,
                "series": series,
                "period": {
                    "start": f"{y}-{m:02d}-01",
                    "end": f"{y}-{m:02d}-{calendar.monthrange(y, m)[1]}",
                },
                "described_as": list(words) if words is not None else ["border encounters"],
            }
        )
    return figures


def basis(result: Audit) -> Combination:
    assert result.basis is not None, result.summary
    return result.combinations[result.basis]


def kinds(result: Audit) -> list[str]:
    return [note.kind for note in result.notes]


def change_claim(**more: Any) -> dict[str, Any]:
    return {
        "value": "40.6",
        "unit": "percent",
        "asserts": "down",
        "covers": {"start": "2024-02-01", "end": "2024-02-29"},
        **more,
    }
