"""Numbers in running text in every form a `value` accepts: "220 crore people", "R17.3bn",
"one in four adults", "a third of", "2,20,67,05,759".

`check` asks whether a claim's text (FC505) or a figure's quote (FC501) writes its value;
documents/numbers.py finds the common forms fast, and this reads the rest with the value
parser itself (numbers.py), so whatever a `value` may say, a text may say too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factcheck.numbers import NumberFormatError, WrittenNumber, parse_number
from factcheck.written import (
    CURRENCY_BEFORE,
    CURRENCY_WORDS,
    DENOMINATORS,
    DOZEN,
    ISO_CODES,
    MULTIPLES,
    SCALES,
    TENS,
    TIMES_WORDS,
    UNITS,
)

# Words that may stand in a written number, lower case; marks and codes as written.
_WORDS = frozenset(
    {
        *UNITS,
        *TENS,
        *DOZEN,
        *SCALES,
        *DENOMINATORS,
        *MULTIPLES,
        *TIMES_WORDS,
        *CURRENCY_WORDS,
        *("a", "an", "and", "of", "in", "out", "per", "cent", "percent"),
    }
)
_MARK_LETTERS = frozenset(
    {*ISO_CODES, *(re.sub(r"[^A-Za-z]", "", mark) for mark in CURRENCY_BEFORE)} - {""}
)
_TOKEN = re.compile(
    r"\d[\d,.'\u00a0\u202f\u2009]*\d|\d|[^\W\d_]+|[$€£¥₹₦₵₱₩₪₺₽%×\u2212-]", re.UNICODE
)
_MAX_TEXT = 20_000
_MAX_TOKENS = 8  # no written number takes more: "one and a half lakh crore rupees"
_MAX_READS = 2_000  # distinct stretches read in one text: a quote holds a few dozen
# Words that only join the words of a number: none starts or ends one.
_JOINERS = frozenset({"and", "of", "in", "out", "per"})


def written_numbers(text: str) -> Iterator[WrittenNumber]:
    """Every reading of every stretch of text that reads as a number. The work is bounded
    on a hostile text: a stretch is read once however often it repeats, only where a
    number may start and end, and at most _MAX_READS stretches in all."""
    text = text[:_MAX_TEXT]
    tried: set[str] = set()
    for run in _runs(text):
        tokens = [text[start:end] for start, end in run]
        for first in range(len(run)):
            if not _may_start(tokens[first]):
                continue
            for last in range(first, min(len(run), first + _MAX_TOKENS)):
                if not _may_end(tokens[last]):
                    continue
                piece = text[run[first][0] : run[last][1]]
                if piece in tried:
                    continue
                if len(tried) >= _MAX_READS:
                    return
                tried.add(piece)
                try:
                    yield parse_number(piece)
                except NumberFormatError:
                    continue


def mentions_written(text: str, value: Decimal, precision: Decimal) -> bool:
    """Whether text writes value in any form a `value` accepts, rounded no further than
    either side's precision (as documents/numbers.py's `mentions`)."""
    target = abs(value)
    return any(
        abs(abs(found.value) - target) <= max(found.precision, precision) / 2
        for found in written_numbers(text)
    )


def _runs(text: str) -> Iterator[list[tuple[int, int]]]:
    """Stretches of tokens that may belong to numbers, with only spaces between them,
    holding at least one digit or number word."""
    run: list[tuple[int, int]] = []
    previous_end = -1
    for match in _TOKEN.finditer(text):
        token = match.group()
        joined = previous_end >= 0 and not text[previous_end : match.start()].strip()
        if not _may_be_number(token):
            if run:
                yield run
            run, previous_end = [], -1
            continue
        if run and not joined:
            yield run
            run = []
        run.append(match.span())
        previous_end = match.end()
    if run:
        yield run


def _may_start(token: str) -> bool:
    return token.casefold() not in _JOINERS and token not in ("-", "%", "×")


def _may_end(token: str) -> bool:
    return token.casefold() not in _JOINERS | {"a", "an"} and token not in ("-", "\u2212")


def _may_be_number(token: str) -> bool:
    return (
        token[0].isdigit()
        or not token[0].isalpha()
        or token.casefold() in _WORDS
        or token in _MARK_LETTERS
    )
