"""Where `verify`'s result goes: stdout (streamed for jsonl), or an --output file.

Every write is checked (streams.py, output.py): the result is written whole or the run
fails; --output is never one of the run's inputs, and after Ctrl-C the previous file is
kept and what finished goes to FILE.partial.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.escape import visible
from factcheck.render import registry
from factcheck.render.registry import View
from factcheck.streams import stdout_is_terminal, write_stdout

if TYPE_CHECKING:
    from factcheck.batch import Batch
    from factcheck.models import Audit


class VerifyOutput:
    """Where verify's result goes. A streamed format (jsonl) to stdout is written audit by
    audit as each is judged; everything else, and every -o file (written atomically), once
    the batch is done."""

    def __init__(self, format_name: str, view: View, path: Path | None) -> None:
        self.view = view
        self.path = path
        self.render = registry.audits_renderer(format_name)
        self.each = registry.each_renderer(format_name) if path is None else None
        self.streams_to_tty = self.each is not None and stdout_is_terminal()

    def add(self, audit: Audit) -> None:
        if self.each is None:
            return
        try:
            write_stdout(self.each(audit, self.view))
        except BrokenPipeError:
            raise ReaderGone from None

    def finish(self, batch: Batch) -> None:
        if self.each is not None:
            return  # written already, one audit at a time
        text = self.render(batch.audits, self.view)
        if self.path is None:
            write_stdout(text)
            return
        from factcheck.output import partial_path, write_output

        if batch.interrupted:
            # The previous complete report stays; what finished goes beside it (cli._exit_for).
            write_output(partial_path(self.path), text, batch.inputs)
            return
        write_output(self.path, text, batch.inputs)

    def refuse_inputs(self, paths: list[str]) -> None:
        """Before any work: --output may not name one of the files the run will read."""
        if self.path is not None:
            from factcheck.output import refuse_inputs
            from factcheck.paths import expand_paths

            refuse_inputs(self.path, [path for path, _ in expand_paths(paths)[0]])


class ReaderGone(Exception):
    """Whoever read the streamed lines has gone (`| head -1`): the batch stops, exit 0.

    Not an OSError, which Typer turns into exit 1 before main() could keep the pipe quiet.
    """


def say_where_partial(batch: Batch, output: Path | None) -> None:
    """After Ctrl-C with --output: the old file is kept, and what finished is beside it."""
    if batch.interrupted and output is not None:
        from factcheck.output import partial_path

        sys.stderr.write(
            f"The {len(batch.audits)} finished claims are in {visible(str(partial_path(output)))}; "
            f"{visible(str(output))} was left as it was.\n"
        )
