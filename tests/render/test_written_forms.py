"""Every output shows a number as its writer wrote it, with the normalised value beside it,
and writes every number in plain notation (issue 14, items 1 and 5)."""

from __future__ import annotations

import json
import re
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import audit
from factcheck.models import Audit
from factcheck.numbers import plain
from factcheck.render.registry import View, audits_renderer, names
from factcheck.wording import claim_number, number, reader_amount
from factcheck.written import says_more
from tests.conftest import CaseWriter, examples

# (written, unit or None for the unit the writing implies, value, normalised as shown)
FORMS = [
    ("220 crore", "people", Decimal(2_200_000_000), "2,200,000,000"),
    ("1,02,74,10,872", "people", Decimal(1_027_410_872), "1,027,410,872"),
    ("half a million", "people", Decimal(500_000), "500,000"),
    ("a dozen", "people", Decimal(12), "12"),
    ("2.1m", "people", Decimal(2_100_000), "2,100,000"),
    ("R17.3bn", None, Decimal(17_300_000_000), "17,300,000,000"),
    ("A$3.4 billion", None, Decimal(3_400_000_000), "3,400,000,000"),
    ("Ksh 1.2 billion", None, Decimal(1_200_000_000), "1,200,000,000"),
    ("₹2,000 crore", None, Decimal(20_000_000_000), "20,000,000,000"),
    ("one in four", None, Decimal(25), "25"),
    ("three times", None, Decimal(3), "3"),
]


def _audit(write_case: CaseWriter, written: str, unit: str | None, value: Decimal) -> Audit:
    claim_unit = {"unit": unit} if unit else {}
    figure_unit = unit or {"one in four": "percent", "three times": "ratio"}.get(written)
    figure = {"id": "total", "value": str(value), "described_as": ["lost"]}
    if figure_unit:
        figure["unit"] = figure_unit
    else:  # money: the figure in the currency the claim's mark implies
        figure["value"] = written
    path = write_case([figure], text=f"They lost {written} last year.", value=written, **claim_unit)
    if unit is None:  # the claim's unit comes from its value: drop the writer's default
        text = path.read_text(encoding="utf-8").replace("unit: people\n", "")
        path.write_text(text, encoding="utf-8")
    return audit(path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\\", "").split())  # Markdown's escapes are not the text


def _shows_as_written(fmt: str, output: str, written: str, shown: str, found: Audit) -> None:
    """The terminal writes the number as written and in full beside it; the published
    formats as written beside the amount as readers write it ("220 crore (2.2 billion
    people)"), or once where the two agree ("R17.3bn"); ClaimReview quotes the claim."""
    flat = _flat(output)
    assert written in flat, fmt  # the claim's words, and the value as written
    if fmt == "rich" and says_more(written, shown):
        assert f"{written} ({shown}" in flat
    elif fmt in ("markdown", "html"):
        claim = found.claim
        bare = reader_amount(claim.value, claim.unit, counted=False)
        if says_more(written, bare):
            assert f"{written} ({bare}" in flat, fmt


@pytest.mark.parametrize(("written", "unit", "value", "shown"), FORMS, ids=[f[0] for f in FORMS])
def test_every_format_shows_the_number_as_written_and_normalised(
    write_case: CaseWriter,
    tmp_path: Path,
    written: str,
    unit: str | None,
    value: Decimal,
    shown: str,
) -> None:
    found = _audit(write_case, written, unit, value)
    assert found.claim.value == value
    for fmt in names("audits"):
        output = audits_renderer(fmt)([found], View(single=True, root=tmp_path))
        if fmt in ("json", "jsonl"):
            data = json.loads(output.splitlines()[0] if fmt == "jsonl" else output)
            assert data["claim"]["value_as_written"] == written
            assert Decimal(str(data["claim"]["value"])) == value
            assert data["figures"][0]["value_as_written"] == found.figures[0].value_as_written
            assert data["figures"][0]["value_as_written"] in (written, str(value))
            continue
        _shows_as_written(fmt, output, written, shown, found)


# --- plain notation (item 5): no "1E+2" anywhere ----------------------------------------

_EXPONENT = re.compile(r"\d[Ee][+-]?\d")


@pytest.mark.parametrize("unit", ["ratio", "percent", "people"])
@pytest.mark.parametrize("value", [100, 1000, 10, "1e2"])
def test_every_format_writes_plain_numbers(
    write_case: CaseWriter, tmp_path: Path, unit: str, value: object
) -> None:
    figure = {"id": "f", "value": 7, "unit": "apples", "described_as": ["lost"]}
    claimed = 100 if value == "1e2" else value
    path = write_case([figure], text=f"They lost {claimed}.", value=claimed, unit=unit)
    found = audit(path)
    for fmt in names("audits"):
        output = audits_renderer(fmt)([found], View(single=True, root=tmp_path))
        assert not _EXPONENT.search(output), (fmt, output)


@settings(max_examples=examples(200))
@given(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.integers(min_value=-6, max_value=6),
    st.sampled_from(["ratio", "percent", "people"]),
)
def test_numbers_are_worded_in_plain_notation(digits: int, exponent: int, unit: str) -> None:
    value = Decimal(digits).scaleb(exponent)
    for text in (number(value), claim_number(value, unit), f"{plain(value)}"):
        assert not _EXPONENT.search(text), text


_MARKS = {"": "people", "R": "ZAR", "₹": "INR", "A$": "AUD", "£": "GBP", "Ksh ": "KES"}
_SCALES = {"": 0, " lakh": 5, " crore": 7, "m": 6, "bn": 9, " lakh crore": 12}


def _claim_in(root: Path, written: str, unit: str, value: Decimal) -> Path:
    """A claim that says `written` and a source whose one figure is its value."""
    (root / ".git").mkdir()
    (root / "sources").mkdir()
    (root / "claims").mkdir()
    figure = {"id": "total", "value": str(value), "unit": unit, "described_as": ["lost"]}
    source = {"id": "src", "title": "A", "publisher": "P", "published": "2024-01-01"}
    (root / "sources" / "src.yaml").write_text(yaml.safe_dump({**source, "figures": [figure]}))
    claim = {
        **{"id": "c", "text": f"They lost {written}.", "speaker": "S", "date": "2024-06-01"},
        **{"value": written, "unit": unit, "asserts": "lost", "sources": ["../sources/src.yaml"]},
    }
    path = root / "claims" / "c.yaml"
    path.write_text(yaml.safe_dump(claim, allow_unicode=True))
    return path


@settings(max_examples=examples(8), deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=2),
    st.sampled_from(sorted(_MARKS)),
    st.sampled_from(sorted(_SCALES)),
)
def test_written_forms_round_trip_through_every_format(
    mantissa: int, places: int, mark: str, scale: str
) -> None:
    digits = Decimal(mantissa).scaleb(-places)
    written = f"{mark}{digits}{scale}"
    value = plain(digits.scaleb(_SCALES[scale]))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        found = audit(_claim_in(root, written, _MARKS[mark], value))
        assert (found.claim.value, found.claim.value_as_written) == (value, written)
        for fmt in names("audits"):
            output = audits_renderer(fmt)([found], View(single=True, root=root))
            if fmt in ("json", "jsonl"):
                claim = json.loads(output.splitlines()[0] if fmt == "jsonl" else output)["claim"]
                assert claim["value_as_written"] == written
                assert Decimal(str(claim["value"])) == value
                continue
            _shows_as_written(fmt, output, written, number(value), found)
