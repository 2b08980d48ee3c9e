"""Where each value and key of a document stands, kept cheaply and located on demand.

A 10,000-figure source has some 130,000 values. Keeping a (line, column) pair of each under
its key path took a third of the reading time: a tuple of the path and a pair for every
value, and PyYAML's mark objects kept alive. So the readers keep, for each mapping and
list of the data, the character offset of each of its keys and values (plain ints, no key
paths), and a problem's line and column are worked out from the text when it is reported.
The data must not be changed after reading: its containers are known by their id().
"""

from __future__ import annotations

import bisect
import re
from typing import Any

KeyPath = tuple[str | int, ...]

# What PyYAML and libyaml count as a line break (a CR LF pair counts once).
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class Marks:
    """Character offsets of the values and keys of one document's data, per container."""

    def __init__(self, text: str = "") -> None:
        self.text = text
        self.top: int | None = None  # where the top-level value starts
        self.mappings: dict[int, tuple[dict[str, int], dict[str, int]]] = {}
        self.lists: dict[int, list[int]] = {}
        self._line_starts: list[int] | None = None

    def of_mapping(self, mapping: dict[str, Any]) -> tuple[dict[str, int], dict[str, int]]:
        """The offsets of a new mapping's values and keys, to be filled in by the reader."""
        offsets: tuple[dict[str, int], dict[str, int]] = ({}, {})
        self.mappings[id(mapping)] = offsets
        return offsets

    def of_list(self, items: list[Any]) -> list[int]:
        """The offsets of a new list's items, to be filled in by the reader."""
        offsets: list[int] = []
        self.lists[id(items)] = offsets
        return offsets

    def place(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line_starts = self._lines()
        line = bisect.bisect_right(line_starts, offset) - 1
        return line + 1, offset - line_starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset that place() turns into this (0-based) line and column.

        libyaml's marks carry it as their index. PyYAML's pure-Python reader does not count
        a byte-order mark inside the text as a column, so its index can be one more.
        """
        return self._lines()[line] + column

    def _lines(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0, *(match.end() for match in _BREAK.finditer(self.text))]
        return self._line_starts

    def locate(self, data: Any, key_path: KeyPath, *, key: bool) -> int | None:
        """The offset of the value (or key) at key_path, else of its nearest parent.

        A key that has no mark of its own falls back to its value's, as does its parent's.
        """
        found = self.top
        current = data
        for part in key_path:
            value_at, key_at = self._offsets(current, part)
            if key and key_at is not None:
                found = key_at
            elif value_at is not None:
                found = value_at
            current = _child(current, part)
        return found

    def flat(self, data: Any) -> tuple[dict[KeyPath, int], dict[KeyPath, int]]:
        """Every value's and every key's offset by key path (for tests and debugging)."""
        values: dict[KeyPath, int] = {} if self.top is None else {(): self.top}
        keys: dict[KeyPath, int] = {}
        stack: list[tuple[Any, KeyPath]] = [(data, ())]
        while stack:
            current, path = stack.pop()
            if isinstance(current, dict) and id(current) in self.mappings:
                value_at, key_at = self.mappings[id(current)]
                values.update({(*path, k): offset for k, offset in value_at.items()})
                keys.update({(*path, k): offset for k, offset in key_at.items()})
                stack.extend((item, (*path, k)) for k, item in current.items())
            elif isinstance(current, list) and id(current) in self.lists:
                offsets = self.lists[id(current)]
                values.update({(*path, index): offset for index, offset in enumerate(offsets)})
                stack.extend((item, (*path, index)) for index, item in enumerate(current))
        return values, keys

    def _offsets(self, container: Any, part: str | int) -> tuple[int | None, int | None]:
        """The offsets of the value and the key at part in container, where kept."""
        if isinstance(container, dict) and isinstance(part, str):
            found = self.mappings.get(id(container))
            if found is not None:
                return found[0].get(part), found[1].get(part)
        elif isinstance(container, list) and isinstance(part, int) and part >= 0:
            offsets = self.lists.get(id(container))
            if offsets is not None and part < len(offsets):
                return offsets[part], None
        return None, None


def _child(container: Any, part: str | int) -> Any:
    if isinstance(container, dict):
        return container.get(part)
    if isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container):
        return container[part]
    return None
