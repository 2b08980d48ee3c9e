"""The founding example's HTML report in headless Chromium: what a reader sees, and that the
page asks for nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factcheck.judge import Settings, judge
from factcheck.load import load_claim
from factcheck.render.html import report_page
from tests.browser.conftest import PHONE, Visit
from tests.browser.screenshots import assert_looks_like
from tests.conftest import REPO
from tests.render.test_claimreview import PUBLISHER, check_claim_review
from tests.render.test_html import contrast

SEED = REPO / "claims" / "trump-2024-09-23-325k-migrant-children.yaml"
REVIEWED = dt.date(2024, 10, 2)
SCREENSHOTS = REPO / "tests" / "golden" / "screenshots"
# A browser takes seconds to start and draw: these run with the slow tests (.ci/run).
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        audit = judge(load_claim(SEED.relative_to(REPO)), Settings())
        path = tmp_path_factory.mktemp("browser-report") / "report.html"
        path.write_text(report_page([audit], PUBLISHER, REVIEWED), encoding="utf-8")
    return path


def test_the_report_asks_for_nothing_and_breaks_no_rule(visit: Visit, report: Path) -> None:
    visit.open(report)
    assert visit.requests == [report.resolve().as_uri()]
    assert visit.errors == []  # a Content-Security-Policy refusal would be logged here


def test_the_verdict_arithmetic_and_words_are_visible(visit: Visit, report: Path) -> None:
    visit.open(report)
    page = visit.page
    badge = page.locator(".badge")
    assert badge.is_visible() and badge.inner_text().strip() == "\u2717 False"
    for text in (
        "She lost more than 325,000 migrant children.",
        "323,000",  # the total of the arithmetic
        "not served a Notice to Appear",  # the source's words
        "ICE did not serve Notices to Appear on more than 291,000 UCs",  # its quote
    ):
        assert page.get_by_text(text, exact=False).first.is_visible(), text
    assert page.locator(".chart svg.bars").first.is_visible()


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_the_bars_have_the_right_relative_sizes(
    screen: str, report: Path, request: pytest.FixtureRequest
) -> None:
    visit: Visit = request.getfixturevalue("visit" if screen == "desktop" else "visit_phone")
    visit.open(report)
    bars = visit.boxes("rect.bar")
    rows: dict[str, list[dict[str, object]]] = {}
    for bar in bars:
        rows.setdefault(str(bar["data"]["row"]), []).append(bar)
    (claimed,) = rows["claimed"]
    width = float(str(claimed["width"]))
    assert width > (700 if screen == "desktop" else 300)  # drawn across the page
    reproduced = sum(float(str(bar["width"])) for bar in rows["reproduced"])
    said = sum(float(str(bar["width"])) for bar in rows["supported"])
    assert reproduced / width == pytest.approx(323_000 / 325_000, abs=0.01)
    # rule D: of the 32,000 only the days inside the attributed period count (17,244)
    assert said / width == pytest.approx(17_244 / 325_000, abs=0.01)
    for bar in bars:
        value = float(str(bar["data"]["value"]))
        assert float(str(bar["width"])) / width == pytest.approx(value / 325_000, abs=0.01)


def test_on_a_phone_nothing_is_cut_or_too_small_to_read(visit_phone: Visit, report: Path) -> None:
    visit_phone.open(report)
    page = visit_phone.page
    # Nothing wider than the screen: no sideways scrolling, no text cut at its edge.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    sizes = page.eval_on_selector_all(
        ".bar-label, .legend li, .summary, td, th",
        "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))",
    )
    assert sizes and min(sizes) >= 14  # the chart's words keep their size on a small screen
    said = "at most 17,244 (5.3% of the reproduced 323,000 children"
    assert page.locator(".bar-label", has_text=said).is_visible()
    # An amount may wrap between its words, never inside its number.
    broken = page.eval_on_selector_all(
        "td.amount",
        """cells => cells.flatMap(cell => {
            const text = cell.textContent, found = [];
            for (const match of text.matchAll(/[0-9][0-9,.]*[0-9]/g)) {
                const range = document.createRange();
                range.setStart(cell.firstChild, match.index);
                range.setEnd(cell.firstChild, match.index + match[0].length);
                const rects = Array.from(range.getClientRects());
                const tops = new Set(rects.map(r => Math.round(r.top)));
                if (tops.size > 1) found.push(match[0]);
            }
            return found;
        })""",
    )
    assert broken == []


def test_the_json_ld_parses_as_a_claimreview(visit: Visit, report: Path) -> None:
    visit.open(report)
    found = visit.page.evaluate(
        """() => Array.from(document.querySelectorAll('script[type="application/ld+json"]'))
                      .map(s => JSON.parse(s.textContent))"""
    )
    (review,) = found
    check_claim_review(review, PUBLISHER)
    assert review["datePublished"] == "2024-10-02"
    assert review["reviewRating"]["name"] == review["reviewRating"]["alternateName"] == "False"
    appearance = review["itemReviewed"]["firstAppearance"]
    assert appearance["name"] == "Rally in Indiana, Pennsylvania"
    assert review["author"]["url"] == "https://factcheck.example.org"
    assert json.dumps(review)  # plain JSON values throughout


def test_text_contrast_in_the_browser(visit: Visit, report: Path) -> None:
    visit.open(report)
    pairs = visit.page.evaluate(
        """() => ['.badge', 'h1', '.said', '.summary', 'a', 'td', 'th', '.method', 'blockquote p']
            .map(selector => {
                const element = document.querySelector(selector);
                let back = element, colour = 'rgba(0, 0, 0, 0)';
                while (back && (colour === 'rgba(0, 0, 0, 0)' || colour === 'transparent')) {
                    colour = getComputedStyle(back).backgroundColor; back = back.parentElement;
                }
                return [selector, getComputedStyle(element).color, colour];
            })"""
    )
    for selector, foreground, background in pairs:
        ratio = contrast(_hex(foreground), _hex(background))
        assert ratio >= 4.5, f"{selector}: {foreground} on {background} is {ratio:.2f}:1"


def _hex(rgb: str) -> str:
    """ "rgb(27, 27, 27)" -> "#1b1b1b" """
    channels = rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]
    return "#" + "".join(f"{int(float(c)):02x}" for c in channels)


def test_the_print_stylesheet(visit: Visit, report: Path) -> None:
    visit.open(report)
    visit.page.emulate_media(media="print")
    after = visit.page.evaluate(
        "() => getComputedStyle(document.querySelector('a[href^=http]'), '::after').content"
    )
    assert "https://www.oig.dhs.gov/" in after  # links print their address
    background = visit.page.evaluate(
        "() => getComputedStyle(document.querySelector('.badge')).backgroundColor"
    )
    assert background in ("rgba(0, 0, 0, 0)", "transparent")  # the verdict prints in words
    pdf = visit.page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_a_screenshot_looks_as_it_did(visit: Visit, report: Path, tmp_path: Path) -> None:
    visit.open(report)
    png = visit.page.screenshot(full_page=True)
    assert_looks_like(png, SCREENSHOTS / "report-seed.png", tmp_path / "report-seed.png")


def test_on_a_phone_it_looks_as_it_did(visit_phone: Visit, report: Path, tmp_path: Path) -> None:
    visit_phone.open(report)
    png = visit_phone.page.screenshot(full_page=True)
    assert_looks_like(png, SCREENSHOTS / "report-phone.png", tmp_path / "report-phone.png")
