"""Figures that may count the same things, and figures that newer ones replace (issue 14).

Two relations of the source format cap the band a combination earns:

- `overlaps`: the source warns that two figures may count some of the same members ("the
  same patient can appear on more than one list"). A sum that adds them is an upper bound,
  not a count, so it earns at most `misleading`, and an `overlap` note quotes the warning.
  The relation is symmetric and reaches the parts of either figure.
- `superseded_by`: a figure that a newer one replaces (a revision, the next release of the
  same measure). When the claim was made after the newer figure was published, a basis that
  uses the older one earns at most `misleading`, and the verdict is judged on the newer
  figure too (audit.py); a `revision` note gives both.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from factcheck import bands
from factcheck.judge.beyond import LARGER_AT_MOST
from factcheck.judge.quotients import asked
from factcheck.judge.terms import rounded
from factcheck.judge.verdict import Decision
from factcheck.kinds import RatioKind
from factcheck.load import Case, FigureOrigin
from factcheck.models import Combination, Figure, Interval, Note, Verdict
from factcheck.search import Target
from factcheck.units import ratio_scale
from factcheck.wording import amount, claim_number

# The band a capped combination earns at best.
CAP = Verdict.misleading


@dataclass(frozen=True)
class Revision:
    """An older figure and the newest figure published before the claim that replaces it."""

    older: FigureOrigin
    newer: FigureOrigin
    published: dt.date  # when the newer figure was published


class Caps:
    """The overlaps and revisions among a case's figures, as they bear on its claim."""

    def __init__(self, case: Case) -> None:
        self.case = case
        by_id = case.by_id
        self.by_id = by_id
        published = {loaded.source.id: loaded.source.published for loaded in case.sources}
        self._published = published
        self.overlapping = _overlap_pairs(by_id)
        self.revisions = _revisions(by_id, published, case.claim.date)

    @property
    def active(self) -> bool:
        """Whether any combination of this case can be capped."""
        return bool(self.overlapping or self.revisions)

    def touches(self, ids: Iterable[str]) -> bool:
        """Whether a combination of these figures could be capped: the search then asks each
        match's band (a big search with no such figure keeps counting bands by weight)."""
        present = set(ids)
        return any(pair <= present for pair in self.overlapping) or any(
            figure_id in present for figure_id in self.revisions
        )

    def overlaps_in(self, added: Iterable[str]) -> list[tuple[str, str]]:
        """The pairs of added figures that may count the same things."""
        ids = sorted(set(added))
        return [
            (a, b)
            for i, a in enumerate(ids)
            for b in ids[i + 1 :]
            if frozenset((a, b)) in self.overlapping
        ]

    def stale_in(self, ids: Iterable[str]) -> list[Revision]:
        """The revisions of the figures among `ids` that the claim postdates."""
        return [self.revisions[i] for i in dict.fromkeys(ids) if i in self.revisions]

    def cap(self, band: Verdict, added: Sequence[str], every: Sequence[str]) -> Verdict:
        """The band, at most `misleading` when added figures overlap or a figure is stale."""
        if band is not Verdict.supported:
            return band
        if self.overlaps_in(added) or self.stale_in(every):
            return CAP
        return band

    # --- notes ---------------------------------------------------------------------------

    def overlap_notes(self, added: Sequence[str]) -> list[Note]:
        """One note for the figures of a sum that may share members, quoting the warnings."""
        pairs = self.overlaps_in(added)
        if not pairs:
            return []
        ids = sorted({figure_id for pair in pairs for figure_id in pair})
        names = f"{', '.join(ids[:-1])} and {ids[-1]}"
        warnings = dict.fromkeys(w for a, b in pairs if (w := self._warning(a, b)))
        said = "".join(f' The source warns: "{warning}"' for warning in warnings)
        return [
            Note(
                kind="overlap",
                message=f"{names} may count some of the same things, so their sum is an upper "
                f"bound, not a count: the combination earns at most '{CAP.value}'.{said}",
            )
        ]

    def _warning(self, a: str, b: str) -> str | None:
        """The text of the statement either figure names as the overlap's warning."""
        for figure_id in (a, b):
            origin = self.by_id.get(figure_id)
            if origin is None or origin.figure.overlap_statement is None:
                continue
            for loaded in self.case.sources:
                if loaded.source.id != origin.source_id:
                    continue
                for statement in loaded.source.statements:
                    if statement.id == origin.figure.overlap_statement:
                        return statement.text
        return None

    def revision_notes(self, ids: Sequence[str], newer_value: str | None) -> list[Note]:
        made = []
        claim = self.case.claim
        for revision in self.stale_in(ids):
            older, newer = revision.older.figure, revision.newer.figure
            message = (
                f"{older.id} ({_written(older)}, published {self.published(revision.older)}) "
                f"was replaced by {newer.id} ({_written(newer)}, published "
                f"{revision.published}) before the claim was made ({claim.date}), so a basis "
                f"that uses the older figure earns at most '{CAP.value}'."
            )
            if newer_value is not None:
                message += f" With the newer figure the basis comes to {newer_value}."
            made.append(Note(kind="revision", message=message))
        return made

    def published(self, origin: FigureOrigin) -> dt.date | None:
        return origin.figure.published or self._published.get(origin.source_id)


def _written(figure: Figure) -> str:
    return f"{amount(figure.qualifier, figure.value)} {figure.unit}"


def _overlap_pairs(by_id: dict[str, FigureOrigin]) -> set[frozenset[str]]:
    """Every pair of figures that may share members: the pairs the sources name, and the
    parts (transitively) of either side with the other."""
    named = [
        (origin.figure.id, other)
        for origin in by_id.values()
        for other in origin.figure.overlaps
        if other in by_id and other != origin.figure.id
    ]
    if not named:
        return set()
    parts: dict[str, set[str]] = {}
    for origin in by_id.values():
        for whole in origin.figure.part_of:
            parts.setdefault(whole, set()).add(origin.figure.id)
    pairs: set[frozenset[str]] = set()
    for a, b in named:
        for x in _with_parts(a, parts):
            for y in _with_parts(b, parts):
                if x != y:
                    pairs.add(frozenset((x, y)))
    return pairs


def _with_parts(figure_id: str, parts: dict[str, set[str]]) -> set[str]:
    found = {figure_id}
    stack = [figure_id]
    while stack:
        for part in parts.get(stack.pop(), ()):
            if part not in found:
                found.add(part)
                stack.append(part)
    return found


def _revisions(
    by_id: dict[str, FigureOrigin], published: dict[str, dt.date], claimed: dt.date
) -> dict[str, Revision]:
    """For each superseded figure, the newest replacement published before the claim's date
    (a chain of revisions is followed while the claim postdates each)."""
    found: dict[str, Revision] = {}
    for origin in by_id.values():
        newest: Revision | None = None
        seen = {origin.figure.id}
        current = origin
        while current.figure.superseded_by in by_id and current.figure.superseded_by not in seen:
            newer = by_id[current.figure.superseded_by]
            seen.add(newer.figure.id)
            when = newer.figure.published or published.get(newer.source_id)
            if when is None or when >= claimed:
                break
            newest = Revision(origin, newer, when)
            current = newer
        if newest is not None:
            found[origin.figure.id] = newest
    return found


def worse(a: Verdict, b: Verdict) -> Verdict:
    """The less favourable of two verdicts, by their default ClaimReview ratings (a tie
    keeps the first)."""
    return b if bands.band(b).rating < bands.band(a).rating else a


# --- the verdict on the newer figure ---------------------------------------------------------


def revised_value(basis: Combination, caps: Caps, per: Fraction | None) -> Decimal | None:
    """The basis worked out again with each stale figure replaced by its newest revision, in
    the claim's unit (signed, for a change); None when the basis uses no stale figure or a
    ratio's base comes to zero."""
    stale = {revision.older.figure.id: revision for revision in caps.stale_in(_ids(basis))}
    if not stale:
        return None
    values: dict[str, Fraction] = {}
    for index, basis_term in enumerate(basis.terms):
        value = Fraction(basis_term.value)
        for member in basis_term.members or [basis_term.figure]:
            if member in stale:
                revision = stale[member]
                value += Fraction(revision.newer.figure.value - revision.older.figure.value)
        values[basis_term.name or str(index)] = value * basis_term.sign
    kind = basis.kind
    if kind is None:
        return _decimal(sum(values.values(), Fraction(0)))
    scale = ratio_scale(caps.case.claim.unit) or 1
    a, b = values.get("a", Fraction(0)), values.get("b", Fraction(0))
    if kind is RatioKind.stated:
        return _decimal(a)
    if kind is RatioKind.change:
        a = -a  # the earlier term carries sign -1 in a change
        return None if a <= 0 else _decimal((b - a) / a * scale)
    if b <= 0:
        return None
    return _decimal(a / b * scale * (per if kind is RatioKind.quotient and per else 1))


def newer_verdict(basis: Combination, value: Decimal, target: Target) -> Verdict:
    """The verdict the basis earns with the newer figures: its own band when it still
    reproduces the claim; else `understated` when it lies above the claim by at most half of
    it (rule C3), `overstated` when below, `unsupported` when far above."""
    if basis.value < 0 <= target.point:  # a change compared by its size
        value = abs(value)
    if target.match(Interval(low=value, high=value), value) is not None:
        return basis.band
    if value < target.point:
        return Verdict.overstated
    if value <= target.point * (1 + LARGER_AT_MOST):
        return Verdict.understated
    return Verdict.unsupported


def _ids(combination: Combination) -> list[str]:
    return [m for t in combination.terms for m in (t.members or [t.figure])]


def _decimal(value: Fraction) -> Decimal:
    return rounded(Decimal(value.numerator) / Decimal(value.denominator))


# --- the audit's step --------------------------------------------------------------------------


@dataclass(frozen=True)
class Relations:
    """What overlaps and revisions make of the verdict: its verdict, notes and a sentence
    for the summary."""

    verdict: Verdict
    notes: list[Note]
    sentence: str


def weigh(caps: Caps, basis: Combination | None, verdict: Verdict, target: Target) -> Relations:
    """The verdict with the basis's overlaps and revisions weighed in: a stale basis is judged
    on the newer figures too, and the less favourable verdict stands."""
    if basis is None or not caps.active:
        return Relations(verdict, [], "")
    added = [m for t in basis.terms if t.sign > 0 for m in (t.members or [t.figure])]
    found = caps.overlap_notes(added) if basis.kind is None else []
    sentence = ""
    if found:
        sentence = (
            " The combination adds figures that may count the same things, so it is an upper "
            "bound, not a count."
        )
    revised = revised_value(basis, caps, _per(caps))
    shown = None if revised is None else _shown(revised, caps.case.claim.unit, basis)
    stale = caps.revision_notes(_ids(basis), shown)
    if stale:
        sentence += " It uses a figure that a newer one had replaced when the claim was made"
        if revised is not None:
            newer = newer_verdict(basis, revised, target)
            verdict = worse(verdict, newer)
            sentence += f"; with the newer figure it comes to {shown} ('{newer.value}')"
        sentence += "."
    return Relations(verdict, found + stale, sentence)


def uncapped(decision: Decision) -> Decision:
    """The decision with the band its basis's words earn, before any cap: the summary's
    sentence says what the words support, the cap's sentence follows it."""
    basis = decision.basis_combination
    if basis is None or decision.verdict not in bands.EARNED:
        return decision
    share = basis.supported_share
    return dataclasses.replace(decision, verdict=bands.earned(share.low, share.high))


def _per(caps: Caps) -> Fraction | None:
    how = asked(caps.case.claim)
    return None if how is None else how.per


def _shown(value: Decimal, unit: str, basis: Combination) -> str:
    return claim_number(value, unit, basis.kind)
