"""Numbers as readers write them: 291,000; 12.5%; +2,000; "more than 291,000"; 40.0%-60.0%.

The judge's sentences and every renderer word numbers through these functions, so that a
number reads the same in a summary, a note, a table and a Markdown draft.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from factcheck.kinds import RatioKind
from factcheck.qualifiers import QUALIFIER_WORDS, Qualifier
from factcheck.units import LONG_SCALES, currency, ratio_scale
from factcheck.written import as_written, says_more

__all__ = [
    "QUALIFIER_WORDS",
    "amount",
    "as_written",
    "claim_number",
    "counted",
    "number",
    "percent",
    "reader_amount",
    "scaled",
    "share",
    "shown_beside_words",
    "signed",
    "signed_percent",
    "unit_words",
    "written_amount",
]


def number(value: Decimal) -> str:
    """A value as a reader writes it: 291,000; 12.5; -2,000."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,f}".rstrip("0").rstrip(".")


def counted(count: int, word: str) -> str:
    """A count and its noun, singular for one: 1 figure, 2 figures, 1,826 days."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def percent(value: Decimal, places: int = 1) -> str:
    """A fraction as a percent: 0.125 -> 12.5%."""
    scaled = (value * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    return f"{scaled:f}%"


def amount(qualifier: Qualifier, value: Decimal) -> str:
    """A value with its qualifier in words: "more than 291,000"."""
    return f"{QUALIFIER_WORDS[qualifier]}{number(value)}"


def written_amount(
    qualifier: Qualifier, value: Decimal, written: str | None, suffix: str = ""
) -> str:
    """A value as its writer wrote it with the normalised value beside it: "more than 220
    crore (2,200,000,000)"; `written` comes escaped for the output it goes to."""
    return f"{QUALIFIER_WORDS[qualifier]}{as_written(written, number(value), suffix)}"


# More decimal places than anyone writes a share or multiple with: a fraction's expansion.
MOST_PLACES_WRITTEN = 4


def shown_beside_words(value: Decimal, unit: str, written: str | None) -> Decimal:
    """A share or multiple written in words, "a third", beside its number as readers write
    one: 33.3, not 33.33333333 (a fraction cut at eight places). Any other value as it is,
    "1.255 times" too: the JSON and every computation keep it exact."""
    in_words = ratio_scale(unit) is not None and says_more(written, number(value))
    exponent = value.as_tuple().exponent
    cut = isinstance(exponent, int) and exponent < -MOST_PLACES_WRITTEN
    return value.quantize(Decimal("0.1")) if in_words and cut else value


def claim_number(value: Decimal, unit: str, kind: RatioKind | None = None) -> str:
    """A value in the claim's unit as a reader writes it: 323,000; -40.6%; +12.5%; 0.33.

    `kind` is the ratio kind of the combination the value comes from: a change carries its
    sign either way."""
    scale = ratio_scale(unit)
    if scale is None:
        return number(value)
    sign = "+" if kind is not None and kind.form.signed and value > 0 else ""
    if scale == 100:
        return f"{sign}{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_EVEN)}%"
    # `:f`: a ratio of 100 is "100", never "1E+2"
    return f"{sign}{value.quantize(Decimal('0.001'), rounding=ROUND_HALF_EVEN).normalize():f}"


def signed(value: Decimal) -> str:
    """A difference with its sign: +2,000; -500; 0."""
    return ("+" if value > 0 else "") + number(value)


def signed_percent(value: Decimal) -> str:
    """A relative difference with its sign: +1.2%; -0.4%; 0.0%."""
    return ("+" if value > 0 else "") + percent(value)


def share(low: Decimal, high: Decimal, joiner: str = "-") -> str:
    """A share known as a range: "40.0%" when both ends agree, else "40.0%-60.0%"."""
    return percent(low) if low == high else f"{percent(low)}{joiner}{percent(high)}"


# --- amounts in published text ---------------------------------------------------------------
# Counts of things from a million up are written with a scale word ("1.5 million people")
# when that is exact to this many decimals; otherwise in full ("3,097,274 encounters"), since
# published text never rounds a figure the source prints.
SCALE_DECIMALS = 2


def scaled(value: Decimal, scales: tuple[tuple[int, str], ...]) -> str:
    """A value with the largest scale word that writes it exactly: "1.75 trillion", "22bn";
    in full with grouping when none does ("291,000", "3,097,274")."""
    magnitude = abs(value)
    sign = "-" if value < 0 else ""
    for power, word in scales:
        unit = Decimal(10) ** power
        if magnitude < unit:
            continue
        quotient = magnitude / unit
        if quotient == quotient.quantize(Decimal(1).scaleb(-SCALE_DECIMALS)):
            return f"{sign}{number(quotient)}{word}"
        break
    return number(value)


def unit_words(unit: str) -> str:
    """A count's unit as words: "children", "percentage points" (underscores read as spaces)."""
    return " ".join(unit.replace("_", " ").split())


def reader_amount(
    value: Decimal,
    unit: str,
    qualifier: Qualifier = Qualifier.exact,
    *,
    counted: bool = True,
    kind: RatioKind | None = None,
) -> str:
    """An amount as published text writes it: "$1.75 trillion", "more than 291,000 children",
    "£22bn", "12.5%". `counted=False` leaves a count's unit out ("291,000"), for where the
    figure is already named; money keeps its symbol either way. A ratio is written to its own
    precision ("47%"), or, given the `kind` of combination it was worked out by, as
    `claim_number` rounds it ("-46.8%")."""
    words = QUALIFIER_WORDS[qualifier]
    scale = ratio_scale(unit)
    if scale is not None and kind is None:  # a value as written, to its own precision
        return f"{words}{number(value)}{'%' if scale == 100 else ''}"
    if scale is not None:
        return words + claim_number(value, unit, kind)
    money = currency(unit)
    if money is not None:
        written = scaled(abs(value), money.scales)
        cents = abs(value).quantize(Decimal("0.01"))
        if value != value.to_integral_value() and cents == abs(value) and cents < 10**6:
            written = f"{cents:,}"  # $1,234.50: money below a million shows its cents
        return f"{words}{'-' if value < 0 else ''}{money.symbol}{written}"
    written = scaled(value, LONG_SCALES)
    return f"{words}{written} {unit_words(unit)}" if counted else words + written
