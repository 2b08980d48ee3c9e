"""YAML files -> validated models, with every problem located as file:line:col and key path.

PyYAML is used only to *parse* (libyaml's events, or composed nodes when a broken file
needs PyYAML's precise message): no object is ever constructed from a tag. We turn events
or nodes into plain Python ourselves so that we can refuse duplicate keys, aliases and
foreign tags, keep each value's line and column, and read numbers exactly. Every file is
bounded in size, nesting, number range and the count of problems listed (docs/errors.md,
"Hostile input").
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from factcheck.errors import InputError, Problem, problem_at
from factcheck.models import Claim, Figure, Interval, Source
from factcheck.numbers import NumberFormatError, check_range

DEFAULT_MAX_FILE_BYTES = 1_048_576
MAX_FILE_BYTES_ENV = "FACTCHECK_MAX_FILE_BYTES"
MAX_DEPTH = 64
# Bounds on what one file may hold, so that every later step (the schema, the search, the
# warnings of `check`) has bounded work: a megabyte of "1," is 500,000 values.
MAX_VALUES = 200_000  # a source of 10,000 figures, six keys each, holds some 130,000
MAX_ITEMS = 20_000  # in one list or mapping
ROOT_MARKERS = ("factcheck.toml", "pyproject.toml", ".git")

KeyPath = tuple[str | int, ...]
ModelT = TypeVar("ModelT", bound=BaseModel)

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}


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


def format_key_path(key_path: KeyPath) -> str:
    text = ""
    for part in key_path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            part = part if len(part) <= _LONGEST_SHOWN else f"{part[: _LONGEST_SHOWN - 3]}..."
            if not part.isprintable():  # a key with a line break or an escape code in it
                part = repr(part)[1:-1]  # must not break the one line a problem gets
            text += f".{part}" if text else part
    return text


_LONGEST_SHOWN = 60


def _shown(text: str, longest: int = _LONGEST_SHOWN) -> str:
    """repr() of a text from the file, cut short: a 20,000-character key is one line."""
    if len(text) <= longest:
        return repr(text)
    return f"{text[: longest - 3]!r}... ({len(text):,} characters)"


def max_file_bytes() -> int:
    raw = os.environ.get(MAX_FILE_BYTES_ENV, "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_FILE_BYTES


def read_document(path: Path) -> Document:
    """Read and parse one YAML file; raise InputError naming the file and the place."""
    text = _read_text(path)
    try:
        parsed = _read_events(path, text)
        if parsed is None:
            parsed = _read_nodes(path, text)
    except yaml.MarkedYAMLError as exc:
        raise InputError([_yaml_problem(path, exc)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks all parse errors
        raise InputError([problem_at(path, f"invalid YAML: {exc}", "FC102")]) from None
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
                    top.line + 1,
                    top.column + 1,
                )
            ]
        )
    return document


Parsed = tuple[Document, list[Problem], "yaml.Mark | None"]


def _read_nodes(path: Path, text: str) -> Parsed:
    """The pure-Python way: compose nodes, then turn them into plain data."""
    node = _compose(text)
    document = Document(path=path, data=None)
    if node is None:
        return document, [], None
    problems: list[Problem] = []
    document.data = _to_python(node, (), document, problems, depth=0)
    return document, _capped(problems), node.start_mark


def _read_text(path: Path) -> str:
    limit = max_file_bytes()
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise InputError([problem_at(path, "is a directory, expected a YAML file", "FC101")])
        if not stat.S_ISREG(mode):
            # Opening a named pipe would wait for a writer for ever; a device may never end.
            raise InputError(
                [
                    problem_at(
                        path,
                        "is not a regular file (a pipe, socket or device); expected a YAML file",
                        "FC101",
                    )
                ]
            )
        with path.open("rb") as handle:  # read-only: inputs are never modified
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError([problem_at(path, "file not found", "FC101")]) from None
    except OSError as exc:
        raise InputError([problem_at(path, f"cannot read file: {exc.strerror}", "FC101")]) from None
    except ValueError:  # os functions refuse a NUL in a name
        raise InputError([problem_at(path, "the file name contains a NUL", "FC101")]) from None
    if len(raw) > limit:
        raise InputError(
            [
                problem_at(
                    path,
                    f"file is larger than the limit of {limit:,} bytes "
                    f"(set {MAX_FILE_BYTES_ENV} to raise it)",
                    "FC105",
                )
            ]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise InputError(
            [
                problem_at(
                    path,
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
                    "FC106",
                    line,
                    column,
                )
            ]
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError(
            [problem_at(path, "contains a NUL byte; not a text file", "FC106", line, 1)]
        )
    control = _NON_PRINTABLE.search(text)
    if control:
        # YAML refuses these too, but PyYAML's message has neither line nor column.
        preceding = text[: control.start()]
        raise InputError(
            [
                problem_at(
                    path,
                    f"contains the control character U+{ord(control.group()):04X}, which YAML "
                    "does not allow; not a text file",
                    "FC106",
                    preceding.count("\n") + 1,
                    control.start() - preceding.rfind("\n"),
                )
            ]
        )
    return text


_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def _yaml_problem(path: Path, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = exc.problem or "invalid YAML"
    if "'\\t'" in problem or "\t" in problem or "tab character" in problem:
        message = "tab character: YAML indentation must use spaces"
    elif "expected a single document" in f"{problem} {exc.context}":
        message = "more than one YAML document (---); put one claim or source per file"
    else:
        context = f" {exc.context}" if exc.context else ""
        start = exc.context_mark
        if start is not None and mark is not None and start.line != mark.line:
            # e.g. an unclosed quote is found only at the end of the file
            context += f" (which starts at line {start.line + 1}, column {start.column + 1})"
        message = f"invalid YAML: {problem}{context}"
    return problem_at(path, message, "FC102", line, column)


def _to_python(
    node: yaml.Node, key_path: KeyPath, doc: Document, problems: list[Problem], depth: int
) -> Any:
    mark = (node.start_mark.line + 1, node.start_mark.column + 1)
    doc.value_marks[key_path] = mark
    if depth > MAX_DEPTH:
        problems.append(
            problem_at(doc.path, f"nested deeper than {MAX_DEPTH} levels", "FC107", *mark)
        )
        return None
    if isinstance(node, _AliasNode) or id(node) in doc.seen_nodes:
        # An alias (see _Loader; a reused node would be one too): refusing it keeps a
        # "billion laughs" file from expanding, and a self-referencing one from looping.
        problems.append(
            problem_at(
                doc.path,
                "YAML aliases (*name) are not allowed; write the value out",
                "FC112",
                *mark,
                format_key_path(key_path),
            )
        )
        return None
    doc.seen_nodes.add(id(node))
    if node.tag.startswith("!") or (
        node.tag.startswith(_TAG) and node.tag not in _SCALAR_TAGS | {f"{_TAG}map", f"{_TAG}seq"}
    ):
        problems.append(
            problem_at(
                doc.path,
                f"YAML tag {node.tag!r} is not allowed; write plain values",
                "FC108",
                *mark,
                format_key_path(key_path),
            )
        )
        return None
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and len(node.value) > MAX_ITEMS:
        kind = "mapping holds" if isinstance(node, yaml.MappingNode) else "list holds"
        problems.append(
            problem_at(
                doc.path,
                f"a {kind} more than {MAX_ITEMS:,} items: more than factcheck reads in one "
                "file; split the file",
                "FC105",
                *mark,
            )
        )
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == f"{_TAG}merge":
                problems.append(
                    problem_at(
                        doc.path,
                        "keys must be plain words (no merge keys, lists or mappings as keys)",
                        "FC109",
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                    )
                )
                continue
            key = str(key_node.value)
            child_path = (*key_path, key)
            key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                first = doc.key_marks[child_path]
                problems.append(
                    problem_at(
                        doc.path,
                        f"duplicate key {_shown(key)} (first at line {first[0]}); YAML would keep "
                        "only the last one",
                        "FC110",
                        *key_mark,
                        format_key_path(child_path),
                    )
                )
                continue
            doc.key_marks[child_path] = key_mark
            result[key] = _to_python(value_node, child_path, doc, problems, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_python(item, (*key_path, index), doc, problems, depth + 1)
            for index, item in enumerate(node.value)
        ]
    return _scalar(node, key_path, doc, problems)


def _scalar(node: yaml.Node, key_path: KeyPath, doc: Document, problems: list[Problem]) -> Any:
    assert isinstance(node, yaml.ScalarNode)
    scalar = node
    text = str(node.value)
    tag = node.tag.removeprefix(_TAG)
    if tag == "int":
        if len(text) > _LONGEST_INT:
            # Left as text, refused where a number is expected: PyYAML would build a huge
            # int, and in quadratic time for a long sexagesimal one (1:2:3:...).
            return text
        try:
            return _CONSTRUCTOR.construct_yaml_int(scalar)
        except ValueError:
            return text
    if tag == "float":
        # Exact decimal, never a binary float: "19947304555212.49" must stay exact.
        try:
            return Decimal(text.replace("_", ""))
        except InvalidOperation:
            return text  # .inf, .nan: the number parser rejects them with a clear message
    if tag == "bool":
        return _CONSTRUCTOR.construct_yaml_bool(scalar)
    if tag == "null":
        return None
    if tag == "timestamp":
        try:
            return _CONSTRUCTOR.construct_yaml_timestamp(scalar)
        except ValueError:
            # Left as text: validation reports it (FC111) along with the file's other problems.
            return text
    return text


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_LONGEST_INT = 64


class _AliasNode(yaml.Node):
    """Stands where the file writes *name, so that the refusal points at the alias itself."""


class _Loader(yaml.SafeLoader):
    """PyYAML's safe composer, except that an alias becomes an _AliasNode at its own place.

    PyYAML hands an alias back as the anchored node itself, which carries the anchor's
    line and column; and a self-referencing anchor would make the tree a loop.
    """

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            # The stubs leave peek_event/get_event untyped; the event is an AliasEvent.
            event: Any = self.peek_event()  # type: ignore[no-untyped-call]
            if event.anchor in self.anchors:  # else PyYAML reports the undefined alias
                self.get_event()  # type: ignore[no-untyped-call]
                return _AliasNode("", event.anchor, event.start_mark, event.end_mark)
        return super().compose_node(parent, index)


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_QUOTED = re.compile(r"'[^'\n]*'|\"(?:[^\"\\\n]|\\.)*\"|#[^\n]*")


def _compose(text: str) -> yaml.Node | None:
    """Compose with libyaml when it is safe to, else (and for every error) in pure Python.

    libyaml is some 20 times faster on large sources, but it hands aliases back as shared
    nodes (so a refusal would point at the anchor) and its messages differ; the pure-Python
    _Loader gives the precise place and wording, so any file it must judge goes there.
    """
    if _FAST_LOADER is not None and _flow_depth(text) <= MAX_DEPTH:
        try:
            node = yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            node = None
        else:
            # A shared node is an alias, and an alias needs an anchor (&name): without an
            # "&" anywhere there is none, and the walk (a tenth of a second on 10,000
            # figures) can be skipped.
            if node is None or "&" not in text or not _has_shared_nodes(node):
                return node
    return yaml.compose(text, Loader=_Loader)


def _flow_depth(text: str) -> int:
    """Deepest nesting of [ and { outside quotes and comments (bounds libyaml's recursion)."""
    depth = deepest = 0
    for bracket in re.sub(r"[^\[\]{}]", "", _QUOTED.sub("", text)):
        depth = depth + 1 if bracket in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


def _has_shared_nodes(root: yaml.Node) -> bool:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


# --- the fast way: libyaml's events straight into plain data ----------------------------

# Above this size a broken file is reported in libyaml's words rather than re-read by the
# pure-Python parser for its own (some 3 seconds a megabyte).
PURE_PYTHON_BYTES = 65_536
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
_STR, _SEQ, _MAP = f"{_TAG}str", f"{_TAG}seq", f"{_TAG}map"


def _read_events(path: Path, text: str) -> Parsed | None:
    """Parse with libyaml's event stream straight into plain data, with _to_python's rules.

    Composing nodes first costs six times as much as the events, and PyYAML's composer
    hands an alias back as its anchor's node; the events say where each alias stands.
    None when libyaml is missing, or when it finds a small file broken: the pure-Python
    parser then says where and why in the words the tests pin.
    """
    if _FAST_LOADER is None:
        return None
    loader = _FAST_LOADER(text)
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
                tag = _implicit_tag(event.value, event.implicit[0])
        elif tag is None or tag == "!":
            tag = _SEQ if isinstance(event, yaml.SequenceStartEvent) else _MAP
        if tag.startswith("!") or (tag.startswith(_TAG) and tag not in _SCALAR_TAGS | {_MAP, _SEQ}):
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
        if tag == _STR:
            return event.value  # most scalars: no need for a node
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
        return _scalar(node, key_path, self.doc, self.problems)

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
            if not isinstance(key_event, yaml.ScalarEvent) or _is_merge(key_event):
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
                    f"duplicate key {_shown(key)} (first at line {first[0]}); YAML would keep "
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
        return [*self.problems, _more_problems(self.doc.path, self.more, self.last)]


def _implicit_tag(value: str, plain: bool) -> str:
    """What PyYAML's resolver makes of an untagged scalar (its regexps, without its paths)."""
    if not plain:
        return _STR
    tag = _RESOLVED.get(value)
    if tag is None:
        tag = _STR
        for candidate, pattern in _IMPLICIT.get(value[:1], []) + _IMPLICIT.get(None, []):
            if pattern.match(value):
                tag = str(candidate)
                break
        if len(value) <= 32 and len(_RESOLVED) < 20_000:  # units, words, small numbers
            _RESOLVED[value] = tag
    return tag


_RESOLVED: dict[str, str] = {}


def _is_merge(event: Any) -> bool:
    tag = event.tag
    if tag is None or tag == "!":  # only a plain << resolves to the merge tag
        return bool(event.implicit[0]) and event.value == "<<"
    return bool(tag == f"{_TAG}merge")


# --- more problems than anyone reads -----------------------------------------------------

MAX_PROBLEMS = 100  # per file


def _capped(problems: list[Problem], more: int = 0) -> list[Problem]:
    """At most MAX_PROBLEMS per file, in order of place, then one line for the rest.

    250,000 aliases in one file would otherwise take seconds to sort and print, and
    nobody reads past the first screenful: fixing those shows the rest. `more` counts
    problems of the (one) file that were found but never made into Problems.
    """
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.path, []).append(problem)
    kept: list[Problem] = []
    for path, found in by_file.items():
        if len(found) <= MAX_PROBLEMS and not more:
            kept.extend(found)
            continue
        found.sort()
        kept.extend(found[:MAX_PROBLEMS])
        last = found[-1]
        kept.append(_more_problems(path, len(found) + more - MAX_PROBLEMS, last))
    return kept


def _more_problems(path: str | Path, count: int, last: Problem) -> Problem:
    return problem_at(
        path,
        f"... and {count:,} more problems in this file, not listed: fix the ones above first",
        last.code,
        last.line,
        last.column,
    )


# --- validation against the models -----------------------------------------------------

_MESSAGES = {
    "missing": "missing required key",
    "decimal_parsing": "expected a number",
    "decimal_type": "expected a number",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "string_type": "expected text",
    "list_type": "expected a list",
    "dict_type": "expected a mapping of keys",
    "model_type": "expected a mapping of keys",
    "model_attributes_type": "expected a mapping of keys",
    "date_type": "expected a date (YYYY-MM-DD)",
    "date_parsing": "expected a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "expected a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "expected a date without a time (YYYY-MM-DD)",
    "bool_type": "expected true or false",
}


_IMPOSSIBLE_DATE = {"date_parsing", "date_from_datetime_parsing"}


def validate(document: Document, model: type[ModelT], prefix: KeyPath = ()) -> ModelT:
    """Validate document.data (or the part at prefix) against model; collect every problem."""
    data = document.data
    for part in prefix:
        data = data[part]
    problems = _out_of_range(document, data, prefix)
    try:
        result = model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        # Converting costs more than validating (did-you-mean, places): convert enough for
        # the first MAX_PROBLEMS, count the rest.
        found = [
            _pydantic_problem(document, model, prefix, error)
            for error in errors[: 4 * MAX_PROBLEMS]
        ]
        taken = {problem.key_path for problem in found}
        found.extend(problem for problem in problems if problem.key_path not in taken)
        found = _without_typo_echoes(found)
        raise InputError(_capped(found, more=max(0, len(errors) - 4 * MAX_PROBLEMS))) from None
    if problems:
        raise InputError(_capped(problems))
    return result


def _without_typo_echoes(problems: list[Problem]) -> list[Problem]:
    """A typo'd key is one problem: drop "missing 'speaker'" beside "unknown 'speakr' (did
    you mean 'speaker'?)" in the same mapping."""
    suggested = set()
    for problem in problems:
        if problem.code == "FC202" and "(did you mean '" in problem.message:
            key = problem.message.split("(did you mean '", 1)[1].split("'", 1)[0]
            parent = problem.key_path.rpartition(".")[0] if "." in problem.key_path else ""
            suggested.add((parent, key))
    return [
        p
        for p in problems
        if not (
            p.code == "FC201"
            and (p.key_path, p.message.removeprefix("missing required key ").strip("'"))
            in suggested
        )
    ]


def _out_of_range(document: Document, data: Any, prefix: KeyPath) -> list[Problem]:
    """Every precision or tolerance beyond the bounds numbers.py sets for values.

    A value is checked as it is read; these decimals pass through pydantic, which takes
    "1e-999999" for a precision, and that would make the search's exact integers huge.
    Read from the data, so that they are reported with the file's other problems.
    """
    if not isinstance(data, dict):
        return []
    found: list[tuple[KeyPath, Any]] = [
        ((*prefix, name), data[name]) for name in ("precision", "tolerance") if name in data
    ]
    figures = data.get("figures")
    for index, figure in enumerate(figures if isinstance(figures, list) else []):
        if isinstance(figure, dict) and "precision" in figure:
            found.append(((*prefix, "figures", index, "precision"), figure["precision"]))
    problems: list[Problem] = []
    for key_path, raw in found:
        value = raw
        if isinstance(raw, int) and not isinstance(raw, bool):
            value = Decimal(raw)  # at most 64 digits: see _scalar
        elif isinstance(raw, str) and len(raw) <= 1_000:
            try:
                value = Decimal(raw.strip())
            except InvalidOperation:
                continue  # not a number at all: the schema says so
        if isinstance(value, Decimal) and value.is_finite():
            try:
                check_range(value)
            except NumberFormatError as exc:
                problems.append(document.problem(key_path, str(exc), "FC205"))
    return problems


def _pydantic_problem(
    document: Document, model: type[BaseModel], prefix: KeyPath, error: Mapping[str, Any]
) -> Problem:
    kind = error["type"]
    loc = _in_data(document, prefix, tuple(error["loc"]), missing=kind == "missing")
    message = str(error["msg"])
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
        head, _, rest = message.partition(": ")
        if rest and head.isidentifier() and " " not in head:
            loc = (*loc, head)
            message = rest
    full = (*prefix, *loc)
    if kind == "missing":
        return document.problem(full[:-1], f"missing required key {loc[-1]!r}", "FC201", key=True)
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        suggestion = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        hint = f" (did you mean {suggestion[0]!r}?)" if suggestion else ""
        return document.problem(
            full,
            f"unknown key {_shown(str(loc[-1]))}{hint}; expected one of: {', '.join(allowed)}",
            "FC202",
            key=True,
        )
    got = _describe_input(error.get("input"))
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        return document.problem(full, f"expected one of {expected}, got {got}", "FC203")
    if kind == "string_pattern_mismatch":
        return document.problem(
            full,
            f"{got} is not a valid id: use lowercase letters, digits and "
            f"{'_' if 'figures' in full or 'statements' in full else '. _ -'} "
            f"(pattern {error.get('ctx', {}).get('pattern', '')})",
            "FC204",
        )
    if kind in _IMPOSSIBLE_DATE and re.match(r"\d{4}-\d\d?-\d\d?", str(error.get("input"))):
        return document.problem(full, f"{got} is not a real date (YYYY-MM-DD)", "FC111")
    if kind in _MESSAGES:
        return document.problem(full, f"{_MESSAGES[kind]}, got {got}", "FC203")
    if kind == "value_error":
        return document.problem(full, message, "FC205")
    return document.problem(full, f"{message[0].lower()}{message[1:]}, got {got}", "FC203")


def _in_data(document: Document, prefix: KeyPath, loc: KeyPath, *, missing: bool) -> KeyPath:
    """pydantic's location without its own labels: the keys and indexes found in the data.

    pydantic puts branch labels in a location ('str', 'list[str]', 'function-after[...]',
    'constrained-int'); a label cannot be told from a key by its look (a file may have a
    key '[' or 'function-x'), so keep exactly what the data holds, and a missing key last.
    """
    current = document.data
    for part in prefix:
        current = current[part]
    kept: list[str | int] = []
    for index, part in enumerate(loc):
        in_dict = isinstance(current, dict) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_dict or in_list:
            current = current[part]
        elif not (missing and index == len(loc) - 1):
            continue
        kept.append(part)
    return tuple(kept)


def _allowed_keys(model: type[BaseModel], loc: KeyPath) -> list[str]:
    """The keys the (sub)model at loc accepts, for 'did you mean' and the expected list."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field_info = current.model_fields.get(part)
        if field_info is None:
            return []
        current = _model_in(field_info.annotation)
        if current is None:
            return []
    return list(current.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _describe_input(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if value is None:
        return "nothing (null)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


# --- claims, their sources and the relations between figures ---------------------------


@dataclass(frozen=True)
class LoadedSource:
    source: Source
    path: Path
    document: Document


@dataclass(frozen=True)
class FigureOrigin:
    figure: Figure
    source_id: str  # the claim's own id for inline figures
    document: Document
    key_path: KeyPath


@dataclass(frozen=True)
class Case:
    """A claim with everything it is audited against, validated and cross-checked."""

    claim: Claim
    path: Path
    sources: list[LoadedSource]
    figures: list[FigureOrigin]  # inline figures first, then each source's, in file order

    def figure(self, figure_id: str) -> Figure:
        return self.by_id[figure_id].figure

    @property
    def by_id(self) -> dict[str, FigureOrigin]:
        return {origin.figure.id: origin for origin in self.figures}


def find_root(start: Path) -> Path:
    """The claims repository root: nearest folder holding a root marker, else the cwd."""
    for folder in [start, *start.parents]:
        if any((folder / marker).exists() for marker in ROOT_MARKERS):
            return folder
    return Path.cwd().resolve()


class SourceCache:
    """Loads each source file once per run, however many claims (or paths) name it."""

    def __init__(self) -> None:
        self._loaded: dict[Path, LoadedSource | InputError] = {}

    def get(self, path: Path) -> LoadedSource:
        resolved = path.resolve()
        if resolved not in self._loaded:
            try:
                document = read_document(path)
                self._loaded[resolved] = LoadedSource(
                    validate(document, Source), resolved, document
                )
            except InputError as exc:
                self._loaded[resolved] = exc
        result = self._loaded[resolved]
        if isinstance(result, InputError):
            raise result
        return result


def load_claim(path: Path, *, root: Path | None = None, cache: SourceCache | None = None) -> Case:
    """Read a claim file and the sources it names; raise InputError with every problem."""
    cache = cache or SourceCache()
    document = read_document(path)
    if _looks_like_source(document.data):
        raise InputError(
            [
                problem_at(
                    path,
                    "this is a source file (it has figures and a publisher); "
                    "`verify` takes a claim file, which names its sources",
                    "FC206",
                    1,
                    1,
                )
            ]
        )
    root = (root or find_root(path.resolve().parent)).resolve()
    try:
        claim = validate(document, Claim)
    except InputError as invalid:
        raise InputError(
            _capped(invalid.problems + _named_source_problems(path, document, root, cache))
        ) from None
    problems: list[Problem] = []
    sources: list[LoadedSource] = []
    seen: set[Path] = set()
    named: set[str] = set()
    for index, relative in enumerate(claim.sources):
        # The same file named twice (perhaps by different paths) is one source, loaded and
        # reported once: a claim naming itself 20,000 times is read once, not 20,000 times.
        if relative in named:
            continue
        named.add(relative)
        key_path: KeyPath = ("sources", index)
        target = resolve_source_path(path, relative, root, document, key_path, problems)
        if target is None or target.resolve() in seen:
            continue
        seen.add(target.resolve())
        try:
            loaded = cache.get(target)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        sources.append(loaded)
    if problems:
        raise InputError(_capped(problems))
    figures = [
        FigureOrigin(figure, claim.id, document, ("figures", index))
        for index, figure in enumerate(claim.figures)
    ]
    for loaded in sources:
        figures.extend(
            FigureOrigin(figure, loaded.source.id, loaded.document, ("figures", index))
            for index, figure in enumerate(loaded.source.figures)
        )
    problems.extend(check_figures(figures))
    if not claim.sources and not claim.figures:
        problems.append(
            document.problem(
                (), "the claim names no `sources:` and has no inline `figures:`", "FC207", key=True
            )
        )
    if problems:
        raise InputError(_capped(problems))
    return Case(claim=claim, path=path, sources=sources, figures=figures)


def _named_source_problems(
    path: Path, document: Document, root: Path, cache: SourceCache
) -> list[Problem]:
    """The problems of the sources an invalid claim names, so one run reports them all."""
    raw = document.data.get("sources") if isinstance(document.data, dict) else None
    names = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    problems: list[Problem] = []
    for index, relative in enumerate(dict.fromkeys(n for n in names if isinstance(n, str))):
        target = resolve_source_path(path, relative, root, document, ("sources", index), problems)
        if target is not None:
            try:
                cache.get(target)
            except InputError as exc:
                problems.extend(exc.problems)
    return problems


def _looks_like_source(data: Mapping[str, Any]) -> bool:
    return "publisher" in data and "asserts" not in data


def resolve_source_path(
    claim_path: Path,
    relative: str,
    root: Path,
    document: Document,
    key_path: KeyPath,
    problems: list[Problem],
) -> Path | None:
    target = claim_path.parent / relative
    shown = _shown(relative)
    try:
        resolved = target.resolve(strict=True)
    except FileNotFoundError:
        problems.append(
            document.problem(
                key_path,
                f"source file {shown} not found (looked for {_shown(str(target), 300)[1:-1]})",
                "FC301",
            )
        )
        return None
    except RuntimeError:  # pathlib's word for a symlink loop (ELOOP)
        problems.append(
            document.problem(key_path, f"source path {shown} loops through symlinks", "FC302")
        )
        return None
    except OSError as exc:  # a name too long, a file used as a folder, no permission
        problems.append(
            document.problem(
                key_path, f"source path {shown} cannot be opened: {exc.strerror}", "FC301"
            )
        )
        return None
    except ValueError:  # os functions refuse a NUL; YAML can write one as "\0"
        problems.append(
            document.problem(key_path, f"source path {shown} contains a NUL character", "FC301")
        )
        return None
    if not resolved.is_relative_to(root):
        problems.append(
            document.problem(
                key_path,
                f"source path {shown} leads outside the claims repository ({root}); "
                "use --root to widen it",
                "FC303",
            )
        )
        return None
    if resolved.is_dir():
        problems.append(
            document.problem(
                key_path, f"source path {shown} is a directory, expected a YAML file", "FC304"
            )
        )
        return None
    return target


def check_figures(figures: Iterable[FigureOrigin]) -> list[Problem]:
    """Cross-figure rules: unique ids, relation targets, no cycles, parts within wholes."""
    problems: list[Problem] = []
    by_id: dict[str, FigureOrigin] = {}
    # "did you mean" compares a name with every id: 10,000 figures that each name a missing
    # whole would make that 100,000,000 comparisons. The first few get a suggestion.
    comparisons = 5_000  # some 0.15 s where the ids look alike
    for origin in figures:
        figure_id = origin.figure.id
        if figure_id in by_id:
            first = by_id[figure_id]
            line, _ = first.document.locate((*first.key_path, "id"))
            problems.append(
                origin.document.problem(
                    (*origin.key_path, "id"),
                    f"figure id {figure_id!r} is used twice (also in {first.document.path}:"
                    f"{line}); figure ids must be unique across a claim's sources",
                    "FC401",
                )
            )
            continue
        by_id[figure_id] = origin
    for origin in by_id.values():
        figure = origin.figure
        for relation in ("part_of", "disjoint_with"):
            for index, target in enumerate(getattr(figure, relation)):
                where = (*origin.key_path, relation, index)
                if target == figure.id:
                    problems.append(
                        origin.document.problem(
                            where, f"figure {figure.id!r} names itself in {relation}", "FC403"
                        )
                    )
                elif target not in by_id:
                    comparisons -= len(by_id)
                    close = (
                        difflib.get_close_matches(target, list(by_id), n=1)
                        if comparisons >= 0
                        else []
                    )
                    hint = f" (did you mean {close[0]!r}?)" if close else ""
                    problems.append(
                        origin.document.problem(
                            where,
                            f"{relation} names {_shown(target)}, which is no figure{hint}",
                            "FC402",
                        )
                    )
                elif relation == "part_of":
                    whole = by_id[target].figure
                    if whole.unit.casefold() != figure.unit.casefold():
                        problems.append(
                            origin.document.problem(
                                where,
                                f"part {figure.id!r} is in {_shown(figure.unit)} but its whole "
                                f"{target!r} is in {_shown(whole.unit)}",
                                "FC405",
                            )
                        )
                    elif _larger_than(figure, whole):
                        problems.append(
                            origin.document.problem(
                                (*origin.key_path, "value"),
                                f"part {figure.id!r} ({figure.value}) is larger than its whole "
                                f"{target!r} ({whole.value})",
                                "FC406",
                            )
                        )
    problems.extend(_cycles(by_id))
    problems.extend(_too_many_wholes(by_id))
    problems.extend(_contradictions(by_id))
    return _capped(problems)


MAX_WHOLES = 64


def _too_many_wholes(by_id: Mapping[str, FigureOrigin]) -> list[Problem]:
    """A figure inside more than MAX_WHOLES wholes (wholes of wholes counted).

    The search keeps every figure's wholes and parts: a part_of chain of 3,000 figures
    (some 70 kB of YAML) made that 4.5 million pairs, 500 MB and seconds of work. Only the
    topmost figure past the bound is reported: the figures below it are past it too.
    """
    over: dict[str, list[str]] = {}
    for figure_id, origin in by_id.items():
        found: dict[str, None] = {}  # ordered: the message shows the way up
        stack = list(reversed(origin.figure.part_of))
        while stack and len(found) <= MAX_WHOLES:
            current = stack.pop()
            if current in found or current == figure_id or current not in by_id:
                continue
            found[current] = None
            stack.extend(reversed(by_id[current].figure.part_of))
        if len(found) > MAX_WHOLES:
            over[figure_id] = list(found)
    problems: list[Problem] = []
    for figure_id, wholes in over.items():
        origin = by_id[figure_id]
        if any(whole in over for whole in origin.figure.part_of):
            continue
        way = " -> ".join([figure_id, *wholes[:3], "...", *wholes[-2:]])
        problems.append(
            origin.document.problem(
                (*origin.key_path, "part_of"),
                f"figure {figure_id!r} is part of more than {MAX_WHOLES} figures, counting "
                f"wholes of wholes ({way}); nest part_of at most {MAX_WHOLES} deep",
                "FC205",
            )
        )
    return problems


def _larger_than(part: Figure, whole: Figure) -> bool:
    part_range = Interval.of(part.value, part.qualifier, part.precision)
    whole_range = Interval.of(whole.value, whole.qualifier, whole.precision)
    return part_range.low > whole_range.high or (
        part_range.low == whole_range.high and (part_range.low_open or whole_range.high_open)
    )


def _cycles(by_id: Mapping[str, FigureOrigin]) -> list[Problem]:
    # A depth-first walk over every whole of every figure (not only the first: a cycle
    # may run through a figure's second whole), iterative so that a long chain is safe.
    problems: list[Problem] = []
    done: set[str] = set()
    for start in by_id:
        if start in done:
            continue
        path = [start]
        on_path = {start}  # the same as path: `in` on a 3,000-long list is slow
        pending = [iter(_wholes(by_id, start))]
        while pending:
            current = next(pending[-1], None)
            if current is None:
                on_path.discard(path[-1])
                done.add(path.pop())
                pending.pop()
            elif current in on_path:
                loop = [*path[path.index(current) :], current]
                if len(loop) > 12:  # 3,000 figures round: name the ends, count the middle
                    loop = [*loop[:6], f"... ({len(loop) - 9:,} more)", *loop[-3:]]
                origin = by_id[current]
                problems.append(
                    origin.document.problem(
                        (*origin.key_path, "part_of"),
                        "part_of goes round in a circle: " + " -> ".join(loop),
                        "FC404",
                    )
                )
            elif current not in done:
                path.append(current)
                on_path.add(current)
                pending.append(iter(_wholes(by_id, current)))
    return problems


def _wholes(by_id: Mapping[str, FigureOrigin], figure_id: str) -> list[str]:
    return sorted({p for p in by_id[figure_id].figure.part_of if p in by_id and p != figure_id})


def ancestors(by_id: Mapping[str, Figure], figure_id: str) -> set[str]:
    """Every figure that figure_id is part_of, transitively (cycles are safe to walk)."""
    found: set[str] = set()
    stack = list(by_id[figure_id].part_of)
    while stack:
        current = stack.pop()
        if current in found or current not in by_id:
            continue
        found.add(current)
        stack.extend(by_id[current].part_of)
    found.discard(figure_id)
    return found


def _contradictions(by_id: Mapping[str, FigureOrigin]) -> list[Problem]:
    figures = {figure_id: origin.figure for figure_id, origin in by_id.items()}
    problems: list[Problem] = []
    for figure_id, origin in by_id.items():
        for index, other in enumerate(origin.figure.disjoint_with):
            if other not in figures or other == figure_id:
                continue
            if other in ancestors(figures, figure_id) or figure_id in ancestors(figures, other):
                problems.append(
                    origin.document.problem(
                        (*origin.key_path, "disjoint_with", index),
                        f"{figure_id!r} cannot be disjoint with {other!r}: one is part of "
                        "the other",
                        "FC407",
                    )
                )
    return problems
