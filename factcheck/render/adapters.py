"""`verify`'s output in the formats whose renderers predate the registry.

The terminal, Markdown and ClaimReview renderers take one audit, or options of their own;
these give them the registry's signature, (audits, view) -> text. Each imports its renderer
only when called: Rich and the judge's wording are not needed for --help or for JSON.
A renderer module that takes (audits, view) itself needs no adapter: its row names it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.models import Audit
    from factcheck.render.registry import View


def render_rich(audits: Sequence[Audit], view: View) -> str:
    """The terminal view: one audit in full for one named file, else a table of verdicts."""
    from factcheck.render.terminal import render_audit, render_summary, to_text

    if view.single and len(audits) == 1:
        return to_text(render_audit(audits[0], plain=view.plain), plain=view.plain)
    if not audits:
        return ""
    return to_text(render_summary(audits, plain=view.plain), plain=view.plain)


def render_markdown_pages(audits: Sequence[Audit], view: View) -> str:
    """One Markdown write-up per audit, a blank line between them."""
    from factcheck.render.markdown import render_markdown

    return "\n".join(render_markdown(audit) for audit in audits)


def render_claimreview_markup(audits: Sequence[Audit], view: View) -> str:
    """ClaimReview JSON-LD, with the publisher and ratings of the repository's config."""
    from factcheck.config import load_config
    from factcheck.render.claimreview import render_claimreview

    config = load_config(view.root or Path.cwd())
    single = view.single and len(audits) == 1
    return render_claimreview(list(audits), config, single=single, reviewed=view.reviewed)
