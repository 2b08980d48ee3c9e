"""Where the commands' output goes: verify's result (streamed or whole, to stdout or a file),
the lines that report problems and gated verdicts on stderr, and a batch's progress bar.

Every string from an input (a file name, a message quoting a key) reaches the terminal
through escape.visible, so no control sequence or bidi override in it takes effect. Every
write is checked (streams.py, output.py): the result is written whole or the run fails;
--output is never one of the run's inputs, and after Ctrl-C the previous file is kept and
what finished goes to FILE.partial.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.escape import visible
from factcheck.paths import display_path
from factcheck.render import registry
from factcheck.render.registry import View
from factcheck.streams import stdout_is_terminal, write_stdout
from factcheck.wording import counted

if TYPE_CHECKING:
    from rich.console import Console

    from factcheck.batch import Batch
    from factcheck.errors import Problem
    from factcheck.models import Audit
    from factcheck.shards import Shard


class ReaderGone(Exception):
    """Whoever read the streamed lines has gone (`| head -1`): the batch stops, exit 0.

    Not an OSError, which Typer turns into exit 1 before main() could keep the pipe quiet.
    """


class Part:
    """One audit's part of a streamed output, rendered where the audit is judged (a
    worker process too: a module-level class of picklable parts)."""

    def __init__(self, each: registry.EachRenderer, view: View) -> None:
        self.each = each
        self.view = view

    def __call__(self, audit: Audit) -> str:
        return self.each(audit, self.view)


class Output:
    """Where verify's result goes. A streamed format (jsonl) to stdout is written audit by
    audit as each is judged (`part` renders each one, `write` writes it); everything else,
    and every -o file (written atomically), once the batch is done."""

    def __init__(self, format_name: str, view: View, path: Path | None) -> None:
        self.view = view
        self.path = path
        self.render = registry.audits_renderer(format_name)
        each = registry.each_renderer(format_name) if path is None else None
        self.part = Part(each, view) if each is not None else None
        self.streams_to_tty = self.part is not None and stdout_is_terminal()

    def write(self, text: str) -> None:
        try:
            write_stdout(text)
        except BrokenPipeError:
            raise ReaderGone from None

    def finish(self, batch: Batch) -> None:
        if self.part is not None:
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


def say_where_partial(batch: Batch, output: Path | None) -> None:
    """After Ctrl-C with --output: the old file is kept, and what finished is beside it."""
    if batch.interrupted and output is not None:
        from factcheck.output import partial_path

        finished = plural(len(batch.audits), "finished claim")
        sys.stderr.write(
            f"The {finished} {'is' if len(batch.audits) == 1 else 'are'} in "
            f"{visible(str(partial_path(output)))}; {visible(str(output))} was left as it was.\n"
        )


def plain() -> bool:
    """No colour: stdout is not a terminal, or NO_COLOR is set to something (no-color.org)."""
    return not stdout_is_terminal() or bool(os.environ.get("NO_COLOR"))


def plural(count: int, word: str) -> str:
    return counted(count, word)


def report_problems(problems: Sequence[Problem]) -> None:
    """One line per problem on stderr, never wrapped: editors and CI parse these lines.
    Each names its file as `check` does: sources/x.yaml, not claims/../sources/x.yaml."""
    problems = [replace(p, path=display_path(p.path)) for p in problems]
    for problem in sorted(problems):
        sys.stderr.write(visible(problem.format()) + "\n")
    if problems:
        files = len({p.path for p in problems})
        codes = sorted({p.code for p in problems})
        more = (
            f"`factcheck explain {codes[0]}` says more"
            if len(codes) == 1
            else "`factcheck explain CODE` explains each code"
        )
        sys.stderr.write(f"{plural(len(problems), 'problem')} in {plural(files, 'file')}; {more}\n")
    sys.stderr.flush()


def report_gated(audit: Audit) -> None:
    """The line for a verdict that fails the gate: in --fail-on, or not the expected one."""
    why = (
        f"expected {audit.expect.value}"
        if audit.expect and audit.expect != audit.verdict
        else "listed in --fail-on"
    )
    sys.stderr.write(f"{visible(audit.claim_path)}: verdict {audit.verdict.value} ({why})\n")


def report_shard(shard: Shard, batch: Batch) -> None:
    """Which part of the files this job took: a CI log says so, even when it is none."""
    sys.stderr.write(
        f"--shard {shard.index}/{shard.count}: {batch.kept:,} of {counted(batch.found, 'file')} "
        "in this part\n"
    )


def report_totals(batch: Batch) -> None:
    """A batch's last line: how many claim files, judged (and against their `expect:`),
    invalid; the table above lists only the judged ones."""
    judged = len(batch.audits)
    expected = [a for a in batch.audits if a.expect is not None]
    differ = sum(a.expect != a.verdict for a in expected)
    parts = [f"{counted(judged + len(batch.invalid), 'claim file')}: {judged:,} judged"]
    if expected:
        parts[0] += f" ({len(expected) - differ:,} as expected, {differ:,} differ)"
    if batch.invalid:
        parts.append(f"{len(batch.invalid):,} invalid (the problems above)")
    if batch.skipped_sources:
        parts.append(f"{counted(len(batch.skipped_sources), 'source file')} skipped")
    sys.stderr.write(", ".join(parts) + "\n")


def report_interrupted(finished: int) -> None:
    verified = "claim was" if finished == 1 else "claims were"
    sys.stderr.write(f"Interrupted: {finished:,} {verified} verified before Ctrl-C.\n")


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, markup=False)
