"""`factcheck site`: a static site of a claims repository, built whole, then swapped in.

The claims are verified as `verify` does (batch.verify_many), their pages made in memory
(render/site.py), and the site written to a new folder beside the target, which then takes
the target's place: readers of the old site see it whole until the new one is whole, and a
run that fails (invalid input, two claims with one id, Ctrl-C, a full disk) leaves the old
site as it was. A folder that was not made by `factcheck site` is never replaced.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.batch import Batch, verify_many
from factcheck.config import load_config, review_date
from factcheck.errors import FactcheckError, Problem, problem_at
from factcheck.judge import Settings
from factcheck.models import Audit
from factcheck.render.site import site_pages

# Marks a folder as a site factcheck built, which a later run may replace.
MARKER = ".factcheck-site"
MARKER_TEXT = "This folder is a site built by `factcheck site`; the next build replaces it.\n"

CLAIM_ID_TWICE = "FC801"  # two claim files with one id: their pages would collide
SOURCE_ID_TWICE = "FC802"  # two source files with one id: their pages would collide


class SiteError(FactcheckError):
    """The site's folder cannot be written or replaced."""


@dataclass
class Site:
    """What a build did: the batch it verified, and the files written (none on problems)."""

    batch: Batch
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def build_site(
    paths: Iterable[str],
    out: Path,
    settings: Settings | None = None,
    *,
    root: Path | None = None,
    reviewed: dt.date | None = None,
    jobs: int | None = None,
    on_start: Callable[[int], None] | None = None,
    on_done: Callable[[Path], None] | None = None,
) -> Site:
    """Verify every claim under paths and write their site to `out`, unless any input is
    invalid (then nothing is written and `problems` says why). jobs: how many processes
    judge the claims (batch.verify_many); the site is the same whatever the number."""
    _check_target(out)
    config = load_config(root or Path.cwd())
    day = review_date(config, reviewed)
    batch = verify_many(
        paths,
        settings or Settings(),
        root=root,
        jobs=jobs,
        on_start=on_start,
        on_done=on_done,
    )
    site = Site(batch, problems=[*batch.problems, *id_problems(batch.audits)])
    if site.problems or batch.interrupted:
        return site
    pages = site_pages(batch.audits, config, day)
    write_site(out, pages)
    site.files = list(pages)
    return site


def id_problems(audits: Sequence[Audit]) -> list[Problem]:
    """FC801/FC802: ids that two files share; each names a page of the site."""
    problems: list[Problem] = []
    claims: dict[str, str] = {}
    for audit in audits:
        first = claims.setdefault(audit.claim.id, audit.claim_path)
        if first != audit.claim_path:
            problems.append(
                problem_at(
                    audit.claim_path,
                    f"claim id {audit.claim.id!r} is also the id of {first}: each claim of a "
                    f"site needs its own id (its page is claims/{audit.claim.id}.html and its "
                    "ClaimReview URL uses the id); rename one",
                    CLAIM_ID_TWICE,
                )
            )
    sources: dict[str, str] = {}
    for audit in audits:
        for source in audit.sources:
            first = sources.setdefault(source.id, source.path)
            if first != source.path:
                problems.append(
                    problem_at(
                        source.path,
                        f"source id {source.id!r} is also the id of {first}: each source of a "
                        f"site needs its own id (its page is sources/{source.id}.html); "
                        "rename one",
                        SOURCE_ID_TWICE,
                    )
                )
    return sorted(set(problems))


def _check_target(out: Path) -> None:
    """Refuse early a target that a build could not replace."""
    if out.exists() and not out.is_dir():
        raise SiteError(f"{out}: cannot write the site: it is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise SiteError(
            f"{out}: cannot write the site: the folder holds files that `factcheck site` did "
            f"not write (no {MARKER} in it); choose an empty or new folder"
        )
    parent = out.parent if str(out.parent) else Path()
    if not parent.is_dir():
        raise SiteError(f"{out}: cannot write the site: folder {parent} does not exist")


def write_site(out: Path, pages: dict[str, str]) -> None:
    """Write the pages into a new folder beside `out`, then put it in `out`'s place.

    `out` is followed through symbolic links ("." and a link to a web server's folder
    name the folder itself), so the new folder is made beside the real one."""
    _check_target(out)
    shown, out = out, out.resolve()
    parent = out.parent
    if parent == out:
        raise SiteError(f"{shown}: cannot write the site: it is the file system's root")
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=parent))
    except OSError as exc:
        raise SiteError(f"{shown}: cannot write the site: {exc.strerror}") from None
    try:
        for relative, text in pages.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        _modes(staging)
        _swap(staging, out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise SiteError(f"{shown}: cannot write the site: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _modes(folder: Path) -> None:
    """mkdtemp makes a private folder (0700); a site is meant to be read: as mkdir would."""
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)


def _swap(staging: Path, out: Path) -> None:
    """Put `staging` where `out` is: the old site moves aside, the new one in, the old goes."""
    if not out.exists():
        staging.replace(out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=staging.parent))
    old.rmdir()  # only its unique name is wanted
    out.replace(old)
    try:
        staging.replace(out)
    except BaseException:
        old.replace(out)  # put the old site back
        raise
    shutil.rmtree(old, ignore_errors=True)
