"""render/reader.py: published words, with labels for ids and amounts as readers write them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.bands import EARNED, Verdict
from factcheck.config import Config
from factcheck.judge import Settings, judge
from factcheck.load import load_claim
from factcheck.models import Audit, Note
from factcheck.render.claimreview import render_claimreview
from factcheck.render.html import report_page
from factcheck.render.markdown import render_markdown
from factcheck.render.reader import SENTENCES, Reader
from tests.conftest import CLAIMS, REPO, CaseWriter
from tests.render.pages import read_page


def audit(path: Path | str) -> Audit:
    return judge(load_claim(Path(path)), Settings())


@pytest.fixture(scope="module")
def examples() -> list[Audit]:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        return [audit(claim.relative_to(REPO)) for claim in CLAIMS]


def ids_in(audit: Audit) -> set[str]:
    """The ids a reader must not see: figure ids that cannot be words, series, sources."""
    ids = {*audit.labels, *audit.unused_figures, *(r.figure for r in audit.figures)}
    for combination in (*audit.combinations, *audit.near_misses):
        for term in combination.terms:
            ids.update(term.members or [term.figure])
            if term.window is not None:
                ids.add(term.window.series)
    words_too = {i for i in ids if not re.search(r"[_0-9]", i)}
    return (ids - words_too) | {source.id for source in audit.sources}


def test_every_sentence_band_has_published_words() -> None:
    assert set(SENTENCES) == set(EARNED)


def test_published_formats_show_no_ids(examples: list[Audit]) -> None:
    """The shipped sources label every figure that reaches a verdict: no id is published."""
    config = Config()
    for each in examples:
        hidden = ids_in(each)
        markdown = render_markdown(each).replace("\\_", "_")
        review = render_claimreview([each], config, single=True)
        page = read_page(report_page([each], config, each.claim.date)).text
        for text, where in ((markdown, "markdown"), (page, "html")):
            shown = [i for i in hidden if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]
            assert shown == [], f"{each.claim.id} ({where}) shows {shown}"
        explanation = review.split('"ratingExplanation": ')[1]
        assert [i for i in hidden if i in explanation] == [], each.claim.id


def test_a_label_names_a_figure_else_its_description_else_its_id(
    write_case: CaseWriter,
) -> None:
    figures = [
        {"id": "a_1", "value": 5, "unit": "people", "label": "people named", "described_as": ["x"]},
        {"id": "b_2", "value": 6, "unit": "people", "describes": "people described"},
        {"id": "c_3", "value": 7, "unit": "people"},
    ]
    reader = Reader(audit(write_case(figures, value=18, max_terms=3, text="18 of them.")))
    assert [reader.figure(i) for i in ("a_1", "b_2", "c_3")] == [
        "people named",
        "people described",
        "c_3",
    ]
    assert reader.unlabelled() == ["b_2", "c_3"]


def test_the_summary_names_figures_and_writes_money(in_repo: Path) -> None:
    reader = Reader(audit("claims/illustrative-rivertown-2bn-without-debt.yaml"))
    # (Said bare, "$2 billion" takes $1.5bn to $2.5bn: one figure rounds to it, rule B1.)
    assert reader.summary().startswith(
        "The source's figure for total city spending ($2.4 billion) reproduces the claimed "
        "$2 billion as rounded (20.0% more), and the source describes all of it as spent."
    )


def test_a_false_summary_says_what_the_source_never_says(in_repo: Path) -> None:
    reader = Reader(audit("claims/trump-2024-09-23-325k-migrant-children.yaml"))
    assert reader.summary().endswith(
        "but the source describes at most 5.3% of it as lost within the period the claim "
        "attributes. The source never describes "
        "children not served a Notice to Appear (more than 291,000) as lost."
    )


def test_a_prorated_verdict_says_how_much_is_supported(in_repo: Path) -> None:
    # Rule D: only the share of the rise inside the attributed period counts (no cap).
    found = audit("claims/illustrative-successor-added-19k-jobs.yaml")
    assert found.verdict is Verdict.false
    # The published ruling says what the 25.2% is of, as the judge's summary does.
    said = "but the source describes at most 25.2% of it as added within the period the claim "
    assert Reader(found).summary().endswith(said + "attributes.")
    assert said in found.summary


def test_nothing_reproduced(in_repo: Path) -> None:
    reader = Reader(audit("claims/illustrative-ice-lost-85k-children.yaml"))
    # Rule C3: it names the nearest combination and the largest total, by their labels.
    assert reader.summary() == (
        "Not reproduced by the source's figures: no combination of up to 4 figures in "
        "children comes within 1.0% of 85,000. The nearest is children ICE transferred to HHS "
        "- children not served a Notice to Appear - children who failed to appear in "
        "immigration court = 125,000 (+47.1%); the most the figures add up to is 448,000 "
        "(children ICE transferred to HHS)."
    )


def test_notes_name_figures_windows_and_statements(in_repo: Path) -> None:
    found = audit("claims/trump-2024-09-23-325k-migrant-children.yaml")
    reader = Reader(found)
    notes = dict(reader.notes())
    assert (
        "of only some of the 32,000 (children who failed to appear in immigration court)"
        in (notes["Extent"])
    )
    rewritten = reader.note(
        Note(
            kind="overlap",
            message="Not counted: transferred - no_nta = 157,000 would count twice "
            "(transferred); so says (statement trafficking_risk of dhs-oig-24-46); "
            "children were transferred.",
        )
    )
    assert rewritten == (
        "Not counted: children ICE transferred to HHS - children not served a Notice to "
        "Appear = 157,000 would count twice (children ICE transferred to HHS); so says (a "
        "statement by DHS Office of Inspector General); children were transferred."
    )


def test_a_windows_series_is_named_by_its_label(in_repo: Path) -> None:
    found = audit("claims/illustrative-minister-down-20pct-six-months.yaml")
    notes = dict(Reader(found).notes())
    assert notes["Period measured"].startswith(
        "Also not counted: (border encounters (Jan 2024 - May 2024) - border encounters "
        "(Aug 2023 - Dec 2023)) / border encounters (Aug 2023 - Dec 2023) = -20.0%"
    )
    assert notes["The document"].startswith(
        "The document of Northland Border Service (invented) (1 page) never uses 'down'"
    )
