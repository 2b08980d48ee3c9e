"""The pages of `factcheck site`, as text in memory: {path in the site: its text}.

- `index.html`: every claim (verdict, claim, speaker, date, value), newest first, with the
  count of each verdict; `site.js` sorts and filters the table where scripts run;
- `verdicts/<verdict>.html`: the claims of one verdict (a filter that needs no script);
- `claims/<claim id>.html`: each claim's report, as `verify --format html` writes it;
- `sources/<source id>.html`: each source, and the claims checked against it;
- `claims.jsonl`: every audit, one JSON object a line (`verify --format jsonl`).

The same audits, config and date give the same bytes: everything is sorted, nothing reads
a clock or a path of this machine. factcheck/site.py checks the ids and writes the folder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from factcheck.bands import BANDS, Verdict, band
from factcheck.config import Config
from factcheck.escape import http_url
from factcheck.models import Audit, SourceSummary
from factcheck.render import html
from factcheck.render.claimreview import claim_review
from factcheck.render.json import render_line
from factcheck.render.reader import Reader

INDEX = "index.html"
JSONL = "claims.jsonl"


@dataclass(frozen=True)
class ClaimRow:
    id: str
    verdict: str
    verdict_order: int  # the bands' order: supported first
    label: str
    symbol: str
    text: str
    speaker: str
    date: str
    value: str  # the claimed number as published text writes it
    magnitude: Decimal  # for sorting by value


@dataclass(frozen=True)
class VerdictCount:
    name: str
    label: str
    count: int


@dataclass(frozen=True)
class SourceEntry:
    id: str
    publisher: str
    title: str
    published: str
    link: str | None
    count: int


def site_pages(audits: Sequence[Audit], config: Config, reviewed: dt.date) -> dict[str, str]:
    """Every file of the site, by its path inside the site's folder, in sorted order."""
    ordered = sorted(audits, key=lambda a: a.claim.id)
    rows = sorted((_row(a, config) for a in ordered), key=lambda r: (r.date, r.id), reverse=True)
    sources = _sources(ordered)
    pages = {INDEX: _index(rows, config, sources)}
    for verdict in BANDS:
        chosen = [row for row in rows if row.verdict == verdict.verdict.value]
        if chosen:
            heading = f"Claims rated {_label(verdict.verdict, config)}"
            pages[f"verdicts/{verdict.verdict.value}.html"] = _listing(chosen, config, heading)
    for audit in ordered:
        pages[f"claims/{audit.claim.id}.html"] = _claim_page(audit, config, reviewed)
    for entry in sources.values():
        using = _claims_of(ordered, entry.id)
        chosen = [row for row in rows if row.id in using]
        heading = entry.title
        pages[f"sources/{entry.id}.html"] = _listing(chosen, config, heading, entry)
    pages[JSONL] = "".join(render_line(audit) for audit in ordered)
    return dict(sorted(pages.items()))


def _row(audit: Audit, config: Config) -> ClaimRow:
    claim = audit.claim
    order = [b.verdict for b in BANDS].index(audit.verdict)
    return ClaimRow(
        id=claim.id,
        verdict=audit.verdict.value,
        verdict_order=order,
        label=_label(audit.verdict, config),
        symbol=html.SYMBOLS.get(audit.verdict, ""),
        text=claim.text,
        speaker=claim.speaker,
        date=claim.date.isoformat(),
        value=Reader(audit).claimed(),
        magnitude=abs(claim.value),
    )


def _label(verdict: Verdict, config: Config) -> str:
    return config.rating(verdict).name or band(verdict).label


def _sources(audits: Sequence[Audit]) -> dict[str, SourceEntry]:
    """Each source once (by id), with how many claims use it, sorted by id."""
    found: dict[str, tuple[SourceSummary, int]] = {}
    for audit in audits:
        for source in audit.sources:
            seen = found.get(source.id)
            found[source.id] = (source, 1 + (seen[1] if seen else 0))
    return {
        key: SourceEntry(
            key,
            source.publisher,
            source.title,
            source.published.isoformat(),
            http_url(source.url),
            count,
        )
        for key, (source, count) in sorted(found.items())
    }


def _claims_of(audits: Sequence[Audit], source_id: str) -> set[str]:
    return {a.claim.id for a in audits if any(s.id == source_id for s in a.sources)}


def _verdict_counts(rows: Sequence[ClaimRow], config: Config) -> list[VerdictCount]:
    return [
        VerdictCount(
            b.verdict.value,
            _label(b.verdict, config),
            sum(1 for row in rows if row.verdict == b.verdict.value),
        )
        for b in BANDS
    ]


def _index(rows: list[ClaimRow], config: Config, sources: dict[str, SourceEntry]) -> str:
    publisher = config.publisher.name if config.path is not None else None
    return html.page(
        "site_index.html.j2",
        script=_script(),
        title=f"Fact checks{f' by {publisher}' if publisher else ''}",
        heading="Fact checks",
        rows=rows,
        verdicts=_verdict_counts(rows, config),
        sources=list(sources.values()),
        publisher=publisher,
        source=None,
        crumbs=False,
        base="",
        wide=True,
    )


def _listing(
    rows: list[ClaimRow], config: Config, heading: str, source: SourceEntry | None = None
) -> str:
    """A verdict's or a source's page: one folder down from the index."""
    return html.page(
        "site_index.html.j2",
        script=_script(),
        title=heading,
        heading=heading,
        rows=rows,
        verdicts=_verdict_counts(rows, config),
        sources=[],
        publisher=None,
        source=source,
        crumbs=True,
        base="../",
        wide=True,
    )


def _claim_page(audit: Audit, config: Config, reviewed: dt.date) -> str:
    pages = [f"../sources/{source.id}.html" for source in audit.sources]
    item = html.item(audit, config, reviewed, pages)
    jsonld = html.jsonld(claim_review(audit, config, reviewed))
    return html.page("site_claim.html.j2", title=html.title([item]), item=item, jsonld=jsonld)


def _script() -> str:
    return html.asset("site.js")
