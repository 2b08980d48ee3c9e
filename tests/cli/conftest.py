"""Running the real entry point, `factcheck.cli.main`, inside the test process."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator

import pytest

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Iterator[Run]:
    """`factcheck ARGS...` through main(): (exit code, stdout, stderr)."""
    from factcheck.cli import main

    threshold = gc.get_threshold()

    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["factcheck", *args])
        with pytest.raises(SystemExit) as exited:
            main()
        captured = capsys.readouterr()
        return int(exited.value.code or 0), captured.out, captured.err

    yield run
    gc.unfreeze()  # main() tunes the collector for a short run: not for the test session
    gc.set_threshold(*threshold)
