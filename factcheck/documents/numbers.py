"""Numbers in running text, in any written form, with where each stands.

"291,000", "291 000", "291 thousand", "$1.2bn", "12.5%", "12.5 percent", "thirty-two
thousand", "half a million": each is a Written number with its span in the text, its exact
value and the precision its writing implies (numbers.py's rules). A regular expression
finds the digits (no number library reads "£1.8bn" right; docs/provenance.md), a small
grammar the words. `mentions` says whether a text writes a given value in some form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import pairwise

from factcheck.numbers import NumberFormatError, parse_number, precision_of
from factcheck.written import TENS, UNITS

_NUMERAL = re.compile(
    r"""(?<![\w.,])
        (?:(?P<currency>(?:US|A|C|NZ)?[$€£¥]|[₹₦]|Rs\.?|R(?=\d)|Ksh|KSh)\ ?)?
        (?P<digits>\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?   # Indian grouping: 1,02,74,10,872
                  |\d{1,3}(?:(?P<sep>[,'\u00a0\u202f\u2009\ .])\d{3})(?:(?P=sep)\d{3})*
                  (?:\.\d+)?
                  |\d+(?:\.\d+)?|\.\d+)
        (?![\d])
        (?:(?:[^\S\n]|\n(?=[a-z])|-)?   # "$1.2 billion", "$1.2⏎billion", "$1.2-billion"
           (?P<scale>thousands?|millions?|billions?|trillions?|lakhs?|lacs?|crores?|cr
                     |mn|bn|tn|k|m|b)\b)?
        (?P<percent>\ ?%|(?:[^\S\n]|\n)per(?:\ |\n)?cent\b)?""",
    re.VERBOSE | re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]+")
_MAX_TEXT = 20_000
_MAX_DIGITS = 40
# The words for numbers below a hundred are written.py's, which the value parser reads too.
_SMALL, _TENS = UNITS, TENS
_SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
_VALUE_WORDS = frozenset({*_SMALL, *_TENS, *_SCALES, "hundred"})
_NUMBER_WORDS = _VALUE_WORDS | {"half", "a", "an"}
_JOINERS = frozenset({"and"})
_RUN_ENDS = _VALUE_WORDS | {"half"}


@dataclass(frozen=True)
class Written:
    """One number as the text writes it."""

    start: int
    end: int
    text: str
    value: Decimal
    precision: Decimal
    percent: bool = False
    currency: str | None = None
    in_words: bool = False
    scale: str | None = None  # "million", as written after the digits


def find_numbers(text: str) -> list[Written]:
    """Every number text writes, in digits or in words, in the order they stand."""
    found = list(_digit_numbers(text))
    found.extend(_word_numbers(text))
    found.sort(key=lambda w: (w.start, -w.end))
    return found


def numbers_in(text: str) -> Iterator[tuple[Decimal, Decimal]]:
    """(value, precision) of every reading of every number text writes: "2019 448 000"
    may be one number or two, and "448.000" a European thousands group or a decimal."""
    text = text[:_MAX_TEXT]
    for match in _NUMERAL.finditer(text):
        for number in _readings(match):
            yield number.value, number.precision
    for number in _word_numbers(text):
        yield number.value, number.precision
    digits = list(_digit_numbers(text))
    for first, second in pairwise(digits):
        carried = range_start(text, first, second)
        if carried is not None:
            yield carried.value, carried.precision


def range_start(text: str, first: Written, second: Written) -> Written | None:
    """The first end of a range that takes its scale, percent or currency from the second
    ("$40–$60 million", "10 to 15 percent", "between 10 and 15%"): the first as it is
    meant, or None when the two are no range or the first needs nothing carried. A scale
    carries only onto a bare number that stays below the second ("$50,000 to $2.5
    million" keeps its 50,000), and over "by" only a percent: "grew by 12 to 18 percent"
    is a range, "fell by 5 to 120 million" a change."""
    between = text[first.end : second.start]
    if not _RANGE_JOIN.fullmatch(between) or first.in_words or second.in_words:
        return None
    if between.strip() == "and" and not _BETWEEN.search(
        text[max(0, first.start - 9) : first.start]
    ):
        return None
    after_by = bool(_BY.search(text[max(0, first.start - 4) : first.start]))
    scale = first.scale or (None if after_by else second.scale)
    percent = first.percent or second.percent
    currency = first.currency or (None if after_by else second.currency)
    if (scale, percent, currency) == (first.scale, first.percent, first.currency):
        return None
    bare = first.text.strip().lstrip("$€£¥")
    if scale != first.scale and not re.fullmatch(r"\d{1,3}(?:\.\d+)?", bare):
        return None
    try:
        number = parse_number(f"{bare} {scale or ''}".strip())
    except NumberFormatError:
        return None
    if scale != first.scale and abs(number.value) > abs(second.value):
        return None
    return replace(
        first,
        value=number.value,
        precision=number.precision,
        percent=percent,
        currency=currency,
        scale=scale,
    )


def range_pair(text: str, first: Written, second: Written) -> bool:
    """Whether two numbers are joined as a range, or a change from one to the other: "10
    to 15", "10–15", "between 10 and 15", "from 10 through 15"."""
    between = text[first.end : second.start]
    if not _RANGE_JOIN.fullmatch(between) or first.in_words or second.in_words:
        return False
    return between.strip() != "and" or bool(
        _BETWEEN.search(text[max(0, first.start - 9) : first.start])
    )


_RANGE_JOIN = re.compile(r"\s*(?:–|—|to|and|through)\s*")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_BY = re.compile(r"\bby\s+$", re.IGNORECASE)


def mentions(text: str, value: Decimal, precision: Decimal) -> bool:
    """True when text writes value in some form, rounded no further than either side's
    precision: 448000 is in "448,000", "448000", "448 000", "448 thousand", "0.4 million"
    and "four hundred forty-eight thousand"; signs are ignored (quotes say "fell 5%")."""
    target = abs(value)
    if _written_plainly(text, target):
        return True
    # Real quotes are a sentence or two; the cap bounds the work on a hostile file.
    for written, written_precision in numbers_in(text):
        if abs(abs(written) - target) <= max(written_precision, precision) / 2:
            return True
    return False


def _written_plainly(text: str, target: Decimal) -> bool:
    """Whether text writes a whole target as plain digits ("1,007", "1007"), whose first
    reading is that very number: the common case of a quote, answered without reading
    every number in full (check's FC501 asks it of every quote; a fifth of its time on a
    source of 10,000 figures)."""
    if target != target.to_integral_value():
        return False
    for match in _NUMERAL.finditer(text[:_MAX_TEXT]):
        digits = match["digits"]
        if (
            match["scale"] is None
            and match["sep"] in (None, ",")
            and _PLAIN_WHOLE.fullmatch(digits)
            and int(digits.replace(",", "")) == target
        ):
            return True
    return False


_PLAIN_WHOLE = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d{0,39}|0")


def _digit_numbers(text: str) -> Iterator[Written]:
    for match in _NUMERAL.finditer(text):
        readings = _readings(match)
        if readings:
            yield readings[0]


def _readings(match: re.Match[str]) -> list[Written]:
    digits, sep, scale = match["digits"], match["sep"], match["scale"]
    if len(digits) > _MAX_DIGITS:
        return []  # no figure is written with this many digits
    texts = [digits]
    if sep == ".":  # 448.000: a European thousands group, or a decimal
        texts.insert(0, digits.replace(".", ""))
    elif sep and sep.isspace():  # "in 2019 448 000": the groups may be separate numbers
        texts.extend(digits.split(sep))
    found = []
    word = (scale or "").lower()
    word = word.removesuffix("s") if len(word) > 3 else word  # thousands -> thousand
    for reading in texts:
        try:
            number = parse_number(f"{reading} {word}".strip())
        except NumberFormatError:
            continue
        found.append(
            Written(
                match.start(),
                match.end(),
                match.group(),
                number.value,
                number.precision,
                percent=bool(match["percent"]),
                currency=match["currency"],
                scale=scale,
            )
        )
    return found


def _word_numbers(text: str) -> Iterator[Written]:
    """Numbers written in words: "thirty-two thousand", "half a million", "a hundred"."""
    run: list[re.Match[str]] = []
    for word in [*_WORD.finditer(text), None]:
        lowered = word.group().lower() if word else ""
        if word and (lowered in _NUMBER_WORDS or (run and lowered in _JOINERS)):
            run.append(word)
            continue
        if not run:
            continue  # most words: nothing to end
        while run and run[-1].group().lower() not in _RUN_ENDS:
            run.pop()  # "... thousand and" / "a": the run ends on a number word
        words = [w.group().lower() for w in run]
        # A scale word alone ("448 thousand") belongs to the digits before it.
        if any(w in _VALUE_WORDS for w in words) and not all(w in _SCALES for w in words):
            value = _word_value(words)
            if value == value.to_integral_value():
                value = Decimal(int(value))  # 500000.0 -> 500000: precision 100000, not 0.1
            start, end = run[0].start(), run[-1].end()
            yield Written(start, end, text[start:end], value, precision_of(value), in_words=True)
        run = []


def _word_value(words: list[str]) -> Decimal:
    total = current = Decimal(0)
    for word in words:
        if word in _SMALL:
            current += _SMALL[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "half":
            current += Decimal("0.5")
        elif word == "hundred":
            current = (current or Decimal(1)) * 100
        elif word in _SCALES:
            total += (current or Decimal(1)) * Decimal(10) ** _SCALES[word]
            current = Decimal(0)
        # "a", "an", "and" only join: "a hundred", "half a million", "one hundred and five"
    return total + current
