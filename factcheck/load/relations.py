"""Relations between figures: unique ids, part_of and disjoint_with targets, no circles,
parts within their wholes, wholes not nested too deep, no contradictions."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping

from factcheck.errors import Problem
from factcheck.load.case import FigureOrigin
from factcheck.load.document import KeyPath, shown
from factcheck.load.limits import capped
from factcheck.lookalike import lookalike_note, skeleton
from factcheck.models import Figure
from factcheck.qualifiers import bounds


def check_figures(figures: Iterable[FigureOrigin]) -> list[Problem]:
    """Cross-figure rules: unique ids, relation targets, no cycles, parts within wholes."""
    by_id, problems = _unique(figures)
    if any(o.figure.part_of or o.figure.disjoint_with for o in by_id.values()):
        # (else none of the rules below has anything to look at: most large sources)
        problems.extend(_targets(by_id))
        problems.extend(_cycles(by_id))
        problems.extend(_too_many_wholes(by_id))
        problems.extend(_contradictions(by_id))
    return capped(problems)


def _unique(figures: Iterable[FigureOrigin]) -> tuple[dict[str, FigureOrigin], list[Problem]]:
    """The figures by id, and FC401 for each id used again."""
    problems: list[Problem] = []
    by_id: dict[str, FigureOrigin] = {}
    for origin in figures:
        figure_id = origin.figure.id
        if figure_id in by_id:
            problems.append(_used_twice(by_id[figure_id], origin))
            continue
        by_id[figure_id] = origin
    return by_id, problems


def _used_twice(first: FigureOrigin, again: FigureOrigin) -> Problem:
    """FC401 where the id was used again; or at the claim's own figure when it repeats a
    source's id, since a source is shared by other claims and the claim is the one to change."""
    if _in_claim(first) and not _in_claim(again):
        first, again = again, first
    line, _ = first.document.locate((*first.key_path, "id"))
    return again.document.problem(
        (*again.key_path, "id"),
        f"figure id {again.figure.id!r} is used twice (also in "
        f"{os.path.normpath(first.document.path)}:{line}); figure ids must be unique across a "
        "claim and its sources",
        "FC401",
    )


def _in_claim(origin: FigureOrigin) -> bool:
    """An inline figure, written in a claim file (one with `asserts:`)."""
    data = origin.document.data
    return isinstance(data, dict) and "asserts" in data


def _targets(by_id: Mapping[str, FigureOrigin]) -> list[Problem]:
    """Every part_of and disjoint_with names another figure; a part is within its whole."""
    problems: list[Problem] = []
    # "did you mean" compares a name with every id: 10,000 figures that each name a missing
    # whole would make that 100,000,000 comparisons. The first few get a suggestion.
    comparisons = 5_000  # some 0.15 s where the ids look alike
    for origin in by_id.values():
        figure = origin.figure
        for relation in ("part_of", "disjoint_with"):
            for index, target in enumerate(getattr(figure, relation)):
                where = origin.document.item((*origin.key_path, relation), index)
                if target == figure.id:
                    problems.append(
                        origin.document.problem(
                            where, f"figure {figure.id!r} names itself in {relation}", "FC403"
                        )
                    )
                elif target not in by_id:
                    comparisons -= len(by_id)
                    close = (
                        difflib.get_close_matches(target, list(by_id), n=1)
                        if comparisons >= 0
                        else []
                    )
                    hint = _lookalike_id(target, by_id) or (
                        f" (did you mean {close[0]!r}?)" if close else ""
                    )
                    problems.append(
                        origin.document.problem(
                            where,
                            f"{relation} names {shown(target)}, which is no figure{hint}",
                            "FC402",
                        )
                    )
                elif relation == "part_of":
                    problems.extend(_part_within_whole(origin, where, by_id[target]))
    return problems


def _lookalike_id(target: str, by_id: Mapping[str, FigureOrigin]) -> str:
    """For a name that only looks like a figure's id (ids are ASCII, so its look-alike is
    found by one look-up, however many figures there are)."""
    if target.isascii():
        return ""
    plain = skeleton(target)
    return lookalike_note(target, [plain]) if plain in by_id else ""


def _part_within_whole(
    part: FigureOrigin, where: KeyPath, whole_origin: FigureOrigin
) -> list[Problem]:
    figure, whole = part.figure, whole_origin.figure
    if whole.unit.casefold() != figure.unit.casefold():
        return [
            part.document.problem(
                where,
                f"part {figure.id!r} is in {shown(figure.unit)} but its whole "
                f"{whole.id!r} is in {shown(whole.unit)}"
                + lookalike_note(figure.unit, [whole.unit]),
                "FC405",
            )
        ]
    if _larger_than(figure, whole):
        return [
            part.document.problem(
                (*part.key_path, "value"),
                f"part {figure.id!r} ({figure.value}) is larger than its whole "
                f"{whole.id!r} ({whole.value})",
                "FC406",
            )
        ]
    return []


MAX_WHOLES = 64


def _too_many_wholes(by_id: Mapping[str, FigureOrigin]) -> list[Problem]:
    """A figure inside more than MAX_WHOLES wholes (wholes of wholes counted).

    The search keeps every figure's wholes and parts: a part_of chain of 3,000 figures
    (some 70 kB of YAML) made that 4.5 million pairs, 500 MB and seconds of work. Only the
    topmost figure past the bound is reported: the figures below it are past it too.
    """
    over: dict[str, list[str]] = {}
    for figure_id, origin in by_id.items():
        found: dict[str, None] = {}  # ordered: the message shows the way up
        stack = list(reversed(origin.figure.part_of))
        while stack and len(found) <= MAX_WHOLES:
            current = stack.pop()
            if current in found or current == figure_id or current not in by_id:
                continue
            found[current] = None
            stack.extend(reversed(by_id[current].figure.part_of))
        if len(found) > MAX_WHOLES:
            over[figure_id] = list(found)
    problems: list[Problem] = []
    for figure_id, wholes in over.items():
        origin = by_id[figure_id]
        if any(whole in over for whole in origin.figure.part_of):
            continue
        way = " -> ".join([figure_id, *wholes[:3], "...", *wholes[-2:]])
        problems.append(
            origin.document.problem(
                (*origin.key_path, "part_of"),
                f"figure {figure_id!r} is part of more than {MAX_WHOLES} figures, counting "
                f"wholes of wholes ({way}); nest part_of at most {MAX_WHOLES} deep",
                "FC205",
            )
        )
    return problems


def _larger_than(part: Figure, whole: Figure) -> bool:
    """Whether every value the part admits lies above every value the whole admits (the
    qualifiers' table, as Interval.of reads it)."""
    low, _, low_open, _ = bounds(part.value, part.qualifier, part.precision)
    _, high, _, high_open = bounds(whole.value, whole.qualifier, whole.precision)
    return low > high or (low == high and (low_open or high_open))


def _cycles(by_id: Mapping[str, FigureOrigin]) -> list[Problem]:
    # A depth-first walk over every whole of every figure (not only the first: a cycle
    # may run through a figure's second whole), iterative so that a long chain is safe.
    problems: list[Problem] = []
    done: set[str] = set()
    for start in by_id:
        if start in done:
            continue
        path = [start]
        on_path = {start}  # the same as path: `in` on a 3,000-long list is slow
        pending = [iter(_wholes(by_id, start))]
        while pending:
            current = next(pending[-1], None)
            if current is None:
                on_path.discard(path[-1])
                done.add(path.pop())
                pending.pop()
            elif current in on_path:
                loop = [*path[path.index(current) :], current]
                if len(loop) > 12:  # 3,000 figures round: name the ends, count the middle
                    loop = [*loop[:6], f"... ({len(loop) - 9:,} more)", *loop[-3:]]
                origin = by_id[current]
                problems.append(
                    origin.document.problem(
                        (*origin.key_path, "part_of"),
                        "part_of goes round in a circle: " + " -> ".join(loop),
                        "FC404",
                    )
                )
            elif current not in done:
                path.append(current)
                on_path.add(current)
                pending.append(iter(_wholes(by_id, current)))
    return problems


def _wholes(by_id: Mapping[str, FigureOrigin], figure_id: str) -> list[str]:
    return sorted({p for p in by_id[figure_id].figure.part_of if p in by_id and p != figure_id})


def ancestors(by_id: Mapping[str, Figure], figure_id: str) -> set[str]:
    """Every figure that figure_id is part_of, transitively (cycles are safe to walk)."""
    found: set[str] = set()
    stack = list(by_id[figure_id].part_of)
    while stack:
        current = stack.pop()
        if current in found or current not in by_id:
            continue
        found.add(current)
        stack.extend(by_id[current].part_of)
    found.discard(figure_id)
    return found


def _contradictions(by_id: Mapping[str, FigureOrigin]) -> list[Problem]:
    figures = {figure_id: origin.figure for figure_id, origin in by_id.items()}
    problems: list[Problem] = []
    for figure_id, origin in by_id.items():
        for index, other in enumerate(origin.figure.disjoint_with):
            if other not in figures or other == figure_id:
                continue
            if other in ancestors(figures, figure_id) or figure_id in ancestors(figures, other):
                problems.append(
                    origin.document.problem(
                        origin.document.item((*origin.key_path, "disjoint_with"), index),
                        f"{figure_id!r} cannot be disjoint with {other!r}: one is part of "
                        "the other",
                        "FC407",
                    )
                )
    return problems
