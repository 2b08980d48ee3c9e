"""The audit's notes: what a reader should know beside the verdict, in a fixed order.

Period, extent, recovery, wording and further assertions (word_notes.py) come from the
basis; double counting and other units from the kind of claim (`own_notes`); then the
search's own limits, the near misses of `covers` and the matches dismissed as coincidences.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from factcheck import coincidence
from factcheck.judge import word_notes
from factcheck.judge.document_notes import document_notes
from factcheck.judge.periods import outside_days, outside_ranges, outside_share
from factcheck.load import Case, FigureOrigin
from factcheck.lookalike import lookalike_note
from factcheck.models import Claim, Combination, Figure, FigureReading, Note, Period
from factcheck.search import Candidate, SearchResult, Target
from factcheck.series import recovery
from factcheck.units import ratio_scale, same_unit
from factcheck.wording import claim_number, counted, number, percent
from factcheck.written import says_more

if TYPE_CHECKING:
    from factcheck.judge.beyond import Beyond
    from factcheck.judge.combinations import Combinations
    from factcheck.judge.settings import Rules
    from factcheck.judge.verdict import Decision, Reproductions

# The share of the basis's days outside the claimed period that is worth a note.
PERIOD_NOTE_AT = Decimal("0.01")


def notes(
    combos: Combinations,
    found: Reproductions,
    decision: Decision,
    readings: Sequence[FigureReading],
    rules: Rules,
    beyond: Beyond | None = None,
) -> list[Note]:
    """Every note of the audit; `readings` are what the source calls the basis figures."""
    claim = combos.case.claim
    basis = decision.basis_combination
    made: list[Note] = []
    if basis is not None:
        made += period_notes(basis, claim, combos.inside_value(basis), combos.undated(basis))
        made += extent_notes(readings)
        made += recovery_notes(combos, basis)
        made += word_notes.wording_hints(claim.asserts, readings, rules.lexicon)
    made += word_notes.also_asserts_notes(combos.case, basis, readings, rules.lexicon)
    made += combos.own_notes(found.result, rules)
    if ratio_scale(claim.unit) is not None and not (found.combinations or found.near_count):
        made += ratio_unit_notes(combos.case)  # nothing reproduces, near or in its period
    made += search_notes(found.result, len(found.listed))
    if beyond is not None and not beyond.complete:
        made.append(
            Note(
                kind="search",
                message="Looking beyond the reproducing combinations (the nearest, the largest "
                "total, a larger supported one) stopped at the budget, so what is shown of "
                "them may be incomplete: raise --budget.",
            )
        )
    if found.near_misses and claim.covers is not None:
        made.append(
            covers_note(found.near_misses, found.near_count, claim.covers, basis, claim.unit)
        )
    made += [coincidence.note(combination) for combination in decision.dismissed]
    made += document_notes(combos.case, rules.lexicon)  # the whole document searched
    return made


def period_notes(
    basis: Combination, claim: Claim, inside: Decimal | None, undated: Sequence[str] = ()
) -> list[Note]:
    """When part of the period the basis measures lies outside the period claimed, and how
    much of it then counts (rule D); when the source gives some basis figure no period, so
    that the attribution is unchecked (rule A6)."""
    if claim.period is None:
        return []
    found = []
    claimed = f"{claim.period.start} to {claim.period.end}"
    attributed = f" to {claim.attributed_to}" if claim.attributed_to else ""
    if undated:
        names = ", ".join(undated)
        found.append(
            Note(
                kind="period",
                message=f"The source gives no period for {names}, so whether "
                f"{'it falls' if len(undated) == 1 else 'they fall'} within the period the "
                f"claim attributes{attributed} ({claimed}) is unchecked.",
            )
        )
    outside = outside_share(basis.period, claim.period)
    if basis.period is None or outside is None or outside <= PERIOD_NOTE_AT:
        return found
    ranges = ", ".join(
        f"{start} to {end}" for start, end in outside_ranges(basis.period, claim.period)
    )
    days = outside_days(basis.period, claim.period)
    message = (
        f"{percent(outside)} of the period these figures cover "
        f"({basis.period.start} to {basis.period.end}) lies outside the period the "
        f"claim attributes{attributed} ({claimed}): {ranges}, {days:,} of "
        f"{counted(basis.period.days, 'day')}."
    )
    if inside is not None and basis.value:
        message += (
            f" Of {number(basis.value)}, about {number(_about(inside))} fall within it "
            "(pro rata by days, where the source gives no finer figure); only that much "
            "counts towards the claim."
        )
    else:
        message += " Only the share inside counts towards the claim."
    found.append(Note(kind="period", message=message))
    return found


def _about(value: Decimal) -> Decimal:
    """A prorated amount to three significant digits: it is an estimate."""
    digits = value.adjusted() - 2 if value else 0
    if digits <= 0:
        return value.to_integral_value()
    step = Decimal(10) ** digits
    return (value / step).to_integral_value() * step


def extent_notes(readings: Sequence[FigureReading]) -> list[Note]:
    """Figures whose words say the claim's word of only some of them."""
    found = []
    for reading in readings:
        if reading.supports == "some" and reading.change_supports is None:
            words = "', '".join(reading.supporting_terms)
            message = (
                f"The source says '{words}' of only some of the "
                f"{number(reading.value)} ({reading.figure}), not of all of them."
            )
            found.append(Note(kind="extent", message=message))
    return found


def recovery_notes(combos: Combinations, basis: Combination) -> list[Note]:
    """For each rise between stocks in the basis, how much of it only restores a peak."""
    figures = combos.case.figures
    found = []
    for earlier, later in combos.stock_changes(basis):
        series = [o for o in figures if o.figure.series == later.figure.series]
        if recovery(series, earlier, later):
            found.append(_recovery_note(series, earlier, later))
    return found


def _recovery_note(
    series: Sequence[FigureOrigin], earlier: FigureOrigin, later: FigureOrigin
) -> Note:
    found = recovery(series, earlier, later)
    assert found is not None
    peak = found.peak.figure
    share = found.recovered / found.rise
    above = found.rise - found.recovered
    tail = (
        f"; only {number(above)} take the series above that level"
        if above > 0
        else "; none of it goes above that level"
    )
    return Note(
        kind="recovery",
        message=(
            f"Of the rise of {number(found.rise)} from {earlier.figure.as_of} to "
            f"{later.figure.as_of}, {number(found.recovered)} ({percent(share)}) only restores "
            f"the earlier, higher level of {number(peak.value)} ({peak.id}, {peak.as_of}){tail}."
        ),
    )


def overlap_notes(result: SearchResult, candidates: Sequence[Candidate]) -> list[Note]:
    """Combinations that would reproduce the number but count the same things twice."""
    found = []
    for overlap in result.overlaps:
        names = [candidates[i].id for i, _ in overlap.selection]
        added = [candidates[i] for i, sign in overlap.selection if sign > 0]
        nested = sorted(
            f"{a.id} is part of {b.id}" for a in added for b in added if b.id in a.ancestors
        )
        expression = names[0] + "".join(
            f" {'+' if s > 0 else '-'} {candidates[i].id}" for i, s in overlap.selection[1:]
        )
        found.append(
            Note(
                kind="overlap",
                message=(
                    f"Not counted: {expression} = {number(overlap.point)} would reproduce the "
                    f"number but counts the same things twice ({'; '.join(nested)})."
                ),
            )
        )
    if result.overlap_count > len(result.overlaps):
        found.append(
            Note(
                kind="overlap",
                message=f"{result.overlap_count - len(result.overlaps)} more double-counting "
                "combinations were skipped.",
            )
        )
    return found


def unit_notes(case: Case, origins: Sequence[FigureOrigin], target: Target) -> list[Note]:
    """Figures of another unit than the claim's: none in its unit, or one that matches."""
    claim = case.claim
    searched = {id(origin) for origin in origins}
    others = [o.figure for o in case.figures if id(o) not in searched]
    if not origins:
        units = sorted({f.unit for f in others})
        listed = ", ".join(units) if units else "none"
        return [
            Note(
                kind="unit",
                message=f"No figure of the sources is in {claim.unit}; units present: {listed}"
                f"{lookalike_note(claim.unit, units)}. "
                "Figures combine only with figures of the claim's unit.",
            )
        ]
    return [
        Note(
            kind="unit",
            message=(
                f"{figure.id} ({number(figure.value)} {figure.unit}{_written_as(figure)}) "
                f"matches the number but counts {figure.unit}, not {claim.unit}; it was not "
                "combined."
            ),
        )
        for figure in others
        if abs(figure.value - claim.value) <= target.allowance
    ]


def _written_as(figure: Figure) -> str:
    """ ", written US$17.3bn": the figure's value as its source wrote it, when that says more."""
    normalised = number(figure.value)
    return f", written {figure.written}" if says_more(figure.written, normalised) else ""


def ratio_unit_notes(case: Case) -> list[Note]:
    """A claim in percent or as a ratio that nothing reproduces (the caller knows) and none
    of whose sources' figures is in its unit: no figure states it, and no share or change of
    them comes near."""
    claim = case.claim
    if any(same_unit(o.figure.unit, claim.unit) for o in case.figures):
        return []
    units = sorted({o.figure.unit for o in case.figures})
    return [
        Note(
            kind="unit",
            message=f"No figure of the sources is in {claim.unit}; units present: "
            f"{', '.join(units) if units else 'none'}. No figure states the claim, and no "
            "share or change of the figures reproduces it.",
        )
    ]


def search_notes(result: SearchResult, listed_count: int) -> list[Note]:
    """More matches than listed; a search stopped by its budget."""
    found = []
    total = sum(result.counts.values())
    if total > listed_count:
        found.append(
            Note(
                kind="search",
                message=f"{total:,} combinations reproduce the number; the best-ranked "
                f"{listed_count} are listed (raise --top to see more).",
            )
        )
    if not result.complete:
        found.append(
            Note(
                kind="search",
                message=(
                    "The search stopped after examining "
                    f"{counted(result.examined, 'combination')} "
                    f"(its budget), so the list may be incomplete: raise --budget, or lower "
                    "--max-terms to search fewer figures per combination."
                ),
            )
        )
    return found


def covers_note(
    near_misses: Sequence[Combination],
    count: int,
    covers: Period,
    basis: Combination | None,
    unit: str,
) -> Note:
    """The best near miss: it reproduces the number but measures another period."""
    first = near_misses[0]
    measured = (
        f"{first.period.start} to {first.period.end}" if first.period else "an unknown period"
    )
    more = f" ({count - 1:,} more like it)" if count > 1 else ""
    lead = "Not counted" if basis is None else "Also not counted"
    return Note(
        kind="covers",
        message=(
            f"{lead}: {first.expression} = {claim_number(first.value, unit, first.kind)} "
            "reproduces the number but "
            f"measures {measured}, not the period the claim's number covers "
            f"({covers.start} to {covers.end}){more}."
        ),
    )
