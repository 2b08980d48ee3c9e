"""Opening an input file safely: its type checked on the open descriptor, its size bounded.

Every file factcheck reads (claims, sources, factcheck.toml, pyproject.toml) comes through
here. A check of the path before opening it (stat, then open) leaves a gap in which the
file can be swapped for a named pipe, whose open() and read() would wait for ever: so the
file is opened without blocking, and what it is is asked of the open descriptor, which can
no longer change. The size is bounded before a byte is read, and the read never asks for
more than the limit allows, so a huge limit or a huge file costs no memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from factcheck.errors import SettingError

DEFAULT_MAX_FILE_BYTES = 1_048_576
MAX_FILE_BYTES_ENV = "FACTCHECK_MAX_FILE_BYTES"
# The most FACTCHECK_MAX_FILE_BYTES may allow: a file's text is held two or three times
# over while it is parsed, and every run must stay well within a gigabyte.
LARGEST_MAX_FILE_BYTES = 64 * 1_048_576
# Read in pieces of this size: a read of `limit` bytes at once would allocate them all.
_CHUNK = 1 << 20


def max_file_bytes() -> int:
    """The size limit of one input file: FACTCHECK_MAX_FILE_BYTES, else 1 MiB.

    SettingError when the variable is set to anything but a whole number of bytes from 1
    to LARGEST_MAX_FILE_BYTES: a value silently ignored, or a limit of a terabyte, would
    not do what its writer meant.
    """
    raw = os.environ.get(MAX_FILE_BYTES_ENV)
    if raw is None or not raw.strip():
        return DEFAULT_MAX_FILE_BYTES
    text = raw.strip()
    # isdigit() alone takes "²" and other digits int() refuses; 20 digits bound int()'s work
    if not (text.isascii() and text.isdigit() and len(text) <= 20) or not (
        1 <= int(text) <= LARGEST_MAX_FILE_BYTES
    ):
        shown = raw if len(raw) <= 40 else f"{raw[:37]}..."
        raise SettingError(
            f"{MAX_FILE_BYTES_ENV}={shown!r} is not a size factcheck can use: write a whole "
            f"number of bytes from 1 to {LARGEST_MAX_FILE_BYTES:,} (64 MiB), or unset it for "
            f"the default of {DEFAULT_MAX_FILE_BYTES:,}"
        )
    return int(text)


class NotAFile(OSError):
    """The path is a directory, a named pipe, a socket or a device, not a regular file."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(f"{path} is {what}")
        self.what = what


class TooLarge(OSError):
    """The file holds more bytes than the limit."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(f"{path} is larger than {limit:,} bytes")
        self.limit = limit


def kind_of(mode: int) -> str:
    """A file type as a reader says it: 'a directory', 'a named pipe', ..."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device (a disk)"
    return "not a regular file"


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at path, at most `limit` of them.

    NotAFile for anything but a regular file (checked on the open descriptor), TooLarge
    beyond the limit (checked before reading, and again while reading, since a file can
    grow); other OSErrors (missing, no permission, a name too long) as the system raises
    them, and ValueError for a NUL in the name.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags)  # read-only: inputs are never modified
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(path, kind_of(info.st_mode))
        if info.st_size > limit:
            raise TooLarge(path, limit)
        pieces: list[bytes] = []
        total = 0
        while True:
            piece = os.read(descriptor, min(_CHUNK, limit + 1 - total))
            if not piece:
                break
            pieces.append(piece)
            total += len(piece)
            if total > limit:
                raise TooLarge(path, limit)
        return b"".join(pieces)
    finally:
        os.close(descriptor)
