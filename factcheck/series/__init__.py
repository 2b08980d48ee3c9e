"""Series of figures: windows of a flow series, changes and shares, and the periods they cover.

A *flow* series is a set of figures that share `series:` and each have a `period` (monthly
encounters); a *stock* series shares `series:` with an `as_of` date each (payroll jobs on a
date). Members of a flow series combine only as contiguous windows (Feb 2021 - Jan 2024):
arbitrary months picked from a series are not a derivation.

Ratios (claims in `percent` or `ratio`) are reproduced by the change between two figures of
one series, (b - a) / a, by a share part / whole over `part_of`, or by a figure the source
itself states in the claim's unit. All ratio arithmetic is exact (integers and Fractions).

The modules:

- `runs`: a flow series' runs (members with no gap), their running sums, and its windows.
- `changes`: changes between two windows, as a term of a sum (`WindowChange`) and as the
  pairs a ratio compares like for like (`comparable_windows`).
- `ratios`: the ratios a percent or ratio claim is reproduced by (change, share, stated).
- `periods`: the days a number measures, and whether they match a claim's `covers:`.
- `stocks`: the part of a stock's rise that only recovers an earlier peak.
"""

from __future__ import annotations

from factcheck.kinds import RatioKind
from factcheck.series.changes import WindowChange, comparable_windows, window_changes
from factcheck.series.periods import (
    COVERS_SLACK_DAYS,
    COVERS_SLACK_SHARE,
    Days,
    Span,
    change_span,
    covering,
    covers_match,
    midpoint,
)
from factcheck.series.ratios import (
    Operand,
    Ratio,
    change,
    operand_bounds,
    operand_id,
    operand_interval,
    operand_period,
    operand_value,
    share,
    stated,
)
from factcheck.series.runs import (
    Bounds,
    Run,
    RunningSums,
    Window,
    contiguous_runs,
    flow_series,
    span_label,
    windows,
    windows_between,
)
from factcheck.series.stocks import Recovery, recovery
from factcheck.units import RATIO_UNITS, ratio_scale

__all__ = [
    "COVERS_SLACK_DAYS",
    "COVERS_SLACK_SHARE",
    "RATIO_UNITS",  # re-exported: units live in units.py
    "Bounds",
    "Days",
    "Operand",
    "Ratio",
    "RatioKind",  # re-exported: the kinds live in kinds.py
    "Recovery",
    "Run",
    "RunningSums",
    "Span",
    "Window",
    "WindowChange",
    "change",
    "change_span",
    "comparable_windows",
    "contiguous_runs",
    "covering",
    "covers_match",
    "flow_series",
    "midpoint",
    "operand_bounds",
    "operand_id",
    "operand_interval",
    "operand_period",
    "operand_value",
    "ratio_scale",
    "recovery",
    "share",
    "span_label",
    "stated",
    "window_changes",
    "windows",
    "windows_between",
]
