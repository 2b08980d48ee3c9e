"""A parsed YAML file: plain data, and where each key and value stands in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import Problem, problem_at

KeyPath = tuple[str | int, ...]

LONGEST_SHOWN = 60


@dataclass
class Document:
    """One parsed YAML file: plain data plus where each key and value stands."""

    path: Path
    data: Any
    value_marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    seen_nodes: set[int] = field(default_factory=set, repr=False)

    def locate(self, key_path: KeyPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value (or key) at key_path, else of its nearest parent."""
        marks = self.key_marks if key else self.value_marks
        probe = key_path
        while probe:
            if probe in marks:
                return marks[probe]
            if key and probe in self.value_marks:
                return self.value_marks[probe]
            probe = probe[:-1]
        return self.value_marks.get((), (1, 1))

    def problem(self, key_path: KeyPath, message: str, code: str, *, key: bool = False) -> Problem:
        line, column = self.locate(key_path, key=key)
        return problem_at(self.path, message, code, line, column, format_key_path(key_path))


# What a reader returns: the document, the problems found while reading, and where the
# top-level value starts (None for an empty file).
Parsed = tuple[Document, list[Problem], "yaml.Mark | None"]


def format_key_path(key_path: KeyPath) -> str:
    text = ""
    for part in key_path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            part = part if len(part) <= LONGEST_SHOWN else f"{part[: LONGEST_SHOWN - 3]}..."
            if not part.isprintable():  # a key with a line break or an escape code in it
                part = repr(part)[1:-1]  # must not break the one line a problem gets
            text += f".{part}" if text else part
    return text


def shown(text: str, longest: int = LONGEST_SHOWN) -> str:
    """repr() of a text from the file, cut short: a 20,000-character key is one line."""
    if len(text) <= longest:
        return repr(text)
    return f"{text[: longest - 3]!r}... ({len(text):,} characters)"
