"""Batch speed: `factcheck check` and `factcheck verify` over a generated claims archive.

Generates N claim files (default 1,000) that share a handful of sources, then times, in one
run: `check` over the archive, batch `verify --format jsonl` over it, the same verify done
as separate single-file invocations (the baseline: a newsroom script calling factcheck once
per file, measured on a sample and extrapolated), and `factcheck --help` start-up.

    python benchmarks/bench_batch.py [--claims 1000]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SAMPLE = 20


def generate(root: Path, count: int) -> None:
    """Claims that audit the shipped sources with varied values, words and periods."""
    (root / "factcheck.toml").write_text("")
    shutil.copytree(REPO / "sources", root / "sources")
    claims = root / "claims"
    claims.mkdir()
    rng = random.Random(20261128)
    words = ["lost", "missing", "released", "transferred", "trafficked", "dead"]
    for index in range(count):
        value = rng.choice([325000, 323000, 32000, 448000, 291000, 85000, 1475, 7635])
        claim = {
            "id": f"generated-{index:04d}",
            "text": f"They lost {value:,} children.",
            "speaker": f"Speaker {index % 37}",
            "date": "2024-09-23",
            "value": value,
            "qualifier": rng.choice(["exact", "more_than", "about", "nearly"]),
            "unit": "children",
            "asserts": rng.choice(words),
            "also_asserts": rng.sample(words, 2),
            "period": {"start": "2021-01-20", "end": "2024-09-23"},
            "sources": [
                "../sources/dhs-oig-24-46.yaml",
                "../sources/hhs-wagner-2018-04-26-testimony.yaml",
            ],
        }
        (claims / f"generated-{index:04d}.yaml").write_text(yaml.safe_dump(claim, sort_keys=False))


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    return time.perf_counter() - start, result.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1000)
    args = parser.parse_args()
    factcheck = [sys.executable, "-m", "factcheck.cli"]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate(root, args.claims)
        check_time, check_code = timed([*factcheck, "check", "claims", "sources"], root)
        verify_time, verify_code = timed(
            [*factcheck, "verify", "claims", "--format", "jsonl"], root
        )
        files = sorted((root / "claims").glob("*.yaml"))[:SAMPLE]
        sample = sum(timed([*factcheck, "verify", str(f), "--json"], root)[0] for f in files)
        baseline = sample / len(files) * args.claims
        help_times = sorted(timed([*factcheck, "--help"], root)[0] for _ in range(5))
    env = f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    print(f"batch benchmark: {args.claims} generated claims ({env})")
    print(f"{'what':<44} {'seconds':>9} {'per file (ms)':>14} {'exit':>5}")
    print(
        f"{'factcheck check claims sources':<44} {check_time:>9.2f} "
        f"{1000 * check_time / args.claims:>14.2f} {check_code:>5}"
    )
    print(
        f"{'factcheck verify claims --format jsonl':<44} {verify_time:>9.2f} "
        f"{1000 * verify_time / args.claims:>14.2f} {verify_code:>5}"
    )
    print(
        f"{'baseline: one verify process per file (est.)':<44} {baseline:>9.2f} "
        f"{1000 * baseline / args.claims:>14.2f} {'':>5}"
    )
    print(f"batch verify is {baseline / verify_time:.1f}x faster than one process per file")
    print(f"factcheck --help: median {help_times[2]:.3f} s over 5 runs")


if __name__ == "__main__":
    main()
