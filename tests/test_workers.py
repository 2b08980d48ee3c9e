"""factcheck.workers: results in input order from several processes, and a dead worker
reported instead of waited for."""

from __future__ import annotations

import os
import signal

import pytest

from factcheck.workers import WorkerError, chunk_size, default_jobs, in_order
from tests.conftest import hang_guard

HANG_SECONDS = 120  # a hang guard, not a time limit


def square_with_pid(value: int) -> tuple[int, int]:
    return value * value, os.getpid()


def die_at_three(value: int) -> int:
    if value == 3:
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    return value


def test_results_come_back_in_input_order_from_several_processes() -> None:
    items = list(range(200))
    with hang_guard(HANG_SECONDS), in_order(square_with_pid, items, jobs=2) as results:
        found = list(results)
    assert [value for value, _ in found] == [i * i for i in items]
    pids = {pid for _, pid in found}
    assert os.getpid() not in pids
    assert 1 <= len(pids) <= 2


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_worker_that_dies_stops_the_run_with_a_clear_error() -> None:
    with (
        hang_guard(HANG_SECONDS),
        pytest.raises(WorkerError, match="--jobs 1"),
        in_order(die_at_three, list(range(10)), jobs=2) as results,
    ):
        list(results)


def test_ctrl_c_stays_with_the_main_process_while_workers_start() -> None:
    handler = signal.getsignal(signal.SIGINT)
    with hang_guard(HANG_SECONDS), in_order(square_with_pid, [1, 2], jobs=2) as results:
        assert signal.getsignal(signal.SIGINT) is handler  # put back once they started
        assert [value for value, _ in results] == [1, 4]


def test_chunks_are_small_enough_to_share_the_work() -> None:
    assert chunk_size(10, 2) == 1
    assert chunk_size(1000, 2) == 16  # at most MAX_CHUNK
    assert chunk_size(160, 2) == 10
    assert default_jobs() >= 1
