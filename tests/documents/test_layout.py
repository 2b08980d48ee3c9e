"""The page layout: running headers and footers, contents, headings, captions, footnotes
and table rows; the page number each page prints; table rows and unruled tables."""

from __future__ import annotations

import pytest

from factcheck.documents.layout import Role, mask, page_lines, printed_labels, repeated_edges
from factcheck.documents.rows import is_tabular, row_cells
from factcheck.documents.unruled import Word, read_unruled
from tests.conftest import hang_guard

BODY = "The office counted 1,200 grants in the year, and paid most of them on time.\n"


NAMES = ("north", "south", "east", "west", "upper", "lower")


def _page(number: str, place: int) -> str:
    """A page of a report: its header, three lines of its own, its footer."""
    body = "".join(f"The {NAMES[place]} office, part {part}: {BODY}" for part in "xyz")
    return f"OFFICE OF AUDITS\nReport on Grants\n{body}www.audit.example.gov {number} AR-24-07"


def test_printed_numbers_count_up_and_unnumbered_pages_take_their_neighbours() -> None:
    pages = ["Cover page", _page("ii", 1), _page("iii", 2), "Blank", _page("2", 4), _page("3", 5)]
    # The cover precedes "ii" (so "i"); the blank page follows "iii"... and precedes "2":
    # the previous page's count wins ("iv").
    assert printed_labels(pages) == ["i", "ii", "iii", "iv", "2", "3"]


def test_a_constant_number_in_a_header_is_no_page_number() -> None:
    pages = [f"Annual Report 2024\n{n}: {BODY}Page {i} of 3" for i, n in enumerate(NAMES[:3], 1)]
    assert printed_labels(pages) == ["1", "2", "3"]
    no_numbers = [f"Annual Report 2024\n{n}: {BODY}" for n in NAMES[:3]]
    assert printed_labels(no_numbers) == ["[1]", "[2]", "[3]"]


def test_a_cover_before_page_one_is_marked_unnumbered() -> None:
    assert printed_labels(["Cover", _page("1", 1), _page("2", 2)]) == ["[1]", "1", "2"]


def test_headers_and_footers_repeat_at_the_edges_of_pages() -> None:
    pages = [_page(str(n), n) for n in range(1, 5)]
    repeated = repeated_edges(pages)
    assert repeated == {"office of audits", "report on grants", "www.audit.example.gov # ar-#-#"}
    roles = [line.role for line in page_lines(pages[0], repeated)]
    assert roles == [Role.furniture] * 2 + [Role.body] * 3 + [Role.furniture]


def test_a_table_row_at_the_foot_of_every_page_is_no_footer() -> None:
    pages = [f"Audit {n}\n{BODY}Total 1,200 1,300" for n in NAMES[:4]]
    assert repeated_edges(pages) == {mask(BODY)}


CONTENTS = """Table of Contents
Background.............................1
Results of Review......................2
4.1 Grant Files Were Incomplete........2
1 Employment 1
3.1 Method . . . . . . . . . . . . . . 2
Appendix A: Objective, Scope,
and Methodology 5"""


def test_contents_entries_are_lines_that_end_in_a_page_number() -> None:
    lines = page_lines(CONTENTS, set())
    assert [line.role for line in lines[1:]] == [Role.contents] * 7


def test_headings_captions_footnotes_and_rows_stand_alone() -> None:
    text = (
        "4.1 Grant Files Were Incomplete\n"
        "In our sample, fewer than 1 in 5 grant files held every required document, and\n"
        "the staff approved most payment requests without invoices or any other proof.\n"
        "What We Recommend\n"
        "We made 5 recommendations to improve the oversight of the whole program.\n"
        "Table 2: Obligations by Region (thousands of dollars)\n"
        "Region Obligations Outlays\n"
        "Plains 412,650 (24,530)\n"
        "Source: OIG analysis of payment data.\n"
        "1 The count excludes 17 grants that were cancelled before any payment."
    )
    roles = [line.role for line in page_lines(text, set())]
    assert roles == [
        *(Role.heading, Role.body, Role.body, Role.heading, Role.body, Role.caption),
        *(Role.heading, Role.table, Role.caption, Role.footnote),
    ]


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("Plains 412,650 388,120 (24,530)", True),
        ("16 to 24 54.8 −1.2 0.3", True),
        ("Q1 FY 2018 7,635 6,160 1,475", True),
        ("Language training 86 88 n/a", True),
        ("Recommendation 4: Close the 177", False),  # a narrow column's line
        ("recommendations 1 through 4 open and", False),
        ("from £19.6bn in 2022-23. Statistician’s enquiries: +44 1632", False),
        ("960 418.", False),  # a sentence's end
        ("www.oig.example.gov 5 OIG-25-17", False),
        ("Between 10 and 15", False),
    ],
)
def test_a_table_row_ends_in_numbers_after_a_short_heading(line: str, row: bool) -> None:
    assert is_tabular(line) is row


def test_a_row_heading_keeps_its_years_and_ranges() -> None:
    row = ["Q1", "FY", "2018", "7,635", "6,160"]
    assert row_cells(row) == (row[:3], row[3:])
    ages = ["16", "to", "24", "54.8", "0.3"]
    assert row_cells(ages) == (ages[:3], ages[3:])


def _words(line: str, top: float, rights: list[float]) -> list[Word]:
    """Words of one line, each ending at the given x (numbers set flush right)."""
    return [
        Word(text, right - 6 * len(text), right, top, top + 10)
        for text, right in zip(line.split("|"), rights, strict=True)
    ]


def test_an_unruled_table_is_read_from_its_words_positions() -> None:
    words = [
        *_words("Age group|Rate (%)|Change on quarter", 100, [80, 200, 330]),
        *_words("16 to 24|54.8|−1.2", 115, [70, 200, 330]),
        *_words("25 to 49|84.1|0.2", 130, [70, 200, 330]),
    ]
    table = read_unruled(words)
    assert table is not None
    assert table.rows == (
        ("Age group", "Rate (%)", "Change on quarter"),
        ("16 to 24", "54.8", "−1.2"),
        ("25 to 49", "84.1", "0.2"),
    )
    assert table.cell("25 to 49", "change on quarter") == "0.2"


def test_words_without_table_rows_make_no_table() -> None:
    assert read_unruled(_words("Some|heading|only", 10, [60, 120, 180])) is None


@pytest.mark.parametrize(
    "text",
    [". " * 200_000 + "x", "a" * 400_000 + "@b", "Contents\n" + " \t" * 200_000 + "ab 5"],
)
def test_a_hostile_line_ends_the_layout_in_good_time(text: str) -> None:
    from factcheck.draft_numbers import masked_spans

    with hang_guard(30):  # linear work: well under a second here
        page_lines(text, repeated_edges([text, text]))
        printed_labels([text, text, text])
        masked_spans(text)
