"""The careful reader: PyYAML's composed nodes, turned into plain data by our own rules.

Slower than the event reader (events.py) but exact in PyYAML's own words: read_document
sends here a small file that libyaml finds broken, so that the message the tests pin says
where and why. Both readers follow the same rules and agree on data and marks
(tests/test_fuzz.py checks it).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import Problem, problem_at
from factcheck.load.document import (
    Document,
    KeyPath,
    Parsed,
    duplicate_key_message,
    format_key_path,
    place,
)
from factcheck.load.limits import MAX_DEPTH, MAX_ITEMS, capped
from factcheck.load.marks import Marks
from factcheck.load.scalars import MERGE, Yaml11Text, refused_tag, scalar_value

FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_QUOTED = re.compile(r"'[^'\n]*'|\"(?:[^\"\\\n]|\\.)*\"|#[^\n]*")


def read_nodes(path: Path, text: str) -> Parsed:
    """The pure-Python way: compose nodes, then turn them into plain data."""
    node = _compose(text)
    document = Document(path=path, data=None, marks=Marks(text))
    if node is None:
        return document, [], None
    reader = _NodeReader(document)
    document.marks.top = reader.offset(node)
    document.data = reader.value(node, (), depth=0)
    return reader.document, capped(reader.problems), node.start_mark


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


def _compose(text: str) -> yaml.Node | None:
    """Compose with libyaml when it is safe to, else (and for every error) in pure Python.

    libyaml is some 20 times faster on large sources, but it hands aliases back as shared
    nodes (so a refusal would point at the anchor) and its messages differ; the pure-Python
    _Loader gives the precise place and wording, so any file it must judge goes there.
    """
    if FAST_LOADER is not None and _flow_depth(text) <= MAX_DEPTH:
        try:
            node = yaml.compose(text, Loader=FAST_LOADER)
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


class _NodeReader:
    """Plain data and marks from composed nodes (events.py follows the same rules)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.marks = document.marks
        self.problems: list[Problem] = []
        self.seen: set[int] = set()  # ids of the nodes read: a node met twice is an alias

    def value(self, node: yaml.Node, key_path: KeyPath, depth: int) -> Any:
        """The plain value of node (its place is kept by the caller)."""
        refusal = self.refusal(node, key_path, depth)
        if refusal is not None:
            self.problems.append(refusal)
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, key_path, depth)
        if isinstance(node, yaml.SequenceNode):
            return self.sequence(node, key_path, depth)
        value = scalar_value(node.tag, str(node.value))
        if value.__class__ is Yaml11Text or value.__class__ is bool:
            self.document.yaml11.append((key_path, str(node.value)))
            return str(value) if value.__class__ is Yaml11Text else value
        return value

    def offset(self, node: yaml.Node) -> int:
        return self.marks.offset(node.start_mark.line, node.start_mark.column)

    def refusal(self, node: yaml.Node, key_path: KeyPath, depth: int) -> Problem | None:
        """Why a node is not read at all: too deep, an alias, a foreign tag, too many items."""
        path, mark = self.document.path, place(node.start_mark)
        if depth > MAX_DEPTH:
            return problem_at(path, f"nested deeper than {MAX_DEPTH} levels", "FC107", *mark)
        if isinstance(node, _AliasNode) or id(node) in self.seen:
            # An alias (see _Loader; a reused node would be one too): refusing it keeps a
            # "billion laughs" file from expanding, and a self-referencing one from looping.
            return problem_at(
                path,
                "YAML aliases (*name) are not allowed; write the value out",
                "FC112",
                *mark,
                format_key_path(key_path),
            )
        self.seen.add(id(node))
        if refused_tag(node.tag):
            return problem_at(
                path,
                f"YAML tag {node.tag!r} is not allowed; write plain values",
                "FC108",
                *mark,
                format_key_path(key_path),
            )
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and len(node.value) > MAX_ITEMS:
            kind = "mapping holds" if isinstance(node, yaml.MappingNode) else "list holds"
            return problem_at(
                path,
                f"a {kind} more than {MAX_ITEMS:,} items: more than factcheck reads in one "
                "file; split the file",
                "FC105",
                *mark,
            )
        return None

    def mapping(self, node: yaml.MappingNode, key_path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        value_at, key_at = self.marks.of_mapping(result)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == MERGE:
                self.problems.append(
                    problem_at(
                        self.document.path,
                        "keys must be plain words (no merge keys, lists or mappings as keys)",
                        "FC109",
                        *place(key_node.start_mark),
                    )
                )
                continue
            key = str(key_node.value)
            if key in result:
                first_line, _ = self.marks.place(key_at[key])
                self.problems.append(
                    problem_at(
                        self.document.path,
                        duplicate_key_message(key, first_line),
                        "FC110",
                        *place(key_node.start_mark),
                        format_key_path((*key_path, key)),
                    )
                )
                continue
            key_at[key] = self.offset(key_node)
            value_at[key] = self.offset(value_node)
            result[key] = self.value(value_node, (*key_path, key), depth + 1)
        return result

    def sequence(self, node: yaml.SequenceNode, key_path: KeyPath, depth: int) -> list[Any]:
        items: list[Any] = []
        offsets = self.marks.of_list(items)
        for index, item in enumerate(node.value):
            offsets.append(self.offset(item))
            items.append(self.value(item, (*key_path, index), depth + 1))
        return items
