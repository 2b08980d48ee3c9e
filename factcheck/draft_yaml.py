"""The draft source file's text: the document block, then each candidate commented out."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.documents import DocumentText
from factcheck.schema import Kind
from factcheck.skeleton import schema_location
from factcheck.skeleton import valid_name as _valid_name
from factcheck.wording import counted

if TYPE_CHECKING:
    from factcheck.draft import Candidate

PLACEHOLDER = "TODO"

_HEAD = """\
# yaml-language-server: $schema={schema}
# Drafted by `factcheck draft` from {document} ({pages}, {count}).
# 1. Fill in each TODO (`factcheck check` reports them until then).
# 2. Keep the figures this source is for: uncomment a candidate (delete the "# " before
#    each of its lines), give it the document's own words in `described_as`, correct
#    its unit, and add `part_of` / `disjoint_with` where the document says so.
id: {id}
title: {title}
publisher: "{todo}: who published the document"
published: "{todo}: YYYY-MM-DD"
# url: where the document was published
document:
  path: {path}
  sha256: {sha256}
  pages: {page_count}
  # url: where the document was published
figures:
"""


def render_draft(text: DocumentText, candidates: list[Candidate], target: Path) -> str:
    """The draft for text, to be written at target (paths relative to it)."""
    relative = Path(os.path.relpath(text.path.absolute(), target.parent.absolute())).as_posix()
    schema = Path(
        os.path.relpath(schema_location(Kind.source, target), target.parent.absolute())
    ).as_posix()
    pages = len(text.pages)
    head = _HEAD.format(
        schema=schema,
        document=relative,
        pages=counted(pages, "page"),
        count=counted(len(candidates), "candidate figure"),
        id=_id(target),
        title=yaml_string(text.title or f"{PLACEHOLDER}: the document's title"),
        todo=PLACEHOLDER,
        path=yaml_string(relative),
        sha256=text.sha256,
        page_count=pages,
    )
    return head + "".join(_candidate(c) for c in candidates)


def _id(target: Path) -> str:
    try:
        return _valid_name(target.name)
    except ValueError:
        return yaml_string(f"{PLACEHOLDER}: an id (lowercase letters, digits, . _ -)")


def _candidate(candidate: Candidate) -> str:
    where = f"page {candidate.page}" if candidate.page is not None else "the document"
    said = (
        f'{where}, table row "{candidate.table[0]}", column "{candidate.table[1]}": '
        f"{candidate.printed}"
        if candidate.table
        else f"{where}: {candidate.printed}"
    )
    note = f" ({candidate.note})" if candidate.note else ""
    lines = [
        f"  # # {' '.join(f'{said}{note}'.split())}",
        f"  # - id: {candidate.id}",
        f"  #   value: {yaml_string(candidate.value)}",
    ]
    if candidate.qualifier.value != "exact":
        lines.append(f"  #   qualifier: {candidate.qualifier.value}")
    unit = candidate.unit or f"{PLACEHOLDER}: what is counted"
    note = "  # guessed from the words after the number" if candidate.unit else ""
    if candidate.unit is not None or not candidate.value.endswith("%"):
        lines.append(f"  #   unit: {yaml_string(unit)}{note}")
    if candidate.page is not None:
        lines.append(f"  #   page: {yaml_string(candidate.page)}")
    if candidate.quote is not None:
        lines.append(f"  #   quote: {yaml_string(candidate.quote)}")
    if candidate.table is not None:
        row, column = (yaml_string(part) for part in candidate.table)
        lines.append(f"  #   table: {{row: {row}, column: {column}}}")
    lines.append(
        f'  #   described_as: "{PLACEHOLDER}: the document\'s own words for what it counts"'
    )
    return "\n".join(lines) + "\n"


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is one)."""
    return json.dumps(text, ensure_ascii=False)
