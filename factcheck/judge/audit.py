"""judge(): from a loaded case to its audit, as a short list of named steps.

1. resolve the settings (settings.py);
2. choose how the claim is reproduced, once: sums (sums.py) or ratios (ratios.py);
3. search, each match put in a bucket: its band, or a near miss of `covers`;
4. list the reproducing combinations (verdict.py);
5. decide the verdict and its basis (verdict.py, bands.py);
6. when nothing reproduces, look beyond: the nearest combinations, the largest total, a
   larger supported combination, and the verdict they give (beyond.py, verdict.py);
7. read the source's words for the basis (readings.py), write the notes (notes.py) and
   the summary (summary.py);
8. assemble the audit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable

from factcheck.collector import collection_paused
from factcheck.judge import notes, relations, summary
from factcheck.judge.beyond import Beyond
from factcheck.judge.combinations import Combinations
from factcheck.judge.document_notes import documents_found
from factcheck.judge.ratios import RatioCombinations
from factcheck.judge.settings import Rules, Settings, resolve
from factcheck.judge.sums import SumCombinations
from factcheck.judge.verdict import (
    NEAR_MISS,
    Decision,
    Reproductions,
    decide,
    decide_beyond,
    reproductions,
)
from factcheck.lexicon import Lexicon
from factcheck.load import Case, LoadedSource
from factcheck.models import (
    Audit,
    Claim,
    ClaimSummary,
    FigureReading,
    Note,
    Reproduced,
    SearchStats,
    SourceSummary,
)
from factcheck.paths import display_path
from factcheck.search import SearchResult, Selection
from factcheck.series import covers_match
from factcheck.units import ratio_scale


def judge(case: Case, settings: Settings | None = None, lexicon: Lexicon | None = None) -> Audit:
    """The audit of one loaded claim: the verdict and the evidence behind it."""
    with collection_paused():
        return _judge(case, settings, lexicon)


def _judge(case: Case, settings: Settings | None, lexicon: Lexicon | None) -> Audit:
    rules = resolve(case, settings, lexicon)
    combos = choose(case, rules)
    result, used = search(combos, rules)
    found = reproductions(combos, result, rules)
    decision = decide(found)
    beyond = Beyond()
    if decision.basis is None:
        beyond = combos.beyond(result, rules)
        decision = decide_beyond(decision, found, beyond, rules)
    basis = decision.basis_combination
    readings = combos.basis_readings(basis) if basis is not None else []
    # Overlapping and superseded figures (relations.py) weigh on the verdict last.
    weighed = relations.weigh(combos.caps, basis, decision.verdict, rules.target)
    said = summary.summary(combos, relations.uncapped(decision), rules, found, beyond)
    said += weighed.sentence
    decision = dataclasses.replace(decision, verdict=weighed.verdict)
    return _audit(
        case,
        decision,
        found,
        beyond,
        readings=readings,
        notes=notes.notes(combos, found, decision, readings, rules, beyond) + weighed.notes,
        summary=said,
        stats=_stats(combos, result, rules),
        used=used,
    )


def choose(case: Case, rules: Rules) -> Combinations:
    """Ratios for a claim in percent or as a ratio, sums for every other claim."""
    scale = ratio_scale(case.claim.unit)
    if scale is not None:
        return RatioCombinations(case, rules, scale)
    return SumCombinations(case, rules)


def search(combos: Combinations, rules: Rules) -> tuple[SearchResult, set[str]]:
    """The search's result, and the figures of every reproducing combination it counted."""
    claim = combos.case.claim
    used: set[str] = set()

    def classify(selection: Selection) -> Hashable:
        used.update(combos.member_ids(selection))
        if claim.covers is not None and not covers_match(combos.period(selection), claim.covers):
            return NEAR_MISS
        return combos.band(selection)

    result = combos.search(rules, classify)
    used.update(combos.used_ids(result))
    return result, used


def _stats(combos: Combinations, result: SearchResult, rules: Rules) -> SearchStats:
    return SearchStats(
        figures_searched=combos.searched(),
        combinations_examined=result.examined,
        complete=result.complete,
        budget=result.budget,
        max_terms=combos.terms_reported(rules.max_terms),
        tolerance=rules.tolerance,
        tolerance_points=rules.tolerance_points,
    )


def _audit(
    case: Case,
    decision: Decision,
    found: Reproductions,
    beyond: Beyond,
    *,
    readings: list[FigureReading],
    notes: list[Note],
    summary: str,
    stats: SearchStats,
    used: set[str],
) -> Audit:
    basis = decision.basis_combination
    combinations = found.combinations
    if basis is not None and decision.basis == len(combinations):  # understated: not listed
        combinations = [*combinations, basis]
    return Audit(
        claim=_claim_summary(case.claim),
        verdict=decision.verdict,
        basis=decision.basis,
        reproduced=Reproduced(basis.match.value) if basis else Reproduced.none,
        summary=summary,
        combinations=combinations,
        figures=readings,
        unused_figures=[o.figure.id for o in case.figures if o.figure.id not in used],
        notes=notes,
        sources=[_source_summary(loaded) for loaded in case.sources],
        search=stats,
        claim_path=display_path(case.path),
        expect=case.claim.expect,
        near_misses=found.near_misses,
        nearest=beyond.nearest,
        largest=beyond.largest,
        documents=documents_found(case),
        labels=_labels(case),
    )


def _labels(case: Case) -> dict[str, str]:
    """Each labelled figure's label, and each series' (its first labelled member's)."""
    labels: dict[str, str] = {}
    for origin in case.figures:
        figure = origin.figure
        if figure.label is None:
            continue
        labels[figure.id] = figure.label
        if figure.series is not None:
            labels.setdefault(figure.series, figure.label)
    return labels


def _claim_summary(claim: Claim) -> ClaimSummary:
    return ClaimSummary(
        id=claim.id,
        text=claim.text,
        value=claim.value,
        qualifier=claim.qualifier,
        unit=claim.unit,
        asserts=claim.asserts,
        also_asserts=claim.also_asserts,
        speaker=claim.speaker,
        date=claim.date,
        attributed_to=claim.attributed_to,
        period=claim.period,
        url=claim.url,
        venue=claim.venue,
        direction=claim.direction,
        covers=claim.covers,
        value_as_written=claim.written or None,
        precision=claim.precision,
    )


def _source_summary(loaded: LoadedSource) -> SourceSummary:
    source = loaded.source
    return SourceSummary(
        id=source.id,
        title=source.title,
        publisher=source.publisher,
        published=source.published,
        url=source.url,
        path=display_path(loaded.path),
    )
