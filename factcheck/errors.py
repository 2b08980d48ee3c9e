"""The one exception hierarchy. `cli.py` turns these into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class ExitCode:
    """Documented exit codes (docs/errors.md)."""

    OK = 0
    INVALID_INPUT = 1
    USAGE = 2
    GATE = 3  # --fail-on matched, or a verdict differs from the claim's `expect`
    INTERNAL = 70  # a bug: EX_SOFTWARE from sysexits.h
    INTERRUPTED = 130


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file, located as precisely as we can."""

    path: str
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when unknown
    message: str
    code: str
    key_path: str = ""
    severity: str = "error"  # error | warning

    def format(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        key = f" {self.key_path}:" if self.key_path else ""
        return f"{where}:{key} {self.message} [{self.code}]"


class FactcheckError(Exception):
    """Base class of every error factcheck reports to its user."""


class InputError(FactcheckError):
    """One or more input files are invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


def problem_at(
    path: Path | str,
    message: str,
    code: str,
    line: int = 0,
    column: int = 0,
    key_path: str = "",
) -> Problem:
    return Problem(
        path=str(path), line=line, column=column, message=message, code=code, key_path=key_path
    )
