"""Fuzzing: whatever arrives, factcheck gives a verdict or a clean error, never a crash.

Four kinds of input go through the loaders (read_document, load_claim, then judge) and
through the command line (Typer's runner on `verify` and `check`):

- random YAML documents: nested mappings, lists and scalars, dumped with yaml.safe_dump;
- near-valid claim and source files with one thing changed: a field of the wrong type,
  removed, renamed with a typo, a weird number string, a huge or negative number, a date
  where it does not belong, unicode, a very long string, deep nesting; or a line of the
  file duplicated, deleted or garbled;
- random bytes, and valid files with bytes flipped;
- number strings for parse_number.

The only outcomes allowed: a result (exit 0, or 3 when a mutated `expect:` disagrees) or
an InputError whose every problem names the file (exit 1); never another exception, never
exit 70, never a hang (an alarm after PER_EXAMPLE seconds turns one into a failure).
The property tests are marked slow (.ci/run runs them with `-m slow`); under the "ci"
hypothesis profile (tests/conftest.py) they see the same examples every run.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import re
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.errors import InputError
from factcheck.judge import judge
from factcheck.load import _read_events, _read_nodes, load_claim, read_document
from factcheck.numbers import NumberFormatError, parse_number
from tests.conftest import examples, hang_guard

# A hang guard, not a time limit: an example takes milliseconds, a tenth of a second at most.
PER_EXAMPLE = 60.0
# The profile (tests/conftest.py) sets the rest; big generated files are the point here.
FUZZ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
runner = CliRunner()

# --- the valid files that mutations start from -------------------------------------------

SOURCE: dict[str, Any] = {
    "id": "fuzz-source",
    "title": "A source",
    "publisher": "Publisher",
    "published": dt.date(2024, 1, 1),
    "period": {"start": dt.date(2023, 1, 1), "end": dt.date(2023, 12, 31)},
    "figures": [
        {"id": "total", "value": 1000, "unit": "people", "described_as": ["lost"]},
        {
            "id": "part",
            "value": "300",
            "qualifier": "more_than",
            "precision": 10,
            "unit": "people",
            "part_of": "total",
            "described_as": [{"term": "missing", "extent": "some"}],
            "quote": "more than 300 are missing",
            "page": 4,
        },
        {
            "id": "other",
            "value": "1.2 thousand",
            "unit": "people",
            "disjoint_with": ["part"],
            "as_of": dt.date(2023, 6, 30),
            "series": "headcount",
        },
    ],
    "statements": [{"id": "risk", "text": "at risk", "described_as": ["at risk"]}],
}
CLAIM: dict[str, Any] = {
    "id": "fuzz-claim",
    "text": "They lost 1,300 people.",
    "speaker": "Someone",
    "date": dt.date(2024, 6, 1),
    "value": 1300,
    "qualifier": "about",
    "unit": "people",
    "asserts": "lost",
    "also_asserts": ["dead"],
    "attributed_to": "Someone else",
    "period": {"start": dt.date(2023, 1, 1), "end": dt.date(2024, 6, 1)},
    "sources": ["source.yaml"],
    "figures": [{"id": "inline", "value": 5, "unit": "people"}],
    "tolerance": 0.05,
    "max_terms": 3,
    "synonyms": {"lost": ["vanished"]},
}
KEYS = sorted({*CLAIM, *SOURCE, *SOURCE["figures"][1], *SOURCE["figures"][2], "term", "extent"})
WEIRD_NUMBERS = [
    "1,2,3", "1,23", "325,000,", "1.234.567", "about", "NaN", "-inf", "1e5", "0x1F", "", " ",
    "$", "%", "12.5%%", "1.2 gazillion", "--5", "+-5", "1 million billion", "\u22125",
    "\uff11,\uff10\uff10\uff10", "\u0661\u0662\u0663", "1\u00a0000", "1'000'000", ".5",
    "5.", "1_000", "0b101", "1:2:3", "1" + " " * 3000 + "x!", "9" * 70, "1" * 5000,
    "1000001 trillion", "0.000000001", "$" * 100, "1" + "," * 50,
]  # fmt: skip
HUGE = st.one_of(
    st.integers(min_value=18, max_value=400).map(lambda k: 10**k),
    st.integers(min_value=18, max_value=400).map(lambda k: -(10**k)),
    st.sampled_from(
        ["1.0e+999999999", "1.0e-999999", "1e999999", "-1.0e+30", "1.0e-9", "0b" + "1" * 300]
    ),
)
TEXT = st.text(st.characters(codec="utf-8"), max_size=40)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    TEXT,
    st.dates(),
    st.datetimes(),
    st.sampled_from(WEIRD_NUMBERS),
    HUGE,
)
KEY = st.one_of(st.sampled_from(KEYS), TEXT)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEY, inner, max_size=5)),
    max_leaves=20,
)


# --- running one input -------------------------------------------------------------------


@contextlib.contextmanager
def _repository() -> Iterator[Path]:
    """A fresh claims repository (its root marked by .git) for one example."""
    with tempfile.TemporaryDirectory(prefix="factcheck-fuzz-") as name:
        root = Path(name)
        (root / ".git").mkdir()
        yield root


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=80)


def _assert_clean(error: InputError, *files: Path) -> None:
    names = {str(path) for path in files}
    assert error.problems, "an InputError without problems"
    for problem in error.problems:
        assert problem.path in names, problem.format()
        assert re.fullmatch(r"FC\d{3}", problem.code), problem.format()
        assert problem.message and "\n" not in problem.message, problem.format()
        assert len(problem.format()) < 2_000, problem.format()[:300]


def _load_and_judge(claim: Path, *files: Path) -> None:
    """load_claim, then judge what loads: both or a clean InputError, in time."""
    with hang_guard(PER_EXAMPLE):
        try:
            case = load_claim(claim)
        except InputError as error:
            _assert_clean(error, claim, *files)
            event(f"refused: {error.problems[0].code}")
            return
        audit = judge(case)
    event(f"verdict: {audit.verdict.value}")


def _read(path: Path) -> None:
    with hang_guard(PER_EXAMPLE):
        try:
            document = read_document(path)
        except InputError as error:
            _assert_clean(error, path)
            return
    assert isinstance(document.data, dict)


def _cli(*args: str, files: tuple[Path, ...]) -> None:
    """`factcheck ARGS` through Typer's runner: exit 0, 1 or 3, no exception, files named."""
    with hang_guard(PER_EXAMPLE):
        result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100"})
    context = f"factcheck {' '.join(args)}: exit {result.exit_code}\n{result.output[-2000:]}"
    # CliRunner reports an escaped exception as exit 1: look at the exception itself.
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(context) from result.exception
    assert result.exit_code in (0, 1, 3), context
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code != 1:
        return
    names = [path.name for path in files]
    lines = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if re.search(r"\[FC\d{3}\]$", line) and ": warning: " not in line
    ]
    assert lines, context
    for line in lines:
        assert any(name in line.split(": ", 1)[0] for name in names), line[:300]


# --- (a) random YAML documents -----------------------------------------------------------


DOCUMENTS = st.one_of(
    st.dictionaries(KEY, VALUES, max_size=12),
    st.fixed_dictionaries(dict.fromkeys(("id", "value", "unit", "sources"), VALUES)),
    VALUES,
)


@pytest.mark.slow
@settings(FUZZ, max_examples=examples(300))
@given(data=DOCUMENTS)
def test_random_yaml_documents_load_or_fail_cleanly(data: Any) -> None:
    with _repository() as root:
        path = root / "claim.yaml"
        path.write_text(_dump(data), encoding="utf-8")
        _read(path)
        _load_and_judge(path)


@pytest.mark.slow
@settings(FUZZ, max_examples=examples(60))
@given(data=DOCUMENTS, command=st.sampled_from(["verify", "check"]))
def test_random_yaml_documents_through_the_cli(data: Any, command: str) -> None:
    with _repository() as root:
        path = root / "claim.yaml"
        path.write_text(_dump(data), encoding="utf-8")
        _cli(command, str(path), files=(path,))


# --- (b) near-valid files with one thing changed -------------------------------------------


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in data, containers included."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(_paths(value, (*prefix, index)))
    return found


def _typo(key: str, position: int, kind: int) -> str:
    if not key:
        return "x"
    position %= len(key)
    if kind == 0:  # drop a letter
        return key[:position] + key[position + 1 :] or "x"
    if kind == 1 and len(key) > 1:  # swap two letters
        position = min(position, len(key) - 2)
        return key[:position] + key[position + 1] + key[position] + key[position + 2 :]
    return key[:position] + "e" + key[position:]  # add one


def _nested(depth: int) -> Any:
    value: Any = "deep"
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


PLAUSIBLE = st.sampled_from(
    ["lost", "people", "exact", "about", "more_than", "nearly", "total", "part", "other",
     "some", "all", "2024-01-01", "usd", "percent", "12.5%", "1.2 million", "$87bn", 0, 1]
)  # fmt: skip
REPLACEMENTS = st.one_of(
    PLAUSIBLE,
    st.integers(min_value=0, max_value=10**6),
    VALUES,  # anything of any type
    st.sampled_from(WEIRD_NUMBERS),
    HUGE,
    st.integers(max_value=-1),
    st.dates(),
    st.datetimes(),
    TEXT,
    st.integers(min_value=1_000, max_value=200_000).map(lambda n: "x" * n),
    st.integers(min_value=1, max_value=300).map(_nested),
)


# The unchanged files as text, and as read back: dumped once, not for every example (pure
# Python's YAML was two thirds of the mutation tests' time).
TEXTS = {"claim": _dump(CLAIM), "source": _dump(SOURCE)}
READ_BACK = {which: yaml.safe_load(text) for which, text in TEXTS.items()}


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str, str]:
    """(which file was changed, claim text, source text)."""
    which = draw(st.sampled_from(["claim", "source"]))
    data = copy.deepcopy(READ_BACK[which])
    path = draw(st.sampled_from(_paths(data)[1:]))
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    how = draw(st.sampled_from(["replace", "remove", "rename", "add"]))
    if how == "remove" or (how == "rename" and isinstance(parent, list)):
        del parent[last]
    elif how == "rename":
        typo = _typo(last, draw(st.integers(0, 50)), draw(st.integers(0, 2)))
        parent[typo] = parent.pop(last)
    elif how == "add" and isinstance(parent, dict):
        parent[draw(KEY)] = draw(REPLACEMENTS)
    else:
        parent[last] = draw(REPLACEMENTS)
    texts = {**TEXTS, which: _dump(data)}
    # Sometimes a change to the text itself: a line doubled, dropped or garbled.
    edit = draw(st.sampled_from(["none"] * 6 + ["double", "drop", "garble", "tab", "alias"]))
    lines = texts[which].splitlines(keepends=True)
    at = draw(st.integers(0, len(lines) - 1))
    if edit == "double":
        lines.insert(at, lines[at])
    elif edit == "drop":
        del lines[at]
    elif edit == "garble":
        lines[at] = draw(TEXT) + "\n"
    elif edit == "tab":
        lines[at] = "\t" + lines[at]
    elif edit == "alias":
        lines[at] = lines[at].replace(": ", ": &a ", 1)
        lines.insert(at + 1, lines[at].split(":")[0].replace("&a", "") + "_again: *a\n")
    texts[which] = "".join(lines)
    return which, texts["claim"], texts["source"]


def _write_case(root: Path, case: tuple[str, str, str]) -> tuple[Path, Path]:
    _, claim_text, source_text = case
    claim, source = root / "claim.yaml", root / "source.yaml"
    claim.write_text(claim_text, encoding="utf-8")
    source.write_text(source_text, encoding="utf-8")
    return claim, source


def test_the_unmutated_files_are_valid() -> None:
    with _repository() as root:
        claim, _ = _write_case(root, ("claim", TEXTS["claim"], TEXTS["source"]))
        audit = judge(load_claim(claim))
    assert audit.verdict is not None


@pytest.mark.slow
@settings(FUZZ, max_examples=examples(800))
@given(case=mutated())
def test_mutated_files_load_or_fail_cleanly(case: tuple[str, str, str]) -> None:
    with _repository() as root:
        claim, source = _write_case(root, case)
        _load_and_judge(claim, source)


@pytest.mark.slow
@settings(FUZZ, max_examples=examples(150))
@given(case=mutated(), command=st.sampled_from(["verify", "check"]))
def test_mutated_files_through_the_cli(case: tuple[str, str, str], command: str) -> None:
    with _repository() as root:
        claim, source = _write_case(root, case)
        args = [str(claim)] if command == "verify" else [str(claim), str(source)]
        _cli(command, *args, files=(claim, source))


# --- (c) random bytes --------------------------------------------------------------------


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """Random bytes, or a valid claim with bytes inserted, flipped or cut."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=3_000))
    raw = bytearray(TEXTS["claim"].encode())
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(raw) - 1))
        edit = draw(st.sampled_from(["insert", "flip", "cut"]))
        if edit == "insert":
            raw[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif edit == "flip":
            raw[at] ^= draw(st.integers(1, 255))
        else:
            del raw[at : at + draw(st.integers(1, 40))]
    prefix = draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00"]))
    return prefix + bytes(raw)


@pytest.mark.slow
@settings(FUZZ, max_examples=examples(300))
@given(raw=damaged())
def test_random_bytes_read_or_fail_cleanly(raw: bytes) -> None:
    with _repository() as root:
        path = root / "claim.yaml"
        path.write_bytes(raw)
        _read(path)
        _load_and_judge(path)


@pytest.mark.slow
@settings(FUZZ, max_examples=examples(60))
@given(raw=damaged(), command=st.sampled_from(["verify", "check"]))
def test_random_bytes_through_the_cli(raw: bytes, command: str) -> None:
    with _repository() as root:
        path = root / "claim.yaml"
        path.write_bytes(raw)
        _cli(command, str(path), files=(path,))


# --- numbers and the two parsers ---------------------------------------------------------

NUMBER_TEXT = st.text(
    st.sampled_from(list("0123456789,. '-+$€%kmbnt ilo\u00a0\u2212\uff11\u0661e_x:")),
    max_size=80,
)


@pytest.mark.slow
@settings(FUZZ, max_examples=examples(500))
@given(text=st.one_of(NUMBER_TEXT, TEXT, st.sampled_from(WEIRD_NUMBERS)))
def test_number_strings_parse_or_fail_with_the_accepted_forms(text: str) -> None:
    with hang_guard(PER_EXAMPLE):
        try:
            number = parse_number(text)
        except NumberFormatError as error:
            assert str(error)
            return
    assert number.value.is_finite() and number.precision > 0
    assert abs(number.value) <= Decimal(10) ** 18


def _comparable(parsed: Any) -> tuple[Any, ...]:
    document, problems, top = parsed
    where = None if top is None else (top.line, top.column)
    formatted = sorted(problem.format() for problem in problems)
    if problems:  # marks are kept only while a file can still be valid
        return document.data, formatted, where
    return document.data, formatted, where, document.value_marks, document.key_marks


@pytest.mark.slow
@settings(FUZZ, max_examples=examples(500))
@given(data=DOCUMENTS, edit=st.sampled_from(["none", "alias", "duplicate", "tag", "merge"]))
def test_the_fast_parser_reads_what_the_node_parser_reads(data: Any, edit: str) -> None:
    """libyaml's events (_read_events) and composed nodes (_read_nodes) agree exactly."""
    text = _dump(data)
    if edit == "alias":
        text = "anchor: &a [1, {b: 2}]\n" + text.replace(": ", ": *a\n_: ", 1)
    elif edit == "duplicate":
        text = text + text
    elif edit == "tag":
        text = text.replace(": ", ": !!python/object:os.system ", 1)
    elif edit == "merge":
        text = "base: &b {x: 1}\n<<: *b\n" + text
    path = Path("fuzz.yaml")
    try:
        fast = _read_events(path, text)
    except InputError:
        return  # libyaml's nesting limit: reported without the node parser
    if fast is None:
        return  # broken YAML: the node parser words the error (as before)
    slow = _read_nodes(path, text)
    assert _comparable(fast) == _comparable(slow)
