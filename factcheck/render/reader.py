"""Published text's words: figures by their labels, amounts as readers write them, no ids.

The terminal and the JSON name figures by id (`no_nta`) and write amounts in full, because a
fact-checker at work needs to find them in the files. The published formats (HTML,
Markdown, ClaimReview) are read by people who never see those files: they name a figure by
its `label` ("children not served a Notice to Appear"), write "$1.75 trillion" and "£22bn",
and their summary is worded here from the audit's data rather than copied from the judge's
summary, which quotes expressions of ids. Notes are the judge's sentences with each id
written as its name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from factcheck.bands import earned
from factcheck.kinds import RatioKind
from factcheck.models import Audit, Coincidence, Combination, FigureReading, Match, Note, Term
from factcheck.qualifiers import QUALIFIER_WORDS, Qualifier
from factcheck.sentences import SENTENCES, Said, exactly, within
from factcheck.units import ratio_scale
from factcheck.wording import claim_number, percent, reader_amount, shown_beside_words
from factcheck.written import says_more

# How published formats head each kind of note.
NOTE_LABELS = {
    "period": "Period",
    "also_asserts": "Further assertions",
    "overlap": "Double counting",
    "extent": "Extent",
    "unit": "Units",
    "search": "Search",
    "covers": "Period measured",
    "recovery": "Recovery",
    "coincidence": "Chance",
    "wording": "Wording",
    "document": "The document",
    "revision": "Revision",
}

# In the judge's sentences: a window of a series ("encounters_monthly[Feb 2022 - Jun 2024]"),
# a statement of a source ("statement trafficking_risk of dhs-oig-24-46"), and any id.
_WINDOW = re.compile(r"\b([a-z0-9_]+)\[([^\]\n]+)\]")
_STATEMENT = re.compile(r"\bstatement ([a-z0-9_]+) of ([a-z0-9][a-z0-9._-]*)")
_TOKEN = re.compile(r"(?<![\w.\-\[])([a-z0-9_]+)(?![\w\-\[])")
_ONE_MONTH = " (1 month)"


def _beside_operator(match: re.Match[str]) -> bool:
    text, start, end = match.string, match.start(), match.end()
    before, after = text[max(0, start - 3) : start], text[end : end + 3]
    return (
        before.endswith(("+ ", "- ", "/ ", "= "))
        or after.startswith((" + ", " - ", " / ", " = "))
        or (before.endswith("(") and after.startswith((")", ",")))
    )


def capitalised(text: str) -> str:
    """A sentence that opens with a label ("of those individuals, ...") starts in capitals."""
    return text[:1].upper() + text[1:]


def and_list(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class Reader:
    """The published words for one audit: names, amounts, the summary and the notes."""

    def __init__(self, audit: Audit) -> None:
        self.audit = audit
        self.claim = audit.claim
        self.readings = {reading.figure: reading for reading in audit.figures}
        self.basis = audit.combinations[audit.basis] if audit.basis is not None else None

    # --- names -----------------------------------------------------------------------------

    def figure(self, figure_id: str) -> str:
        """A figure as a reader knows it: its label, else its description, else its id."""
        label = self.audit.labels.get(figure_id)
        if label:
            return label
        reading = self.readings.get(figure_id)
        if reading is not None and reading.describes:
            return reading.describes
        return figure_id

    def series(self, series_id: str) -> str:
        return self.audit.labels.get(series_id) or series_id

    def term(self, term: Term) -> str:
        """A figure by its name; a window by its series' name and its months; a change
        between two windows (rule E) by its direction and its two ends."""
        if term.change is not None and term.members and len(term.members) == 2:
            earlier, later = (self.figure(member) for member in term.members)
            return f"the {term.change.direction or 'change'} from {earlier} to {later}"
        if term.window is None:
            return self.figure(term.figure)
        span = term.window.label.removesuffix(_ONE_MONTH)
        return f"{self.series(term.window.series)}, {span}"

    def members(self, term: Term) -> list[FigureReading]:
        """What the source calls each figure a term adds up (one, or a window's members)."""
        return [self.readings[m] for m in term.members or [term.figure] if m in self.readings]

    def expression(self, combination: Combination) -> str:
        """A combination by its terms' names: "A + B - C"; "(B - A) / A" for a change."""
        if combination.kind is not None:
            names = {term.name: self.term(term) for term in combination.terms}
            return combination.kind.form.write(names.get("a", ""), names.get("b", ""))
        written = ""
        for term in combination.terms:
            sign = "-" if term.sign < 0 else "+"
            written += (
                f" {sign} {self.term(term)}"
                if written
                else (f"-{self.term(term)}" if term.sign < 0 else self.term(term))
            )
        return written

    def unlabelled(self) -> list[str]:
        """The figures of the basis published by description or id, for want of a label."""
        if self.basis is None:
            return []
        ids = [m for term in self.basis.terms for m in term.members or [term.figure]]
        return [figure for figure in ids if figure not in self.audit.labels]

    # --- amounts ---------------------------------------------------------------------------

    def amount(
        self,
        value: Decimal,
        qualifier: Qualifier = Qualifier.exact,
        *,
        counted: bool = True,
        kind: RatioKind | None = None,
        unit: str | None = None,
    ) -> str:
        return reader_amount(value, unit or self.claim.unit, qualifier, counted=counted, kind=kind)

    def term_qualifier(self, term: Term) -> Qualifier:
        """A term's qualifier: its figure's, or a window's when all its members share one."""
        found = {
            self.readings[m].qualifier for m in term.members or [term.figure] if m in self.readings
        }
        return found.pop() if len(found) == 1 else Qualifier.exact

    def term_amount(self, term: Term, *, counted: bool = False) -> str:
        """A term's value in its own unit (a ratio's operands are counts of things)."""
        reading = next(
            (self.readings[m] for m in term.members or [term.figure] if m in self.readings), None
        )
        unit = reading.unit if reading is not None else self.claim.unit
        return self.amount(term.value, self.term_qualifier(term), counted=counted, unit=unit)

    def claimed_amount(self, *, counted: bool = True) -> str:
        """The claimed value with its qualifier, as the claim wrote it and as published text
        writes it: "220 crore (2.2 billion people)", "more than 325,000 children"."""
        claim = self.claim
        return QUALIFIER_WORDS[claim.qualifier] + self.as_written(
            claim.value_as_written, claim.value, claim.unit, counted=counted
        )

    def as_written(
        self, written: str | None, value: Decimal, unit: str, *, counted: bool = True
    ) -> str:
        """An amount as published text writes it, after the number as its writer wrote it
        when that says more: "220 crore (2.2 billion people)", "$2 billion"."""
        value = shown_beside_words(value, unit, written)  # "a third (33.3%)"
        amount = self.amount(value, counted=counted, unit=unit)
        if not says_more(written, self.amount(value, counted=False, unit=unit)):
            return amount
        return f"{(written or '').strip()} ({amount})"

    def claimed(self, *, qualified: bool = True) -> str:
        """The claimed number: "more than 325,000 children", "fall of 47%", "$2 billion"
        (a change without its article: "the claimed fall of 47%")."""
        claim = self.claim
        written = (
            self.claimed_amount()
            if qualified
            else self.as_written(claim.value_as_written, claim.value, claim.unit)
        )
        if ratio_scale(claim.unit) is not None and claim.direction is not None:
            return f"{'rise' if claim.direction == 'up' else 'fall'} of {written}"
        return written

    def value_of(self, combination: Combination) -> str:
        """A combination's value in the claim's unit: "323,000 children", "-46.8%"."""
        if combination.formula is not None:
            return claim_number(combination.value, self.claim.unit, combination.kind)
        return self.amount(combination.value)

    # --- the summary -----------------------------------------------------------------------

    def summary(self) -> str:
        """The verdict explained in one or two sentences, in published words."""
        basis = self.basis
        if self._judges_words(basis):
            return self.note_text(self.audit.summary)
        if basis is None:
            return self._not_reproduced()
        said = Said(
            derivation=self.derivation(basis),
            support=self._support(basis),
            word=self.claim.asserts,
            low=basis.supported_share.low,
            high=basis.supported_share.high,
            never=self._never(basis) + self._wrong_way(basis),
            within=within(basis.period, self.claim.period),
        )
        # (a verdict capped below its basis's band takes the judge's words, above)
        return SENTENCES[self.audit.verdict](said) + _weak(basis)

    def _judges_words(self, basis: Combination | None) -> bool:
        """Where the judge's own summary is published, its ids named: the verdicts and
        matches of the judging rules v2 (docs/format.md: rules A7, B1, C1-C3, D, E), which
        the sentences below do not word."""
        audit = self.audit
        if basis is None:  # it names the nearest and the largest, or another period (A7)
            return bool(audit.nearest or audit.largest or audit.near_misses)
        share = basis.supported_share
        return (
            audit.verdict is not basis.band
            # capped below what its words earn: overlapping or superseded figures (issue 14)
            or basis.band is not earned(share.low, share.high)
            or basis.match is Match.none
            or any(term.change is not None for term in basis.terms)
        )

    def derivation(self, basis: Combination) -> str:
        """ "The source's figures for A (x) and B (y) add up to T, which reproduces the claimed
        C approximately (0.6% less)"."""
        how = self._how(basis)
        claimed = self.claimed(qualified=False)
        if basis.formula is not None:
            ratio = self._ratio_words(basis)
            return capitalised(f"{ratio}, reproduces the claimed {claimed} {how}")
        named = [f"{self.term(t)} ({self.term_amount(t)})" for t in basis.terms]
        if len(named) == 1:
            return f"The source's figure for {named[0]} reproduces the claimed {claimed} {how}"
        if all(term.sign > 0 for term in basis.terms):
            joined, verb = and_list(named), "add up to"
        else:
            joined = named[0] + "".join(
                f" {'plus' if t.sign > 0 else 'minus'} {name}"
                for t, name in zip(basis.terms[1:], named[1:], strict=True)
            )
            verb = "come to"
        total = self.value_of(basis)
        return (
            f"The source's figures for {joined} {verb} {total}, which reproduces the claimed "
            f"{claimed} {how}"
        )

    def _ratio_words(self, basis: Combination) -> str:
        terms = {term.name: term for term in basis.terms}
        value = self.value_of(basis)

        def named(name: str) -> str:
            term = terms[name]
            return f"{self.term(term)} ({self.term_amount(term, counted=True)})"

        if basis.kind is RatioKind.change:
            return f"The change from {named('a')} to {named('b')}, {value}"
        if basis.kind is RatioKind.share:
            return f"{named('a')} as a share of {named('b')}, {value}"
        if basis.kind is RatioKind.quotient:  # "100 times", a rate (issue 14)
            return f"{named('a')} over {named('b')}, {value}"
        return f"The source's figure for {self.term(terms['a'])}, {value}"

    def _how(self, basis: Combination) -> str:
        relative = basis.relative_difference
        side = "more" if relative > 0 else "less"
        if basis.match is Match.exact:
            how = self.exactly(basis)
            return how if how == "exactly" else f"{how} ({percent(abs(relative))} {side})"
        if basis.match is Match.rounded:  # rule B1
            return f"as rounded ({percent(abs(relative))} {side})"
        return f"approximately ({percent(abs(relative))} {side})"

    def exactly(self, combination: Combination) -> str:
        """An `exact` match in words: "exactly" only for the claimed value itself."""
        claim = self.claim
        return exactly(combination.difference, claim.value, claim.qualifier, claim.precision)

    def _support(self, basis: Combination) -> str:
        word = self.claim.asserts
        changes = {r.change_supports for r in self.audit.figures if r.change_supports}
        if changes:
            return f"the change between the source's figures is a {changes.pop()}, which is " + (
                f"what '{word}' says"
            )
        low, high = basis.supported_share.low, basis.supported_share.high
        if low == high:
            share = "all" if high == 1 else percent(high)
        else:
            share = f"between {percent(low)} and {percent(high)}"
        return f"the source describes {share} of it as {word}"

    def _never(self, basis: Combination) -> str:
        """ " It never describes the 291,000 children not served a Notice to Appear as lost."."""
        terms = {term.figure: term for term in basis.terms}
        named = [
            f"{self.term(terms[figure])} ({self.term_amount(terms[figure])})"
            for figure in basis.unsupported_figures
            if figure in terms
        ]
        if not named:
            return ""
        return f" The source never describes {and_list(named)} as {self.claim.asserts}."

    def _wrong_way(self, basis: Combination) -> str:
        direction = self.claim.direction
        if basis.kind is not RatioKind.change or direction is None or basis.value == 0:
            return ""
        actual = "rise" if basis.value > 0 else "fall"
        wanted = "rise" if direction == "up" else "fall"
        if actual == wanted:
            return ""
        return f" The source's figures show a {actual}, not a {wanted}."

    def _not_reproduced(self) -> str:
        audit = self.audit
        chance = next(
            (c for c in audit.combinations if _strength(c.coincidence) == "coincidental"), None
        )
        tolerance = percent(audit.search.tolerance)
        claimed = self.claimed(qualified=False)
        if chance is not None:
            return (
                f"Not reproduced by a meaningful combination: {self.derivation(chance)}, but "
                f"so would {_about(chance)} by chance, so the match says nothing about where "
                "the number came from."
            )
        if ratio_scale(self.claim.unit) is not None:
            return (
                "Not reproduced by the source's figures: no change within a series, share of "
                f"a whole or figure stated in {self.claim.unit} comes within {tolerance} of "
                f"the claimed {claimed}."
            )
        terms = audit.search.max_terms
        return (
            f"Not reproduced by the source's figures: no combination of up to {terms} of them "
            f"comes within {tolerance} of the claimed {claimed}."
        )

    # --- notes -----------------------------------------------------------------------------

    def note(self, note: Note) -> str:
        """A note's sentence with each figure, series, statement and source named as readers
        know it."""
        return self.note_text(note.message)

    def note_text(self, message: str) -> str:
        """Any of the judge's sentences with its ids named as readers know them."""
        text = _WINDOW.sub(self._window_name, message)
        text = _STATEMENT.sub(self._statement_name, text)
        text = self._sources_named(text)
        return _TOKEN.sub(self._id_name, text)

    def _sources_named(self, text: str) -> str:
        """A source's id as its publisher: where it cannot be a word (with - _ . or a digit),
        or after "document of"."""
        for source in self.audit.sources:
            ident = re.escape(source.id)
            if re.search(r"[-_.0-9]", source.id):
                pattern = rf"(?<![\w.-]){ident}(?![\w-])"
            else:
                pattern = rf"(?<=document of ){ident}(?![\w-])"
            text = re.sub(pattern, source.publisher.replace("\\", "\\\\"), text)
        return text

    def _window_name(self, match: re.Match[str]) -> str:
        series, span = match.group(1), match.group(2)
        if series in self.audit.labels or series in self._series_ids:
            return f"{self.series(series)} ({span})"
        return match.group(0)

    def _statement_name(self, match: re.Match[str]) -> str:
        source = next((s for s in self.audit.sources if s.id == match.group(2)), None)
        return f"a statement by {source.publisher}" if source is not None else "a statement"

    def _id_name(self, match: re.Match[str]) -> str:
        token = match.group(1)
        if token not in self._figure_ids:
            return token
        # A plain word may be an id and a word at once ("transferred"): it is named only
        # where it cannot be a word, beside an operator or alone in parentheses.
        if re.search(r"[_0-9]", token) or _beside_operator(match):
            return self.figure(token)
        return token

    @functools.cached_property
    def _figure_ids(self) -> set[str]:
        audit = self.audit
        ids = set(audit.labels) | set(self.readings) | set(audit.unused_figures)
        for combination in (*audit.combinations, *audit.near_misses):
            for term in combination.terms:
                ids.update(term.members or [term.figure])
        return ids

    @functools.cached_property
    def _series_ids(self) -> set[str]:
        audit = self.audit
        return {
            term.window.series
            for combination in (*audit.combinations, *audit.near_misses)
            for term in combination.terms
            if term.window is not None
        }

    def notes(self) -> list[tuple[str, str]]:
        """(heading, sentence) for each note, in the audit's order."""
        return [(NOTE_LABELS.get(n.kind, n.kind.title()), self.note(n)) for n in self.audit.notes]

    # --- support of one figure -------------------------------------------------------------

    def said_verb(self) -> str:
        """ "said", or "counted as" when a figure of the basis backs the claim's word only
        by a synonym of it ("reduced" for "slashed"): a chart's label never says the source
        used a word it did not."""
        basis = self.basis
        members = [m for term in basis.terms for m in self.members(term)] if basis else []
        for reading in members:
            says, counted = said_or_counted(reading, self.claim.asserts)
            if counted and not says and reading.change_supports is None:
                return "counted as"
        return "said"

    def says(self, reading: FigureReading) -> str:
        """Whether the source's words for a figure say the claim's word, in short: "Says
        “lost”: yes."; "Counts as “slashed”: yes." where they are a synonym of it."""
        word = f"\u201c{self.claim.asserts}\u201d"
        if reading.change_supports is not None:
            return f"Says {word}: yes: the change is a {reading.change_supports}."
        if reading.supports == "none":
            return f"Says {word}: no."
        says, _ = said_or_counted(reading, self.claim.asserts)
        verb = "Says" if says else "Counts as"
        return f"{verb} {word}: {'yes' if reading.supports == 'all' else 'of some of them'}."


def said_of(found: Sequence[FigureReading]) -> Literal["all", "some", "none"]:
    """Whether the source says the claim's word of a term (a window: of each of its members,
    `found`): of all of it only when it does of every member, or of a change its direction."""
    if any(r.change_supports for r in found):
        return "all"
    kinds = {r.supports for r in found}
    if kinds == {"all"}:
        return "all"
    return "some" if kinds - {"none"} else "none"


def _strength(found: Coincidence | None) -> str | None:
    return None if found is None else found.strength


def _about(combination: Combination) -> str:
    """ "about 3.2 combinations of 2 figures"."""
    found = combination.coincidence
    assert found is not None
    expected = found.expected_chance_matches
    if expected >= 10:
        about = f"about {int(expected.to_integral_value()):,}"
    else:
        places = Decimal("0.1") if expected >= 1 else Decimal("0.01")
        about = f"about {expected.quantize(places).normalize():f}"
    size = len(combination.terms)
    return f"{about} combinations of {size} figure{'s' if size != 1 else ''}"


def _weak(basis: Combination) -> str:
    found = basis.coincidence
    if found is None or found.strength != "weak":
        return ""
    return (
        f" That match is weak evidence: {_about(basis)} would land as near by chance (of the "
        f"{found.combinations_searched:,} searched)."
    )


def said_or_counted(
    reading: FigureReading, asserts: str
) -> tuple[list[str], list[tuple[str, str]]]:
    """The supporting terms that say the claim's word itself, and those counted by a synonym
    (each with its synonym). Without `supporting_wordings` (JSON of an older factcheck),
    every term is taken to say it, as that version's text did."""
    wordings = reading.supporting_wordings or [asserts] * len(reading.supporting_terms)
    says: list[str] = []
    counted: list[tuple[str, str]] = []
    for term, wording in zip(reading.supporting_terms, wordings, strict=True):
        if wording == asserts:
            says.append(term)
        else:
            counted.append((term, wording))
    return says, counted
