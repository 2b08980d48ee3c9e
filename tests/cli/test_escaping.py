"""Lines about files (problems, gated verdicts) show a hostile file name as written: no
escape sequence, bell or bidi override in a name or a value takes effect."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.conftest import CaseWriter

NAME = "e\x1b[2Jvil\u202e\x07"  # clears the screen, reverses the line, rings the bell
SHOWN = "e\\x1b[2Jvil<U+202E>\\x07"


def _hostile(text: str) -> bool:
    return any(c in text for c in ("\x1b", "\u202e", "\x07"))


@pytest.fixture
def named(write_case: CaseWriter, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = write_case(
        [{"id": "a", "value": 5, "unit": "people", "described_as": ["lost"]}], value=5
    )
    target = path.with_name(f"{NAME}.yaml")
    path.rename(target)
    monkeypatch.chdir(target.parent.parent)
    return Path("claims") / target.name


@pytest.mark.skipif(os.name != "posix", reason="control characters in file names")
def test_a_gated_verdict_names_the_file_as_written(run_main: Run, named: Path) -> None:
    code, _, err = run_main("verify", "claims/", "--fail-on", "supported", "-f", "json")
    assert code == 3
    assert f"claims/{SHOWN}.yaml: verdict supported (listed in --fail-on)" in err
    assert not _hostile(err)


@pytest.mark.skipif(os.name != "posix", reason="control characters in file names")
@pytest.mark.parametrize("output_format", ["text", "github"])
def test_problem_lines_name_the_file_as_written(
    run_main: Run, named: Path, output_format: str
) -> None:
    named.write_text(named.read_text().replace("value: 5", "value: lots"))
    code, out, err = run_main("check", "claims/", "-f", output_format)
    assert code == 1
    assert SHOWN in out and not _hostile(out) and not _hostile(err)
    code, out, err = run_main("verify", "claims/")
    assert code == 1
    assert SHOWN in err and not _hostile(err)


def test_no_color_set_but_empty_keeps_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from factcheck.cli_output import plain

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    monkeypatch.setenv("NO_COLOR", "")
    assert plain() is False  # no-color.org: set *and not empty*
    monkeypatch.setenv("NO_COLOR", "1")
    assert plain() is True
    monkeypatch.delenv("NO_COLOR")
    assert plain() is False
