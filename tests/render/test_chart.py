"""render/chart.py: bars in proportion, shaded by what the source says, with words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.judge import Settings, judge
from factcheck.load import load_claim
from factcheck.models import Audit
from factcheck.render.chart import BARS_FROM, BARS_WIDTH, Chart, chart
from factcheck.render.reader import Reader
from tests.conftest import REPO, CaseWriter
from tests.render.library import library_case


def audit(path: Path | str) -> Audit:
    return judge(load_claim(Path(path)), Settings())


def chart_of(path: Path | str) -> Chart:
    found = chart(Reader(audit(path)))
    assert found is not None
    return found


def widths(found: Chart, key: str) -> list[float]:
    (row,) = [row for row in found.rows if row.key == key]
    return [segment.width for segment in row.segments]


def test_the_seed_bars_are_in_proportion(in_repo: Path) -> None:
    found = chart_of("claims/trump-2024-09-23-325k-migrant-children.yaml")
    (claimed,) = widths(found, "claimed")
    no_nta, failed = widths(found, "reproduced")
    (some,) = widths(found, "supported")
    assert claimed == BARS_WIDTH  # 325,000 is the largest amount
    assert no_nta / claimed == pytest.approx(291_000 / 325_000)
    assert failed / claimed == pytest.approx(32_000 / 325_000)
    # The source says "lost" of some of those 32,000, of which 53.9% of the days fall in the
    # period the claim attributes (rule D): 17,244 of the 323,000.
    assert some / claimed == pytest.approx(17_244 / 325_000)
    shades = [[s.shade for s in row.segments] for row in found.rows]
    assert shades == [["claimed"], ["none", "some"], ["some"]]
    assert [text for _, text in found.legend] == [
        "claimed",
        "counted as lost of some",
        "not counted as lost",
    ]
    assert found.description == (
        "Claimed: more than 325,000 children. Reproduced: 323,000 children, from children not "
        "served a Notice to Appear (more than 291,000, not counted as lost) plus children who "
        "failed to appear in immigration court (more than 32,000, counted as lost of some). "
        "Counted as \u201clost\u201d: at most 17,244 (5.3% of the reproduced 323,000 children "
        "within the period the claim attributes)."
    )


def test_a_subtracted_figure_is_drawn_over_the_part_it_takes_away(tmp_path: Path) -> None:
    # Said to the unit, $2 billion is reproduced only by the total less its debt service
    # (said bare, the $2.4bn total alone rounds to it, rule B1, and comes first).
    # The edited claim goes into a copy of the repository, never into its claims/: a batch
    # over claims/ running beside this test (another xdist worker) would count it.
    (tmp_path / ".git").mkdir()
    shutil.copytree(REPO / "sources", tmp_path / "sources")
    shipped = (REPO / "claims" / "illustrative-rivertown-2bn-without-debt.yaml").read_text()
    claim = tmp_path / "claims" / "rivertown-to-the-unit.yaml"
    claim.parent.mkdir()
    claim.write_text(shipped.replace('value: "$2 billion"', "value: 2000000000\nprecision: 1"))
    found = chart_of(claim)
    (row,) = [row for row in found.rows if row.key == "reproduced"]
    total, debt = row.segments
    assert (total.shade, debt.shade) == ("all", "subtracted")
    assert total.x == BARS_FROM and total.width == BARS_WIDTH  # $2.4bn is the largest
    assert debt.x + debt.width == pytest.approx(total.x + total.width)  # at the end
    assert debt.width / total.width == pytest.approx(0.4 / 2.4)
    (claimed,) = widths(found, "claimed")
    assert claimed == pytest.approx(debt.x - BARS_FROM)  # what remains is the claim


def test_a_ratio_is_one_bar_of_its_size(in_repo: Path) -> None:
    found = chart_of("claims/illustrative-usbp-fell-47pct-in-april-2020.yaml")
    (claimed,) = widths(found, "claimed")
    (reproduced,) = widths(found, "reproduced")
    assert claimed == BARS_WIDTH
    assert reproduced / claimed == pytest.approx(46.750469 / 47, rel=1e-6)
    assert [row.text for row in found.rows] == [
        "fall of 47%",
        "-46.8%",
        "46.8% (100.0% of the reproduced -46.8%)",
    ]


def test_nothing_said_is_an_empty_row_in_words(write_case: CaseWriter) -> None:
    path = write_case(
        [{"id": "a", "value": 5, "unit": "people", "described_as": ["counted"]}], value=5
    )
    found = chart_of(path)
    (row,) = [row for row in found.rows if row.key == "supported"]
    assert row.segments == [] and row.text == "none (0.0% of the reproduced 5 people)"


def test_a_claim_nothing_reproduces_has_no_chart(in_repo: Path) -> None:
    assert chart(Reader(audit("claims/illustrative-ice-lost-85k-children.yaml"))) is None


def test_a_tiny_amount_stays_visible(write_case: CaseWriter) -> None:
    figures = [
        {"id": "big", "value": 1_000_000, "unit": "people", "described_as": ["lost"]},
        {"id": "tiny", "value": 1, "unit": "people", "described_as": ["lost"]},
    ]
    found = chart_of(write_case(figures, value=1_000_001, max_terms=2))
    assert min(widths(found, "reproduced")) >= 1


def test_the_said_so_share_is_of_the_reproduced_value(write_case: CaseWriter) -> None:
    # rule A3: $4.5m of $11.9m is 37.8%; of the claimed $12m it would read 37.5%. The source
    # says "reduced", which counts as "slashed": the chart never says it said "slashed".
    found = chart_of(library_case(write_case))
    (row,) = [row for row in found.rows if row.key == "supported"]
    assert row.name == "Counted as \u201cslashed\u201d"
    assert row.text == "$4.5 million (37.8% of the reproduced $11.9 million)"
    assert found.title == "Claimed, reproduced and counted as \u201cslashed\u201d"
    assert [text for _, text in found.legend] == [
        "claimed",
        "counted as slashed",
        "not counted as slashed",
    ]
    assert "of the claim" not in found.description


def test_the_claims_own_word_is_said(write_case: CaseWriter) -> None:
    figures = [{"id": "a", "value": 5, "unit": "people", "described_as": ["were lost"]}]
    found = chart_of(write_case(figures, value=5))
    assert found.rows[-1].name == "Said \u201clost\u201d"
