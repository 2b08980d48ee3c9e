"""The process's standard streams and terminal width, made safe before a command runs.

- A closed stdout or stderr (`factcheck verify c.yaml >&-`): Python sets it to None, and
  the first write was an AttributeError. A closed stdout now fails the first write that
  has something to say (exit 1, with a message on stderr); a closed stderr is quiet.
- Every write to stdout is checked: the text is written whole, or the run fails. A full
  disk or a `ulimit -f` once left a JSON cut at 4,096 bytes behind an exit 0.
- COLUMNS out of range: 0 printed nothing, 5,000,000 took 20 s and 720 MB (Rich pads every
  line to the width). A width outside MIN_COLUMNS..MAX_COLUMNS is brought into it; 0 or
  not a number is dropped, so that the terminal's own width applies (render/fit.py).
"""

from __future__ import annotations

import errno
import io
import os
import sys
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.output import write_all

MIN_COLUMNS = 20  # narrower than this, and nothing useful fits on a line
MAX_COLUMNS = 1_000  # wider than any screen; beyond it, padding costs time and memory


class StdoutError(FactcheckError):
    """The result could not be written to stdout (a full disk, a file-size limit, closed)."""


class _Closed(io.TextIOBase):
    """Stands for a stream the process was started without (`>&-`)."""

    def __init__(self, name: str, *, complain: bool) -> None:
        self.name = name
        self.complain = complain

    def write(self, text: str) -> int:
        if text and self.complain:
            raise StdoutError(f"cannot write the result: {self.name} is closed")
        return len(text)

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True


def guard_process() -> None:
    """Make the standard streams and COLUMNS safe for the rest of the run."""
    if sys.stdout is None:
        sys.stdout = _Closed("standard output", complain=True)
    if sys.stderr is None:
        sys.stderr = _Closed("standard error", complain=False)
    columns = os.environ.get("COLUMNS")
    if columns is not None:
        usable = usable_columns(columns)
        if usable is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = str(usable)


def usable_columns(raw: str) -> int | None:
    """COLUMNS as a width to render at: None for not a number, or 0 (the terminal's width
    then applies, else the default); a width beyond the bounds is the nearest bound."""
    digits = raw.strip()
    if not (digits.isascii() and digits.isdigit()):
        return None
    digits = digits.lstrip("0")  # and never int() of thousands of digits: Python refuses
    if not digits:
        return None
    return MAX_COLUMNS if len(digits) > 12 else max(MIN_COLUMNS, min(MAX_COLUMNS, int(digits)))


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def write_stdout(text: str) -> None:
    """Write text to stdout whole, or raise StdoutError (BrokenPipeError when the reader
    has gone: the CLI keeps that quiet)."""
    if not text:
        return
    stream: Any = sys.stdout
    try:
        stream.flush()  # whatever Python holds goes first, in order
        descriptor = stream.fileno()
    except (AttributeError, OSError, ValueError):
        descriptor = None  # not a real file (a test runner's buffer): its own write checks
    try:
        if descriptor is None:
            stream.write(text)
            stream.flush()
        else:
            encoding = getattr(stream, "encoding", None) or "utf-8"
            write_all(descriptor, text.encode(encoding, "backslashreplace"))
    except BrokenPipeError:
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exc.errno == errno.EBADF:
            reason = "standard output is closed"
        raise StdoutError(
            f"cannot write the result to standard output: {reason}; what was written is incomplete"
        ) from None
