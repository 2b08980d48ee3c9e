"""YAML 1.1's numbers nobody wrote: refused where a number or a count is expected.

PyYAML reads YAML 1.1, where `0325000` is an octal number (109,056), `3:1` a base-60 one
(181) and `yes`, `no`, `on`, `off` are booleans, which a count takes for 1 and 0. The
readers keep such scalars as the text written and note where each stands
(Document.yaml11); here each one that stands where the model expects a number becomes a
problem that says what YAML read and how to write the number. Where text is expected
(`page: 012`, `venue: 10:30`, `id: 007`), the text written is what the file means.
"""

from __future__ import annotations

import types
import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from factcheck.errors import Problem
from factcheck.load.document import Document, KeyPath
from factcheck.load.scalars import yaml11_reading

CODE = "FC205"


def yaml11_problems(document: Document, model: type[BaseModel], prefix: KeyPath) -> list[Problem]:
    """A problem for each YAML 1.1 reading under prefix that stands where a number is due."""
    problems = []
    for key_path, written in document.yaml11:
        if key_path[: len(prefix)] != prefix:
            continue
        if _expects_number(_annotation_at(model, key_path[len(prefix) :])):
            problems.append(document.problem(key_path, message(written), CODE))
    return problems


def message(written: str) -> str:
    """What YAML 1.1 read, and how to write the number."""
    reading = yaml11_reading(written)
    if isinstance(reading, bool):
        return (
            f"{written} is read by YAML as the boolean {str(reading).lower()}, not a number; "
            "write the number itself"
        )
    read = "" if reading is None else f" (as {reading:,})"
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


def _expects_number(annotation: Any) -> bool:
    """A field that takes an int or a Decimal, and neither text nor a boolean."""
    kinds = set(_flat(annotation))
    numeric = bool(kinds & {int, Decimal})
    return numeric and not kinds & {str, bool}


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
