"""Long series: claims over a 240-month flow series, against start-up, whole and in parts.

Generates a source with one flow series of --months monthly figures (240: 28,920 windows,
each a candidate of the search) beside 12 other figures, and claims about it: a sum over a
36-month window (tolerance 0.01%, with an attributed period), a sum that nothing
reproduces, a percent change, and a claim with one inline figure. Then it measures, in one
run, each the best of --runs:

1. each claim's `factcheck verify --format json` as a whole process, wall and CPU time,
   beside the start-up baseline (`verify` of the claim with one inline figure: Python,
   imports, loading and nothing to search). What a long series adds is a claim's time
   minus the baseline; issue 9's target is at most half the baseline for the sum claim.
   --against times another checkout's code (e.g. main) in the same run;
2. the sum claim's judging in process, in parts (CPU time, the cyclic collector paused as
   judge() pauses it): loading, building the items (windows, candidates, relations), the
   search (its preparation included), the whole judge;
3. the same against two start-ups (fastest wall time): `factcheck --version` in a new
   process (Python, Typer, the CLI module) and a new process importing what `verify`
   imports before its first claim; with the judge, the search and preparing the search
   (`factcheck.search.prepare.Prepared`: candidates, target and weights as integers, the
   relations as indices) in process.

The processes run with a bytecode cache, as an installed factcheck has (processes.py).

    python benchmarks/bench_series.py [--runs 5] [--months 240] [--against ../main]
"""

from __future__ import annotations

import argparse
import calendar
import gc
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from processes import best_in_turns, environment

from factcheck.judge import Settings, judge
from factcheck.judge.audit import choose, search
from factcheck.judge.settings import resolve
from factcheck.load import load_claim
from factcheck.search import search as search_figures
from factcheck.search.prepare import Prepared

VERIFY_IMPORTS = "import factcheck.cli, factcheck.batch, factcheck.render.terminal"


def monthly_figures(months: int) -> list[dict[str, Any]]:
    """A monthly flow series of `months` figures and 12 other figures in its unit, the same
    on every run (bench_relations.py times the judge on it too)."""
    rng = random.Random(240)
    figures: list[dict[str, Any]] = []
    for k in range(months):
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
    return figures + [
        {"id": f"other_{k}", "value": rng.randint(1_000, 60_000), "unit": "encounters"}
        for k in range(12)
    ]


def generate(root: Path, months: int) -> dict[str, Path]:
    """The source and the claims; returns each claim's path by name."""
    figures = monthly_figures(months)
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


Timings = dict[str, tuple[float, float]]  # name -> (wall, CPU) seconds


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


def fastest(steps: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """The fastest wall time of each step, over `runs` taken in turns after a warm-up."""
    times: dict[str, list[float]] = {name: [] for name in steps}
    for work in steps.values():
        work()
    for _ in range(runs):
        for name, work in steps.items():
            started = time.perf_counter()
            work()
            times[name].append(time.perf_counter() - started)
    return {name: min(found) for name, found in times.items()}


def search_arguments(claim: Path) -> dict[str, Any]:
    """What the judge hands the search for this claim (its candidates, target, weights)."""
    seen: dict[str, Any] = {}
    original = Prepared.__init__

    def spy(self: Prepared, candidates: Any, target: Any, weights: Any) -> None:
        if target is not None and not seen:  # the search's, not a census's (no target)
            seen.update(candidates=candidates, target=target, weights=weights)
        original(self, candidates, target, weights)

    Prepared.__init__ = spy  # type: ignore[method-assign]
    try:
        judge(load_claim(claim), Settings())
    finally:
        Prepared.__init__ = original  # type: ignore[method-assign]
    return seen


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


def against_start_ups(processes: Timings, inside: dict[str, float], runs: int) -> None:
    """Section 3: the sum claim, whole and its parts, over each start-up (fastest wall)."""
    startup, verify_startup = processes["--version"][0], processes["verify's imports"][0]
    rows = {
        "start-up: factcheck --version (new process)": startup,
        "verify's start-up: its imports (new process)": verify_startup,
        "factcheck verify of the sum claim (new process)": processes["sum"][0],
        **inside,
    }
    heading = f"what (fastest of {runs})"
    print(f"{heading:<50} {'seconds':>8} {'x start-up':>11} {'x verify start-up':>18}")
    for what, taken in rows.items():
        print(f"{what:<50} {taken:>8.3f} {taken / startup:>11.2f} {taken / verify_startup:>18.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", "--repeat", type=int, default=5)
    parser.add_argument("--months", type=int, default=240, help="at least 60")
    parser.add_argument(
        "--against", type=Path, help="also time another checkout's code (e.g. main) in this run"
    )
    parser.add_argument("--no-bytecode-cache", action="store_true")
    args = parser.parse_args()
    factcheck = [sys.executable, "-m", "factcheck.cli"]
    verify = [*factcheck, "verify", "--format", "json"]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        cache = None if args.no_bytecode_cache else root / "bytecode"
        # This checkout's code, also when the claims' folder is the current one.
        here = environment(cache, {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
        paths = generate(root, args.months)
        commands = {name: ([*verify, str(path)], here) for name, path in paths.items()}
        commands["--version"] = ([*factcheck, "--version"], here)
        commands["verify's imports"] = ([sys.executable, "-c", VERIFY_IMPORTS], here)
        if args.against is not None:
            other = environment(cache, {**os.environ, "PYTHONPATH": str(args.against.resolve())})
            commands |= {f"against {n}": ([*verify, str(p)], other) for n, p in paths.items()}
        processes = best_in_turns(commands, root, args.runs)
        inside = parts(paths["sum"], args.runs)
        found = search_arguments(paths["sum"])
        candidates, target, weights = found["candidates"], found["target"], found["weights"]
        steps = fastest(
            {
                "  judge(), in process": lambda: judge(load_claim(paths["sum"]), Settings()),
                "  search(), in process": lambda: search_figures(
                    candidates, target, max_terms=4, weights=weights
                ),
                "  preparing the search (Prepared), in process": lambda: Prepared(
                    candidates, target, weights
                ),
            },
            args.runs,
        )
    timed = {name: processes[name] for name in paths}
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    env = f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load {load}"
    print(
        f"series benchmark: {args.months} monthly figures, {len(candidates):,} candidates, "
        f"best of {args.runs} runs ({env})" + ("" if cache else "; no bytecode cache")
    )
    table(timed)
    if args.against is not None:
        print(f"the same, with the code of {args.against}:")
        table({name: processes[f"against {name}"] for name in paths})
    print("in process, the sum claim (CPU s, the cyclic collector paused as judge() does):")
    for name, seconds in inside.items():
        print(f"  {name:50} {seconds:6.3f}")
    against_start_ups(processes, steps, args.runs)
    (base_wall, base_cpu), (wall, cpu) = timed["start-up"], timed["sum"]
    ratios = (wall - base_wall) / base_wall, (cpu - base_cpu) / base_cpu
    met = "met" if max(ratios) <= 0.5 else "NOT met"
    print(
        f"target, the sum claim adds at most half the start-up time: {met} "
        f"(wall {ratios[0]:.2f}, CPU {ratios[1]:.2f})"
    )


if __name__ == "__main__":
    main()
