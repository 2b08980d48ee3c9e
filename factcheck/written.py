"""The one table of how the world writes numbers: number words, fractions, multipliers,
Indian units; and, from the table of currencies (currencies.py), the currency marks, codes
and names a value may carry.

numbers.py reads a `value` with it, number_words.py reads words with it, and renderers show
a number as its writer wrote it beside the normalised value (`as_written`). It imports only
currencies.py, which imports nothing of factcheck, so every stage may read it. Why a hand
table and not babel or text2num: docs/format.md ("Numbers as the world writes them").
"""

from __future__ import annotations

# Currency marks, ISO 4217 codes and currency names, as the value parser and the text check
# (FC505) look them up: views of the one table of currencies, re-exported.
from factcheck.currencies import (
    CURRENCY_BEFORE,
    CURRENCY_FAMILIES,
    CURRENCY_WORDS,
    DOLLARS,
    ISO_CODES,
    currency_fits,
)

__all__ = [
    "CURRENCY_BEFORE",
    "CURRENCY_FAMILIES",
    "CURRENCY_WORDS",
    "DENOMINATORS",
    "DIGIT_SCALES",
    "DOLLARS",
    "DOZEN",
    "ISO_CODES",
    "MULTIPLES",
    "SCALES",
    "SCALE_HELP",
    "TENS",
    "TIMES_WORDS",
    "UNITS",
    "as_written",
    "currency_fits",
    "says_more",
]

# --- words for whole numbers ------------------------------------------------------------

UNITS = {
    word: value
    for value, word in enumerate(
        [
            *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
            *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"),
            *("seventeen", "eighteen", "nineteen"),
        ]
    )
}
TENS = {
    word: 10 * (index + 2)
    for index, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
# "a dozen", "two dozen": a dozen is exactly twelve.
DOZEN = {"dozen": 12}

# --- multipliers (scale words): the power of ten each stands for --------------------------
# Written after a number, in words or abbreviated; "lakh" (10^5) and "crore" (10^7) are how
# South Asia counts, and stack with a larger word: "lakh crore" is 10^12.

SCALES: dict[str, int] = {
    "hundred": 2,
    "k": 3,
    "thousand": 3,
    "thousands": 3,
    "lakh": 5,
    "lakhs": 5,
    "lac": 5,
    "lacs": 5,
    "m": 6,
    "mn": 6,
    "mil": 6,
    "million": 6,
    "millions": 6,
    "crore": 7,
    "crores": 7,
    "cr": 7,
    "b": 9,
    "bn": 9,
    "billion": 9,
    "billions": 9,
    "t": 12,
    "tn": 12,
    "trillion": 12,
    "trillions": 12,
}
# "hundred" is a scale only inside words ("two hundred"); after digits it is not written.
DIGIT_SCALES = {word: power for word, power in SCALES.items() if word != "hundred"}
SCALE_HELP = "thousand/k, lakh/lac, million/m/mn, crore/cr, billion/bn, trillion/tn"

# --- shares and multipliers written in words --------------------------------------------
# A share in words reads as a percent ("a third" is 33.33333333%): the denominators people
# use, singular and plural ("a third", "two-thirds").

DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
# "twice", "three times": how many times one figure is another (unit ratio).
MULTIPLES = {"once": 1, "twice": 2, "thrice": 3, "double": 2, "triple": 3, "treble": 3}
TIMES_WORDS = frozenset({"times", "x", "×", "fold"})

# --- shown beside the normalised value --------------------------------------------------


def says_more(written: str | None, normalised: str) -> bool:
    """Whether a number as written says more than its normalised form: "220 crore" beside
    "2,200,000,000" does; "325,000", "325000" and "12.5%" beside "325,000" or "12.5%" do
    not (a percent's sign is shown by its unit or the output's suffix)."""
    if not written:
        return False
    plain = written.strip().removesuffix("%").rstrip()
    bare = normalised.removesuffix("%")
    return plain not in (bare, bare.replace(",", ""))


def as_written(written: str | None, normalised: str, suffix: str = "") -> str:
    """A number as its writer wrote it with the normalised value beside it, "220 crore
    (2,200,000,000)", or the normalised value alone when the writing says nothing more."""
    shown = normalised + suffix
    if not says_more(written, normalised):
        return shown
    return f"{(written or '').strip()} ({shown})"
