"""factcheck/site.py and `factcheck site`: the pages, byte for byte again, swapped in whole."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factcheck import site as site_module
from factcheck.cli import app
from factcheck.site import MARKER, SiteError, build_site, write_site
from tests.conftest import CLAIMS, REPO, CaseWriter
from tests.render.pages import read_page

REVIEWED = dt.date(2024, 10, 2)


def jsonl(folder: Path) -> list[dict[str, Any]]:
    text = (folder / "claims.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "public"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        result = build_site(["claims/"], out, reviewed=REVIEWED)
    assert result.problems == []
    return out


def test_the_site_has_an_index_a_page_per_claim_source_and_verdict(built: Path) -> None:
    files = set(tree(built))
    claims = {each["claim"]["id"] for each in jsonl(built)}
    assert len(claims) == len(CLAIMS)
    assert {f"claims/{claim}.html" for claim in claims} <= files
    assert "sources/dhs-oig-24-46.html" in files
    assert {"index.html", "claims.jsonl", MARKER, "verdicts/false.html"} <= files
    assert not [
        name for name in files if "partial" in name or name.startswith(".") != (name == MARKER)
    ]


def test_the_index_lists_every_claim_with_its_verdict(built: Path) -> None:
    page = read_page((built / "index.html").read_text(encoding="utf-8"))
    rows = [e for e in page.all("tr") if "data-verdict" in e.attrs]
    verdicts = {each["claim"]["id"]: each["verdict"] for each in jsonl(built)}
    assert len(rows) == len(verdicts)
    links = [a.attrs["href"] for a in page.all("a") if a.attrs["href"].startswith("claims/")]
    assert sorted(links) == sorted(f"claims/{claim}.html" for claim in verdicts)
    assert sorted(row.attrs["data-verdict"] for row in rows) == sorted(verdicts.values())
    dates = [row.attrs["data-order-date"] for row in rows]
    assert dates == sorted(dates, reverse=True)  # newest first, without a script
    assert "\u2717 False" in page.text and "Donald Trump" in page.text
    assert "more than 325,000 children" in page.text


def test_a_verdict_page_lists_only_its_claims(built: Path) -> None:
    page = read_page((built / "verdicts" / "false.html").read_text(encoding="utf-8"))
    rows = [e for e in page.all("tr") if "data-verdict" in e.attrs]
    assert rows and {row.attrs["data-verdict"] for row in rows} == {"false"}
    assert all(a.attrs["href"].startswith("../") for a in page.all("a"))


def test_a_source_page_lists_the_claims_that_use_it(built: Path) -> None:
    page = read_page((built / "sources" / "dhs-oig-24-46.html").read_text(encoding="utf-8"))
    expected = sorted(
        f"../claims/{each['claim']['id']}.html"
        for each in jsonl(built)
        if any(s["id"] == "dhs-oig-24-46" for s in each["sources"])
    )
    assert len(expected) == 5
    links = sorted(a.attrs["href"] for a in page.all("a") if "/claims/" in a.attrs["href"])
    assert links == expected


def test_a_claim_page_is_its_report_with_links_back(built: Path) -> None:
    text = (built / "claims" / "trump-2024-09-23-325k-migrant-children.html").read_text()
    page = read_page(text)
    hrefs = [a.attrs["href"] for a in page.all("a")]
    assert "../index.html" in hrefs and "../sources/dhs-oig-24-46.html" in hrefs
    review = page.jsonld()
    assert review["datePublished"] == "2024-10-02"
    assert review["url"] == (
        "https://factcheck.example.org/reviews/trump-2024-09-23-325k-migrant-children"
    )


def test_a_second_build_changes_no_byte(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    again = tmp_path / "again"
    build_site(["claims/"], again, reviewed=REVIEWED)
    assert tree(again) == tree(built)
    build_site(["claims/"], again, reviewed=REVIEWED)  # over the first: the same bytes
    assert tree(again) == tree(built)


def test_the_site_is_the_same_whatever_the_number_of_jobs(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    build_site(["claims/"], tmp_path / "two", reviewed=REVIEWED, jobs=2)
    assert tree(tmp_path / "two") == tree(built)
    command = ["site", "claims/", "-o", str(tmp_path / "cli"), "--date", "2024-10-02", "-j", "2"]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.output
    assert tree(tmp_path / "cli") == tree(built)


def test_the_review_date_is_today_or_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1727913600")  # 2024-10-03 00:00 UTC
    build_site(["claims/trump-2024-09-23-325k-migrant-children.yaml"], tmp_path / "s")
    page = tmp_path / "s" / "claims" / "trump-2024-09-23-325k-migrant-children.html"
    assert read_page(page.read_text()).jsonld()["datePublished"] == "2024-10-03"


def test_invalid_input_writes_nothing_and_keeps_the_old_site(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_case: CaseWriter
) -> None:
    out = tmp_path / "public"
    shutil.copytree(built, out)
    before = tree(out)
    # "lots" is no number ("five" is one since issue 14: number words)
    path = write_case([{"id": "a", "value": 5, "unit": "people"}], value="lots")
    result = build_site([str(path)], out, reviewed=REVIEWED)
    assert [p.code for p in result.problems] == ["FC205"]
    assert result.files == [] and tree(out) == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".public")]


def test_two_claims_with_one_id_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_case: CaseWriter
) -> None:
    path = write_case(
        [{"id": "a", "value": 5, "unit": "people", "described_as": ["lost"]}], value=5
    )
    shutil.copy(path, path.with_name("copy.yaml"))
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "public"
    result = build_site(["claims/"], out, reviewed=REVIEWED)
    assert [(p.path, p.code) for p in result.problems] == [("claims/copy.yaml", "FC801")]
    assert "claim id 'c' is also the id of claims/c.yaml" in result.problems[0].message
    assert not out.exists()


def test_a_folder_factcheck_did_not_build_is_never_replaced(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    with pytest.raises(SiteError, match="holds files that `factcheck site` did not write"):
        write_site(mine, {"index.html": "x"})
    assert tree(mine) == {"notes.txt": b"keep me"}
    (tmp_path / "file").write_text("x")
    with pytest.raises(SiteError, match="it is a file, not a folder"):
        write_site(tmp_path / "file", {"index.html": "x"})
    with pytest.raises(SiteError, match="does not exist"):
        write_site(tmp_path / "no" / "such", {"index.html": "x"})
    write_site(tmp_path / "empty", {"index.html": "x"})  # a new folder is fine
    assert tree(tmp_path / "empty") == {
        MARKER: site_module.MARKER_TEXT.encode(),
        "index.html": b"x",
    }


def test_a_failed_write_leaves_the_old_site_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "public"
    write_site(out, {"index.html": "old", "claims/a.html": "old a"})
    before = tree(out)
    written: list[str] = []
    real = Path.write_text

    def fail_on_the_third(self: Path, *args: Any, **kwargs: Any) -> int:
        written.append(self.name)
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", fail_on_the_third)
    pages = {f"claims/{n}.html": "new" for n in "abcd"} | {"index.html": "new"}
    with pytest.raises(SiteError, match="No space left on device"):
        write_site(out, pages)
    assert tree(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["public"]  # no half-built folder left


def test_ctrl_c_while_swapping_puts_the_old_site_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "public"
    write_site(out, {"index.html": "old"})
    real = Path.replace

    def interrupted(self: Path, target: Any) -> Path:
        if ".partial-" in self.name:
            raise KeyboardInterrupt
        return real(self, target)

    monkeypatch.setattr(Path, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_site(out, {"index.html": "new"})
    assert tree(out) == {MARKER: site_module.MARKER_TEXT.encode(), "index.html": b"old"}
    assert [p.name for p in tmp_path.iterdir()] == ["public"]


def test_cli_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    out = tmp_path / "public"
    command = ["site", "claims/", "-o", str(out), "--date", "2024-10-02"]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.output
    assert f"factcheck site: {len(CLAIMS)} claims, " in result.stderr
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "keep.txt").write_text("x")
    refused = CliRunner().invoke(app, ["site", "claims/", "-o", str(tmp_path / "mine")])
    assert refused.exit_code == 1 or isinstance(refused.exception, SiteError)
    assert (tmp_path / "mine" / "keep.txt").read_text() == "x"


def test_the_folder_may_be_the_current_one_or_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    write_site(Path(), {"index.html": "new"})
    assert (tmp_path / "here" / "index.html").read_text() == "new"
    real = tmp_path / "real"
    write_site(real, {"index.html": "old"})
    (tmp_path / "link").symlink_to(real)
    write_site(tmp_path / "link", {"index.html": "new"})
    assert (tmp_path / "link").is_symlink()  # the link still leads to the new site
    assert (real / "index.html").read_text() == "new"
