"""Writing results: to a temporary file beside the target, then renamed over it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from factcheck.errors import FactcheckError


class OutputError(FactcheckError):
    """The --output file could not be written."""


def write_atomically(path: Path, text: str) -> None:
    """Readers see the old file or the new one, never half of one."""
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise OutputError(f"{path}: cannot write: folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
