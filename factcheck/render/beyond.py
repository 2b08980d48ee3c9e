"""What published text shows when nothing reproduces the claim: the nearest combinations, on
one line, and the largest total the figures make (rules C1 and C2 of docs/format.md), with
figures named as readers know them (render/reader.py)."""

from __future__ import annotations

from factcheck.render.reader import Reader
from factcheck.units import ratio_scale
from factcheck.wording import percent, signed_percent


def beyond_lines(r: Reader) -> list[str]:
    """One line for the nearest combinations, one for the largest total (none when the
    claim is reproduced: the audit then has neither)."""
    audit = r.audit
    lines = []
    if audit.nearest:
        nearest = "; ".join(
            f"{r.expression(c)} = {r.value_of(c)} ({signed_percent(c.relative_difference)})"
            for c in audit.nearest
        )
        lines.append(f"Nearest combinations, none of which reproduces the number: {nearest}.")
    largest = audit.largest
    if largest is not None:
        unit = audit.claim.unit
        most = "The most the figures add up to" if ratio_scale(unit) is None else "The largest"
        claimed = audit.claim.value
        share = f", {percent(largest.value / claimed)} of the claim" if claimed else ""
        named = r.note_text(largest.expression)
        value = r.amount(largest.value) if ratio_scale(unit) is None else f"{largest.value}"
        lines.append(f"{most}: {named} = {value}{share}.")
    return lines
