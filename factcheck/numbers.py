"""Numbers as people write them -> exact Decimal value and the precision the writing implies."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from itertools import pairwise

from factcheck.number_words import WordError, read_words
from factcheck.qualifiers import WRITTEN_FORMS
from factcheck.written import (
    CURRENCY_BEFORE,
    CURRENCY_WORDS,
    DIGIT_SCALES,
    ISO_CODES,
    SCALE_HELP,
)

ACCEPTED_FORMS = (
    '325000, 12.5, "325,000", "1,02,74,10,872", "1.2 million", "1.2m", "220 crore", '
    '"half a million", "a third", "$87bn", "R17.3bn", "12.5%"'
)

# Possessive quantifiers (*+, ?+): no part gives back what it matched, so a long run of
# spaces or digits fails in linear time; with backtracking, "1" + 3,000 spaces + "x!"
# took minutes.
_DIGITS = re.compile(
    r"(?P<digits>\d[\d,\u00a0\u202f\u2009 ']*+(?:\.\d++)?+|\.\d++)(?P<rest>.*+)", re.DOTALL
)
_HAS_DIGIT = re.compile(r"\d")
_PERCENT_AFTER = re.compile(r"(?:\s*+%|\s++per\s*+cent|\s++percent)$", re.IGNORECASE)
# Bounds that keep every figure exact and every search cheap: Decimal arithmetic runs at 28
# significant digits, and a sum of up to 12 figures within these bounds needs at most 28.
MAX_MAGNITUDE = Decimal(10) ** 18
MAX_DECIMAL_PLACES = 8
MAX_NUMBER_TEXT = 64  # characters: no number as printed in digits needs more
MAX_WORDS_TEXT = 160  # characters: a number in words ("nine hundred and ninety-nine billion ...")
RANGE = f"numbers must be at most 10^18 in size with at most {MAX_DECIMAL_PLACES} decimal places"
# Groups of three (325,000), or Indian grouping: two-digit groups before the last three
# (1,02,74,10,872); the separator is one throughout.
_GROUPED = re.compile(r"^\d{1,3}(?:([,\u00a0\u202f\u2009 '])\d{3})(?:\1\d{3})*(?:\.\d+)?$")
_INDIAN = re.compile(r"^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$")
_SEPARATORS = re.compile("[,\u00a0\u202f\u2009 ']")
GROUPING_HELP = (
    "digit groups must be of three (325,000), or in Indian grouping of two before the last "
    "three (1,02,74,10,872)"
)


class NumberFormatError(ValueError):
    """A value that is not a number in any form we accept."""


@dataclass(frozen=True)
class WrittenNumber:
    value: Decimal
    precision: Decimal  # the place value of the last written digit
    percent: bool = False  # "12.5%", or a share in words ("a third": 33.33333333)
    currency: str | None = None  # ISO 4217, from the mark: "R17.3bn" -> ZAR
    mark: str | None = None  # the mark as written: "R", "A$", "$"
    times: bool = False  # a multiple: "twice", "three times", "3x" (unit ratio)
    share: bool = False  # a share in words: "a third", "one in four" (unit percent)
    text: str = field(default="", compare=False)  # as written, when written as text


def precision_of(value: Decimal) -> Decimal:
    """Place value of the last significant written digit: 448000 -> 1000, 12.50 -> 0.01."""
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if exponent < 0:  # before the zero test: 0.00 is written to the hundredth
        return Decimal(1).scaleb(exponent)
    if value == 0:
        return Decimal(1)
    trailing = 0
    for digit in reversed(digits):
        if digit:
            break
        trailing += 1
    return _plain(Decimal(1).scaleb(exponent + trailing))


def parse_number(raw: object) -> WrittenNumber:
    """Parse a YAML value (int, Decimal or string) into an exact number and its precision."""
    if isinstance(raw, bool) or raw is None:
        raise NumberFormatError(
            f"expected a number, got {_describe(raw)}; accepted forms: {ACCEPTED_FORMS}"
        )
    if isinstance(raw, int):
        if not -MAX_MAGNITUDE <= raw <= MAX_MAGNITUDE:  # before Decimal(): it may be huge
            raise NumberFormatError(f"{_describe(raw)} is out of range: {RANGE}")
        return _whole(raw)
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise NumberFormatError(
                f"expected a finite number, got {raw}; accepted forms: {ACCEPTED_FORMS}"
            )
        check_range(raw)
        return WrittenNumber(raw, precision_of(raw))
    if isinstance(raw, float):  # only reached by library callers: YAML floats arrive as Decimal
        return parse_number(Decimal(repr(raw)))
    if not isinstance(raw, str):
        raise NumberFormatError(
            f"expected a number, got {_describe(raw)}; accepted forms: {ACCEPTED_FORMS}"
        )
    return _parse_text(raw)


def check_range(value: Decimal) -> None:
    """Refuse a number beyond MAX_MAGNITUDE or MAX_DECIMAL_PLACES (NumberFormatError)."""
    if not _in_range(value):
        raise NumberFormatError(f"{_describe(value)} is out of range: {RANGE}")


def in_range(value: Decimal) -> bool:
    """Whether value is within MAX_MAGNITUDE and MAX_DECIMAL_PLACES (as check_range asks)."""
    return _in_range(value)


def _in_range(value: Decimal) -> bool:
    # Only exact operations (copy_abs, as_tuple): abs() rounds in the context and raises
    # Overflow on 1.0e+999999999.
    exponent = value.as_tuple().exponent
    return (
        isinstance(exponent, int)
        and exponent >= -MAX_DECIMAL_PLACES
        and value.copy_abs() <= MAX_MAGNITUDE
    )


def _leading_qualifier(text: str) -> tuple[str, str, str] | None:
    """("about", "about", "3,000") for "about 3,000": a qualifier written into the value
    (the written forms are qualifiers.py's)."""
    lowered = text.casefold()
    for words, name in WRITTEN_FORMS.items():
        if lowered.startswith(words + " ") and text[len(words) :].strip():
            return words, name.value, text[len(words) :].strip()
    return None


# Most values are written as whole numbers, bare or grouped with commas ("325,000").
_PLAIN_WHOLE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+")


# Pure, and asked twice for each figure's value (the models read its precision, then its
# value) and again for its quote's numbers (`check`): remembering as many as a large source
# holds saves a third of the time numbers take. Refusals are not remembered (they raise).
@functools.lru_cache(maxsize=16_384)
def _parse_text(text: str) -> WrittenNumber:
    if len(text) <= MAX_NUMBER_TEXT and _PLAIN_WHOLE.fullmatch(text):
        return _plain_whole(text)
    return _parse_any(text)


def _parse_any(text: str) -> WrittenNumber:
    stripped = text.strip()
    limit = MAX_NUMBER_TEXT if _HAS_DIGIT.search(stripped[:MAX_WORDS_TEXT]) else MAX_WORDS_TEXT
    if len(stripped) > limit:
        raise NumberFormatError(
            f"cannot read {_describe(text)} as a number: longer than {limit} "
            f"characters; accepted forms: {ACCEPTED_FORMS}"
        )
    qualifier = _leading_qualifier(stripped)
    if qualifier is not None:
        words, name, rest = qualifier
        raise NumberFormatError(
            f"{text!r} puts a qualifier in the value: write `value: {rest}` and "
            f"`qualifier: {name}` ({words!r}); accepted forms: {ACCEPTED_FORMS}"
        )
    negative = stripped[:1] in ("-", "\u2212")
    body = stripped[1:].lstrip() if stripped[:1] in ("-", "+", "\u2212") else stripped
    mark, before, body = currency_before(body)
    body, after, word = _currency_after(body)
    if before and after and before != after:
        raise NumberFormatError(
            f"{_describe(text)} writes two currencies ({before} and {after}): a value is in "
            "one currency; write one mark"
        )
    percent = _PERCENT_AFTER.search(body)
    if percent:
        body = body[: percent.start()]
    number = _core(body.strip(), text)
    currency = before or after
    if (currency or percent) and (number.share or number.times):
        raise NumberFormatError(
            f"cannot read {_describe(text)} as a number: a share or a multiple in words "
            "takes no currency or percent sign"
        )
    if currency and percent:
        raise NumberFormatError(
            f"{_describe(text)} is both money and a percent: write one; accepted forms: "
            f"{ACCEPTED_FORMS}"
        )
    value = -number.value if negative else number.value
    if not (_in_range(value) and _in_range(number.precision)):
        raise NumberFormatError(f"{_describe(text)} is out of range: {RANGE}")
    return replace(
        number,
        value=_plain(value),
        precision=_plain(number.precision),
        percent=number.percent or bool(percent),
        currency=currency,
        mark=mark or word,
        text=stripped,
    )


def currency_before(body: str) -> tuple[str | None, str | None, str]:
    """The currency mark written before the number: (mark, ISO code, the rest)."""
    for mark in _MARKS_LONGEST_FIRST:
        if body.startswith(mark):
            rest = body[len(mark) :]
            # A letter mark ("R", "Rs", "Ksh") stands right before the digits or a space.
            if mark[-1].isalpha() and not rest[:1].isdigit() and not rest[:1].isspace():
                continue
            return mark, CURRENCY_BEFORE[mark], rest.lstrip()
    code = _ISO_BEFORE.match(body)
    if code and code[1] in ISO_CODES:
        return code[1], code[1], body[code.end() :]
    return None, None, body


_MARKS_LONGEST_FIRST = sorted(CURRENCY_BEFORE, key=len, reverse=True)
_ISO_BEFORE = re.compile(r"([A-Z]{3})\s*+(?=[\d.])")
_WORD_AFTER = re.compile(r"\s++([A-Za-z]++)$")


def _currency_after(body: str) -> tuple[str, str | None, str | None]:
    """An ISO code or a currency's name written after the number: ("700 billion", "ZAR",
    "rand")."""
    found = _WORD_AFTER.search(body)
    if not found:
        return body, None, None
    word = found[1]
    code = word if word in ISO_CODES else CURRENCY_WORDS.get(word.casefold())
    return (body[: found.start()], code, word) if code else (body, None, None)


def _core(body: str, text: str) -> WrittenNumber:
    """The number without sign, currency or percent: digits with a multiplier, or words."""
    match = _DIGITS.fullmatch(body)
    if match is None:
        return _in_words(body, text)
    digits, rest = match["digits"].rstrip(" "), match["rest"].strip()
    if rest and not rest[0].isspace() and not rest[0].isalpha() and rest[0] not in "-×":
        raise NumberFormatError(
            f"cannot read {_describe(text)} as a number; accepted forms: {ACCEPTED_FORMS}"
        )
    if rest.casefold().split(" ", 1)[0] in ("in", "out") or rest in ("times", "x", "×"):
        return _in_words(f"{digits.replace(',', '')} {rest}", text)
    value, precision = _digits(digits, text)
    power = _multiplier(rest.replace("-", " ").strip(), text)
    return WrittenNumber(value.scaleb(power), precision.scaleb(power))


def _digits(digits: str, text: str) -> tuple[Decimal, Decimal]:
    """The digits' value and the place of their last written digit."""
    if _SEPARATORS.search(digits):
        if not (_GROUPED.match(digits) or _INDIAN.match(digits)):
            raise NumberFormatError(
                f"cannot read {_describe(text)} as a number: {GROUPING_HELP}; accepted forms: "
                f"{ACCEPTED_FORMS}"
            )
        digits = _SEPARATORS.sub("", digits)
    value = Decimal(digits)
    if "." in digits:
        return value, Decimal(1).scaleb(-len(digits.split(".", 1)[1]))
    return value, precision_of(value)


def _multiplier(words: str, text: str) -> int:
    """The power of ten of the words after the digits: "bn" 9, "lakh crore" 12."""
    if not words:
        return 0
    names = words.casefold().split()
    powers = [DIGIT_SCALES.get(name) for name in names]
    unknown = [word for word, power in zip(words.split(), powers, strict=True) if power is None]
    if unknown and (len(unknown) == len(names) > 1 or any(c.isdigit() for c in words)):
        raise NumberFormatError(
            f"cannot read {_describe(text)} as a number; accepted forms: {ACCEPTED_FORMS}"
        )
    if unknown:
        raise NumberFormatError(
            f"unknown multiplier {unknown[0]!r} in {_describe(text)}; use {SCALE_HELP}; "
            f"accepted forms: {ACCEPTED_FORMS}"
        )
    known = [power for power in powers if power is not None]
    if len(known) > 2 or any(a >= b for a, b in pairwise(known)):
        raise NumberFormatError(
            f"cannot read {_describe(text)} as a number: multipliers stack only as a smaller "
            'before a larger, two at most ("lakh crore", "thousand crore"); write one'
        )
    return sum(known)


def _in_words(body: str, text: str) -> WrittenNumber:
    """A number in words (number_words.py): a count, a share (as a percent) or a multiple."""
    try:
        words = read_words(body)
    except WordError:
        raise NumberFormatError(
            f"cannot read {_describe(text)} as a number; accepted forms: {ACCEPTED_FORMS}"
        ) from None
    if words.kind == "share":
        # A share in words names its fraction exactly: precise to one percentage point, so
        # "one in five" (20%) is not "one in four" (25%) as "20%" and "25%" would be.
        return WrittenNumber(_decimal(words.value * 100), Decimal(1), share=True)
    value = _decimal(words.value)
    rounded = value == value.to_integral_value() or Fraction(value) != words.value
    precision = precision_of(value.to_integral_value()) if rounded and value >= 1 else None
    return WrittenNumber(value, precision or precision_of(value), times=words.kind == "times")


def _decimal(value: Fraction) -> Decimal:
    """A fraction as a decimal of at most MAX_DECIMAL_PLACES places ("a third": 0.33333333)."""
    if abs(value) > MAX_MAGNITUDE:
        raise NumberFormatError(f"{value} is out of range: {RANGE}")
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    rounded = exact.quantize(Decimal(1).scaleb(-MAX_DECIMAL_PLACES), rounding=ROUND_HALF_EVEN)
    return _plain(rounded) if rounded == rounded.to_integral_value() else rounded.normalize()


def _plain_whole(text: str) -> WrittenNumber:
    """What _parse_any makes of "325000" or "325,000", in a fifth of the time (a large
    source holds thousands)."""
    value = int(text.replace(",", ""))
    if value > MAX_MAGNITUDE:
        raise NumberFormatError(f"{_describe(text)} is out of range: {RANGE}")
    return _whole(value, text)


def _whole(value: int, text: str = "") -> WrittenNumber:
    """A whole number and its precision, the place of its last non-zero digit (what
    precision_of says, in a third of the time)."""
    if not value:
        return WrittenNumber(Decimal(0), Decimal(1), text=text)
    digits = str(abs(value))
    precision = Decimal(10 ** (len(digits) - len(digits.rstrip("0"))))
    return WrittenNumber(Decimal(value), precision, text=text)


def plain(value: Decimal) -> Decimal:
    """1.2E+6 -> 1200000, 1.50 -> 1.5: no exponent and no trailing zeros, so that every
    output writes the number in plain notation (never "1E+2")."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _plain(value: Decimal) -> Decimal:
    """1.2E+6 -> 1200000: keep integers as integers so they print as people write them."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value


def _describe(raw: object) -> str:
    if isinstance(raw, bool):
        return f"a boolean ({str(raw).lower()})"
    if raw is None:
        return "nothing (null)"
    if isinstance(raw, dt.date):  # an unquoted YYYY-MM-DD in YAML; datetime is a date too
        return f"a date ({raw.isoformat(sep=' ') if isinstance(raw, dt.datetime) else raw})"
    if isinstance(raw, int) and raw.bit_length() > 200:
        # str() of an int over 4,300 digits raises ValueError; its size is what matters
        return f"a whole number of about {int(raw.bit_length() * 0.30103) + 1:,} digits"
    if isinstance(raw, int | Decimal):
        return str(raw)
    if isinstance(raw, str):
        return repr(raw) if len(raw) <= 60 else f"{raw[:57]!r}... ({len(raw):,} characters)"
    text = repr(raw)
    return f"{type(raw).__name__} {text if len(text) <= 60 else text[:57] + '...'}"
