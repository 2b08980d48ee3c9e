"""The `factcheck` command line: options in, one library call, a renderer, an exit code.

Heavy modules (pydantic, PyYAML, the renderers) are imported inside the commands so that
`factcheck --help` starts fast; the formats come from the registry, which imports no renderer.
"""

from __future__ import annotations

import atexit
import datetime as dt
import gc
import os
import sys
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, cast

import typer

from factcheck import __version__
from factcheck.bands import NAMES, Verdict
from factcheck.cli_options import MaxTermsOption, Tolerance, TolerancePoints
from factcheck.cli_output import ReaderGone, VerifyOutput, say_where_partial
from factcheck.cli_progress import progress
from factcheck.errors import ExitCode
from factcheck.escape import visible
from factcheck.limits import DEFAULT_BUDGET, DEFAULT_TOP, MAX_BUDGET
from factcheck.render import registry
from factcheck.render.registry import View
from factcheck.schema import Kind
from factcheck.streams import guard_process, stdout_is_terminal, write_stdout

if TYPE_CHECKING:
    from rich.console import Console

    from factcheck.batch import Batch
    from factcheck.errors import Problem
    from factcheck.search import MaxTerms

app = typer.Typer(
    name="factcheck",
    help="Audit public numeric claims against the figures their sources actually print.",
    epilog="Add --debug to any command to see the traceback of an internal error.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# The --format choices, from the one table of formats. (mypy cannot list the members of an
# Enum built from a table; the code only reads their values.)
OutputFormat = StrEnum("OutputFormat", {n: n for n in registry.names("audits")})  # type: ignore[misc]
CheckFormat = StrEnum("CheckFormat", {n: n for n in registry.names("problems")})  # type: ignore[misc]
CHECK_DEFAULT = CheckFormat("text")


def _verdicts(value: str | None) -> list[Verdict]:
    if not value:
        return []
    names = [part.strip() for part in value.split(",") if part.strip()]
    bad = [name for name in names if name not in NAMES]
    if bad:
        raise typer.BadParameter(f"unknown verdict {bad[0]!r}; expected {', '.join(NAMES)}")
    return [Verdict(name) for name in names]


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None


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

    Example: factcheck verify claims/trump-2024-09-23-325k-migrant-children.yaml
    """


# The options, each declared once. The callbacks of --tolerance, --max-terms and --fail-on
# turn the text into a Decimal, an int or "all", and verdicts: the parameters are declared
# as text because Typer parses text, and --help shows them as such (<str>).
Paths = Annotated[
    list[str],
    typer.Argument(
        help="Claim (and for check, source) files, directories (searched recursively) or globs.",
        show_default=False,
        metavar="PATH",
    ),
]
Root = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="Claims repository root: source paths may not leave it. Default: the nearest "
        "folder with factcheck.toml, pyproject.toml or .git, else the current directory.",
        file_okay=False,
    ),
]
KindArgument = Annotated[
    Kind, typer.Argument(help="Which kind of file.", show_default=False, metavar="KIND")
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
VerifyFormat = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format. Default: rich (plain text when "
        "stdout is not a terminal or NO_COLOR is set).",
    ),
]
OutputFile = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the result to this file (atomically) instead of stdout.",
        dir_okay=False,
    ),
]
Top = Annotated[
    int, typer.Option("--top", min=1, help="How many reproducing combinations to list.")
]
Budget = Annotated[
    int,
    typer.Option(
        "--budget",
        min=1,
        max=MAX_BUDGET,
        help="Most combinations the search examines per "
        "claim before it stops and says the list may be incomplete.",
    ),
]
ReviewDate = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help="The review's date (ClaimReview's datePublished). Default: the config's "
        "`reviewed`, else today ($SOURCE_DATE_EPOCH's day when set).",
        callback=_date,
        show_default=False,
    ),
]
FailOn = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        help="Exit 3 when any verdict is one of these (comma-separated), e.g. false,unsupported.",
        callback=_verdicts,
    ),
]


@app.command()
def verify(
    paths: Paths,
    json_output: JsonFlag = False,
    output_format: VerifyFormat = None,
    output: OutputFile = None,
    tolerance: Tolerance = None,
    max_terms: MaxTermsOption = None,
    top: Top = DEFAULT_TOP,
    budget: Budget = DEFAULT_BUDGET,
    fail_on: FailOn = None,
    root: Root = None,
    tolerance_points: TolerancePoints = None,
    date: ReviewDate = None,
) -> None:
    """Find the combinations of source figures that reproduce each claim, and judge them.

    Exit codes: 0 verdicts produced; 1 invalid input (each problem on stderr as
    file:line:col); 2 usage; 3 a verdict is in --fail-on or differs from the claim's
    `expect`; 130 interrupted.

    Example: factcheck verify claims/trump-2024-09-23-325k-migrant-children.yaml --json
    """
    from factcheck.batch import verify_many
    from factcheck.judge import Settings

    settings = Settings(
        tolerance=cast("Decimal | None", tolerance),  # parsed by _tolerance
        max_terms=cast("MaxTerms | None", max_terms),  # parsed by _max_terms
        top=top,
        budget=budget,
        tolerance_points=cast("Decimal | None", tolerance_points),  # parsed by _tolerance_points
    )
    reviewed = cast("dt.date | None", date)  # parsed by _date
    view = View(single=_single(paths), plain=_plain(), root=root, reviewed=reviewed)
    _check_settings()
    out = VerifyOutput(_chosen_format(json_output, output_format), view, output)
    out.refuse_inputs(paths)
    batch_progress = progress(_stderr(), enabled=_is_batch(paths) and not out.streams_to_tty)
    with batch_progress as bar:
        batch = verify_many(
            paths, settings, root=root, on_start=bar.start, on_audit=out.add, on_done=bar.advance
        )
    _report_problems(batch.problems)
    out.finish(batch)
    say_where_partial(batch, output)
    _exit_for(batch, cast("list[Verdict]", fail_on or []))  # parsed by _verdicts


def _chosen_format(json_output: bool, output_format: OutputFormat | None) -> str:
    chosen = output_format.value if output_format else None
    if json_output and chosen not in (None, "json"):
        raise typer.BadParameter(f"--json conflicts with --format {chosen}")
    return "json" if json_output else (chosen or "rich")


def _check_settings() -> None:
    """Settings from the environment, checked before any work (SettingError: exit 2)."""
    from factcheck.inputs import max_file_bytes

    max_file_bytes()


def _exit_for(batch: Batch, fail_on: list[Verdict]) -> None:
    """Exit 130 after Ctrl-C, 1 for invalid input, 3 for a verdict the gate refuses."""
    if batch.interrupted:
        sys.stderr.write(f"Interrupted: {len(batch.audits)} claims were verified before Ctrl-C.\n")
        raise typer.Exit(ExitCode.INTERRUPTED)
    if batch.problems:
        raise typer.Exit(ExitCode.INVALID_INPUT)
    gated = batch.gated(fail_on)
    for audit in gated:
        why = (
            f"expected {audit.expect.value}"
            if audit.expect and audit.expect != audit.verdict
            else "listed in --fail-on"
        )
        sys.stderr.write(f"{visible(audit.claim_path)}: verdict {audit.verdict.value} ({why})\n")
    if gated:
        raise typer.Exit(ExitCode.GATE)


def _single(paths: list[str]) -> bool:
    return len(paths) == 1 and Path(paths[0]).is_file()


def _is_batch(paths: list[str]) -> bool:
    return len(paths) > 1 or any(Path(p).is_dir() for p in paths)


def _plain() -> bool:
    return not stdout_is_terminal() or "NO_COLOR" in os.environ


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _report_problems(problems: list[Problem]) -> None:
    """One line per problem on stderr, never wrapped: editors and CI parse these lines."""
    for problem in sorted(problems):
        sys.stderr.write(problem.format() + "\n")
    if problems:
        files = len({p.path for p in problems})
        sys.stderr.write(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {files} "
            f"file{'s' if files != 1 else ''}; see docs/errors.md for each code.\n"
        )
    sys.stderr.flush()


@app.command()
def check(
    paths: Paths,
    output_format: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: one line per problem; json: a list of "
            "objects; github: Actions annotations, and a table in "
            "$GITHUB_STEP_SUMMARY when it is set.",
        ),
    ] = CHECK_DEFAULT,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    root: Root = None,
) -> None:
    """Validate claim and source files without searching: every problem, once.

    YAML syntax, duplicate keys, the format, ids, source paths, relations
    between figures (a claim with the sources it names); warnings (FC5xx)
    for quotes without their figure's number and TODOs left by `new`.
    One line per problem on stdout: path:line:col: error|warning: message
    [CODE]. Codes: docs/errors.md.

    Exit codes: 0 no errors (warnings pass unless --strict); 1 problems
    found; 2 usage.

    Example: factcheck check claims/ sources/ --format github
    """
    from factcheck.check import check_paths
    from factcheck.render.problems import counts, render_step_summary

    _check_settings()
    # JSON also lists each phrase found in a source's document (severity info, FC700).
    found = check_paths(paths, root=root, phrases=output_format.value == "json")
    problems = [p for p in found if p.severity != "info"]
    write_stdout(registry.problems_renderer(output_format.value)(found))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if output_format.value == "github" and summary_file:
        from factcheck.output import append_to

        append_to(Path(summary_file), render_step_summary(problems), "$GITHUB_STEP_SUMMARY")
    if problems:
        sys.stderr.write(f"factcheck check: {counts(problems)}\n")
    if any(p.severity == "error" or strict for p in problems):
        raise typer.Exit(ExitCode.INVALID_INPUT)


@app.command()
def site(
    paths: Paths,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The site's folder: created, or replaced whole if `factcheck site` built it.",
            metavar="DIR",
            file_okay=False,
            show_default=False,
        ),
    ],
    tolerance: Tolerance = None,
    max_terms: MaxTermsOption = None,
    top: Top = DEFAULT_TOP,
    budget: Budget = DEFAULT_BUDGET,
    root: Root = None,
    date: ReviewDate = None,
) -> None:
    """Build a static site of the claims: an index, a page per claim and per source.

    The index lists every claim (verdict, claim, speaker, date, value), sortable
    and filterable, with a page per verdict that needs no script; each claim's
    page is its HTML report; each source's page lists the claims that use it;
    claims.jsonl holds every audit. Nothing is fetched; the same files and date
    give the same bytes. The site is swapped in whole: invalid input or Ctrl-C
    leaves the old one (docs/publishing.md).

    Exit codes: 0 site written; 1 invalid input or an unwritable folder; 2 usage;
    130 interrupted.

    Example: factcheck site claims/ -o public/
    """
    from factcheck.judge import Settings
    from factcheck.site import build_site

    limits = {"top": top, "budget": budget, "tolerance": tolerance, "max_terms": max_terms}
    _check_settings()
    with progress(_stderr(), enabled=True) as bar:
        built = build_site(
            paths,
            output,
            Settings(**cast("dict[str, Any]", limits)),  # parsed by the options' callbacks
            root=root,
            reviewed=cast("dt.date | None", date),  # parsed by _date
            on_start=bar.start,
            on_done=bar.advance,
        )
    _report_problems(built.problems)
    if built.batch.interrupted or built.problems:
        sys.stderr.write(f"factcheck site: nothing written to {output}.\n")
        interrupted = built.batch.interrupted
        raise typer.Exit(ExitCode.INTERRUPTED if interrupted else ExitCode.INVALID_INPUT)
    claims = len(built.batch.audits)
    noun = "claim" if claims == 1 else "claims"
    sys.stderr.write(f"factcheck site: {claims} {noun}, {len(built.files)} files in {output}\n")


@app.command()
def schema(kind: KindArgument) -> None:
    """Print the JSON Schema (2020-12) of claim or source files, for editors.

    Example: factcheck schema claim > schemas/claim.schema.json
    """
    from factcheck.schema import render_schema

    write_stdout(render_schema(kind))


@app.command()
def new(
    kind: KindArgument,
    name: Annotated[
        str,
        typer.Argument(
            help="The file's id and name: lowercase letters, digits and . _ -",
            show_default=False,
            metavar="NAME",
        ),
    ],
    directory: Annotated[
        Path | None,
        typer.Option(
            "--dir", help="Write into this folder. Default: claims/ or sources/.", file_okay=False
        ),
    ] = None,
) -> None:
    """Write a commented claim or source file to fill in; never overwrites.

    Prints the new file's path. Each TODO left in it is a warning (FC503)
    in `factcheck check`, and fails `factcheck check --strict`.

    Example: factcheck new claim speaker-2024-09-23-325k-children
    """
    from factcheck.errors import FactcheckError
    from factcheck.skeleton import schema_location, valid_name, write_skeleton

    try:
        valid_name(name)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="NAME") from None
    try:
        path = write_skeleton(kind, name, directory)
    except FactcheckError as exc:
        sys.stderr.write(f"factcheck: {visible(str(exc))}\n")
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    write_stdout(f"{path}\n")
    schema_file = schema_location(kind, path)
    if not schema_file.exists():
        sys.stderr.write(
            f"note: its modeline names {schema_file}, which does not exist; for editor "
            f"support write it with: factcheck schema {kind.value} > {schema_file}\n"
        )


@app.command()
def draft(
    document: Annotated[
        Path,
        typer.Argument(
            help="The document: PDF, HTML, text or Markdown.", show_default=False, dir_okay=False
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The source file to write.", dir_okay=False),
    ],
    tables: Annotated[
        bool, typer.Option(help="Read PDF tables (with pdfplumber, where installed).")
    ] = True,
) -> None:
    """Write a draft source file for a document: one commented candidate per number.

    Each candidate has the value as printed, a qualifier from the words
    before it, a unit guessed from the word after it, its page label and its
    quote (or table headings). Uncomment the figures the source is for and
    fill in each TODO, which `factcheck check` reports until then. Never
    overwrites a file. Docs: docs/provenance.md.

    Example: factcheck draft documents/OIG-24-46.pdf -o sources/dhs-oig-24-46.yaml
    """
    from factcheck.cli_progress import pages_progress
    from factcheck.draft import write_draft

    with pages_progress(_stderr()) as progress:
        path, count = write_draft(document, output, progress=progress, tables=tables)
    write_stdout(f"{visible(str(path))}: {count} candidate figures\n")


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
        _report_problems(exc.problems)
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
