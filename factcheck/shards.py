"""`--shard K/N`: one of N parts of a claims repository, for one job of a CI matrix.

Which part a file belongs to depends on nothing but its path inside the repository (the
folder with factcheck.toml, pyproject.toml or .git above it, or --root) and N, so every
job of a matrix, on any machine and from any checkout folder, agrees on it, and the N
parts hold every file exactly once.

The part is chosen by rendezvous hashing: each part k scores the file with a hash of
(k, path) and the highest score wins. Adding or removing a file moves no other file (a
sorted list dealt out in turn would move every file after it), and changing N moves only
the files that must move (about 1/N of them when a part is added). The price is balance:
parts are equal only on average; with F files each holds about F/N, give or take
sqrt(F/N) (for 1,000 files in 4 parts, 250 give or take 16).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

_FORM = re.compile(r"\s*([0-9]+)\s*/\s*([0-9]+)\s*")
MAX_SHARDS = 10_000


class ShardError(ValueError):
    """A --shard value that is not K/N with 1 <= K <= N."""


@dataclass(frozen=True)
class Shard:
    """Part `index` (1-based, as CI matrices count) of `count` parts."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        match = _FORM.fullmatch(text)
        if match is None:
            raise ShardError(f"{text!r} is not K/N: write 2/4 for the second of four parts")
        index, count = int(match[1]), int(match[2])
        if not 1 <= count <= MAX_SHARDS:
            raise ShardError(f"{text!r}: N must be from 1 to {MAX_SHARDS:,}")
        if not 1 <= index <= count:
            raise ShardError(f"{text!r}: K must be from 1 to N ({count})")
        return cls(index, count)

    def holds(self, path: Path, root: Path | None = None) -> bool:
        """Whether the file at path is in this part."""
        return self.count == 1 or part_of(repository_path(path, root), self.count) == self.index


def repository_path(path: Path, root: Path | None = None) -> str:
    """The file's path inside its claims repository, with / between folders."""
    from factcheck.load import find_root

    resolved = path.resolve()
    base = (root or find_root(resolved.parent)).resolve()
    try:
        return resolved.relative_to(base).as_posix()
    except ValueError:  # outside the repository (named on the command line): its full path
        return resolved.as_posix()


def part_of(key: str, count: int) -> int:
    """The part (1..count) that scores key highest."""
    data = key.encode("utf-8", "surrogateescape")

    def score(part: int) -> bytes:
        return hashlib.blake2b(data, digest_size=8, key=part.to_bytes(4, "big")).digest()

    return max(range(1, count + 1), key=score)
