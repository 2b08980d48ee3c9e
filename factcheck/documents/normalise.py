"""What PDFs and HTML do to text, undone: a page's clean text, and the form phrases are matched in.

Two steps, each with a reason:

- `clean` gives the text a reader sees: ligature characters spelt out (U+FB00-FB06), soft
  hyphens and PDFium's marks for a word hyphenated at a line end removed (the two halves
  joined), line ends made `\\n`. Nothing else changes, so numbers keep their characters (an
  NFKC of the whole page would turn "10²" into "102").
- `fold` gives the form phrases are matched in, with where each of its characters came
  from: Unicode NFKC, curly quotes straight, every dash and the minus sign a hyphen, a
  hyphen between two letters dropped (so "ac-⏎count", "account" and "post-release" /
  "postrelease" meet), zero-width characters dropped, every run of whitespace one space,
  and, for phrases matched without case, lower case. A phrase is folded the same way, so
  a match in the folded text is a verbatim match up to these differences only.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)
# A soft hyphen (or PDFium's \x02 / \ufffe, which it writes where it joined a word broken at
# a line end) with the line break after it: the word is one word.
_BROKEN_WORD = re.compile("[\u00ad\x02\ufffe][^\\S\n]*\n?[^\\S\n]*")
_LINE_ENDS = re.compile("\r\n|\r")

_QUOTES = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
}
_LETTER = r"[^\W\d_]"
_SPECIAL = re.compile(
    rf"""(?P<join>(?<={_LETTER})-(?:[^\S\n]*\n\s*)?(?={_LETTER}))
        |(?P<space>\s+)
        |(?P<drop>[\u00ad\u200b\u200c\u200d\u2060\ufeff\x02\ufffe])
        |(?P<other>[^\x00-\x7f])""",
    re.VERBOSE,
)


def clean(text: str) -> str:
    """The page's text as a reader sees it (module docstring)."""
    text = _LINE_ENDS.sub("\n", text.translate(_LIGATURES))
    return _BROKEN_WORD.sub("", text)


@dataclass(frozen=True)
class Folded:
    """A text in the form phrases are matched in, and for each of its characters the offset in
    the original text it came from (`origin[len(text)]` is the original's length)."""

    text: str
    origin: array[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's offsets of the folded text's [start, end)."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def fold(text: str, *, lower: bool = False) -> Folded:
    """text folded for matching (module docstring), with the offsets back into it."""
    parts: list[str] = []
    origin = array("i")
    position = 0
    source = _dashes_first(text)
    for match in _SPECIAL.finditer(source):
        start = match.start()
        if start > position:
            parts.append(source[position:start])
            origin.extend(range(position, start))
        kind = match.lastgroup
        if kind == "space" and not _after_space(parts):
            parts.append(" ")
            origin.append(start)
        elif kind == "other":
            folded = _fold_char(match.group())
            parts.append(folded)
            origin.extend([start] * len(folded))
        position = match.end()
    parts.append(source[position:])
    origin.extend(range(position, len(text)))
    folded_text = "".join(parts)
    if lower:
        folded_text, origin = _lowered(folded_text, origin)
    origin.append(len(text))
    return Folded(folded_text, origin)


def fold_phrase(phrase: str, *, lower: bool = False) -> str:
    """A phrase in the folded form, trimmed."""
    return fold(phrase, lower=lower).text.strip()


def _dashes_first(text: str) -> str:
    """Dashes between letters read as hyphens before the join rule looks at them: the same
    length, so offsets still hold."""
    return text.translate(_DASH_TABLE)


_DASH_TABLE = str.maketrans({k: v for k, v in _QUOTES.items() if v == "-"})


def _after_space(parts: list[str]) -> bool:
    return bool(parts) and parts[-1].endswith(" ")


def _fold_char(char: str) -> str:
    mapped = _QUOTES.get(char)
    if mapped is not None:
        return mapped
    normal = unicodedata.normalize("NFKC", char)
    if normal.isspace():
        return " "
    return "".join(_QUOTES.get(c, c) for c in normal)


def _lowered(text: str, origin: array[int]) -> tuple[str, array[int]]:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered, origin
    # A few characters lower into two ("İ"): keep one character for one, so offsets hold.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text), origin
