"""read_document: one YAML file -> a Document, or InputError naming the file and the place.

PyYAML is used only to *parse* (libyaml's events, or composed nodes when a broken file
needs PyYAML's precise message): no object is ever constructed from a tag. We turn events
or nodes into plain Python ourselves so that we can refuse duplicate keys, aliases and
foreign tags, keep each value's line and column, and read numbers exactly. Every file is
bounded in size, nesting, number range and the count of problems listed (limits.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from factcheck.errors import InputError, Problem, problem_at
from factcheck.load.document import Document, place
from factcheck.load.events import read_events
from factcheck.load.nodes import read_nodes
from factcheck.load.surrogates import (
    LIBYAML_WORDS,
    beyond_unicode_problem,
    surrogate_problems,
)
from factcheck.load.surrogates import MESSAGE as SURROGATE_MESSAGE
from factcheck.load.text import read_text


def read_document(path: Path) -> Document:
    """Read and parse one YAML file; raise InputError naming the file and the place."""
    text = read_text(path)
    try:
        parsed = read_events(path, text)
        if parsed is None:
            parsed = read_nodes(path, text)
            parsed[1].extend(surrogate_problems(parsed[0], text))
    except yaml.MarkedYAMLError as exc:
        raise InputError([_yaml_problem(path, exc, text)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks all parse errors
        raise InputError([problem_at(path, f"invalid YAML: {exc}", "FC102")]) from None
    except ValueError:  # PyYAML's chr() of a \U escape beyond U+10FFFF
        raise InputError([beyond_unicode_problem(path, text)]) from None
    except RecursionError:
        raise InputError(
            [problem_at(path, "YAML nested too deeply to read", "FC107", 1, 1)]
        ) from None
    document, problems, top = parsed
    if top is None:
        raise InputError(
            [problem_at(path, "file is empty; expected a claim or source mapping", "FC103", 1, 1)]
        )
    if problems:
        raise InputError(problems)
    if not isinstance(document.data, dict):
        kind = "a list" if isinstance(document.data, list) else "a single value"
        raise InputError(
            [
                problem_at(
                    path,
                    f"expected a mapping of keys (id:, text:, ...) at the top level, got {kind}",
                    "FC104",
                    *place(top),
                )
            ]
        )
    return document


def _yaml_problem(path: Path, exc: yaml.MarkedYAMLError, text: str = "") -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = exc.problem or "invalid YAML"
    if "'\\t'" in problem or "\t" in problem or "tab character" in problem:
        message = "tab character: YAML indentation must use spaces"
    elif LIBYAML_WORDS in problem:  # libyaml's refusal of a lone surrogate (surrogates.py)
        return problem_at(path, SURROGATE_MESSAGE, "FC106", line, column)
    elif "expected a single document" in f"{problem} {exc.context}":
        message = "more than one YAML document (---); put one claim or source per file"
    else:
        context = f" {exc.context}" if exc.context else ""
        start = exc.context_mark
        if start is not None and mark is not None and start.line != mark.line:
            # e.g. an unclosed quote is found only at the end of the file
            context += f" (which starts at line {start.line + 1}, column {start.column + 1})"
        # (libyaml names the quote itself when the file ends inside it)
        hint = "" if "quoted scalar" in f"{problem}{context}" else _unclosed_quote(text, line)
        message = f"invalid YAML: {problem}{context}{hint}"
    return problem_at(path, message, "FC102", line, column)


# A value that opens a quote: `key: "...` or `- '...`.
_OPENS_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s"'#:][^:#]*:\s+)?(?P<quote>["'])(?P<rest>.*)$""")


def _unclosed_quote(text: str, line: int) -> str:
    """Where YAML met a stray scalar, the likely cause: a quote opened on an earlier line
    and not closed on it, which YAML reads on to the next quote of its kind."""
    lines = text.splitlines()[: max(line - 1, 0)]
    for number in range(len(lines), max(len(lines) - 50, 0), -1):
        found = _OPENS_QUOTE.match(lines[number - 1])
        if found is None:
            continue
        quote, rest = found["quote"], found["rest"]
        body = (
            rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        )
        if quote not in body:
            kind = "double" if quote == '"' else "single"
            return (
                f"; the {kind} quote opened on line {number} is not closed on its line, so "
                f"YAML reads on to the next {kind} quote: close it, or write the value "
                "without quotes"
            )
    return ""
