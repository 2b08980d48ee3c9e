"""`factcheck new`: a skeleton that passes `check` but for its TODOs, never overwriting."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.check import check_paths
from factcheck.cli import app
from factcheck.schema import Kind
from factcheck.skeleton import SkeletonExistsError, render_skeleton, write_skeleton

runner = CliRunner()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty claims repository as the current directory."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("kind", "folder"), [("claim", "claims"), ("source", "sources")])
def test_new_writes_into_the_default_folder(repo: Path, kind: str, folder: str) -> None:
    code, out, err = invoke("new", kind, "my-first")
    assert code == 0
    assert out == f"{folder}/my-first.yaml\n"
    text = (repo / folder / "my-first.yaml").read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n")
    assert "\nid: my-first " in text
    assert f"factcheck schema {kind} >" in err  # schemas/ does not exist yet: say how


def test_no_hint_when_the_schema_is_there(repo: Path) -> None:
    (repo / "schemas").mkdir()
    (repo / "schemas" / "claim.schema.json").write_text("{}")
    assert invoke("new", "claim", "x") == (0, "claims/x.yaml\n", "")


@pytest.mark.parametrize("kind", list(Kind))
def test_a_fresh_skeleton_fails_check_for_its_placeholders_only(repo: Path, kind: Kind) -> None:
    path = write_skeleton(kind, "fresh")
    problems = check_paths([str(path)], publishing=False)
    assert problems, "the TODOs are listed"
    assert {(p.code, p.severity) for p in problems} == {("FC503", "error")}
    code, out, err = invoke("check", str(path))
    assert code == 1
    assert out.count(": error: ") == len(problems)
    # (and a warning that the repository has no publishing config yet, FC522)
    assert err.startswith(f"checked 1 file: {len(problems)} errors")
    drafted = check_paths([str(path)], allow_draft=True, publishing=False)
    assert {(p.code, p.severity) for p in drafted} == {("FC503", "warning")}
    assert invoke("check", str(path), "--allow-draft")[0] == 0
    assert invoke("check", str(path), "--allow-draft", "--strict")[0] == 1


def test_a_skeleton_fails_check_until_every_todo_is_filled(repo: Path) -> None:
    path = write_skeleton(Kind.claim, "half")
    text = path.read_text()
    for placeholder, value in [
        ('"TODO: the claim, word for word"', '"They hired 448,000 people."'),
        ("date: TODO", "date: 2024-05-02"),
        ("value: TODO", "value: 448000"),
    ]:
        text = text.replace(placeholder, value)
    path.write_text(text)  # the speaker, unit, word and source still TODO
    code, out, _ = invoke("check", str(path))
    assert code == 1
    placeholders = [line for line in out.splitlines() if line.endswith("[FC503]")]
    assert {line.split(": ")[2] for line in placeholders} == {
        "speaker",
        "unit",
        "asserts",
        "sources[0]",
    }


@pytest.mark.parametrize("kind", list(Kind))
def test_verify_of_a_skeleton_names_its_placeholders(repo: Path, kind: Kind) -> None:
    path = write_skeleton(kind, "fresh")
    if kind == Kind.source:  # verify takes claims: a claim naming the draft source
        claim = write_skeleton(Kind.claim, "names-it").read_text()
        for placeholder in ('"TODO: the claim, word for word"', '"TODO: who said it"'):
            claim = claim.replace(placeholder, '"Someone said 5."')
        claim = claim.replace("date: TODO", "date: 2024-05-02").replace("value: TODO", "value: 5")
        claim = claim.replace('"TODO: what is counted"', "people")
        claim = claim.replace("\"TODO: the claim's word for what happened to them", '"lost')
        claim = claim.replace("(lost, killed, created, ...)", "")
        claim = claim.replace('"TODO: ../sources/the-source.yaml"', "../sources/fresh.yaml")
        path = repo / "claims" / "names-it.yaml"
        path.write_text(claim)
    code, out, err = invoke("verify", str(path))
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert lines and all("[FC503]" in line for line in lines[:-1]), err
    assert "placeholder 'TODO" in err
    assert lines[-1].endswith("`factcheck explain FC503` says more")


def test_a_filled_in_skeleton_verifies(repo: Path) -> None:
    source = write_skeleton(Kind.source, "report").read_text()
    for placeholder, value in [
        ('"TODO: the document\'s title"', "A report"),
        ('"TODO: who published it"', "An office"),
        ("published: TODO", "published: 2024-05-01"),
        ("TODO_figure_id", "hired"),
        ("value: TODO", "value: 448000"),
        ('"TODO: what is counted"', "employees"),
        ('"TODO: what the number counts, in your words"', "people hired"),
        ('"TODO: the source\'s words"', "hired"),
        ('"TODO: the sentence that prints the number, verbatim"', '"448,000 were hired"'),
        ('"TODO: the page"', "3"),
    ]:
        source = source.replace(placeholder, value)
    (repo / "sources" / "report.yaml").write_text(source)
    claim = write_skeleton(Kind.claim, "claim").read_text()
    for placeholder, value in [
        ('"TODO: the claim, word for word"', '"They hired 448,000 people."'),
        ('"TODO: who said it"', "Someone"),
        ("date: TODO", "date: 2024-05-02"),
        ("value: TODO", "value: 448000"),
        ('"TODO: what is counted"', "employees"),
        (
            '"TODO: the claim\'s word for what happened to them (lost, killed, created, ...)"',
            "hired",
        ),
        ('"TODO: ../sources/the-source.yaml"', "../sources/report.yaml"),
    ]:
        claim = claim.replace(placeholder, value)
    (repo / "claims" / "claim.yaml").write_text(claim)
    assert check_paths(["claims", "sources"], publishing=False) == []
    code, out, _ = invoke("verify", "claims/claim.yaml", "--json")
    assert code == 0
    assert '"verdict": "supported"' in out


def test_new_refuses_to_overwrite(repo: Path) -> None:
    (repo / "claims").mkdir()
    existing = repo / "claims" / "taken.yaml"
    existing.write_text("mine\n")
    code, out, err = invoke("new", "claim", "taken")
    assert code == 1
    assert out == ""
    assert "claims/taken.yaml already exists" in err and "never overwrites" in err
    assert existing.read_text() == "mine\n"
    with pytest.raises(SkeletonExistsError):
        write_skeleton(Kind.claim, "taken")


def test_dir_option_and_yaml_suffix(repo: Path) -> None:
    code, out, _ = invoke("new", "source", "report.yaml", "--dir", "archive/2024/sources")
    assert code == 0
    assert out == "archive/2024/sources/report.yaml\n"
    text = Path(out.strip()).read_text()
    assert "$schema=../../../schemas/source.schema.json\n" in text
    assert "\nid: report " in text


@pytest.mark.parametrize("name", ["Bad Name", "-dash", "../escape", "", "x/y"])
def test_names_that_cannot_be_ids_are_usage_errors(repo: Path, name: str) -> None:
    code, _, _ = invoke("new", "claim", name)
    assert code == 2
    assert not (repo / "claims").exists()


def test_unknown_kind_is_a_usage_error(repo: Path) -> None:
    assert invoke("new", "verdict", "x")[0] == 2


def test_modeline_is_relative_to_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text("")
    target = tmp_path / "deep" / "er" / "x.yaml"
    text = render_skeleton(Kind.claim, "x", target)
    assert text.startswith("# yaml-language-server: $schema=../../schemas/claim.schema.json\n")
