"""The site in headless Chromium: the index sorts and filters, links lead to the pages, and
without scripts the tables still read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.site import build_site
from tests.browser.conftest import PHONE, Visit
from tests.browser.screenshots import assert_looks_like
from tests.conftest import CLAIMS, REPO

SCREENSHOTS = REPO / "tests" / "golden" / "screenshots"
# A browser takes seconds to start and draw: these run with the slow tests (.ci/run).
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser-site") / "public"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        built = build_site(["claims/"], out, reviewed=dt.date(2024, 10, 2))
    assert built.problems == []
    return out


def shown_rows(visit: Visit) -> list[str]:
    found: list[str] = visit.page.eval_on_selector_all(
        "#claims tbody tr", "rows => rows.filter(r => !r.hidden).map(r => r.dataset.orderClaim)"
    )
    return found


def test_the_index_filters_and_sorts(visit: Visit, site: Path) -> None:
    visit.open(site / "index.html")
    page = visit.page
    assert visit.errors == []
    assert page.locator("#filters").is_visible()
    assert len(shown_rows(visit)) == len(CLAIMS)
    page.fill("#filter-text", "325,000 migrant")
    assert shown_rows(visit) == ["She lost more than 325,000 migrant children."]
    assert page.locator("#shown").inner_text() == f"1 of {len(CLAIMS)} claims shown"
    page.fill("#filter-text", "")
    page.select_option("#filter-verdict", "false")
    verdicts = page.eval_on_selector_all(
        "#claims tbody tr", "rows => rows.filter(r => !r.hidden).map(r => r.dataset.verdict)"
    )
    assert verdicts and set(verdicts) == {"false"}
    page.select_option("#filter-verdict", "")
    page.get_by_role("button", name="Date").click()  # newest first -> oldest first
    dates = page.eval_on_selector_all(
        "#claims tbody tr", "rows => rows.map(r => r.dataset.orderDate)"
    )
    assert dates == sorted(dates)
    assert page.locator("th[aria-sort=ascending]").inner_text() == "Date"
    page.get_by_role("button", name="Value").click()
    values = page.eval_on_selector_all(
        "#claims tbody tr", "rows => rows.map(r => Number(r.dataset.orderValue))"
    )
    assert values == sorted(values)
    assert all(url.startswith("file:") for url in visit.requests)


def test_links_lead_to_the_claim_and_source_pages(visit: Visit, site: Path) -> None:
    visit.open(site / "index.html")
    page = visit.page
    # Each link is followed to its page by the navigation's event (wait_for_url), not a pause.
    page.get_by_role(
        "link", name="\u201cShe lost more than 325,000 migrant children.\u201d"
    ).click()
    page.wait_for_url("**/claims/trump-2024-09-23-325k-migrant-children.html")
    assert page.locator(".badge").inner_text().strip() == "\u2717 False"
    page.get_by_role("link", name="DHS Office of Inspector General").first.click()
    page.wait_for_url("**/sources/dhs-oig-24-46.html")
    assert page.locator("#claims tbody tr").count() == 5
    page.get_by_role("link", name="All claims").click()
    page.wait_for_url("**/index.html")
    assert visit.errors == []
    assert all(url.startswith("file:") for url in visit.requests)


def test_without_scripts_the_tables_read_and_verdict_pages_filter(
    visit_without_script: Visit, site: Path
) -> None:
    visit = visit_without_script
    visit.open(site / "index.html")
    page = visit.page
    assert not page.locator("#filters").is_visible()  # no form that would not work
    assert page.locator("#claims tbody tr").count() == len(CLAIMS)
    page.get_by_role("link", name="False").first.click()
    page.wait_for_url("**/verdicts/false.html")
    verdicts = {row.get_attribute("data-verdict") for row in page.locator("#claims tbody tr").all()}
    assert verdicts == {"false"}


def test_on_a_phone_each_claim_is_a_card_that_fits(visit_phone: Visit, site: Path) -> None:
    visit_phone.open(site / "index.html")
    page = visit_phone.page
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    cards = visit_phone.boxes("#claims tbody tr")
    assert len(cards) == len(CLAIMS)
    assert all(card["width"] <= PHONE["width"] for card in cards)
    # The claim's link takes the card's width, not a fifth of the screen.
    links = visit_phone.boxes("#claims tbody td:nth-child(2)")
    assert min(float(link["width"]) for link in links) > PHONE["width"] * 0.8
    page.get_by_role("button", name="Date").click()  # the headings still sort
    dates = page.eval_on_selector_all(
        "#claims tbody tr", "rows => rows.map(r => r.dataset.orderDate)"
    )
    assert dates == sorted(dates)


def test_the_index_looks_as_it_did(visit: Visit, site: Path, tmp_path: Path) -> None:
    visit.open(site / "index.html")
    png = visit.page.screenshot(full_page=True)
    assert_looks_like(png, SCREENSHOTS / "site-index.png", tmp_path / "site-index.png")
