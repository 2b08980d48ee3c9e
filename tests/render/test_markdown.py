"""The Markdown report: golden output for every example claim, and the cases they miss."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.judge import Settings, judge
from factcheck.load import load_claim
from factcheck.models import Audit
from factcheck.render.markdown import render_markdown
from tests.conftest import CLAIMS, REPO, CaseWriter, assert_golden

GOLDEN = REPO / "tests" / "golden" / "markdown"
SEED = "claims/trump-2024-09-23-325k-migrant-children.yaml"


def audit(path: Path | str) -> Audit:
    return judge(load_claim(Path(path)), Settings())


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda p: p.stem)
def test_markdown_matches_golden(in_repo: Path, claim: Path) -> None:
    text = render_markdown(audit(claim.relative_to(REPO)))
    assert_golden(GOLDEN / f"{claim.stem}.md", text)


def test_every_markdown_golden_has_a_claim() -> None:
    stems = {claim.stem for claim in CLAIMS}
    orphans = [p.name for p in sorted(GOLDEN.glob("*.md")) if p.stem not in stems]
    assert orphans == [], "golden files for claims that no longer exist: delete them"


def test_seed_report_says_what_the_source_does_and_does_not_say(in_repo: Path) -> None:
    text = render_markdown(audit(SEED))
    assert text.startswith("## \u201cShe lost more than 325,000 migrant children.\u201d\n")
    assert "Said by Donald Trump on 2024-09-23 (Rally in Indiana, Pennsylvania)." in text
    assert (
        "**Ruling: False.** The source's figures for children not served a Notice to Appear "
        "\\(more than 291,000\\) and children who failed to appear in immigration court "
        "\\(more than 32,000\\) add up to 323,000 children"
    ) in text
    assert "| + | children not served a Notice to Appear |" in text
    assert "| more than 291,000 |" in text
    assert "| = | **Total** |   | **323,000** |" in text
    assert "|   | **Claimed** |   | more than 325,000 |" in text
    assert "|   | **Difference** |   | -2,000 \\(-0.6%\\) |" in text
    assert (
        "- The source never describes children not served a Notice to Appear "
        "\\(more than 291,000\\) as lost."
    ) in text
    for figure_id in ("no_nta", "failed_to_appear", "no\\_nta", "trafficking_risk"):
        assert figure_id not in text  # published text names figures by their labels
    assert "  > ICE did not serve Notices to Appear on more than 291,000 UCs" in text
    assert "- **Period.** 46.1% of the period" in text
    assert "1. DHS Office of Inspector General, \u201cICE Cannot Monitor" in text
    assert "<https://www.oig.dhs.gov/" in text
    for accusation in ("lie", "lied", "liar", "fabricat", "invented the"):
        assert accusation not in text.lower().split()


def test_output_is_the_same_from_any_directory(
    in_repo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from_root = render_markdown(audit(SEED))
    monkeypatch.chdir(tmp_path)
    assert render_markdown(audit(REPO / SEED)) == from_root


def test_unsupported_verdict_has_no_table_and_lists_what_was_checked(
    write_case: CaseWriter,
) -> None:
    path = write_case(
        [
            {"id": "a", "value": 100, "unit": "people", "described_as": ["missing"]},
            {"id": "b", "value": 200000, "unit": "people"},
        ],
        value=85000,
    )
    text = render_markdown(audit(path))
    assert "**Ruling: Unsupported.** Not reproduced by the source's figures" in text
    assert "| = |" not in text
    assert "No combination of the source's figures reproduces 85,000 people" in text
    assert "The figures checked against it: a; b." in text
    # What it shows instead (rules C1, C2): the nearest combinations and the largest total.
    assert (
        "Nearest combinations, none of which reproduces the number: a = 100 people "
        "\\(-99.9%\\); b = 200,000 people \\(+135.3%\\); a + b = 200,100 people "
        "\\(+135.4%\\)." in text
    )
    assert "The most the figures add up to: a + b = 200,100 people, 235.4% of the claim." in text
    assert "What the source calls" not in text
    assert "does not say" not in text


def test_page_quote_and_extent(write_case: CaseWriter) -> None:
    path = write_case(
        [
            {
                "id": "gone",
                "value": 40,
                "unit": "people",
                "page": 12,
                "quote": "# 40 people\n  could not be located",
                "described_as": [{"term": "could not be located", "extent": "some"}],
            },
            {
                "id": "left",
                "value": 60,
                "unit": "people",
                "page": "iv",
                "described_as": ["missing", "left"],
            },
        ],
        value=100,
        precision=1,  # said to the unit: 60 alone would round to a bare 100 (rule B1)
    )
    text = render_markdown(audit(path))
    assert (
        "- **gone** (40, p. 12): in the source's words, \u201ccould not be located\u201d." in text
    )
    assert "of only some of them, not of all." in text
    # The quote is one line, and a leading '#' does not turn it into a heading.
    assert "  > \\# 40 people could not be located\n" in text
    assert (
        "- **left** (60, p. iv): in the source's words, \u201cmissing\u201d, \u201cleft\u201d. "
        in text
    )
    assert "Of these, \u201cmissing\u201d counts as lost." in text
    assert "The source describes between 60 and 100 \\(60.0% to 100.0% of the 100 total\\)" in text


def test_text_from_the_files_cannot_inject_markdown(write_case: CaseWriter) -> None:
    path = write_case(
        [
            {
                "id": "a",
                "value": 5,
                "unit": "people",
                "describes": "left | right <b>",
                "described_as": ["missing"],
            }
        ],
        value=5,
        text="She *lost* [five](http://x) `people` _now_ <script>",
        speaker="A | B",
    )
    text = render_markdown(audit(path))
    assert (
        "## \u201cShe \\*lost\\* \\[five\\]\\(http://x\\) \\`people\\` \\_now\\_ \\<script\\>\u201d"
        in text
    )
    assert "Said by A \\| B on" in text
    assert "| left \\| right \\<b\\> |" in text


def test_subtracted_and_changed_figures_are_explained(write_case: CaseWriter) -> None:
    path = write_case(
        [
            {
                "id": "jobs_2023",
                "value": 1100,
                "unit": "jobs",
                "as_of": "2023-12-31",
                "series": "jobs",
                "described_as": ["payroll jobs"],
            },
            {
                "id": "jobs_2021",
                "value": 1000,
                "unit": "jobs",
                "as_of": "2021-12-31",
                "series": "jobs",
                "described_as": ["payroll jobs"],
            },
        ],
        value=100,
        unit="jobs",
        asserts="created",
    )
    text = render_markdown(audit(path))
    assert "**Ruling: Supported.**" in text
    assert "| - | jobs\\_2021 |" in text  # without a label or description: the id
    assert "one end of a change in one series, and the change runs the way created means" in text
    assert "does not say" not in text


def test_inline_figures_only_say_so_under_sources() -> None:
    text = render_markdown(audit(REPO / "tests" / "cases" / "valid" / "claim_inline.yaml"))
    assert "No source file: the figures are recorded in the claim file itself." in text
    assert "([A press release](<https://example.org/claim>))" in text


def test_cli_markdown_joins_claims(in_repo: Path) -> None:
    result = CliRunner().invoke(app, ["verify", "claims/", "--format", "markdown"])
    assert result.exit_code in (0, 3)  # 3: a claim's `expect` may gate; the output is whole
    headings = [line for line in result.stdout.splitlines() if line.startswith("## ")]
    assert len(headings) == len(CLAIMS)


# --- series: windows, ratios, near misses -----------------------------------------------


def _months(values: list[int], words: list[list[str]] | None = None) -> list[dict[str, object]]:
    """One figure per month of 2024 from January, in the series encounters_monthly."""
    return [
        {
            "id": f"m{k + 1:02d}",
            "value": value,
            "unit": "encounters",
            "series": "encounters_monthly",
            "period": {"start": f"2024-{k + 1:02d}-01", "end": f"2024-{k + 1:02d}-{days}"},
            "label": "border encounters",
            "describes": f"encounters in month {k + 1}",
            "described_as": words[k] if words else ["border encounters"],
        }
        for k, (value, days) in enumerate(zip(values, [31, 29, 31, 30, 31, 30], strict=False))
    ]


def test_a_window_is_named_by_its_months_and_series(write_case: CaseWriter) -> None:
    path = write_case(
        _months([100, 200, 300, 400, 500, 600]), value=1400, unit="encounters", asserts="let in"
    )
    text = render_markdown(audit(path))
    assert "The claim: 1,400 encounters, described as \u201clet in\u201d." in text
    assert (
        "| + | border encounters, Feb 2024 - May 2024 \\(4 months\\) | the sum of 4 figures "
        "| 1,400 |"
    ) in text
    assert (
        "- **border encounters, Feb 2024 - May 2024 \\(4 months\\)** (1,400, 4 figures): in "
        "the source's words, \u201cborder encounters\u201d \\(each of them\\). None of these says "
        "let in."
    ) in text
    assert (
        "- The source never describes border encounters, Feb 2024 - May 2024 \\(4 months\\) "
        "\\(1,400\\) as let in."
    ) in text
    assert "m02..m05" not in text  # member ids never stand for a window


def test_a_window_whose_months_differ_in_words_lists_each_group(write_case: CaseWriter) -> None:
    words = [["crossings"], ["crossings"], ["apprehensions"]]
    path = write_case(
        _months([100, 200, 300], words), value=600, unit="encounters", asserts="crossed"
    )
    text = render_markdown(audit(path))
    assert "the source describes its figures in different words.\n" in text
    assert (
        "  - encounters in month 1; encounters in month 2: in the source's words, "
        "\u201ccrossings\u201d. That counts as crossed."
    ) in text
    assert (
        "  - encounters in month 3: in the source's words, \u201capprehensions\u201d. None of "
        "these says"
    ) in text


def test_a_percent_change_is_worked_out_in_numbers(write_case: CaseWriter) -> None:
    path = write_case(
        _months([31578, 18762]), value="40.6", unit="percent", direction="down", asserts="down"
    )
    text = render_markdown(audit(path))
    assert "The claim: a fall of 40.6%, described as \u201cdown\u201d." in text
    assert "| a | border encounters, Jan 2024 | encounters in month 1 | 31,578 encounters |" in text
    assert "| b | border encounters, Feb 2024 |" in text
    assert "| = | **\\(b - a\\) / a** | \\(18,762 - 31,578\\) / 31,578 | **-40.6%** |" in text
    assert "|   | **Claimed** |   | 40.6% |" in text
    assert "|   | **Difference** |   | -0.01 percentage points \\(-0.0%\\) |" in text
    assert "compared with the claim by its size: a fall of 40.6% against the claimed 40.6%." in (
        text
    )
    assert "The change is a fall of 40.6%, which is what \u201cdown\u201d says." in text
    assert "one end of a change in one series, and the change runs the way down means." in text
    assert "What the source does not say" not in text


def test_a_change_the_wrong_way_says_so(write_case: CaseWriter) -> None:
    path = write_case(
        _months([31578, 18762]), value="40.6", unit="percent", direction="up", asserts="crossings"
    )
    text = render_markdown(audit(path))
    assert "**Ruling: False.**" in text
    assert "The source's figures show a fall, not a rise." in text
    assert (
        "### What the source does not say\n\n- The change is a fall of 40.6%; neither that nor "
        "the source's words for the later figures, border encounters, Feb 2024, "
        "say \u201ccrossings\u201d."
    ) in text


def test_a_share_is_worked_out_in_numbers(write_case: CaseWriter) -> None:
    figures = [
        {
            "id": "whole",
            "value": 1200,
            "unit": "people",
            "describes": "people encountered",
            "described_as": ["individuals encountered"],
        },
        {
            "id": "part",
            "value": 400,
            "unit": "people",
            "part_of": "whole",
            "label": "people released",
            "describes": "people released pending a hearing",
            "described_as": ["released"],
        },
    ]
    path = write_case(figures, value="0.33", qualifier="about", unit="ratio", asserts="released")
    text = render_markdown(audit(path))
    assert "The claim: a ratio of about 0.33, described as \u201creleased\u201d." in text
    assert "| a | people released | people released pending a hearing | 400 people |" in text
    assert "| b | people encountered |  | 1,200 people |" in text
    assert "| = | **a / b** | 400 / 1,200 | **0.333** |" in text
    assert "The source describes the part, people released, as \u201creleased\u201d." in text
    assert (
        "- **people released** (400 people): in the source's words, \u201creleased\u201d. That "
        "says released."
    ) in text
    assert (
        "_Checked with factcheck: every change between figures of one series, share of a "
        "whole and figure stated in ratio \\(1 in all\\), tolerance 1.0%._"
    ) in text


def test_near_misses_are_listed_and_do_not_count(write_case: CaseWriter) -> None:
    # Jan - May = 1,515, but the number is about the six months to June.
    path = write_case(
        _months([115, 200, 300, 400, 500, 600]),
        value=1515,
        unit="encounters",
        asserts="crossed",
        covers={"start": "2024-01-01", "end": "2024-06-30"},
        tolerance=0,
    )
    text = render_markdown(audit(path))
    assert "**Ruling: Unsupported.**" in text
    assert (
        "### Near misses\n\nThese reproduce the number but measure another period than the one "
        "the claim's number covers, so they do not count towards the ruling:\n\n"
        "- border encounters, Jan 2024 - May 2024 \\(5 months\\) = 1,515 encounters \\(exact "
        "match, 0.0%\\): measures 2024-01-01 to 2024-05-31\n"
    ) in text
    assert "- **Period measured.** Not counted: border encounters \\(Jan 2024 - May 2024\\)" in text
    assert "encounters\\_monthly" not in text and "encounters_monthly" not in text
    assert "Figures that no near miss uses either: border encounters." in text
