"""check_publishing.py: `check`'s warnings about what the published formats will show."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factcheck.check import check_paths
from factcheck.check_publishing import suggested_label
from factcheck.cli import app
from factcheck.errors import Problem
from tests.conftest import CaseWriter

CONFIGURED = (
    'review_url = "https://checks.example.org/{claim_id}"\n'
    '[publisher]\nname = "Checks"\nurl = "https://checks.example.org"\n'
)


def figure(ident: str, **extra: Any) -> dict[str, Any]:
    return {"id": ident, "value": 10, "unit": "people", "described_as": ["missing"], **extra}


@pytest.fixture
def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A claims repository with its publishing config, as the current directory."""
    (tmp_path / "factcheck.toml").write_text(CONFIGURED)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def codes(problems: list[Problem]) -> list[tuple[str, str, str]]:
    return [(Path(p.path).name, p.key_path, p.code) for p in problems]


def test_unlabelled_figures_that_can_reach_the_verdict_get_a_suggestion(
    configured: Path, write_case: CaseWriter
) -> None:
    path = write_case(
        [
            figure("gone", describes="children ICE could not locate, FY2019-FY2023"),
            figure("named", label="people named"),
            figure("money", unit="USD"),  # another unit: no sum for this claim can use it
        ],
        value=10,
        text="10 went missing.",
    )
    problems = check_paths([str(path)])
    assert codes(problems) == [("src.yaml", "figures[0]", "FC520")]
    (problem,) = problems
    assert problem.severity == "warning"
    assert "figure 'gone' can reach a verdict but has no `label`" in problem.message
    assert "for example `label: 'children ICE could not locate'`" in problem.message


def test_a_ratio_claim_can_use_figures_of_any_unit(
    configured: Path, write_case: CaseWriter
) -> None:
    figures = [figure("whole"), figure("part", value=5, part_of="whole", label="part")]
    path = write_case(figures, value="50%", unit="percent", text="Half of them, 50%.")
    assert codes(check_paths([str(path)])) == [("src.yaml", "figures[0]", "FC520")]


def test_a_series_is_reported_once(configured: Path, write_case: CaseWriter) -> None:
    months = [
        figure(
            f"m{month}",
            series="monthly",
            period={"start": f"2024-0{month}-01", "end": f"2024-0{month}-28"},
        )
        for month in (1, 2, 3)
    ]
    (problem,) = check_paths([str(write_case(months, value=30, text="30 went missing."))])
    assert problem.code == "FC520" and problem.key_path == "figures[0]"
    assert "the figures of series 'monthly' can reach a verdict but have no `label`" in (
        problem.message
    )


@pytest.mark.parametrize(
    ("describes", "label"),
    [
        ("children ICE did not serve a Notice to Appear, so without a court date", None),
        ("U.S. Border Patrol apprehensions at the southwest border, March 2020", None),
        ("payroll jobs (all sectors)", "payroll jobs"),
        ("", ""),
    ],
)
def test_a_suggested_label_is_the_descriptions_first_phrase(
    describes: str, label: str | None
) -> None:
    expected = describes.split(",")[0] if label is None else label
    assert suggested_label(describes) == expected


def test_a_claim_over_75_characters_is_flagged(configured: Path, write_case: CaseWriter) -> None:
    exactly = "Ten people went missing, " + "x" * 49 + "."
    assert len(exactly) == 75
    path = write_case([figure("gone", label="people")], value=10, text=exactly)
    assert check_paths([str(path)]) == []
    path = write_case([figure("gone", label="people")], value=10, text=exactly + " More.")
    (problem,) = check_paths([str(path)])
    assert (problem.code, problem.key_path, problem.severity) == ("FC521", "text", "warning")
    assert problem.message.startswith("the claim's text is 81 characters")


def test_no_config_is_one_warning_on_the_file_to_create(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_case: CaseWriter
) -> None:
    monkeypatch.chdir(tmp_path)
    path = write_case([figure("gone", label="people")], value=10, text="10 went missing.")
    problems = check_paths([str(path), str(path.parent)])
    assert [(p.path, p.code, p.line) for p in problems] == [("factcheck.toml", "FC522", 0)]
    assert problems[0].message.startswith(
        "review_url, publisher.name and publisher.url not set (no factcheck.toml yet: "
        "create it): ClaimReview then gives each review the URL '#<claim id>'"
    )
    # Sources alone publish nothing: no config is needed to check them.
    assert check_paths([str(tmp_path / "sources")]) == []


def test_a_partial_or_broken_config_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_case: CaseWriter
) -> None:
    monkeypatch.chdir(tmp_path)
    path = write_case([figure("gone", label="people")], value=10, text="10 went missing.")
    (tmp_path / "factcheck.toml").write_text('[publisher]\nname = "Checks"\n')
    (problem,) = check_paths([str(path)])
    assert problem.message.startswith("review_url and publisher.url not set: ")
    (tmp_path / "factcheck.toml").write_text("[publisher]\nnmae = 1\n")
    (problem,) = check_paths([str(path)])
    assert (problem.code, problem.severity) == ("FC602", "error")


def test_publishing_warnings_can_be_left_out(tmp_path: Path, write_case: CaseWriter) -> None:
    path = write_case([figure("gone")], value=10, text="x" * 80 + " 10")
    assert check_paths([str(path)], publishing=False) == []


def test_cli_warns_and_strict_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_case: CaseWriter
) -> None:
    monkeypatch.chdir(tmp_path)
    path = write_case([figure("gone")], value=10)
    relative = str(path.relative_to(tmp_path))
    result = CliRunner().invoke(app, ["check", relative])
    assert result.exit_code == 0
    assert "[FC520]" in result.stdout and "[FC522]" in result.stdout
    assert CliRunner().invoke(app, ["check", relative, "--strict"]).exit_code == 1
