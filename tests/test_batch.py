"""factcheck.batch: audits handed on one by one, problems collected, Ctrl-C honoured."""

from __future__ import annotations

import signal
import threading

import pytest

from factcheck.batch import Batch, verify_many
from factcheck.judge import Settings
from factcheck.models import Audit, Verdict
from tests.conftest import REPO

CLAIMS = [
    str(REPO / "claims" / name)
    for name in (
        "illustrative-mayor-created-12k-jobs.yaml",
        "illustrative-rival-cut-7200-jobs.yaml",
        "trump-2024-09-23-325k-migrant-children.yaml",
    )
]


def test_each_audit_is_handed_on_as_it_is_judged_in_file_order() -> None:
    events: list[str] = []
    batch = verify_many(
        [*CLAIMS, str(REPO / "tests/cases/invalid/bad_value.yaml")],
        Settings(),
        on_start=lambda total: events.append(f"start {total}"),
        on_audit=lambda audit: events.append(f"audit {audit.claim.id}"),
        on_done=lambda path: events.append(f"done {path.name}"),
    )
    assert events == [
        "start 4",
        "audit illustrative-mayor-created-12k-jobs",
        "done illustrative-mayor-created-12k-jobs.yaml",
        "audit illustrative-rival-cut-7200-jobs",
        "done illustrative-rival-cut-7200-jobs.yaml",
        "audit trump-2024-09-23-325k-migrant-children",
        "done trump-2024-09-23-325k-migrant-children.yaml",
        "done bad_value.yaml",
    ]
    assert [a.claim.id for a in batch.audits] == [e.split()[1] for e in events[1:6:2]]
    assert [p.path for p in batch.problems] == [str(REPO / "tests/cases/invalid/bad_value.yaml")]
    assert not batch.interrupted


def test_ctrl_c_while_an_audit_is_handed_on_waits_for_it() -> None:
    handed: list[str] = []

    def on_audit(audit: Audit) -> None:
        signal.raise_signal(signal.SIGINT)  # Ctrl-C, in the middle of writing its line
        handed.append(audit.claim.id)

    handler = signal.getsignal(signal.SIGINT)
    batch = verify_many(CLAIMS, Settings(), on_audit=on_audit)
    assert batch.interrupted
    assert handed == [a.claim.id for a in batch.audits] == ["illustrative-mayor-created-12k-jobs"]
    assert signal.getsignal(signal.SIGINT) is handler


def test_ctrl_c_pressed_twice_stops_at_once() -> None:
    handed: list[str] = []

    def on_audit(audit: Audit) -> None:
        signal.raise_signal(signal.SIGINT)
        signal.raise_signal(signal.SIGINT)  # a write that cannot finish: pressed again
        handed.append(audit.claim.id)

    handler = signal.getsignal(signal.SIGINT)
    batch = verify_many(CLAIMS, Settings(), on_audit=on_audit)
    assert batch.interrupted
    assert handed == []
    assert len(batch.audits) == 1
    assert signal.getsignal(signal.SIGINT) is handler


def test_an_error_while_handing_on_leaves_ctrl_c_as_it_was() -> None:
    def on_audit(audit: Audit) -> None:
        raise BrokenPipeError

    handler = signal.getsignal(signal.SIGINT)
    with pytest.raises(BrokenPipeError):
        verify_many(CLAIMS, Settings(), on_audit=on_audit)
    assert signal.getsignal(signal.SIGINT) is handler


def test_a_batch_runs_off_the_main_thread_too() -> None:
    # Only the main thread may set signal handlers; elsewhere Ctrl-C is not held.
    results: list[Batch] = []
    thread = threading.Thread(target=lambda: results.append(verify_many(CLAIMS[:1], Settings())))
    thread.start()
    thread.join()
    assert [a.claim.id for a in results[0].audits] == ["illustrative-mayor-created-12k-jobs"]


def test_gated_lists_the_verdicts_named_in_fail_on() -> None:
    batch = verify_many(CLAIMS, Settings())
    assert batch.gated([]) == []  # every claim here is judged as it expects
    assert [a.claim.id for a in batch.gated([Verdict.false])] == [
        "trump-2024-09-23-325k-migrant-children"
    ]
