"""load/claims.py: a claim and its sources -> a Case, every problem located as file:line:col.

The example files under tests/cases drive most of these tests (see tests/README.md):
each tests/cases/invalid/<name>.yaml pins its problems, formatted exactly as the CLI
prints them, in <name>.expected; each tests/cases/valid/<name>.yaml must load. Files named
source_*.yaml are sources, loaded through a claim that names them; the others are claims.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.load import claim_case, load_claim, read_document
from factcheck.models import Qualifier
from tests.load.helpers import CASES, CLAIM, REPO_ROOT, formatted, load_case, problems_of

INVALID = sorted((CASES / "invalid").glob("*.yaml"))
VALID = sorted((CASES / "valid").glob("*.yaml"))
REFRESH = os.environ.get("FACTCHECK_REFRESH_GOLDEN") == "1"


# --- the example files --------------------------------------------------------------------


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.stem)
def test_invalid_case_reports_exactly_the_expected_problems(path: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_case(path, tmp_path)
    actual = formatted(caught.value.problems)
    expected_path = path.with_suffix(".expected")
    if REFRESH:
        expected_path.write_text(actual, encoding="utf-8")
        return
    assert expected_path.exists(), (
        f"{expected_path.relative_to(REPO_ROOT)} is missing; "
        "run FACTCHECK_REFRESH_GOLDEN=1 pytest tests/load/test_claims.py and review it"
    )
    assert actual == expected_path.read_text(encoding="utf-8")


def test_every_expected_file_has_its_case() -> None:
    for expected in (CASES / "invalid").glob("*.expected"):
        assert expected.with_suffix(".yaml").exists(), f"stale {expected.name}"


def test_every_invalid_problem_names_a_file_and_line(tmp_path: Path) -> None:
    for path in INVALID:
        with pytest.raises(InputError) as caught:
            load_case(path, tmp_path)
        for problem in caught.value.problems:
            assert problem.path.endswith(".yaml"), problem
            assert problem.line >= 1, problem
            assert problem.code.startswith("FC"), problem


def test_the_expected_files_do_not_depend_on_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = CASES / "invalid" / "figure_id_clash.yaml"
    with pytest.raises(InputError) as caught:
        load_case(path, tmp_path)
    assert formatted(caught.value.problems) == path.with_suffix(".expected").read_text("utf-8")


@pytest.mark.parametrize("path", VALID, ids=lambda path: path.stem)
def test_valid_case_loads(path: Path, tmp_path: Path) -> None:
    case = load_case(path, tmp_path)
    assert case.figures or case.sources


def test_the_seed_claim_and_its_source() -> None:
    case = load_claim(CASES / "valid" / "claim_seed.yaml")
    assert [source.source.id for source in case.sources] == ["example-audit"]
    assert case.claim.value == 325000
    assert case.claim.precision == 1000
    assert case.claim.qualifier is Qualifier.more_than
    assert case.claim.also_asserts == ["dead", "trafficked"]
    no_nta = case.figure("no_nta")
    assert no_nta.value == 291000  # written "291,000"
    assert no_nta.precision == 1000
    assert no_nta.part_of == ["transferred"]  # a single id becomes a list
    failed = case.figure("failed_to_appear")
    assert [w.term for w in failed.described_as] == [
        "failed to appear for their court hearings",
        "not able to account for the location",
    ]
    assert [w.extent.value for w in failed.described_as] == ["all", "some"]


def test_number_forms_and_inferred_units() -> None:
    case = load_claim(CASES / "valid" / "claim_two_sources.yaml")
    assert len(case.sources) == 2  # the same file named twice is one source
    figures = {origin.figure.id: origin.figure for origin in case.figures}
    assert (figures["employed_2023"].value, figures["employed_2023"].precision) == (
        Decimal(1200000),
        Decimal(100000),
    )
    assert figures["employed_2024"].precision == 10000
    assert figures["spending"].value == Decimal(87000000000)
    assert figures["share_unemployed"].unit == "percent"  # from "12.5%"
    assert str(figures["budget_exact"].value) == "19947304555212.49"  # never a float
    assert figures["spaced"].precision == 1  # a written precision wins
    assert figures["spending"].page == "iv"


def test_inline_figures_and_synonyms() -> None:
    case = load_claim(CASES / "valid" / "claim_inline.yaml")
    assert case.sources == []
    assert [origin.source_id for origin in case.figures] == ["inline-claim", "inline-claim"]
    assert case.claim.value == 50000
    assert case.claim.tolerance == Decimal("0.05")
    assert case.claim.synonyms == {"created": ["brought in"], "smuggled": ["brought across"]}


def test_a_claim_already_read_loads_as_from_its_path() -> None:
    path = CASES / "valid" / "claim_seed.yaml"
    from_path, from_document = load_claim(path), claim_case(read_document(path))
    assert from_document.claim == from_path.claim
    assert [o.figure for o in from_document.figures] == [o.figure for o in from_path.figures]


def test_a_source_file_given_as_a_claim(tmp_path: Path) -> None:
    path = tmp_path / "source.yaml"
    path.write_text("id: s\ntitle: t\npublisher: p\npublished: 2024-01-01\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert (problem.code, problem.line) == ("FC206", 1)


# --- files too odd to commit: written here into tmp_path ----------------------------------


def test_a_missing_claim_file(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path / "nope.yaml")
    assert (problem.code, problem.message) == ("FC101", "file not found")


def test_a_directory_as_claim_file(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path)
    assert problem.code == "FC101"


def test_a_claim_with_neither_sources_nor_figures(tmp_path: Path) -> None:
    path = tmp_path / "bare.yaml"
    path.write_text(CLAIM, encoding="utf-8")
    (problem,) = problems_of(path)
    assert (problem.code, problem.line) == ("FC207", 1)


def test_a_claims_figure_that_repeats_a_source_id_is_the_one_blamed(tmp_path: Path) -> None:
    (tmp_path / "source.yaml").write_text(
        "id: s\ntitle: T\npublisher: P\npublished: 2024-01-01\nfigures:\n"
        "  - {id: total, value: 5, unit: children}\n",
        encoding="utf-8",
    )
    claim = tmp_path / "claim.yaml"
    claim.write_text(
        f"{CLAIM}sources: [source.yaml]\nfigures:\n  - {{id: total, value: 7, unit: children}}\n",
        encoding="utf-8",
    )
    (problem,) = problems_of(claim, root=tmp_path)
    # The source is shared by other claims: the claim is the file to change.
    assert (Path(problem.path).name, problem.line, problem.code) == ("claim.yaml", 10, "FC401")
    assert "also in " in problem.message and "source.yaml:6" in problem.message
