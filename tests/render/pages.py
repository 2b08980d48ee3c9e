"""Reading the HTML pages back in tests, with the standard library's parser."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Page:
    """Every element (with its attributes), the visible text and the scripts of a page."""

    elements: list[Element] = field(default_factory=list)
    text: str = ""  # what a reader sees: no <style>, <script>, <title> or <desc>
    scripts: list[tuple[str, str]] = field(default_factory=list)  # (type, text)
    style: str = ""

    def all(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    def meta(self, name: str) -> str:
        for element in self.all("meta"):
            if element.attrs.get("http-equiv") == name or element.attrs.get("name") == name:
                return element.attrs.get("content", "")
        raise KeyError(name)

    def jsonld(self) -> Any:
        (found,) = [text for kind, text in self.scripts if kind == "application/ld+json"]
        return json.loads(found)


class _Reader(HTMLParser):
    HIDDEN = frozenset({"style", "script", "title", "desc"})
    # Elements that a browser shows apart from the text around them.
    BLOCKS = frozenset(
        {
            *("p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
            *("footer", "section", "article", "figcaption", "blockquote", "ul", "ol"),
            *("table", "caption", "div", "nav", "main", "label", "option"),
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open: list[str] = []
        self.buffer: list[str] = []
        self.raw: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.buffer.append(" ")
        self.page.elements.append(Element(tag, {k: v or "" for k, v in attrs}))
        if tag not in ("meta", "br", "input", "rect", "path", "circle", "line"):
            self.open.append(tag)
        if tag in ("script", "style"):
            self.raw = []

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.buffer.append(" ")
        if tag == "script":
            kind = next(e for e in reversed(self.page.elements) if e.tag == "script")
            self.page.scripts.append((kind.attrs.get("type", ""), "".join(self.raw)))
        if tag == "style":
            self.page.style += "".join(self.raw)
        if tag in self.open:
            while self.open and self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] in ("script", "style"):
            self.raw.append(data)
        if not self.HIDDEN.intersection(self.open):
            self.buffer.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = " ".join("".join(self.buffer).split())


def read_page(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page
