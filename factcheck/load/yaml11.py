"""YAML 1.1's numbers nobody wrote: refused where a number or a count is expected.

PyYAML reads YAML 1.1, where `0325000` is an octal number (109,056), `3:1` a base-60 one
(181) and `yes`, `no`, `on`, `off` are booleans, which a count takes for 1 and 0. The
readers keep such scalars as the text written and note where each stands
(Document.yaml11); here each one that stands where the model expects a number becomes a
problem that says what YAML read and how to write the number. Where text is expected
(`page: 012`, `venue: 10:30`, `id: 007`), the text written is what the file means.
"""

from __future__ import annotations

import enum
import types
import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from factcheck.errors import Problem
from factcheck.load.document import Document, KeyPath
from factcheck.load.scalars import yaml11_reading

CODE = "FC205"
# The words PyYAML reads as booleans besides true and false (which mean to be booleans).
_WORDS = frozenset({"yes", "no", "on", "off"})


def yaml11_problems(document: Document, model: type[BaseModel], prefix: KeyPath) -> list[Problem]:
    """A problem for each YAML 1.1 reading under prefix that stands where a number is due."""
    problems = []
    for key_path, written in document.yaml11:
        if key_path[: len(prefix)] != prefix:
            continue
        kinds = _flat(_annotation_at(model, key_path[len(prefix) :]))
        if _expects_number(kinds):
            problems.append(document.problem(key_path, message(written), CODE))
        elif written.lower() in _WORDS and _expects_words(kinds):
            # `venue: no`, `expect: off`: a word YAML 1.1 takes for a boolean, where a word
            # is due (elsewhere, as in `date: yes`, the field's own message says more)
            problems.append(document.problem(key_path, message(written, number=False), CODE))
    return problems


def message(written: str, *, number: bool = True) -> str:
    """What YAML 1.1 read, and how to write the number (or the word)."""
    reading = yaml11_reading(written)
    if isinstance(reading, bool):
        how = (
            ", not a number; write the number itself"
            if number
            else f"; write it in quotes, '{written}', for the word"
        )
        return f"{written} is read by YAML as the boolean {str(reading).lower()}{how}"
    read = "" if reading is None else f" (as {reading:,})"
    if written.lstrip("+-")[:2].lower() in ("0x", "0b"):
        base = "hexadecimal" if "x" in written.lower() else "binary"
        return f"{written} is read by YAML as a {base} number{read}; write the number in digits"
    if ":" in written:
        return (
            f"{written} is read by YAML 1.1 as a number in base 60{read}, as a time of day "
            "would be; write the one number meant (a ratio of 3:1 as 3)"
        )
    sign = "-" if written.startswith("-") else ""
    digits = written.lstrip("+-").replace("_", "").lstrip("0") or "0"
    return (
        f"{written} has a leading zero, so YAML 1.1 reads it as an octal number{read}; "
        f"write {sign}{digits}"
    )


def _annotation_at(model: type[BaseModel], loc: KeyPath) -> Any:
    """The declared type of the field at loc in model (list items followed), or None."""
    annotation: Any = model
    for part in loc:
        if isinstance(part, int):
            annotation = next(
                (_item(arg) for arg in _flat(annotation) if _item(arg) is not None), None
            )
            continue
        owner = next((t for t in _flat(annotation) if _is_model(t)), None)
        field = owner.model_fields.get(part) if owner is not None else None
        if field is None:
            return None
        annotation = field.annotation
    return annotation


def _expects_number(kinds: list[Any]) -> bool:
    """A field that takes an int or a Decimal, and neither text nor a boolean."""
    found = set(kinds)
    return bool(found & {int, Decimal}) and not found & {str, bool}


def _expects_words(kinds: list[Any]) -> bool:
    """A field that takes text or one of a set of words (an Enum), and no boolean."""
    found = set(kinds)
    words = str in found or any(isinstance(k, type) and issubclass(k, enum.Enum) for k in found)
    return words and bool not in found


def _flat(annotation: Any) -> list[Any]:
    """The plain types a field annotation admits: through Annotated, unions and Optional."""
    if annotation is None:
        return []
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _flat(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        return [kind for arg in typing.get_args(annotation) for kind in _flat(arg)]
    return [annotation]


def _item(annotation: Any) -> Any:
    """The item type of list[X], else None."""
    if typing.get_origin(annotation) is list:
        return typing.get_args(annotation)[0]
    return None


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)
