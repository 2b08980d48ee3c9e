"""`factcheck check`'s publishing warnings (FC52x): what the published formats will show.

Valid files can still publish badly: a figure without a `label` is named in HTML, Markdown
and ClaimReview by its description or its id; a long claim wraps in search results; a
repository without a publishing config gives every ClaimReview the anchor `#<claim id>` as
its URL and "factcheck" as its author. These are warnings (they fail only `check --strict`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from factcheck.config import (
    CLAIM_REVIEWED_LENGTH,
    CONFIG_FILE,
    Config,
    find_config,
    load_config,
)
from factcheck.errors import InputError, Problem, problem_at
from factcheck.load import Case, Document, FigureOrigin
from factcheck.units import ratio_scale, same_unit

NO_LABEL = "FC520"  # a figure that can reach a verdict has no label
LONG_CLAIM = "FC521"  # claimReviewed over Google's 75 characters
NO_PUBLISHER = "FC522"  # ClaimReview's url or author is not configured

# A description's first phrase makes a label: "children ICE did not serve a Notice to Appear,
# so without a court date" -> "children ICE did not serve a Notice to Appear".
_FIRST_PHRASE = re.compile(r"^(.+?)(?:,\s| \(|;\s| - |$)")


def claim_warnings(case: Case, document: Document) -> list[Problem]:
    """FC520 for the case's figures that can reach a verdict, FC521 for a long claim."""
    found = label_warnings(case)
    length = len(case.claim.text.strip())
    if length > CLAIM_REVIEWED_LENGTH:
        found.append(
            _warning(
                document.problem(
                    ("text",),
                    f"the claim's text is {length} characters; ClaimReview publishes it as "
                    f"`claimReviewed`, which Google asks to keep under {CLAIM_REVIEWED_LENGTH} "
                    "so that it does not wrap on a phone: quote the part with the number",
                    LONG_CLAIM,
                )
            )
        )
    return found


def label_warnings(case: Case) -> list[Problem]:
    """FC520: each figure that can reach this claim's verdict and has no `label`; a series
    once, at its first such figure."""
    found: list[Problem] = []
    series_seen: set[tuple[str, str]] = set()
    for origin in _reachable(case):
        figure = origin.figure
        if figure.label is not None:
            continue
        if figure.series is not None:
            if (origin.source_id, figure.series) in series_seen:
                continue
            series_seen.add((origin.source_id, figure.series))
        problem = origin.document.problem(origin.key_path, _no_label(origin), NO_LABEL)
        found.append(_warning(problem))
    return found


def _reachable(case: Case) -> Iterable[FigureOrigin]:
    """The figures a combination for this claim can use: a sum's, those in the claim's unit;
    a ratio's, any (a change or a share of figures in any unit)."""
    if ratio_scale(case.claim.unit) is not None:
        return case.figures
    return (o for o in case.figures if same_unit(o.figure.unit, case.claim.unit))


def _no_label(origin: FigureOrigin) -> str:
    figure = origin.figure
    subject = (
        f"the figures of series {figure.series!r}"
        if figure.series is not None
        else f"figure {figure.id!r}"
    )
    message = (
        f"{subject} can reach a verdict but {'have' if figure.series else 'has'} no `label`: "
        "published text (HTML, Markdown, ClaimReview) names a figure by its label, else by "
        "its description or id"
    )
    suggestion = suggested_label(figure.describes)
    if suggestion:
        return f"{message}; for example `label: {suggestion!r}`"
    return f"{message}; add a few words saying what it counts"


def suggested_label(describes: str) -> str:
    """A label made from a description's first phrase, or "" when there is none."""
    match = _FIRST_PHRASE.match(" ".join(describes.split()))
    return match.group(1).strip() if match else ""


def config_warnings(start: Path) -> list[Problem]:
    """FC522 when ClaimReview's url or author would be the defaults; a broken config's own
    problems (FC6xx), as `verify --format claimreview` would report them."""
    try:
        config = load_config(start)
    except InputError as exc:
        return list(exc.problems)
    found = find_config(start)
    path = found[0] if found is not None else start.resolve() / CONFIG_FILE
    missing = _missing(config)
    if not missing:
        return []
    if found is None:
        where = f" (no {CONFIG_FILE} yet: create it)"
    elif config.path is None:
        where = " (pyproject.toml has no [tool.factcheck] table yet)"
    else:
        where = ""
    return [
        replace(
            problem_at(
                path,
                f"{_and(missing)} not set{where}: ClaimReview then gives each review "
                "the URL '#<claim id>' and the author 'factcheck'; set them before publishing "
                '(factcheck\'s docs/publishing.md, "The config file")',
                NO_PUBLISHER,
            ),
            severity="warning",
        )
    ]


def _missing(config: Config) -> list[str]:
    missing = []
    if config.review_url is None:
        missing.append("review_url")
    if config.path is None:
        missing.append("publisher.name")
    if config.publisher.url is None:
        missing.append("publisher.url")
    return missing


def _and(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]


def _warning(problem: Problem) -> Problem:
    return replace(problem, severity="warning")
