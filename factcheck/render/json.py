"""Stable JSON for scripts (docs/json.md): exact decimals as JSON numbers, fixed key order."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any

from factcheck.models import Audit
from factcheck.render.registry import View


def render_json(audit: Audit) -> str:
    """One audit as an indented JSON document with a trailing newline."""
    return dumps(audit.model_dump(mode="python"), indent=2) + "\n"


def render_jsonl(audits: Iterable[Audit]) -> str:
    """One compact JSON object per line, one line per audit."""
    return "".join(render_line(audit) for audit in audits)


def render_audits(audits: Sequence[Audit], view: View) -> str:
    """`verify --format json`: the audit itself for one named file, else a list of them."""
    if view.single and len(audits) == 1:
        return render_json(audits[0])
    return dumps([audit.model_dump(mode="python") for audit in audits], indent=2) + "\n"


def render_line(audit: Audit, view: View | None = None) -> str:
    """`verify --format jsonl`, one audit at a time: a compact object and a newline."""
    return dumps(audit.model_dump(mode="python")) + "\n"


def dumps(value: Any, indent: int | None = None) -> str:
    """json.dumps that writes Decimal as an exact number (never via a binary float)."""
    return _encode(value, indent, 0)


def _encode(value: Any, indent: int | None, level: int) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, Enum):
        return _encode(value.value, indent, level)
    if isinstance(value, dt.date):
        return json.dumps(value.isoformat())
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        items = [
            f"{json.dumps(str(k), ensure_ascii=False)}:{' ' if indent is not None else ''}"
            f"{_encode(v, indent, level + 1)}"
            for k, v in value.items()
        ]
        return _wrap("{", "}", items, indent, level)
    if isinstance(value, list | tuple):
        return _wrap("[", "]", [_encode(v, indent, level + 1) for v in value], indent, level)
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def _wrap(open_: str, close: str, items: list[str], indent: int | None, level: int) -> str:
    if not items:
        return open_ + close
    if indent is None:
        return open_ + ",".join(items) + close
    inner = "\n" + " " * (indent * (level + 1))
    return open_ + inner + ("," + inner).join(items) + "\n" + " " * (indent * level) + close


def _number(value: Decimal) -> str:
    if not value.is_finite():
        raise ValueError(f"{value} is not a JSON number")
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
