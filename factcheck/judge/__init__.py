"""From a loaded case to an audit: run the search, read the source's words, give the verdict.

The rules are those of docs/format.md ("How a claim is audited", version 2): a combination
reproduces the claim, earns a band from the share of it that the source itself describes
with the claim's word (bands.py), and the verdict is the most favourable band any
combination earns; when none reproduces it, the verdict says how far and which way.

Where things are:
- audit.py: `judge()`, a short list of named steps;
- settings.py: `Settings` and the defaults;
- combinations.py: the protocol of a kind of claim, met by sums.py (counts: sums of
  figures and windows, items.py) and ratios.py (percent and ratio claims);
- readings.py: what the source's words say of the claim's word;
- verdict.py: the listed combinations, coincidences passed over, the verdict and its basis;
- beyond.py: when nothing reproduces, the nearest combinations, the largest total and a
  larger supported combination; support.py: shares of a combination's own value;
- notes.py, word_notes.py, summary.py: what the audit says beside the verdict.
"""

from factcheck.judge.audit import judge
from factcheck.judge.items import MAX_WINDOWS, Item
from factcheck.judge.notes import PERIOD_NOTE_AT
from factcheck.judge.ratios import MAX_RATIOS
from factcheck.judge.settings import DEFAULT_MAX_TERMS, DEFAULT_TOLERANCE, Settings
from factcheck.judge.sums import MAX_PAIRS
from factcheck.judge.terms import window_info
from factcheck.judge.verdict import NEAR_MISS
from factcheck.qualifiers import QUALIFIER_WORDS
from factcheck.wording import amount, claim_number, number, percent

__all__ = [
    "DEFAULT_MAX_TERMS",
    "DEFAULT_TOLERANCE",
    "MAX_PAIRS",
    "MAX_RATIOS",
    "MAX_WINDOWS",
    "NEAR_MISS",
    "PERIOD_NOTE_AT",
    "QUALIFIER_WORDS",
    "Item",
    "Settings",
    "amount",
    "claim_number",
    "judge",
    "number",
    "percent",
    "window_info",
]
