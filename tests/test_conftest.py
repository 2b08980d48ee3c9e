"""The shared test set-up (tests/conftest.py): the hang guard and the hypothesis profiles."""

from __future__ import annotations

import pytest
from hypothesis import settings

from tests.conftest import CI_EXAMPLES, Hang, examples, hang_guard


def test_the_hang_guard_turns_a_hang_into_a_failure() -> None:
    with pytest.raises(Hang, match=r"no answer within 0\.05 s"), hang_guard(0.05):
        while True:  # never ends but for the alarm: no timing bet
            pass


def test_the_hang_guard_lets_a_finished_body_be() -> None:
    with hang_guard(60):
        total = sum(range(10))
    assert total == 45


def test_the_ci_profile_is_the_default_and_steady() -> None:
    current = settings.default
    assert current is not None
    if settings.get_current_profile_name() != "ci":
        pytest.skip("another profile was asked for")
    assert current.derandomize and current.deadline is None and current.database is None
    assert examples(150) == 150


def test_the_long_profile_scales_every_count() -> None:
    long = settings.get_profile("long")
    assert not long.derandomize and long.deadline is None
    assert long.max_examples == 10 * CI_EXAMPLES
