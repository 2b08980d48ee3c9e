"""`factcheck draft`'s reading of one number in its passage: is it a figure at all, and if
so its qualifier, unit, sign, the range or ratio it belongs to, and an id from its words.

Not figures: years (1900-2099 as four bare digits, "FY 19"), dates ("August 19", "14
March"), times ("10:30"), identifiers joined by a hyphen or slash ("OIG-24-46",
"2019-2023", "9/30/2023"), numbers that number things ("Table 2", "Section 4.1",
"recommendations 1 through 4", "page 12"), legal citations ("5 U.S.C. 401", "2 CFR 200"),
phone numbers, URLs and e-mail addresses, the denominator of a ratio ("1 in 5"), and
number words that form a compound adjective ("zero-hours contracts").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.documents.numbers import Written, range_pair
from factcheck.numbers import NumberFormatError, parse_number
from factcheck.qualifiers import QUALIFIERS, Qualifier

_STOPWORDS = frozenset(
    {
        *("a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "had"),
        *("has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "per", "than"),
        *("that", "the", "their", "these", "this", "those", "to", "was", "were", "which"),
        *("who", "with", "more", "less", "fewer", "times", "over", "under", "about"),
        *("through", "each", "higher", "lower", "up", "down"),
    }
)
_MONTHS = frozenset(
    {
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "jan", "feb", "mar", "apr"),
        *("jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    }
)
CURRENCY_UNITS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Words that number things rather than count them: "Table 2", "page 4", "No. 3".
_NUMBERING = frozenset(
    {
        *("table", "figure", "fig", "chart", "exhibit", "appendix", "section", "chapter"),
        *("page", "pages", "p", "pp", "no", "nos", "number", "recommendation", "footnote"),
        *("note", "part", "volume", "vol", "line", "item", "step", "phase", "tier", "level"),
        *("grade", "tables", "figures", "charts", "exhibits", "sections", "chapters"),
        *("recommendations", "notes", "footnotes", "parts", "steps", "items", "annex"),
        *("article", "articles", "title", "rule", "paragraph", "para", "box", "question"),
        *("objective", "finding", "findings", "goal", "priority", "option", "version"),
        *("sec", "§", "§§", "u.s.c", "usc", "cfr", "c.f.r", "stat", "law", "act", "h.r"),
    }
)
_FISCAL = re.compile(r"\b(?:FY|CY|SFY|FFY|fiscal\s+years?)\s*'?$", re.IGNORECASE)
_CITATION_AFTER = re.compile(r"^\s*(?:U\.?S\.?C\.?|C\.?F\.?R\.?|Stat\.|USC|CFR)\b")
_JOINED = re.compile(r"[A-Za-z0-9][-/]$")
_TIME = re.compile(r"^:\d|^\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
_NUMBER_RANGE_ON = re.compile(r"^\s*(?:-|–|—|to|and|through|or)\s*$", re.IGNORECASE)
_RATIO = re.compile(r"^\s+(?:in|out\s+of)\s+(?:every\s+)?$", re.IGNORECASE)
_HEADING_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.?[ \t]+[A-Z]")
_OPENS_SENTENCE = re.compile(r"(?:^|[.;:]\s+)$")
_DURATIONS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})
_AFTER_QUALIFIERS = (
    (re.compile(r"^\s+or\s+more\b"), Qualifier.at_least),
    (re.compile(r"^\s+or\s+(?:fewer|less)\b"), Qualifier.at_most),
    (re.compile(r"^\s*\+(?!\d)"), Qualifier.at_least),
)
# Web addresses, e-mail addresses and phone numbers: their digits are no figures. Each
# pattern runs only on a page with its mark ("@", "www." ...): most pages have none.
_MASKS = (
    ("www.", re.compile(r"(?:https?://|www\.)\S+")),
    ("http", re.compile(r"(?:https?://|www\.)\S+")),
    ("@", re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")),
    ("+", re.compile(r"\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}\d")),
    ("(", re.compile(r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}")),
    ("", re.compile(r"\b\d{3}[-.]\d{3}[-.]\d{4}\b")),
)


def masked_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the text's web and e-mail addresses and phone numbers."""
    return sorted(
        found.span() for mark, pattern in _MASKS if mark in text for found in pattern.finditer(text)
    )


@dataclass(frozen=True)
class Context:
    """Where a number stands: the page's text and the passage (a sentence's segment) it
    is read in, so that words before a heading or past a table never count."""

    text: str
    start: int  # the segment's bounds in text
    end: int

    def before(self, written: Written, size: int) -> str:
        return self.text[max(self.start, written.start - size) : written.start]

    def after(self, written: Written, size: int) -> str:
        return self.text[written.end : min(self.end, written.end + size)]


def not_a_figure(context: Context, written: Written, previous: list[Written]) -> bool:
    """Whether the number is no figure (module docstring); previous are the numbers before
    it on the page, for "recommendations 1 through 4" and "1 in 5"."""
    before, after = context.before(written, 40), context.after(written, 12)
    near = context.text[max(0, written.start - 2) : written.start]
    if is_year(written) or _FISCAL.search(before) or _CITATION_AFTER.match(after):
        return True  # 2023, FY 19, 5 U.S.C. 401
    if _JOINED.search(near) or re.match(r"[-/]\d", after) or _TIME.match(after):
        return True  # OIG-24-46, 08/19/2024, 2019-2023, 10:30
    if written.in_words and re.match(r"-[A-Za-z]", after) and not _number_word_follows(after):
        return True  # zero-hours contracts, two-year terms
    if _numbered(before, written) or _month_after(written, after):
        return True  # Table 2, August 19, 14 March
    if previous and _continues_numbering(context, previous[-1], written, previous[:-1]):
        return True  # recommendations 1 through 4; the 5 of "1 in 5"
    opens = written.start == context.start or _OPENS_SENTENCE.search(before)
    if opens and _HEADING_NUMBER.match(context.text, written.start):
        return not (written.currency or written.percent)  # "1 Source: ...", "2. Findings"
    return False


def is_year(written: Written) -> bool:
    return (
        not written.in_words
        and written.text.isdigit()
        and len(written.text) == 4
        and 1900 <= int(written.text) <= 2099
    )


def _numbered(before: str, written: Written) -> bool:
    if before.rstrip().endswith(("U.S.C.", "C.F.R.", "§")):
        return True
    previous = WORDS.findall(before)
    if not previous or written.currency or not before.rstrip().endswith(previous[-1]):
        return False
    word = previous[-1].casefold().rstrip(".")
    return word in _MONTHS or word in _NUMBERING


def _month_after(written: Written, after: str) -> bool:
    words = WORDS.findall(after[:12])
    if not words or written.in_words or not written.text.isdigit() or int(written.text) > 31:
        return False
    return after.lstrip().startswith(words[0]) and words[0].casefold() in _MONTHS


def _number_word_follows(after: str) -> bool:
    from factcheck.documents.numbers import find_numbers

    return bool(find_numbers(after[1:12])) and re.match(r"-[a-z]+\b", after) is not None


def _continues_numbering(
    context: Context, last: Written, written: Written, earlier: list[Written]
) -> bool:
    """The second of "recommendations 1 through 4" (its first numbers things), or the
    denominator of a ratio ("1 in 5", "one out of every four")."""
    between = context.text[last.end : written.start]
    if _RATIO.match(between) and last.value < written.value:
        return True
    if not _NUMBER_RANGE_ON.match(between) or last.start < context.start:
        return False
    window = context.text[max(context.start, last.start - 40) : last.start]
    return _numbered(window, last)


def range_of(context: Context, written: Written, following: Written | None) -> str | None:
    """ "between 10 and 15 percent" when the number opens a range, else None: not a change
    ("from 5.8% to 6.0%", "fell by 2,300 to 41,700")."""
    if following is None or following.end > context.end:
        return None
    if not range_pair(context.text, written, following):
        return None
    if re.search(r"\b(?:from|by)\s+$", context.before(written, 6), re.IGNORECASE):
        return None
    opening = re.search(r"\bbetween\s+$", context.before(written, 9), re.IGNORECASE)
    start = (
        opening.start() + written.start - len(context.before(written, 9))
        if opening
        else written.start
    )
    return " ".join(context.text[start : following.end].split())


def ratio_of(context: Context, written: Written, following: Written | None) -> str | None:
    """ "1 in 5" when the number is the first of a ratio, else None."""
    if following is None or following.start > context.end:
        return None
    between = context.text[written.end : following.start]
    if _RATIO.match(between) and written.value < following.value:
        return " ".join(context.text[written.start : following.end].split())
    return None


# --- what the candidate says ----------------------------------------------------------------


def qualifier_of(context: Context, written: Written) -> Qualifier:
    """The qualifier the words before say ("more than", "nearly", ...), or after ("or
    more"); "over three years" is a span of time, not "more than"."""
    words = " ".join(context.before(written, 40).casefold().split())
    for row in QUALIFIERS:
        for form in row.written:
            if words.endswith(f" {form}") or words == form:
                if form == "over" and _a_span_of_time(words, context, written):
                    return Qualifier.exact
                return row.qualifier
    after = context.after(written, 12)
    for pattern, qualifier in _AFTER_QUALIFIERS:
        if pattern.match(after):
            return qualifier
    return Qualifier.exact


def _a_span_of_time(words: str, context: Context, written: Written) -> bool:
    following = WORDS.findall(context.after(written, 20))
    if not following or following[0].casefold() not in _DURATIONS:
        return False
    return not words.endswith(("for over", "of over", "lasted over", "took over"))


def unit_of(context: Context, written: Written, carried: Written | None = None) -> str | None:
    """A guess at what the number counts: a currency from its sign, else the word after it
    (two for "percentage points"), or after the range's other end."""
    currency = written.currency or (carried.currency if carried else None)
    if currency:
        return CURRENCY_UNITS.get(currency[-1])
    if written.percent or (carried and carried.percent):
        return None  # "12.5%": the value says percent
    after = context.after(carried or written, 40)
    words: list[str] = WORDS.findall(after)
    if not words or after[: after.find(words[0])].strip() != "":
        return None
    if words[0].casefold() == "percentage" and len(words) > 1:
        return "percentage points"
    if words[0].casefold() in _STOPWORDS or words[0].casefold() in _MONTHS:
        return None
    return words[0]


def value_of(written: Written, *, negative: bool = False) -> str:
    """The value as the source file writes it: as printed where the format reads that."""
    printed = " ".join(written.text.split())
    printed = re.sub(r"\s*per\s?cent$", "%", printed, flags=re.IGNORECASE)
    printed = re.sub(r"^(?:US|A|C|NZ)(?=[$€£¥])", "", printed)
    if written.percent and not printed.endswith("%"):
        printed = f"{printed}%"
    try:
        parsed = parse_number(printed)
    except NumberFormatError:
        parsed = None
    if parsed is not None and parsed.value == written.value and not written.in_words:
        value = printed
    else:
        value = f"{written.value:f}" + ("%" if written.percent else "")
    return f"-{value}" if negative else value


def is_negative(text: str, written: Written, *, in_table: bool) -> bool:
    """A minus sign before the number, or (in a table) parentheses around it: "(1,234)"."""
    sign = text[max(0, written.start - 2) : written.start]
    if re.search(r"(?:^|\s|\()[-−–]$", sign) or (written.start == 1 and text[0] in "-−–"):
        return True
    if not in_table:
        return False
    opening = text[max(0, written.start - 1) : written.start]
    return opening == "(" and text[written.end : written.end + 1] == ")"


def id_words(before: str, written: Written) -> str:
    """The words an id is made of: up to three before the number, and its digits."""
    words = [w for w in WORDS.findall(before) if w.casefold() not in _STOPWORDS]
    return " ".join([*words[-3:], re.sub(r"\D", "", written.text) or "n"])
