"""Every output format, in one table keyed by its --format name.

A row names the functions that render that format: `audits` for `verify`, `problems` for
`check`, and `each` for a format that can be written one audit at a time (streamed). They
are "module:function" strings, imported only when their format is chosen, so that
`factcheck --help` lists the formats without importing any renderer (nor Rich, pydantic).

To add an output format: write a renderer module with a function of one of the signatures
below, and add one row to FORMATS.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

if TYPE_CHECKING:
    from factcheck.errors import Problem
    from factcheck.models import Audit


@dataclass(frozen=True)
class View:
    """What a renderer of audits may need to know besides the audits."""

    # One claim file was named: show its audit in full, not a batch (a summary or a list).
    single: bool = False
    # No colour or terminal styles: stdout is not a terminal, or NO_COLOR is set.
    plain: bool = True
    # The claims repository: ClaimReview reads its publishing config there.
    root: Path | None = None
    # The review's date (verify --date): ClaimReview's datePublished; None: the config's
    # `reviewed`, else today.
    reviewed: dt.date | None = None


AuditsRenderer = Callable[["Sequence[Audit]", View], str]
# One audit's part of a streamed output; the whole output is these parts in order.
EachRenderer = Callable[["Audit", View], str]
ProblemsRenderer = Callable[["Sequence[Problem]"], str]
Command = Literal["audits", "problems"]


@dataclass(frozen=True)
class Format:
    """Where the renderers of one output format live ("module:function", or None)."""

    audits: str | None = None
    each: str | None = None
    problems: str | None = None

    def renders(self, command: Command) -> bool:
        if command == "audits":
            return self.audits is not None or self.each is not None
        return self.problems is not None


# In the order --help lists them (verify: rich first, its default; check: text first).
FORMATS: dict[str, Format] = {
    "rich": Format(audits="factcheck.render.adapters:render_rich"),
    "text": Format(problems="factcheck.render.problems:render_text"),
    "json": Format(
        audits="factcheck.render.json:render_audits",
        problems="factcheck.render.problems:render_json",
    ),
    "jsonl": Format(each="factcheck.render.json:render_line"),
    "markdown": Format(audits="factcheck.render.adapters:render_markdown_pages"),
    "claimreview": Format(audits="factcheck.render.adapters:render_claimreview_markup"),
    "html": Format(audits="factcheck.render.html:render_html"),
    "github": Format(problems="factcheck.render.problems:render_github"),
}


def names(command: Command) -> tuple[str, ...]:
    """The formats that can render audits (`verify`) or problems (`check`), in table order."""
    return tuple(name for name, row in FORMATS.items() if row.renders(command))


def audits_renderer(name: str) -> AuditsRenderer:
    """The whole output of `verify` in this format (a streamed format's parts, joined)."""
    row = FORMATS[name]
    if row.audits is not None:
        return cast(AuditsRenderer, _load(row.audits))
    each = each_renderer(name)
    if each is None:
        raise KeyError(f"format {name!r} does not render audits")
    return lambda audits, view: "".join(each(audit, view) for audit in audits)


def each_renderer(name: str) -> EachRenderer | None:
    """How to write this format one audit at a time, or None if it is written whole."""
    reference = FORMATS[name].each
    return None if reference is None else cast(EachRenderer, _load(reference))


def problems_renderer(name: str) -> ProblemsRenderer:
    reference = FORMATS[name].problems
    if reference is None:
        raise KeyError(f"format {name!r} does not render problems")
    return cast(ProblemsRenderer, _load(reference))


def _load(reference: str) -> Callable[..., str]:
    module, _, function = reference.partition(":")
    return cast(Callable[..., str], getattr(importlib.import_module(module), function))
