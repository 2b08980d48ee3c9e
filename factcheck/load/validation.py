"""Validation against the models, every pydantic error turned into a located Problem.

pydantic says what is wrong in its own words and places (with branch labels such as
'function-after[...]'); here each error becomes one line in the file's terms: the key path
as the file writes it, its line and column, a "did you mean" for a typo'd key.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from factcheck.errors import InputError, Problem
from factcheck.load.document import Document, KeyPath, shown
from factcheck.load.limits import MAX_PROBLEMS, capped
from factcheck.load.yaml11 import yaml11_problems
from factcheck.lookalike import difference, lookalike_note, skeleton
from factcheck.numbers import NumberFormatError, check_range

ModelT = TypeVar("ModelT", bound=BaseModel)

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
    # YAML 1.1's octal, base-60 and boolean readings say best what is wrong where they stand
    misread = yaml11_problems(document, model, prefix) if document.yaml11 else []
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
        mine = {problem.key_path for problem in misread}
        found = [*misread, *(problem for problem in found if problem.key_path not in mine)]
        taken = {problem.key_path for problem in found}
        found.extend(problem for problem in problems if problem.key_path not in taken)
        found = _without_typo_echoes(found)
        raise InputError(capped(found, more=max(0, len(errors) - 4 * MAX_PROBLEMS))) from None
    if problems or misread:
        raise InputError(capped([*misread, *problems]))
    return result


def _without_typo_echoes(problems: list[Problem]) -> list[Problem]:
    """A typo'd key is one problem: drop "missing 'speaker'" beside "unknown 'speakr' (did
    you mean 'speaker'?)" in the same mapping."""
    suggested = set()
    for problem in problems:
        for lead in ("(did you mean '", "(it looks like '"):
            if problem.code == "FC202" and lead in problem.message:
                key = problem.message.split(lead, 1)[1].split("'", 1)[0]
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
        hint = lookalike_note(str(loc[-1]), allowed)
        suggestion = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        if suggestion and not hint:
            hint = f" (did you mean {suggestion[0]!r}?)"
        return document.problem(
            full,
            f"unknown key {shown(str(loc[-1]))}{hint}; expected one of: {', '.join(allowed)}",
            "FC202",
            key=True,
        )
    got = _describe_input(error.get("input"))
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        hint = _lookalike_word(error.get("input"), re.findall(r"'([^']*)'", str(expected)))
        return document.problem(full, f"expected one of {expected}, got {got}{hint}", "FC203")
    if kind == "string_pattern_mismatch":
        return document.problem(
            full,
            f"{got} is not a valid id: use lowercase letters, digits and "
            f"{'_' if 'figures' in full or 'statements' in full else '. _ -'} "
            f"(pattern {error.get('ctx', {}).get('pattern', '')}){_foreign_letters(error)}",
            "FC204",
        )
    if kind in _IMPOSSIBLE_DATE and re.match(r"\d{4}-\d\d?-\d\d?", str(error.get("input"))):
        return document.problem(full, f"{got} is not a real date (YYYY-MM-DD)", "FC111")
    if kind.startswith("date") and not isinstance(error.get("input"), str | dt.date):
        return document.problem(full, _not_a_date(error.get("input")), "FC203")
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
    # A field no file may write (the value as written, set from `value`) is no key to offer.
    return [name for name, field in current.model_fields.items() if not field.exclude]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _lookalike_word(value: Any, words: list[str]) -> str:
    """A hint for a word that is not one of `words`: letters that only look alike, the
    word written with spaces ("more than" for more_than), or a close spelling."""
    if not isinstance(value, str):
        return ""
    note = lookalike_note(value, words)
    if note or len(value) > 100:
        return note
    plain = re.sub(r"[\s-]+", "_", value.strip().casefold())
    close = [plain] if plain in words else difflib.get_close_matches(plain, words, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _foreign_letters(error: Mapping[str, Any]) -> str:
    """For an id with letters that only look like ASCII ones: which, by code point."""
    value = error.get("input")
    if not isinstance(value, str) or value.isascii() or len(value) > 200:
        return ""
    plain = skeleton(value)
    pattern = str(error.get("ctx", {}).get("pattern", ""))
    if plain == value or not re.fullmatch(pattern, plain):
        return ""
    return f" (it looks like the valid id {plain!r} but is not: {difference(value, plain)})"


def _not_a_date(value: Any) -> str:
    """For `date: 20240923`, which YAML reads as a number: how dates are written."""
    digits = str(value) if isinstance(value, int | Decimal) and not isinstance(value, bool) else ""
    example = "2024-09-23"
    if re.fullmatch(r"\d{8}", digits):
        with contextlib.suppress(ValueError):
            example = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
    return (
        f"expected a date, got {_describe_input(value)}: dates are written YYYY-MM-DD, "
        f"with the dashes ({example})"
    )


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
