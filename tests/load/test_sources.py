"""load/sources.py: where a claim's sources may be, and the cache that reads each once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.load import SourceCache, find_root, load_claim
from tests.load.helpers import CASES, CLAIM, REPO_ROOT, problems_of


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


def test_a_directory_named_as_source(repo: Path) -> None:
    (problem,) = problems_of(_claim_naming(repo, "../sources"))
    assert problem.code == "FC304"


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


def test_the_cache_knows_a_file_by_any_path_to_it(repo: Path) -> None:
    cache = SourceCache()
    by_one_way = cache.get(repo / "sources" / "inside.yaml")
    by_another = cache.get(repo / "claims" / ".." / "sources" / "inside.yaml")
    assert by_another is by_one_way
    assert cache.document(repo / "sources" / "inside.yaml") is by_one_way.document


def test_the_collector_pauses_while_a_source_loads_and_only_then(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    import factcheck.load.sources as sources

    seen: list[bool] = []
    validate = sources.validate

    def watched(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return validate(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sources, "validate", watched)
    assert gc.isenabled()
    SourceCache().get(repo / "sources" / "inside.yaml")
    assert seen == [False]
    assert gc.isenabled()
    broken = repo / "sources" / "broken.yaml"
    broken.write_text("id: x\nfigures: 3\n", encoding="utf-8")
    with pytest.raises(InputError):
        SourceCache().get(broken)
    assert gc.isenabled()  # again after a source that is refused
    gc.disable()
    try:
        SourceCache().get(repo / "sources" / "inside.yaml")
        assert not gc.isenabled()  # a caller's choice is left as it was
    finally:
        gc.enable()
