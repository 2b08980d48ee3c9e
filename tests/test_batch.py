"""factcheck.batch: audits handed on one by one, problems collected, Ctrl-C honoured."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.batch import Batch, verify_many
from factcheck.judge import Settings
from factcheck.models import Audit, Verdict
from tests.conftest import REPO, CaseWriter

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


@pytest.fixture
def ctrl_c_as_in_a_terminal() -> Iterator[None]:
    """Ctrl-C as a command's process gets it: Python's handler, the signal not blocked.
    A test process may inherit another (an xdist worker under load ran one of these tests
    with Ctrl-C ignored or blocked: it never arrived); each test states what it needs."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    blocked = signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        signal.signal(signal.SIGINT, previous)


@pytest.mark.usefixtures("ctrl_c_as_in_a_terminal")
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


@pytest.mark.usefixtures("ctrl_c_as_in_a_terminal")
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


@pytest.mark.usefixtures("ctrl_c_as_in_a_terminal")
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


# --- several processes, and drafts ------------------------------------------------------


def test_processes_hand_on_the_same_audits_and_texts_in_the_same_order() -> None:
    from factcheck.render.json import render_line

    claims = sorted(str(p) for p in (REPO / "claims").glob("*.yaml"))
    seen: dict[int, tuple[list[str], list[str], list[str]]] = {}
    for jobs in (1, 2):
        ids: list[str] = []
        texts: list[str] = []
        done: list[str] = []
        batch = verify_many(
            claims,
            Settings(),
            jobs=jobs,
            render=render_line,
            on_audit=lambda audit, ids=ids: ids.append(audit.claim.id),
            on_text=texts.append,
            on_done=lambda path, done=done: done.append(path.name),
        )
        assert not batch.problems and not batch.interrupted
        seen[jobs] = (ids, texts, done)
    assert seen[1] == seen[2]
    assert seen[1][2] == [Path(c).name for c in claims]


def test_a_draft_is_refused_unless_allowed(write_case: CaseWriter) -> None:
    path = write_case(
        [{"id": "a", "value": 5, "unit": "people", "described_as": ["lost"]}],
        value=5,
        speaker="TODO: who said it",
    )
    refused = verify_many([str(path)], Settings())
    assert refused.audits == []
    assert [(p.code, p.key_path, p.severity) for p in refused.problems] == [
        ("FC503", "speaker", "error")
    ]
    allowed = verify_many([str(path)], Settings(), allow_draft=True)
    assert [a.claim.speaker for a in allowed.audits] == ["TODO: who said it"]


def test_a_placeholder_in_a_source_is_named_not_the_errors_it_causes(
    write_case: CaseWriter,
) -> None:
    path = write_case([{"id": "a", "value": "TODO", "unit": "people"}], value=5)
    problems = verify_many([str(path)], Settings()).problems
    assert [(Path(p.path).name, p.code, p.key_path) for p in problems] == [
        ("src.yaml", "FC503", "figures[0].value")
    ]
    # allowed, the placeholder is what it is: a value that cannot be read
    drafted = verify_many([str(path)], Settings(), allow_draft=True).problems
    assert [p.code for p in drafted] == ["FC205"]


def test_a_shard_keeps_its_part_of_the_files() -> None:
    from factcheck.shards import Shard

    claims = sorted(str(p) for p in (REPO / "claims").glob("*.yaml"))
    parts = [
        [a.claim.id for a in verify_many(claims, Settings(), shard=Shard(k, 3)).audits]
        for k in (1, 2, 3)
    ]
    whole = [a.claim.id for a in verify_many(claims, Settings()).audits]
    assert sorted(claim for part in parts for claim in part) == sorted(whole)


def test_every_file_read_is_an_input_whatever_the_number_of_jobs() -> None:
    """--output may not be written over a source a worker process read, either."""
    claims = sorted(str(p) for p in (REPO / "claims").glob("*.yaml"))
    read = {}
    for jobs in (1, 2):
        inputs = {Path(p).resolve() for p in verify_many(claims, Settings(), jobs=jobs).inputs}
        assert (REPO / "sources" / "dhs-oig-24-46.yaml").resolve() in inputs
        assert {Path(c).resolve() for c in claims} <= inputs
        read[jobs] = inputs
    assert read[1] == read[2]


def test_by_default_a_big_batch_uses_every_cpu_and_a_small_one_this_process() -> None:
    from factcheck.batch import FILES_PER_WORKER, _workers
    from factcheck.workers import default_jobs

    assert _workers(None, 1_000) == default_jobs()
    assert _workers(None, FILES_PER_WORKER - 1) == 1
    assert _workers(None, 2 * FILES_PER_WORKER) == min(2, default_jobs())
    assert _workers(4, 3) == 3  # never more processes than files
    assert _workers(3, 1_000) == 3
