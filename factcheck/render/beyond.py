"""What Markdown shows when nothing reproduces the claim: the nearest combinations, on one
line, and the largest total the figures make (rules C1 and C2 of docs/format.md)."""

from __future__ import annotations

from factcheck.models import Audit
from factcheck.units import ratio_scale
from factcheck.wording import claim_number, percent, signed_percent


def beyond_lines(audit: Audit) -> list[str]:
    """One line for the nearest combinations, one for the largest total (none when the
    claim is reproduced: the audit then has neither)."""
    lines = []
    unit = audit.claim.unit
    if audit.nearest:
        nearest = "; ".join(
            f"`{c.expression}` = {claim_number(c.value, unit, c.kind)} "
            f"({signed_percent(c.relative_difference)})"
            for c in audit.nearest
        )
        lines.append(f"Nearest combinations, none of which reproduces the number: {nearest}.")
    largest = audit.largest
    if largest is not None:
        most = "The most the figures add up to" if ratio_scale(unit) is None else "The largest"
        claimed = audit.claim.value
        share = f", {percent(largest.value / claimed)} of the claim" if claimed else ""
        lines.append(
            f"{most}: `{largest.expression}` = {claim_number(largest.value, unit)}{share}."
        )
    return lines
