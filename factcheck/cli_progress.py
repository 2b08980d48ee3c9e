"""The progress bar of a batch on stderr: shown only on a terminal (cli.py's commands)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


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
    """A Rich progress bar on stderr while a batch runs (only on a terminal)."""

    def __init__(self, console: Console) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.progress = Progress(
            TextColumn("verifying"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            console=console,
            transient=True,
            # Rich would send stdout through the bar's console, which is stderr: a streamed
            # output (jsonl) piped onwards would land on stderr instead.
            redirect_stdout=False,
        )
        self.task = self.progress.add_task("", total=None)

    def start(self, total: int) -> None:
        self.progress.update(self.task, total=total)

    def advance(self, path: Path) -> None:
        self.progress.update(self.task, advance=1, description=path.name)

    def __enter__(self) -> Progress:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


def progress(console: Console, *, enabled: bool) -> NoProgress:
    if enabled and console.is_terminal:
        return Progress(console)
    return NoProgress()
