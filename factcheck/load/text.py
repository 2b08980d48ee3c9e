"""A file's text, refused early when it is no YAML file at all: missing, a directory, a
pipe, too large, not UTF-8, holding a NUL or a control character (each located)."""

from __future__ import annotations

import stat
from pathlib import Path

import yaml

from factcheck.errors import InputError, problem_at
from factcheck.load.limits import MAX_FILE_BYTES_ENV, max_file_bytes

_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def read_text(path: Path) -> str:
    """The text of path, at most max_file_bytes() long; InputError names what is wrong."""
    limit = max_file_bytes()
    raw = _read_bytes(path, limit)
    if len(raw) > limit:
        raise InputError(
            [
                problem_at(
                    path,
                    f"file is larger than the limit of {limit:,} bytes "
                    f"(set {MAX_FILE_BYTES_ENV} to raise it)",
                    "FC105",
                )
            ]
        )
    text = _decode(path, raw)
    _refuse_binary(path, text)
    return text


def _read_bytes(path: Path, limit: int) -> bytes:
    """At most limit + 1 bytes: one more than allowed tells the file is too large."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise InputError([problem_at(path, "is a directory, expected a YAML file", "FC101")])
        if not stat.S_ISREG(mode):
            # Opening a named pipe would wait for a writer for ever; a device may never end.
            raise InputError(
                [
                    problem_at(
                        path,
                        "is not a regular file (a pipe, socket or device); expected a YAML file",
                        "FC101",
                    )
                ]
            )
        with path.open("rb") as handle:  # read-only: inputs are never modified
            return handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError([problem_at(path, "file not found", "FC101")]) from None
    except OSError as exc:
        raise InputError([problem_at(path, f"cannot read file: {exc.strerror}", "FC101")]) from None
    except ValueError:  # os functions refuse a NUL in a name
        raise InputError([problem_at(path, "the file name contains a NUL", "FC101")]) from None


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise InputError(
            [
                problem_at(
                    path,
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
                    "FC106",
                    line,
                    column,
                )
            ]
        ) from None


def _refuse_binary(path: Path, text: str) -> None:
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError(
            [problem_at(path, "contains a NUL byte; not a text file", "FC106", line, 1)]
        )
    control = _NON_PRINTABLE.search(text)
    if control:
        # YAML refuses these too, but PyYAML's message has neither line nor column.
        preceding = text[: control.start()]
        raise InputError(
            [
                problem_at(
                    path,
                    f"contains the control character U+{ord(control.group()):04X}, which YAML "
                    "does not allow; not a text file",
                    "FC106",
                    preceding.count("\n") + 1,
                    control.start() - preceding.rfind("\n"),
                )
            ]
        )
