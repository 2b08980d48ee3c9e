"""Lone surrogates: `"\\uD800"` in a double-quoted YAML string names half of a UTF-16 pair,
which is no character. No output can be written with one in it (UTF-8 has no form for it),
so a file holding one is refused where it is read, with the place of the string.

libyaml refuses these escapes itself; PyYAML's pure-Python parser, which reads small broken
files and runs where libyaml is missing, lets them through: this catches what it lets by.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from factcheck.errors import Problem, problem_at
from factcheck.load.document import Document, KeyPath

# A YAML escape that can make a surrogate: \uD800-\uDFFF or \U0000D800-\U0000DFFF. Without
# one in the text, no string of the file can hold a surrogate, and nothing is walked.
_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F][0-9a-fA-F]{2}")

MESSAGE = (
    "a \\u or \\U escape here names no character: a lone surrogate (U+D800 to U+DFFF) is "
    "half of a UTF-16 pair, and nothing lies beyond U+10FFFF; no output can hold it. Write "
    "the character itself, or \\U0001F600 for one beyond U+FFFF"
)
# \U escapes past the last code point: PyYAML's chr() raises ValueError on them.
_BEYOND_UNICODE = re.compile(r"\\U(?!0010|000)[0-9a-fA-F]{8}")
LIBYAML_WORDS = "found invalid Unicode character escape code"


def surrogate_problems(document: Document, text: str) -> list[Problem]:
    """Where the document's keys and values hold a lone surrogate (FC106), first first."""
    if not _SURROGATE_ESCAPE.search(text):
        return []
    return [
        document.problem(key_path, MESSAGE, "FC106", key=is_key)
        for key_path, is_key in _holding_surrogates(document.data, ())
    ]


def beyond_unicode_problem(path: Path, text: str) -> Problem:
    """The place of the first \\U escape past U+10FFFF (PyYAML raises without a place)."""
    found = _BEYOND_UNICODE.search(text)
    if found is None:
        return problem_at(path, MESSAGE, "FC106")
    before = text[: found.start()]
    line = before.count("\n") + 1
    return problem_at(path, MESSAGE, "FC106", line, found.start() - before.rfind("\n"))


def _holding_surrogates(value: Any, key_path: KeyPath) -> Iterator[tuple[KeyPath, bool]]:
    stack: list[tuple[Any, KeyPath]] = [(value, key_path)]
    while stack:
        current, where = stack.pop()
        if isinstance(current, str):
            if _has_surrogate(current):
                yield where, False
        elif isinstance(current, dict):
            for key, item in current.items():
                if isinstance(key, str) and _has_surrogate(key):
                    yield (*where, key), True
                stack.append((item, (*where, key)))
        elif isinstance(current, list):
            stack.extend((item, (*where, index)) for index, item in enumerate(current))


def _has_surrogate(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
