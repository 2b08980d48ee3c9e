"""Overlapping figures and superseded figures (judge/relations.py, issue 14 items 3-4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from factcheck.judge.relations import Caps
from factcheck.load import load_claim
from factcheck.models import Verdict
from tests.judge.cases import basis, judged, kinds

REPO = Path(__file__).resolve().parents[2]


def _write(tmp_path: Path, source: dict[str, Any], claim: dict[str, Any]) -> Path:
    (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
    (tmp_path / "s.yaml").write_text(yaml.safe_dump(source), encoding="utf-8")
    path = tmp_path / "c.yaml"
    base = {"id": "c", "text": "t", "speaker": "S", "sources": ["s.yaml"]}
    path.write_text(yaml.safe_dump({**base, **claim}), encoding="utf-8")
    return path


def _lists(**extra: Any) -> dict[str, Any]:
    def figure(fid: str, value: int, **more: Any) -> dict[str, Any]:
        return {"id": fid, "value": value, "unit": "patients", "described_as": ["waiting"], **more}

    return {
        "id": "s",
        "title": "T",
        "publisher": "P",
        "published": "2022-08-30",
        "figures": [
            figure("tests", 157289, **extra),
            figure("outpatients", 451020),
            figure("inpatients", 139584),
        ],
        "statements": [
            {"id": "warn", "text": "The same patient can appear on more than one list."}
        ],
    }


CLAIM = {"date": "2022-09-25", "value": 700000, "qualifier": "more_than", "unit": "patients"}


def test_a_sum_of_overlapping_figures_is_at_most_misleading(tmp_path: Path) -> None:
    plain = judged(_write(tmp_path, _lists(), {**CLAIM, "asserts": "waiting"}))
    assert plain.verdict is Verdict.supported
    related = _lists(overlaps=["outpatients", "inpatients"], overlap_statement="warn")
    capped = judged(_write(tmp_path, related, {**CLAIM, "asserts": "waiting"}))
    assert capped.verdict is Verdict.misleading
    assert basis(capped).band is Verdict.misleading
    note = next(n for n in capped.notes if n.kind == "overlap")
    assert '"The same patient can appear on more than one list."' in note.message
    assert "upper bound" in capped.summary


def test_overlap_reaches_the_parts_and_not_a_single_figure(tmp_path: Path) -> None:
    source = _lists(overlaps=["outpatients"])
    source["figures"].append(
        {
            "id": "tests_part",
            "value": 100,
            "unit": "patients",
            "part_of": "tests",
            "described_as": ["waiting"],
        }
    )
    exact = {**CLAIM, "qualifier": "exact", "tolerance": 0, "asserts": "waiting"}
    result = judged(_write(tmp_path, source, {**exact, "value": 451120}))
    assert sorted(t.figure for t in basis(result).terms) == ["outpatients", "tests_part"]
    assert result.verdict is Verdict.misleading  # a part of one list beside the other
    alone = judged(_write(tmp_path, source, {**exact, "value": 451020}))
    assert alone.verdict is Verdict.supported and "overlap" not in kinds(alone)


def _releases(newer_published: str = "2021-11-30") -> dict[str, Any]:
    def stock(fid: str, value: int, as_of: str, **more: Any) -> dict[str, Any]:
        return {
            "id": fid,
            "value": value,
            "unit": "jobs",
            "series": "employed",
            "as_of": as_of,
            "described_as": ["employed"],
            **more,
        }

    return {
        "id": "s",
        "title": "T",
        "publisher": "P",
        "published": "2021-08-24",
        "figures": [
            stock("q1_2020", 16383000, "2020-03-31"),
            stock("q2_2021", 14942000, "2021-06-30", superseded_by="q3_2021"),
            stock("q3_2021", 14282000, "2021-09-30", published=newer_published),
        ],
    }


JOBS = {"value": "1.5 million", "qualifier": "about", "unit": "jobs", "asserts": "lost"}


def test_a_stale_basis_is_capped_and_judged_on_the_newer_figure(tmp_path: Path) -> None:
    result = judged(_write(tmp_path, _releases(), {**JOBS, "date": "2022-01-08"}))
    assert [t.figure for t in basis(result).terms] == ["q1_2020", "q2_2021"]
    assert result.verdict is Verdict.misleading
    note = next(n for n in result.notes if n.kind == "revision")
    assert "14,942,000" in note.message and "14,282,000" in note.message
    assert "2,101,000" in note.message
    assert "('understated')" in result.summary


def test_a_claim_made_before_the_revision_is_not_capped(tmp_path: Path) -> None:
    result = judged(_write(tmp_path, _releases(), {**JOBS, "date": "2021-11-30"}))
    assert result.verdict is Verdict.supported
    assert "revision" not in kinds(result)


def test_the_newer_figure_can_make_it_overstated(tmp_path: Path) -> None:
    source = _releases()
    source["figures"][2]["value"] = 15642000  # the fall shrinks to 741,000 on revision
    result = judged(_write(tmp_path, source, {**JOBS, "date": "2022-01-08"}))
    assert result.verdict is Verdict.overstated
    assert "741,000" in result.summary


def test_the_example_claims_of_issue_14() -> None:
    for name, verdict in [
        ("sarwar-2022-09-25-more-than-700000-waiting", Verdict.misleading),
        ("ramaphosa-2022-01-08-around-1-5-million-jobs-lost", Verdict.misleading),
        ("durkan-2019-09-07-ni-waiting-lists-100-times-englands", Verdict.supported),
    ]:
        assert judged(REPO / "claims" / f"{name}.yaml").verdict is verdict


def test_a_chain_of_revisions_is_followed_to_the_newest_before_the_claim(tmp_path: Path) -> None:
    source = _releases()
    source["figures"][2]["superseded_by"] = "q3_2021_revised"
    source["figures"].append(
        {
            "id": "q3_2021_revised",
            "value": 14300000,
            "unit": "jobs",
            "series": "employed_r",
            "as_of": "2021-09-30",
            "published": "2022-02-01",
        }
    )
    path = _write(tmp_path, source, {**JOBS, "date": "2022-01-08"})
    caps = Caps(load_claim(path))
    assert caps.revisions["q2_2021"].newer.figure.id == "q3_2021"  # the 2022 one came later
    later = Caps(load_claim(_write(tmp_path, source, {**JOBS, "date": "2022-03-01"})))
    assert later.revisions["q2_2021"].newer.figure.id == "q3_2021_revised"
    assert later.touches(["q2_2021"]) and not later.touches(["q1_2020"])
