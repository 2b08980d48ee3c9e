"""schema.org ClaimReview JSON-LD, as Google's fact-check markup reads it.

One ClaimReview per audit. The publisher (`author`), the rating scale and the review URL
come from the config (factcheck/config.py); everything else comes from the audit, so the
same audits and config always give byte-identical output (no clock is read: see
`date_published`). docs/publishing.md describes every field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from factcheck.config import Config, review_url
from factcheck.models import Audit
from factcheck.render.json import dumps

CONTEXT = "https://schema.org"


def render_claimreview(audits: list[Audit], config: Config, single: bool) -> str:
    """JSON-LD text: one object when `single` (and one audit), else an array of them."""
    reviews = [claim_review(audit, config) for audit in audits]
    document: Any = reviews[0] if single and len(reviews) == 1 else reviews
    return dumps(document, indent=2) + "\n"


def claim_review(audit: Audit, config: Config) -> dict[str, Any]:
    """One ClaimReview as a JSON-ready dict, keys in a fixed order."""
    rating = config.rating(audit.verdict)
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": review_page(audit, config),
        "claimReviewed": audit.claim.text,
        "datePublished": date_published(audit, config).isoformat(),
        "author": _organization(config),
        "itemReviewed": _claim(audit),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating.value,
            "bestRating": config.best,
            "worstRating": config.worst,
            "alternateName": rating.name,
            "ratingExplanation": audit.summary,
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


def date_published(audit: Audit, config: Config) -> dt.date:
    """The config's `reviewed` date (or $FACTCHECK_REVIEWED), else a date from the inputs.

    Without an explicit date this is the newest of the claim's date and its sources'
    publication dates: the earliest day on which this review, with all its evidence, could
    have been written. Reading today's date instead would make the output change daily.
    """
    if config.reviewed is not None:
        return config.reviewed
    return max([audit.claim.date, *(source.published for source in audit.sources)])


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
    appearance = _appearance(claim.url, claim.venue)
    if appearance is not None:
        item["appearance"] = appearance
    return item


def _appearance(url: str | None, venue: str | None) -> dict[str, Any] | None:
    """Where the claim was made: its URL and the venue's name, when the claim gives them."""
    if url is None and venue is None:
        return None
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if url is not None:
        work["url"] = url
    if venue is not None:
        work["name"] = venue
    return work
