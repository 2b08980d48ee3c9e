"""A YAML flow list split by a thousands comma: `[over 750,000]` reads as "over 750" and the
number 0, `[over 750,000 houses]` as "over 750" and "000 houses". The models ask here
before they read a list of wordings, so the message says why rather than "expected a
mapping"."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

SPLIT_HINT = (
    "a wording must be text or {term, extent}, and in a flow list ([a, b]) every comma "
    'splits items: quote a wording with a thousands comma, ["over 750,000 houses"]'
)
_GROUP_START = re.compile(r"\d{3}(?!\d)")


def split_wordings(items: list[Any]) -> str | None:
    """What is wrong with a list of wordings a thousands comma split, or None."""
    for index, item in enumerate(items):
        if isinstance(item, str) and not (index and _GROUP_START.match(item)):
            continue  # most items: a wording that cannot be the tail of a split number
        if isinstance(item, int | float | Decimal) and not isinstance(item, bool):
            return f"item {index + 1} is the number {item}, not a wording: {SPLIT_HINT}"
        before = items[index - 1] if index else None
        if (
            isinstance(item, str)
            and isinstance(before, str | int)
            and not isinstance(before, bool)
            and _GROUP_START.match(item)
            and str(before)[-1:].isdigit()
        ):
            return (
                f"items {index} and {index + 1} ({str(before)!r}, {item!r}) look like one "
                f"wording split at a thousands comma: {SPLIT_HINT}"
            )
    return None
