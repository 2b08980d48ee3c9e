"""What loading hands on: a claim with its sources and every figure, each with its origin."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.load.document import Document, KeyPath
from factcheck.models import Claim, Figure, Source

if TYPE_CHECKING:
    from factcheck.load.provenance import DocumentCheck


@dataclass(frozen=True)
class LoadedSource:
    source: Source
    path: Path
    document: Document
    # The source's `document:` read and checked (provenance.py); None when it names none.
    provenance: DocumentCheck | None = None


@dataclass(frozen=True)
class FigureOrigin:
    figure: Figure
    source_id: str  # the claim's own id for inline figures
    document: Document
    key_path: KeyPath


@dataclass(frozen=True)
class Case:
    """A claim with everything it is audited against, validated and cross-checked."""

    claim: Claim
    path: Path
    sources: list[LoadedSource]
    figures: list[FigureOrigin]  # inline figures first, then each source's, in file order

    def figure(self, figure_id: str) -> Figure:
        return self.by_id[figure_id].figure

    @property
    def by_id(self) -> dict[str, FigureOrigin]:
        return {origin.figure.id: origin for origin in self.figures}
