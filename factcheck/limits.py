"""The search's default limits, in a module light enough for `factcheck --help` to read.

`--help` shows these defaults; importing the search to read them would load numpy and
pydantic and make `factcheck --help` take about three times as long.
"""

from __future__ import annotations

DEFAULT_TOP = 20  # reproducing combinations listed
DEFAULT_BUDGET = 500_000  # combinations examined per claim before the search stops
# The largest --budget: 200 times the default, minutes of search on a 10,000-figure source.
# Beyond it a run is a hang in all but name (99999999999999999999 was taken at its word).
MAX_BUDGET = 100_000_000
