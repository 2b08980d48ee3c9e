"""schema.org ClaimReview JSON-LD, as Google's fact-check markup reads it.

One ClaimReview per audit. The publisher (`author`), the rating scale and the review URL
come from the config (factcheck/config.py); `datePublished` is the review's date (verify's
--date, the config's `reviewed`, else today: config.review_date); everything else comes from
the audit, worded for readers (render/reader.py). The text is safe to paste into a page's
`<script type="application/ld+json">` as it is: no string from the inputs can close the
script element (escape.json_for_html). docs/publishing.md describes every field.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from factcheck.config import Config, review_date, review_url
from factcheck.escape import BIDI_CONTROLS, http_url, json_for_html
from factcheck.models import Audit
from factcheck.render.reader import Reader

CONTEXT = "https://schema.org"


def render_claimreview(
    audits: list[Audit], config: Config, single: bool, reviewed: dt.date | None = None
) -> str:
    """JSON-LD text: one object when `single` (and one audit), else an array of them.

    `reviewed` is the review's date; None reads it from the config, else today."""
    day = review_date(config, reviewed)
    reviews = [claim_review(audit, config, day) for audit in audits]
    document: Any = reviews[0] if single and len(reviews) == 1 else reviews
    return markup(document, indent=2) + "\n"


def markup(document: Any, indent: int | None = None) -> str:
    """JSON-LD text that a page can embed in a <script> element as it is (same JSON value).

    Bidirectional and C1 controls are written as \\u escapes too: a page's source then
    shows them, and no editor or terminal applies them to the text around."""
    # A ClaimReview holds only strings, integers and lists of them: the standard encoder
    # writes it as render.json.dumps would, and several times faster (a site of 1,000).
    separators = (",", ": ") if indent is not None else (",", ":")
    text = json.dumps(document, indent=indent, ensure_ascii=False, separators=separators)
    return _HIDDEN.sub(_escaped, json_for_html(text))


# DEL, C1 controls and bidirectional controls (JSON itself escapes C0 controls).
_HIDDEN = re.compile("[\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


def claim_review(audit: Audit, config: Config, reviewed: dt.date) -> dict[str, Any]:
    """One ClaimReview as a JSON-ready dict, keys in a fixed order."""
    rating = config.rating(audit.verdict)
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": review_page(audit, config),
        "claimReviewed": audit.claim.text,
        "datePublished": reviewed.isoformat(),
        "author": _organization(config),
        "itemReviewed": _claim(audit),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating.value,
            "bestRating": config.best,
            "worstRating": config.worst,
            # Google reads alternateName and falls back to name: both carry the rating.
            "alternateName": rating.name,
            "name": rating.name,
            "ratingExplanation": Reader(audit).summary(),
        },
    }
    return review


def review_page(audit: Audit, config: Config) -> str:
    """The review's URL: the config's `review_url` template, else `#<claim id>`.

    The claim's own `url` is where the claim appeared, not where the review is published,
    so it is never used here (Google requires `url` to be on the reviewing site). The
    relative `#<claim id>` resolves against the page the markup is embedded in.
    """
    if config.review_url is not None:
        return review_url(config.review_url, audit.claim.id)
    return f"#{audit.claim.id}"


def _organization(config: Config) -> dict[str, Any]:
    publisher = config.publisher
    author: dict[str, Any] = {"@type": "Organization", "name": publisher.name}
    if publisher.url is not None:
        author["url"] = publisher.url
    if publisher.logo is not None:
        author["logo"] = publisher.logo
    return author


def _claim(audit: Audit) -> dict[str, Any]:
    claim = audit.claim
    item: dict[str, Any] = {
        "@type": "Claim",
        # The claim format names the speaker without saying what they are; a person is by
        # far the commonest speaker of a public numeric claim.
        "author": {"@type": "Person", "name": claim.speaker},
        "datePublished": claim.date.isoformat(),
    }
    appearance = _appearance(audit)
    if appearance is not None:
        # Where and when the claim was made is its first appearance; `appearance` is kept
        # beside it for readers of the markup written before firstAppearance.
        item["firstAppearance"] = appearance
        item["appearance"] = dict(appearance)
    return item


def _appearance(audit: Audit) -> dict[str, Any] | None:
    """Where the claim was made: its URL (http or https only) and the venue's name."""
    claim = audit.claim
    url = http_url(claim.url)
    if url is None and claim.venue is None:
        return None
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if url is not None:
        work["url"] = url
    if claim.venue is not None:
        work["name"] = claim.venue
    work["datePublished"] = claim.date.isoformat()
    return work
