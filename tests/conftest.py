"""Shared set-up for every test folder: hypothesis profiles, a hang guard, the repository
root, golden-file comparison, and tiny case builders (tests/README.md says how to use them)."""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

REPO = Path(__file__).resolve().parents[1]
CLAIMS = sorted((REPO / "claims").glob("*.yaml"))
REFRESH = os.environ.get("FACTCHECK_REFRESH_GOLDEN") == "1"

# --- hypothesis profiles -------------------------------------------------------------------
# "ci", the default everywhere (not only where hypothesis detects a CI): the same examples
# on every run and machine, and no time limits (a loaded machine must not fail a test).
# "long", on demand (HYPOTHESIS_PROFILE=long): ten times the examples, fresh ones each run,
# and failures kept in .hypothesis/ to be replayed first next time.
CI_EXAMPLES = 100  # hypothesis's own default; a test's examples(n) is n under "ci"
settings.register_profile(
    "ci",
    max_examples=CI_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "long",
    settings.get_profile("ci"),
    max_examples=10 * CI_EXAMPLES,
    derandomize=False,
    database=DirectoryBasedExampleDatabase(REPO / ".hypothesis" / "examples"),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def examples(count: int) -> int:
    """A property test's example count: `count` under the "ci" profile, scaled with the
    profile's max_examples (ten times as many under "long")."""
    default = settings.default
    assert default is not None
    return max(1, count * default.max_examples // CI_EXAMPLES)


# --- a hang guard --------------------------------------------------------------------------


class Hang(Exception):
    """Raised in the test when its body runs past the hang guard."""


@contextlib.contextmanager
def hang_guard(seconds: float) -> Iterator[None]:
    """Fail, rather than wait for ever, when the body is still running after `seconds`.

    Only a guard against hangs, never a timing test: give it many times the usual time.
    (pytest-timeout, set in pyproject.toml, is the last resort for code this alarm cannot
    interrupt.)
    """
    if not hasattr(signal, "setitimer"):  # pragma: no cover - Windows: pytest-timeout only
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- the shipped inputs stay as they are -----------------------------------------------------
# Tests read claims/, sources/ and tests/cases/ where they are, some as a whole batch
# (`verify claims/`) while another xdist worker runs other tests beside them: a file written
# there, even for a moment, changes what those see (a batch over claims/ counted a claim that
# a chart test wrote and removed). A test writes into tmp_path instead; this guard fails one
# that does not. A folder's mtime moves whenever a file in it is made, removed or renamed.
SHIPPED = [
    Path(top) for root in ("claims", "sources", "tests/cases") for top, _, _ in os.walk(REPO / root)
]


def _shipped_state() -> list[int | None]:
    return [_mtime(folder) for folder in SHIPPED]


@pytest.fixture(autouse=True)
def _shipped_inputs_unchanged() -> Iterator[None]:
    before = _shipped_state()
    yield
    after = _shipped_state()
    if after != before and not REFRESH:  # a refresh may write a new case's .expected file
        moved = zip(SHIPPED, after, before, strict=True)
        changed = [str(folder.relative_to(REPO)) for folder, a, b in moved if a != b]
        pytest.fail(
            f"a file was made, removed or renamed in {', '.join(changed)} while this test ran: "
            "tests write into tmp_path (under xdist, the test running beside this one may be "
            "the one that did)"
        )


def _mtime(folder: Path) -> int | None:
    try:
        return folder.stat().st_mtime_ns
    except OSError:
        return None


# --- fixtures and golden files -------------------------------------------------------------


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run with the repository root as the current directory (paths in output are relative)."""
    monkeypatch.chdir(REPO)
    return REPO


def assert_golden(path: Path, actual: str) -> None:
    """Compare with a golden file; FACTCHECK_REFRESH_GOLDEN=1 rewrites it instead."""
    if REFRESH or not path.exists():
        if not REFRESH:
            pytest.fail(f"golden file {path} is missing; run with FACTCHECK_REFRESH_GOLDEN=1")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path} (FACTCHECK_REFRESH_GOLDEN=1 to update)"


CaseWriter = Callable[..., Path]


@pytest.fixture
def write_case(tmp_path: Path) -> CaseWriter:
    """Write a source and a claim into a fresh repo; return the claim's path."""
    (tmp_path / ".git").mkdir(exist_ok=True)

    def write(
        figures: list[dict[str, Any]], source: dict[str, Any] | None = None, **claim: Any
    ) -> Path:
        source_data = {
            "id": "src",
            "title": "A source",
            "publisher": "Publisher",
            "published": "2024-01-01",
            **(source or {}),
            "figures": figures,
        }
        (tmp_path / "sources").mkdir(exist_ok=True)
        (tmp_path / "claims").mkdir(exist_ok=True)
        (tmp_path / "sources" / "src.yaml").write_text(yaml.safe_dump(source_data, sort_keys=False))
        claim_data = {
            "id": "c",
            "text": "A claim.",
            "speaker": "Someone",
            "date": "2024-06-01",
            "unit": "people",
            "asserts": "lost",
            "sources": ["../sources/src.yaml"],
            **claim,
        }
        path = tmp_path / "claims" / "c.yaml"
        path.write_text(yaml.safe_dump(claim_data, sort_keys=False))
        return path

    return write
