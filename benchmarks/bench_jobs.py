"""Batches over processes: `factcheck verify --jobs N` against `--jobs 1`, measured in one run.

Generates N claim files (default 1,000: the archive of bench_batch.py, claims that share
the shipped sources), then times whole `factcheck verify claims --format jsonl` commands
with --jobs 1 (the baseline) and --jobs 2 (and --jobs 4 with --max-jobs 4), taking turns
so that a change in the machine's load hits both, and keeps each one's best run. It checks
that every run writes the same bytes, and prints each time, its ratio to one job, the CPU
time of the whole run (the command and its workers: what the processes cost beyond one
job's work), and the load average before and after (the machine may be shared: with other
work running, a second process finds no idle core and the ratio says little).

    python benchmarks/bench_jobs.py [--claims 1000] [--runs 3] [--max-jobs 2]

Target (issue 12): 1,000 claims with 2 jobs at least 1.6x faster than with 1.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_batch import generate  # a script beside this one

TARGET = 1.6


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers included, once reaped
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path) -> tuple[float, float, str, int]:
    """Wall seconds, CPU seconds, a digest of the output, the exit code."""
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    digest = hashlib.sha256(done.stdout + done.stderr).hexdigest()
    return elapsed, _children_cpu() - cpu, digest, done.returncode


def load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-jobs", type=int, default=2)
    args = parser.parse_args()
    jobs = [1, *range(2, args.max_jobs + 1)]
    factcheck = [sys.executable, "-m", "factcheck.cli", "verify", "claims", "-f", "jsonl"]
    best = {n: float("inf") for n in jobs}
    cpu = {n: float("inf") for n in jobs}
    digests: set[str] = set()
    before = load()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate(root, args.claims)
        for _ in range(args.runs):
            for n in jobs:
                elapsed, spent, digest, code = timed([*factcheck, "--jobs", str(n)], root)
                assert code == 0, f"--jobs {n} exited {code}"
                digests.add(digest)
                best[n] = min(best[n], elapsed)
                cpu[n] = min(cpu[n], spent)
    assert len(digests) == 1, "the output differs with the number of jobs"
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(
        f"jobs benchmark: {args.claims} generated claims, best of {args.runs} runs "
        f"({cpus} CPUs, Python {sys.version.split()[0]}; load average {before} before, "
        f"{load()} after)"
    )
    print(f"{'factcheck verify claims -f jsonl':<36} {'seconds':>8} {'speed-up':>9} {'CPU s':>7}")
    for n in jobs:
        print(
            f"{'  --jobs ' + str(n):<36} {best[n]:>8.2f} {best[1] / best[n]:>8.2f}x {cpu[n]:>7.2f}"
        )
    print("every run wrote the same bytes")
    ratio = best[1] / best[2] if 2 in best else 0.0
    verdict = "met" if ratio >= TARGET else "NOT met"
    print(f"target: 2 jobs at least {TARGET}x faster than 1: {verdict} ({ratio:.2f}x)")


if __name__ == "__main__":
    main()
