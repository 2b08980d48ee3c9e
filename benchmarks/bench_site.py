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


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    return time.perf_counter() - start, result.returncode


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
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate(root, args.claims)  # type: ignore[operator]
        date = ["--date", "2024-10-02"]
        verify, verify_code = timed([*factcheck, "verify", "claims", "--format", "jsonl"], root)
        first, first_code = timed([*factcheck, "site", "claims", "-o", "public", *date], root)
        before = digest(root / "public")
        second, second_code = timed([*factcheck, "site", "claims", "-o", "public", *date], root)
        same = digest(root / "public") == before
        files = sum(1 for path in (root / "public").rglob("*") if path.is_file())
    env = f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    print(f"site benchmark: {args.claims} generated claims ({env})")
    print(f"{'what':<48} {'seconds':>9} {'per claim (ms)':>15} {'exit':>5}")
    for what, seconds, code in (
        ("baseline: factcheck verify claims --format jsonl", verify, verify_code),
        ("factcheck site claims -o public (new folder)", first, first_code),
        ("factcheck site claims -o public (over it)", second, second_code),
    ):
        print(f"{what:<48} {seconds:>9.2f} {1000 * seconds / args.claims:>15.2f} {code:>5}")
    print(f"site / verify: {first / verify:.2f}x; the pages add {first - verify:.2f} s")
    print(f"{files} files; the second build changed no byte: {same}")
    scaled = first * 1000 / args.claims
    print(f"target: {TARGET:.0f} s for 1,000 claims; measured {scaled:.1f} s (scaled to 1,000)")


if __name__ == "__main__":
    main()
