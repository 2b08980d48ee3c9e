"""Which files a command was asked about: files as given, directories recursed, globs."""

from __future__ import annotations

import errno
import glob
import os
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import Problem, problem_at

YAML_SUFFIXES = (".yaml", ".yml")
try:
    _PATH_MAX = os.pathconf("/", "PC_PATH_MAX")
except (AttributeError, OSError, ValueError):  # pragma: no cover - no pathconf (Windows)
    _PATH_MAX = 4096


def expand_paths(paths: Iterable[str]) -> tuple[list[tuple[Path, bool]], list[Problem]]:
    """Files as given, directories recursed (sorted), globs expanded; (path, named) pairs.

    `named` is False for files found inside a directory or by a glob: those may be
    source files sitting beside claims, which a batch skips rather than reports. A folder
    that cannot be read, or a path past the system's length limit, is a problem for that
    path; the rest is still found.
    """
    found: list[tuple[Path, bool]] = []
    problems: list[Problem] = []
    seen: set[Path] = set()

    def add(path: Path, named: bool) -> None:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # a name too long, a symlink loop: reported on reading
            key = path.absolute()
        if key not in seen:
            seen.add(key)
            found.append((path, named))

    for raw in paths:
        path = Path(raw)
        if _is_dir(path):
            for child in _yaml_files_under(path, problems):
                add(child, False)
        elif path.exists():
            add(path, True)
        elif glob.has_magic(raw):
            # Path.glob takes no absolute patterns; the glob module takes both.
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True))  # noqa: PTH207
            files = [m for m in matches if m.is_file()]
            if not files:
                problems.append(problem_at(raw, "no file matches this pattern", "FC101"))
            for match in files:
                add(match, False)
        else:
            problems.append(problem_at(raw, "file not found", "FC101"))
    return found, problems


def _yaml_files_under(folder: Path, problems: list[Problem]) -> list[Path]:
    """The YAML files under folder, sorted, hidden files and folders (.git, .drafts) left
    out. Symlinked folders are not followed (as Path.rglob); symlinked files are."""
    files: list[Path] = []
    folders = [folder]
    while folders:
        current = folders.pop()
        try:
            with os.scandir(current) as scan:
                entries = list(scan)
        except OSError as exc:
            problems.append(_unreadable(current, exc, "folder"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = current / entry.name
            if len(os.fsencode(child)) >= _PATH_MAX:
                if entry.name.endswith(YAML_SUFFIXES) or entry.is_dir(follow_symlinks=False):
                    problems.append(_too_long(child))
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(child)
                elif entry.name.endswith(YAML_SUFFIXES) and entry.is_file():
                    files.append(child)
            except OSError as exc:
                problems.append(_unreadable(child, exc, "path"))
    return sorted(files)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _unreadable(path: Path, exc: OSError, what: str) -> Problem:
    if exc.errno == errno.ENAMETOOLONG:
        return _too_long(path)
    return problem_at(
        path,
        f"{what} cannot be read ({exc.strerror}): the files in it were not checked",
        "FC101",
    )


def _too_long(path: Path) -> Problem:
    """A path the system cannot open: named short (its head and tail), so the line stays
    readable."""
    text = str(path)
    shown = f"{text[:100]}...{text[-60:]}" if len(text) > 200 else text
    return problem_at(
        shown,
        f"path of {len(text):,} characters, longer than the system's limit of {_PATH_MAX:,} "
        "bytes: it cannot be opened; move its files higher up",
        "FC101",
    )


def display_path(path: str | Path) -> str:
    """A path as output shows it: claims/../sources/x.yaml -> sources/x.yaml, relative to
    the current directory when inside it (also through a symlinked cwd), else absolute."""
    absolute = Path(os.path.normpath(Path(path).absolute()))
    for shown, cwd in ((absolute, Path.cwd()), (absolute.resolve(), Path.cwd().resolve())):
        try:
            return str(shown.relative_to(cwd))
        except ValueError:
            continue
    return str(absolute)
