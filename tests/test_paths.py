"""paths.py: which files a command was asked about. A folder that cannot be read, or a
path past the system's length limit, is a problem for that path; the rest is found."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from factcheck import paths
from factcheck.batch import verify_many
from factcheck.check import check_paths
from factcheck.judge import Settings
from factcheck.paths import expand_paths
from tests.conftest import REPO

CLAIM = REPO / "claims" / "illustrative-mayor-created-12k-jobs.yaml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "claims" / "ok").mkdir(parents=True)
    (tmp_path / "claims" / "locked").mkdir()
    (tmp_path / "claims" / "locked" / "hidden.yaml").write_text("id: x\n")
    shutil.copytree(REPO / "sources", tmp_path / "sources")
    (tmp_path / "claims" / "ok" / CLAIM.name).write_text(
        CLAIM.read_text().replace("../sources/", "../../sources/")
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _lock(monkeypatch: pytest.MonkeyPatch, folder: str) -> None:
    """As chmod 000 would, for root too (who reads every folder)."""
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)).name == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(paths.os, "scandir", scandir)


def test_an_unreadable_folder_is_a_problem_and_the_rest_is_judged(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lock(monkeypatch, "locked")
    batch = verify_many(["claims/"], Settings())
    assert [a.claim.id for a in batch.audits] == ["illustrative-mayor-created-12k-jobs"]
    [problem] = batch.problems
    assert (problem.path, problem.code) == ("claims/locked", "FC101")
    assert "folder cannot be read (Permission denied)" in problem.message
    # (check's publishing warnings, FC52x, aside: this repository has no factcheck.toml)
    [problem] = [p for p in check_paths(["claims/"]) if p.severity == "error"]
    assert problem.path == "claims/locked"


@pytest.mark.skipif(os.name != "posix", reason="PATH_MAX")
def test_a_folder_nested_past_the_path_limit_is_a_problem_and_the_rest_is_judged(
    repo: Path,
) -> None:
    deep = repo / "claims" / "deep"
    deep.mkdir()
    descriptor = os.open(deep, os.O_RDONLY)
    try:
        for _ in range(25):  # 25 x 201 characters: past 4,096 bytes
            os.mkdir("d" * 200, dir_fd=descriptor)
            inner = os.open("d" * 200, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
        os.close(os.open("c.yaml", os.O_WRONLY | os.O_CREAT, dir_fd=descriptor))
    finally:
        os.close(descriptor)
    batch = verify_many(["claims/"], Settings())
    assert [a.claim.id for a in batch.audits] == ["illustrative-mayor-created-12k-jobs"]
    [problem] = [p for p in batch.problems if "locked" not in p.path]
    assert problem.code == "FC101" and "longer than the system's limit" in problem.message
    assert problem.path.startswith("claims/deep/ddd") and len(problem.path) < 200
    assert len(problem.format()) < 400


def test_hidden_folders_are_left_out(repo: Path) -> None:
    (repo / "claims" / "ok" / ".drafts").mkdir()
    (repo / "claims" / "ok" / ".drafts" / "draft.yaml").write_text("id: x\n")
    found, problems = expand_paths(["claims/ok"])
    assert [p.name for p, _ in found] == [CLAIM.name] and problems == []
