"""What the tests of factcheck/load/ share: the example files, a claim, problem formatting."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from factcheck.errors import InputError, Problem
from factcheck.load import Case, load_claim

REPO_ROOT = Path(__file__).resolve().parents[2]
CASES = REPO_ROOT / "tests" / "cases"

CLAIM = """\
id: a-claim
text: "They lost 32,000 children."
speaker: Someone
date: 2024-09-23
value: 32000
unit: children
asserts: lost
"""


def load_case(path: Path, tmp_path: Path) -> Case:
    """Load a case file: a claim as it is, a source through a claim that names it."""
    if not path.name.startswith("source_"):
        return load_claim(path)
    wrapper = tmp_path / "wrapper.yaml"
    # JSON strings are YAML strings: the absolute path needs no further quoting.
    wrapper.write_text(f"{CLAIM}sources: [{json.dumps(str(path))}]\n", encoding="utf-8")
    return load_claim(wrapper, root=REPO_ROOT)


def formatted(problems: list[Problem]) -> str:
    """Problem lines as the CLI prints them, paths relative to the repository root."""
    prefix = f"{REPO_ROOT}{os.sep}"
    return "".join(f"{problem.format().replace(prefix, '')}\n" for problem in problems)


def problems_of(path: Path, **kwargs: object) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load_claim(path, **kwargs)  # type: ignore[arg-type]
    return caught.value.problems
