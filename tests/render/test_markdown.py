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
    assert "**Ruling: False.** no_nta + failed_to_appear = 323,000" in text
    assert "| + | `no_nta` |" in text and "| more than 291,000 |" in text
    assert "| = | **Total** |   | **323,000** |" in text
    assert "|   | **Claimed** |   | more than 325,000 |" in text
    assert "|   | **Difference** |   | -2,000 (-0.6%) |" in text
    assert "- The source never describes these 291,000 (`no_nta`) as lost." in text
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
            {"id": "b", "value": 200, "unit": "people"},
        ],
        value=85000,
    )
    text = render_markdown(audit(path))
    assert "**Ruling: Unsupported.** Not reproduced by the source's figures" in text
    assert "| = |" not in text
    assert "No combination of the source's figures in people reproduces 85,000" in text
    assert "The figures checked against it: `a`, `b`." in text
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
    )
    text = render_markdown(audit(path))
    assert (
        "- **40** (`gone`, p. 12): in the source's words, \u201ccould not be located\u201d." in text
    )
    assert "of only some of them, not of all." in text
    # The quote is one line, and a leading '#' does not turn it into a heading.
    assert "  > \\# 40 people could not be located\n" in text
    assert (
        "- **60** (`left`, p. iv): in the source's words, \u201cmissing\u201d, \u201cleft\u201d. "
        in text
    )
    assert "Of these, \u201cmissing\u201d says lost." in text
    assert "The source describes between 60 and 100 of the total (60.0% to 100.0%" in text


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
        "## \u201cShe \\*lost\\* \\[five\\](http://x) \\`people\\` \\_now\\_ \\<script>\u201d"
        in text
    )
    assert "Said by A \\| B on" in text
    assert "| left \\| right \\<b> |" in text


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
    assert "| - | `jobs_2021` |" in text
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
