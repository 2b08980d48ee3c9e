"""A file's text, refused early when it is no YAML file at all: missing, a directory, a
pipe, too large, not UTF-8, holding a NUL or a control character (each located)."""

from __future__ import annotations

from pathlib import Path

import yaml

from factcheck.errors import InputError, problem_at
from factcheck.inputs import NotAFile, TooLarge, read_bounded
from factcheck.load.limits import MAX_FILE_BYTES_ENV, max_file_bytes
from factcheck.lookalike import lookalike_file_hint

_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def read_text(path: Path) -> str:
    """The text of path, at most max_file_bytes() long; InputError names what is wrong."""
    limit = max_file_bytes()
    raw = _read_bytes(path, limit)
    text = _decode(path, raw)
    _refuse_binary(path, text)
    return text


def _read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes, read safely (inputs.py): never waiting on a pipe, never more than
    the limit."""
    _refuse_undecodable_name(path)
    try:
        return read_bounded(path, limit)
    except TooLarge:
        message = (
            f"file is larger than the limit of {limit:,} bytes (set {MAX_FILE_BYTES_ENV} to "
            "raise it)"
        )
    except NotAFile as exc:
        if exc.what == "a directory":
            message = "is a directory, expected a YAML file"
        else:
            # A named pipe would wait for a writer for ever; a device may never end.
            message = f"is {exc.what}, not a regular file; expected a YAML file"
    except FileNotFoundError:
        message = "file not found" + lookalike_file_hint(path)
    except OSError as exc:
        message = f"cannot read file: {exc.strerror or exc}"
    except ValueError:  # os functions refuse a NUL in a name
        message = "the file name contains a NUL"
    code = "FC105" if message.startswith("file is larger") else "FC101"
    raise InputError([problem_at(path, message, code)])


def _refuse_undecodable_name(path: Path) -> None:
    """A name that is not UTF-8 (Python keeps its bytes as lone surrogates) cannot be
    written in any output: refused, shown with its bytes escaped."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            [
                problem_at(
                    path,
                    "the file name is not UTF-8 text (its bytes are shown as \\udcXX "
                    "escapes); rename the file",
                    "FC101",
                )
            ]
        ) from None


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
