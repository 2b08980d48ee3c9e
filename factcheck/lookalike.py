"""Names that look the same but are not: look-alike letters and Unicode normalisation.

"unknown key 'vаlue' (did you mean 'value'?)" shows two identical strings when the first
`а` is Cyrillic. When a key, unit, id, `part_of` target or file name differs from a known
one only by characters that look alike (Cyrillic а, Greek ο, full-width ｖ) or by how its
accents are encoded (é as one code point, NFC, or as e and a combining accent, NFD, as
macOS saves file names), messages say so and show the code points that differ.

Look-alikes are Unicode's own list (UTS #39 confusables), as the confusable_homoglyphs
package ships it; it is loaded only when a name is not found (some 60 ms), never on a
valid file's way.
"""

from __future__ import annotations

import difflib
import functools
import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

# Compare with at most this many known names or folder entries: the hint is a courtesy,
# and a folder of a million files must not make a missing file slow to report.
MAX_COMPARED = 5_000
_MOST_DIFFERENCES_SHOWN = 3


@functools.cache
def _confusables() -> dict[str, Any]:
    from confusable_homoglyphs import confusables  # type: ignore[import-untyped]  # no stubs

    return dict(confusables.confusables_data)


@functools.lru_cache(maxsize=4_096)
def _ascii_twin(char: str) -> str:
    """The ASCII character (or characters) that `char` looks like, else `char` itself."""
    for homoglyph in _confusables().get(char, ()):
        twin = homoglyph.get("c", "")
        if twin and twin.isascii() and twin.isprintable():
            return str(twin)
    return char


def skeleton(text: str) -> str:
    """text as it looks: compatibility forms folded (NFKC: full-width letters, ligatures),
    then each letter that looks like an ASCII one replaced by it. Two names with the same
    skeleton are look-alikes."""
    normal = unicodedata.normalize("NFKC", text)
    if normal.isascii():
        return normal
    return "".join(char if char.isascii() else _ascii_twin(char) for char in normal)


def same_looking(written: str, known: Iterable[str]) -> str | None:
    """The known name that `written` only looks like (look-alike letters or another
    normalisation), or None: when it is one of them, or like none of them."""
    candidates = [name for _, name in zip(range(MAX_COMPARED), known, strict=False)]
    if written in candidates or (written.isascii() and all(n.isascii() for n in candidates)):
        return None
    wanted = skeleton(written)
    for name in candidates:
        if name != written and skeleton(name) == wanted:
            return name
    return None


def code_point(char: str) -> str:
    """'U+0430 CYRILLIC SMALL LETTER A'"""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"


def difference(written: str, intended: str) -> str:
    """How two look-alike names differ, in code points: "'vаlue' has U+0430 CYRILLIC SMALL
    LETTER A where 'value' has U+0061 LATIN SMALL LETTER A"."""
    changes = []
    matcher = difflib.SequenceMatcher(a=written, b=intended, autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag != "equal":
            mine = _run(written[a_start:a_end])
            changes.append(f"{mine} where {intended!r} has {_run(intended[b_start:b_end])}")
    shown = "; ".join(changes[:_MOST_DIFFERENCES_SHOWN])
    more = len(changes) - _MOST_DIFFERENCES_SHOWN
    found = f"{written!r} has {shown}" + (f" (and {more} more)" if more > 0 else "")
    if unicodedata.normalize("NFC", written) == unicodedata.normalize("NFC", intended):
        return (
            f"the same letters in another Unicode normalisation ({_form(written)} against "
            f"{_form(intended)}): {found}"
        )
    return found


def lookalike_note(written: str, known: Iterable[str]) -> str:
    """' (it looks like 'value' but is not: ...)', or '' when written looks like none."""
    intended = same_looking(written, known)
    if intended is None:
        return ""
    return f" (it looks like {intended!r} but is not: {difference(written, intended)})"


def lookalike_file_hint(path: Path) -> str:
    """For a file not found: ' (but ... is there: ...)' when its folder holds a file whose
    name only looks like this one (another normalisation, look-alike letters), else ''."""
    folder = path.parent
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for _, entry in zip(range(MAX_COMPARED), entries, strict=False)]
    except (OSError, ValueError):
        return ""
    intended = same_looking(path.name, names)
    if intended is None:
        return ""
    return (
        f" (but {str(folder / intended)!r} is there, a name that only looks the same: "
        f"{difference(path.name, intended)}; write the name as the file has it, or rename "
        "the file)"
    )


def _form(text: str) -> str:
    if unicodedata.is_normalized("NFC", text):
        return "NFC"
    return "NFD" if unicodedata.is_normalized("NFD", text) else "mixed"


def _run(chars: str) -> str:
    """The code points of a run of characters, the first few of a long one."""
    if not chars:
        return "nothing"
    named = ", ".join(code_point(c) for c in chars[:_MOST_DIFFERENCES_SHOWN])
    return named + (", ..." if len(chars) > _MOST_DIFFERENCES_SHOWN else "")
