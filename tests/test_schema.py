"""The JSON Schemas: shipped copies are fresh, examples validate, broken files do not."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factcheck.check import file_kind
from factcheck.load import read_document
from factcheck.schema import DIALECT, Kind, json_schema, render_schema, schema_file_name
from tests.conftest import REPO, assert_golden

EXAMPLES = sorted(
    path
    for folder in ("claims", "sources", "tests/cases/valid", "tests/cases/check/valid")
    for path in (REPO / folder).rglob("*.yaml")
)
SEED_CLAIM = REPO / "claims" / "trump-2024-09-23-325k-migrant-children.yaml"
SEED_SOURCE = REPO / "sources" / "dhs-oig-24-46.yaml"


def as_json(value: Any) -> Any:
    """What an editor sees: YAML dates are strings to it, numbers are numbers."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def validator(kind: Kind) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        json_schema(kind), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def errors(kind: Kind, instance: Any) -> list[str]:
    return [error.message for error in validator(kind).iter_errors(instance)]


def load(path: Path) -> dict[str, Any]:
    data = as_json(read_document(path).data)
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("kind", list(Kind))
@pytest.mark.parametrize("folder", ["schemas", "factcheck/data"])
def test_shipped_schemas_are_fresh(kind: Kind, folder: str) -> None:
    assert_golden(REPO / folder / schema_file_name(kind), render_schema(kind))


@pytest.mark.parametrize("kind", list(Kind))
def test_schema_is_a_2020_12_schema_in_the_package(kind: Kind) -> None:
    schema = json.loads((files("factcheck") / "data" / schema_file_name(kind)).read_text())
    assert schema["$schema"] == DIALECT
    assert schema["$id"] == f"urn:factcheck:schema:{kind.value}:v1"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_example_validates(path: Path) -> None:
    data = load(path)
    kind = file_kind(data)
    assert kind is not None
    assert errors(Kind(kind), data) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(REPO)))
def test_modelines_point_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    if match is None:
        assert "tests/cases/valid" in str(path)  # other engineers' fixtures carry none
        return
    kind = file_kind(load(path))
    assert (path.parent / match[1]).resolve() == REPO / "schemas" / f"{kind}.schema.json"


SHORTHANDS = [
    (Kind.claim, SEED_CLAIM, {"value": "325,000"}),
    (Kind.claim, SEED_CLAIM, {"value": "1.2 million"}),
    (Kind.claim, SEED_CLAIM, {"sources": "../sources/dhs-oig-24-46.yaml"}),
    (Kind.claim, SEED_CLAIM, {"also_asserts": "dead"}),
    (Kind.claim, SEED_CLAIM, {"also_asserts": None}),
    (Kind.claim, SEED_CLAIM, {"value": "12.5%", "unit": None}),
    (Kind.source, SEED_SOURCE, {"figures[0].part_of": "no_nta"}),
    (Kind.source, SEED_SOURCE, {"figures[0].described_as": "transferred"}),
    (Kind.source, SEED_SOURCE, {"figures[0].value": "$87bn", "figures[0].unit": None}),
    (Kind.source, SEED_SOURCE, {"figures[0].value": "R17.3bn", "figures[0].unit": "ZAR"}),
    (Kind.source, SEED_SOURCE, {"figures[0].value": "1,02,74,10,872"}),
    (Kind.claim, SEED_CLAIM, {"value": "220 crore"}),
    (Kind.claim, SEED_CLAIM, {"value": "a third", "unit": None}),
    (Kind.claim, SEED_CLAIM, {"value": "three times", "unit": None}),
    (Kind.source, SEED_SOURCE, {"figures[0].value": "86%", "figures[0].unit": None}),
]

BROKEN = [
    (Kind.claim, SEED_CLAIM, {"vlaue": 1}),
    (Kind.claim, SEED_CLAIM, {"value": None}),
    (Kind.claim, SEED_CLAIM, {"value": True}),
    (Kind.claim, SEED_CLAIM, {"unit": None}),
    (Kind.claim, SEED_CLAIM, {"qualifier": "roughly"}),
    (Kind.claim, SEED_CLAIM, {"id": "Not An Id"}),
    (Kind.claim, SEED_CLAIM, {"expect": True}),
    (Kind.claim, SEED_CLAIM, {"period": {"start": "2021-01-20"}}),
    (Kind.claim, SEED_CLAIM, {"max_terms": 0}),
    (Kind.source, SEED_SOURCE, {"publisher": None}),
    (Kind.source, SEED_SOURCE, {"figures[0].id": None}),
    (Kind.source, SEED_SOURCE, {"figures[0].describd_as": ["x"]}),
    (Kind.source, SEED_SOURCE, {"figures[0].described_as": [{"term": "x", "extent": "most"}]}),
    (Kind.source, SEED_SOURCE, {"published": "19 August 2024"}),
]


def case_id(value: object) -> str:
    """Test ids that read the same in every clone: paths relative to the repository."""
    return str(value.relative_to(REPO)) if isinstance(value, Path) else str(value)


def mutate(data: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Set (or with None, delete) keys; 'figures[0].x' reaches into the first figure."""
    data = json.loads(json.dumps(data))
    for key, value in changes.items():
        target = data
        if key.startswith("figures[0]."):
            target, key = data["figures"][0], key.removeprefix("figures[0].")
        if value is None and key != "also_asserts":
            target.pop(key, None)
        else:
            target[key] = value
    return data


@pytest.mark.parametrize(("kind", "path", "changes"), SHORTHANDS, ids=case_id)
def test_the_schema_accepts_what_the_models_accept(
    kind: Kind, path: Path, changes: dict[str, Any]
) -> None:
    from factcheck.models import Claim, Source

    data = mutate(load(path), changes)
    (Claim if kind is Kind.claim else Source).model_validate(data)  # the models accept it
    assert errors(kind, data) == []


@pytest.mark.parametrize(("kind", "path", "changes"), BROKEN, ids=case_id)
def test_the_schema_rejects_broken_files(kind: Kind, path: Path, changes: dict[str, Any]) -> None:
    from pydantic import ValidationError

    from factcheck.models import Claim, Source

    data = mutate(load(path), changes)
    with pytest.raises(ValidationError):
        (Claim if kind is Kind.claim else Source).model_validate(data)
    assert errors(kind, data) != []
