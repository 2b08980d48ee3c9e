"""The fast reader: libyaml's events straight into plain data, by nodes.py's rules.

Composing nodes first costs six times as much as the events, and PyYAML's composer hands
an alias back as its anchor's node; the events say where each alias stands. Most of the
time of a large source goes to libyaml making the event objects (some 0.7 microseconds
each, 160,000 for 10,000 figures): the loops below test event types with `is` and keep
each mark as it comes, so that they add as little as they can to it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)
from yaml.composer import ComposerError

from factcheck.errors import InputError, Problem, problem_at
from factcheck.load.document import (
    Document,
    KeyPath,
    Mark,
    Parsed,
    duplicate_key_message,
    format_key_path,
    place,
)
from factcheck.load.limits import MAX_DEPTH, MAX_ITEMS, MAX_PROBLEMS, MAX_VALUES, more_problems
from factcheck.load.marks import Marks
from factcheck.load.nodes import FAST_LOADER
from factcheck.load.scalars import (
    STR,
    Yaml11Text,
    implicit_tag,
    is_merge,
    refused_tag,
    scalar_value,
)

# Above this size a broken file is reported in libyaml's words rather than re-read by the
# pure-Python parser for its own (some 3 seconds a megabyte).
PURE_PYTHON_BYTES = 65_536


def read_events(path: Path, text: str) -> Parsed | None:
    """Parse with libyaml's event stream straight into plain data.

    None when libyaml is missing, or when it finds a small file broken: the pure-Python
    parser then says where and why in the words the tests pin.
    """
    if FAST_LOADER is None:
        return None
    loader = FAST_LOADER(text)
    # get_event itself rather than yaml.parse(), a generator that costs as much again
    reader = _EventReader(path, text, loader.get_event)
    try:
        return reader.run()
    except yaml.MarkedYAMLError as exc:
        if "exceeded maximum nesting depth" in str(exc.problem):
            mark = exc.problem_mark
            line, column = place(mark) if mark else (1, 1)
            raise InputError(
                [problem_at(path, f"nested deeper than {MAX_DEPTH} levels", "FC107", line, column)]
            ) from None
        if len(text) <= PURE_PYTHON_BYTES:
            return None
        raise
    finally:
        loader.dispose()


class _Anchors:
    """The anchors met so far, to raise PyYAML's composer errors where PyYAML would: an
    alias to no anchor, an anchor defined twice (every alias is refused all the same)."""

    def __init__(self) -> None:
        self.marks: dict[str, Any] = {}

    def note(self, event: Any) -> None:
        mark: Any = event.start_mark  # libyaml's Mark, which the stubs do not accept
        if type(event) is AliasEvent:
            if event.anchor not in self.marks:
                raise ComposerError(None, None, f"found undefined alias {event.anchor!r}", mark)
        elif event.anchor is not None:
            if event.anchor in self.marks:
                raise ComposerError(
                    f"found duplicate anchor {event.anchor!r}; first occurrence",
                    self.marks[event.anchor],
                    "second occurrence",
                    mark,
                )
            self.marks[event.anchor] = mark


class _Refusals:
    """The problems found while reading, in the words of each refusal, the first
    MAX_PROBLEMS of them in full.

    Events come in the order of the file, so those are the ones capped() would keep; the
    rest are only counted (250,000 aliases, 200,000 duplicate keys).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.more = 0
        self.last = problem_at(path, "", "")

    def too_deep(self, mark: Mark) -> None:
        self.add(f"nested deeper than {MAX_DEPTH} levels", "FC107", mark)

    def alias(self, mark: Mark, key_path: KeyPath) -> None:
        # Refused wherever it stands: no "billion laughs" expansion, no loop.
        message = "YAML aliases (*name) are not allowed; write the value out"
        self.add(message, "FC112", mark, key_path)

    def tag(self, tag: str, mark: Mark, key_path: KeyPath) -> None:
        self.add(f"YAML tag {tag!r} is not allowed; write plain values", "FC108", mark, key_path)

    def key(self, mark: Mark) -> None:
        message = "keys must be plain words (no merge keys, lists or mappings as keys)"
        self.add(message, "FC109", mark)

    def duplicate(self, key_path: KeyPath, first_line: int, mark: Mark) -> None:
        message = duplicate_key_message(str(key_path[-1]), first_line)
        self.add(message, "FC110", mark, key_path)

    def add(self, message: str, code: str, mark: Mark, key_path: KeyPath = ()) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(
                problem_at(self.path, message, code, *place(mark), format_key_path(key_path))
            )
            return
        self.more += 1
        self.last = problem_at(self.path, message, code, *place(mark))

    def finished(self) -> list[Problem]:
        if not self.more:
            return self.problems
        return [*self.problems, more_problems(self.path, self.more, self.last)]


class _Stream:
    """libyaml's events, each value read or read past counted towards MAX_VALUES."""

    def __init__(self, path: Path, next_event: Callable[[], Any]) -> None:
        self.path = path
        self.next = next_event  # the stream ends with StreamEndEvent: never read past it
        self.anchors = _Anchors()
        self.values = 0

    def count(self, event: Any) -> None:
        self.values += 1
        if self.values > MAX_VALUES:
            self.too_big(f"holds more than {MAX_VALUES:,} values", event.start_mark)

    def skip(self, event: Any) -> None:
        """Read past the rest of a refused node, iteratively: it may nest a thousand deep."""
        if not isinstance(event, CollectionStartEvent):
            return
        open_ = 1
        while open_:
            inner = self.next()
            self.count(inner)
            if isinstance(inner, CollectionStartEvent):
                open_ += 1
            elif isinstance(inner, CollectionEndEvent):
                open_ -= 1
            if isinstance(inner, NodeEvent):
                self.anchors.note(inner)

    def skip_value(self) -> None:
        """Read past the value of a refused key."""
        value_event = self.next()
        self.anchors.note(value_event)
        self.skip(value_event)

    def too_big(self, what: str, mark: Mark | None) -> NoReturn:
        """Stop reading: the rest of the file would only cost time."""
        line, column = place(mark) if mark is not None else (1, 1)
        raise InputError(
            [
                problem_at(
                    self.path,
                    f"{what}: more than factcheck reads in one file; split the file",
                    "FC105",
                    line,
                    column,
                )
            ]
        )


class _EventReader:
    """Plain data and marks from a stream of YAML events."""

    def __init__(self, path: Path, text: str, next_event: Callable[[], Any]) -> None:
        self.marks = Marks(text)
        self.document = Document(path=path, data=None, marks=self.marks)
        self.stream = _Stream(path, next_event)
        self.refusals = _Refusals(path)
        self.problems = self.refusals.problems  # marks are kept while this is empty

    def run(self) -> Parsed:
        next_event = self.stream.next
        next_event()  # StreamStartEvent
        if type(next_event()) is StreamEndEvent:
            return self.document, [], None
        top: Any = next_event()  # DocumentStartEvent came first
        self.marks.top = top.start_mark.index
        self.document.data = self.value(top, (), None, 0)
        next_event()  # DocumentEndEvent
        event = next_event()
        if type(event) is not StreamEndEvent:
            raise ComposerError(
                "expected a single document in the stream",
                top.start_mark,
                "but found another document",
                event.start_mark,
            )
        return self.document, self.refusals.finished(), top.start_mark

    def value(self, event: Any, parent: KeyPath, key: str | int | None, depth: int) -> Any:
        """The plain value of the node event starts, at parent's key (None: the top).

        Its place is kept by the caller, as libyaml's mark index (which is the offset
        Marks.place turns into libyaml's own line and column); its key path is made only
        where a problem needs it.
        """
        stream = self.stream
        stream.values += 1  # stream.count() written out: this runs for every value
        if stream.values > MAX_VALUES:
            stream.too_big(f"holds more than {MAX_VALUES:,} values", event.start_mark)
        if event.anchor is not None:  # an anchor, or an alias (which always names one)
            stream.anchors.note(event)
        if depth > MAX_DEPTH:
            self.refusals.too_deep(event.start_mark)
            stream.skip(event)
            return None
        kind = type(event)
        if kind is ScalarEvent:
            return self.scalar(event, parent, key)
        if kind is AliasEvent:
            self.refusals.alias(event.start_mark, _path(parent, key))
            return None
        tag = event.tag
        if tag is not None and tag != "!" and refused_tag(tag):
            self.refusals.tag(tag, event.start_mark, _path(parent, key))
            stream.skip(event)
            return None
        if kind is MappingStartEvent:
            # Where the mapping starts, if kept: the place to report it too large.
            start = None if self.problems else event.start_mark
            return self.mapping(_path(parent, key), depth, start)
        return self.sequence(event, _path(parent, key), depth)

    def scalar(self, event: Any, parent: KeyPath, key: str | int | None) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            if not event.implicit[0]:
                return event.value  # quoted: text
            tag = implicit_tag(event.value, plain=True)
        if tag == STR:
            return event.value  # most scalars
        if refused_tag(tag):  # !!python/object, or a plain "=" (PyYAML's value tag)
            self.refusals.tag(tag, event.start_mark, _path(parent, key))
            return None
        value = scalar_value(tag, event.value)
        if value.__class__ is Yaml11Text or value.__class__ is bool:
            self.document.yaml11.append((_path(parent, key), event.value))
            return str(value) if value.__class__ is Yaml11Text else value
        return value

    def mapping(self, key_path: KeyPath, depth: int, start: Mark | None) -> dict[str, Any]:
        result: dict[str, Any] = {}
        value_at, key_at = self.marks.of_mapping(result)
        stream, keys = self.stream, 0
        while type(key_event := stream.next()) is not MappingEndEvent:
            keys += 1
            if keys > MAX_ITEMS:
                stream.too_big(f"a mapping holds more than {MAX_ITEMS:,} keys", start)
            if type(key_event) is not ScalarEvent or (
                (key_event.tag is not None or key_event.value == "<<") and is_merge(key_event)
            ):
                stream.anchors.note(key_event)
                stream.skip(key_event)
                self.refusals.key(key_event.start_mark)
                stream.skip_value()
                continue
            if key_event.anchor is not None:
                stream.anchors.note(key_event)
            key = key_event.value
            key_mark: Any = key_event.start_mark  # never None, whatever the stubs say
            value_event = stream.next()
            if key in result:
                first_line, _ = self.marks.place(key_at[key])
                self.refusals.duplicate((*key_path, key), first_line, key_mark)
                stream.anchors.note(value_event)
                stream.skip(value_event)
                continue
            key_at[key] = key_mark.index
            if not self.problems:  # else the file is refused: no later problem needs marks
                value_at[key] = value_event.start_mark.index  # (nor 250,000 aliases' marks)
            if (
                type(value_event) is ScalarEvent
                and value_event.tag is None
                and value_event.anchor is None
                and depth < MAX_DEPTH
            ):
                # Most values of a large source: value() and scalar() written out.
                stream.values += 1
                if stream.values > MAX_VALUES:
                    stream.too_big(f"holds more than {MAX_VALUES:,} values", value_event.start_mark)
                text = value_event.value
                if not value_event.implicit[0] or implicit_tag(text, plain=True) == STR:
                    result[key] = text
                    continue
            result[key] = self.value(value_event, key_path, key, depth + 1)
        return result

    def sequence(self, start: Any, key_path: KeyPath, depth: int) -> list[Any]:
        items: list[Any] = []
        offsets = self.marks.of_list(items)
        while type(item := self.stream.next()) is not SequenceEndEvent:
            index = len(items)
            if index == MAX_ITEMS:
                self.stream.too_big(f"a list holds more than {MAX_ITEMS:,} items", start.start_mark)
            if not self.problems:
                offsets.append(item.start_mark.index)
            items.append(self.value(item, key_path, index, depth + 1))
        return items


def _path(parent: KeyPath, key: str | int | None) -> KeyPath:
    return parent if key is None else (*parent, key)
