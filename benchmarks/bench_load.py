"""Loading speed: `check` and `verify` of a claim that names a source of 10,000 figures.

Generates a claims repository holding one source of N figures (default 10,000; six keys
each, values written "1,007" as sources print them, each quote holding its figure's value,
so that the file is valid and draws no warning) and a claim that names it, then measures
in one run, each the best of --runs:

- the baseline: a plain `yaml.load(text, Loader=yaml.CSafeLoader)` of the source file, which
  keeps no line numbers and checks nothing;
- `factcheck check` and `factcheck verify` of the claim, each a whole CLI process (wall
  time and CPU time), and the same commands on a claim with a 3-figure source (start-up),
  taking turns, with a bytecode cache as an installed factcheck has (processes.py);
- in this process, where the time goes: reading the source, validating it, the relations
  between its figures, `check`'s warnings, and `verify`'s search and judging.

Every time is also shown as a multiple of the baseline, which moves with the machine as
they do. Targets (issue 9): `check` <= 0.8 s and `verify` <= 1.2 s, wall time.

With --libraries, also the YAML libraries that could replace the reader, where installed
(they are not dependencies: `pip install ruamel.yaml rapidyaml` in a scratch environment):
ruamel.yaml's round-trip loader (the mode that keeps line and column) and its safe loader,
and rapidyaml's parser with a walk of its tree into Python data.

    python benchmarks/bench_load.py [--runs 5] [--figures 10000] [--libraries]
        [--no-bytecode-cache] [--against ../other-checkout]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from processes import best_in_turns, environment

CLAIM = """\
id: big-claim
text: "They lost 1,000 people."
speaker: Someone
date: 2024-09-23
value: 1000
unit: people
asserts: lost
sources: [../sources/{name}.yaml]
"""
# Set so that `check` draws no warning (FC522) on a valid repository.
CONFIG = """\
review_url = "https://factcheck.example.org/reviews/{claim_id}"

[publisher]
name = "Bench Desk"
url = "https://factcheck.example.org"
"""
TARGETS = {"check": 0.8, "verify": 1.2}


def source_text(figures: int) -> str:
    head = "id: big-source\ntitle: A source\npublisher: Bench Office\npublished: 2024-01-31\n"
    lines = [
        f'  - {{id: f{i}, value: "{1000 + 7 * i:,}", unit: people, '
        f'label: lost, quote: "lost {1000 + 7 * i:,}", described_as: [lost]}}'
        for i in range(figures)
    ]
    return head + "figures:\n" + "\n".join(lines) + "\n"


def generate(root: Path, figures: int) -> None:
    (root / "factcheck.toml").write_text(CONFIG)
    (root / "sources").mkdir()
    (root / "claims").mkdir()
    for name, count in (("big", figures), ("small", 3)):
        (root / "sources" / f"{name}.yaml").write_text(source_text(count))
        (root / "claims" / f"{name}.yaml").write_text(CLAIM.format(name=name))


def best_of(runs: int, work: Callable[[], Any]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def phases(runs: int, root: Path) -> list[tuple[str, float]]:
    """Where the time of one run goes, measured in this process (the CLI's GC settings)."""
    from factcheck.check import figure_warnings, placeholders
    from factcheck.judge import judge
    from factcheck.load import FigureOrigin, check_figures, load_claim, read_document, validate
    from factcheck.models import Source

    gc.freeze()
    gc.set_threshold(50_000, 20, 20)  # as factcheck.cli.main sets them
    path = root / "sources" / "big.yaml"
    document = read_document(path)
    source = validate(document, Source)
    origins = [
        FigureOrigin(figure, source.id, document, ("figures", index))
        for index, figure in enumerate(source.figures)
    ]
    case = load_claim(root / "claims" / "big.yaml")

    def warnings() -> None:
        placeholders(document)
        figure_warnings(origins)

    return [
        ("  read the source (read_document)", best_of(runs, lambda: read_document(path))),
        ("  validate it (pydantic, numbers)", best_of(runs, lambda: validate(document, Source))),
        ("  relations (check_figures)", best_of(runs, lambda: check_figures(origins))),
        ("  check's warnings (FC5xx)", best_of(runs, warnings)),
        ("  verify's search and judging", best_of(runs, lambda: judge(case, None))),
    ]


def libraries(runs: int, text: str) -> list[tuple[str, float]]:
    """The libraries that could replace the reader, those of them that are installed."""
    found: list[tuple[str, float]] = []
    try:
        from ruamel.yaml import YAML
    except ImportError:
        print("(ruamel.yaml is not installed: not measured)")
    else:
        round_trip, safe = YAML(typ="rt"), YAML(typ="safe")
        seconds = best_of(1, lambda: round_trip.load(text))  # some 10 s: once
        found.append(("  ruamel.yaml round-trip (keeps places)", seconds))
        found.append(("  ruamel.yaml safe (no places)", best_of(runs, lambda: safe.load(text))))
    try:
        import ryml  # rapidyaml
    except ImportError:
        print("(rapidyaml is not installed: not measured)")
    else:
        data = text.encode()

        def walk() -> Any:
            tree = ryml.parse_in_arena(data)

            def node(index: int) -> Any:
                children = ryml.children(tree, index)
                if tree.is_map(index):
                    return {bytes(tree.key(c)).decode(): node(c) for c in children}
                if tree.is_seq(index):
                    return [node(c) for c in children]
                return bytes(tree.val(index)).decode()

            return node(tree.root_id())

        seconds = best_of(runs, lambda: ryml.parse_in_arena(data))
        found.append(("  rapidyaml parse (C++, no places)", seconds))
        found.append(("  rapidyaml parse + walk into Python data", best_of(runs, walk)))
    return found


def baseline_times(runs: int, text: str) -> tuple[float, float]:
    """The best wall and the best CPU time of the baseline, yaml.load with CSafeLoader."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        yaml.load(text, Loader=yaml.CSafeLoader)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def timed_commands(
    root: Path, runs: int, env: dict[str, str], against: Path | None
) -> dict[tuple[str, str, str], tuple[float, float]]:
    """check and verify of both claims as whole processes, in turns; with `against`, the
    same commands with that checkout's code (PYTHONPATH) take their turns among them."""
    factcheck = [sys.executable, "-m", "factcheck.cli"]
    codes = {"this": env}
    if against is not None:
        codes["against"] = {**env, "PYTHONPATH": str(against.resolve())}
    commands = {
        (code, name, claim): ([*factcheck, name, f"claims/{claim}.yaml"], code_env)
        for code, code_env in codes.items()
        for claim in ("big", "small")
        for name in TARGETS
    }
    return best_in_turns(commands, root, runs)


Row = tuple[str, float, "float | None", "float | None"]


def command_rows(timed: dict[tuple[str, str, str], tuple[float, float]], code: str) -> list[Row]:
    rows: list[Row] = []
    for name in TARGETS:
        wall, cpu = timed[code, name, "big"]
        rows.append((f"factcheck {name} (whole process)", wall, cpu, TARGETS[name]))
    for name in TARGETS:
        wall, cpu = timed[code, name, "small"]
        rows.append((f"  start-up: {name} of a 3-figure source", wall, cpu, None))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--figures", type=int, default=10_000)
    parser.add_argument("--libraries", action="store_true", help="also ruamel.yaml, rapidyaml")
    parser.add_argument("--no-bytecode-cache", action="store_true")
    parser.add_argument("--against", type=Path, help="also time another checkout's code")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate(root, args.figures)
        text = (root / "sources" / "big.yaml").read_text(encoding="utf-8")
        baseline, baseline_cpu = baseline_times(args.runs, text)
        rows: list[Row] = [
            ("baseline: yaml.load(CSafeLoader) of the source", baseline, baseline_cpu, None)
        ]
        env = environment(None if args.no_bytecode_cache else root / "bytecode")
        timed = timed_commands(root, args.runs, env, args.against)
        rows.extend(command_rows(timed, "this"))
        rows.extend((label, seconds, None, None) for label, seconds in phases(args.runs, root))
        if args.libraries:
            found = libraries(args.runs, text)
            rows.extend((label, seconds, None, None) for label, seconds in found)
    size = len(text.encode())
    print(
        f"load benchmark: a source of {args.figures:,} figures ({size / 1e6:.2f} MB), "
        f"best of {args.runs} ({os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
        f"load average {os.getloadavg()[0]:.1f})"
        + ("; no bytecode cache" if args.no_bytecode_cache else "")
    )
    print_rows(rows, baseline, baseline_cpu)
    if args.against is not None:
        print(f"the same commands with the code of {args.against}, in the same turns:")
        print_rows(command_rows(timed, "against"), baseline, baseline_cpu)


def print_rows(rows: list[Row], baseline: float, baseline_cpu: float) -> None:
    """Each row with its wall and CPU times as multiples of the baseline's. On a busy
    machine the CPU ratio moves least; the targets are wall times on a quiet one, where
    wall and CPU time of these single-threaded runs nearly agree."""
    print(f"{'what':50} {'wall s':>7} {'x base':>7} {'CPU s':>7} {'x base':>7}  target")
    for label, seconds, cpu, target in rows:
        cpu_text = f"{cpu:7.3f} {cpu / baseline_cpu:7.2f}" if cpu is not None else " " * 15
        verdict = ""
        if target is not None:
            verdict = f"<= {target} s: {'met' if seconds <= target else 'NOT met'}"
            verdict += f" (CPU {cpu:.2f} s)" if cpu is not None else ""
        print(f"{label:50} {seconds:7.3f} {seconds / baseline:7.2f} {cpu_text}  {verdict}")


if __name__ == "__main__":
    main()
