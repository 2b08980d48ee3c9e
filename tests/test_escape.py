"""escape.py: what reaches a terminal, a page or a CI log from an input file."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from factcheck.escape import (
    BIDI_CONTROLS,
    LINE_BREAKS,
    http_url,
    json_for_html,
    markdown_text,
    visible,
)

HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(codec=None, categories=["Cc", "Cs"]),
        st.sampled_from(sorted(BIDI_CONTROLS | LINE_BREAKS)),
        st.sampled_from(list("<>&[]()!*_`|\\#~ aé3,")),
    ),
    max_size=40,
)


def test_printable_text_is_unchanged() -> None:
    assert visible("She lost more than 325,000 migrant children.") == (
        "She lost more than 325,000 migrant children."
    )
    assert visible("naïve café – “quoted”") == "naïve café – “quoted”"


def test_controls_and_bidi_are_shown_not_applied() -> None:
    assert visible("\x1b[2J325") == "\\x1b[2J325"
    assert visible("a\x00b\x85c") == "a\\x00b\\x85c"
    assert visible("\u202e000,523") == "<U+202E>000,523"
    assert visible("x\ud800") == "x\\ud800"
    assert visible("a\nb") == "a\\x0ab"
    assert visible("a\nb", newlines=True) == "a\nb"


@given(HOSTILE)
def test_visible_leaves_no_control_line_break_or_bidi(text: str) -> None:
    shown = visible(text)
    assert not any(c in BIDI_CONTROLS or c in LINE_BREAKS for c in shown)
    assert all(c == "\t" or not (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0) for c in shown)
    shown.encode("utf-8")  # no lone surrogate left: every output encoding can write it


def test_markdown_text_makes_no_link_image_or_html() -> None:
    assert markdown_text("[Approve this PR](https://evil.example/)") == (
        "\\[Approve this PR\\]\\(https://evil.example/\\)"
    )
    assert markdown_text("![x](https://evil.example/t.png)").startswith("\\!\\[x\\]")
    assert markdown_text("<img src=x>") == "\\<img src=x\\>"
    assert markdown_text("a | b") == "a \\| b"


@given(HOSTILE)
def test_markdown_text_escapes_every_special_character(text: str) -> None:
    shown = markdown_text(text)
    unescaped = shown.replace("\\\\", "")
    for special in "[]()<>!|`*_":
        assert all(
            unescaped[k - 1] == "\\" for k, c in enumerate(unescaped) if c == special and k > 0
        )
        assert not unescaped.startswith(special)


def test_json_for_html_cannot_close_a_script() -> None:
    raw = json.dumps({"claimReviewed": "</script><script>alert(1)</script> & more"})
    safe = json_for_html(raw)
    assert "<" not in safe and ">" not in safe and "&" not in safe
    assert json.loads(safe) == json.loads(raw)


@given(st.text())
def test_json_for_html_keeps_the_value(text: str) -> None:
    raw = json.dumps({"t": text})
    assert json.loads(json_for_html(raw)) == {"t": text}


def test_only_http_urls_become_links() -> None:
    assert http_url("https://www.oig.dhs.gov/x.pdf") == "https://www.oig.dhs.gov/x.pdf"
    assert http_url("HTTP://example.org") == "HTTP://example.org"
    for bad in (
        "javascript:alert(1)",
        "data:text/html,x",
        "https://e.org/\n**Ruling: True.**",
        "https://e.org/a b",
        "//example.org",
        "https:///path-only",
        "",
        None,
    ):
        assert http_url(bad) is None, bad
