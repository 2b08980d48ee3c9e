"""Issue 14's quotients and relations: what they add to judging the existing search cases.

The search itself (factcheck.search, benchmarks/bench_search.py) is untouched by issue 14:
quotients are enumerated by the ratio judge, only when a claim asks for them, and overlaps
and revisions cap bands in the judge. So this benchmark times `judge()` end to end (CPU
time, best of --runs, in one process) on claims like bench_search's and bench_series's
cases, twice in the same run: with issue 14's hooks (quotients.asked, relations.Caps) as
shipped, and with them switched off (the judge as it was before). The ratio is what the
hooks add; the target is at most 1.10. A last case shows the new kind's own cost: a
"times" claim over 40 figures (1,560 pairs tried) against the same claim not asking for
quotients.

    python benchmarks/bench_relations.py [--runs 7]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml
from bench_series import monthly_figures

from factcheck.judge import judge, quotients, ratios, sums
from factcheck.load import Case, load_claim
from factcheck.models import Verdict


class _NoCaps:
    """The judge before issue 14: nothing is capped."""

    active = False

    def __init__(self, case: Case) -> None:
        self.case = case

    def cap(self, band: Verdict, added: object, every: object) -> Verdict:
        return band


@contextlib.contextmanager
def hooks_off() -> Iterator[None]:
    saved = (sums.Caps, ratios.Caps, quotients.asked)
    sums.Caps = ratios.Caps = _NoCaps  # type: ignore[assignment, misc]
    quotients.asked = lambda claim: None  # type: ignore[assignment]
    try:
        yield
    finally:
        sums.Caps, ratios.Caps, quotients.asked = saved  # type: ignore[misc]


def _write(root: Path, name: str, figures: list[dict[str, Any]], claim: dict[str, Any]) -> Path:
    source = {"id": name, "title": "T", "publisher": "P", "published": "2024-06-30"}
    (root / f"{name}-source.yaml").write_text(
        yaml.safe_dump({**source, "figures": figures}, sort_keys=False)
    )
    common = {"id": name, "speaker": "S", "date": "2024-07-01"}
    path = root / f"{name}.yaml"
    body = {**common, **claim, "sources": [f"{name}-source.yaml"]}
    path.write_text(yaml.safe_dump(body, sort_keys=False))
    return path


def _plain(n: int, seed: int, unit: str = "people") -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [
        {
            "id": f"f{k}",
            "value": rng.randint(1_000, 100_000),
            "unit": unit,
            "described_as": ["lost"] if k % 4 == 0 else [],
        }
        for k in range(n)
    ]


def _months() -> list[dict[str, Any]]:
    return monthly_figures(240)


def cases(root: Path) -> dict[str, Path]:
    (root / ".git").mkdir()
    thirty, forty, months = _plain(30, 31), _plain(40, 40), _months()
    twenty = _plain(20, 20)
    total = sum(f["value"] for f in twenty)
    window = sum(f["value"] for f in months[13:49])
    lost = {"asserts": "lost", "unit": "people"}
    return {
        "30 plain (issue 2), sum": _write(
            root, "thirty", thirty, {"text": "150,000 lost", "value": 150_000, **lost}
        ),
        "20, bands, all": _write(
            root,
            "all",
            twenty,
            {"text": "t", "value": total * 3 // 10, "tolerance": 0.001, "max_terms": "all", **lost},
        ),
        "240 months + 12, sum": _write(
            root,
            "months",
            months,
            {
                "text": "t",
                "value": window,
                "unit": "encounters",
                "asserts": "crossed",
                "tolerance": 0.0001,
            },
        ),
        "240 months + 12, percent": _write(
            root,
            "months-percent",
            months,
            {
                "text": "Crossings rose by about 10%.",
                "value": 10,
                "qualifier": "about",
                "unit": "percent",
                "asserts": "rose",
            },
        ),
        "40 figures, a times claim": _write(
            root,
            "times",
            forty,
            {"text": "f1 is 2.5 times f2", "value": 2.5, "unit": "times", "asserts": "lost"},
        ),
    }


def cpu(work: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = cases(Path(folder))
        print("| case | hooks off | issue 14 | ratio | examined (off / on) |")
        print("|---|--:|--:|--:|--:|")
        for name, path in paths.items():
            case = load_claim(path)
            run = functools.partial(judge, case)
            on, off = [], []
            for _ in range(args.runs):  # alternated, so that load drifts hit both alike
                with hooks_off():
                    off.append(cpu(run, 1))
                    before = run().search.combinations_examined
                on.append(cpu(run, 1))
            after = run().search.combinations_examined
            ratio = min(on) / min(off)
            print(
                f"| {name} | {min(off) * 1000:.1f} ms | {min(on) * 1000:.1f} ms | "
                f"{ratio:.2f}x | {before:,} / {after:,} |"
            )


if __name__ == "__main__":
    main()
