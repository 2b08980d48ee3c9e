"""YAML scalars -> plain values, by PyYAML's rules except where exactness or safety differ.

Both readers (events.py, nodes.py) resolve tags and convert scalars here, so they agree.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

TAG = "tag:yaml.org,2002:"
STR, SEQ, MAP, MERGE = f"{TAG}str", f"{TAG}seq", f"{TAG}map", f"{TAG}merge"
SCALAR_TAGS = frozenset(
    f"{TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
ALLOWED_TAGS = SCALAR_TAGS | {MAP, SEQ}

_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_LONGEST_INT = 64
# An int with a leading zero, which YAML 1.1 reads in octal; one in hexadecimal or binary
# (0x1F, 0b101), which no source prints a figure in.
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]")
_BASE_PREFIX = re.compile(r"[-+]?0[xXbB]")
_RESOLVED: dict[str, str] = {}


def refused_tag(tag: str) -> bool:
    """A local tag (!x) or a YAML tag other than the plain ones (!!python/object, !!set)."""
    return tag.startswith("!") or (tag.startswith(TAG) and tag not in ALLOWED_TAGS)


def implicit_tag(value: str, plain: bool) -> str:
    """What PyYAML's resolver makes of an untagged scalar (its regexps, without its paths)."""
    if not plain:
        return STR
    tag = _RESOLVED.get(value)
    if tag is None:
        tag = STR
        for candidate, pattern in _IMPLICIT.get(value[:1], []) + _IMPLICIT.get(None, []):
            if pattern.match(value):
                tag = str(candidate)
                break
        if len(value) <= 32 and len(_RESOLVED) < 20_000:  # units, words, small numbers
            _RESOLVED[value] = tag
    return tag


def is_merge(event: Any) -> bool:
    """A merge key (<<), whose value PyYAML would splice into the mapping."""
    tag = event.tag
    if tag is None or tag == "!":  # only a plain << resolves to the merge tag
        return bool(event.implicit[0]) and event.value == "<<"
    return bool(tag == MERGE)


class Yaml11Text(str):
    """A plain scalar that YAML 1.1 reads as a number its writer hardly meant: 0325000
    (octal: 109,056), 3:1 (base 60: 181), 0x1F (hexadecimal: 31). Kept as the text
    written; the readers note where each stands (Document.yaml11), and validation refuses
    one where a number is expected (load/yaml11.py) and takes it as text elsewhere
    (`page: 012`, `venue: 10:30`)."""


def scalar_value(tag: str, text: str) -> Any:
    """The plain value of a scalar with a resolved tag; text where it is no good value."""
    short = tag.removeprefix(TAG)
    if short == "int":
        if len(text) > _LONGEST_INT:
            # Left as text, refused where a number is expected: PyYAML would build a huge
            # int, and in quadratic time for a long sexagesimal one (1:2:3:...).
            return text
        if text.isascii() and text.isdigit() and (text[0] != "0" or len(text) == 1):
            return int(text)  # what PyYAML makes of it, without its many steps
        if ":" in text or _LEADING_ZERO.match(text) or _BASE_PREFIX.match(text):
            return Yaml11Text(text)
        try:
            return _CONSTRUCTOR.construct_yaml_int(yaml.ScalarNode(tag, text))
        except ValueError:
            return text
    if short == "float":
        if ":" in text:  # 1:30.5, base 60
            return Yaml11Text(text)
        # Exact decimal, never a binary float: "19947304555212.49" must stay exact.
        try:
            return Decimal(text.replace("_", ""))
        except InvalidOperation:
            return text  # .inf, .nan: the number parser rejects them with a clear message
    if short == "bool":
        # An explicit `!!bool maybe` is no boolean: left as text like a bad int (it was a
        # KeyError, and an internal error).
        return _CONSTRUCTOR.bool_values.get(text.lower(), text)
    if short == "null":
        return None
    if short == "timestamp":
        if not _CONSTRUCTOR.timestamp_regexp.match(text):
            return text  # an explicit `!!timestamp soon` (PyYAML fails on it: AttributeError)
        try:
            return _CONSTRUCTOR.construct_yaml_timestamp(yaml.ScalarNode(tag, text))
        except ValueError:
            # Left as text: validation reports it (FC111) along with the file's other problems.
            return text
    return text


def yaml11_reading(text: str) -> Any:
    """What YAML 1.1 (PyYAML) makes of a Yaml11Text or a boolean's text, for messages."""
    lowered = text.lower()
    if lowered in _CONSTRUCTOR.bool_values:
        return _CONSTRUCTOR.bool_values[lowered]
    try:
        if ":" in text and "." in text:
            return _CONSTRUCTOR.construct_yaml_float(yaml.ScalarNode(f"{TAG}float", text))
        return _CONSTRUCTOR.construct_yaml_int(yaml.ScalarNode(f"{TAG}int", text))
    except ValueError:
        return None
