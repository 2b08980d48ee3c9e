"""Markdown a fact-checker can paste into a draft: the claim, the ruling and the evidence.

The findings are worded in render/evidence.py (published text: figures by their labels,
amounts as readers write them, no ids); this module lays them out. Every string passes
through `escape.markdown_text`, so nothing from the input files becomes markup, and only
http(s) URLs become links (`escape.http_url`). The output depends only on the audit (no
clock, no paths), so it is byte-for-byte stable; docs/publishing.md shows an example.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factcheck.bands import band
from factcheck.escape import markdown_text, one_line
from factcheck.models import Audit
from factcheck.render.beyond import beyond_lines
from factcheck.render.evidence import Arithmetic, Evidence, evidence
from factcheck.render.evidence_words import Reading
from factcheck.render.reader import Reader

# At the start of a line these would make a heading, a list item, a quote or a rule.
_LINE_START = re.compile(r"^([#+\-=>]|\d+[.)])")


def render_markdown(audit: Audit) -> str:
    """One audit as a Markdown section (a level-2 heading), ending with a newline."""
    found = evidence(audit, band(audit.verdict).label)
    blocks: list[str] = [
        f"## \u201c{_md(found.claim_text)}\u201d",
        _who(found),
        f"The claim: {_md(found.checked)}",
        f"**Ruling: {_md(found.verdict_label)}.** {_md(found.summary)}",
        "### The arithmetic",
        *(_arithmetic(found.arithmetic) if found.arithmetic else map(_md, found.not_reproduced)),
        *map(_md, beyond_lines(Reader(audit))),  # rules C1, C2
    ]
    if found.readings:
        blocks += ["### What the source calls these figures", _readings(found.readings)]
    if found.never:
        blocks += ["### What the source does not say", _bullets(map(_md, found.never))]
    if found.near:
        blocks += ["### Near misses", _md(found.near_lead), _bullets(map(_md, found.near))]
    if found.notes:
        blocks += ["### Notes", _bullets(f"**{_md(h)}.** {_md(n)}" for h, n in found.notes)]
    blocks += ["### Sources", _sources(found), f"_{_md(found.method)}_"]
    return "\n\n".join(blocks) + "\n"


def _who(found: Evidence) -> str:
    said = f"Said by {_md(found.speaker)} on {found.date}"
    if found.venue and found.venue_link:
        said += f" ([{_md(found.venue)}](<{_link(found.venue_link)}>))"
    elif found.venue:
        said += f" ({_md(found.venue)})"
    elif found.venue_link:
        said += f" (<{_link(found.venue_link)}>)"
    return said + "."


def _arithmetic(found: Arithmetic) -> list[str]:
    rows = [f"|   | Figure | What it counts | {_md(found.heading)} |", "|:-:|:--|:--|--:|"]
    for row in found.rows:
        name, counts, amount = _md(row.name), _md(row.counts), _md(row.amount)
        if row.total:
            name, counts = f"**{name}**", counts or " "
            amount = f"**{amount}**" if row.sign == "=" else amount
        rows.append(f"| {row.sign or ' '} | {name} | {counts} | {amount} |")
    blocks = ["\n".join(rows), _md(found.text)]
    if found.others:
        others = _bullets(map(_md, found.others))
        blocks.append(f"Other combinations that also reproduce the number:\n\n{others}")
    if found.unused:
        blocks.append(f"Figures no reproducing combination uses: {_md(found.unused)}.")
    return blocks


def _readings(readings: list[Reading]) -> str:
    items = []
    for reading in readings:
        head = f"- **{_md(reading.name)}** ({', '.join(map(_md, reading.where))}): "
        parts = (reading.words, reading.support, reading.checked)
        text = head + " ".join(_md(part) for part in parts if part)
        for group in reading.groups:
            text += f"\n  - {_md(group.names)}: {_md(group.words)} {_md(group.support)}"
        if reading.quote:
            text += f"\n\n  > {_block(reading.quote)}"
        items.append(text)
    return "\n\n".join(items)


def _sources(found: Evidence) -> str:
    if not found.sources:
        return "No source file: the figures are recorded in the claim file itself."
    lines = []
    for index, source in enumerate(found.sources, start=1):
        line = (
            f"{index}. {_md(source.publisher)}, \u201c{_md(source.title)}\u201d, "
            f"{source.published}."
        )
        if source.link:
            line += f" <{_link(source.link)}>"
        lines.append(line)
    return "\n".join(lines)


def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _md(text: str) -> str:
    """Text as literal Markdown: on one line, visible, its markup characters escaped."""
    return markdown_text(one_line(text))


def _block(text: str) -> str:
    """Like _md, and safe at the start of a line (no heading, list or quote marker)."""
    return _LINE_START.sub(r"\\\1", _md(text))


def _link(url: str) -> str:
    # Inside <...> only these break the link; percent-encoding keeps the URL the same.
    return url.replace("<", "%3C").replace(">", "%3E")
