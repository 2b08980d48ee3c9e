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


def best_wall(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return min(times)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    factcheck = [sys.executable, "-m", "factcheck.cli", "verify", "--format", "json"]
    with tempfile.TemporaryDirectory() as folder:
        paths = generate(Path(folder))
        wall = {name: best_wall([*factcheck, str(path)], args.runs) for name, path in paths.items()}
        inside = parts(paths["sum"], args.runs)
    baseline = wall.pop("start-up")
    env = f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    print(f"series benchmark: {MONTHS} monthly figures, best of {args.runs} runs ({env})")
    print(f"{'factcheck verify':38} {'wall s':>7} {'beyond start-up':>16} {'ratio':>6}")
    print(f"{'start-up (one inline figure)':38} {baseline:7.3f}")
    for name, seconds in wall.items():
        beyond = seconds - baseline
        print(f"{name:38} {seconds:7.3f} {beyond:16.3f} {beyond / baseline:6.2f}")
    print("in process, the sum claim (CPU s):")
    for name, seconds in inside.items():
        print(f"  {name:50} {seconds:6.3f}")
    ratio = (wall["sum"] - baseline) / baseline
    verdict = "met" if ratio <= 0.5 else "NOT met"
    print(f"target (sum claim beyond start-up <= 0.5 x start-up): {verdict} ({ratio:.2f})")


if __name__ == "__main__":
    main()
