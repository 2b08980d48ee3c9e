"""The one table of how the world writes numbers: number words, fractions, multipliers,
Indian units, currency marks.

numbers.py reads a `value` with it, number_words.py reads words with it, and renderers show
a number as its writer wrote it beside the normalised value (`as_written`). It imports
nothing of factcheck, so every stage may read it. Why a hand table and not babel or
text2num: docs/format.md ("Numbers as the world writes them").
"""

from __future__ import annotations

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

# --- currency marks: what the writer put before or after the number -> ISO 4217 ---------
# Longest first when matching, so "US$" is not read as "$". "$" alone is the dollar of the
# figure's `unit` when that is a dollar (AUD, CAD, ...), else USD (docs/format.md). "R" is
# the South African rand ("R$" the Brazilian real): in a `value` a letter before the digits
# is nothing else. "Rs" is the Indian rupee (CLDR says Seychelles: not how it is written).

CURRENCY_BEFORE: dict[str, str] = {
    "US$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "R": "ZAR",
    "Ksh": "KES",
    "KSh": "KES",
    "₦": "NGN",
    "GH₵": "GHS",
    "₵": "GHS",
    "₱": "PHP",
    "₩": "KRW",
    "₪": "ILS",
    "₺": "TRY",
    "₽": "RUB",
}
# ISO codes written before or after ("USD 1.2bn", "1.2bn ZAR") and the words written after
# the number ("700 billion rand"); "dollars" and "pounds" name no one currency.
ISO_CODES = frozenset(
    {
        *("USD", "EUR", "GBP", "JPY", "INR", "ZAR", "KES", "AUD", "CAD", "NZD", "HKD"),
        *("SGD", "BRL", "NGN", "GHS", "PHP", "KRW", "ILS", "TRY", "RUB", "CHF", "CNY"),
        *("UGX", "TZS", "PKR", "BDT", "LKR", "NPR", "MXN", "SEK", "NOK", "DKK", "EGP"),
    }
)
CURRENCY_WORDS: dict[str, str] = {
    "rand": "ZAR",
    "rupee": "INR",
    "rupees": "INR",
    "euro": "EUR",
    "euros": "EUR",
    "naira": "NGN",
    "cedi": "GHS",
    "cedis": "GHS",
    "yen": "JPY",
    "shilling": "KES",
    "shillings": "KES",
}
# Units that name a kind of currency, not one: `unit: dollars` takes "$", "A$", "US$".
CURRENCY_FAMILIES: dict[str, frozenset[str]] = {
    "dollars": frozenset({"USD", "AUD", "CAD", "NZD", "HKD", "SGD"}),
    "dollar": frozenset({"USD", "AUD", "CAD", "NZD", "HKD", "SGD"}),
    "pounds": frozenset({"GBP", "EGP"}),
    "euros": frozenset({"EUR"}),
    "rand": frozenset({"ZAR"}),
    "rupees": frozenset({"INR", "PKR", "LKR", "NPR"}),
}
# The dollars "$" may stand for, when the unit says which.
DOLLARS = CURRENCY_FAMILIES["dollars"]


def currency_fits(code: str, unit: str, mark: str) -> bool:
    """Whether a number written with this currency mark may be in this unit: the same ISO
    code, a unit naming its family ("dollars"), or "$" written for any dollar."""
    key = unit.strip().casefold()
    if key == code.casefold():
        return True
    if code in CURRENCY_FAMILIES.get(key, frozenset()):
        return True
    return mark == "$" and key.upper() in DOLLARS


def dollar_of(unit: str | None) -> str:
    """What "$" means for a figure in this unit: that dollar when the unit is one, else USD."""
    key = (unit or "").strip().upper()
    return key if key in DOLLARS else "USD"


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
