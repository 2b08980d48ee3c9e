"""YAML files -> validated models, with every problem located as file:line:col and key path.

PyYAML is used only to *compose* nodes (safe: no object is ever constructed from a tag);
we turn nodes into plain Python ourselves so that we can refuse duplicate keys, aliases
and foreign tags, keep each value's line and column, and read numbers exactly.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from factcheck.errors import InputError, Problem, problem_at
from factcheck.models import Claim, Figure, Interval, Source
from factcheck.numbers import NumberFormatError, check_range

DEFAULT_MAX_FILE_BYTES = 1_048_576
MAX_FILE_BYTES_ENV = "FACTCHECK_MAX_FILE_BYTES"
MAX_DEPTH = 64
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
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def max_file_bytes() -> int:
    raw = os.environ.get(MAX_FILE_BYTES_ENV, "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_FILE_BYTES


def read_document(path: Path) -> Document:
    """Read and parse one YAML file; raise InputError naming the file and the place."""
    text = _read_text(path)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        raise InputError([_yaml_problem(path, exc)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks all parse errors
        raise InputError([problem_at(path, f"invalid YAML: {exc}", "FC102")]) from None
    except RecursionError:
        raise InputError(
            [problem_at(path, "YAML nested too deeply to read", "FC107", 1, 1)]
        ) from None
    if node is None:
        raise InputError(
            [problem_at(path, "file is empty; expected a claim or source mapping", "FC103", 1, 1)]
        )
    document = Document(path=path, data=None)
    problems: list[Problem] = []
    document.data = _to_python(node, (), document, problems, depth=0)
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
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                )
            ]
        )
    return document


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
    return text


def _yaml_problem(path: Path, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = exc.problem or "invalid YAML"
    if "'\\t'" in problem or "\t" in problem:
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
        node.tag.startswith(_TAG)
        and node.tag not in _SCALAR_TAGS | {f"{_TAG}map", f"{_TAG}seq"}
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
                        f"duplicate key {key!r} (first at line {first[0]}); YAML would keep "
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
            if node is None or not _has_shared_nodes(node):
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
    try:
        result = model.model_validate(data)
    except ValidationError as exc:
        raise InputError(
            [_pydantic_problem(document, model, prefix, error) for error in exc.errors()]
        ) from None
    problems = _out_of_range(document, result, prefix)
    if problems:
        raise InputError(problems)
    return result


def _out_of_range(document: Document, value: Any, key_path: KeyPath) -> list[Problem]:
    """Every decimal (a precision, a tolerance) beyond the bounds numbers.py sets for values.

    A value is checked as it is read; the other decimals pass through pydantic, which takes
    "1e-999999" for a precision, and that would make the search's exact integers huge.
    """
    if isinstance(value, Decimal):
        try:
            check_range(value)
        except NumberFormatError as exc:
            return [document.problem(key_path, str(exc), "FC205")]
        return []
    if isinstance(value, BaseModel):
        return [
            problem
            for name in type(value).model_fields
            for problem in _out_of_range(document, getattr(value, name), (*key_path, name))
        ]
    if isinstance(value, list):
        return [
            problem
            for index, item in enumerate(value)
            for problem in _out_of_range(document, item, (*key_path, index))
        ]
    return []


def _pydantic_problem(
    document: Document, model: type[BaseModel], prefix: KeyPath, error: Mapping[str, Any]
) -> Problem:
    loc: KeyPath = tuple(part for part in error["loc"] if not str(part).startswith("function-"))
    # Drop pydantic's union branch labels such as 'str' or 'list[...]'.
    loc = tuple(part for part in loc if not (isinstance(part, str) and "[" in part))
    kind = error["type"]
    message = str(error["msg"])
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
        head, _, rest = message.partition(": ")
        if rest and head.isidentifier() and " " not in head:
            loc = (*loc, head)
            message = rest
    full = (*prefix, *loc)
    if kind == "missing":
        return document.problem(
            full[:-1], f"missing required key {loc[-1]!r}", "FC201", key=True
        )
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        suggestion = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        hint = f" (did you mean {suggestion[0]!r}?)" if suggestion else ""
        return document.problem(
            full,
            f"unknown key {loc[-1]!r}{hint}; expected one of: {', '.join(allowed)}",
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


def load_claim(
    path: Path, *, root: Path | None = None, cache: SourceCache | None = None
) -> Case:
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
    claim = validate(document, Claim)
    root = (root or find_root(path.resolve().parent)).resolve()
    problems: list[Problem] = []
    sources: list[LoadedSource] = []
    seen: set[Path] = set()
    for index, relative in enumerate(claim.sources):
        key_path: KeyPath = ("sources", index)
        target = resolve_source_path(path, relative, root, document, key_path, problems)
        if target is None:
            continue
        try:
            loaded = cache.get(target)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if loaded.path in seen:
            continue  # the same file named twice (perhaps by different paths) is one source
        seen.add(loaded.path)
        sources.append(loaded)
    if problems:
        raise InputError(problems)
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
            document.problem((), "the claim names no `sources:` and has no inline `figures:`",
                             "FC207", key=True)
        )
    if problems:
        raise InputError(problems)
    return Case(claim=claim, path=path, sources=sources, figures=figures)


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
    try:
        resolved = target.resolve(strict=True)
    except FileNotFoundError:
        problems.append(
            document.problem(key_path, f"source file {relative!r} not found "
                             f"(looked for {target})", "FC301")
        )
        return None
    except (RuntimeError, OSError):  # symlink loop
        problems.append(
            document.problem(key_path, f"source path {relative!r} loops through symlinks",
                             "FC302")
        )
        return None
    if not resolved.is_relative_to(root):
        problems.append(
            document.problem(
                key_path,
                f"source path {relative!r} leads outside the claims repository ({root}); "
                "use --root to widen it",
                "FC303",
            )
        )
        return None
    if resolved.is_dir():
        problems.append(
            document.problem(key_path, f"source path {relative!r} is a directory, "
                             "expected a YAML file", "FC304")
        )
        return None
    return target


def check_figures(figures: Iterable[FigureOrigin]) -> list[Problem]:
    """Cross-figure rules: unique ids, relation targets, no cycles, parts within wholes."""
    problems: list[Problem] = []
    by_id: dict[str, FigureOrigin] = {}
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
                        origin.document.problem(where, f"figure {figure.id!r} names itself in "
                                                f"{relation}", "FC403")
                    )
                elif target not in by_id:
                    close = difflib.get_close_matches(target, list(by_id), n=1)
                    hint = f" (did you mean {close[0]!r}?)" if close else ""
                    problems.append(
                        origin.document.problem(
                            where, f"{relation} names {target!r}, which is no figure{hint}",
                            "FC402",
                        )
                    )
                elif relation == "part_of":
                    whole = by_id[target].figure
                    if whole.unit.casefold() != figure.unit.casefold():
                        problems.append(
                            origin.document.problem(
                                where,
                                f"part {figure.id!r} is in {figure.unit!r} but its whole "
                                f"{target!r} is in {whole.unit!r}",
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
    problems.extend(_contradictions(by_id))
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
        pending = [iter(_wholes(by_id, start))]
        while pending:
            current = next(pending[-1], None)
            if current is None:
                done.add(path.pop())
                pending.pop()
            elif current in path:
                loop = path[path.index(current) :]
                origin = by_id[current]
                problems.append(
                    origin.document.problem(
                        (*origin.key_path, "part_of"),
                        "part_of goes round in a circle: " + " -> ".join([*loop, current]),
                        "FC404",
                    )
                )
            elif current not in done:
                path.append(current)
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

