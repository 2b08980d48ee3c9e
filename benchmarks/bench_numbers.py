"""Reading numbers as the world writes them (issue 14): what each written form costs.

Times, in one run and each the best of --runs, reading 10,000 distinct values of each
written form with `parse_number` (its memory cleared before each pass, so every value is
read afresh), beside a baseline measured in the same run: `Decimal(text)` of the same
number of plain digit strings. Also the text check (`check`'s FC505 and FC501) on a
claim-sized sentence whose number is in words, and on a hostile 20,000-character run of
number words (bounded work: number_text.py).

    python benchmarks/bench_numbers.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from decimal import Decimal

from factcheck.number_text import mentions_written
from factcheck.numbers import _parse_text, parse_number

N = 10_000
FORMS: dict[str, Callable[[int], str]] = {
    "plain digits (fast path)": lambda i: f"{1000 + 7 * i}",
    "grouped digits": lambda i: f"{1_000_000 + 7 * i:,}",
    "1.2 million": lambda i: f"{1 + i / 1000:.3f} million",
    "$87bn": lambda i: f"${1 + i / 1000:.3f}bn",
    "R17.3bn": lambda i: f"R{1 + i / 1000:.3f}bn",
    "220 crore": lambda i: f"{100 + i} crore",
    "1,02,74,10,872": lambda i: _indian(1_000_000_000 + 7919 * i),
    "words (twenty-three thousand ...)": lambda i: _words(1 + 97 * i),
}


def _indian(n: int) -> str:
    digits = str(n)
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *groups, tail])


_ONES = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    if n >= 100:
        words += [_ONES[n // 100], "hundred"] + (["and"] if n % 100 else [])
        n %= 100
    if n >= 20:
        words.append(_TENS[n // 10 - 2] + (f"-{_ONES[n % 10]}" if n % 10 else ""))
    elif n:
        words.append(_ONES[n])
    return words


def _words(n: int) -> str:
    thousands, rest = divmod(n, 1000)
    words = [*_below_thousand(thousands), "thousand"] if thousands else []
    return " ".join(words + _below_thousand(rest))


def best(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        _parse_text.cache_clear()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    plain = [f"{1000 + 7 * i}" for i in range(N)]
    base = best(runs, lambda: [Decimal(t) for t in plain])
    load = os.getloadavg()[0]
    print(
        f"numbers benchmark: {N:,} values per form, best of {runs} "
        f"({os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load average {load:.1f})"
    )
    print(f"{'what':<44}{'s':>9}{'x base':>9}{'us/value':>10}")
    print(f"{'baseline: Decimal(text) of plain digits':<44}{base:>9.4f}{1:>9.2f}")
    for name, form in FORMS.items():
        texts = [form(i) for i in range(N)]
        for text in texts[:50]:
            parse_number(text)  # every form reads: no error is timed
        seconds = best(runs, lambda texts=texts: [parse_number(t) for t in texts])
        print(f"{name:<44}{seconds:>9.4f}{seconds / base:>9.2f}{seconds / N * 1e6:>10.1f}")
    sentence = "Did you ever think it was possible that two hundred and twenty crore people "
    sentence += "would get vaccinated for free, in one of the largest drives on record?"
    hostile = "one " * 5000
    for name, text, value in (
        ("FC505 on a sentence (number in words)", sentence, Decimal(2_200_000_000)),
        ("FC505 on 20,000 characters of number words", hostile, Decimal(7)),
    ):
        seconds = best(runs, lambda t=text, v=value: mentions_written(t, v, Decimal(1)))
        print(f"{name:<44}{seconds:>9.4f}{seconds / base:>9.2f}")


if __name__ == "__main__":
    main()
