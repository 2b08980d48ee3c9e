"""`factcheck check`: validate claim and source files without searching, every problem once.

Each YAML file is read and recognised as a claim or a source, then validated with the same
rules `verify` applies (factcheck/load/): a claim together with the sources it names and the
relations between all their figures, a source with the relations between its own figures.
On top come warnings (FC5xx): things that are valid but probably wrong, such as a quote that
does not contain its figure's number. A broken file is a result, not a stop: the outcome is
one sorted, de-duplicated list of Problems; factcheck/render/problems.py turns it into text.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from factcheck import check_publishing
from factcheck.documents.numbers import mentions
from factcheck.errors import InputError, Problem, problem_at
from factcheck.load import (
    Case,
    Document,
    FigureOrigin,
    KeyPath,
    SourceCache,
    check_figures,
    check_links,
    claim_case,
    find_root,
    resolve_source_path,
)
from factcheck.lookalike import lookalike_note
from factcheck.number_text import mentions_written
from factcheck.paths import YAML_SUFFIXES, display_path, expand_paths
from factcheck.placeholders import (
    PLACEHOLDER,
    placeholders,
    without_echoes,
)
from factcheck.units import RATIO_UNITS

# What tells the two kinds of file apart (docs/format.md); a claim's marks win when both
# appear, as in load/claims.py, so a stray `publisher:` in a claim is reported as an unknown key.
CLAIM_KEYS = ("asserts", "speaker")
SOURCE_KEYS = ("publisher", "figures")

# A claim in these units may be reproduced by a change or a share of figures in any unit.
_RATIO_UNITS = frozenset(RATIO_UNITS)


@dataclass(frozen=True)
class Checked:
    """What `check` found: every problem, and how many files it read to find them."""

    problems: list[Problem]
    files: int


def check_paths(
    paths: Iterable[str],
    root: Path | None = None,
    *,
    allow_draft: bool = False,
    phrases: bool = False,
    publishing: bool = True,
) -> list[Problem]:
    """Every problem in the files under paths (files, directories recursed, globs).

    `publishing` adds the warnings about what published formats will show (FC52x,
    check_publishing.py) to those about the files themselves.

    A file named explicitly must be YAML; other files found in a directory or by a glob
    are ignored. Problems are de-duplicated (a source named by many claims is reported
    once) and sorted by file, line and column; paths are shown relative to the current
    directory when they lie inside it. A TODO placeholder is an error (FC503), or with
    allow_draft a warning.
    """
    return check_files(
        paths, root, allow_draft=allow_draft, phrases=phrases, publishing=publishing
    ).problems


def check_files(
    paths: Iterable[str],
    root: Path | None = None,
    *,
    allow_draft: bool = False,
    phrases: bool = False,
    publishing: bool = True,
) -> Checked:
    """check_paths, with the number of files checked (the sources claims name included)."""
    files, problems = expand_paths(paths)
    checker = _Checker(root, allow_draft=allow_draft, publishing=publishing)
    for path, named in files:
        if path.suffix.lower() in YAML_SUFFIXES:
            checker.check_file(path)
        elif named:
            checker.seen.add(path.resolve())
            problems.append(
                problem_at(
                    path, "not a YAML file: claims and sources are .yaml or .yml files", "FC113"
                )
            )
    if publishing and checker.claims:  # where `verify --format claimreview` reads its config
        problems.extend(check_publishing.config_warnings(root or Path.cwd()))
    found = _finish([*problems, *checker.problems])
    # Each phrase found in a source's document is an `info` (FC700): `check --format json`
    # lists them (phrases=True); they are no problem.
    kept = found if phrases else [p for p in found if p.severity != "info"]
    return Checked(kept, len(checker.seen))


class _Checker:
    """Checks files one by one: each file is read once and each source validated once
    (through the run's SourceCache), however many claims name it."""

    def __init__(
        self, root: Path | None, *, allow_draft: bool = False, publishing: bool = True
    ) -> None:
        self.root = root
        self.publishing = publishing
        self.cache = SourceCache()
        self.sources_done: set[Path] = set()
        self.seen: set[Path] = set()  # every file checked, by its resolved path
        self.problems: list[Problem] = []
        self.draft_severity = "warning" if allow_draft else "error"
        self.claims = 0

    def placeholders(self, document: Document) -> list[Problem]:
        return placeholders(document, severity=self.draft_severity)

    def check_file(self, path: Path) -> None:
        self.seen.add(path.resolve())
        try:
            document = self._document(path)
        except InputError as exc:
            self.problems.extend(exc.problems)
            return
        kind = file_kind(document.data)
        if kind == "claim":
            self.check_claim(path, document)
        elif kind == "source":
            self.check_source(path, document)
        else:
            self.problems.extend(self.placeholders(document))
            self.problems.append(_unrecognised(document))

    def check_claim(self, path: Path, document: Document) -> None:
        self.claims += 1
        self.problems.extend(self.placeholders(document))
        try:
            case = claim_case(document, root=self.root, cache=self.cache)
        except InputError as exc:
            self.problems.extend(exc.problems)
            # load_claim stops at the claim's own errors before it looks at the sources;
            # check them anyway so that one run lists everything.
            sources = self._named_sources(path, document)
        else:
            self.problems.extend(claim_warnings(case, document))
            if self.publishing:
                self.problems.extend(check_publishing.claim_warnings(case, document))
            sources = [loaded.path for loaded in case.sources]
        for source_path in sources:
            self.check_source(source_path)

    def check_source(self, path: Path, document: Document | None = None) -> None:
        key = path.resolve()
        if key in self.sources_done:
            return
        self.sources_done.add(key)
        self.seen.add(key)
        try:
            if document is None:
                document = self._document(path)
            self.problems.extend(self.placeholders(document))
            source = self.cache.get(path).source
        except InputError as exc:
            self.problems.extend(_named(exc.problems, path))
            return
        origins = [
            FigureOrigin(figure, source.id, document, ("figures", index))
            for index, figure in enumerate(source.figures)
        ]
        self.problems.extend(check_figures(origins))
        # A revision may be in a later release: it is looked for when a claim names both.
        self.problems.extend(check_links(origins, [source], alone=True))
        warnings = figure_warnings(origins)
        if source.document is not None:
            # The document check reads each quote in the document itself, and reports a
            # value missing from it as an error (FC709), which FC501 would only repeat.
            warnings = [p for p in warnings if p.code != "FC501"]
            root = (self.root or find_root(path.resolve().parent)).resolve()
            self.problems.extend(self.cache.checked(self.cache.get(path), root).problems)
        self.problems.extend(warnings)

    def _document(self, path: Path) -> Document:
        """The file read once per run, its problems naming it as path (the cache keeps the
        path it was first read by, perhaps another way to the same file)."""
        try:
            document = self.cache.document(path)
        except InputError as exc:
            raise InputError(_named(exc.problems, path)) from None
        return document if document.path == path else replace(document, path=path)

    def _named_sources(self, path: Path, document: Document) -> list[Path]:
        raw = document.data.get("sources")
        entries = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
        root = (self.root or find_root(path.resolve().parent)).resolve()
        found: list[Path] = []
        for index, relative in enumerate(entries):
            if not isinstance(relative, str):
                continue  # the schema error is already reported
            target = resolve_source_path(
                path, relative, root, document, ("sources", index), self.problems
            )
            if target is not None:
                found.append(target)
        return found


def file_kind(data: Mapping[str, Any]) -> str | None:
    """'claim', 'source', or None when the keys tell neither."""
    if "asserts" in data:
        return "claim"
    if "publisher" in data:
        return "source"
    if "speaker" in data:
        return "claim"
    if "figures" in data:
        return "source"
    return None


def _named(problems: list[Problem], path: Path) -> list[Problem]:
    """The problems of one file, under the path it was checked by."""
    return [replace(problem, path=str(path)) for problem in problems]


def _unrecognised(document: Document) -> Problem:
    hints = []
    for key in document.data:
        close = difflib.get_close_matches(str(key), [*CLAIM_KEYS, *SOURCE_KEYS], n=1)
        if close:
            hints.append(f"{key!r} -> {close[0]!r}")
    hint = f" (did you mean {', '.join(hints)}?)" if hints else ""
    return document.problem(
        (),
        "cannot tell whether this is a claim or a source: a claim has `asserts:` and "
        f"`speaker:`, a source has `publisher:` and `figures:`{hint}",
        "FC208",
        key=True,
    )


def _finish(problems: Iterable[Problem]) -> list[Problem]:
    """One display path per file, duplicates dropped, placeholder echoes dropped, sorted."""
    problems = list(problems)
    shown = {path: display_path(path) for path in {p.path for p in problems}}
    return sorted(without_echoes({replace(p, path=shown[p.path]) for p in problems}))


# --- warnings (FC5xx) -------------------------------------------------------------------


def _warning(document: Document, key_path: KeyPath, message: str, code: str) -> Problem:
    return replace(document.problem(key_path, message, code), severity="warning")


def figure_warnings(origins: Iterable[FigureOrigin]) -> list[Problem]:
    """FC501 (quote without the figure's number) and FC502 (figure without described_as)."""
    found: list[Problem] = []
    for origin in origins:
        figure, document = origin.figure, origin.document
        quote = figure.quote
        if (
            quote
            and not quote.lstrip().startswith(PLACEHOLDER)
            and not mentions_number(quote, figure.value, figure.precision)
        ):
            found.append(
                _warning(
                    document,
                    (*origin.key_path, "quote"),
                    f"the quote does not contain the figure's value {_grouped(figure.value)} "
                    f"in any written form ({_forms(figure.value)}); check the value and the "
                    "quote",
                    "FC501",
                )
            )
        if not figure.described_as and figure.series is None:
            # A stock in a series needs no words of its own: a change between two stocks
            # supports the lexicon's words of change whatever the stocks are called.
            found.append(
                _warning(
                    document,
                    origin.key_path,
                    f"figure {figure.id!r} has no `described_as`: without the source's own "
                    "words for it, no claim's word can be found supported by it",
                    "FC502",
                )
            )
    return found


def claim_warnings(case: Case, document: Document) -> list[Problem]:
    """Warnings about a valid claim: its inline figures, its text, its unit."""
    claim = case.claim
    found = figure_warnings(o for o in case.figures if o.document.path == case.path)
    if not claim.text.lstrip().startswith(PLACEHOLDER) and not mentions_number(
        claim.text, claim.value, claim.precision
    ):
        found.append(
            _warning(
                document,
                ("text",),
                f"the claim's text does not contain its value {_grouped(claim.value)} in any "
                f"written form ({_forms(claim.value)}); check the value and the text",
                "FC505",
            )
        )
    units = sorted({o.figure.unit for o in case.figures})
    unit = claim.unit.strip().casefold()
    if units and unit not in _RATIO_UNITS and unit not in {u.strip().casefold() for u in units}:
        found.append(
            _warning(
                document,
                ("unit",),
                f"no figure of the claim's sources is in unit {claim.unit!r} (they are in "
                f"{', '.join(repr(u) for u in units)}){lookalike_note(claim.unit, units)}; "
                "figures combine only with figures of the claim's unit, so nothing can "
                "reproduce it",
                "FC504",
            )
        )
    return found


# --- numbers in running text: factcheck/documents/numbers.py finds them --------------


def mentions_number(text: str, value: Decimal, precision: Decimal) -> bool:
    """Whether text writes value in some form: the common forms fast (documents/numbers.py),
    then every form a `value` accepts ("220 crore", "R17.3bn", "one in four")."""
    return mentions(text, value, precision) or mentions_written(text, value, precision)


_SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}


def _grouped(value: Decimal) -> str:
    return f"{value:,}"


def _forms(value: Decimal) -> str:
    """A few ways of writing value, for the message: 448,000 / 448000 / 448 thousand."""
    magnitude = abs(value)
    forms = [f"{magnitude:,}", f"{magnitude}"]
    for word, exponent in reversed(list(_SCALES.items())):
        unit = Decimal(10) ** exponent
        if magnitude >= unit:
            forms.append(f"{(magnitude / unit).normalize():f} {word}")
            break
    return " / ".join(dict.fromkeys(forms))
