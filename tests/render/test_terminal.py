"""The terminal report: it fits any width from 60 columns without cutting a number, a
verdict or an expression short, follows the terminal's width, and shows input as written."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from rich.text import Text

from factcheck.judge import Settings, judge
from factcheck.load import load_claim
from factcheck.models import Audit
from factcheck.render.fit import DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH, Column, Fitted
from factcheck.render.fit import terminal_width as width_of
from factcheck.render.terminal import render_audit, render_summary, to_text
from tests.conftest import CLAIMS, REPO, CaseWriter, assert_golden
from tests.render.library import library_case

GOLDEN = REPO / "tests" / "golden"
SEED = REPO / "claims" / "trump-2024-09-23-325k-migrant-children.yaml"
# A number as the report writes it: 323,000; -2,000; (-0.6%); 0.0%-5.3%; 2024-09-23.
NUMBER = re.compile(r"[-+]?\d[\d,.]*%?(?:-\d[\d,.]*%?)*")
# The only escape sequences the colour report may hold: its own SGR styles.
SGR = re.compile(r"\x1b\[[0-9;]*m")


@cache
def audit_of(path: Path) -> Audit:
    return judge(load_claim(path), Settings())


@cache
def wide_text(path: Path) -> str:
    """The claim's plain report at 400 columns, where nothing wraps: the same for every
    width it is compared with."""
    return to_text(render_audit(audit_of(path), plain=True), plain=True, width=400)


def all_audits() -> list[Audit]:
    return [audit_of(claim) for claim in CLAIMS]


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("claim", CLAIMS, ids=lambda p: p.stem)
def test_narrow_plain_report_matches_golden(in_repo: Path, claim: Path, width: int) -> None:
    text = to_text(render_audit(audit_of(claim), plain=True), plain=True, width=width)
    assert_golden(GOLDEN / f"text-{width}" / f"{claim.stem}.txt", text)


@pytest.mark.parametrize("width", [60, 80, 120, 160])
def test_batch_table_matches_golden(in_repo: Path, width: int) -> None:
    text = to_text(render_summary(all_audits(), plain=True), plain=True, width=width)
    assert_golden(GOLDEN / "batch" / f"verdicts-{width}.txt", text)


@pytest.mark.parametrize("plain", [True, False], ids=["plain", "colour"])
@pytest.mark.parametrize("width", [60, 71, 80, 97, 130])
def test_nothing_is_cut_short_at_any_width(width: int, plain: bool) -> None:
    """Every number of the wide report is in the narrow one, whole; no "…" anywhere."""
    for claim in CLAIMS:
        audit = audit_of(claim)
        narrow = to_text(render_audit(audit, plain=plain), plain=plain, width=width)
        wide = wide_text(claim)
        # an ellipsis Rich would add to cut something short (one the input has is its own)
        assert narrow.count("…") == wide.count("…"), (claim.stem, width)
        shown = SGR.sub("", narrow)
        assert sorted(NUMBER.findall(shown)) == sorted(NUMBER.findall(wide)), (claim.stem, width)
        assert audit.verdict.value.upper() in shown
        lines = shown.split("\n")
        assert all(len(line) <= width for line in lines), (claim.stem, width)


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_batch_shows_every_verdict_and_derivation_whole(width: int) -> None:
    audits = all_audits()
    text = to_text(render_summary(audits, plain=True), plain=True, width=width)
    assert "…" not in text
    tokens = set(text.replace("|", " ").split())
    for audit in audits:
        assert re.search(rf"\b{audit.verdict.value}\b", text), audit.claim.id
        if audit.basis is not None:
            # a derivation may wrap between its words, never inside one
            basis = audit.combinations[audit.basis]
            assert set(basis.expression.split()) <= tokens, audit.claim.id


def test_the_founding_example_at_60_columns_keeps_its_numbers(in_repo: Path) -> None:
    text = to_text(render_audit(audit_of(SEED), plain=True), plain=True, width=60)
    for whole in ("323,000", "-2,000 (-0.6%)", "0.0%-5.3%", "more than 291,000", "325,000"):
        assert whole in text
    assert "no_nta + failed_to_appear = 323,000" in text
    assert "*1 no_nta + failed_to_appear" in text  # the list, since no table fits
    # the chart's legend wraps between its items, never inside one
    assert "\nsupported share: 0.0%-5.3%\n" in text
    assert "█ said lost  ▓ said of some  ░ not said lost\n" in text


def test_a_wide_terminal_gets_tables(in_repo: Path) -> None:
    text = to_text(render_audit(audit_of(SEED), plain=True), plain=True, width=120)
    assert "| *1 | no_nta + failed_to_appear | 323,000 |" in text
    assert "| no_nta           | more than 291,000 |" in text


# --- the table or the list --------------------------------------------------------------


def _fitted() -> Fitted:
    fitted = Fitted(
        title="T",
        columns=[Column("n", whole=True), Column("words", room=10), Column("verdict", whole=True)],
        stacked=Text("listed"),
    )
    fitted.add_row(Text("1,234,567"), Text("some words that wrap"), Text("unsupported"))
    return fitted


def test_a_table_is_drawn_from_the_width_that_holds_its_whole_columns() -> None:
    fitted = _fitted()
    # 9 + 10 + 11 for the cells, 2 of padding per column, 4 borders
    assert fitted.needs() == 9 + 10 + 11 + 6 + 4
    at = to_text(fitted, plain=True, width=fitted.needs())
    assert "| 1,234,567 |" in at and "| unsupported |" in at
    assert "…" not in at
    assert to_text(fitted, plain=True, width=fitted.needs() - 1).strip() == "listed"


def test_a_column_of_words_needs_its_longest_word() -> None:
    fitted = Fitted(title="T", columns=[Column("e", words=True)])
    fitted.add_row(Text("no_nta + failed_to_appear"))
    assert fitted.needs() == len("failed_to_appear") + 2 + 2


# --- the width ---------------------------------------------------------------------------


class _Tty:
    def __init__(self, descriptor: int) -> None:
        self.descriptor = descriptor

    def fileno(self) -> int:
        return self.descriptor


def test_columns_sets_the_width_colour_or_not() -> None:
    assert width_of({"COLUMNS": "80"}, []) == 80
    assert width_of({"COLUMNS": "80", "NO_COLOR": "1"}, []) == 80
    assert width_of({"COLUMNS": " 72 "}, []) == 72


def test_unreadable_columns_falls_back() -> None:
    for value in ("", "abc", "-5", "8O", "\u0663\u0663"):  # the last: Arabic-Indic digits
        assert width_of({"COLUMNS": value}, []) == DEFAULT_WIDTH, value
    assert width_of({"COLUMNS": "0"}, []) == DEFAULT_WIDTH
    assert width_of({"COLUMNS": "5"}, []) == MIN_WIDTH
    assert width_of({"COLUMNS": "9" * 30}, []) == MAX_WIDTH


def test_without_columns_the_terminal_gives_the_width(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    sizes = {7: os.terminal_size((83, 24))}

    def size(descriptor: int) -> os.terminal_size:
        if descriptor not in sizes:
            raise OSError("not a terminal")
        return sizes[descriptor]

    monkeypatch.setattr(os, "get_terminal_size", size)
    # stdout piped (no descriptor), stderr a file, stdin the terminal: its width
    assert width_of({}, [object(), _Tty(3), _Tty(7)]) == 83  # type: ignore[list-item]
    assert width_of({"NO_COLOR": "1"}, [_Tty(7)]) == 83  # type: ignore[list-item]
    assert width_of({}, [_Tty(3)]) == DEFAULT_WIDTH  # type: ignore[list-item]


def test_an_unreadable_columns_leaves_the_terminal_its_width(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The CLI's guard drops COLUMNS=abc or 0 rather than fixing a width: a 120-column
    terminal still gets 120 columns; a number out of bounds becomes the bound."""
    import os

    from factcheck.streams import guard_process

    cases = [("abc", None), ("0", None), ("000", None), (" 72 ", "72"), ("00080", "80")]
    cases += [("5", "20"), ("9" * 5_000, "1000")]  # int() refuses 5,000 digits
    for value, kept in cases:
        monkeypatch.setenv("COLUMNS", value)
        guard_process()
        assert os.environ.get("COLUMNS") == kept, value
    monkeypatch.delenv("COLUMNS")
    monkeypatch.setattr(os, "get_terminal_size", lambda descriptor: os.terminal_size((120, 40)))
    assert width_of(None, [_Tty(1)]) == 120  # type: ignore[list-item]


# --- input shown as written --------------------------------------------------------------

HOSTILE = "\x1b[2J\x1b]8;;http://e.vil\x1b\\\u202e[link=http://e.vil]x[/link]\x07"


def _hostile_audit(write_case: CaseWriter) -> Audit:
    path = write_case(
        [
            {
                "id": "a",
                "value": 5,
                "unit": "people",
                "described_as": [f"lost {HOSTILE}", "[bold]b[/bold]"],
            }
        ],
        source={"title": f"T {HOSTILE}", "publisher": f"P {HOSTILE}"},
        text=f"They lost 5 people {HOSTILE}",
        speaker=f"Some\none {HOSTILE}",
        venue=f"v {HOSTILE}",
        attributed_to=f"w {HOSTILE}",
        value=5,
    )
    return judge(load_claim(path), Settings())


@pytest.mark.parametrize("plain", [True, False], ids=["plain", "colour"])
@pytest.mark.parametrize("width", [60, 120])
def test_no_control_or_markup_from_an_input_takes_effect(
    write_case: CaseWriter, plain: bool, width: int
) -> None:
    audit = _hostile_audit(write_case)
    for renderable in (render_audit(audit, plain=plain), render_summary([audit], plain=plain)):
        text = to_text(renderable, plain=plain, width=width)
        rest = SGR.sub("", text)
        assert "\x1b" not in rest and "\x07" not in rest and "\u202e" not in rest
        assert "\x1b]8" not in text  # no hyperlink, from the escape or from Rich markup
    text = to_text(render_audit(audit, plain=plain), plain=plain, width=400)
    flowing = SGR.sub("", text)
    assert "\\x1b[2J" in flowing and "<U+202E>" in flowing
    assert "[link=http://e.vil]x[/link]" in flowing  # markup shown, not applied
    assert "Some\\x0aone" in flowing  # a line break in a name stays on its line


def test_counts_of_one_are_singular(write_case: CaseWriter) -> None:
    from factcheck.render.markdown import render_markdown

    path = write_case(
        [{"id": "a", "value": 5, "unit": "people", "described_as": ["lost"]}], value=5
    )
    audit = judge(load_claim(path), Settings())
    assert audit.search.figures_searched == audit.search.combinations_examined == 1
    text = " ".join(to_text(render_audit(audit, plain=True), plain=True, width=200).split())
    assert "Checked 1 figure in people" in text and "; 1 combination examined" in text
    assert "1 combination examined." in render_markdown(audit)
    from factcheck.judge.settings import resolve
    from factcheck.judge.summary import sum_not_reproduced

    case = load_claim(write_case([{"id": "a", "value": 5, "unit": "people"}], value=9, max_terms=1))
    rules = resolve(case, Settings(), None)
    assert "no combination of up to 1 figure in people" in sum_not_reproduced(case.claim, rules)


@pytest.mark.parametrize("width", [60, 200])
def test_the_batch_says_whether_each_verdict_is_the_expected_one(width: int) -> None:
    audits = all_audits()[:2]
    expected = audits[0].model_copy(update={"expect": audits[0].verdict})
    wrong = next(v for v in ("false", "supported") if v != audits[1].verdict.value)
    differs = audits[1].model_copy(update={"expect": type(audits[1].verdict)(wrong)})
    unset = audits[1].model_copy(update={"expect": None})
    text = to_text(render_summary([expected, differs, unset], plain=True), plain=True, width=width)
    flowing = " ".join(text.split())
    if width == 60:  # the list
        assert f"{expected.verdict.value} (as expected)" in flowing
        assert f"{differs.verdict.value}; DIFFERS from the expected {wrong}" in flowing
        assert flowing.count("expected") == 2
    else:  # the table's column
        assert " ok " in flowing and f"DIFFERS: {wrong}" in flowing


def test_a_match_within_the_claims_range_is_not_called_exact(write_case: CaseWriter) -> None:
    # "nearly $12 million" admits $11.9 million and $11.5 million: `exact` in the JSON, but
    # "exact" beside a difference of -500,000 would contradict it
    found = audit_of(library_case(write_case))
    for width in (60, 120):
        text = to_text(render_audit(found, plain=True), plain=True, width=width)
        assert "exact" not in text
        assert "in range" in text
    narrow = to_text(render_audit(found, plain=True), plain=True, width=60)
    assert "difference -500,000 (-4.2%), in range;" in narrow
    wide = to_text(render_audit(found, plain=True), plain=True, width=160)
    assert "reproduces the number within the range the claim's \u201cnearly\u201d allows" in wide
