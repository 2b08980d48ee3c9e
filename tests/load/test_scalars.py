"""load/scalars.py: scalars as PyYAML resolves them, numbers exact, odd ones left as text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.load import read_document
from factcheck.load.scalars import TAG, implicit_tag, scalar_value


def test_yaml_floats_are_exact_decimals(tmp_path: Path) -> None:
    path = tmp_path / "floats.yaml"
    path.write_text("a: 19947304555212.49\nb: 0.1\nc: 1_000.5\n", encoding="utf-8")
    assert read_document(path).data == {
        "a": Decimal("19947304555212.49"),
        "b": Decimal("0.1"),
        "c": Decimal("1000.5"),
    }


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0),
        ("325000", 325000),
        ("-12", -12),
        ("+7", 7),
        ("0o17", "0o17"),  # YAML 1.1 has no 0o: a string
        ("017", "017"),  # octal in YAML 1.1 (15): kept as written (load/yaml11.py)
        ("0x1f", "0x1f"),  # hexadecimal (31): kept as written
        ("1_000", 1000),
        ("1:30", "1:30"),  # base 60 in YAML 1.1 (90): kept as written
        ("1" * 65, "1" * 65),  # too long to be a number: left as text
    ],
)
def test_ints_are_what_pyyaml_makes_of_them(text: str, value: object) -> None:
    assert scalar_value(implicit_tag(text, plain=True), text) == value


def test_other_scalars() -> None:
    assert scalar_value(implicit_tag("yes", plain=True), "yes") is True
    assert scalar_value(implicit_tag("~", plain=True), "~") is None
    assert scalar_value(implicit_tag("2024-02-30", plain=True), "2024-02-30") == "2024-02-30"
    assert scalar_value(implicit_tag("2024-02-29", plain=True), "2024-02-29") == dt.date(
        2024, 2, 29
    )
    assert scalar_value(implicit_tag(".inf", plain=True), ".inf") == ".inf"
    assert implicit_tag("123", plain=False) == f"{TAG}str"  # quoted: text


@pytest.mark.parametrize("text", ["a: !!bool maybe\n", "a: !!timestamp soon\n"])
def test_an_explicit_tag_on_a_value_it_cannot_read_leaves_text(text: str, tmp_path: Path) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text(text, encoding="utf-8")
    assert read_document(path).data == {"a": text.split()[-1]}
