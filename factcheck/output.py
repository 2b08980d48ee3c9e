"""Writing results: never over an input, never half a file, never past a permission.

`--output FILE` is written to a temporary file beside the target, then renamed over it, so
readers see the old file or the new one, never half of one. A symlink is written through
to the file it names (the link stays). A named pipe or a terminal is written by opening it,
as a shell's `>` would (a pipe nobody reads is an error, not a wait). What is not a file, a
pipe or a terminal (a directory, a socket, a disk device) is refused, and so are a file
that is one of the run's inputs and a file without write permission.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.inputs import kind_of

PARTIAL_SUFFIX = ".partial"


class OutputError(FactcheckError):
    """The --output file could not be written."""


def write_output(path: Path, text: str, inputs: Iterable[Path] = ()) -> None:
    """Write text to path (see the module's docstring); OutputError says why it cannot."""
    refuse_inputs(path, inputs)
    try:
        info: os.stat_result | None = path.stat()  # through symlinks: what a write would reach
    except FileNotFoundError:
        info = None
    except (OSError, ValueError) as exc:
        raise OutputError(f"{path}: cannot write: {_why(exc)}") from None
    if info is not None and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        _write_through(path, text)
        return
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise OutputError(
            f"{path}: cannot write: it is {kind_of(info.st_mode)}; write to a file, a pipe "
            "or a terminal"
        )
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if info is not None:
        _refuse_read_only(path, info)
    write_atomically(target, text)


def append_to(path: Path, text: str, name: str) -> None:
    """Append text to a file (GitHub's step summary), creating it; a terminal or /dev/null
    will do too. A named pipe or a socket is refused, since a pipe nobody reads (or whose
    reader stops) would hang the run; `name` says in messages what the file is."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
    flags |= getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags, 0o666)
    except (OSError, ValueError) as exc:
        raise OutputError(f"cannot write {name} ({path}): {_why(exc)}") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISCHR(mode)):
            raise OutputError(
                f"cannot write {name} ({path}): it is {kind_of(mode)}, not a file; GitHub "
                "Actions sets it to a file"
            )
        os.set_blocking(descriptor, True)
        write_all(descriptor, text.encode("utf-8"))
    except OSError as exc:
        raise OutputError(f"cannot write {name} ({path}): {_why(exc)}") from None
    finally:
        os.close(descriptor)


def partial_path(path: Path) -> Path:
    """Where an interrupted run writes what it finished: report.json -> report.json.partial."""
    return path.with_name(path.name + PARTIAL_SUFFIX)


def refuse_inputs(path: Path, inputs: Iterable[Path]) -> None:
    """OutputError when path is (or links to) one of the run's input files."""
    try:
        target = path.stat()
    except (OSError, ValueError):
        return  # nothing there yet (or nothing reachable): no input can be lost
    for candidate in inputs:
        try:
            found = candidate.stat()
        except (OSError, ValueError):
            continue
        if (found.st_dev, found.st_ino) == (target.st_dev, target.st_ino):
            raise OutputError(
                f"{path}: will not write the result over {candidate}, one of the run's "
                "inputs; choose another --output file"
            )


def write_atomically(path: Path, text: str) -> None:
    """Readers see the old file or the new one, never half of one."""
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise OutputError(f"{path}: cannot write: folder {folder} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # a folder we may not write in, /proc, a read-only disk
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            # mkstemp makes the file private (0600); give it the mode a plain open() would.
            os.fchmod(stream.fileno(), _mode_for(path))
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except OSError as exc:  # a full disk; the target a directory after all
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_all(descriptor: int, data: bytes) -> None:
    """Every byte of data to the descriptor, or OSError: a short write (a full disk, a
    file-size limit) is carried on, and a write that makes no progress is an error."""
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        if written <= 0:
            raise OSError(errno.EIO, "the output took no more bytes")
        view = view[written:]


def _write_through(path: Path, text: str) -> None:
    """A named pipe or a character device, written as `>` would: opened, not replaced.

    Opened without blocking, so that a pipe nobody reads is an error instead of a wait;
    its type is asked again of the open descriptor, which cannot be swapped.
    """
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {_why(exc)}") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
            raise OutputError(f"{path}: cannot write: it changed while being opened")
        os.set_blocking(descriptor, True)  # a reader that is slow is waited for, as by `>`
        write_all(descriptor, text.encode("utf-8"))
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {_why(exc)}") from None
    finally:
        os.close(descriptor)


def _refuse_read_only(path: Path, info: os.stat_result) -> None:
    """A file nobody may write (no write bit), or that this user may not, is left alone,
    even where the folder would allow replacing it (and even for root)."""
    if info.st_mode & 0o222 and os.access(path, os.W_OK):
        return
    raise OutputError(
        f"{path}: cannot write: the file is read-only (mode {stat.S_IMODE(info.st_mode):04o}); "
        "make it writable or choose another --output file"
    )


def _why(exc: BaseException) -> str:
    if isinstance(exc, ValueError):
        return "the name contains a NUL"
    if getattr(exc, "errno", None) == errno.ENXIO:  # a named pipe opened without waiting
        return "it is a named pipe that no process is reading"
    return str(getattr(exc, "strerror", None) or exc)


def _mode_for(path: Path) -> int:
    """The existing file's mode, else 0o666 less the umask (as open() would create it)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
