"""Long series: `factcheck verify` of claims over a 240-month flow series, against start-up.

Generates a source with one flow series of 240 monthly figures (28,920 windows) beside 12
other figures, and claims about it; then times, in one run, each claim's `factcheck verify`
(best of --runs processes) beside the start-up baseline: `verify` of a claim with one inline
figure, which costs the start-up (Python, imports, loading) and nothing else. The work a
long series adds is a claim's time minus the baseline; issue 9's target is at most half
the baseline for the sum claim. In-process timings (CPU time, best of --runs) then split
the sum claim's judging into its parts: building the items (windows, their candidates and
relations), the search (its preparation included) and the rest.

    python benchmarks/bench_series.py [--runs 5]
"""

from __future__ import annotations

import argparse
import calendar
import gc
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from factcheck.judge import judge
from factcheck.judge.audit import choose, search
from factcheck.judge.settings import resolve
from factcheck.load import load_claim

MONTHS = 240


def generate(root: Path) -> dict[str, Path]:
    """The source and the claims; returns each claim's path by name."""
    rng = random.Random(240)
    figures: list[dict[str, Any]] = []
    for k in range(MONTHS):
        year, month = 2004 + k // 12, k % 12 + 1
        last = calendar.monthrange(year, month)[1]
        figures.append(
            {
                "id": f"m{year}_{month:02d}",
                "value": rng.randint(800, 1_200),
                "unit": "encounters",
                "series": "encounters_monthly",
                "period": {"start": f"{year}-{month:02d}-01", "end": f"{year}-{month:02d}-{last}"},
                "described_as": ["border encounters"],
            }
        )
    figures += [
        {"id": f"other_{k}", "value": rng.randint(1_000, 60_000), "unit": "encounters"}
        for k in range(12)
    ]
    source = {"id": "series", "title": "Monthly encounters", "publisher": "Agency"}
    source |= {"published": "2024-06-30", "figures": figures}
    (root / ".git").mkdir()
    (root / "sources").mkdir()
    (root / "claims").mkdir()
    (root / "sources" / "series.yaml").write_text(yaml.safe_dump(source, sort_keys=False))
    common = {"speaker": "A minister", "date": "2024-07-01", "sources": ["../sources/series.yaml"]}
    # Feb 2005 - Jan 2008: 36 months, summed exactly.
    window = sum(f["value"] for f in figures[13:49])
    claims = {
        "sum": {
            "text": f"{window:,} crossed the border.",
            "value": window,
            "unit": "encounters",
            "asserts": "crossed",
            "tolerance": 0.0001,
            "period": {"start": "2005-02-01", "end": "2008-01-31"},
        },
        "sum-unreproduced": {
            "text": "1.5 million crossed the border.",
            "value": 1_500_000,
            "unit": "encounters",
            "asserts": "crossed",
            "tolerance": 0.0001,
        },
        "percent-change": {
            "text": "Crossings rose by about 10%.",
            "value": 10,
            "qualifier": "about",
            "unit": "percent",
            "asserts": "rose",
        },
        "start-up": {
            "text": "Five crossed.",
            "value": 5,
            "unit": "encounters",
            "asserts": "crossed",
            "sources": [],
            "figures": [{"id": "five", "value": 5, "unit": "encounters"}],
        },
    }
    paths = {}
    for name, claim in claims.items():
        path = root / "claims" / f"{name}.yaml"
        path.write_text(yaml.safe_dump({"id": name, **common, **claim}, sort_keys=False))
        paths[name] = path
    return paths


Timings = dict[str, tuple[float, float]]  # claim name -> (wall, CPU) seconds


def best_processes(
    commands: dict[str, tuple[list[str], dict[str, str]]], folder: Path, runs: int
) -> Timings:
    """(wall, CPU) seconds of each command, each the best of `runs`. The commands take
    turns, so that a busy spell of a shared machine does not fall on one of them; the CPU
    time (user + system) varies less than the wall time there."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, env) in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            # In the claims' folder: `-m` puts the current folder first on the module path.
            subprocess.run(command, capture_output=True, check=True, env=env, cwd=folder)
            walls[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return {name: (min(walls[name]), min(cpus[name])) for name in commands}


def best_cpu(work: Callable[[], object], runs: int) -> float:
    """CPU seconds, best of `runs`, with the cyclic collector paused as judge() pauses it."""
    times = []
    for _ in range(runs):
        gc.disable()
        try:
            start = time.process_time()
            work()
            times.append(time.process_time() - start)
        finally:
            gc.enable()
    return min(times)


def parts(path: Path, runs: int) -> dict[str, float]:
    """The sum claim's judging in parts, in process (CPU seconds)."""
    case = load_claim(path)
    rules = resolve(case, None, None)
    combos = choose(case, rules)
    return {
        "load the claim and its source": best_cpu(lambda: load_claim(path), runs),
        "build the items (windows, candidates, relations)": best_cpu(
            lambda: choose(case, rules), runs
        ),
        "search (preparation included)": best_cpu(lambda: search(combos, rules), runs),
        "judge, whole": best_cpu(lambda: judge(case), runs),
    }


def table(timed: Timings) -> None:
    """Each claim's wall and CPU time, what it adds to start-up, and that over start-up."""
    base_wall, base_cpu = timed["start-up"]
    print(f"{'factcheck verify':30} {'wall s':>7} {'beyond':>7} {'ratio':>6}", end="")
    print(f"   {'CPU s':>6} {'beyond':>7} {'ratio':>6}")
    for name, (wall, cpu) in timed.items():
        if name == "start-up":
            print(f"{'start-up (one inline figure)':30} {wall:7.3f} {'':>14}   {cpu:6.3f}")
            continue
        extra_wall, extra_cpu = wall - base_wall, cpu - base_cpu
        print(f"{name:30} {wall:7.3f} {extra_wall:7.3f} {extra_wall / base_wall:6.2f}", end="")
        print(f"   {cpu:6.3f} {extra_cpu:7.3f} {extra_cpu / base_cpu:6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--against", type=Path, help="also time another checkout's code (e.g. main) in this run"
    )
    args = parser.parse_args()
    factcheck = [sys.executable, "-m", "factcheck.cli", "verify", "--format", "json"]
    # This checkout's code, also when the claims' folder is the current one.
    here = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    with tempfile.TemporaryDirectory() as folder:
        paths = generate(Path(folder))
        commands = {name: ([*factcheck, str(p)], here) for name, p in paths.items()}
        if args.against is not None:
            other = {**os.environ, "PYTHONPATH": str(args.against.resolve())}
            commands |= {f"against {n}": ([*factcheck, str(p)], other) for n, p in paths.items()}
        timings = best_processes(commands, Path(folder), args.runs)
        inside = parts(paths["sum"], args.runs)
    timed = {name: timings[name] for name in paths}
    against = {name: timings[f"against {name}"] for name in paths if args.against is not None}
    env = f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    print(f"series benchmark: {MONTHS} monthly figures, best of {args.runs} runs ({env})")
    table(timed)
    if against:
        print(f"the same, with the code of {args.against}:")
        table(against)
    print("in process, the sum claim (CPU s, the cyclic collector paused as judge() does):")
    for name, seconds in inside.items():
        print(f"  {name:50} {seconds:6.3f}")
    (base_wall, base_cpu), (wall, cpu) = timed["start-up"], timed["sum"]
    ratios = (wall - base_wall) / base_wall, (cpu - base_cpu) / base_cpu
    met = "met" if max(ratios) <= 0.5 else "NOT met"
    print(
        f"target, the sum claim adds at most half the start-up time: {met} "
        f"(wall {ratios[0]:.2f}, CPU {ratios[1]:.2f})"
    )


if __name__ == "__main__":
    main()
