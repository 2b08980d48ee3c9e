"""Issue 13's load-time checks against the reader's speed: read and validate a source of
10,000 figures (bench_load.py's), CPU time, best of --runs, in this process.

Run it twice, the code before and after, one after the other and alternating, to compare:

    PYTHONPATH=/path/to/old/checkout python benchmarks/bench_hardening.py
    python benchmarks/bench_hardening.py

CPU time (time.process_time), not wall time: on a shared machine the wall clock measures the
neighbours as much as the code.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import source_text

import factcheck
from factcheck.load import read_document, validate
from factcheck.models import Source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--figures", type=int, default=10_000)
    options = parser.parse_args()
    path = Path(tempfile.mkdtemp()) / "source.yaml"
    path.write_text(source_text(options.figures))
    best_read = best_validate = float("inf")
    for _ in range(options.runs):
        started = time.process_time()
        document = read_document(path)
        best_read = min(best_read, time.process_time() - started)
        started = time.process_time()
        validate(document, Source)
        best_validate = min(best_validate, time.process_time() - started)
    print(
        f"{Path(factcheck.__file__).parent}: read {best_read:.3f} s, validate "
        f"{best_validate:.3f} s (CPU, best of {options.runs}, {options.figures:,} figures)"
    )


if __name__ == "__main__":
    main()
