"""The fast reader: libyaml's events straight into plain data, with nodes.py's rules.

Composing nodes first costs six times as much as the events, and PyYAML's composer hands
an alias back as its anchor's node; the events say where each alias stands.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import yaml

from factcheck.errors import InputError, Problem, problem_at
from factcheck.load.document import Document, KeyPath, Parsed, format_key_path, shown
from factcheck.load.limits import MAX_DEPTH, MAX_ITEMS, MAX_PROBLEMS, MAX_VALUES, more_problems
from factcheck.load.nodes import FAST_LOADER
from factcheck.load.scalars import MAP, SEQ, STR, implicit_tag, is_merge, refused_tag, scalar_value

# Above this size a broken file is reported in libyaml's words rather than re-read by the
# pure-Python parser for its own (some 3 seconds a megabyte).
PURE_PYTHON_BYTES = 65_536


def read_events(path: Path, text: str) -> Parsed | None:
    """Parse with libyaml's event stream straight into plain data, with _to_python's rules.

    Composing nodes first costs six times as much as the events, and PyYAML's composer
    hands an alias back as its anchor's node; the events say where each alias stands.
    None when libyaml is missing, or when it finds a small file broken: the pure-Python
    parser then says where and why in the words the tests pin.
    """
    if FAST_LOADER is None:
        return None
    loader = FAST_LOADER(text)
    # get_event itself rather than yaml.parse(), a generator that costs as much again
    builder = _Builder(path, loader.get_event)
    try:
        return builder.run()
    except yaml.MarkedYAMLError as exc:
        if "exceeded maximum nesting depth" in str(exc.problem):
            mark = exc.problem_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            raise InputError(
                [problem_at(path, f"nested deeper than {MAX_DEPTH} levels", "FC107", line, column)]
            ) from None
        if len(text) <= PURE_PYTHON_BYTES:
            return None
        raise
    finally:
        loader.dispose()


class _Builder:
    """Plain data and marks from a stream of YAML events (see _to_python for the rules)."""

    def __init__(self, path: Path, next_event: Callable[[], Any]) -> None:
        self.doc = Document(path=path, data=None)
        self.problems: list[Problem] = []
        self.next = next_event  # the stream ends with StreamEndEvent: never read past it
        self.anchors: dict[str, Any] = {}
        self.more = 0
        self.last = problem_at(path, "", "")
        self.values = 0

    def run(self) -> Parsed:
        self.next()  # StreamStartEvent
        event = self.next()
        if isinstance(event, yaml.StreamEndEvent):
            return self.doc, [], None
        top: Any = self.next()  # DocumentStartEvent came first
        self.doc.data = self.node(top, (), 0)
        self.next()  # DocumentEndEvent
        event = self.next()
        if not isinstance(event, yaml.StreamEndEvent):
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                top.start_mark,
                "but found another document",
                event.start_mark,
            )
        return self.doc, self.finished(), top.start_mark

    def node(self, event: Any, key_path: KeyPath, depth: int) -> Any:
        mark = (event.start_mark.line + 1, event.start_mark.column + 1)
        self.values += 1
        if self.values > MAX_VALUES:
            self.too_big(f"holds more than {MAX_VALUES:,} values", mark)
        if not self.problems:  # else the file is refused: no later problem needs marks,
            self.doc.value_marks[key_path] = mark  # and 250,000 aliases would take 60 MB
        if event.anchor is not None:  # an anchor, or an alias (which always names one)
            self.anchor(event)
        if depth > MAX_DEPTH:
            self.refuse(f"nested deeper than {MAX_DEPTH} levels", "FC107", mark)
            self.skip(event)
            return None
        if isinstance(event, yaml.AliasEvent):
            # Refused wherever it stands: no "billion laughs" expansion, no loop.
            self.refuse(
                "YAML aliases (*name) are not allowed; write the value out",
                "FC112",
                mark,
                key_path,
            )
            return None
        tag = event.tag
        if isinstance(event, yaml.ScalarEvent):
            if tag is None or tag == "!":
                tag = implicit_tag(event.value, event.implicit[0])
        elif tag is None or tag == "!":
            tag = SEQ if isinstance(event, yaml.SequenceStartEvent) else MAP
        if refused_tag(tag):
            self.refuse(
                f"YAML tag {tag!r} is not allowed; write plain values", "FC108", mark, key_path
            )
            self.skip(event)
            return None
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(key_path, depth)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(item := self.next(), yaml.SequenceEndEvent):
                if len(items) == MAX_ITEMS:
                    self.too_big(f"a list holds more than {MAX_ITEMS:,} items", mark)
                items.append(self.node(item, (*key_path, len(items)), depth + 1))
            return items
        if tag == STR:
            return event.value  # most scalars: no need for a node
        return scalar_value(tag, event.value)

    def mapping(self, key_path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        keys = 0
        while not isinstance(key_event := self.next(), yaml.MappingEndEvent):
            keys += 1
            if keys > MAX_ITEMS:
                start = self.doc.value_marks.get(key_path, (1, 1))
                self.too_big(f"a mapping holds more than {MAX_ITEMS:,} keys", start)
            value_event = None
            key_mark = (key_event.start_mark.line + 1, key_event.start_mark.column + 1)
            if not isinstance(key_event, yaml.ScalarEvent) or is_merge(key_event):
                self.anchor(key_event)
                self.skip(key_event)
                self.refuse(
                    "keys must be plain words (no merge keys, lists or mappings as keys)",
                    "FC109",
                    key_mark,
                )
                value_event = self.next()
                self.anchor(value_event)
                self.skip(value_event)
                continue
            if key_event.anchor is not None:
                self.anchor(key_event)
            key = str(key_event.value)
            child_path = (*key_path, key)
            value_event = self.next()
            if key in result:
                first = self.doc.key_marks[child_path]
                self.refuse(
                    f"duplicate key {shown(key)} (first at line {first[0]}); YAML would keep "
                    "only the last one",
                    "FC110",
                    key_mark,
                    child_path,
                )
                self.anchor(value_event)
                self.skip(value_event)
                continue
            self.doc.key_marks[child_path] = key_mark
            result[key] = self.node(value_event, child_path, depth + 1)
        return result

    def anchor(self, event: Any) -> None:
        """Keep PyYAML's composer errors: an alias to no anchor, an anchor defined twice."""
        mark: Any = event.start_mark  # libyaml's Mark, which the stubs do not accept
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise yaml.composer.ComposerError(
                    None, None, f"found undefined alias {event.anchor!r}", mark
                )
        elif event.anchor is not None:
            if event.anchor in self.anchors:
                raise yaml.composer.ComposerError(
                    f"found duplicate anchor {event.anchor!r}; first occurrence",
                    self.anchors[event.anchor],
                    "second occurrence",
                    mark,
                )
            self.anchors[event.anchor] = mark

    def skip(self, event: Any) -> None:
        """Consume the rest of a refused node, iteratively: it may nest a thousand deep."""
        if not isinstance(event, yaml.CollectionStartEvent):
            return
        open_ = 1
        while open_:
            inner = self.next()
            self.values += 1
            if self.values > MAX_VALUES:
                mark = (inner.start_mark.line + 1, inner.start_mark.column + 1)
                self.too_big(f"holds more than {MAX_VALUES:,} values", mark)
            if isinstance(inner, yaml.CollectionStartEvent):
                open_ += 1
            elif isinstance(inner, yaml.CollectionEndEvent):
                open_ -= 1
            if isinstance(inner, yaml.NodeEvent):
                self.anchor(inner)

    def refuse(
        self, message: str, code: str, mark: tuple[int, int], key_path: KeyPath = ()
    ) -> None:
        # Events come in the order of the file, so the first MAX_PROBLEMS are the ones
        # _capped would keep; the rest are only counted (250,000 aliases, 200,000
        # duplicate keys).
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(
                problem_at(self.doc.path, message, code, *mark, format_key_path(key_path))
            )
            return
        self.more += 1
        self.last = problem_at(self.doc.path, message, code, *mark)

    def too_big(self, what: str, mark: tuple[int, int]) -> NoReturn:
        """Stop reading: the rest of the file would only cost time."""
        raise InputError(
            [
                problem_at(
                    self.doc.path,
                    f"{what}: more than factcheck reads in one file; split the file",
                    "FC105",
                    *mark,
                )
            ]
        )

    def finished(self) -> list[Problem]:
        if not self.more:
            return self.problems
        return [*self.problems, more_problems(self.doc.path, self.more, self.last)]
