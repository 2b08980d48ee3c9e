"""Headless Chromium for the browser tests: Debian's chromium, driven by Playwright.

Playwright's own browser download cannot work here, so the browser is the system's
(`apt-get install -y chromium`; FACTCHECK_CHROMIUM names another). Every request a page
makes is recorded, and any that would leave file:// is aborted inside the browser before it
is sent. Where no browser can be had the tests skip and say why, except where
FACTCHECK_BROWSER_TESTS=required (as .ci/run sets it): there a missing browser fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, ViewportSize

CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("FACTCHECK_BROWSER_TESTS") == "required"
ARGS = [
    "--headless=new",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    "--font-render-hinting=none",  # steadier glyphs between machines, for the screenshots
]
VIEWPORT: ViewportSize = {"width": 1000, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}  # a common phone's width in CSS pixels


def unavailable(reason: str) -> NoReturn:
    if REQUIRED:
        pytest.fail(f"{reason} (FACTCHECK_BROWSER_TESTS=required)")
    pytest.skip(reason)


def why_unavailable() -> str | None:
    """Why no browser can be had here, or None when Playwright and Chromium are both here."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed: pip install -e '.[test]'"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM}: apt-get install -y chromium, or set FACTCHECK_CHROMIUM"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    reason = why_unavailable()
    if reason is not None:
        unavailable(reason)
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(
                executable_path=CHROMIUM, args=ARGS, headless=True
            )
        except Error as exc:
            unavailable(f"Chromium at {CHROMIUM} does not start: {exc.message.splitlines()[0]}")
        yield launched
        launched.close()


@dataclass
class Visit:
    """A page, and everything it asked for or complained about."""

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # console errors: CSP refusals among them

    def open(self, path: Path) -> None:
        self.page.goto(path.resolve().as_uri(), wait_until="load")

    def boxes(self, selector: str) -> list[dict[str, Any]]:
        """Each matching element's rendered box and data-* attributes."""
        found: list[dict[str, Any]] = self.page.eval_on_selector_all(
            selector,
            """els => els.map(e => {
                const r = e.getBoundingClientRect();
                return {x: r.x, width: r.width, height: r.height, data: {...e.dataset}};
            })""",
        )
        return found


def _visit(browser: Browser, viewport: ViewportSize = VIEWPORT, **options: Any) -> Iterator[Visit]:
    context = browser.new_context(viewport=viewport, device_scale_factor=1, **options)
    page = context.new_page()
    visit = Visit(page)
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on(
        "console",
        lambda message: visit.errors.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: visit.errors.append(str(error)))

    def offline(route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", offline)
    yield visit
    context.close()


@pytest.fixture
def visit(browser: Browser) -> Iterator[Visit]:
    yield from _visit(browser)


@pytest.fixture
def visit_without_script(browser: Browser) -> Iterator[Visit]:
    yield from _visit(browser, java_script_enabled=False)


@pytest.fixture
def visit_phone(browser: Browser) -> Iterator[Visit]:
    yield from _visit(browser, PHONE, is_mobile=True, has_touch=True)
