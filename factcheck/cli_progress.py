"""The progress `factcheck draft` shows on stderr while it reads a long document."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

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
