"""factcheck.render.problems: text, JSON and GitHub Actions output of `factcheck check`."""

from __future__ import annotations

import json
import re

import pytest

from factcheck.errors import Problem
from factcheck.render.problems import (
    RENDERERS,
    counts,
    escape_data,
    escape_property,
    render_github,
    render_json,
    render_step_summary,
    render_text,
)

PROBLEMS = [
    Problem("claims/a.yaml", 0, 0, "file not found", "FC101"),
    Problem("claims/b.yaml", 12, 5, "expected a number, got 'x'", "FC203", "figures[2].value"),
    Problem("claims/b.yaml", 14, 0, "quote lacks 448,000", "FC501", "figures[2].quote", "warning"),
]

# The runner's parser (actions/runner ActionCommand): `::name k=v,k=v::data`.
COMMAND = re.compile(r"^::(?P<name>[a-z]+)(?: (?P<props>[^:]*))?::(?P<data>.*)$")


def unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ",")):
        text = text.replace(escaped, char)
    return text.replace("%25", "%")


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, f"not a workflow command: {line!r}"
    props = {}
    for pair in (match["props"] or "").split(","):
        if pair:
            key, _, value = pair.partition("=")
            props[key] = unescape_property(value)
    return match["name"], props, unescape_data(match["data"])


def test_text_one_line_per_problem() -> None:
    assert render_text(PROBLEMS) == (
        "claims/a.yaml: error: file not found [FC101]\n"
        "claims/b.yaml:12:5: error: figures[2].value: expected a number, got 'x' [FC203]\n"
        "claims/b.yaml:14:1: warning: figures[2].quote: quote lacks 448,000 [FC501]\n"
    )
    assert render_text([]) == ""


def test_json_is_a_stable_documented_list() -> None:
    text = render_json(PROBLEMS)
    assert text == render_json(list(PROBLEMS))
    data = json.loads(text)
    assert [list(item) for item in data] == [
        ["path", "line", "column", "severity", "code", "title", "key_path", "message"]
    ] * 3
    assert data[0] == {
        "path": "claims/a.yaml",
        "line": None,
        "column": None,
        "severity": "error",
        "code": "FC101",
        "title": "file not found or unreadable",
        "key_path": None,
        "message": "file not found",
    }
    assert data[2]["column"] == 1 and data[2]["severity"] == "warning"
    assert render_json([]) == "[]\n"


def test_github_groups_per_file_with_valid_commands() -> None:
    lines = render_github(PROBLEMS).splitlines()
    assert lines == [
        "::group::claims/a.yaml (1 error)",
        "::error file=claims/a.yaml,title=FC101::file not found",
        "::endgroup::",
        "::group::claims/b.yaml (1 error and 1 warning)",
        "::error file=claims/b.yaml,line=12,col=5,title=FC203::figures[2].value: expected a "
        "number, got 'x'",
        "::warning file=claims/b.yaml,line=14,col=1,title=FC501::figures[2].quote: quote lacks "
        "448,000",
        "::endgroup::",
    ]
    for line in lines:
        parse_command(line)
    assert render_github([]) == ""


def test_github_escapes_as_the_actions_toolkit_does() -> None:
    nasty = Problem("dir,x/a:b%.yaml", 3, 2, "100% sure: a, b", "FC205")
    [_, line, _] = render_github([nasty]).splitlines()
    assert line == "::error file=dir%2Cx/a%3Ab%25.yaml,line=3,col=2,title=FC205::100%25 sure: a, b"
    name, props, data = parse_command(line)
    assert (name, props, data) == (
        "error",
        {"file": "dir,x/a:b%.yaml", "line": "3", "col": "2", "title": "FC205"},
        "100% sure: a, b",
    )


def test_github_shows_line_breaks_and_controls_from_inputs_escaped() -> None:
    # A file named to start a workflow command of its own on a new line, and a message
    # with line breaks and an escape sequence: each stays on its one line, shown escaped.
    nasty = Problem(
        "a\n::error file=x::pwned.yaml", 3, 2, "100% sure\r\nline two \x1b[2J\u202e", "FC205"
    )
    output = render_github([nasty])
    [group, line, end] = output.splitlines()
    assert group.startswith("::group::") and end == "::endgroup::"
    assert all(not part.startswith("::error file=x") for part in output.split("\n"))
    name, props, data = parse_command(line)
    assert name == "error"
    assert props["file"] == "a\\x0a::error file=x::pwned.yaml"
    assert data == "100% sure\\x0d\\x0aline two \\x1b[2J<U+202E>"
    assert "\x1b" not in output and "\u202e" not in output and "\r" not in output


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("%", "%25", "%25"),
        ("%0A", "%250A", "%250A"),
        ("a\rb\nc", "a%0Db%0Ac", "a%0Db%0Ac"),
        ("k:v,w", "k:v,w", "k%3Av%2Cw"),
    ],
)
def test_escape_functions(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop
    assert unescape_data(data) == text
    assert unescape_property(prop) == text


def test_step_summary_table() -> None:
    summary = render_step_summary([*PROBLEMS, Problem("x.yaml", 1, 1, "a | b <script>", "FC102")])
    assert summary.startswith("### factcheck check\n\n3 errors and 1 warning in 3 files.\n")
    assert (
        "| `claims/b.yaml` | 12:5 | error | FC203 | figures\\[2\\].value: expected a number"
        in summary
    )
    assert "| `claims/a.yaml` |  | error | FC101 | file not found |" in summary
    assert "a \\| b \\<script\\>" in summary
    assert render_step_summary([]) == "### factcheck check\n\nNo problems found.\n\n"


@pytest.mark.parametrize(
    "key",
    [
        "[Approve this PR](https://evil.example/)",
        "![x](https://evil.example/t.png)",
        "<img src=https://evil.example/t.png>",
        "&lt;b&gt;",
        "a\n\n**Ruling: True.**",
        "| forged | cells |",
    ],
)
def test_step_summary_makes_no_markup_from_an_input(key: str) -> None:
    problem = Problem(f"claims/{key}.yaml", 4, 1, f"unknown key {key!r}", "FC202", key_path=key)
    summary = render_step_summary([problem])
    row = summary.splitlines()[-1] if summary.endswith("|") else summary.splitlines()[-2]
    assert row.count(" | ") == 4  # five cells, none forged
    unescaped = row.replace("\\\\", "")
    for special in "[]()!<>&*":
        # every markup character outside the code span of the file name is escaped
        cells = unescaped.split(" | ")[1:]
        for cell in cells:
            assert all(cell[k - 1] == "\\" for k, c in enumerate(cell) if c == special and k), cell
    assert "\n\n**Ruling" not in summary


def test_step_summary_is_bounded() -> None:
    many = [Problem(f"c{i:04}.yaml", 1, 1, "m", "FC102") for i in range(1200)]
    summary = render_step_summary(many)
    assert summary.count("| FC102 |") == 500
    assert "700 more not shown here" in summary


def test_counts() -> None:
    assert counts([]) == "no problems"
    assert counts(PROBLEMS) == "2 errors and 1 warning in 2 files"
    assert counts(PROBLEMS[2:], files=False) == "1 warning"


def test_renderers_are_chosen_by_format() -> None:
    assert set(RENDERERS) == {"text", "json", "github"}
    assert RENDERERS["text"] is render_text
