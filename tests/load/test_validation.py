"""load/validation.py: pydantic's errors as located problems, with a hint where one helps."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.load.helpers import CLAIM, problems_of


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("more than", " (did you mean 'more_than'?)"),  # the words, as people write them
        ("At-Least", " (did you mean 'at_least'?)"),
        ("abuot", " (did you mean 'about'?)"),  # a slip of the keys
        ("zzz", ""),  # nothing close: the list alone
    ],
)
def test_a_word_not_in_the_list_gets_the_nearest_one(
    tmp_path: Path, written: str, hint: str
) -> None:
    claim = tmp_path / "claim.yaml"
    claim.write_text(f"{CLAIM}qualifier: {written}\n", encoding="utf-8")
    (problem,) = problems_of(claim)
    assert problem.code == "FC203"
    assert problem.message.endswith(f"got {written!r}{hint}")
