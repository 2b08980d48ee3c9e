"""ClaimReview JSON-LD: golden output, every field Google's fact-check markup expects."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import Config, Publisher, Rating, today
from factcheck.errors import InputError
from factcheck.judge import Settings, judge
from factcheck.load import load_claim
from factcheck.models import Audit, Verdict
from factcheck.render.claimreview import render_claimreview
from tests.conftest import CLAIMS, REPO, CaseWriter, assert_golden

GOLDEN = REPO / "tests" / "golden" / "claimreview"
SEED = "claims/trump-2024-09-23-325k-migrant-children.yaml"
PUBLISHER = Config(
    publisher=Publisher(
        name="Example Fact Check",
        url="https://factcheck.example.org",
        logo="https://factcheck.example.org/logo.png",
    ),
    review_url="https://factcheck.example.org/reviews/{claim_id}",
    reviewed=dt.date(2024, 10, 2),
)


def audit(path: Path | str) -> Audit:
    return judge(load_claim(Path(path)), Settings())


def review(path: Path | str, config: Config | None = None) -> dict[str, Any]:
    document = json.loads(render_claimreview([audit(path)], config or Config(), single=True))
    assert isinstance(document, dict)
    return document


@pytest.fixture(scope="module")
def example_audits() -> list[Audit]:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        return [audit(claim.relative_to(REPO)) for claim in CLAIMS]


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda p: p.stem)
def test_claimreview_matches_golden(in_repo: Path, claim: Path) -> None:
    text = render_claimreview([audit(claim.relative_to(REPO))], PUBLISHER, single=True)
    assert_golden(GOLDEN / f"{claim.stem}.json", text)


def test_every_claimreview_golden_has_a_claim() -> None:
    stems = {claim.stem for claim in CLAIMS}
    orphans = [p.name for p in sorted(GOLDEN.glob("*.json")) if p.stem not in stems]
    assert orphans == [], "golden files for claims that no longer exist: delete them"


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _is_absolute_url(value: object) -> bool:
    return isinstance(value, str) and urlsplit(value).scheme in ("http", "https")


def check_claim_review(item: dict[str, Any], config: Config) -> None:
    """Google's required (url, claimReviewed, reviewRating + alternateName) and recommended
    (author, datePublished, itemReviewed with author, datePublished, appearance) fields."""
    assert item["@context"] == "https://schema.org"
    assert item["@type"] == "ClaimReview"
    assert isinstance(item["claimReviewed"], str) and item["claimReviewed"].strip()
    assert isinstance(item["url"], str) and item["url"]
    if config.review_url is not None:
        assert _is_absolute_url(item["url"])
    assert _is_date(item["datePublished"])

    author = item["author"]
    assert author["@type"] == "Organization"
    assert isinstance(author["name"], str) and author["name"]
    for key in ("url", "logo"):
        assert key not in author or _is_absolute_url(author[key])

    claim = item["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"]["@type"] in ("Person", "Organization")
    assert isinstance(claim["author"]["name"], str) and claim["author"]["name"]
    assert _is_date(claim["datePublished"])
    assert item["datePublished"] >= claim["datePublished"]  # ISO dates sort as text
    if "firstAppearance" in claim:
        appearance = claim["firstAppearance"]
        assert appearance["@type"] == "CreativeWork"
        assert "url" in appearance or "name" in appearance
        assert "url" not in appearance or _is_absolute_url(appearance["url"])
        assert appearance["datePublished"] == claim["datePublished"]
        assert claim["appearance"] == appearance

    rating = item["reviewRating"]
    assert rating["@type"] == "Rating"
    for key in ("ratingValue", "bestRating", "worstRating"):
        assert type(rating[key]) is int, key
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert isinstance(rating["alternateName"], str) and rating["alternateName"]
    assert rating["name"] == rating["alternateName"]
    assert isinstance(rating["ratingExplanation"], str) and rating["ratingExplanation"]


@pytest.mark.parametrize(
    "config", [Config(reviewed=dt.date(2024, 10, 2)), PUBLISHER], ids=["defaults", "publisher"]
)
def test_every_claim_has_every_required_field(example_audits: list[Audit], config: Config) -> None:
    document = json.loads(render_claimreview(example_audits, config, single=False))
    assert isinstance(document, list) and len(document) == len(CLAIMS)
    for item, each in zip(document, example_audits, strict=True):
        check_claim_review(item, config)
        rating = config.rating(each.verdict)
        assert item["reviewRating"]["ratingValue"] == rating.value
        assert item["reviewRating"]["alternateName"] == rating.name
        assert item["claimReviewed"] == each.claim.text


def test_seed_review(in_repo: Path) -> None:
    item = review(SEED, PUBLISHER)
    assert item["url"] == (
        "https://factcheck.example.org/reviews/trump-2024-09-23-325k-migrant-children"
    )
    assert item["claimReviewed"] == "She lost more than 325,000 migrant children."
    assert item["datePublished"] == "2024-10-02"  # the config's `reviewed`
    assert item["author"] == {
        "@type": "Organization",
        "name": "Example Fact Check",
        "url": "https://factcheck.example.org",
        "logo": "https://factcheck.example.org/logo.png",
    }
    assert item["itemReviewed"] == {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Donald Trump"},
        "datePublished": "2024-09-23",
        "firstAppearance": {
            "@type": "CreativeWork",
            "name": "Rally in Indiana, Pennsylvania",
            "datePublished": "2024-09-23",
        },
        "appearance": {
            "@type": "CreativeWork",
            "name": "Rally in Indiana, Pennsylvania",
            "datePublished": "2024-09-23",
        },
    }
    rating = item["reviewRating"]
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (1, 5, 1)
    assert rating["alternateName"] == rating["name"] == "False"
    assert rating["ratingExplanation"].startswith(
        "The source's figures for children not served a Notice to Appear (more than 291,000) "
        "and children who failed to appear in immigration court (more than 32,000) add up to "
        "323,000 children"
    )
    assert "no_nta" not in rating["ratingExplanation"]


def test_defaults_use_an_anchor_not_the_claims_own_url() -> None:
    inline = REPO / "tests" / "cases" / "valid" / "claim_inline.yaml"
    item = review(inline)
    assert item["url"] == "#inline-claim"
    assert item["author"] == {"@type": "Organization", "name": "factcheck"}
    assert item["itemReviewed"]["firstAppearance"] == {
        "@type": "CreativeWork",
        "url": "https://example.org/claim",
        "name": "A press release",
        "datePublished": "2024-01-02",
    }


def test_date_published_is_the_review_date_else_today(
    write_case: CaseWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    figures = [{"id": "a", "value": 5, "unit": "people", "described_as": ["missing"]}]
    path = write_case(figures, {"published": "2024-07-01"}, value=5, date="2024-06-01")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert review(path)["datePublished"] == dt.date.today().isoformat()
    assert "firstAppearance" not in review(path)["itemReviewed"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1727308800")  # 2024-09-26 00:00 UTC
    assert review(path)["datePublished"] == "2024-09-26"
    fixed = Config(reviewed=dt.date(2024, 9, 27))
    assert review(path, fixed)["datePublished"] == "2024-09-27"
    given = render_claimreview([audit(path)], fixed, single=True, reviewed=dt.date(2024, 9, 28))
    assert json.loads(given)["datePublished"] == "2024-09-28"


@pytest.mark.parametrize("epoch", ["yesterday", "1e9", "99999999999999999999"])
def test_a_bad_source_date_epoch_is_a_problem(monkeypatch: pytest.MonkeyPatch, epoch: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    with pytest.raises(InputError) as raised:
        today()
    (problem,) = raised.value.problems
    assert problem.code == "FC605" and problem.path == "$SOURCE_DATE_EPOCH"
    assert problem.message.startswith("expected a whole number of seconds since 1970-01-01")


def test_cli_date_sets_date_published(
    write_case: CaseWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_case(
        [{"id": "a", "value": 5, "unit": "people", "described_as": ["missing"]}], value=5
    )
    monkeypatch.setenv("FACTCHECK_REVIEWED", "2024-01-01")
    command = ["verify", str(path), "--format", "claimreview", "--date", "2024-09-30"]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["datePublished"] == "2024-09-30"
    result = CliRunner().invoke(app, [*command[:-1], "30/09/2024"])
    assert result.exit_code == 2
    assert "'30/09/2024' is not a date; write YYYY-MM-DD" in result.stderr


def test_claimreview_is_safe_to_paste_into_a_page(write_case: CaseWriter) -> None:
    path = write_case(
        [{"id": "a", "value": 5, "unit": "people", "described_as": ["missing"]}],
        value=5,
        text="5 went missing</script><script>alert(1)</script> & more",
        speaker="A <b>speaker</b>",
    )
    text = render_claimreview([audit(path)], Config(), single=True)
    assert "<" not in text and ">" not in text and "&" not in text
    item = json.loads(text)  # the same JSON value
    assert item["claimReviewed"] == "5 went missing</script><script>alert(1)</script> & more"
    assert item["itemReviewed"]["author"]["name"] == "A <b>speaker</b>"


def test_only_http_urls_become_the_claims_appearance(write_case: CaseWriter) -> None:
    figures = [{"id": "a", "value": 5, "unit": "people", "described_as": ["missing"]}]
    path = write_case(figures, value=5, url="javascript:alert(1)", venue=None)
    assert "firstAppearance" not in review(path)["itemReviewed"]


def test_scale_from_config(in_repo: Path) -> None:
    scale = {
        Verdict.supported: Rating(10, "True"),
        Verdict.misleading: Rating(6, "Half true"),
        Verdict.unsupported: Rating(3, "Unproven"),
        Verdict.false: Rating(0, "Pants on fire"),
    }
    rating = review(SEED, Config(scale=scale, best=10, worst=0))["reviewRating"]
    assert rating["ratingValue"] == 0
    assert rating["alternateName"] == "Pants on fire"
    assert (rating["bestRating"], rating["worstRating"]) == (10, 0)


def test_single_gives_an_object_and_a_batch_a_list(example_audits: list[Audit]) -> None:
    one = render_claimreview(example_audits[:1], Config(), single=True)
    assert one.endswith("}\n") and isinstance(json.loads(one), dict)
    listed = render_claimreview(example_audits[:1], Config(), single=False)
    assert isinstance(json.loads(listed), list)
    # `single` with several audits cannot be one object: it stays a list.
    assert isinstance(json.loads(render_claimreview(example_audits, Config(), single=True)), list)
    assert render_claimreview(example_audits, PUBLISHER, single=False) == render_claimreview(
        example_audits, PUBLISHER, single=False
    )


def test_cli_claimreview_uses_the_config_beside_the_claims(
    write_case: CaseWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_case(
        [{"id": "a", "value": 5, "unit": "people", "described_as": ["missing"]}], value=5
    )
    (tmp_path / "factcheck.toml").write_text(
        '[publisher]\nname = "Rivertown Checks"\n[rating.supported]\nname = "True"\n'
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTCHECK_REVIEWED", raising=False)
    result = CliRunner().invoke(
        app, ["verify", str(path.relative_to(tmp_path)), "--format", "claimreview"]
    )
    assert result.exit_code == 0, result.output
    item = json.loads(result.stdout)
    check_claim_review(item, Config())
    assert item["author"]["name"] == "Rivertown Checks"
    assert item["reviewRating"]["alternateName"] == "True"
