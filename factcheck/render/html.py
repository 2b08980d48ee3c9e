"""`--format html`: one self-contained page an editor can open from an e-mail.

The page holds everything it shows: its style, the chart (inline SVG, render/chart.py) and
the ClaimReview JSON-LD a publisher's page can carry. Its Content-Security-Policy forbids
fetching anything at all (no script, font, image or style from anywhere), so opening it
sends no request. The words come from render/evidence.py; the templates (Jinja2, shipped in
factcheck/render/templates/) only lay them out. Autoescaping is on, and every string printed
is first made visible (`escape.visible`): nothing from the input files becomes markup, and
no control character or bidirectional override takes effect. Only http(s) URLs become
links (`escape.http_url`), and the JSON-LD is escaped for a <script> element
(`escape.json_for_html`).
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck import __version__
from factcheck.bands import Verdict, band
from factcheck.config import Config, load_config, review_date
from factcheck.escape import BIDI_CONTROLS, one_line, visible
from factcheck.models import Audit
from factcheck.render.chart import Chart, chart
from factcheck.render.claimreview import claim_review, markup
from factcheck.render.evidence import Evidence, evidence
from factcheck.render.reader import Reader

if TYPE_CHECKING:
    from jinja2 import Environment

    from factcheck.render.registry import View

# Written beside each verdict's name, so that the badge does not rely on its colour.
SYMBOLS: dict[Verdict, str] = {
    Verdict.supported: "\u2713",  # ✓
    Verdict.misleading: "\u2248",  # ≈
    Verdict.false: "\u2717",  # ✗
    Verdict.unsupported: "?",
    Verdict.understated: "\u2272",  # ≲: the source supports more than the claim (rule C3)
    Verdict.overstated: "\u2273",  # ≳: the claim exceeds what the figures make (rule C3)
}
MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


@dataclass(frozen=True)
class Item:
    """One audit as the templates show it."""

    anchor: str  # the article's id: the claim's id
    verdict: str  # its CSS class: the verdict's name
    symbol: str
    evidence: Evidence
    chart: Chart | None
    reviewed: str  # ISO date
    publisher: str | None
    source_pages: list[str]  # the site's page for each source, in order (none in a report)


def render_html(audits: Sequence[Audit], view: View) -> str:
    """`verify --format html`: one page, one article per audit."""
    config = load_config(view.root or Path.cwd())
    return report_page(audits, config, review_date(config, view.reviewed))


def report_page(audits: Sequence[Audit], config: Config, reviewed: dt.date) -> str:
    items = _unique_anchors([item(audit, config, reviewed) for audit in audits])
    reviews = [claim_review(audit, config, reviewed) for audit in audits]
    document: Any = reviews[0] if len(reviews) == 1 else reviews
    return page("report.html.j2", title=title(items), items=items, jsonld=jsonld(document))


def item(audit: Audit, config: Config, reviewed: dt.date, source_pages: Sequence[str] = ()) -> Item:
    label = config.rating(audit.verdict).name or band(audit.verdict).label
    return Item(
        anchor=audit.claim.id,
        verdict=audit.verdict.value,
        symbol=SYMBOLS.get(audit.verdict, ""),
        evidence=evidence(audit, label),
        chart=chart(Reader(audit)),
        reviewed=reviewed.isoformat(),
        publisher=config.publisher.name if config.path is not None else None,
        source_pages=list(source_pages),
    )


def _unique_anchors(items: list[Item]) -> list[Item]:
    """Two claims with one id in one page: the second's article is "<id>-2", and so on."""
    seen: dict[str, int] = {}
    unique = []
    for each in items:
        seen[each.anchor] = seen.get(each.anchor, 0) + 1
        count = seen[each.anchor]
        unique.append(each if count == 1 else replace(each, anchor=f"{each.anchor}-{count}"))
    return unique


def page(template: str, *, script: str = "", **context: Any) -> str:
    """A whole page from a template, with the style, the policy and the version filled in."""
    css = asset("style.css")
    policy = content_security_policy(css, script)
    jinja = environment().get_template(template)
    return jinja.render(
        csp=policy,
        css=_markup(css),
        script=_markup(script),
        version=__version__,
        **{"jsonld": None, "wide": False, **context},
    )


def content_security_policy(css: str, script: str = "") -> str:
    """Nothing may be fetched; only the page's own style (and script) may run, by hash."""
    scripts = f"'{_sha256(script)}'" if script else "'none'"
    return (
        f"default-src 'none'; style-src '{_sha256(css)}'; script-src {scripts}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; "
        "form-action 'none'"
    )


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def jsonld(document: Any) -> Any:
    return _markup(markup(document, indent=2))  # escaped for <script> by json_for_html


def title(items: Sequence[Item]) -> str:
    if len(items) == 1:
        found = items[0].evidence
        return f"Fact check: \u201c{found.claim_text}\u201d ({found.verdict_label})"
    return f"Fact checks ({len(items)} claims)"


@functools.cache
def asset(name: str) -> str:
    return resources.files("factcheck.render").joinpath("templates", name).read_text("utf-8")


def _markup(text: str) -> Any:
    from markupsafe import Markup

    return Markup(text)


@functools.cache
def environment() -> Environment:
    """The templates, with autoescaping on and every printed string made visible."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("factcheck.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_printable,
    )
    env.filters["longdate"] = long_date
    env.filters["pct"] = _percent
    env.filters["sign"] = _sign
    return env


def _printable(value: Any) -> Any:
    """Every plain string printed: on one line, its controls and bidi overrides shown."""
    if type(value) is not str:
        return value
    text = one_line(value)
    # Most text has nothing `visible` would change: one regex search says so, quickly.
    return visible(text) if _UNSAFE.search(text) else text


# What `escape.visible` writes out (C0 and C1 controls, surrogates, bidi controls and line
# breaks), so that text without any is printed as it is.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029" + "".join(sorted(BIDI_CONTROLS)) + "]"
)


def long_date(iso: str) -> str:
    """2024-09-23 -> 23 September 2024 (the same in every locale)."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _percent(value: float) -> str:
    """A share of the chart's width to 0.01%: the same bytes on every machine."""
    return f"{value:.2f}".rstrip("0").removesuffix(".")


def _sign(sign: str) -> str:
    return {"-": "\u2212"}.get(sign, sign)  # a minus sign, not a hyphen
