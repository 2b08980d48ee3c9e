"""TODO placeholders (FC503): the values `factcheck new` leaves to be filled in.

A file that still holds one is a draft: `check` reports each placeholder (an error, or a
warning with --allow-draft), and `verify` refuses the claim. The problems a placeholder
causes where it stands (a date or a number that cannot be read) would only repeat it, so
they are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from factcheck.errors import Problem
from factcheck.load import Document, KeyPath

# `factcheck new` writes this in front of every value still to be filled in.
PLACEHOLDER = "TODO"
# A placeholder is reported once, as FC503: the errors it causes where it stands (a date or
# a number that cannot be read, a source path that does not exist) would only repeat it.
_CAUSED_BY_PLACEHOLDER = frozenset(
    {"FC111", "FC203", "FC204", "FC205", "FC301", "FC302", "FC303", "FC304"}
)
PLACEHOLDER_CODE = "FC503"


def without_echoes(problems: Iterable[Problem]) -> list[Problem]:
    """The problems but those a placeholder causes where it stands (its FC503 says it)."""
    problems = list(problems)
    holes = {(p.path, p.key_path) for p in problems if p.code == PLACEHOLDER_CODE}
    return [
        p
        for p in problems
        if not (p.code in _CAUSED_BY_PLACEHOLDER and (p.path, p.key_path) in holes)
    ]


def draft_problems(problems: Iterable[Problem], documents: Iterable[Document]) -> list[Problem]:
    """`verify`'s view of a draft: the FC503 errors of every TODO in the documents, with
    the problems those placeholders cause where they stand dropped (they say it again)."""
    holes = [hole for document in documents for hole in placeholders(document)]
    if not holes:
        return list(problems)
    return without_echoes([*problems, *holes])


def placeholders(document: Document, *, severity: str = "error") -> list[Problem]:
    """FC503: every value `factcheck new` left as a TODO (an error: the file is a draft)."""
    text = document.marks.text
    if text and PLACEHOLDER not in text and "\\" not in text:
        # A value holds the word only if the file writes it, or escapes one of its letters
        # in a double-quoted string: without either, there is nothing to walk for.
        return []
    found: list[Problem] = []

    def walk(value: Any, key_path: KeyPath) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*key_path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*key_path, index))
        elif isinstance(value, str) and value.lstrip().startswith(PLACEHOLDER):
            shown = value if len(value) <= 60 else value[:57] + "..."
            message = f"placeholder {shown!r} still to be filled in"
            problem = document.problem(key_path, message, PLACEHOLDER_CODE)
            found.append(replace(problem, severity=severity))

    walk(document.data, ())
    return found
