"""`factcheck explain CODE`: what a problem code means, from the text of docs/errors.md.

The package ships that file (factcheck/data/errors.md, a copy that tests/test_docs.py keeps
identical), so a claims repository, which has no docs/ of factcheck's, can still look up a
code. Each code is a row of one of its tables: `| code | what is wrong | example | fix |`
under a `### FCnxx: ...` heading.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from factcheck.errors import CODES

_CODE = re.compile(r"FC\d{3}")
WIDTH = 80  # as --help: a man page's width


@dataclass(frozen=True)
class Entry:
    code: str
    title: str  # the short title (errors.CODES)
    group: str  # the heading of its table: "FC5xx: warnings (...)"
    fields: tuple[tuple[str, str], ...]  # (column heading, text), the row's cells after the code


@cache
def errors_text() -> str:
    return files("factcheck").joinpath("data/errors.md").read_text(encoding="utf-8")


def _cells(line: str) -> list[str]:
    """A Markdown table row's cells (a `|` escaped as `\\|` stays in its cell)."""
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [cell.strip().replace("\\|", "|") for cell in cells]


@cache
def entries() -> dict[str, Entry]:
    """Every code the errors document explains, by code."""
    found: dict[str, Entry] = {}
    group, headings = "", list[str]()
    for line in errors_text().splitlines():
        if line.startswith("#"):
            group = line.lstrip("#").strip()
            headings = []
            continue
        if not line.startswith("|"):
            continue
        cells = _cells(line)
        if cells and cells[0] == "code":
            headings = cells[1:]
            continue
        if headings and _CODE.fullmatch(cells[0]):
            fields = tuple((h, c) for h, c in zip(headings, cells[1:], strict=False) if c)
            found[cells[0]] = Entry(cells[0], CODES.get(cells[0], ""), group, fields)
    return found


def explain(code: str) -> str | None:
    """The explanation of code (any case), as text for a terminal; None if there is none."""
    entry = entries().get(code.strip().upper())
    if entry is None:
        return None
    lines = [f"{entry.code}: {entry.title}", f"({entry.group})", ""]
    for heading, text in entry.fields:
        lines.extend(
            textwrap.wrap(
                f"{heading}: {text}", WIDTH, subsequent_indent="    ", break_on_hyphens=False
            )
        )
    return "\n".join(lines) + "\n"


def catalogue() -> str:
    """Every code with its title, one a line."""
    rows = [f"{code}  {title}" for code, title in CODES.items()]
    return "\n".join([*rows, "", "factcheck explain CODE explains one."]) + "\n"
