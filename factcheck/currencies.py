"""The one table of currencies: how a `value` writes each (marks before the number, its
ISO 4217 code or its name after), which units name it or a family of them, and how
published text writes an amount of it.

written.py hands its views to the value parser (numbers.py) and the text check (FC505):
`CURRENCY_BEFORE`, `ISO_CODES`, `CURRENCY_WORDS`; units.py reads which units are money, may
be negative and are published as money. It imports nothing of factcheck, so every stage may
read it.
"""

from __future__ import annotations

from dataclasses import dataclass

# Long scale words ("$1.75 trillion") as US and most international outlets write them; short
# ones ("£22bn", "£350m") as British newsrooms do (BBC, Full Fact, the Guardian's style guide).
LONG_SCALES = ((12, " trillion"), (9, " billion"), (6, " million"))
SHORT_SCALES = ((12, "tn"), (9, "bn"), (6, "m"))


@dataclass(frozen=True)
class Currency:
    """One currency: how a value writes it, and how published text writes an amount of it
    ("$1.75 trillion", "£22bn")."""

    code: str  # ISO 4217
    marks: tuple[str, ...] = ()  # written before the number in a value: "US$", "$"
    words: tuple[str, ...] = ()  # its name written after the number: "700 billion rand"
    symbol: str | None = None  # published before an amount; None: published as a count
    scales: tuple[tuple[int, str], ...] = LONG_SCALES  # (power of ten, word), largest first


# Each mark stands for one currency; longest first when matching, so "US$" is not read as
# "$". "$" alone is USD here, and a figure whose `unit` names another dollar takes it too
# (currency_fits): "$" is the dollar of the figure's unit, else USD (docs/format.md). "R" is
# the South African rand ("R$" the Brazilian real): in a `value` a letter before the digits is
# nothing else. "Rs" is the Indian rupee (CLDR says Seychelles: not how it is written). A code
# without a mark is still read before or after the number ("USD 1.2bn", "1.2bn CHF").
CURRENCIES: tuple[Currency, ...] = (
    Currency("USD", ("US$", "$"), symbol="$"),
    Currency("AUD", ("A$", "AU$"), symbol="A$"),
    Currency("CAD", ("C$", "CA$"), symbol="C$"),
    Currency("NZD", ("NZ$",), symbol="NZ$"),
    Currency("HKD", ("HK$",)),
    Currency("SGD", ("S$",)),
    Currency("BRL", ("R$",)),
    Currency("GBP", ("£",), symbol="£", scales=SHORT_SCALES),
    Currency("EUR", ("€",), ("euro", "euros"), symbol="€"),
    Currency("JPY", ("¥",), ("yen",), symbol="¥"),
    Currency("INR", ("₹", "Rs.", "Rs"), ("rupee", "rupees"), symbol="₹"),
    # As South African, Kenyan and Nigerian newsrooms write them ("R17.3bn", Africa Check)
    Currency("ZAR", ("R",), ("rand",), symbol="R", scales=SHORT_SCALES),
    Currency("KES", ("Ksh", "KSh"), ("shilling", "shillings"), symbol="Ksh "),
    Currency("NGN", ("₦",), ("naira",), symbol="₦"),
    Currency("GHS", ("GH₵", "₵"), ("cedi", "cedis")),
    Currency("PHP", ("₱",)),
    Currency("KRW", ("₩",)),
    Currency("ILS", ("₪",)),
    Currency("TRY", ("₺",)),
    Currency("RUB", ("₽",)),
    Currency("CHF", symbol="CHF "),
    *(Currency(code) for code in ("CNY", "UGX", "TZS", "PKR", "BDT", "LKR", "NPR")),
    *(Currency(code) for code in ("MXN", "SEK", "NOK", "DKK", "EGP")),
)

# Units that name money by a word, as source files write them (any case). Most name a family
# of currencies: a value in `dollars` may carry any dollar's mark ("A$3bn", "US$3bn", "$3bn":
# the file's writer knows which dollar its document prints, and "$" alone cannot say). The
# first of each is how published text writes the unit's amounts: `dollars` as "$1.75
# trillion", the US dollar, which a reader of English assumes and the shipped examples use.
NAMES: dict[str, tuple[str, ...]] = {
    "dollars": ("USD", "AUD", "CAD", "NZD", "HKD", "SGD"),
    "dollar": ("USD", "AUD", "CAD", "NZD", "HKD", "SGD"),
    "us_dollars": ("USD",),
    "pounds": ("GBP", "EGP"),
    "pounds_sterling": ("GBP",),
    "euros": ("EUR",),
    "rand": ("ZAR",),
    "rupees": ("INR", "PKR", "LKR", "NPR"),
}

# --- views of the table, for the readers that ask by mark, code or name ---------------------

BY_CODE = {currency.code: currency for currency in CURRENCIES}
CURRENCY_BEFORE = {mark: currency.code for currency in CURRENCIES for mark in currency.marks}
ISO_CODES = frozenset(BY_CODE)
CURRENCY_WORDS = {word: currency.code for currency in CURRENCIES for word in currency.words}
CURRENCY_FAMILIES = {name: frozenset(codes) for name, codes in NAMES.items()}
# The dollars "$" may stand for, when the unit says which.
DOLLARS = CURRENCY_FAMILIES["dollars"]
# The units published as money, by their lower-case code or name: "usd", "dollars".
PUBLISHED = {
    **{code.casefold(): c for code, c in BY_CODE.items() if c.symbol is not None},
    **{name: BY_CODE[codes[0]] for name, codes in NAMES.items() if BY_CODE[codes[0]].symbol},
}


def currency_fits(code: str, unit: str, mark: str) -> bool:
    """Whether a number written with this currency mark may be in this unit: the same ISO
    code, a unit naming its family ("dollars"), or "$" written for any dollar."""
    key = unit.strip().casefold()
    if key == code.casefold():
        return True
    if code in CURRENCY_FAMILIES.get(key, frozenset()):
        return True
    return mark == "$" and key.upper() in DOLLARS
