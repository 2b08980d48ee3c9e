"""load.py: YAML files -> models, every problem located as file:line:col.

The example files under tests/cases drive most of these tests (see tests/README.md):
each tests/cases/invalid/<name>.yaml pins its problems, formatted exactly as the CLI
prints them, in <name>.expected; each tests/cases/valid/<name>.yaml must load. Files named
source_*.yaml are sources, loaded through a claim that names them; the others are claims.
"""

from __future__ import annotations

import json
import os
import time
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.errors import InputError, Problem
from factcheck.load import (
    Case,
    SourceCache,
    ancestors,
    find_root,
    format_key_path,
    load_claim,
    read_document,
)
from factcheck.models import Qualifier

REPO_ROOT = Path(__file__).resolve().parent.parent
CASES = REPO_ROOT / "tests" / "cases"
INVALID = sorted((CASES / "invalid").glob("*.yaml"))
VALID = sorted((CASES / "valid").glob("*.yaml"))
REFRESH = os.environ.get("FACTCHECK_REFRESH_GOLDEN") == "1"

CLAIM = """\
id: a-claim
text: "They lost 32,000 children."
speaker: Someone
date: 2024-09-23
value: 32000
unit: children
asserts: lost
"""


def load_case(path: Path, tmp_path: Path) -> Case:
    """Load a case file: a claim as it is, a source through a claim that names it."""
    if not path.name.startswith("source_"):
        return load_claim(path)
    wrapper = tmp_path / "wrapper.yaml"
    # JSON strings are YAML strings: the absolute path needs no further quoting.
    wrapper.write_text(f"{CLAIM}sources: [{json.dumps(str(path))}]\n", encoding="utf-8")
    return load_claim(wrapper, root=REPO_ROOT)


def formatted(problems: list[Problem]) -> str:
    """Problem lines as the CLI prints them, paths relative to the repository root."""
    prefix = f"{REPO_ROOT}{os.sep}"
    return "".join(f"{problem.format().replace(prefix, '')}\n" for problem in problems)


def problems_of(path: Path, **kwargs: object) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        load_claim(path, **kwargs)  # type: ignore[arg-type]
    return caught.value.problems


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
        "run FACTCHECK_REFRESH_GOLDEN=1 pytest tests/test_load.py and review it"
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


# --- files too odd to commit: written here into tmp_path ----------------------------------


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(CLAIM.encode() + "venue: Caf\u00e9\n".encode("latin-1"))
    (problem,) = problems_of(path)
    assert (problem.line, problem.column, problem.code) == (8, 11, "FC106")
    assert "not valid UTF-8 (byte 0xe9)" in problem.message


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    text = CLAIM + "figures:\n  - {id: missing, value: 32000, unit: children}\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    case = load_claim(path)
    assert case.claim.id == "a-claim"
    # and lines are still counted from the first line after the mark
    path.write_bytes(
        b"\xef\xbb\xbf" + text.replace("unit: children\n", "unti: children\n").encode()
    )
    lines = [(problem.line, problem.code) for problem in problems_of(path)]
    assert (6, "FC202") in lines


def test_a_nul_byte_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_bytes(CLAIM.encode() + b"venue: a\x00b\n")
    (problem,) = problems_of(path)
    assert (problem.line, problem.code) == (8, "FC106")


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        aliases = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    problems = problems_of(path)
    assert time.perf_counter() - started < 1
    assert {problem.code for problem in problems} == {"FC112"}
    # one problem per alias written, each at the alias itself
    assert len(problems) == 81
    assert (problems[0].line, problems[0].column) == (2, 10)


def test_a_self_referencing_alias_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text("id: &x [1, *x]\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert (problem.line, problem.column, problem.code) == (1, 12, "FC112")
    assert problem.key_path == "id[1]"


def test_a_file_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(CLAIM, encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_MAX_FILE_BYTES", "20")
    (problem,) = problems_of(path)
    assert problem.code == "FC105"
    assert "FACTCHECK_MAX_FILE_BYTES" in problem.message


def test_a_long_part_of_chain_and_a_cycle_at_its_end(tmp_path: Path) -> None:
    # Thousands of nested figures: the cycle check must not run out of stack.
    figures = ["figures:", "  - {id: f0, value: 100, unit: children, part_of: f2999}"]
    figures += [
        f"  - {{id: f{k}, value: 100, unit: children, part_of: f{k - 1}}}" for k in range(1, 3000)
    ]
    path = tmp_path / "chain.yaml"
    path.write_text(CLAIM + "\n".join(figures) + "\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert problem.code == "FC404"
    assert problem.message.startswith("part_of goes round in a circle: f0 -> f2999 -> f2998")


def test_a_missing_claim_file(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path / "nope.yaml")
    assert (problem.code, problem.message) == ("FC101", "file not found")


def test_a_directory_as_claim_file(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path)
    assert problem.code == "FC101"


# --- the claims repository root -----------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A claims repository in tmp_path/repo (its root marked by .git), and a file outside."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "claims").mkdir()
    (root / "sources").mkdir()
    source = (CASES / "valid" / "source_clash.yaml").read_text(encoding="utf-8")
    (root / "sources" / "inside.yaml").write_text(source, encoding="utf-8")
    (tmp_path / "outside.yaml").write_text(source, encoding="utf-8")
    return root


def _claim_naming(root: Path, *sources: str) -> Path:
    path = root / "claims" / "claim.yaml"
    path.write_text(f"{CLAIM}sources: {json.dumps(list(sources))}\n", encoding="utf-8")
    return path


def test_find_root_stops_at_the_nearest_marker(repo: Path) -> None:
    assert find_root(repo / "claims") == repo
    assert find_root(REPO_ROOT / "tests" / "cases" / "valid") == REPO_ROOT


def test_a_source_inside_the_root_loads(repo: Path) -> None:
    case = load_claim(_claim_naming(repo, "../sources/inside.yaml"))
    assert [source.source.id for source in case.sources] == ["example-clash"]


def test_a_source_path_escaping_the_root_is_refused(repo: Path) -> None:
    (problem,) = problems_of(_claim_naming(repo, "../../outside.yaml"))
    assert (problem.code, problem.line, problem.key_path) == ("FC303", 8, "sources[0]")
    assert "leads outside the claims repository" in problem.message
    assert str(repo) in problem.message


def test_an_absolute_source_path_escaping_the_root_is_refused(repo: Path) -> None:
    outside = repo.parent / "outside.yaml"
    (problem,) = problems_of(_claim_naming(repo, str(outside)))
    assert problem.code == "FC303"


def test_a_symlink_escaping_the_root_is_refused(repo: Path) -> None:
    link = repo / "sources" / "link.yaml"
    link.symlink_to(repo.parent / "outside.yaml")
    (problem,) = problems_of(_claim_naming(repo, "../sources/link.yaml"))
    assert problem.code == "FC303"


def test_an_explicit_root_widens_the_repository(repo: Path) -> None:
    claim = _claim_naming(repo, "../../outside.yaml")
    case = load_claim(claim, root=repo.parent)
    assert [source.source.id for source in case.sources] == ["example-clash"]


def test_a_symlink_loop_is_reported(repo: Path) -> None:
    loop = repo / "sources" / "loop.yaml"
    loop.symlink_to(loop)
    (problem,) = problems_of(_claim_naming(repo, "../sources/loop.yaml"))
    assert problem.code == "FC302"


def test_every_missing_source_is_reported(repo: Path) -> None:
    problems = problems_of(_claim_naming(repo, "../sources/a.yaml", "../sources/b.yaml"))
    assert [(p.code, p.key_path) for p in problems] == [
        ("FC301", "sources[0]"),
        ("FC301", "sources[1]"),
    ]


# --- sources are read once ----------------------------------------------------------------


def test_the_source_cache_reads_each_file_once(repo: Path) -> None:
    cache = SourceCache()
    claim = _claim_naming(repo, "../sources/inside.yaml")
    first = load_claim(claim, cache=cache)
    second = load_claim(claim, cache=cache)
    assert first.sources[0] is second.sources[0]


def test_the_source_cache_remembers_a_broken_file(repo: Path) -> None:
    cache = SourceCache()
    broken = repo / "sources" / "inside.yaml"
    broken.write_text("id: [\n", encoding="utf-8")
    claim = _claim_naming(repo, "../sources/inside.yaml")
    first = problems_of(claim, cache=cache)
    second = problems_of(claim, cache=cache)
    assert first == second
    assert first[0].code == "FC102"


# --- small helpers ------------------------------------------------------------------------


def test_format_key_path() -> None:
    assert format_key_path(()) == ""
    assert format_key_path(("value",)) == "value"
    assert format_key_path(("figures", 2, "described_as", 0, "term")) == (
        "figures[2].described_as[0].term"
    )


def test_problem_format() -> None:
    located = Problem("a.yaml", 3, 5, "expected a number", "FC203", "figures[0].value")
    assert located.format() == "a.yaml:3:5: figures[0].value: expected a number [FC203]"
    whole_file = Problem("a.yaml", 0, 0, "file not found", "FC101")
    assert whole_file.format() == "a.yaml: file not found [FC101]"


def test_input_error_sorts_its_problems_by_place() -> None:
    later = Problem("a.yaml", 9, 1, "b", "FC203")
    earlier = Problem("a.yaml", 2, 1, "a", "FC203")
    error = InputError([later, earlier])
    assert error.problems == [earlier, later]
    assert str(error) == f"{earlier.format()}\n{later.format()}"


def test_document_marks_keys_and_values(tmp_path: Path) -> None:
    path = tmp_path / "marks.yaml"
    path.write_text("a:\n  b: [1, {c: 2}]\n", encoding="utf-8")
    document = read_document(path)
    assert document.data == {"a": {"b": [1, {"c": 2}]}}
    assert document.locate(("a", "b", 1, "c")) == (2, 14)
    assert document.locate(("a", "b", 1, "c"), key=True) == (2, 11)
    assert document.locate(("a", "nope")) == (2, 3)  # the nearest parent


def test_yaml_floats_are_exact_decimals(tmp_path: Path) -> None:
    path = tmp_path / "floats.yaml"
    path.write_text("a: 19947304555212.49\nb: 0.1\nc: 1_000.5\n", encoding="utf-8")
    assert read_document(path).data == {
        "a": Decimal("19947304555212.49"),
        "b": Decimal("0.1"),
        "c": Decimal("1000.5"),
    }


def test_ancestors_are_transitive_and_safe_on_cycles() -> None:
    from factcheck.models import Figure

    def fig(figure_id: str, *parents: str) -> Figure:
        return Figure(id=figure_id, value=Decimal(1), unit="x", part_of=list(parents))

    chain = {f.id: f for f in [fig("a"), fig("b", "a"), fig("c", "b"), fig("d", "c", "ghost")]}
    assert ancestors(chain, "d") == {"a", "b", "c"}
    assert ancestors(chain, "a") == set()
    loop = {f.id: f for f in [fig("x", "y"), fig("y", "x")]}
    assert ancestors(loop, "x") == {"y"}
