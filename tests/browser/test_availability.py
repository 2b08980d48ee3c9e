"""Where no browser can be had, the browser tests skip and say why; where CI has installed
one (FACTCHECK_BROWSER_TESTS=required), a missing or broken browser fails instead.

These need no browser: they take Chromium or Playwright away and ask the fixture's own
functions, and one runs a browser test in a pytest of its own to see the skip reported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser import conftest
from tests.conftest import REPO

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def test_without_chromium_the_reason_says_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(conftest, "CHROMIUM", str(tmp_path / "no-chromium"))
    assert conftest.why_unavailable() == (
        f"no Chromium at {tmp_path / 'no-chromium'}: apt-get install -y chromium, "
        "or set FACTCHECK_CHROMIUM"
    )


def test_without_playwright_the_reason_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # import fails
    assert conftest.why_unavailable() == "Playwright is not installed: pip install -e '.[test]'"


def test_a_missing_browser_skips_unless_it_is_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conftest, "REQUIRED", False)
    with pytest.raises(pytest.skip.Exception, match="no Chromium"):
        conftest.unavailable("no Chromium")
    monkeypatch.setattr(conftest, "REQUIRED", True)
    with pytest.raises(pytest.fail.Exception, match=r"FACTCHECK_BROWSER_TESTS=required"):
        conftest.unavailable("no Chromium")


@pytest.mark.slow  # a browser takes seconds to start
def test_the_browser_starts(browser: Browser) -> None:
    assert browser.is_connected() and browser.version


# Only the skip's report is looked at: one process (-n 0, no xdist workers to start).
PYTEST_OPTIONS = ["-m", "slow", "-rs", "-n", "0", "-p", "no:cacheprovider"]


@pytest.mark.slow  # a pytest of its own takes seconds to start
def test_a_run_without_chromium_reports_the_skip_and_its_reason(tmp_path: Path) -> None:
    absent = str(tmp_path / "no-chromium")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    environment["FACTCHECK_CHROMIUM"] = absent
    one = "tests/browser/test_availability.py::test_the_browser_starts"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", *PYTEST_OPTIONS, one],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,  # a hang guard only
        check=False,
    )
    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout
    assert f"no Chromium at {absent}: apt-get install -y chromium" in result.stdout
