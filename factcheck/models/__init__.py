"""The typed data of factcheck: what the YAML files say (inputs.py) and what an audit finds
(results.py). Every name stays importable from `factcheck.models`, as before the split.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from factcheck.models.inputs import (
    FIGURE_ID_PATTERN,
    ID_PATTERN,
    SIGNED_UNITS,
    Claim,
    Extent,
    Figure,
    Period,
    Qualifier,
    Source,
    SourceDocument,
    Statement,
    TableCell,
    Verdict,
    WebAddress,
    Wording,
)

if TYPE_CHECKING:
    from factcheck.models.results import (
        SCHEMA_VERSION,
        Audit,
        ChangeInfo,
        ClaimSummary,
        Coincidence,
        Combination,
        DocumentFound,
        FigureFound,
        FigureReading,
        Interval,
        LargestTotal,
        Match,
        Note,
        PhraseFound,
        Reproduced,
        SearchStats,
        Share,
        SourceSummary,
        Term,
        WindowInfo,
    )

# The audit's models are made on first use: `check` validates files and never needs them.
# Every name in __all__ not imported above is one of results.py's.


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.results"), name)
    globals()[name] = value
    return value


__all__ = [
    "FIGURE_ID_PATTERN",
    "ID_PATTERN",
    "SCHEMA_VERSION",
    "SIGNED_UNITS",
    "Audit",
    "ChangeInfo",
    "Claim",
    "ClaimSummary",
    "Coincidence",
    "Combination",
    "DocumentFound",
    "Extent",
    "Figure",
    "FigureFound",
    "FigureReading",
    "Interval",
    "LargestTotal",
    "Match",
    "Note",
    "Period",
    "PhraseFound",
    "Qualifier",
    "Reproduced",
    "SearchStats",
    "Share",
    "Source",
    "SourceDocument",
    "SourceSummary",
    "Statement",
    "TableCell",
    "Term",
    "Verdict",
    "WebAddress",
    "WindowInfo",
    "Wording",
]
