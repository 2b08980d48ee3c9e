"""Take the screenshots of docs/publishing.md: docs/screenshots/*.png.

The founding example's HTML report on a desktop, on a phone and printed (the PDF's pages,
side by side), and the site built from claims/: its index on a desktop and a phone, and a
source's page. Headless Chromium through Playwright, as the browser tests drive it
(tests/browser/conftest.py: Debian's chromium, FACTCHECK_CHROMIUM for another). The
pictures are kept in 64 colours, so that the repository stays small.

Run from the repository root after changing what the pages look like, then look at them:

    python scripts/screenshots.py
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import tempfile
from pathlib import Path

import pypdfium2
from PIL import Image
from playwright.sync_api import Browser, ViewportSize, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.config import load_config  # noqa: E402
from factcheck.judge import Settings, judge  # noqa: E402
from factcheck.load import load_claim  # noqa: E402
from factcheck.render.html import report_page  # noqa: E402
from factcheck.site import build_site  # noqa: E402
from tests.browser.conftest import ARGS, PHONE  # noqa: E402

TARGET = ROOT / "docs" / "screenshots"
SEED = Path("claims/trump-2024-09-23-325k-migrant-children.yaml")
REVIEWED = dt.date(2024, 10, 2)
DESKTOP: ViewportSize = {"width": 1000, "height": 900}
CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium")


def main() -> None:
    os.chdir(ROOT)
    TARGET.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        report = folder / "report.html"
        audit = judge(load_claim(SEED), Settings())
        report.write_text(report_page([audit], load_config(ROOT), REVIEWED), encoding="utf-8")
        site = folder / "site"
        build_site(["claims/"], site, reviewed=REVIEWED)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            shoot(browser, report, "report-desktop.png", DESKTOP, full=True)
            shoot(browser, report, "report-phone.png", PHONE, full=False)
            printed(browser, report, "report-print.png")
            shoot(browser, site / "index.html", "site-index.png", DESKTOP, full=False)
            shoot(browser, site / "index.html", "site-index-phone.png", PHONE, full=False)
            source = site / "sources" / "dhs-oig-24-46.html"
            shoot(browser, source, "site-source.png", DESKTOP, full=True)
            browser.close()
    for path in sorted(TARGET.glob("*.png")):
        print(f"{path.relative_to(ROOT)}  {Image.open(path).size}")


def shoot(browser: Browser, page: Path, name: str, viewport: ViewportSize, *, full: bool) -> None:
    phone = viewport is PHONE
    context = browser.new_context(
        viewport=viewport, device_scale_factor=1, is_mobile=phone, has_touch=phone
    )
    tab = context.new_page()
    tab.goto(page.as_uri(), wait_until="load")
    save(tab.screenshot(full_page=full), name)
    context.close()


def printed(browser: Browser, page: Path, name: str) -> None:
    """The page as Chromium prints it on A4: each page of the PDF, side by side."""
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(page.as_uri(), wait_until="load")
    pdf = pypdfium2.PdfDocument(tab.pdf(format="A4"))
    context.close()
    pages = [pdf[i].render(scale=0.9).to_pil() for i in range(len(pdf))]
    gap = 16
    width = sum(p.width for p in pages) + gap * (len(pages) + 1)
    sheet = Image.new("RGB", (width, max(p.height for p in pages) + 2 * gap), (128, 128, 128))
    x = gap
    for each in pages:
        sheet.paste(each, (x, gap))
        x += each.width + gap
    buffer = io.BytesIO()
    sheet.save(buffer, format="PNG")
    save(buffer.getvalue(), name)


def save(png: bytes, name: str) -> None:
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(64)
    image.save(TARGET / name, optimize=True)


if __name__ == "__main__":
    main()
