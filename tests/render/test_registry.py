"""factcheck.render.registry: the one table of output formats, read by verify and check."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from factcheck import audit
from factcheck.cli import CheckFormat, OutputFormat
from factcheck.models import Audit
from factcheck.render import registry
from factcheck.render.json import render_json, render_jsonl
from factcheck.render.problems import RENDERERS, render_text
from factcheck.render.registry import FORMATS, Format, View
from tests.conftest import REPO

CLAIMS = [
    REPO / "claims" / "illustrative-mayor-created-12k-jobs.yaml",
    REPO / "claims" / "trump-2024-09-23-325k-migrant-children.yaml",
]


@pytest.fixture(scope="module")
def audits() -> list[Audit]:
    return [audit(path) for path in CLAIMS]


def test_the_commands_offer_the_formats_of_the_table_in_its_order() -> None:
    assert registry.names("audits") == ("rich", "json", "jsonl", "markdown", "claimreview", "html")
    assert registry.names("problems") == ("text", "json", "github")
    assert [f.value for f in OutputFormat] == list(registry.names("audits"))
    assert [f.value for f in CheckFormat] == list(registry.names("problems"))


@pytest.mark.parametrize("name", registry.names("audits"))
def test_every_audits_format_renders_a_batch(name: str, audits: list[Audit]) -> None:
    render = registry.audits_renderer(name)
    text = render(audits, View(plain=True))
    assert text.endswith("\n")
    assert text != render(audits[:1], View(plain=True))


@pytest.mark.parametrize("name", registry.names("problems"))
def test_every_problems_format_renders_no_problems(name: str) -> None:
    assert isinstance(registry.problems_renderer(name)([]), str)


def test_a_streamed_format_is_its_parts_in_order(audits: list[Audit]) -> None:
    each = registry.each_renderer("jsonl")
    assert each is not None
    whole = registry.audits_renderer("jsonl")(audits, View())
    assert whole == "".join(each(a, View()) for a in audits) == render_jsonl(audits)
    assert registry.each_renderer("json") is None


def test_json_shows_one_named_file_as_the_audit_itself(audits: list[Audit]) -> None:
    render = registry.audits_renderer("json")
    assert render(audits[:1], View(single=True)) == render_json(audits[0])
    assert render(audits[:1], View(single=False)).startswith("[")


def test_a_format_renders_only_what_its_row_names() -> None:
    with pytest.raises(KeyError, match="does not render problems"):
        registry.problems_renderer("rich")
    with pytest.raises(KeyError, match="does not render audits"):
        registry.audits_renderer("github")


def test_problems_renderers_are_a_view_of_the_table() -> None:
    assert set(RENDERERS) == set(registry.names("problems"))
    assert RENDERERS["text"] is render_text


def count_claims(audits: Sequence[Audit], view: View) -> str:
    return f"{len(audits)} claims\n"


def test_a_new_format_is_one_row(monkeypatch: pytest.MonkeyPatch, audits: list[Audit]) -> None:
    row = Format(audits="tests.render.test_registry:count_claims")
    monkeypatch.setitem(FORMATS, "count", row)
    assert "count" in registry.names("audits")
    assert registry.audits_renderer("count")(audits, View()) == "2 claims\n"
