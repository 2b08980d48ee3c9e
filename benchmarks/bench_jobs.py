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

On a busy machine the wall-clock ratio says little: Linux groups the processes of a
session (autogroup) and shares the CPUs between groups, so a second worker gains no CPU
while other sessions keep both cores busy. The benchmark therefore also reads each
process's own CPU time from /proc while the command runs: the command's (start-up,
reading the files, writing the output) and each worker's. On idle cores an N-job run
takes at most about the command's CPU time plus its busiest worker's (as if none of the
command's work overlapped the workers'), so one job's CPU time divided by that sum is a
cautious estimate of the speed-up on N idle cores, whatever the load now.
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
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_batch import generate  # a script beside this one

TARGET = 1.6


PROC = Path("/proc")
TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # CPU seconds of the command and its workers
    parent: float  # CPU seconds of the command itself (0 where /proc cannot tell)
    busiest: float  # CPU seconds of its busiest worker (0 without workers)
    digest: str  # of stdout and stderr
    code: int


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers included, once reaped
    return usage.ru_utime + usage.ru_stime


def _process_cpu(root: int) -> dict[int, float]:
    """CPU seconds so far of `root` and of every process whose parent it is (/proc)."""
    found: dict[int, float] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
        except OSError:
            continue  # gone meanwhile
        fields = stat.rsplit(")", 1)[1].split()  # after the command's name, which may hold spaces
        pid, parent = int(entry.name), int(fields[1])
        if pid == root or parent == root:
            found[pid] = (int(fields[11]) + int(fields[12])) / TICK  # utime + stime
    return found


def timed(command: list[str], cwd: Path) -> Run:
    """Run the command; its wall and CPU time, its busiest process, a digest of its output."""
    cpu, start = _children_cpu(), time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        seen: dict[int, float] = {}
        watch = PROC.is_dir()
        while process.poll() is None:
            if watch:
                for pid, spent in _process_cpu(process.pid).items():
                    seen[pid] = max(seen.get(pid, 0.0), spent)
            time.sleep(0.05)  # a benchmark polls; no test waits on time
        elapsed = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        digest = hashlib.sha256(out.read() + err.read()).hexdigest()
    total = _children_cpu() - cpu
    parent = seen.pop(process.pid, 0.0)
    return Run(elapsed, total, parent, max(seen.values(), default=0.0), digest, process.returncode)


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
    runs: dict[int, list[Run]] = {n: [] for n in jobs}
    before = load()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate(root, args.claims)
        for _ in range(args.runs):
            for n in jobs:
                run = timed([*factcheck, "--jobs", str(n)], root)
                assert run.code == 0, f"--jobs {n} exited {run.code}"
                runs[n].append(run)
    assert len({r.digest for n in jobs for r in runs[n]}) == 1, "the output differs with --jobs"
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(
        f"jobs benchmark: {args.claims} generated claims, best of {args.runs} runs "
        f"({cpus} CPUs, Python {sys.version.split()[0]}; load average {before} before, "
        f"{load()} after)"
    )
    wall = {n: min(r.wall for r in runs[n]) for n in jobs}
    cpu = {n: min(r.cpu for r in runs[n]) for n in jobs}
    # the run whose command and busiest worker took least CPU: the least disturbed
    path = {n: min(runs[n], key=lambda r: r.parent + r.busiest) for n in jobs}
    print(
        f"{'factcheck verify claims -f jsonl':<34} {'seconds':>8} {'speed-up':>9} "
        f"{'CPU s':>7} {'command':>8} {'worker':>8} {'on idle cores':>14}"
    )
    for n in jobs:
        critical = path[n].parent + path[n].busiest
        reach = f"{cpu[1] / critical:.2f}x" if path[n].parent and n > 1 else "-"
        print(
            f"{'  --jobs ' + str(n):<34} {wall[n]:>8.2f} {wall[1] / wall[n]:>8.2f}x "
            f"{cpu[n]:>7.2f} {path[n].parent:>8.2f} {path[n].busiest:>8.2f} {reach:>14}"
        )
    print(
        "(CPU s: the command and its workers; command, worker: CPU s of the command and of "
        "its busiest worker; on idle cores: one job's CPU s / (command + worker))"
    )
    print("every run wrote the same bytes")
    if 2 in wall:
        ratio = wall[1] / wall[2]
        verdict = "met" if ratio >= TARGET else "NOT met"
        print(f"target: 2 jobs at least {TARGET}x faster than 1: {verdict} ({ratio:.2f}x)")


if __name__ == "__main__":
    main()
