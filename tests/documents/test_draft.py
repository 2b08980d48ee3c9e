"""`factcheck draft`: candidates with pages, qualifiers and units; headers, footers,
years and footnote markers left out; never overwrites; its output passes `check` once the
marked fields are filled."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.check import check_paths
from factcheck.cli import app
from factcheck.documents import read_document
from factcheck.draft import candidates
from tests.documents.pdfs import Line, PageSpec, build_pdf

BODY = [
    ["ICE transferred more than 448,000 UCs to HHS in FY 2023.",
     Line("About 32,000 children failed to appear.", {21: "4"})],
    ["Nearly 1,500 children were not located; at least 5 were removed.",
     "Spending reached $2.4bn, or 12.5% of the budget."],
    ["Table 2 shows 3 rows.", "See section 4 for details."],
]  # fmt: skip


@pytest.fixture
def report(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    pages = [
        PageSpec(lines, footer=f"www.oig.dhs.gov {i + 1} OIG-24-46") for i, lines in enumerate(BODY)
    ]
    return build_pdf(tmp_path / "report.pdf", pages, labels=[(0, "ARABIC", 7)])


def test_candidates_have_their_pages_qualifiers_and_units(report: Path) -> None:
    found = {
        (c.value, c.page, c.qualifier.value, c.unit) for c in candidates(read_document(report))
    }
    assert found == {
        ("448,000", "7", "more_than", "UCs"),
        ("32,000", "7", "about", "children"),
        ("1,500", "8", "nearly", "children"),
        ("5", "8", "at_least", None),
        ("$2.4bn", "8", "exact", "USD"),
        ("12.5%", "8", "exact", None),
        ("3", "9", "exact", "rows"),  # "Table 2" and "section 4" number things: left out
    }


def test_draft_never_overwrites_and_passes_check_once_filled(report: Path) -> None:
    target = report.parent / "sources" / "report.yaml"
    target.parent.mkdir()
    runner = CliRunner()
    result = runner.invoke(app, ["draft", str(report), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "7 candidate figures" in result.stdout
    first = target.read_text(encoding="utf-8")
    again = runner.invoke(app, ["draft", str(report), "-o", str(target)])
    assert again.exit_code == 1 and "never overwrites" in str(again.exception)
    assert target.read_text(encoding="utf-8") == first
    codes = [p.code for p in check_paths([str(target)], root=report.parent)]
    assert codes == ["FC503", "FC503"]  # publisher and published, marked for the person
    filled = []
    for line in first.split("\n"):
        if line.startswith(("  # - ", "  #   ")):
            line = "  " + line[4:]
        filled.append(line)
    text = "\n".join(filled)
    text = text.replace('"TODO: who published the document"', "DHS OIG")
    text = text.replace('"TODO: YYYY-MM-DD"', "2024-08-19")
    text = text.replace('"TODO: what is counted"', "children")
    text = text.replace('"TODO: the document\'s own words for what it counts"', "[children]")
    target.write_text(text, encoding="utf-8")
    assert check_paths([str(target)], root=report.parent) == []
