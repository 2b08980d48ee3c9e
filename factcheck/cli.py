"""The `factcheck` command line: options in, one library call, a renderer, an exit code.

Heavy modules (pydantic, PyYAML, the renderers) are imported inside the commands so that
`factcheck --help` starts fast; the formats come from the registry, which imports no renderer.
The options are declared in cli_options.py, where the output goes in cli_output.py, and
--help is laid out by cli_help.py; the commands beside verify and check (site, explain,
schema, new, draft) are in cli_commands.py.
"""

from __future__ import annotations

import atexit
import datetime as dt
import gc
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, cast

import typer

from factcheck import __version__
from factcheck.bands import Verdict
from factcheck.cli_commands import (
    COMMANDS,
    DRAFT_HELP,
    EXPLAIN_HELP,
    NEW_HELP,
    SCHEMA_HELP,
    SITE_HELP,
    draft,
    explain,
    new,
    schema,
    site,
)
from factcheck.cli_help import ManCommand
from factcheck.cli_options import (
    CHECK_DEFAULT,
    VERDICTS,
    AllowDraft,
    AnyPaths,
    Budget,
    CheckFormat,
    ClaimPaths,
    FailOn,
    Jobs,
    JsonFlag,
    MaxTermsOption,
    OutputFile,
    OutputFormat,
    ReviewDate,
    Root,
    ShardOption,
    Tolerance,
    TolerancePoints,
    Top,
    VerifyFormat,
    check_settings,
)
from factcheck.cli_output import (
    Output,
    ReaderGone,
    plain,
    report_gated,
    report_interrupted,
    report_problems,
    report_shard,
    report_totals,
    say_where_partial,
    stderr_console,
)
from factcheck.cli_progress import progress
from factcheck.errors import ExitCode
from factcheck.escape import visible
from factcheck.limits import DEFAULT_BUDGET, DEFAULT_TOP
from factcheck.render import registry
from factcheck.render.registry import View
from factcheck.streams import guard_process, write_stdout

if TYPE_CHECKING:
    from factcheck.batch import Batch
    from factcheck.search import MaxTerms
    from factcheck.shards import Shard

__all__ = [
    "CHECK_HELP",
    "DRAFT_HELP",  # the other commands and their help are re-exported from cli_commands.py
    "EXPLAIN_HELP",
    "NEW_HELP",
    "SCHEMA_HELP",
    "SITE_HELP",
    "VERIFY_HELP",
    "CheckFormat",  # re-exported from cli_options.py, as tests and callers name them here
    "OutputFormat",
    "app",
    "check",
    "draft",
    "explain",
    "main",
    "main_options",
    "new",
    "run",
    "schema",
    "site",
    "verify",
]

app = typer.Typer(
    name="factcheck",
    epilog="Add --debug to any command to see the traceback of an internal error.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # click's plain layout, like a man page (cli_help.py)
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Audit public numeric claims against the figures their sources actually print.

    Each command's --help says more: factcheck verify --help.

    Example:

    \b
      factcheck verify claims/trump-2024-09-23-325k-migrant-children.yaml
    """


VERIFY_HELP = f"""Judge each claim against the figures of its sources.

Finds every combination of the sources' figures that reproduces the claimed number,
reads what the source's own words say of them, and gives a verdict: {VERDICTS}. One
claim file is shown in full; several, or a directory, as a table of verdicts.

Claims are judged in several processes at once (--jobs), and written in the order of
their files whatever the number of processes. --shard K/N takes part K of N of the
files, for one job of a CI matrix (factcheck's docs/ci.md).

A batch (a folder, or several files) ends with a line of totals on stderr: claim files,
judged (and against their `expect`), invalid, source files skipped.

Exit status: 0 verdicts produced; 1 invalid input (each problem on stderr as
file:line:col: message [CODE], and `factcheck explain CODE` says more); 2 usage; 3 a
verdict is in --fail-on or differs from the claim's `expect`; 70 internal error (a bug:
please report it, with the files); 130 interrupted.

Examples:

\b
  factcheck verify claims/trump-2024-09-23-325k-migrant-children.yaml
  factcheck verify claims/ --fail-on false,unsupported
  factcheck verify claims/ --format jsonl --jobs 4 --shard 1/2
"""


@app.command(
    cls=ManCommand,
    help=VERIFY_HELP,
    short_help="Judge claims against the figures of their sources.",
)
def verify(
    paths: ClaimPaths,
    json_output: JsonFlag = False,
    output_format: VerifyFormat = None,
    output: OutputFile = None,
    tolerance: Tolerance = None,
    tolerance_points: TolerancePoints = None,
    max_terms: MaxTermsOption = None,
    top: Top = DEFAULT_TOP,
    budget: Budget = DEFAULT_BUDGET,
    fail_on: FailOn = None,
    jobs: Jobs = None,
    shard: ShardOption = None,
    allow_draft: AllowDraft = False,
    root: Root = None,
    date: ReviewDate = None,
) -> None:
    from factcheck.batch import verify_many
    from factcheck.judge import Settings

    settings = Settings(
        tolerance=cast("Decimal | None", tolerance),  # parsed by cli_options._tolerance
        tolerance_points=cast("Decimal | None", tolerance_points),  # cli_options._tolerance_points
        max_terms=cast("MaxTerms | None", max_terms),  # parsed by cli_options._max_terms
        top=top,
        budget=budget,
    )
    reviewed = cast("dt.date | None", date)  # parsed by cli_options._date
    view = View(single=_single(paths), plain=plain(), root=root, reviewed=reviewed)
    check_settings()
    chosen = _chosen_format(json_output, output_format)
    out = Output(chosen, view, output)
    out.refuse_inputs(paths)
    batch_progress = progress(stderr_console(), enabled=_is_batch(paths) and not out.streams_to_tty)
    with batch_progress as bar:
        batch = verify_many(
            paths,
            settings,
            root=root,
            jobs=jobs,
            shard=cast("Shard | None", shard),  # parsed by cli_options._shard
            allow_draft=allow_draft,
            render=out.part,
            on_start=bar.start,
            on_text=out.write,
            on_done=bar.advance,
        )
    if shard is not None:
        report_shard(cast("Shard", shard), batch)
    report_problems(batch.problems)
    out.finish(batch)
    say_where_partial(batch, output)
    # A person reading a batch's table gets its totals; machine formats stay quiet.
    totals = _is_batch(paths) and chosen == "rich"
    _exit_for(batch, cast("list[Verdict]", fail_on or []), totals=totals)  # cli_options._verdicts


def _chosen_format(json_output: bool, output_format: OutputFormat | None) -> str:
    chosen = output_format.value if output_format else None
    if json_output and chosen not in (None, "json"):
        raise typer.BadParameter(f"--json conflicts with --format {chosen}")
    return "json" if json_output else (chosen or "rich")


def _exit_for(batch: Batch, fail_on: list[Verdict], *, totals: bool = False) -> None:
    """Exit 130 after Ctrl-C, 1 for invalid input, 3 for a verdict the gate refuses; the
    batch's totals, when asked, as the last line before."""
    if batch.interrupted:
        report_interrupted(len(batch.audits))
        raise typer.Exit(ExitCode.INTERRUPTED)
    gated = [] if batch.problems else batch.gated(fail_on)
    for audit in gated:
        report_gated(audit)
    if totals:
        report_totals(batch)
    if batch.problems:
        raise typer.Exit(ExitCode.INVALID_INPUT)
    if gated:
        raise typer.Exit(ExitCode.GATE)


def _single(paths: list[str]) -> bool:
    return len(paths) == 1 and Path(paths[0]).is_file()


def _is_batch(paths: list[str]) -> bool:
    return len(paths) > 1 or any(Path(p).is_dir() for p in paths)


CHECK_HELP = """Validate claim and source files without searching: every problem, once.

Checks each file with the rules `verify` applies: YAML syntax, duplicate keys, the
format, ids, source paths, and the relations between figures (a claim together with the
sources it names). TODO placeholders left by `factcheck new` are errors (FC503) until
filled in, unless --allow-draft. Warnings (FC5xx) flag what is valid but probably wrong,
such as a quote without its figure's number.

Prints one line per problem on stdout, then a one-line summary on stderr. In the text
format each line reads:

\b
  path:line:col: error|warning: key path: message [CODE]

and `factcheck explain CODE` explains the code.

Exit status: 0 no errors (warnings pass unless --strict); 1 errors found, or warnings
with --strict; 2 usage; 70 internal error (a bug: please report it, with the files).

Examples:

\b
  factcheck check claims/ sources/
  factcheck check claims/ sources/ --format github
"""


@app.command(
    cls=ManCommand,
    help=CHECK_HELP,
    short_help="Validate claim and source files without searching.",
)
def check(
    paths: AnyPaths,
    output_format: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            case_sensitive=False,
            help="text: one line per problem; json: a list of objects; github: Actions "
            "annotations, and a table in $GITHUB_STEP_SUMMARY when it is set.",
        ),
    ] = CHECK_DEFAULT,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    allow_draft: AllowDraft = False,
    root: Root = None,
) -> None:
    from factcheck.check import check_files
    from factcheck.render.problems import render_step_summary, summary

    check_settings()
    # JSON also lists each phrase found in a source's document (severity info, FC700).
    checked = check_files(
        paths, root=root, allow_draft=allow_draft, phrases=output_format.value == "json"
    )
    problems = [p for p in checked.problems if p.severity != "info"]
    write_stdout(registry.problems_renderer(output_format.value)(checked.problems))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if output_format.value == "github" and summary_file:
        from factcheck.output import append_to

        append_to(Path(summary_file), render_step_summary(problems), "$GITHUB_STEP_SUMMARY")
    sys.stderr.write(summary(problems, checked.files) + "\n")
    if any(p.severity == "error" or strict for p in problems):
        raise typer.Exit(ExitCode.INVALID_INPUT)


# The commands beside verify and check (cli_commands.py), in the order --help lists them.
for command in COMMANDS:
    app.command(cls=ManCommand, help=command.help, short_help=command.short_help)(command.run)


def main() -> NoReturn:
    """Console-script entry point: one place turns every outcome into an exit code."""
    guard_process()  # a closed stdout or stderr, COLUMNS out of range (streams.py)
    args, debug = _without_debug(sys.argv[1:])
    # One run builds hundreds of thousands of small objects and frees few of them before
    # it exits; the cyclic collector's default rhythm (a pass every 700 allocations) took a
    # fifth of the time on a 10,000-figure source. It stays on, only less often.
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    # numpy's OpenBLAS starts a thread per core as it loads (some 40 ms of CPU at every
    # start); the search never multiplies matrices. Set before numpy is first imported.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        # standalone_mode=False: click hands back exit codes and exceptions instead of
        # exiting, so that this one place decides every exit code (130, quiet pipes, ...).
        result = app(args=args, standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except typer.Exit as exc:
        code = exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("Interrupted.\n")
        code = ExitCode.INTERRUPTED
    except (BrokenPipeError, ReaderGone):
        _silence_stdout()
        code = 0
    except Exception as exc:
        code = _exit_code_for(exc, debug)
    sys.exit(code)


def run() -> NoReturn:
    """The `factcheck` program: `main()`, then an exit at once with the output flushed and
    every file closed (tearing the interpreter down cost 0.1-0.15 s); Python's own exit
    where a flush fails or a hook, profiler or tracer waits for it (docs/benchmarks.md)."""
    try:
        main()
    except SystemExit as exc:
        code = exc.code
    if atexit._ncallbacks() or sys.getprofile() or sys.gettrace() or not isinstance(code, int):
        sys.exit(code)
    try:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()  # guard_process() replaced a missing one
    except Exception:  # a full disk, a closed or broken stream: Python's exit, as before
        sys.exit(code)
    os._exit(code)


def _without_debug(args: list[str]) -> tuple[list[str], bool]:
    """The arguments without --debug, and whether it was there. --debug is read here, where
    it is used, so that every command takes it and it holds for errors raised at any point,
    even while the command line is parsed."""
    end = args.index("--") if "--" in args else len(args)  # after --, only paths
    options = [arg for arg in args[:end] if arg != "--debug"]
    return options + args[end:], len(options) < end


def _exit_code_for(exc: Exception, debug: bool) -> int:
    from factcheck.errors import FactcheckError, InputError, SettingError

    if hasattr(exc, "show") and isinstance(getattr(exc, "exit_code", None), int):
        exc.show()  # click's usage errors: message and usage line on stderr, exit 2
        return int(getattr(exc, "exit_code", ExitCode.USAGE))
    if isinstance(exc, SettingError):
        sys.stderr.write(f"factcheck: {visible(str(exc))}\n")
        return ExitCode.USAGE
    if isinstance(exc, InputError):
        report_problems(exc.problems)
        return ExitCode.INVALID_INPUT
    if isinstance(exc, FactcheckError):
        sys.stderr.write(f"factcheck: {visible(str(exc))}\n")
        return ExitCode.INVALID_INPUT
    if debug:
        raise exc
    if isinstance(exc, OSError):
        # Writing to a full disk or a closed terminal: the system's trouble, not a bug.
        where = f" {visible(str(exc.filename))}" if exc.filename else ""
        sys.stderr.write(f"factcheck: cannot read or write{where}: {exc.strerror or exc}\n")
        _silence_stdout()  # else the final flush of stdout fails again, with a traceback
        return ExitCode.INVALID_INPUT
    sys.stderr.write(
        f"factcheck: internal error: {type(exc).__name__}: {exc}\n"
        "Please report it with the input files; rerun with --debug for a traceback.\n"
    )
    return ExitCode.INTERNAL


def _silence_stdout() -> None:
    # Python flushes stdout at exit; point it at devnull so a closed pipe stays quiet.
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        return  # stdout already closed or not a real file: nothing left to flush into it
    finally:
        os.close(devnull)


if __name__ == "__main__":
    run()
