"""What days a number measures: a span of days, whether one matches a claim's `covers:`,
the days a change happens over, and a period's middle day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from fractions import Fraction
from typing import NamedTuple, Protocol

from factcheck.models import Period

COVERS_SLACK_DAYS = 7
COVERS_SLACK_SHARE = Fraction(5, 100)


class Days(NamedTuple):
    """A first and a last day."""

    start: dt.date
    end: dt.date


class Span(Protocol):
    """Anything with a first and a last day: a Period, a Window."""

    @property
    def start(self) -> dt.date: ...

    @property
    def end(self) -> dt.date: ...


def covers_match(period: Span | None, covers: Period) -> bool:
    """Both ends within a week of the covered period, or 5% of its length if that is longer."""
    return covering(covers)(period)


def covering(covers: Period) -> Callable[[Span | None], bool]:
    """covers_match for one covered period, its slack worked out once (a long series asks
    it of every window)."""
    slack = max(COVERS_SLACK_DAYS, int(COVERS_SLACK_SHARE * covers.days))
    start, end = covers.start, covers.end

    def matches(period: Span | None) -> bool:
        return (
            period is not None
            and abs((period.start - start).days) <= slack
            and abs((period.end - end).days) <= slack
        )

    return matches


def change_span(earlier: dt.date, later: dt.date) -> Period:
    """The days a change from one date to a later one happens over: from the day after the
    earlier up to the later (a change between two dates has no day of its own on the first)."""
    if later <= earlier:
        return Period(start=later, end=later)
    return Period(start=earlier + dt.timedelta(days=1), end=later)


def midpoint(start: dt.date, end: dt.date) -> dt.date:
    """The middle day of a period (the earlier of two for an even number of days)."""
    return start + dt.timedelta(days=((end - start).days) // 2)
