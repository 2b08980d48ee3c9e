"""Long series: what a sum claim over a 240-month flow series costs beyond start-up.

Generates a source with one flow series of 240 monthly figures (28,920 windows, each a
candidate of the search) and a claim that is the sum of 140 of them, tolerance 0.01%, then
measures in one run:

- start-up, the baseline: `factcheck --version` in a fresh process (median of `--repeat`);
- `factcheck verify` of the claim in a fresh process (median of 3);
- in this process (best of `--repeat`, after one warm-up): preparing the search for the
  series (candidates, target and weights as integers, relations as indices:
  `factcheck.search.prepare.Prepared`), the whole search, and the whole judge.

Each is printed in seconds and as a ratio of the start-up. Issue 9's target: building the
judge's items and preparing the search take at most half the start-up together.

    python benchmarks/bench_series.py [--months 240] [--repeat 5]
"""

from __future__ import annotations

import argparse
import calendar
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck.judge import Settings, judge
from factcheck.load import load_claim
from factcheck.search import search
from factcheck.search.prepare import Prepared

TOLERANCE = "0.0001"  # 0.01%


def generate(root: Path, months: int) -> Path:
    """A source with one monthly flow series, and a claim that sums a stretch of it."""
    (root / "factcheck.toml").write_text("")
    (root / "sources").mkdir()
    (root / "claims").mkdir()
    rng = random.Random(months)
    lines = [
        "id: monthly-flows",
        "title: A long monthly series (generated)",
        "publisher: bench_series.py",
        "published: 2024-07-15",
        "figures:",
    ]
    values = []
    for k in range(months):
        year, month = 2000 + k // 12, k % 12 + 1
        last = calendar.monthrange(year, month)[1]
        values.append(rng.randint(80_000, 120_000))
        lines += [
            f"  - id: flows_{year}_{month:02d}",
            f"    value: {values[-1]}",
            "    unit: encounters",
            "    series: flows",
            f"    period: {{start: {year}-{month:02d}-01, end: {year}-{month:02d}-{last}}}",
            "    described_as: [border encounters]",
        ]
    (root / "sources" / "monthly.yaml").write_text("\n".join(lines) + "\n")
    total = sum(values[months // 8 : months * 7 // 10])
    claim = root / "claims" / "sum.yaml"
    claim.write_text(
        "\n".join(
            [
                "id: sum-over-a-long-series",
                f'text: "They let in {total:,} people."',
                "speaker: bench_series.py",
                "date: 2024-07-20",
                f"value: {total}",
                "unit: encounters",
                "asserts: border encounters",
                f"tolerance: {TOLERANCE}",
                "sources: [../sources/monthly.yaml]",
            ]
        )
        + "\n"
    )
    return claim


def in_new_process(command: list[str], cwd: Path, repeat: int) -> float:
    """The median wall time of `command` in a fresh process."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def best_of(run: Callable[[], object], repeat: int) -> float:
    run()  # warm up: imports, caches
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--months", type=int, default=240)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    factcheck = [sys.executable, "-m", "factcheck.cli"]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        claim = generate(root, args.months)
        startup = in_new_process([*factcheck, "--version"], root, args.repeat)
        verify = in_new_process([*factcheck, "verify", str(claim)], root, 3)
        found = search_arguments(claim)
        candidates, target, weights = found["candidates"], found["target"], found["weights"]
        prepare = best_of(lambda: Prepared(candidates, target, weights), args.repeat)
        searched = best_of(
            lambda: search(candidates, target, max_terms=4, weights=weights), args.repeat
        )
        judged = best_of(lambda: judge(load_claim(claim), Settings()), max(1, args.repeat // 2))
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"series benchmark: {args.months} months, {len(candidates):,} candidates, tolerance "
        f"0.01% ({os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load {load})"
    )
    rows = [
        ("start-up: factcheck --version (new process)", startup),
        ("factcheck verify of the claim (new process)", verify),
        ("  judge(), in process", judged),
        ("  search(), in process", searched),
        ("  preparing the search (Prepared), in process", prepare),
    ]
    print(f"{'what':<46} {'seconds':>8} {'x start-up':>11}")
    for what, seconds in rows:
        print(f"{what:<46} {seconds:>8.3f} {seconds / startup:>11.2f}")


if __name__ == "__main__":
    main()
