"""factcheck.check: every problem of every file, once, located; warnings; the code registry."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.check import check_paths as check_all
from factcheck.check import mentions_number
from factcheck.errors import CODES, Problem
from factcheck.load import sources
from tests.conftest import REPO, CaseWriter

CASES = "tests/cases/check"


def check_paths(
    paths: list[str], root: Path | None = None, *, allow_draft: bool = False
) -> list[Problem]:
    """The problems of the files themselves; the publishing warnings (FC52x) are
    tests/test_check_publishing.py's."""
    return check_all(paths, root=root, allow_draft=allow_draft, publishing=False)


def located(problems: list[Problem]) -> list[tuple[str, int, int, str]]:
    return [(Path(p.path).name, p.line, p.column, p.code) for p in problems]


@pytest.fixture
def broken(in_repo: Path) -> list[Problem]:
    return check_paths([CASES])


def test_valid_files_have_no_problem(in_repo: Path) -> None:
    assert check_paths([f"{CASES}/valid"]) == []


def test_the_repository_examples_have_no_problem(in_repo: Path) -> None:
    assert check_paths(["claims", "sources"]) == []


def test_every_kind_of_problem_is_listed_with_its_line(broken: list[Problem]) -> None:
    assert located(broken) == [
        ("alias.yaml", 10, 12, "FC112"),
        ("bad-sources.yaml", 9, 5, "FC301"),
        ("bad-sources.yaml", 10, 5, "FC304"),
        ("bad-sources.yaml", 11, 5, "FC303"),
        ("duplicate-key.yaml", 8, 1, "FC110"),
        ("empty.yaml", 1, 1, "FC103"),
        ("relations.yaml", 15, 12, "FC406"),
        ("relations.yaml", 22, 14, "FC405"),
        ("relations.yaml", 27, 14, "FC402"),
        ("schema.yaml", 1, 1, "FC201"),
        ("schema.yaml", 1, 5, "FC204"),
        ("schema.yaml", 5, 12, "FC203"),
        ("schema.yaml", 8, 1, "FC202"),
        ("schema.yaml", 9, 9, "FC205"),
        ("syntax.yaml", 5, 1, "FC102"),
        ("tab.yaml", 10, 1, "FC102"),
        ("tag.yaml", 5, 8, "FC108"),
        ("top-level-list.yaml", 1, 1, "FC104"),
        ("unrecognised.yaml", 1, 1, "FC208"),
        ("warnings.yaml", 2, 7, "FC505"),
        ("warnings.yaml", 6, 7, "FC504"),
        ("broken-source.yaml", 4, 12, "FC111"),
        ("broken-source.yaml", 7, 12, "FC205"),
        ("broken-source.yaml", 9, 5, "FC202"),
        ("quotes.yaml", 15, 12, "FC501"),
        ("quotes.yaml", 16, 5, "FC502"),
        ("relations.yaml", 9, 14, "FC404"),
        ("relations.yaml", 24, 14, "FC403"),
        ("relations.yaml", 30, 21, "FC407"),
        ("same-ids.yaml", 6, 9, "FC401"),
    ]


def test_problems_are_sorted_and_paths_relative(broken: list[Problem]) -> None:
    assert broken == sorted(broken)
    assert all(p.path.startswith(f"{CASES}/broken/") for p in broken)


def test_a_source_named_by_many_claims_is_reported_once(broken: list[Problem]) -> None:
    # broken-source.yaml is named by claims/bad-sources.yaml and found in sources/ too;
    # the claims reach it as claims/../sources/broken-source.yaml.
    in_source = [p for p in broken if p.path.endswith("broken-source.yaml")]
    assert [p.code for p in in_source] == ["FC111", "FC205", "FC202"]
    assert not any(".." in p.path for p in broken)


def test_messages_say_what_is_wrong_and_what_to_do(broken: list[Problem]) -> None:
    messages = {p.code: p.message for p in broken}
    assert "did you mean 'venue'?" in messages["FC202"] or "did you mean" in messages["FC202"]
    assert "did you mean 'whole'?" in messages["FC402"]
    assert "'speeker' -> 'speaker'" in messages["FC208"]
    assert "448,000" in messages["FC501"]


def test_a_claim_checks_the_sources_it_names(in_repo: Path) -> None:
    problems = check_paths([f"{CASES}/broken/claims/bad-sources.yaml"])
    assert {(Path(p.path).name, p.code) for p in problems} == {
        ("bad-sources.yaml", "FC301"),
        ("bad-sources.yaml", "FC304"),
        ("bad-sources.yaml", "FC303"),
        ("broken-source.yaml", "FC111"),
        ("broken-source.yaml", "FC205"),
        ("broken-source.yaml", "FC202"),
    }


def test_each_file_is_read_once_and_each_source_validated_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "src.yaml").write_text(
        "id: s\ntitle: t\npublisher: p\npublished: 2024-01-01\n"
        "figures: [{id: f, value: 1, unit: u, described_as: lost}]\n"
    )
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(
            f"id: {name}\ntext: 1 thing\nspeaker: s\ndate: 2024-01-01\nvalue: 1\nunit: u\n"
            "asserts: lost\nsources: [src.yaml]\n"
        )
    reads: list[str] = []
    validations: list[str] = []
    read, validate = sources.read_document, sources.validate
    monkeypatch.setattr(sources, "read_document", lambda p: reads.append(p.name) or read(p))
    monkeypatch.setattr(
        sources, "validate", lambda d, m: validations.append(d.path.name) or validate(d, m)
    )
    assert check_paths([str(tmp_path)]) == []
    assert sorted(reads) == ["a.yaml", "b.yaml", "src.yaml"]
    assert validations == ["src.yaml"]


def test_an_invalid_claim_still_has_its_sources_checked(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "claim.yaml").write_text(
        "id: c\ntext: x\nspeaker: s\ndate: 2024-01-01\nvalue: 1\nunit: u\nasserts: lost\n"
        "vlaue: 2\nsources: [missing.yaml, src.yaml]\n"
    )
    (tmp_path / "src.yaml").write_text(
        "id: s\ntitle: t\npublisher: p\npublished: 2024-01-01\nfigures: [{id: f}]\n"
    )
    problems = check_paths([str(tmp_path / "claim.yaml")])
    assert [(Path(p.path).name, p.line, p.code) for p in problems] == [
        ("claim.yaml", 8, "FC202"),
        ("claim.yaml", 9, "FC301"),
        ("src.yaml", 5, "FC201"),
        ("src.yaml", 5, "FC201"),
    ]


def test_non_yaml_files_named_are_problems_found_are_ignored(in_repo: Path) -> None:
    assert check_paths([f"{CASES}/valid", f"{CASES}/notes.txt"]) == [
        Problem(
            f"{CASES}/notes.txt",
            0,
            0,
            "not a YAML file: claims and sources are .yaml or .yml files",
            "FC113",
        )
    ]
    assert not [p for p in check_paths([CASES]) if p.code == "FC113"]


def test_missing_paths_and_empty_globs(in_repo: Path) -> None:
    problems = check_paths(["no/such/file.yaml", "no/such/*.yaml"])
    assert [(p.path, p.code, p.message) for p in problems] == [
        ("no/such/*.yaml", "FC101", "no file matches this pattern"),
        ("no/such/file.yaml", "FC101", "file not found"),
    ]


def test_globs_pick_yaml_files(in_repo: Path) -> None:
    problems = check_paths([f"{CASES}/broken/sources/*"])
    assert {Path(p.path).name for p in problems} == {
        "broken-source.yaml",
        "quotes.yaml",
        "relations.yaml",
    }


def test_neither_claim_nor_source(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("# a comment\nid: x\ntitle: what is this?\n")
    [problem] = check_paths([str(path)])
    assert (problem.line, problem.code) == (2, "FC208")
    assert "a claim has `asserts:` and `speaker:`" in problem.message


@pytest.mark.parametrize(
    ("content", "line", "code"),
    [
        (b"id: x\ntext: caf\xe9\n", 2, "FC106"),
        (b"\xef\xbb\xbfid: s\ntitle: t\npublisher: p\npublished: 2024-01-01\n", None, None),
        (b"id: x\nspeaker: " + b"[" * 200 + b"]" * 200 + b"\n", 2, "FC107"),
        (b"id: x\n" + b"a: b\n" * 300_000, 0, "FC105"),
        (b"just a scalar\n", 1, "FC104"),
    ],
    ids=["non-utf8", "bom", "deep", "too-large", "scalar"],
)
def test_hostile_files(tmp_path: Path, content: bytes, line: int | None, code: str | None) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    problems = check_paths([str(path)])
    assert [(p.line, p.code) for p in problems] == ([(line, code)] if code else [])


def test_symlink_loop_in_sources(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    claim = tmp_path / "c.yaml"
    claim.write_text(
        "id: c\ntext: 1 thing\nspeaker: s\ndate: 2024-01-01\nvalue: 1\nunit: u\n"
        "asserts: lost\nsources: [loop.yaml]\n"
    )
    assert [(p.line, p.code) for p in check_paths([str(claim)])] == [(8, "FC302")]


def test_root_option_widens_the_repository(in_repo: Path) -> None:
    path = f"{CASES}/broken/claims/bad-sources.yaml"
    codes = {p.code for p in check_paths([path], root=REPO)}
    assert "FC303" not in codes


# --- placeholders left by `factcheck new` -------------------------------------------------


@pytest.mark.parametrize(("allow_draft", "severity"), [(False, "error"), (True, "warning")])
def test_placeholders_are_errors_that_hide_the_errors_they_cause(
    tmp_path: Path, allow_draft: bool, severity: str
) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "id: c\ntext: 'TODO: the words'\nspeaker: s\ndate: TODO\nvalue: TODO\nunit: u\n"
        "asserts: lost\nsources: ['TODO: ../sources/x.yaml']\n"
    )
    problems = check_paths([str(path)], allow_draft=allow_draft)
    assert [(p.line, p.code, p.severity) for p in problems] == [
        (2, "FC503", severity),
        (4, "FC503", severity),
        (5, "FC503", severity),
        (8, "FC503", severity),
    ]


def test_check_counts_the_files_it_read(tmp_path: Path) -> None:
    from factcheck.check import check_files

    checked = check_files([f"{CASES}/valid"])
    assert checked.problems == []
    named = {p.name for p in Path(CASES, "valid").rglob("*.yaml")}
    assert checked.files == len(named) > 1
    # a claim brings the sources it names into the count, each once
    claim = next(Path(CASES, "valid").rglob("*.yaml"))
    assert check_files([str(claim), str(claim)]).files >= 1


def test_a_placeholder_written_with_an_escape_is_found(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text('id: s\ntitle: "\\x54ODO: a title"\npublisher: p\npublished: 2024-01-01\n')
    problems = check_paths([str(path)])
    assert [(p.line, p.code, p.key_path) for p in problems] == [(2, "FC503", "title")]
    path.write_text('id: s\ntitle: "A title"\npublisher: p\npublished: 2024-01-01\n')
    assert check_paths([str(path)]) == []


def test_a_placeholder_does_not_hide_a_typo_in_its_key(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "id: c\ntext: t 1\nspeaker: s\ndate: 2024-01-01\nvalue: 1\nunit: u\n"
        "asserts: lost\nfigures: [{id: f, value: 1, unit: u, described_as: [x]}]\n"
        "venu: TODO\n"
    )
    assert [p.code for p in check_paths([str(path)])] == ["FC202", "FC503"]


# --- the quote matcher -----------------------------------------------------------------------

WRITTEN_448K = [
    "448,000",
    "448000",
    "448 000",
    "448\u00a0000",
    "448 thousand",
    "448k",
    "0.4 million",
    "0.45 million",
    "448.000",
    "four hundred forty-eight thousand",
    "four hundred and forty-eight thousand",
    "more than 448,000 UCs",
    "448 thousands",
]


@pytest.mark.parametrize("text", WRITTEN_448K)
def test_quote_contains_448000(text: str) -> None:
    assert mentions_number(text, Decimal(448000), Decimal(1000))


@pytest.mark.parametrize(
    "text",
    ["484,000", "44,800", "448", "4.48 million", "32,000 of 2019", "half a million", ""],
)
def test_quote_does_not_contain_448000(text: str) -> None:
    assert not mentions_number(text, Decimal(448000), Decimal(1000))


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("$87bn", "87000000000", "1000000000"),
        ("$87 billion", "87000000000", "1000000000"),
        ("12.5%", "12.5", "0.1"),
        ("fell by 5 per cent", "-5", "1"),
        ("1.2m jobs", "1200000", "100000"),
        ("thirty-two thousand", "32000", "1000"),
        ("a million", "1000000", "1000000"),
        ("in FY2019, 1,475 UAC", "1475", "1"),
        ("twelve and a half million", "12500000", "100000"),
    ],
)
def test_other_written_forms(text: str, value: str, precision: str) -> None:
    assert mentions_number(text, Decimal(value), Decimal(precision))


def test_a_precise_quote_is_not_matched_by_a_near_number() -> None:
    assert not mentions_number("1,475 UAC", Decimal(1476), Decimal(1))


# --- the code registry -----------------------------------------------------------------------

CODE = re.compile(r"\bFC\d{3}\b")


def codes_in_package(*, registry: bool) -> set[str]:
    return {
        code
        for path in (REPO / "factcheck").rglob("*.py")
        if registry or path.name != "errors.py"
        for code in CODE.findall(path.read_text(encoding="utf-8"))
    }


def test_every_code_in_the_package_is_registered() -> None:
    assert codes_in_package(registry=True) - set(CODES) == set()


def test_every_registered_code_is_used() -> None:
    # errors.py holds the registry itself, so count the uses elsewhere.
    assert set(CODES) - codes_in_package(registry=False) == set()


def test_the_codes_table_in_ci_md_is_the_registry() -> None:
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (FC\d{3}) \| ([^|]+?) \|$", text, re.MULTILINE))
    assert table == CODES


def test_every_registered_code_is_in_errors_md() -> None:
    text = (REPO / "docs" / "errors.md").read_text(encoding="utf-8")
    assert sorted(set(CODES) - set(CODE.findall(text))) == []


# --- numbers as the world writes them (issue 14, item 1): FC505 and FC501 read them -------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("220 crore people would get vaccinated", "220 crore"),
        ("220 crore people would get vaccinated", 2_200_000_000),
        ("coverage has exceeded 201.30 Cr (2,01,30,97,819)", "2,01,30,97,819"),
        ("coverage has exceeded 201.30 Cr (2,01,30,97,819)", "201.30 Cr"),
        ("we have lost R700-billion.", "R700 billion"),
        ("spent ₹2,000 crore on it", "₹2,000 crore"),
        ("cut A$1.2 billion from aged care", "A$1.2 billion"),
        ("Ksh 1.2 billion went missing", "Ksh 1.2 billion"),
        ("one in four people are waiting", "one in four"),
        ("about a third were released", "a third"),
        ("two-thirds of the homes", "two-thirds"),
        ("lists are 100 times bigger", "100 times"),
        ("half a million homes", "half a million"),
        ("nearly a quarter of a million visits", 250_000),
        ("a dozen schools", 12),
    ],
)
def test_the_text_check_reads_every_written_form(text: str, value: object) -> None:
    from factcheck.numbers import parse_number

    written = parse_number(value)
    assert mentions_number(text, written.value, written.precision)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("220 lakh people", "220 crore"),
        ("one in five people are waiting", "one in four"),
        ("R17.3bn", "R17.2bn"),
    ],
)
def test_the_text_check_still_misses_other_numbers(text: str, value: object) -> None:
    from factcheck.numbers import parse_number

    written = parse_number(value)
    assert not mentions_number(text, written.value, written.precision)


def test_a_claim_written_in_crore_gets_no_fc505(write_case: CaseWriter) -> None:
    path = write_case(
        [{"id": "f", "value": 5, "unit": "people", "described_as": ["vaccinated"]}],
        text="Did you ever think 220 crore people would get vaccinated?",
        value="220 crore",
    )
    codes = [p.code for p in check_paths([str(path)], root=path.parents[1])]
    assert "FC505" not in codes
    # Without the reading of "crore", the text check used to warn: the value is not a bare
    # number in the text (the reading is what this test pins).
    other = write_case(
        [{"id": "f", "value": 5, "unit": "people", "described_as": ["vaccinated"]}],
        text="Did you ever think 220 lakh people would get vaccinated?",
        value="220 crore",
    )
    assert "FC505" in [p.code for p in check_paths([str(other)], root=other.parents[1])]


@pytest.mark.parametrize(
    ("claim_unit", "figure_units", "hint"),
    [
        ("dollars", ["USD"], "('USD' is one of the 'dollars': write `unit: USD`)"),
        ("rupees", ["INR"], "('INR' is one of the 'rupees': write `unit: INR`)"),
        ("dollars", ["USD", "AUD"], None),  # two of them: which is for the writer to say
        ("people", ["children"], None),  # no money at all
    ],
)
def test_a_claim_in_a_name_of_money_is_told_its_sources_currency(
    write_case: CaseWriter, claim_unit: str, figure_units: list[str], hint: str | None
) -> None:
    figures = [
        {"id": f"f{n}", "value": 5, "unit": unit, "described_as": ["cut"]}
        for n, unit in enumerate(figure_units)
    ]
    path = write_case(figures, unit=claim_unit, value=5, text="They cut 5.")
    (warning,) = [p for p in check_paths([str(path)], root=path.parents[1]) if p.code == "FC504"]
    if hint is None:
        assert "write `unit:" not in warning.message
    else:
        assert hint in warning.message


def test_check_loads_neither_the_audits_models_nor_the_document_readers() -> None:
    # Start-up: `check` validates files; the audit's models and the PDF and HTML readers
    # are imported on first use (models/__init__.py, documents/__init__.py, load/sources.py).
    import subprocess
    import sys

    code = (
        "import sys, factcheck.check, factcheck.cli; "
        "print(sorted(m for m in sys.modules if m in "
        "('factcheck.models.results', 'factcheck.documents.read', 'factcheck.documents.pdf',"
        " 'factcheck.load.provenance')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
