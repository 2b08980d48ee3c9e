"""Progress on stderr, shown only on a terminal: a batch's bar (`verify`, `site`) and the
pages `factcheck draft` reads from a long document."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.escape import visible

if TYPE_CHECKING:
    from rich.console import Console

# Shorter documents are read before a bar would be seen.
SHOWN_FROM_PAGES = 20


@contextmanager
def pages_progress(console: Console) -> Iterator[Callable[[int, int], None] | None]:
    """A callback (pages done, pages in all) drawing a bar, only on a terminal."""
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("drafting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("pages"),
        console=console,
        transient=True,
        redirect_stdout=False,
    )
    task = bar.add_task("", total=None)

    def advance(done: int, total: int) -> None:
        if total >= SHOWN_FROM_PAGES:
            bar.update(task, completed=done, total=total)

    with bar:
        yield advance


class NoProgress:
    """Off a terminal (CI logs, pipes) a batch shows no progress: these do nothing."""

    def start(self, total: int) -> None:
        return None

    def advance(self, path: Path) -> None:
        return None

    def __enter__(self) -> NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class Progress(NoProgress):
    """A Rich progress bar on stderr while a batch runs (only on a terminal).

    Its display thread starts with the batch's first file (`start`), once the workers of a
    parallel batch are running: a process with one thread can fork them (workers.py).
    """

    def __init__(self, console: Console) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
        from rich.progress import Progress as Bar

        self.bar = Bar(
            TextColumn("verifying"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}", markup=False),
            console=console,
            transient=True,
            # Rich would send stdout through the bar's console, which is stderr: a streamed
            # output (jsonl) piped onwards would land on stderr instead.
            redirect_stdout=False,
        )
        self.task = self.bar.add_task("", total=None)
        self.started = False

    def start(self, total: int) -> None:
        self.bar.update(self.task, total=total)
        self.bar.start()
        self.started = True

    def advance(self, path: Path) -> None:
        self.bar.update(self.task, advance=1, description=visible(path.name))

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.started:
            self.bar.stop()


def progress(console: Console, *, enabled: bool) -> NoProgress:
    if enabled and console.is_terminal:
        return Progress(console)
    return NoProgress()
