"""The HTML report: golden pages, a policy that fetches nothing, escaping, colours, JSON-LD."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.bands import BANDS
from factcheck.cli import app
from factcheck.config import Config, Publisher
from factcheck.escape import one_line, visible
from factcheck.judge import Settings, judge
from factcheck.load import load_claim
from factcheck.models import Audit
from factcheck.render import html
from factcheck.render.claimreview import claim_review
from factcheck.render.html import long_date, report_page
from tests.conftest import REPO, CaseWriter, assert_golden, examples
from tests.render.pages import read_page

GOLDEN = REPO / "tests" / "golden" / "html"
SEED = "claims/trump-2024-09-23-325k-migrant-children.yaml"
# What the chart says of the seed: a share of the reproduced value, prorated (rules A3, D).
SEED_SAID = (
    "at most 17,244 (5.3% of the reproduced 323,000 children within the period the claim "
    "attributes)"
)
REVIEWED = dt.date(2024, 10, 2)
PUBLISHER = Config(
    publisher=Publisher(name="Example Fact Check", url="https://factcheck.example.org"),
    review_url="https://factcheck.example.org/reviews/{claim_id}",
    path=Path("factcheck.toml"),
)
# One of each shape of report: a sum (with a period note and an extent), a subtraction in
# money, a window of a series, a change, a share, and a claim nothing reproduces.
EXAMPLES = [
    "trump-2024-09-23-325k-migrant-children",
    "illustrative-rivertown-2bn-without-debt",
    "illustrative-opposition-3-1m-let-in-since-she-took-office",
    "illustrative-usbp-fell-47pct-in-april-2020",
    "illustrative-minister-third-released",
    "illustrative-ice-lost-85k-children",
]


def audit(path: Path | str) -> Audit:
    return judge(load_claim(Path(path)), Settings())


@pytest.mark.parametrize("name", EXAMPLES)
def test_report_matches_golden(in_repo: Path, name: str) -> None:
    page = report_page([audit(f"claims/{name}.yaml")], PUBLISHER, REVIEWED)
    assert_golden(GOLDEN / f"{name}.html", page)


def test_every_html_golden_is_an_example() -> None:
    assert sorted(p.stem for p in GOLDEN.glob("*.html")) == sorted(EXAMPLES)


def test_the_seed_report_shows_the_verdict_the_arithmetic_and_the_sources_words(
    in_repo: Path,
) -> None:
    page = read_page(report_page([audit(SEED)], PUBLISHER, REVIEWED))
    text = page.text
    assert "\u201cShe lost more than 325,000 migrant children.\u201d" in text
    assert "\u2717 False" in text  # the verdict in words, with a symbol beside its colour
    assert "Said by Donald Trump on 23 September 2024, Rally in Indiana, Pennsylvania." in text
    assert "+ children not served a Notice to Appear children ICE did not serve" in text
    assert "Total 323,000" in text and "Difference -2,000 (-0.6%)" in text
    assert "\u201cnot able to account for the location\u201d" in text
    assert "ICE did not serve Notices to Appear on more than 291,000 UCs" in text  # its quote
    # the chart: the source says "not able to account for the location", not "lost"
    assert f"Counted as \u201clost\u201d: {SEED_SAID}" in text
    for figure_id in ("no_nta", "failed_to_appear", "trafficking_risk", "dhs-oig-24-46"):
        assert figure_id not in text
    links = [a.attrs["href"] for a in page.all("a")]
    assert "https://www.oig.dhs.gov/sites/default/files/assets/2024-08/OIG-24-46-Aug24.pdf" in (
        links
    )


def test_the_chart_is_told_in_words_beside_it(in_repo: Path) -> None:
    page = read_page(report_page([audit(SEED)], PUBLISHER, REVIEWED))
    # Each row's name and amount is text above its bar, and the caption says what each
    # bar is made of; the bars themselves are hidden from screen readers, which would
    # only read the same words twice.
    for row in (
        "Claimed: more than 325,000 children",
        "Reproduced: 323,000 children",
        f"Counted as \u201clost\u201d: {SEED_SAID}",
    ):
        assert page.text.count(row) == 2, row  # above the bar, then in the caption
    assert (
        "from children not served a Notice to Appear (more than 291,000, not counted as lost) "
        "plus children who failed to appear in immigration court (more than 32,000, counted as "
        "lost of some)"
    ) in page.text
    svgs = page.all("svg")
    assert len(svgs) == 1 + 3 + 3  # the patterns, a bar per row, a shade per legend entry
    assert all(svg.attrs.get("aria-hidden") == "true" for svg in svgs)
    # Bars are measured in percent of the page's width, so that they scale with it.
    bars = [e for e in page.all("rect") if "bar" in e.attrs.get("class", "").split()]
    assert bars and all(e.attrs["x"].endswith("%") and e.attrs["width"].endswith("%") for e in bars)


def test_the_page_may_fetch_nothing(in_repo: Path) -> None:
    text = report_page([audit(SEED)], PUBLISHER, REVIEWED)
    page = read_page(text)
    policy = dict(
        part.strip().split(" ", 1) for part in page.meta("Content-Security-Policy").split(";")
    )
    assert policy["default-src"] == "'none'"
    for directive in ("script-src", "img-src", "font-src", "connect-src", "base-uri"):
        assert policy[directive] == "'none'", directive
    # The one style allowed is the page's own, by its hash.
    digest = base64.b64encode(hashlib.sha256(page.style.encode()).digest()).decode()
    assert policy["style-src"] == f"'sha256-{digest}'"
    # Nothing in the page names anything to fetch.
    assert not page.all("link") and not page.all("img") and not page.all("iframe")
    assert not [e for e in page.elements if "src" in e.attrs]
    assert "@import" not in page.style and "url(" not in page.style
    fills = re.findall(r'fill="url\(([^)]*)\)"', text)
    assert fills and all(target.startswith("#") for target in fills)
    assert [kind for kind, _ in page.scripts] == ["application/ld+json"]


def test_the_json_ld_is_the_claimreview(in_repo: Path) -> None:
    seed = audit(SEED)
    page = read_page(report_page([seed], PUBLISHER, REVIEWED))
    assert page.jsonld() == claim_review(seed, PUBLISHER, REVIEWED)
    twice = read_page(report_page([seed, audit(SEED)], PUBLISHER, REVIEWED))
    several = twice.jsonld()
    assert isinstance(several, list) and len(several) == 2
    anchors = [article.attrs["id"] for article in twice.all("article")]
    assert anchors == [seed.claim.id, f"{seed.claim.id}-2"]  # ids in a page stay unique


def test_nothing_from_the_inputs_becomes_markup(write_case: CaseWriter) -> None:
    quote = '5 </script><script>alert(1)</script><img src=x onerror="alert(2)">'
    path = write_case(
        [{"id": "a", "value": 5, "unit": "people", "described_as": ["missing"], "quote": quote}],
        {"url": "javascript:alert(3)", "title": "A <b>title</b>"},
        value=5,
        text="5 went \u202emissing</p><p>\u202c & more",
        speaker="A <i>speaker</i>",
        url="javascript:alert(4)",
        venue="A venue",
    )
    text = report_page([audit(path)], Config(), REVIEWED)
    page = read_page(text)
    assert [kind for kind, _ in page.scripts] == ["application/ld+json"]
    assert not page.all("img") and not page.all("i") and not page.all("b")
    assert not [e for e in page.elements if any(k.startswith("on") for k in e.attrs)]
    assert not [a for a in page.all("a") if not a.attrs["href"].startswith(("http", "#", "."))]
    assert quote in page.text  # shown as written
    assert "<U+202E>" in page.text  # a bidi override is shown, not applied
    assert "\u202e" not in text
    assert page.jsonld()["claimReviewed"] == "5 went \u202emissing</p><p>\u202c & more"


def test_every_verdict_has_a_style_and_a_symbol() -> None:
    css = html.asset("style.css")
    for row in BANDS:
        name = row.verdict.value
        assert f".badge-{name} " in css and f".ruling-{name} " in css, name
        assert html.SYMBOLS[row.verdict], name


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The WCAG 2 contrast ratio of two #rrggbb colours."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_passes_wcag_aa() -> None:
    css = html.asset("style.css")
    colours = dict(re.findall(r"--([a-z]+): (#[0-9a-f]{6});", css))
    white = "#ffffff"
    for text in ("ink", "muted", "link"):
        assert contrast(colours[text], colours["paper"]) >= 4.5, text
        assert contrast(colours[text], colours["shade"]) >= 4.5, text  # table headers
    for row in BANDS:  # white words on each verdict's colour
        assert contrast(white, colours[row.verdict.value]) >= 4.5, row.verdict
    chart = (REPO / "factcheck" / "render" / "templates" / "chart.svg.j2").read_text()
    shapes = set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]{6})"', chart)) - {white}
    assert shapes
    for colour in shapes:  # WCAG 1.4.11: graphics need 3:1 against the page
        assert contrast(colour, white) >= 3, colour


def test_dates_read_the_same_in_every_locale() -> None:
    assert long_date("2024-09-03") == "3 September 2024"


def test_cli_writes_the_report(in_repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    command = ["verify", SEED, "--format", "html", "-o", str(out), "--date", "2024-10-02"]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.output
    page = read_page(out.read_text(encoding="utf-8"))
    assert page.jsonld()["datePublished"] == "2024-10-02"
    assert "Reviewed on 2 October 2024" in page.text


def test_a_batch_is_one_page_with_a_list_of_its_claims(in_repo: Path) -> None:
    result = CliRunner().invoke(app, ["verify", "claims/", "--format", "html"])
    assert result.exit_code in (0, 3)
    page = read_page(result.stdout)
    assert len(page.all("article")) == len(list((REPO / "claims").glob("*.yaml")))
    assert len(page.all("h1")) == 1
    assert isinstance(page.jsonld(), list)


@settings(max_examples=examples(300))
@given(st.text())
def test_printed_text_is_escape_visible_of_it(text: str) -> None:
    """The templates' fast path prints exactly what escape.visible would."""
    assert html._printable(text) == visible(one_line(text))


def test_a_control_that_str_split_takes_for_a_space_is_shown_not_dropped() -> None:
    # U+001C-U+001F and U+0085 are whitespace to str.split(): they must not vanish.
    assert one_line(" a\t\n b \x1f\x85 ") == "a b \x1f\x85"
    assert html._printable("\x1f") == visible("\x1f") != ""
