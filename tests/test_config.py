"""Publishing config: where it is found, its defaults, overrides, and clean errors."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.config import DEFAULT_SCALE, Config, Publisher, Rating, find_config, load_config
from factcheck.errors import InputError
from factcheck.models import Verdict
from tests.conftest import REPO, CaseWriter


@pytest.fixture(autouse=True)
def _no_env_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_REVIEWED", raising=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A claims repository (its .git ends the search) inside a folder with a stray config."""
    (tmp_path / "factcheck.toml").write_text('[publisher]\nname = "Outside"\n')
    root = tmp_path / "claims-repo"
    (root / ".git").mkdir(parents=True)
    (root / "claims" / "2024").mkdir(parents=True)
    return root


def test_defaults_without_a_file(repo: Path) -> None:
    config = load_config(repo / "claims" / "2024")
    assert config == Config()
    assert config.path is None
    assert config.publisher == Publisher(name="factcheck", url=None, logo=None)
    assert (config.best, config.worst) == (5, 1)
    assert config.review_url is None and config.reviewed is None
    assert {v: (r.value, r.name) for v, r in config.scale.items()} == {
        Verdict.supported: (5, "Supported"),
        Verdict.understated: (4, "Understated"),
        Verdict.misleading: (3, "Misleading"),
        Verdict.overstated: (2, "Overstated"),
        Verdict.unsupported: (2, "Unsupported"),
        Verdict.false: (1, "False"),
    }
    assert set(DEFAULT_SCALE) == set(Verdict)


def test_factcheck_toml_overrides_part_of_the_scale(repo: Path) -> None:
    (repo / "factcheck.toml").write_text(
        "# the publisher's own scale\n"
        'review_url = "https://checks.example.org/{claim_id}/"\n'
        "reviewed = 2024-09-26\n"
        "[publisher]\n"
        'name = "Example Checks"\n'
        'url = "https://checks.example.org"\n'
        'logo = "https://checks.example.org/logo.png"\n'
        "[rating]\n"
        "best = 7\n"
        "worst = 0\n"
        "[rating.supported]\n"
        'value = 7\nname = "True"\n'
        "[rating.false]\n"
        'name = "Pants on fire"\n'
    )
    config = load_config(repo / "claims" / "2024")
    assert config.path == (repo / "factcheck.toml").resolve()
    assert config.publisher == Publisher(
        "Example Checks", "https://checks.example.org", "https://checks.example.org/logo.png"
    )
    assert (config.best, config.worst) == (7, 0)
    assert config.rating(Verdict.supported) == Rating(7, "True")
    assert config.rating(Verdict.false) == Rating(1, "Pants on fire")  # value kept
    assert config.rating(Verdict.misleading) == DEFAULT_SCALE[Verdict.misleading]
    assert config.review_url == "https://checks.example.org/{claim_id}/"
    assert config.reviewed == dt.date(2024, 9, 26)


def test_pyproject_tool_table(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "claims"\n'
        '[tool.factcheck]\nreviewed = "2024-10-02"\n'
        '[tool.factcheck.publisher]\nname = "From pyproject"\n'
        '[tool.factcheck.rating.misleading]\nvalue = 2\nname = "Half true"\n'
    )
    config = load_config(repo / "claims")
    assert config.publisher.name == "From pyproject"
    assert config.rating(Verdict.misleading) == Rating(2, "Half true")
    assert config.reviewed == dt.date(2024, 10, 2)


def test_pyproject_without_the_table_means_defaults_and_stops_the_search(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[project]\nname = "claims"\n')
    nested = repo / "claims"
    (nested / "pyproject.toml").write_text("[tool.other]\nx = 1\n")
    assert find_config(nested) == ((nested / "pyproject.toml").resolve(), ("tool", "factcheck"))
    assert load_config(nested) == Config()


def test_factcheck_toml_wins_over_pyproject_in_the_same_folder(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.factcheck.publisher]\nname = "pyproject"\n')
    (repo / "factcheck.toml").write_text('[publisher]\nname = "factcheck.toml"\n')
    assert load_config(repo).publisher.name == "factcheck.toml"


def test_search_does_not_leave_the_repository(repo: Path) -> None:
    assert find_config(repo / "claims" / "2024") is None
    # Without a .git the nearest file above is found, however far up.
    (repo / ".git").rmdir()
    assert load_config(repo / "claims" / "2024").publisher.name == "Outside"


def test_a_file_path_starts_at_its_folder(repo: Path) -> None:
    (repo / "factcheck.toml").write_text('[publisher]\nname = "Here"\n')
    claim = repo / "claims" / "2024" / "c.yaml"
    claim.write_text("id: c\n")
    assert load_config(claim).publisher.name == "Here"


def test_reviewed_from_the_environment(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_REVIEWED", "2024-09-27")
    assert load_config(repo).reviewed == dt.date(2024, 9, 27)
    monkeypatch.setenv("FACTCHECK_REVIEWED", "27/09/2024")
    with pytest.raises(InputError) as caught:
        load_config(repo)
    assert str(caught.value) == (
        "$FACTCHECK_REVIEWED: expected a date (YYYY-MM-DD), got '27/09/2024' [FC604]"
    )


BAD_CONFIGS = [
    pytest.param(
        'review_url = "https://x.org/{claim_id}"\n[rating.mislead]\nvalue = 3\n',
        "factcheck.toml:2:1: rating.mislead: unknown key 'mislead' (did you mean 'misleading'?)"
        "; expected one of: best, worst, supported, misleading, false, unsupported, understated, "
        "overstated [FC602]",
        id="unknown-verdict",
    ),
    pytest.param(
        "[publisher]\nname = 'X'\nurl = 'https://x.org'\nlogo_url = 'https://x.org/l.png'\n",
        "factcheck.toml:4:1: publisher.logo_url: unknown key 'logo_url' (did you mean 'logo'?)"
        "; expected one of: name, url, logo [FC602]",
        id="unknown-key",
    ),
    pytest.param(
        '[rating.false]\nvalue = "1"\n',
        "factcheck.toml:2:1: rating.false.value: input should be a valid integer, got '1' [FC602]",
        id="wrong-type",
    ),
    pytest.param(
        "[rating]\nbest = 5\nworst = 1\n[rating.supported]\nvalue = 6\n",
        "factcheck.toml:5:1: rating.supported.value: 6 is outside the scale: expected a value "
        "from worst (1) to best (5) [FC603]",
        id="outside-scale",
    ),
    pytest.param(
        "rating = { best = 1, worst = 1 }\n",
        "factcheck.toml:1:1: rating.best: best (1) must be greater than worst (1) [FC603]",
        id="best-not-above-worst",
    ),
    pytest.param(
        '[publisher]\nurl = "example.org"\n',
        "factcheck.toml:2:1: publisher.url: expected an absolute http(s) URL, got "
        "'example.org' [FC603]",
        id="relative-url",
    ),
    pytest.param(
        'review_url = "https://x.org/{id}"\n',
        "factcheck.toml:1:1: review_url: unknown placeholder {id}; the template may use "
        "{claim_id} [FC603]",
        id="template-placeholder",
    ),
    pytest.param(
        "[publisher]\nname = \n",
        "factcheck.toml:2:8: invalid TOML: Invalid value [FC601]",
        id="toml-syntax",
    ),
]


@pytest.mark.parametrize(("text", "message"), BAD_CONFIGS)
def test_bad_config_names_the_file(repo: Path, text: str, message: str) -> None:
    (repo / "factcheck.toml").write_text(text)
    with pytest.raises(InputError) as caught:
        load_config(repo / "claims")
    assert [p.format() for p in caught.value.problems] == [f"{repo.resolve()}/{message}"]
    assert all(p.path == str((repo / "factcheck.toml").resolve()) for p in caught.value.problems)


def test_every_problem_in_a_file_is_reported(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        "[tool.factcheck]\nreviewd = 2024-01-01\n[tool.factcheck.publisher]\nname = 3\n"
    )
    with pytest.raises(InputError) as caught:
        load_config(repo)
    assert [(p.line, p.key_path, p.code) for p in caught.value.problems] == [
        (2, "tool.factcheck.reviewd", "FC602"),
        (4, "tool.factcheck.publisher.name", "FC602"),
    ]


def test_not_a_table_and_not_utf8(repo: Path) -> None:
    (repo / "pyproject.toml").write_text("[tool]\nfactcheck = 3\n")
    with pytest.raises(InputError, match=r"pyproject.toml:2:1: tool.factcheck: expected a table"):
        load_config(repo)
    (repo / "factcheck.toml").write_bytes(b'[publisher]\nname = "caf\xe9"\n')
    with pytest.raises(InputError, match=r"factcheck.toml: cannot read the config file"):
        load_config(repo)


def test_cli_reports_a_bad_config_without_a_traceback(
    write_case: CaseWriter, tmp_path: Path
) -> None:
    path = write_case([{"id": "a", "value": 5, "unit": "people"}], value=5)
    (tmp_path / "factcheck.toml").write_text("[rating]\nbets = 5\n")
    result = subprocess.run(
        [sys.executable, "-m", "factcheck.cli", "verify", str(path), "--format", "claimreview"],
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k != "FACTCHECK_REVIEWED"},
        capture_output=True,
        text=True,
        timeout=120,  # a hang guard, not a time limit
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "factcheck.toml:2:1: rating.bets: unknown key 'bets' (did you mean 'best'?)" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_repository_itself_has_a_valid_config() -> None:
    load_config(REPO)  # the repo's pyproject.toml may gain [tool.factcheck]: it must load


def _fenced(text: str, opening: str) -> str:
    """The body of the first fenced block that opens with `opening`."""
    start = text.index(opening + "\n") + len(opening) + 1
    fence = opening[: len(opening) - len(opening.lstrip("`"))]
    return text[start : text.index("\n" + fence + "\n", start) + 1]


def test_documented_example_config_loads(repo: Path) -> None:
    doc = (REPO / "docs" / "publishing.md").read_text(encoding="utf-8")
    (repo / "factcheck.toml").write_text(_fenced(doc, "```toml"))
    config = load_config(repo)
    assert config.publisher.name == "Example Fact Check"
    assert config.scale == DEFAULT_SCALE
    assert config.review_url == "https://factcheck.example.org/reviews/{claim_id}"


def test_documented_examples_are_the_current_output() -> None:
    doc = (REPO / "docs" / "publishing.md").read_text(encoding="utf-8")
    golden = REPO / "tests" / "golden"
    seed = "trump-2024-09-23-325k-migrant-children"
    hint = "docs/publishing.md shows old output: paste in the golden file"
    assert _fenced(doc, "````markdown") == (golden / "markdown" / f"{seed}.md").read_text(), hint
    assert _fenced(doc, "```json") == (golden / "claimreview" / f"{seed}.json").read_text(), hint
