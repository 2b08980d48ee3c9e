"""Site speed: `factcheck site` over a generated archive of 1,000 claims (issue 12: < 20 s).

Generates N claim files (default 1,000, as bench_batch.py does: they share the shipped
sources), then times, in one run: the baseline, batch `verify --format jsonl` over the
archive (the verdicts alone), and `factcheck site` over it, built twice (into a new folder,
then over the first site). It prints each time, the site's cost per claim beyond the
verdicts, and whether the two builds gave the same bytes.

    python benchmarks/bench_site.py [--claims 1000]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = 20.0  # seconds for 1,000 claims on 2 cores (issue 12)


def _generate() -> object:
    spec = importlib.util.spec_from_file_location("bench_batch", HERE / "bench_batch.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


def timed(command: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall-clock seconds, CPU seconds (user + system: steadier on a shared machine), exit."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.returncode


def digest(folder: Path) -> str:
    total = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            total.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return total.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1000)
    args = parser.parse_args()
    factcheck = [sys.executable, "-m", "factcheck.cli"]
    generate = _generate()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate(root, args.claims)  # type: ignore[operator]
        date = ["--date", "2024-10-02"]
        verify = timed([*factcheck, "verify", "claims", "--format", "jsonl"], root)
        first = timed([*factcheck, "site", "claims", "-o", "public", *date], root)
        before = digest(root / "public")
        second = timed([*factcheck, "site", "claims", "-o", "public", *date], root)
        same = digest(root / "public") == before
        files = sum(1 for path in (root / "public").rglob("*") if path.is_file())
    env = f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    print(f"site benchmark: {args.claims} generated claims ({env})")
    print(f"load average before: {load:.2f}")
    print(f"{'what':<48} {'wall s':>8} {'CPU s':>8} {'CPU ms/claim':>13} {'exit':>5}")
    for what, (wall, cpu, code) in (
        ("baseline: factcheck verify claims --format jsonl", verify),
        ("factcheck site claims -o public (new folder)", first),
        ("factcheck site claims -o public (over it)", second),
    ):
        print(f"{what:<48} {wall:>8.2f} {cpu:>8.2f} {1000 * cpu / args.claims:>13.2f} {code:>5}")
    print(
        f"site / verify: {first[0] / verify[0]:.2f}x wall, {first[1] / verify[1]:.2f}x CPU; "
        f"the pages add {first[1] - verify[1]:.2f} CPU s"
    )
    print(f"{files} files; the second build changed no byte: {same}")
    scaled = first[0] * 1000 / args.claims
    print(
        f"target: {TARGET:.0f} s for 1,000 claims; measured {scaled:.1f} s wall (scaled to 1,000)"
    )


if __name__ == "__main__":
    main()
