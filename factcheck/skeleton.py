"""`factcheck new`: a commented claim or source file to fill in, never over an existing one.

Every value still to be written is a placeholder starting with TODO. `factcheck check`
and `verify` report each one as error FC503 (and not the errors it causes where it stands,
such as a date that is not yet a date), so a skeleton fails until it is filled in
(`--allow-draft` makes them warnings).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.load import find_root
from factcheck.models import ID_PATTERN
from factcheck.schema import Kind, schema_file_name

# Where `new` writes by default, relative to the current directory.
DEFAULT_DIRS = {Kind.claim: Path("claims"), Kind.source: Path("sources")}
# Where the modeline looks for the schema: the claims repository's schemas/ folder
# (`factcheck schema claim > schemas/claim.schema.json` puts it there).
SCHEMA_DIR = "schemas"


class SkeletonError(FactcheckError):
    """`new` could not write its file."""


class SkeletonExistsError(SkeletonError):
    """The file `new` would write already exists; it is never overwritten."""


_CLAIM = """\
# yaml-language-server: $schema={schema}
# A public numeric claim (factcheck format v1, docs/format.md). Replace every TODO;
# `factcheck check` lists those left (FC503) and `factcheck verify` audits the claim.
id: {name}                      # unique: lowercase letters, digits and . _ -
text: "TODO: the claim, word for word"
speaker: "TODO: who said it"
date: TODO                      # the day it was said: YYYY-MM-DD
# venue: "TODO: where it was said"            # optional
# url: https://...                            # optional: where it is recorded
value: TODO                     # the number as said: 325000, "325,000", "1.2 million", "12.5%"
qualifier: exact  # exact | about | more_than | at_least | less_than | at_most | nearly
unit: "TODO: what is counted"   # the source's neutral word: children, employees, USD
asserts: "TODO: the claim's word for what happened to them (lost, killed, created, ...)"
# also_asserts: [dead, trafficked]            # optional: further assertions about them
# attributed_to: "TODO: whom the claim credits or blames"     # optional
# period: {{start: 2021-01-20, end: 2024-09-23}}  # optional: the period the claim attributes
sources:                        # source files, relative to this file
  - "TODO: ../sources/the-source.yaml"
# figures: []                   # optional: figures written inline, in a source's form
# tolerance: 0.01               # optional: relative tolerance of an approximate match
# max_terms: 4                  # optional: most figures in one combination
# synonyms: {{lost: [vanished]}}  # optional: words that count as the claim's word
# expect: "false"               # optional: the verdict you published (quoted: "false");
#                               # `factcheck verify` exits 3 when its verdict differs
"""

_SOURCE = """\
# yaml-language-server: $schema={schema}
# What one document says, figure by figure, in its own words (factcheck format v1,
# docs/format.md). Replace every TODO; `factcheck check` lists those left (FC503).
id: {name}                      # unique: lowercase letters, digits and . _ -
title: "TODO: the document's title"
publisher: "TODO: who published it"
published: TODO                 # the publication date: YYYY-MM-DD
# url: https://...                            # optional
# period: {{start: 2018-10-01, end: 2023-09-30}}  # optional: the period the figures cover
figures:
  - id: TODO_figure_id          # unique within the source: lowercase letters, digits and _
    value: TODO                 # as printed: 448000, "448,000", "1.2 million", "12.5%"
    qualifier: exact  # exact | about | more_than | at_least | less_than | at_most | nearly
    unit: "TODO: what is counted"   # figures combine only with figures of the same unit
    describes: "TODO: what the number counts, in your words"
    # label: "children not served a Notice to Appear"  # optional: its name in published text
    described_as:               # the source's OWN words for these things, verbatim or near
      - "TODO: the source's words"
    quote: "TODO: the sentence that prints the number, verbatim"
    page: "TODO: the page"
    # precision: 1000           # optional: else read from the written value (448000 -> 1000)
    # part_of: other_figure     # this figure counts a subset of another figure
    # disjoint_with: [other]    # the two sets share no member
    # period: {{start: 2018-10-01, end: 2023-09-30}}   # a flow over a period, or
    # as_of: 2023-09-30         # a stock on a date; `series: NAME` ties a measure's stocks
# statements:                   # optional: non-numeric statements the source makes
#   - id: some_statement
#     text: "..."
#     described_as: [at an increased risk of being trafficked]
"""

_TEMPLATES = {Kind.claim: _CLAIM, Kind.source: _SOURCE}


def skeleton_path(kind: Kind, name: str, directory: Path | None = None) -> Path:
    """Where `new` writes: DIR/NAME.yaml, by default claims/ or sources/."""
    stem = valid_name(name)
    return (directory if directory is not None else DEFAULT_DIRS[kind]) / f"{stem}.yaml"


def valid_name(name: str) -> str:
    """NAME without a .yaml suffix; it becomes the file's id, so it must be a valid id."""
    stem = re.sub(r"\.ya?ml$", "", name)
    if not re.fullmatch(ID_PATTERN, stem):
        raise ValueError(
            f"{name!r} cannot be an id: use lowercase letters, digits and . _ - "
            "(e.g. speaker-2024-09-23-325k-children)"
        )
    return stem


def schema_location(kind: Kind, target: Path) -> Path:
    """The schema file the modeline names: ROOT/schemas/KIND.schema.json."""
    root = find_root(target.parent.absolute())
    return root / SCHEMA_DIR / schema_file_name(kind)


def render_skeleton(kind: Kind, name: str, target: Path) -> str:
    """The skeleton's text, its modeline pointing from target to the repository's schema."""
    schema = Path(os.path.relpath(schema_location(kind, target), target.parent.absolute()))
    return _TEMPLATES[kind].format(name=valid_name(name), schema=schema.as_posix())


def write_skeleton(kind: Kind, name: str, directory: Path | None = None) -> Path:
    """Write a new claim or source file; raise SkeletonExistsError rather than overwrite."""
    target = skeleton_path(kind, name, directory)
    text = render_skeleton(kind, name, target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SkeletonError(f"cannot create folder {target.parent}: {exc.strerror}") from None
    try:
        # "x": create or fail in one step, so nothing is overwritten, even in a race.
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise SkeletonExistsError(
            f"{target} already exists; factcheck new never overwrites a file "
            "(choose another NAME, or --dir)"
        ) from None
    except OSError as exc:
        raise SkeletonError(f"cannot write {target}: {exc.strerror}") from None
    return target
