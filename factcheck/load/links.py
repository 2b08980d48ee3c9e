"""The relations of issue 14, checked on load: `overlaps` (with `overlap_statement`) and
`superseded_by` (with `published` dates).

Every target exists and is not the figure itself; an overlap's statement is one of its
source's statements; revisions never go round in a circle, stay in one unit, and the newer
figure is published after the one it replaces (a figure's `published`, else its source's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from factcheck.errors import Problem
from factcheck.load.case import FigureOrigin
from factcheck.load.document import shown
from factcheck.models import Source
from factcheck.units import same_unit


def check_links(
    figures: Sequence[FigureOrigin], sources: Sequence[Source], *, alone: bool = False
) -> list[Problem]:
    """Problems of overlaps, overlap statements and revisions among these figures. `alone`:
    one source checked by itself, whose revisions may be figures of a later source."""
    if not any(
        o.figure.overlaps or o.figure.overlap_statement or o.figure.superseded_by for o in figures
    ):
        return []
    by_id: dict[str, FigureOrigin] = {}
    for origin in figures:
        by_id.setdefault(origin.figure.id, origin)
    by_source = {source.id: source for source in sources}
    problems: list[Problem] = []
    for origin in by_id.values():
        problems += _overlaps(origin, by_id, by_source)
        if not (alone and origin.figure.superseded_by not in by_id):
            problems += _revision(origin, by_id, by_source)
    problems += _circles(by_id)
    return problems


def _named(
    origin: FigureOrigin,
    relation: str,
    target: str,
    where: tuple[str | int, ...],
    by_id: Mapping[str, FigureOrigin],
) -> Problem | None:
    if target == origin.figure.id:
        return origin.document.problem(
            where, f"figure {origin.figure.id!r} names itself in {relation}", "FC403"
        )
    if target not in by_id:
        return origin.document.problem(
            where, f"{relation} names {shown(target)}, which is no figure", "FC402"
        )
    return None


def _overlaps(
    origin: FigureOrigin, by_id: Mapping[str, FigureOrigin], by_source: Mapping[str, Source]
) -> list[Problem]:
    figure = origin.figure
    problems = []
    for index, target in enumerate(figure.overlaps):
        found = _named(
            origin,
            "overlaps",
            target,
            origin.document.item((*origin.key_path, "overlaps"), index),
            by_id,
        )
        if found is not None:
            problems.append(found)
    statement = figure.overlap_statement
    if statement is not None:
        source = by_source.get(origin.source_id)
        ids = [s.id for s in source.statements] if source is not None else []
        if statement not in ids:
            known = f" (its statements: {', '.join(ids)})" if ids else " (it has no statements)"
            problems.append(
                origin.document.problem(
                    (*origin.key_path, "overlap_statement"),
                    f"overlap_statement names {shown(statement)}, which is no statement of "
                    f"this figure's source{known}",
                    "FC408",
                )
            )
        elif not figure.overlaps:
            problems.append(
                origin.document.problem(
                    (*origin.key_path, "overlap_statement"),
                    "overlap_statement without overlaps: name the figures it may share "
                    "members with in `overlaps`",
                    "FC408",
                )
            )
    return problems


def _revision(
    origin: FigureOrigin, by_id: Mapping[str, FigureOrigin], by_source: Mapping[str, Source]
) -> list[Problem]:
    figure = origin.figure
    target = figure.superseded_by
    if target is None:
        return []
    where = (*origin.key_path, "superseded_by")
    found = _named(origin, "superseded_by", target, where, by_id)
    if found is not None:
        return [found]
    newer = by_id[target]
    if not same_unit(newer.figure.unit, figure.unit):
        return [
            origin.document.problem(
                where,
                f"{figure.id!r} is in {shown(figure.unit)} but the figure that replaces it, "
                f"{target!r}, is in {shown(newer.figure.unit)}; a revision measures the same "
                "thing in the same unit",
                "FC411",
            )
        ]
    old_date, new_date = _published(origin, by_source), _published(newer, by_source)
    if new_date is None:
        return [
            origin.document.problem(
                where,
                f"{target!r}, which replaces {figure.id!r}, has no publication date: give it "
                "`published: YYYY-MM-DD` (its source's `published` is used where it has one)",
                "FC410",
            )
        ]
    if old_date is not None and new_date <= old_date:
        return [
            origin.document.problem(
                where,
                f"{target!r} (published {new_date}) cannot replace {figure.id!r} (published "
                f"{old_date}): the newer figure must be published after the one it replaces",
                "FC410",
            )
        ]
    return []


def _published(origin: FigureOrigin, by_source: Mapping[str, Source]) -> dt.date | None:
    if origin.figure.published is not None:
        return origin.figure.published
    source = by_source.get(origin.source_id)
    return None if source is None else source.published


def _circles(by_id: Mapping[str, FigureOrigin]) -> list[Problem]:
    """superseded_by going round: each figure has at most one successor, so a walk from each
    figure finds any circle; each circle is reported once, at its first figure in file order."""
    problems: list[Problem] = []
    reported: set[str] = set()
    for start in by_id:
        path = [start]
        current = by_id[start].figure.superseded_by
        while current is not None and current in by_id and current not in path:
            path.append(current)
            current = by_id[current].figure.superseded_by
        if current != start or start in reported or len(path) < 2:
            continue
        reported.update(path)
        origin = by_id[start]
        problems.append(
            origin.document.problem(
                (*origin.key_path, "superseded_by"),
                "superseded_by goes round in a circle: " + " -> ".join([*path, start]),
                "FC409",
            )
        )
    return problems
