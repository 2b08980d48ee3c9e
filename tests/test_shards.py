"""--shard K/N: every file in exactly one part, the same part on every machine, and parts
that keep their files when files are added."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from factcheck.shards import MAX_SHARDS, Shard, ShardError, part_of, repository_path


def _names(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [f"claims/{rng.randrange(10**9):09d}-claim.yaml" for _ in range(count)]


@pytest.mark.parametrize("count", [1, 2, 3, 4, 7])
def test_the_parts_hold_every_file_exactly_once(count: int) -> None:
    names = _names(500)
    parts = [[n for n in names if part_of(n, count) == k] for k in range(1, count + 1)]
    assert sorted(n for part in parts for n in part) == sorted(names)
    assert all(parts)  # no part empty with 500 files


def test_the_parts_are_balanced_on_average() -> None:
    names = _names(4000)
    sizes = [sum(part_of(n, 4) == k for n in names) for k in range(1, 5)]
    assert all(abs(size - 1000) < 100 for size in sizes), sizes  # ~ +-32 expected


def test_adding_files_moves_no_other_file() -> None:
    before = _names(300)
    after = before + _names(50, seed=2)
    assert all(part_of(n, 3) == part_of(n, 3) for n in before)  # a pure function of the path
    assigned = {n: part_of(n, 3) for n in before}
    assert {n: part_of(n, 3) for n in after if n in assigned} == assigned


def test_adding_a_part_moves_only_files_into_it() -> None:
    names = _names(2000)
    moved = [n for n in names if part_of(n, 4) != part_of(n, 5)]
    assert all(part_of(n, 5) == 5 for n in moved)
    assert 300 < len(moved) < 500  # about a fifth


def test_the_part_is_fixed_for_a_path_on_any_machine() -> None:
    # Pinned: a change here would reshuffle every newsroom's CI matrix (and is a
    # changelog line). blake2b is the same on every platform and Python version.
    assert [part_of(f"claims/c{i}.yaml", 4) for i in range(12)] == [
        1,
        2,
        4,
        1,
        4,
        1,
        3,
        2,
        4,
        1,
        2,
        4,
    ]
    assert part_of("claims/trump-2024-09-23-325k-migrant-children.yaml", 4) == 4


def test_the_path_is_taken_inside_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "factcheck.toml").write_text("")
    (tmp_path / "claims").mkdir()
    claim = tmp_path / "claims" / "x.yaml"
    claim.write_text("")
    assert repository_path(claim) == "claims/x.yaml"
    monkeypatch.chdir(tmp_path / "claims")
    assert repository_path(Path("x.yaml")) == "claims/x.yaml"  # whatever the cwd
    assert repository_path(claim, root=tmp_path / "claims") == "x.yaml"


@pytest.mark.parametrize(
    ("text", "index", "count"), [("1/1", 1, 1), ("2/4", 2, 4), (" 3 / 3 ", 3, 3)]
)
def test_parse(text: str, index: int, count: int) -> None:
    assert Shard.parse(text) == Shard(index, count)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("0/4", "K must be from 1 to N"),
        ("5/4", "K must be from 1 to N"),
        ("1/0", "N must be from 1"),
        (f"1/{MAX_SHARDS + 1}", "N must be from 1"),
        ("2", "is not K/N"),
        ("a/b", "is not K/N"),
        ("-1/4", "is not K/N"),
        ("\u0661/\u0662", "is not K/N"),  # Arabic-Indic digits
    ],
)
def test_parse_refuses(text: str, says: str) -> None:
    with pytest.raises(ShardError, match=says):
        Shard.parse(text)


def test_one_part_holds_everything(tmp_path: Path) -> None:
    assert Shard(1, 1).holds(tmp_path / "anything.yaml")
