"""The lexicon against many and long wordings: matching stays near-linear (issue 13).

Each case is a claim's `synonyms:` (or further words, `also_asserts`) against a source's
`described_as` wordings, as the judge reads them: every wording of the basis figure against
the claim's word (`Lexicon.match`), and every further word against every wording
(`Lexicon.said_in`). Each is timed in this process (best of --runs, CPU time) beside a
baseline measured in the same run: reading every word of the same wordings once
(`normalise` of each synonym and wording), which any matcher must do. The ratio is the
matcher's time over that baseline; near-linear matching keeps it about the same from the
small cases to the cases ten times their size (quadratic matching multiplies it by ten).

The last line times the issue's own case as a whole process: `factcheck verify --format
json` of a claim with 19,000 synonyms against a source figure with 19,000 wordings (before
this change, still running after 120 s; 5,000 x 10,000 took 7-9.5 s).

    python benchmarks/bench_lexicon.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from processes import best_in_turns, environment

from factcheck import lemmas
from factcheck.lexicon import Lexicon, normalise, shipped_lexicon

SHARED = ("missing", "ran", "run", "leaves", "left", "gone", "away", "children", "lost")


def terms(prefix: str, count: int) -> list[str]:
    """Distinct wordings that share words with each other and with "lost"'s group."""
    return [f"{prefix}{i} {SHARED[i % 9]} {SHARED[i * 7 % 9]}" for i in range(count)]


Case = tuple[dict[str, list[str]], list[str], list[str]]  # synonyms, wordings, further words


def cases() -> dict[str, Case]:
    long = " ".join(["m"] * 20_000)
    return {
        "synonyms 1,900 x wordings 1,900": ({"lost": terms("w", 1_900)}, terms("t", 1_900), []),
        "synonyms 19,000 x wordings 19,000": (
            {"lost": terms("w", 19_000)},
            terms("t", 19_000),
            [],
        ),
        "synonyms 5,000 x wordings 10,000": ({"lost": terms("w", 5_000)}, terms("t", 10_000), []),
        "1,900 groups x wordings 200": (
            {f"group{i}": ["lost", f"w{i} missing"] for i in range(1_900)},
            terms("t", 200),
            [],
        ),
        "19,000 groups x wordings 2,000": (
            {f"group{i}": ["lost", f"w{i} missing"] for i in range(19_000)},
            terms("t", 2_000),
            [],
        ),
        "10 synonyms x 6 wordings, 2,000 words each": (
            {"lost": [f"{long[:3_999]} end{i}" for i in range(10)]},
            [long[:3_999]] * 5 + [f"not {long[:3_999]} end0"],
            [],
        ),
        "10 synonyms x 6 wordings, 20,000 words each": (
            {"lost": [f"{long} end{i}" for i in range(10)]},
            [long] * 5 + [f"not {long} end0"],
            [],
        ),
        "further words 500 x wordings 500": ({}, terms("t", 500), terms("further", 500)),
        "further words 5,000 x wordings 5,000": ({}, terms("t", 5_000), terms("further", 5_000)),
    }


def best_cpu(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def matching(synonyms: dict[str, list[str]], wordings: list[str], further: list[str]) -> None:
    """What the judge does: the shipped lexicon extended, each wording read for the claim's
    word, and every further word against every wording (each word's lemmas looked up
    afresh, as in a new process)."""
    lemmas._known.clear()
    lexicon: Lexicon = shipped_lexicon().extended(synonyms)
    for wording in wordings:
        lexicon.match(wording, "lost")
    if further:
        lexicon.said_in(wordings, further)


def reading(synonyms: dict[str, list[str]], wordings: list[str], further: list[str]) -> None:
    """The baseline: every word of every synonym, wording and further word read once."""
    for words in synonyms.values():
        for word in words:
            normalise(word)
    for text in [*wordings, *further]:
        normalise(text)


def whole_process(runs: int) -> tuple[float, float]:
    """`factcheck verify --format json` of the issue's case: (wall, CPU) seconds."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".git").mkdir()
        (root / "sources").mkdir()
        (root / "claims").mkdir()
        wordings = ", ".join(terms("t", 19_000))
        (root / "sources" / "s.yaml").write_text(
            "id: s\ntitle: T\npublisher: P\npublished: 2024-01-01\nfigures:\n"
            f"  - {{id: f, value: 1000, unit: people, described_as: [{wordings}]}}\n"
        )
        synonyms = ", ".join(terms("w", 19_000))
        (root / "claims" / "c.yaml").write_text(
            'id: c\ntext: "They lost 1,000 people."\nspeaker: S\ndate: 2024-01-01\n'
            "value: 1000\nunit: people\nasserts: lost\nsources: [../sources/s.yaml]\n"
            f"synonyms:\n  lost: [{synonyms}]\n"
        )
        command = [sys.executable, "-m", "factcheck.cli", "verify", "--format", "json"]
        env = environment(root / "bytecode")
        timed = best_in_turns({"verify": ([*command, "claims/c.yaml"], env)}, root, runs)
    return timed["verify"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for name, (synonyms, wordings, further) in cases().items():
        ours = best_cpu(lambda: matching(synonyms, wordings, further), args.runs)  # noqa: B023
        base = best_cpu(lambda: reading(synonyms, wordings, further), args.runs)  # noqa: B023
        rows.append((name, ours, base))
    wall, cpu = whole_process(args.runs)
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"lexicon benchmark: best of {args.runs}, CPU seconds "
        f"({os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load {load})"
    )
    print(f"{'case':46} {'matching':>9} {'reading':>9} {'ratio':>6}")
    for name, ours, base in rows:
        print(f"{name:46} {ours:9.3f} {base:9.3f} {ours / base:6.1f}")
    print(
        f"factcheck verify --format json, synonyms 19,000 x wordings 19,000 (whole process): "
        f"{wall:.2f} s wall, {cpu:.2f} s CPU"
    )


if __name__ == "__main__":
    main()
