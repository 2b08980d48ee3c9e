"""The commands beside `verify` and `check`: `site` builds a site of the claims, `explain`
says what a problem code means, `schema` prints a file kind's JSON Schema, `new` writes a
file to fill in and `draft` a source file for a document.

Each is a plain function with its --help text; cli.py registers the ones in `COMMANDS` on
its Typer app, in the order --help lists them, so that the app, the entry point and
`python -m factcheck.cli` stay where they were.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NamedTuple, cast

import typer

from factcheck.cli_options import (
    Budget,
    ClaimPaths,
    Jobs,
    KindArgument,
    MaxTermsOption,
    ReviewDate,
    Root,
    Tolerance,
    TolerancePoints,
    Top,
    check_settings,
)
from factcheck.cli_output import plural, report_problems, stderr_console
from factcheck.cli_progress import progress
from factcheck.errors import ExitCode
from factcheck.escape import visible
from factcheck.limits import DEFAULT_BUDGET, DEFAULT_TOP
from factcheck.streams import write_stdout

SITE_HELP = """Build a static site of the claims: an index, a page per claim and per source.

The index lists every claim (verdict, claim, speaker, date, value), sortable and
filterable, with a page per verdict that needs no script; each claim's page is its HTML
report; each source's page lists the claims that use it; claims.jsonl holds every audit.
Nothing is fetched; the same files and date give the same bytes, whatever --jobs. The
site is swapped in whole: invalid input or Ctrl-C leaves the old one (factcheck's
docs/publishing.md).

Exit status: 0 site written; 1 invalid input or an unwritable folder; 2 usage; 70
internal error (a bug: please report it, with the files); 130 interrupted.

Example:

\b
  factcheck site claims/ -o public/
"""


def site(
    paths: ClaimPaths,
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
    tolerance_points: TolerancePoints = None,
    max_terms: MaxTermsOption = None,
    top: Top = DEFAULT_TOP,
    budget: Budget = DEFAULT_BUDGET,
    jobs: Jobs = None,
    root: Root = None,
    date: ReviewDate = None,
) -> None:
    from factcheck.judge import Settings
    from factcheck.site import build_site

    limits = {
        "top": top,
        "budget": budget,
        "tolerance": tolerance,
        "tolerance_points": tolerance_points,
        "max_terms": max_terms,
    }
    check_settings()
    with progress(stderr_console(), enabled=True) as bar:
        built = build_site(
            paths,
            output,
            Settings(**cast("dict[str, Any]", limits)),  # parsed by the options' callbacks
            root=root,
            jobs=jobs,
            reviewed=cast("dt.date | None", date),  # parsed by cli_options._date
            on_start=bar.start,
            on_done=bar.advance,
        )
    report_problems(built.problems)
    where = visible(str(output))
    if built.batch.interrupted or built.problems:
        sys.stderr.write(f"factcheck site: nothing written to {where}.\n")
        interrupted = built.batch.interrupted
        raise typer.Exit(ExitCode.INTERRUPTED if interrupted else ExitCode.INVALID_INPUT)
    claims, files = plural(len(built.batch.audits), "claim"), plural(len(built.files), "file")
    sys.stderr.write(f"factcheck site: {claims}, {files} in {where}\n")


EXPLAIN_HELP = """Explain a problem code: what is wrong, an example, and the fix.

The text of factcheck's docs/errors.md, which ships with it. Without CODE, lists every code
with its title.

Exit status: 0 explained; 2 no such code.

Examples:

\b
  factcheck explain FC503
  factcheck explain
"""


def explain(
    code: Annotated[
        str | None,
        typer.Argument(
            help="A code as problem lines end with it: FC503 (any case).",
            show_default=False,
            metavar="CODE",
        ),
    ] = None,
) -> None:
    from factcheck.explain import catalogue
    from factcheck.explain import explain as explanation

    if code is None:
        write_stdout(catalogue())
        return
    text = explanation(code)
    if text is None:
        raise typer.BadParameter(
            f"no problem code {code!r}; `factcheck explain` lists them", param_hint="CODE"
        )
    write_stdout(text)


SCHEMA_HELP = """Print the JSON Schema (2020-12) of claim or source files, for editors.

Example:

\b
  factcheck schema claim > schemas/claim.schema.json
"""


def schema(kind: KindArgument) -> None:
    from factcheck.schema import render_schema

    write_stdout(render_schema(kind))


NEW_HELP = """Write a commented claim or source file to fill in; never overwrites.

Prints the new file's path. Each value still to be written starts with TODO, an error
(FC503) in `factcheck check` and `factcheck verify` until it is filled in.

Example:

\b
  factcheck new claim speaker-2024-09-23-325k-children
"""


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
            "--dir",
            metavar="DIR",
            help="Write into DIR. Default: claims/ or sources/.",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
) -> None:
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
    write_stdout(f"{visible(str(path))}\n")
    schema_file = visible(str(schema_location(kind, path)))
    if not Path(schema_location(kind, path)).exists():
        sys.stderr.write(
            f"note: its modeline names {schema_file}, which does not exist; for editor "
            f"support write it with: factcheck schema {kind.value} > {schema_file}\n"
        )


DRAFT_HELP = """Write a draft source file for a document: one commented candidate per number.

Each candidate has the value as printed, a qualifier from the words before it, a unit
guessed from the word after it, its page label and its quote (or table headings).
Uncomment the figures the source is for and fill in each TODO: until then each one is
an error (FC503) in `factcheck check`. Never overwrites a file. More: factcheck's
docs/provenance.md.

Example:

\b
  factcheck draft sources/documents/dhs-oig-24-46.pdf -o sources/dhs-oig-24-46.yaml
"""


def draft(
    document: Annotated[
        Path,
        typer.Argument(
            help="The document: PDF, HTML, text or Markdown.",
            show_default=False,
            dir_okay=False,
            metavar="DOCUMENT",
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The source file to write.",
            dir_okay=False,
            show_default=False,
        ),
    ],
    tables: Annotated[
        bool, typer.Option(help="Read PDF tables (with pdfplumber, where installed).")
    ] = True,
) -> None:
    from factcheck.cli_progress import pages_progress
    from factcheck.draft import write_draft

    with pages_progress(stderr_console()) as progress:
        path, count = write_draft(document, output, progress=progress, tables=tables)
    write_stdout(f"{visible(str(path))}: {plural(count, 'candidate figure')}\n")


class Command(NamedTuple):
    """A command as cli.py registers it: the function (its name is the command's) and its
    --help texts, the full one and the line `factcheck --help` lists."""

    run: Callable[..., None]
    help: str
    short_help: str


COMMANDS = (
    Command(site, SITE_HELP, "Build a static site of the claims."),
    Command(explain, EXPLAIN_HELP, "Explain a problem code."),
    Command(schema, SCHEMA_HELP, "Print the JSON Schema of a file kind."),
    Command(new, NEW_HELP, "Write a claim or source file to fill in."),
    Command(draft, DRAFT_HELP, "Write a draft source file for a document."),
)
