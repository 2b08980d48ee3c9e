"""A combination's terms and numbers as the audit reports them."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from factcheck.models import ChangeInfo, Term, WindowInfo
from factcheck.numbers import plain
from factcheck.series import Window, WindowChange


def term(
    figure: str, sign: int, value: Decimal, window: Window | None = None, name: str | None = None
) -> Term:
    """A figure or a window, added (sign > 0) or subtracted; `name` is "a" or "b" in a
    ratio's formula."""
    if window is None:
        return Term(figure=figure, sign=1 if sign > 0 else -1, value=value, name=name)
    return Term(
        figure=figure,
        sign=1 if sign > 0 else -1,
        value=value,
        name=name,
        members=[o.figure.id for o in window.members],
        window=window_info(window),
    )


def change_info(figure: str, sign: int, value: Decimal, change: WindowChange) -> Term:
    """A change between two windows of a series, as one term: the members of both."""
    return Term(
        figure=figure,
        sign=1 if sign > 0 else -1,
        value=value,
        members=[o.figure.id for o in change.members],
        change=ChangeInfo(
            series=change.series,
            earlier=window_info(change.earlier),
            later=window_info(change.later),
            direction=change.direction,
        ),
    )


def window_info(window: Window) -> WindowInfo:
    return WindowInfo(
        series=window.series,
        start=window.start,
        end=window.end,
        count=window.count,
        label=window.label(),
    )


def term_label(term: Term) -> str:
    """How a term reads in an expression: its figure id, or "series[Feb 2021 - Jan 2024]"."""
    if term.window is not None:
        return _window_label(term.window)
    if term.change is not None:
        earlier, later = term.change.earlier, term.change.later
        first, second = (earlier, later) if term.change.direction == "fall" else (later, earlier)
        return f"{_window_label(first)} - {_window_label(second)}"
    return term.figure


def _window_label(window: WindowInfo) -> str:
    return f"{window.series}[{window.label.rsplit(' (', 1)[0]}]"


_PLACES = Decimal("0.000001")


def difference(value: Decimal, claimed: Decimal) -> tuple[Decimal, Decimal]:
    """value - claimed, and that relative to the claim (0 when the claim is 0)."""
    off = value - claimed
    return off, off / claimed if claimed else Decimal(0)


def rounded(value: Decimal) -> Decimal:
    """A share or a relative difference as reported: to 6 places, without trailing zeros."""
    found = value.quantize(_PLACES, rounding=ROUND_HALF_EVEN)
    return plain(found)  # never 1E+1
