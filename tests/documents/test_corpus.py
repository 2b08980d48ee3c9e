"""`factcheck draft` on reports made by real producers (tests/documents/corpus: LibreOffice
Writer, pdfLaTeX, Chromium's print), read as a fact-checker would: every figure with its
printed page label, value and qualifier, and nothing that is no figure (running headers
and footers, contents entries, section numbers, years, dates, report numbers, phone
numbers, footnote markers); quotes that hold one sentence; and a draft that passes
`check` once its marked fields are filled."""

from __future__ import annotations

import shutil
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from factcheck.check import check_paths
from factcheck.documents import DocumentText, read_document
from factcheck.draft import Candidate, candidates, write_draft

CORPUS = Path(__file__).parent / "corpus"

LABELS = {
    "audit": ["[1]", "i", "ii", "1", "2", "3", "4", "5"],  # LibreOffice: no /PageLabels
    "bulletin": ["i", "ii", "1", "2"],  # pdfLaTeX with hyperref: /PageLabels
    "testimony": ["1", "2", "3"],  # Chromium: "Page N of 3" in the margin
}

# (printed page label, value, qualifier) of every candidate, as a reader of each page sees it.
EXPECTED = {
    "audit": [
        ("[1]", "$1.2 Billion", "exact"), ("i", "$1.2 billion", "about"),
        ("i", "$310 million", "more_than"), ("i", "1,284", "exact"), ("i", "38%", "nearly"),
        ("i", "5", "exact"), ("1", "10,000", "less_than"), ("1", "$1.2 billion", "exact"),
        ("1", "1,284", "exact"), ("1", "46", "exact"), ("1", "$50,000", "exact"),
        ("1", "$2.5 million", "exact"), ("1", "36", "at_most"), ("1", "23", "exact"),
        ("1", "150", "exact"), ("1", "1,107", "exact"), ("1", "95%", "exact"), ("1", "90", "exact"),
        ("1", "17", "exact"), ("1", "31", "exact"), ("2", "12", "at_least"), ("2", "46", "exact"),
        ("2", "400", "more_than"), ("2", "1", "less_than"), ("2", "60%", "more_than"),
        ("2", "10", "exact"), ("2", "2.5 million", "about"), ("2", "9,000", "nearly"),
        ("2", "10%", "exact"), ("2", "15%", "exact"), ("2", "210", "about"), ("2", "90", "exact"),
        ("2", "1,107", "exact"), ("3", "412,650", "exact"), ("3", "388,120", "exact"),
        ("3", "-24,530", "exact"), ("3", "298,400", "exact"), ("3", "-1,900", "exact"),
        ("3", "-300,300", "exact"), ("3", "501,950", "exact"), ("3", "476,010", "exact"),
        ("3", "-25,940", "exact"), ("3", "1,213,000", "exact"), ("3", "862,230", "exact"),
        ("3", "-350,770", "exact"), ("3", "7.4%", "exact"), ("3", "$1.9 million", "exact"),
        ("4", "$310 million", "exact"), ("4", "180", "exact"), ("4", "412", "exact"),
        ("4", "1,100", "about"), ("4", "177", "exact"), ("4", "$48 million", "about"),
        ("4", "23", "exact"), ("4", "5", "exact"), ("5", "836", "exact"), ("5", "60", "exact"),
        ("5", "371", "exact"), ("5", "55", "exact"), ("5", "77", "exact"), ("5", "35", "exact"),
        ("5", "150", "exact"), ("5", "1,284", "exact"), ("5", "6", "exact"), ("5", "95%", "exact"),
    ],
    "bulletin": [
        ("i", "16", "exact"), ("i", "64", "exact"), ("i", "75.2%", "exact"), ("i", "0.4", "exact"),
        ("i", "1.9 million", "about"), ("i", "3", "exact"), ("i", "4.1%", "exact"),
        ("i", "£22bn", "exact"), ("i", "£19.6bn", "exact"), ("1", "54.8", "exact"),
        ("1", "-1.2", "exact"), ("1", "0.3", "exact"), ("1", "84.1", "exact"),
        ("1", "0.2", "exact"), ("1", "0.6", "exact"), ("1", "71.9", "exact"),
        ("1", "-0.4", "exact"), ("1", "-0.1", "exact"), ("1", "75.2", "exact"),
        ("1", "0.1", "exact"), ("1", "0.4", "exact"),
        ("1", "38,000", "exact"), ("1", "3", "exact"), ("1", "1.9 million", "nearly"),
        ("1", "60%", "more_than"), ("1", "4,000", "exact"), ("1", "10%", "exact"),
        ("1", "15%", "exact"), ("1", "5", "exact"), ("1", "3.1%", "exact"),
        ("1", "58,000", "about"),
        ("1", "1,412,300", "exact"), ("1", "0.8%", "exact"), ("1", "4.1%", "exact"),
        ("1", "0.2", "exact"), ("1", "80,000", "less_than"), ("1", "21,000", "nearly"),
        ("1", "12", "more_than"), ("1", "11.4%", "exact"), ("1", "2,300", "exact"),
        ("1", "41,700", "exact"), ("1", "6,500", "about"), ("2", "8,140", "exact"),
        ("2", "8,905", "exact"), ("2", "765", "exact"), ("2", "3,720", "exact"),
        ("2", "3,512", "exact"), ("2", "-208", "exact"), ("2", "7,740", "exact"),
        ("2", "9,583", "exact"), ("2", "1,843", "exact"), ("2", "19,600", "exact"),
        ("2", "22,000", "exact"), ("2", "2,400", "exact"), ("2", "£702", "exact"),
        ("2", "6.1%", "exact"), ("2", "1.4%", "exact"), ("2", "2", "nearly"),
        ("2", "£22bn", "exact"), ("2", "£3.5bn", "at_most"), ("2", "£640m", "at_least"),
        ("2", "12", "exact"), ("2", "2.3 million", "exact"), ("2", "6,500", "about"),
        ("2", "0.6", "exact"), ("2", "5.8%", "exact"), ("2", "6.0%", "exact"),
        ("2", "£410m", "exact"),
    ],
    "testimony": [
        ("1", "53,716", "exact"), ("1", "7,000", "nearly"), ("1", "30", "less_than"),
        ("1", "84%", "about"), ("1", "30", "exact"), ("1", "7,635", "exact"),
        ("1", "1,475", "exact"), ("1", "$1.9 billion", "exact"), ("1", "$61 million", "exact"),
        ("1", "45,000", "at_most"), ("1", "2,200", "about"), ("1", "112", "exact"),
        ("2", "1,412", "exact"), ("2", "1,455", "exact"), ("2", "1,401", "exact"),
        ("2", "-54", "exact"), ("2", "402", "exact"), ("2", "418", "exact"), ("2", "411", "exact"),
        ("2", "-7", "exact"), ("2", "86", "exact"), ("2", "88", "exact"), ("2", "88", "exact"),
        ("2", "0", "exact"), ("2", "1,900", "exact"), ("2", "1,961", "exact"),
        ("2", "1,900", "exact"), ("2", "-61", "exact"), ("2", "7,635", "exact"),
        ("2", "6,160", "exact"), ("2", "1,475", "exact"), ("2", "8,012", "exact"),
        ("2", "6,890", "exact"), ("2", "1,122", "exact"), ("2", "7,980", "exact"),
        ("2", "7,013", "exact"), ("2", "967", "exact"), ("2", "12%", "exact"),
        ("2", "18%", "exact"),
        ("2", "24", "more_than"), ("2", "20", "exact"), ("2", "$14", "about"),
        ("2", "$160", "exact"), ("2", "$220", "exact"), ("3", "60", "exact"), ("3", "10", "exact"),
        ("3", "$9.5 million", "about"), ("3", "$1.9 billion", "exact"),
        ("3", "$38 million", "exact"), ("3", "3", "exact"), ("3", "5%", "at_most"),
        ("3", "2,400", "exact"),
    ],
}  # fmt: skip

# What a page prints that is no figure, and must stand in no quote: headers, footers.
FURNITURE = {
    "audit": ["OFFICE OF INSPECTOR GENERAL", "www.oig.example.gov", "Table of Contents"],
    "bulletin": ["Northvale Statistics Office", "Official Statistics", "Page"],
    "testimony": ["Statement of Dana Whitfield |", "Page 1 of 3", "Page 2 of 3"],
}


@cache
def _read(name: str) -> DocumentText:
    return read_document(CORPUS / f"{name}.pdf")


@cache
def _candidates(name: str) -> tuple[Candidate, ...]:
    return tuple(candidates(_read(name)))


def _quote_of(name: str, value: str, page: str) -> str:
    found = [c for c in _candidates(name) if (c.value, c.page) == (value, page)]
    assert found, f"no candidate {value} on page {page}"
    assert found[0].quote is not None
    return found[0].quote


@pytest.mark.parametrize("name", sorted(LABELS))
def test_pages_carry_the_numbers_they_print(name: str) -> None:
    assert [page.label for page in _read(name).pages] == LABELS[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_candidates_are_the_figures_a_reader_sees(name: str) -> None:
    found = Counter((c.page, c.value, c.qualifier.value) for c in _candidates(name))
    expected = Counter(EXPECTED[name])
    assert found - expected == Counter(), "candidates that are no figure"
    assert expected - found == Counter(), "figures missed"


@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_no_quote_holds_a_running_header_or_footer(name: str) -> None:
    for candidate in _candidates(name):
        for furniture in FURNITURE[name]:
            assert furniture not in (candidate.quote or ""), candidate


def test_quotes_are_one_sentence_without_headings_markers_or_tables() -> None:
    # Was: "OFFICE OF INSPECTOR GENERAL U.S. Department of Rural Services Highlights What
    # We Found The Department of Rural Services awarded about $1.2 billion ..."
    assert _quote_of("audit", "$1.2 billion", "i").startswith("The Department of Rural Services")
    # A footnote's own number opens no quote; a two-column page's sentence is whole.
    assert _quote_of("audit", "17", "1") == (
        "The count excludes 17 grants that were cancelled before any payment."
    )
    assert _quote_of("audit", "177", "4").endswith("some $48 million, to the Treasury.")
    # Was: "Table 3: Sample Design Award size Grants Sampled Small 836 60 ... We drew ..."
    assert _quote_of("audit", "150", "5").startswith("We drew a random sample")
    # Browsers print a footnote marker on a line of its own; LaTeX glues one to its note.
    assert _quote_of("testimony", "30", "1").startswith(("Most placements", "Our caseworkers"))
    assert _quote_of("bulletin", "£410m", "2") == (
        "Training grants include the apprenticeship levy transfer of £410m."
    )
    assert _quote_of("bulletin", "£19.6bn", "i").endswith("up from £19.6bn in 2022-23.")


def test_numbers_split_across_lines_keep_their_scale_and_percent() -> None:
    by_value = {(c.page, c.value): c for c in _candidates("audit")}
    assert by_value["4", "$310 million"].unit == "USD"  # "$310⏎million", two columns
    assert by_value["3", "7.4%"].quote and "7.4 percent" in by_value["3", "7.4%"].quote


def test_ranges_ratios_and_signs_carry_a_note() -> None:
    notes = {(c.page, c.value): c.note for c in _candidates("audit")}
    assert notes["2", "10%"] == 'one end of the range "between 10 and 15 percent"'
    assert notes["2", "1"] == "a ratio, 1 in 5"
    assert notes["3", "-24,530"] == "printed as a negative number"
    testimony = {(c.page, c.value): c.note for c in _candidates("testimony")}
    assert testimony["2", "$160"] == 'one end of the range "$160 to $220"'


def test_tables_have_their_headings() -> None:
    tables = {c.table: c.value for name in EXPECTED for c in _candidates(name) if c.table}
    assert tables["Q1 FY 2018", "Calls made"] == "7,635"  # unruled, beside a ruled one
    assert tables["16 to 24", "Change on quarter"] == "-1.2"  # rules across only
    assert tables["Mountain", "Outlays"] == "-1,900"  # ruled; printed "(1,900)"
    assert tables["Caseworker services", "FY 2019 Request"] == "411"  # wrapped cells
    assert tables["Large", "Sampled"] == "35"  # unruled, above the page's footer


def test_units_come_from_the_words_after_and_the_currency_mark() -> None:
    units = {(c.page, c.value): c.unit for c in _candidates("bulletin")}
    assert units["2", "£640m"] == "GBP"
    assert units["i", "0.4"] == "percentage points"
    assert units["i", "16"] == "years"  # "16 to 64 years"
    testimony = {(c.page, c.value): c.unit for c in _candidates("testimony")}
    assert testimony["1", "7,000"] is None  # "nearly 7,000 more than": no unit "more"


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("tables", [True, False], ids=["tables", "lines"])
def test_draft_passes_check_once_its_marked_fields_are_filled(
    name: str, tables: bool, tmp_path: Path
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "sources").mkdir()
    document = tmp_path / f"{name}.pdf"
    shutil.copyfile(CORPUS / f"{name}.pdf", document)
    target = tmp_path / "sources" / f"{name}.yaml"
    write_draft(document, target, tables=tables)
    before = [p.code for p in check_paths([str(target)], root=tmp_path)]
    assert before == ["FC503", "FC503"]  # publisher and published, left for the person
    target.write_text(_filled(target.read_text(encoding="utf-8")), encoding="utf-8")
    assert check_paths([str(target)], root=tmp_path) == []


def _filled(draft: str) -> str:
    """Every candidate uncommented and its TODOs filled as a person would: the publisher,
    the date, a unit (a currency, since a change may be negative) and a word of the
    document for described_as."""
    lines = []
    for line in draft.split("\n"):
        if line.startswith(("  # - ", "  #   ")):
            line = "  " + line[4:]
        lines.append(line)
    text = "\n".join(lines)
    text = text.replace('"TODO: who published the document"', "Test office")
    text = text.replace('"TODO: YYYY-MM-DD"', "2024-03-14")
    text = text.replace('"TODO: what is counted"', "usd")
    return text.replace('"TODO: the document\'s own words for what it counts"', "[the]")


def test_the_shipped_stand_in_gives_no_contents_entries_or_headers() -> None:
    # Was: "Background 1 Results of Review 2" as three candidates on page iii, and the
    # running header glued to the first sentence of page 2's quote.
    stand_in = Path(__file__).parents[2] / "sources" / "documents" / "dhs-oig-24-46.pdf"
    found = candidates(read_document(stand_in))
    assert [(c.page, c.value, c.qualifier.value) for c in found] == [
        ("1", "448,000", "more_than"),
        ("2", "291,000", "more_than"),
        ("2", "32,000", "more_than"),
    ]
    assert found[1].quote is not None and found[1].quote.startswith("ICE did not serve")


def test_a_markdown_table_row_is_read_once() -> None:
    document = Path(__file__).parents[2] / "sources" / "documents"
    found = candidates(read_document(document / "illustrative-northland-border-monthly.md"))
    values = [c.value for c in found]
    assert values.count("84,214") == 1  # the table's cell, not its line again
