"""factcheck: audit a public numeric claim against the figures its sources actually print.

Library use::

    from factcheck import audit
    result = audit("claims/trump-2024-09-23-325k-migrant-children.yaml")
    result.verdict  # Verdict.false
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["__version__", "audit"]

if TYPE_CHECKING:
    from factcheck.judge import Settings
    from factcheck.models import Audit


def audit(claim_path: str | Path, settings: Settings | None = None) -> Audit:
    """Load a claim file and its sources, search, judge: the whole of `factcheck verify`."""
    from factcheck.judge import judge
    from factcheck.load import load_claim

    return judge(load_claim(Path(claim_path)), settings)
