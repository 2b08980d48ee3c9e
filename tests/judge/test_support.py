"""support.py: bands by shares of a combination's own value (rule A3), prorated (rule D),
counted by the search from linear sums exactly as they are judged one by one."""

from __future__ import annotations

import copy
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.judge.audit import choose
from factcheck.judge.settings import resolve
from factcheck.judge.sums import SumCombinations
from factcheck.judge.support import Thresholds, clamped, share_of
from factcheck.load import load_claim
from factcheck.models import Verdict
from factcheck.search import ALL, search
from tests.conftest import examples
from tests.search.helpers import EVERYTHING

D = Decimal


def test_a_share_is_of_the_combinations_value_and_clamped() -> None:
    assert share_of(D(3_500_000), D(3_500_000)) == 1
    assert share_of(D(1029), D(1000)) == 1  # never above 100%
    assert share_of(D(-5), D(100)) == 0
    assert share_of(D(-90), D(-100)) == D("0.9")  # a negative value, supported alike
    assert share_of(D(10), D(0)) == 0  # a combination of nothing supports nothing
    assert clamped(D(100), D(-5), D(120)) == (D(0), D(100))


def test_the_band_of_the_carried_sums_turns_where_the_share_does() -> None:
    weigh = Thresholds.of_bands()
    assert (weigh.low, weigh.high) == (D("0.9"), D("0.5"))
    for value, low, high, band in [
        (D(100), D(90), D(90), Verdict.supported),
        (D(100), D("89.9"), D(100), Verdict.misleading),
        (D(100), D(0), D(50), Verdict.misleading),
        (D(100), D(0), D("49.9"), Verdict.false),
        (D(-100), D(-90), D(-90), Verdict.supported),
        (D(-100), D(-10), D(-60), Verdict.misleading),
    ]:
        wl, wh = weigh.pair(value, low, high)
        assert weigh.band(value, wl, wh) is band, (value, low, high)


FIGURE = st.fixed_dictionaries(
    {
        "value": st.integers(1, 90),
        "said": st.sampled_from([[], ["missing"], [{"term": "missing", "extent": "some"}]]),
        "kind": st.sampled_from(["plain", "plain", "flow", "stock", "part"]),
        "year": st.integers(2019, 2024),
    }
)


def _case(root: Path, drawn: list[dict[str, Any]], claim: dict[str, Any]) -> Path:
    figures = []
    for k, f in enumerate(drawn):
        figure: dict[str, Any] = {
            "id": f"f{k}", "value": f["value"], "unit": "people",
            "described_as": copy.deepcopy(f["said"]),  # shared objects would dump as aliases
        }  # fmt: skip
        if f["kind"] == "flow":
            figure["period"] = {"start": f"{f['year']}-03-01", "end": f"{f['year'] + 1}-02-28"}
        elif f["kind"] == "stock":
            figure.update(series="s", as_of=f"{f['year']}-{k % 12 + 1:02d}-01")
        elif f["kind"] == "part" and k:
            figure["part_of"] = "f0"
            figure["value"] = min(f["value"], drawn[0]["value"])
        figures.append(figure)
    (root / ".git").mkdir(exist_ok=True)
    source = {
        "id": "src",
        "title": "t",
        "publisher": "p",
        "published": "2024-01-01",
        "period": {"start": "2020-01-01", "end": "2023-12-31"},
        "figures": figures,
    }
    (root / "src.yaml").write_text(yaml.safe_dump(source, sort_keys=False))
    data = {"id": "c", "text": "t", "speaker": "s", "date": "2024-06-01", "unit": "people",
            "sources": ["src.yaml"], **claim}  # fmt: skip
    (root / "c.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    return root / "c.yaml"


@pytest.mark.slow  # a property test against the judge's own band, one match at a time
@settings(max_examples=examples(80))
@given(
    drawn=st.lists(FIGURE, min_size=1, max_size=7),
    value=st.integers(1, 200),
    asserts=st.sampled_from(["lost", "rose", "fell"]),
    period=st.sampled_from([None, {"start": "2021-06-01", "end": "2024-06-30"}]),
    max_terms=st.sampled_from([3, ALL]),
)
def test_the_search_counts_each_band_as_the_judge_bands_each_match(
    drawn: list[dict[str, Any]],
    value: int,
    asserts: str,
    period: dict[str, str] | None,
    max_terms: int | str,
) -> None:
    claim: dict[str, Any] = {"value": value, "precision": 1, "tolerance": 0.2, "asserts": asserts}
    if period:
        claim["period"] = period
    with tempfile.TemporaryDirectory() as folder:
        case = load_claim(_case(Path(folder), drawn, claim))
    rules = resolve(case, None, None)
    combos = choose(case, rules)
    assert isinstance(combos, SumCombinations)
    weights = combos.weights()
    assert weights is not None
    terms = ALL if max_terms == ALL else 3
    counted = search(
        combos.candidates, rules.target, max_terms=terms, weights=weights, top=EVERYTHING
    )
    judged = search(
        combos.candidates, rules.target, max_terms=terms, classify=combos.band, top=EVERYTHING
    )
    assert counted.counts == judged.counts
    for band, found in judged.found.items():
        assert [f.selection for f in counted.found[band]] == [f.selection for f in found]
