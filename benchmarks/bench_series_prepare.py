"""Long series: what a sum claim over a 240-month flow series costs beyond start-up.

Generates a source with one flow series of 240 monthly figures (28,920 windows, each a
candidate of the search) and a claim that is the sum of 140 of them, tolerance 0.01%, then
measures in one run:

- start-up, the baseline: `factcheck --version` in a fresh process (the CLI imports its
  heavy modules inside the commands, so this is Python, Typer and the CLI module);
- verify's start-up, a second baseline: a fresh process importing what `verify` imports
  before its first claim (the judge, the search with numpy, the terminal renderer);
- `factcheck verify` of the claim in a fresh process;
- in this process: the whole judge, the whole search, and preparing the search for the
  series (candidates, target and weights as integers, relations as indices:
  `factcheck.search.prepare.Prepared`).

Each is measured `--repeat` times, in turns, so that a busy machine slows them alike, and
the fastest run of each is printed, in seconds and as a ratio of each baseline. Issue 9's
target: building the judge's items and preparing the search take at most half the start-up
together.

    python benchmarks/bench_series_prepare.py [--months 240] [--repeat 5]
"""

from __future__ import annotations

import argparse
import calendar
import os
import random
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
STARTUP = "start-up: factcheck --version (new process)"
VERIFY_STARTUP = "verify's start-up: its imports (new process)"
VERIFY_IMPORTS = "import factcheck.cli, factcheck.batch, factcheck.render.terminal"


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


def in_new_process(command: list[str], cwd: Path) -> Callable[[], object]:
    return lambda: subprocess.run(command, cwd=cwd, capture_output=True, check=True)


def fastest(steps: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The fastest of `repeat` runs of each step, the steps taken in turns (after a warm-up
    of each: imports, caches)."""
    times: dict[str, list[float]] = {name: [] for name in steps}
    for run in steps.values():
        run()
    for _ in range(repeat):
        for name, run in steps.items():
            started = time.perf_counter()
            run()
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--months", type=int, default=240)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    factcheck = [sys.executable, "-m", "factcheck.cli"]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        claim = generate(root, args.months)
        found = search_arguments(claim)
        candidates, target, weights = found["candidates"], found["target"], found["weights"]
        steps = {
            STARTUP: in_new_process([*factcheck, "--version"], root),
            VERIFY_STARTUP: in_new_process([sys.executable, "-c", VERIFY_IMPORTS], root),
            "factcheck verify of the claim (new process)": in_new_process(
                [*factcheck, "verify", str(claim)], root
            ),
            "  judge(), in process": lambda: judge(load_claim(claim), Settings()),
            "  search(), in process": lambda: search(
                candidates, target, max_terms=4, weights=weights
            ),
            "  preparing the search (Prepared), in process": lambda: Prepared(
                candidates, target, weights
            ),
        }
        seconds = fastest(steps, args.repeat)
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"series benchmark: {args.months} months, {len(candidates):,} candidates, tolerance "
        f"0.01% ({os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load {load})"
    )
    startup, verify_startup = seconds[STARTUP], seconds[VERIFY_STARTUP]
    heading = f"what (fastest of {args.repeat})"
    print(f"{heading:<46} {'seconds':>8} {'x start-up':>11} {'x verify start-up':>18}")
    for what, taken in seconds.items():
        print(f"{what:<46} {taken:>8.3f} {taken / startup:>11.2f} {taken / verify_startup:>18.2f}")


if __name__ == "__main__":
    main()
