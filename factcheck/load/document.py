"""A parsed YAML file: plain data, and where each key and value stands in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from factcheck.errors import Problem, problem_at
from factcheck.load.marks import KeyPath as KeyPath  # defined there, named here
from factcheck.load.marks import Marks

LONGEST_SHOWN = 60


class Mark(Protocol):
    """A place in the file as PyYAML gives it (yaml.Mark, or libyaml's own): 0-based."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


@dataclass
class Document:
    """One parsed YAML file: plain data (never changed once read) plus where each key and
    value stands (marks.py)."""

    path: Path
    data: Any
    marks: Marks = field(default_factory=Marks, repr=False)
    # Plain scalars that YAML 1.1 reads as numbers or booleans nobody may have meant
    # (0325000, 3:1, yes), with the text written: validation refuses them where a number
    # is expected (scalars.Yaml11Text).
    yaml11: list[tuple[KeyPath, str]] = field(default_factory=list, repr=False)

    @property
    def value_marks(self) -> dict[KeyPath, tuple[int, int]]:
        """Line and column (1-based) of every value, by key path."""
        values, _ = self.marks.flat(self.data)
        return {key_path: self.marks.place(offset) for key_path, offset in values.items()}

    @property
    def key_marks(self) -> dict[KeyPath, tuple[int, int]]:
        """Line and column (1-based) of every mapping key, by key path."""
        _, keys = self.marks.flat(self.data)
        return {key_path: self.marks.place(offset) for key_path, offset in keys.items()}

    def locate(self, key_path: KeyPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value (or key) at key_path, else of its nearest parent."""
        offset = self.marks.locate(self.data, key_path, key=key)
        return (1, 1) if offset is None else self.marks.place(offset)

    def item(self, key_path: KeyPath, index: int) -> KeyPath:
        """The key path of one item of a list the models also accept as one value
        (`part_of: total`): figures[1].part_of, not figures[1].part_of[0], when the file
        wrote the one value."""
        value = self.data
        for key in key_path:
            try:
                value = value[key]
            except (KeyError, IndexError, TypeError):
                return (*key_path, index)
        return (*key_path, index) if isinstance(value, list) else key_path

    def problem(self, key_path: KeyPath, message: str, code: str, *, key: bool = False) -> Problem:
        line, column = self.locate(key_path, key=key)
        return problem_at(self.path, message, code, line, column, format_key_path(key_path))


def place(mark: Mark) -> tuple[int, int]:
    """1-based line and column, as problems give them."""
    return mark.line + 1, mark.column + 1


# What a reader returns: the document, the problems found while reading, and where the
# top-level value starts (None for an empty file).
Parsed = tuple[Document, list[Problem], Mark | None]


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


def duplicate_key_message(key: str, first_line: int) -> str:
    """FC110's words, the same from both readers."""
    return (
        f"duplicate key {shown(key)} (first at line {first_line}); YAML would keep "
        "only the last one"
    )
