"""What the source's own words for each figure say about the claim's word (its predicate)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from factcheck.lexicon import Lexicon, WordingMatch, normalise
from factcheck.load import FigureOrigin
from factcheck.models import Extent, Figure, FigureReading

Support = Literal["all", "some", "none"]


@dataclass
class Reading:
    """What the source's wordings for one figure say about one predicate."""

    support: Support
    supporting: list[str] = field(default_factory=list)
    # For each supporting wording, what it was counted by: the predicate itself (in any
    # inflection) or the synonym the lexicon found in it ("reduced" for "slashed").
    counted_by: list[str] = field(default_factory=list)
    blocked: list[WordingMatch] = field(default_factory=list)


Readings = dict[str, Reading]  # by figure id


def read(figure: Figure, predicate: str, lexicon: Lexicon) -> Reading:
    """Whether the figure's wordings say the predicate of all of it, of some, or not at all;
    a hedged or negated wording ("may have been lost") is kept apart as blocked."""
    reading = Reading("none")
    for wording in figure.described_as:
        found = lexicon.match(wording.term, predicate)
        if found is None:
            continue
        if not found.says:
            reading.blocked.append(found)
            continue
        reading.supporting.append(wording.term)
        # The predicate is the first of its wordings: found there, the term says it itself.
        own = found.wording == normalise(predicate)
        reading.counted_by.append(predicate if own else found.wording)
        if wording.extent is Extent.all:
            reading.support = "all"
        elif reading.support == "none":
            reading.support = "some"
    return reading


def read_all(origins: Iterable[FigureOrigin], predicate: str, lexicon: Lexicon) -> Readings:
    return {o.figure.id: read(o.figure, predicate, lexicon) for o in origins}


def figure_reading(origin: FigureOrigin, readings: Readings) -> FigureReading:
    """One figure as the audit reports it: its words and what they say of the claim's word."""
    figure = origin.figure
    reading = readings.get(figure.id, Reading("none"))
    return FigureReading(
        figure=figure.id,
        source=origin.source_id,
        value=figure.value,
        qualifier=figure.qualifier,
        unit=figure.unit,
        describes=figure.describes,
        described_as=[w.term for w in figure.described_as],
        supports=reading.support,
        supporting_terms=reading.supporting,
        supporting_wordings=reading.counted_by,
        quote=figure.quote,
        page=figure.page,
        value_as_written=figure.written or None,
    )
