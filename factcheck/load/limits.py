"""The bounds on what one file may hold, and on how many of its problems are listed.

Every later step (the schema, the search, the warnings of `check`) has bounded work because
of these (docs/errors.md, "Hostile input").
"""

from __future__ import annotations

from pathlib import Path

from factcheck.errors import Problem, problem_at
from factcheck.inputs import (  # the size limit of every input file, re-exported here
    DEFAULT_MAX_FILE_BYTES as DEFAULT_MAX_FILE_BYTES,
)
from factcheck.inputs import LARGEST_MAX_FILE_BYTES as LARGEST_MAX_FILE_BYTES
from factcheck.inputs import MAX_FILE_BYTES_ENV as MAX_FILE_BYTES_ENV
from factcheck.inputs import max_file_bytes as max_file_bytes

MAX_DEPTH = 64
# A megabyte of "1," is 500,000 values.
MAX_VALUES = 200_000  # a source of 10,000 figures, six keys each, holds some 130,000
MAX_ITEMS = 20_000  # in one list or mapping
MAX_PROBLEMS = 100  # per file


def capped(problems: list[Problem], more: int = 0) -> list[Problem]:
    """At most MAX_PROBLEMS per file, in order of place, then one line for the rest.

    250,000 aliases in one file would otherwise take seconds to sort and print, and
    nobody reads past the first screenful: fixing those shows the rest. `more` counts
    problems of the (one) file that were found but never made into Problems.
    """
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.path, []).append(problem)
    kept: list[Problem] = []
    for path, found in by_file.items():
        if len(found) <= MAX_PROBLEMS and not more:
            kept.extend(found)
            continue
        found.sort()
        kept.extend(found[:MAX_PROBLEMS])
        last = found[-1]
        kept.append(more_problems(path, len(found) + more - MAX_PROBLEMS, last))
    return kept


def more_problems(path: str | Path, count: int, last: Problem) -> Problem:
    return problem_at(
        path,
        f"... and {count:,} more problems in this file, not listed: fix the ones above first",
        last.code,
        last.line,
        last.column,
    )
