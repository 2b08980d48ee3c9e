"""Shared fixtures: the repository root, golden-file comparison, and tiny case builders."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
CLAIMS = sorted((REPO / "claims").glob("*.yaml"))
REFRESH = os.environ.get("FACTCHECK_REFRESH_GOLDEN") == "1"


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run with the repository root as the current directory (paths in output are relative)."""
    monkeypatch.chdir(REPO)
    return REPO


def assert_golden(path: Path, actual: str) -> None:
    """Compare with a golden file; FACTCHECK_REFRESH_GOLDEN=1 rewrites it instead."""
    if REFRESH or not path.exists():
        if not REFRESH:
            pytest.fail(f"golden file {path} is missing; run with FACTCHECK_REFRESH_GOLDEN=1")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path} (FACTCHECK_REFRESH_GOLDEN=1 to update)"


CaseWriter = Callable[..., Path]


@pytest.fixture
def write_case(tmp_path: Path) -> CaseWriter:
    """Write a source and a claim into a fresh repo; return the claim's path."""
    (tmp_path / ".git").mkdir(exist_ok=True)

    def write(
        figures: list[dict[str, Any]], source: dict[str, Any] | None = None, **claim: Any
    ) -> Path:
        source_data = {
            "id": "src",
            "title": "A source",
            "publisher": "Publisher",
            "published": "2024-01-01",
            **(source or {}),
            "figures": figures,
        }
        (tmp_path / "sources").mkdir(exist_ok=True)
        (tmp_path / "claims").mkdir(exist_ok=True)
        (tmp_path / "sources" / "src.yaml").write_text(yaml.safe_dump(source_data, sort_keys=False))
        claim_data = {
            "id": "c",
            "text": "A claim.",
            "speaker": "Someone",
            "date": "2024-06-01",
            "unit": "people",
            "asserts": "lost",
            "sources": ["../sources/src.yaml"],
            **claim,
        }
        path = tmp_path / "claims" / "c.yaml"
        path.write_text(yaml.safe_dump(claim_data, sort_keys=False))
        return path

    return write
