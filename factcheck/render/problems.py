"""Problems found by `factcheck check`, rendered as text, JSON or GitHub Actions commands.

Each renderer takes the sorted problems and returns the whole output as one string; the
CLI picks one by the --format value from the registry of formats (render/registry.py).
Formats are documented in docs/ci.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from factcheck.errors import CODES, Problem
from factcheck.escape import markdown_text, visible
from factcheck.wording import counted

Renderer = Callable[[Sequence[Problem]], str]

# GitHub refuses a step summary over 1 MiB; a table this long is read in the log anyway.
MAX_SUMMARY_ROWS = 500


def render_text(problems: Sequence[Problem]) -> str:
    """One line per problem: `path:line:col: error|warning: message [CODE]`; file names,
    keys and messages with their controls and bidi controls shown escaped (escape.py)."""
    return "".join(f"{_where(p)}: {p.severity}: {_message(p)} [{p.code}]\n" for p in problems)


def render_json(problems: Sequence[Problem]) -> str:
    """A JSON list of objects with fixed keys (docs/ci.md); `[]` when all is well. A
    problem about a phrase of a source's document (and each phrase found there, severity
    `info`) also has `phrase` (docs/provenance.md)."""
    return json.dumps([_item(p) for p in problems], indent=2, ensure_ascii=False) + "\n"


def _item(p: Problem) -> dict[str, object]:
    item: dict[str, object] = {
        "path": p.path,
        "line": p.line or None,
        "column": (p.column or 1) if p.line else None,
        "severity": p.severity,
        "code": p.code,
        "title": CODES.get(p.code, ""),
        "key_path": p.key_path or None,
        "message": p.message,
    }
    if p.phrase is not None:
        phrase = p.phrase
        item["phrase"] = {
            "text": phrase.text,
            "status": phrase.status,
            "page": phrase.page,
            "start": phrase.start,
            "end": phrase.end,
        }
    return item


def render_github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands, one ::group:: per file.

    `::error file=F,line=L,col=C,title=CODE::message`: every value is first made visible
    (controls, line breaks and bidi controls escaped, so no file name or key can start a
    workflow command of its own or colour the log), then escaped as @actions/core escapes
    them (escapeProperty / escapeData).
    """
    lines: list[str] = []
    for path, group in _by_file(problems).items():
        title = f"{visible(path)} ({counts(group, files=False)})"
        lines.append(f"::group::{escape_data(title)}")
        lines.extend(workflow_command(p) for p in group)
        lines.append("::endgroup::")
    return "".join(line + "\n" for line in lines)


def workflow_command(problem: Problem) -> str:
    properties = {
        "file": visible(problem.path),
        "line": str(problem.line) if problem.line else "",
        "col": str(problem.column or 1) if problem.line else "",
        "title": problem.code,
    }
    # Like @actions/core, leave out empty properties (a whole-file problem has no line).
    listed = ",".join(
        f"{key}={escape_property(value)}" for key, value in properties.items() if value
    )
    return f"::{problem.severity} {listed}::{escape_data(_message(problem))}"


def escape_data(text: str) -> str:
    """@actions/core escapeData: the message after `::`. The log shows ANSI colours, so
    other controls from an input are written out too (escape.visible)."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(escaped)


def escape_property(text: str) -> str:
    """@actions/core escapeProperty: a `key=value` before `::`, where `:` and `,` delimit."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_step_summary(problems: Sequence[Problem]) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: Actions shows only the first few annotations."""
    head = "### factcheck check\n\n"
    if not problems:
        return head + "No problems found.\n\n"
    rows = [
        f"| {_cell(p.path, code=True)} | {f'{p.line}:{p.column or 1}' if p.line else ''} | "
        f"{p.severity} | {p.code} | {_cell(_message(p))} |"
        for p in problems[:MAX_SUMMARY_ROWS]
    ]
    more = len(problems) - len(rows)
    tail = f"\n{more} more not shown here; the job log lists them all.\n" if more > 0 else ""
    return (
        f"{head}{counts(problems)}.\n\n"
        "| file | line:col | severity | code | problem |\n"
        "| --- | ---: | --- | --- | --- |\n" + "\n".join(rows) + "\n" + tail + "\n"
    )


def counts(problems: Sequence[Problem], *, files: bool = True) -> str:
    """'2 errors and 1 warning in 2 files', or 'no problems'."""
    if not problems:
        return "no problems"
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    parts = [_plural(n, word) for n, word in ((errors, "error"), (warnings, "warning")) if n]
    where = f" in {_plural(len({p.path for p in problems}), 'file')}" if files else ""
    return " and ".join(parts) + where


def summary(problems: Sequence[Problem], files: int) -> str:
    """check's last line: 'checked 20 files: no problems', '... 1 error in 1 file; ...'."""
    head = f"checked {_plural(files, 'file')}: {counts(problems)}"
    codes = sorted({p.code for p in problems})
    if not codes:
        return head
    if len(codes) == 1:
        return f"{head}; `factcheck explain {codes[0]}` says more"
    return f"{head}; `factcheck explain CODE` explains each code"


def __getattr__(name: str) -> dict[str, Renderer]:
    """`RENDERERS`, the renderers by format name, for code that imported it from here: a
    view of the registry, which is the one table of formats."""
    if name != "RENDERERS":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from factcheck.render.registry import names, problems_renderer

    return {format_name: problems_renderer(format_name) for format_name in names("problems")}


def _by_file(problems: Sequence[Problem]) -> dict[str, list[Problem]]:
    groups: dict[str, list[Problem]] = {}
    for problem in problems:
        groups.setdefault(problem.path, []).append(problem)
    return groups


def _where(problem: Problem) -> str:
    path = visible(problem.path)
    if not problem.line:
        return path
    return f"{path}:{problem.line}:{problem.column or 1}"


def _message(problem: Problem) -> str:
    """`key: message`, made visible (no control, line break or bidi control left)."""
    if problem.key_path:
        return visible(f"{problem.key_path}: {problem.message}")
    return visible(problem.message)


def _plural(count: int, word: str) -> str:
    return counted(count, word)


def _cell(text: str, *, code: bool = False) -> str:
    """Text safe inside a Markdown table cell: no link, image, emphasis, HTML, entity or
    cell break of its own (escape.markdown_text), and no control or line break."""
    flat = visible(" ".join(text.split()))
    if code and not any(char in flat for char in "`|"):
        return f"`{flat}`"  # nothing is interpreted inside a code span
    return markdown_text(flat)
