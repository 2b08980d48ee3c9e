"""Strings from input files, made safe for each place they are shown.

Claim text, quotes, ids, publisher names, URLs and file names come from files anyone can
write. Every renderer passes them through here before they reach a terminal, a page, a
Markdown document or a CI log, so that no control sequence, markup or script from an input
takes effect (docs/security.md):

- `visible`: for people (the terminal, problem lines, plain text): control characters
  written as escapes (`\\x1b`), bidirectional controls made visible (`<U+202E>`), lone
  surrogates written as escapes, so what is shown is what the file holds;
- `markdown_text`: for Markdown (published text, the GitHub step summary): the characters
  that make links, images, emphasis, tables and HTML are escaped;
- `json_for_html`: for JSON embedded in a page (`<script type="application/ld+json">`):
  `<`, `>` and `&` written as `\\u003c`, `\\u003e`, `\\u0026`, so no string can close the
  script element;
- `http_url`: a URL that may become a link: http(s) only, no controls or spaces.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

# Bidirectional formatting characters: they reorder what follows ("325,000" can display
# as "000,523"), so they are shown, never applied.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Characters that end a line in some reader (a CI log splits on them).
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")

_ASCII_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>!|~#&])")


def _escape(char: str) -> str:
    code = ord(char)
    if char in BIDI_CONTROLS:
        return f"<U+{code:04X}>"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def _unsafe(char: str, keep: frozenset[str]) -> bool:
    if char in keep:
        return False
    if char in BIDI_CONTROLS or char in LINE_BREAKS:
        return True
    category = unicodedata.category(char)
    # Cc: C0 and C1 controls (ESC, NUL, CSI ...); Cs: a lone surrogate, which no output
    # encoding can write.
    return category in ("Cc", "Cs")


def first_unsafe(text: str) -> int | None:
    """Where text holds its first control, line break, bidi control or lone surrogate."""
    if text.isascii() and text.isprintable():
        return None
    return next((i for i, char in enumerate(text) if _unsafe(char, frozenset())), None)


def visible(text: str, *, newlines: bool = False) -> str:
    """`text` with every control, line break (unless `newlines`) and bidi control escaped."""
    keep = frozenset("\n\t") if newlines else frozenset("\t")
    if all(" " <= char < "\x7f" for char in text):  # the common case: printable ASCII
        return text
    return "".join(_escape(char) if _unsafe(char, keep) else char for char in text)


def one_line(text: str) -> str:
    """`text` on one line: each run of ASCII spaces, tabs and line ends as one space.

    Not `" ".join(text.split())`: str.split() also swallows the controls U+001C-U+001F and
    the Unicode line breaks, which would vanish from a page instead of being shown by
    `visible` (and a name made only of them would leave an empty label behind).
    """
    return _ASCII_SPACES.sub(" ", text).strip(" ")


def markdown_text(text: str) -> str:
    """`text` as literal Markdown inline text: visible, and no markup of its own."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text))


def json_for_html(json_text: str) -> str:
    """Serialised JSON made safe to embed in an HTML <script> element (same JSON value)."""
    return (
        json_text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def http_url(url: str | None) -> str | None:
    """`url` if it may become a link (http or https, a host, no control or space), else None."""
    if not url or any(_unsafe(char, frozenset()) or char.isspace() for char in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url
