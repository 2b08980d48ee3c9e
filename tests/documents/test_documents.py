"""Reading documents: PDF page labels, ligatures, hyphenation, footnote markers, tables;
HTML; text and Markdown pages; phrases located; numbers found."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.documents import read_document
from factcheck.documents.locate import find, nearest
from factcheck.documents.normalise import fold_phrase
from factcheck.documents.numbers import find_numbers, mentions
from tests.documents.pdfs import Line, PageSpec, build_pdf

RULED = [["Fiscal year", "Released", "No NTA"], ["FY 2019", "72,837", "40,113"],
         ["FY 2020", "15,381", "9,002"], ["FY 2021", "107,686", "81,772"]]  # fmt: skip
UNRULED = [["Category", "Count", "Share"], ["Sponsor located", "9,400", "29%"],
           ["Not located", "3,150", "9.8%"], ["Unknown", "19,450", "61.2%"]]  # fmt: skip


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    return build_pdf(
        folder / "sample.pdf",
        [
            PageSpec(
                [
                    "Preface",
                    "The \ufb01nancial year and the e\ufb03cient of\ufb01ce.",
                    "unaccom\u00ad",
                    "panied children were counted.",
                    "The Department was unable to ac-",
                    "count for the location of 32,000 children.",
                ]
            ),
            PageSpec(["Contents"]),
            PageSpec(
                [
                    Line(
                        "ICE did not serve Notices to Appear on more than 291,000 UCs.", {61: "4"}
                    ),
                    Line("Of these, ICE could not locate 3,150 children.", {36: "2"}),
                ],
                table=RULED,
                footer="1 Source: ICE data. 2 As of May 2024.",
            ),
            PageSpec(["Table 2 (unruled)"], table=UNRULED, ruled=False),
        ],
        labels=[(0, "ROMAN_LOWER", 1), (2, "ARABIC", 1)],
        title="A test",
    )


def test_pdf_pages_carry_their_printed_labels(sample_pdf: Path) -> None:
    document = read_document(sample_pdf)
    assert [p.label for p in document.pages] == ["i", "ii", "1", "2"]
    assert document.title == "A test"
    assert document.kind == "pdf"


def test_ligatures_and_hyphenated_line_ends_are_undone(sample_pdf: Path) -> None:
    first = read_document(sample_pdf).pages[0].text
    assert "financial year and the efficient office" in first
    assert "unaccompanied children" in first  # a soft hyphen at the line end
    assert "to account for the location" in first  # a hard hyphen at the line end


def test_footnote_markers_are_dropped_not_glued_to_numbers(sample_pdf: Path) -> None:
    page = read_document(sample_pdf).pages[2].text
    assert "291,000 UCs." in page and "UCs.4" not in page
    assert "3,1502" not in page and "3,150" in page
    assert "1 Source: ICE data. 2 As of May 2024." in page  # the footnotes themselves stay


def test_ruled_and_unruled_tables_are_read(sample_pdf: Path) -> None:
    pytest.importorskip("pdfplumber")
    pages = read_document(sample_pdf).pages
    assert pages[2].tables[0].rows == tuple(tuple(r) for r in RULED)
    assert pages[3].tables[0].rows == tuple(tuple(r) for r in UNRULED)
    assert pages[3].tables[0].cell("not located", "share") == "9.8%"


def test_tables_are_read_only_when_asked(sample_pdf: Path) -> None:
    assert all(not p.tables for p in read_document(sample_pdf, tables=False).pages)


def test_phrases_are_found_verbatim_up_to_the_folding(sample_pdf: Path) -> None:
    document = read_document(sample_pdf)
    [place] = find(document, "“more than 291,000 UCs”".strip("“”"))
    assert place.page.label == "1" and place.passage == "more than 291,000 UCs"
    assert find(document, "unable to account for")  # hyphenated at the line end
    assert find(document, "locate 3,150 children.", caseless=False) != []
    assert find(document, "ICE DID NOT SERVE", caseless=True)
    assert not find(document, "ICE DID NOT SERVE")  # quotes keep their case
    assert not find(document, "locat")  # whole words only


def test_a_near_phrase_is_only_a_hint(sample_pdf: Path) -> None:
    document = read_document(sample_pdf)
    assert not find(document, "not served a Notice to Appear", caseless=True)
    near = nearest(document, "not served a Notice to Appear", caseless=True)
    assert near is not None
    assert near.place.page.label == "1"
    assert near.place.passage == "not serve Notices to Appear"
    assert 80 < near.score < 100


def test_folding_treats_quotes_dashes_and_spaces_alike() -> None:
    assert fold_phrase("“no\u00a0assurance”  —  it’s") == fold_phrase('"no assurance" - it\'s')
    assert fold_phrase("post-release") == fold_phrase("post\u2010release") == "postrelease"
    assert fold_phrase("e\ufb00ect", lower=True) == "effect"


def test_html_reads_text_blocks_and_tables(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<p>ICE did not serve 291,000 children a Notice to Appear<sup>1</sup>.</p>"
        "<script>var x = 5;</script><p>Soft&shy;hyphen and&nbsp;space.</p>"
        "<table><tr><th>Year</th><th>Released</th></tr>"
        "<tr><td>FY 2019</td><td>72,837</td></tr></table></body></html>",
        encoding="utf-8",
    )
    document = read_document(page)
    text = document.pages[0].text
    assert "Notice to Appear." in text and "Appear1" not in text
    assert "Softhyphen and space." in text and "var x" not in text
    assert document.title == "T"
    assert document.pages[0].tables[0].cell("FY 2019", "released") == "72,837"


def test_text_and_markdown_pages_and_labels(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("first page 32,000⁴ children\fsecond page", encoding="utf-8")
    pages = read_document(text).pages
    assert [(p.label, p.text) for p in pages] == [
        ("1", "first page 32,000 children"),
        ("2", "second page"),
    ]
    markdown = tmp_path / "a.md"
    markdown.write_text(
        "notice\n<!-- page: iv -->\n# Title\n**more than 291,000** UCs[^1]\n"
        "<!-- page: 1 -->\n| Year | Count |\n|---|---|\n| FY 2019 | 7 |\n",
        encoding="utf-8",
    )
    pages = read_document(markdown).pages
    assert [p.label for p in pages] == ["iv", "1"]
    assert "more than 291,000 UCs" in pages[0].text and "notice" in pages[0].text
    assert pages[1].tables[0].cell("FY 2019", "Count") == "7"


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("ICE transferred more than 448,000 UCs", "448000", "1000"),
        ("some 291 thousand children", "291000", "1000"),
        ("a cost of $1.2bn", "1200000000", "100000000"),
        ("12.5 percent of them", "12.5", "0.1"),
        ("thirty-two thousand children", "32000", "1000"),
    ],
)
def test_numbers_in_any_written_form(text: str, value: str, precision: str) -> None:
    assert mentions(text, Decimal(value), Decimal(precision))
    [found] = [n for n in find_numbers(text) if n.value == Decimal(value)]
    assert text[found.start : found.end] == found.text


def test_an_unreadable_document_is_a_clear_error(tmp_path: Path) -> None:
    from factcheck.documents import DocumentError

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(DocumentError) as caught:
        read_document(broken)
    assert caught.value.code == "FC703"
    with pytest.raises(DocumentError) as caught:
        read_document(tmp_path / "x.docx")
    assert caught.value.code == "FC703"
