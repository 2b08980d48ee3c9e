"""Numbers as people write them -> exact Decimal value and the precision the writing implies."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from factcheck.qualifiers import WRITTEN_FORMS

ACCEPTED_FORMS = '325000, 12.5, "325,000", "325 000", "1.2 million", "1.2m", "$87bn", "12.5%"'

_SCALE_WORDS: dict[str, int] = {
    "k": 3,
    "thousand": 3,
    "m": 6,
    "mn": 6,
    "mil": 6,
    "million": 6,
    "millions": 6,
    "b": 9,
    "bn": 9,
    "billion": 9,
    "billions": 9,
    "t": 12,
    "tn": 12,
    "trillion": 12,
    "trillions": 12,
}
_CURRENCY = "$€£¥"
# Thousands separators: comma, space, no-break and thin spaces, apostrophe (Swiss).
_GROUP_SEPARATORS = ",\u00a0\u202f\u2009 '"
# Possessive quantifiers (*+, ?+): no part gives back what it matched, so a long run of
# spaces or digits fails in linear time; with backtracking, "1" + 3,000 spaces + "x!"
# took minutes.
_NUMBER_TEXT = re.compile(
    r"""^(?P<sign>[-+\u2212]?+)\s*+
        (?P<currency>[$€£¥]?+)\s*+
        (?P<digits>\d[\d,\u00a0\u202f\u2009 ']*+(?:\.\d++)?+|\.\d++)\s*+
        (?P<scale>[a-z]++)?+\s*+
        (?P<percent>%)?+$""",
    re.VERBOSE | re.IGNORECASE,
)
# Bounds that keep every figure exact and every search cheap: Decimal arithmetic runs at 28
# significant digits, and a sum of up to 12 figures within these bounds needs at most 28.
MAX_MAGNITUDE = Decimal(10) ** 18
MAX_DECIMAL_PLACES = 8
MAX_NUMBER_TEXT = 64  # characters: no number as printed needs more
RANGE = f"numbers must be at most 10^18 in size with at most {MAX_DECIMAL_PLACES} decimal places"
_GROUPED = re.compile(r"^\d{1,3}(?:([,\u00a0\u202f\u2009 '])\d{3})(?:\1\d{3})*(?:\.\d+)?$")


class NumberFormatError(ValueError):
    """A value that is not a number in any form we accept."""


@dataclass(frozen=True)
class WrittenNumber:
    value: Decimal
    precision: Decimal  # the place value of the last written digit
    percent: bool = False


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
        if lowered.startswith(words + " ") and any(c.isdigit() for c in text):
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
    if len(stripped) > MAX_NUMBER_TEXT:
        raise NumberFormatError(
            f"cannot read {_describe(text)} as a number: longer than {MAX_NUMBER_TEXT} "
            f"characters; accepted forms: {ACCEPTED_FORMS}"
        )
    qualifier = _leading_qualifier(stripped)
    if qualifier is not None:
        words, name, rest = qualifier
        raise NumberFormatError(
            f"{text!r} puts a qualifier in the value: write `value: {rest}` and "
            f"`qualifier: {name}` ({words!r}); accepted forms: {ACCEPTED_FORMS}"
        )
    match = _NUMBER_TEXT.match(stripped)
    if not match:
        raise NumberFormatError(
            f"cannot read {_describe(text)} as a number; accepted forms: {ACCEPTED_FORMS}"
        )
    digits = match["digits"].strip()
    if any(sep in digits for sep in _GROUP_SEPARATORS):
        if not _GROUPED.match(digits):
            raise NumberFormatError(
                f"cannot read {_describe(text)} as a number: digit groups must be of three "
                f"(325,000); accepted forms: {ACCEPTED_FORMS}"
            )
        digits = re.sub(f"[{_GROUP_SEPARATORS}]", "", digits)
    value = Decimal(digits)
    if "." in digits:
        precision = Decimal(1).scaleb(-len(digits.split(".", 1)[1]))
    else:
        precision = precision_of(value)
    scale_word = (match["scale"] or "").lower()
    if scale_word:
        if scale_word not in _SCALE_WORDS:
            raise NumberFormatError(
                f"unknown multiplier {match['scale']!r} in {_describe(text)}; use thousand/k, "
                f"million/m/mn, billion/bn, trillion/tn; accepted forms: {ACCEPTED_FORMS}"
            )
        value = value.scaleb(_SCALE_WORDS[scale_word])
        precision = precision.scaleb(_SCALE_WORDS[scale_word])
    if match["sign"] in ("-", "\u2212"):
        value = -value
    if not (_in_range(value) and _in_range(precision)):
        raise NumberFormatError(f"{_describe(text)} is out of range: {RANGE}")
    return WrittenNumber(_plain(value), _plain(precision), percent=bool(match["percent"]))


def _plain_whole(text: str) -> WrittenNumber:
    """What _parse_any makes of "325000" or "325,000", in a fifth of the time (a large
    source holds thousands)."""
    value = int(text.replace(",", ""))
    if value > MAX_MAGNITUDE:
        raise NumberFormatError(f"{_describe(text)} is out of range: {RANGE}")
    return _whole(value)


def _whole(value: int) -> WrittenNumber:
    """A whole number and its precision, the place of its last non-zero digit (what
    precision_of says, in a third of the time)."""
    if not value:
        return WrittenNumber(Decimal(0), Decimal(1))
    digits = str(abs(value))
    return WrittenNumber(Decimal(value), Decimal(10 ** (len(digits) - len(digits.rstrip("0")))))


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
