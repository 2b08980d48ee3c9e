"""The hostile and broken inputs that tests/test_hostile.py runs, and how to make them.

The committed inputs live in tests/cases/nasty/ (see its README); those too big, too odd or
too machine-specific to commit (2 MB files, 10,000 figures, NUL bytes, symlink loops, named
pipes) are written into a test's claims repository by the builders below.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.conftest import REPO

NASTY = REPO / "tests" / "cases" / "nasty"

CLAIM = """\
id: hostile
text: "They lost 1,000 people."
speaker: Someone
date: 2024-01-01
value: 1000
unit: people
asserts: lost
"""


# libyaml's emitter writes the same flow values as PyYAML's own, three times as fast (the
# big cases' lists of 20,000 names and 19,000 groups took over a second each to write).
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def claim(**fields: object) -> str:
    """The claim above with fields added or replaced (YAML flow values)."""
    lines = dict(line.split(": ", 1) for line in CLAIM.splitlines())
    lines.update(
        {
            key: yaml.dump(value, Dumper=DUMPER, default_flow_style=True, width=10**9)
            .strip()
            .removesuffix("\n...")
            for key, value in fields.items()
        }
    )
    return "".join(f"{key}: {value}\n" for key, value in lines.items())


def source(figures: list[str], **fields: str) -> str:
    """A source file with the given figure lines (each a YAML flow mapping)."""
    head = {
        "id": "generated",
        "title": '"Generated"',
        "publisher": "Generator",
        "published": "2024-01-01",
        **fields,
    }
    body = "".join(f"  - {figure}\n" for figure in figures)
    return "".join(f"{key}: {value}\n" for key, value in head.items()) + "figures:\n" + body


# --- the cases ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Hostile:
    """One hostile input: how to make it, what to run it on, what must come out."""

    name: str
    build: Callable[[Path], list[str]] | None  # writes into the repo, returns the args
    exit: int | dict[str, int]  # expected exit code (per command where they differ)
    codes: tuple[str, ...] = ()  # problem codes that must appear
    named: str | None = None  # the file every message must name (default: the input)
    line: bool = True  # the problem has a line to name
    output: str = ""  # text the output (stdout + stderr) must hold
    verdict: str = ""  # text `verify`'s verdict output must hold
    known_bug: str = ""  # why `verify` misses the on-demand bound (xfail there, not strict)

    def expected_exit(self, command: str) -> int:
        return self.exit if isinstance(self.exit, int) else self.exit[command]


def nasty(name: str, exit: int, *codes: str, **extra: object) -> Hostile:
    """A committed case: tests/cases/nasty/<name>.yaml, copied into the repo."""
    return Hostile(name, None, exit, codes, **extra)  # type: ignore[arg-type]


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _claim_file(repo: Path, name: str, content: str | bytes) -> list[str]:
    _write(repo / "claims" / name, content)
    return [f"claims/{name}"]


def bom_crlf(repo: Path) -> list[str]:
    text = claim(sources=["../nasty/source_base.yaml"]).replace("\n", "\r\n")
    return _claim_file(repo, "bom_crlf.yaml", b"\xef\xbb\xbf" + text.encode())


def bom_crlf_typo(repo: Path) -> list[str]:
    text = claim(sources=["../nasty/source_base.yaml"]).replace("unit:", "unti:")
    return _claim_file(
        repo, "bom_crlf_typo.yaml", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
    )


def nul_byte(repo: Path) -> list[str]:
    return _claim_file(repo, "nul.yaml", CLAIM.encode() + b"venue: a\x00b\n")


def not_utf8(repo: Path) -> list[str]:
    return _claim_file(repo, "latin1.yaml", CLAIM.encode() + "venue: Caf\u00e9\n".encode("latin-1"))


def utf16(repo: Path) -> list[str]:
    return _claim_file(repo, "utf16.yaml", CLAIM.encode("utf-16"))


def random_bytes(repo: Path) -> list[str]:
    return _claim_file(repo, "random.yaml", bytes(range(256)) * 64)


def overlong_line(repo: Path) -> list[str]:
    # 900,000 characters on one line, under the 1 MiB limit: read, and verified.
    text = claim(sources=["../nasty/source_base.yaml"])
    return _claim_file(repo, "overlong.yaml", text + f'venue: "{"x" * 900_000}"\n')


def overlong_broken_line(repo: Path) -> list[str]:
    # A broken file too big for the pure-Python parser's precise wording in time: a quote
    # opened on line 8 and never closed, found only at the end of 900,000 characters.
    return _claim_file(repo, "overlong_broken.yaml", CLAIM + 'venue: "' + "x " * 450_000 + "\n")


def two_megabytes(repo: Path) -> list[str]:
    return _claim_file(repo, "two_mb.yaml", CLAIM + f"# {'x' * 2_000_000}\n")


def deep_flow_100000(repo: Path) -> list[str]:
    return _claim_file(repo, "deep_flow.yaml", CLAIM + "venue: " + "[" * 100_000 + "\n")


def deep_block_nesting(repo: Path) -> list[str]:
    lines = "".join(" " * (2 * depth) + "a:\n" for depth in range(1, 500))
    return _claim_file(repo, "deep_block.yaml", CLAIM + "venue:\n" + lines + " " * 1000 + "b: 1\n")


def dense_list(repo: Path) -> list[str]:
    # A megabyte of "1,": 500,000 values, refused at the 20,001st item of the list.
    return _claim_file(repo, "dense.yaml", CLAIM + "venue: [" + "1," * 500_000 + "1]\n")


def dense_values(repo: Path) -> list[str]:
    # 25 lists of 10,000 values each: refused at the 200,001st value of the file.
    lists = ", ".join("[" + ", ".join(["1"] * 10_000) + "]" for _ in range(25))
    return _claim_file(repo, "dense_values.yaml", CLAIM + f"venue: [{lists}]\n")


def source_named_20000_times(repo: Path) -> list[str]:
    # A claim that names itself as its source 19,999 times: read once, reported once.
    name = "../claims/itself.yaml"
    return _claim_file(repo, "itself.yaml", CLAIM + f"sources: [{', '.join([name] * 19_999)}]\n")


def many_aliases(repo: Path) -> list[str]:
    # 190,000 aliases (19 lists, each under the 20,000-item limit): each one is a problem;
    # the first hundred are listed, and one line counts the rest.
    aliases = ", ".join(["*a"] * 10_000)
    lists = "".join(f"b{index}: [{aliases}]\n" for index in range(19))
    return _claim_file(repo, "aliases.yaml", "a: &a x\n" + lists)


def many_duplicate_keys(repo: Path) -> list[str]:
    return _claim_file(repo, "duplicates.yaml", CLAIM + "value: 1\n" * 19_000)


def many_errors(repo: Path) -> list[str]:
    figures = [f"{{id: f{i}, value: x, unit: 3, qualifier: q}}" for i in range(12_000)]
    _write(repo / "sources" / "errors.yaml", source(figures))
    return _claim_file(repo, "many_errors.yaml", claim(sources=["../sources/errors.yaml"]))


def ten_thousand_figures(repo: Path) -> list[str]:
    figures = [
        f"{{id: f{i}, value: {1000 + 7 * i}, unit: people, described_as: [lost]}}"
        for i in range(10_000)
    ]
    _write(repo / "sources" / "big.yaml", source(figures))
    return _claim_file(repo, "big.yaml", claim(value=25_000, sources=["../sources/big.yaml"]))


def max_terms_12_on_200(repo: Path) -> list[str]:
    figures = [
        f"{{id: f{i}, value: {1000 + 13 * i}, unit: people, described_as: [lost]}}"
        for i in range(200)
    ]
    _write(repo / "sources" / "two_hundred.yaml", source(figures))
    return _claim_file(
        repo,
        "twelve_terms.yaml",
        claim(value=20_000, max_terms=12, sources=["../sources/two_hundred.yaml"]),
    )


def max_terms_all_on_10000(repo: Path) -> list[str]:
    args = ten_thousand_figures(repo)
    claim_file = repo / args[0]
    claim_file.write_text(
        claim_file.read_text().replace("value: 25000", "value: 25000\nmax_terms: all")
    )
    return args


def series(kind: str, figures: int) -> Callable[[Path], list[str]]:
    """One series of daily stocks (as_of) or one-day flows (period), `figures` long."""

    def build(repo: Path) -> list[str]:
        start = dt.date(1900, 1, 1)
        lines = []
        for i in range(figures):
            day = start + dt.timedelta(days=i)
            when = f"as_of: {day}" if kind == "stocks" else f"period: {{start: {day}, end: {day}}}"
            lines.append(
                f"{{id: {kind}_{i}, value: {1000 + i % 7}, unit: people, {when}, "
                f"series: {kind}, described_as: [lost]}}"
            )
        _write(repo / "sources" / "series.yaml", source(lines))
        return _claim_file(
            repo, "series.yaml", claim(value=2500, sources=["../sources/series.yaml"])
        )

    return build


def part_of_cycle_3000(repo: Path) -> list[str]:
    figures = ["{id: f0, value: 100, unit: people, part_of: f2999}"]
    figures += [
        f"{{id: f{k}, value: 100, unit: people, part_of: f{k - 1}}}" for k in range(1, 3000)
    ]
    _write(repo / "sources" / "cycle.yaml", source(figures))
    return _claim_file(repo, "cycle.yaml", claim(sources=["../sources/cycle.yaml"]))


def part_of_chain(figures: int) -> Callable[[Path], list[str]]:
    """f1 part of f0, f2 part of f1, ...: valid up to 64 wholes, refused beyond."""

    def build(repo: Path) -> list[str]:
        lines = ["{id: f0, value: 100000, unit: people}"]
        lines += [
            f"{{id: f{k}, value: {100000 - k}, unit: people, part_of: f{k - 1}}}"
            for k in range(1, figures)
        ]
        _write(repo / "sources" / "chain.yaml", source(lines))
        value = 100000 - figures + 1  # the innermost figure
        return _claim_file(
            repo, "chain.yaml", claim(value=value, sources=["../sources/chain.yaml"])
        )

    return build


def unknown_wholes(repo: Path) -> list[str]:
    # 10,000 figures that each name a whole that does not exist ("did you mean" is costly).
    figures = [
        f"{{id: figure_{i}, value: 1, unit: people, part_of: figure_x{i}}}" for i in range(10_000)
    ]
    _write(repo / "sources" / "unknown.yaml", source(figures))
    return _claim_file(repo, "unknown.yaml", claim(sources=["../sources/unknown.yaml"]))


def symlink_loop(repo: Path) -> list[str]:
    loop = repo / "sources" / "loop.yaml"
    loop.parent.mkdir(exist_ok=True)
    loop.symlink_to(loop)
    (repo / "sources" / "ping.yaml").symlink_to(repo / "sources" / "pong.yaml")
    (repo / "sources" / "pong.yaml").symlink_to(repo / "sources" / "ping.yaml")
    sources = ["../sources/loop.yaml", "../sources/ping.yaml"]
    return _claim_file(repo, "loop.yaml", claim(sources=sources))


def symlink_out(repo: Path) -> list[str]:
    (repo / "sources").mkdir(exist_ok=True)
    (repo / "sources" / "passwd.yaml").symlink_to("/etc/passwd")
    (repo / "sources" / "up").symlink_to("../..")
    sources = ["../sources/passwd.yaml", "../sources/up/outside.yaml", "../../outside.yaml"]
    _write(repo.parent / "outside.yaml", (NASTY / "source_base.yaml").read_text())
    return _claim_file(repo, "symlink_out.yaml", claim(sources=sources))


def same_source_by_symlink(repo: Path) -> list[str]:
    (repo / "sources").mkdir(exist_ok=True)
    (repo / "sources" / "alias.yaml").symlink_to("../nasty/source_base.yaml")
    sources = [
        "../nasty/source_base.yaml",
        "../sources/alias.yaml",
        "../sources/../nasty/source_base.yaml",
    ]
    return _claim_file(repo, "by_symlink.yaml", claim(sources=sources))


def named_pipe_source(repo: Path) -> list[str]:
    (repo / "sources").mkdir(exist_ok=True)
    os.mkfifo(repo / "sources" / "pipe.yaml")
    return _claim_file(repo, "pipe.yaml", claim(sources=["../sources/pipe.yaml"]))


def named_pipe_claim(repo: Path) -> list[str]:
    (repo / "claims").mkdir(exist_ok=True)
    os.mkfifo(repo / "claims" / "pipe.yaml")
    return ["claims/pipe.yaml"]


def device_claim(repo: Path) -> list[str]:
    return ["/dev/zero"]


def etc_passwd_claim(repo: Path) -> list[str]:
    return ["/etc/passwd"]


def unreadable_claim(repo: Path) -> list[str]:
    args = _claim_file(repo, "unreadable.yaml", CLAIM)
    (repo / args[0]).chmod(0)
    return args


def many_sources(repo: Path) -> list[str]:
    # One claim naming 20,000 sources that do not exist.
    sources = [f"../sources/missing_{i}.yaml" for i in range(20_000)]
    return _claim_file(repo, "many_sources.yaml", claim(sources=sources))


def nul_in_source_path(repo: Path) -> list[str]:
    text = CLAIM + 'sources: ["../nasty/source_base.yaml\\0.txt", "' + "x" * 5000 + '"]\n'
    return _claim_file(repo, "nul_path.yaml", text)


# --- the lexicon: many or long wordings (issue 13) -------------------------------------------
# Each claim names a figure of the value it claims, so that the figure is the basis and all
# its wordings are read against all the claim's; matching must stay near-linear.


def _wordings_case(
    repo: Path, synonyms: object, described_as: list[str], **fields: object
) -> list[str]:
    figure = f"{{id: f, value: 1000, unit: people, described_as: {_flow(described_as)}}}"
    _write(repo / "sources" / "words.yaml", source([figure]))
    content = claim(synonyms=synonyms, sources=["../sources/words.yaml"], **fields)
    return _claim_file(repo, "words.yaml", content)


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def _terms(prefix: str, count: int) -> list[str]:
    """Distinct wordings that share words with each other and with "lost"'s group."""
    shared = ("missing", "ran", "run", "leaves", "left", "gone", "away", "children", "lost")
    return [
        f"{prefix}{i} {shared[i % len(shared)]} {shared[i * 7 % len(shared)]}" for i in range(count)
    ]


def synonyms_against_described_as(synonyms: int, described_as: int) -> Callable[[Path], list[str]]:
    def build(repo: Path) -> list[str]:
        terms = _terms("word", synonyms)
        return _wordings_case(repo, {"lost": terms}, _terms("term", described_as))

    return build


def many_synonym_groups(repo: Path) -> list[str]:
    # 19,000 groups that all list the claim's word: its wordings are all of them.
    groups = {f"group{i}": ["lost", f"word{i} missing"] for i in range(19_000)}
    return _wordings_case(repo, groups, _terms("term", 2_000))


def long_wordings(repo: Path) -> list[str]:
    # Ten 20,000-word synonyms against 20,000-word wordings that match all but the last
    # word of each: a walk forwards from each word would take 20,000 x 20,000 steps.
    long = " ".join(["m"] * 20_000)
    synonyms = {"lost": [f"{long} end{i}" for i in range(10)]}
    return _wordings_case(repo, synonyms, [long] * 4 + [f"not {long} end0", f"{long} end0"])


def many_also_asserts(repo: Path) -> list[str]:
    # 5,000 further words of the claim, each read against 5,000 wordings of the basis.
    words = [f"asserted{i}" for i in range(5_000)]
    return _wordings_case(repo, {}, _terms("term", 5_000), also_asserts=words)


def directory_of_hostiles(repo: Path) -> list[str]:
    # A batch over a folder of broken claims: each is reported, the batch goes on.
    batch = repo / "claims" / "batch"
    batch.mkdir(parents=True)
    for name in (
        "billion_laughs",
        "python_object_apply",
        "tabs",
        "weird_numbers",
        "same_source_twice",
        "source_base",
    ):
        shutil.copy(NASTY / f"{name}.yaml", batch)
    return ["claims/batch/"]


# --- issue 13: what YAML 1.1 misreads, characters no output can hold, look-alikes, names ---


def _claim_line(name: str, line: str, **fields: object) -> Callable[[Path], list[str]]:
    """The base claim (naming the base source) with one more YAML line, written as is."""

    def build(repo: Path) -> list[str]:
        text = claim(sources=["../nasty/source_base.yaml"], **fields)
        return _claim_file(repo, f"{name}.yaml", text + line)

    return build


def _replaced(name: str, old: str, new: str) -> Callable[[Path], list[str]]:
    """The base claim (naming the base source) with one line replaced."""

    def build(repo: Path) -> list[str]:
        text = claim(sources=["../nasty/source_base.yaml"])
        assert old in text
        return _claim_file(repo, f"{name}.yaml", text.replace(old, new))

    return build


def _source_line(name: str, line: str) -> Callable[[Path], list[str]]:
    """A claim naming a source whose figure has one more flow-mapping entry."""

    def build(repo: Path) -> list[str]:
        figure = f"{{id: total, value: 1000, unit: people, described_as: [lost], {line}}}"
        _write(repo / "sources" / f"{name}.yaml", source([figure]))
        return _claim_file(repo, f"{name}.yaml", claim(sources=[f"../sources/{name}.yaml"]))

    return build


def nfd_source_name(repo: Path) -> list[str]:
    # The claim names sources/café.yaml (NFC, as typed); the file was saved as NFD.
    nfd = unicodedata.normalize("NFD", "café")
    _write(repo / "sources" / f"{nfd}.yaml", (NASTY / "source_base.yaml").read_text())
    return _claim_file(repo, "nfd.yaml", claim(sources=["../sources/café.yaml"]))


def _named_file(name: str) -> Callable[[Path], list[str]]:
    """A claim (missing its `unit`, so that problem lines name it) saved under name."""

    def build(repo: Path) -> list[str]:
        text = claim(sources=["../nasty/source_base.yaml"]).replace("unit: people\n", "")
        _write(repo / "claims" / name, text)
        return ["claims/"]

    return build


def undecodable_file_name(repo: Path) -> list[str]:
    # A name that is not UTF-8 (saved by another system): Python holds it as surrogates.
    folder = repo / "claims"
    folder.mkdir(parents=True, exist_ok=True)
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.yaml"), "w") as handle:  # noqa: PTH118, PTH123
        handle.write(CLAIM)
    return ["claims/"]


def folder_past_the_path_limit(repo: Path) -> list[str]:
    # A valid claim, and beside it a folder nested past PATH_MAX: the claim is judged.
    _claim_file(repo, "ok.yaml", claim(sources=["../nasty/source_base.yaml"]))
    (repo / "claims" / "deep").mkdir()
    descriptor = os.open(repo / "claims" / "deep", os.O_RDONLY)
    try:
        for _ in range(25):
            os.mkdir("d" * 200, dir_fd=descriptor)
            inner = os.open("d" * 200, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
        with os.fdopen(os.open("c.yaml", os.O_WRONLY | os.O_CREAT, dir_fd=descriptor), "w") as f:
            f.write(CLAIM)
    except BaseException:
        os.close(descriptor)
        raise
    os.close(descriptor)
    return ["claims/"]


def _url_source(repo: Path) -> list[str]:
    _write(
        repo / "sources" / "usrc.yaml",
        source(
            ["{id: total, value: 1000, unit: people, described_as: [lost]}"],
            url='"https://a.example/\\u202Efdp.exe"',
        ),
    )
    return _claim_file(repo, "usrc.yaml", claim(sources=["../sources/usrc.yaml"]))


ISSUE_13: list[Hostile] = [
    # lone surrogates and escapes past U+10FFFF: verify crashed on them, check passed them
    Hostile(
        "surrogate_in_text",
        _replaced("surr", '"They lost 1,000 people."', '"They lost \\uD800"'),
        1,
        ("FC106",),
    ),
    Hostile(
        "surrogate_pair_escaped", _claim_line("pair", 'venue: "\\uD83D\\uDE00"\n'), 1, ("FC106",)
    ),
    Hostile("surrogate_in_a_key", _claim_line("skey", '"\\udfff": 1\n'), 1, ("FC106",)),
    Hostile(
        "surrogate_in_a_source",
        _source_line("ssrc", 'quote: "\\U0000DC00"'),
        1,
        ("FC106",),
        named="ssrc.yaml",
    ),
    Hostile("escape_past_unicode", _claim_line("past", 'venue: "\\U00110000"\n'), 1, ("FC106",)),
    # YAML 1.1's readings where a number or a count is expected
    Hostile(
        "octal_value",
        _replaced("octal", "value: 1000", "value: 0325000"),
        1,
        ("FC205",),
        output="octal number (as 109,056); write 325000",
    ),
    Hostile(
        "base_60_value",
        _replaced("b60", "value: 1000", "value: 3:1"),
        1,
        ("FC205",),
        output="base 60 (as 181)",
    ),
    Hostile(
        "boolean_count",
        _claim_line("yes", "max_terms: yes\n"),
        1,
        ("FC205",),
        output="the boolean true",
    ),
    Hostile(
        "octal_in_a_source",
        _source_line("osrc", "precision: 010"),
        1,
        ("FC205",),
        named="osrc.yaml",
        output="write 10",
    ),
    Hostile(
        "date_as_a_number",
        _replaced("date", "date: 2024-01-01", "date: 20240923"),
        1,
        ("FC203",),
        output="YYYY-MM-DD",
    ),
    # control characters in URLs, refused at load with file and line
    Hostile(
        "url_line_break",
        _claim_line("url", 'url: "https://x.example/a\\n\\n**Ruling: True.**"\n'),
        1,
        ("FC205",),
        output="U+000A",
    ),
    Hostile("url_bidi_in_a_source", _url_source, 1, ("FC205",), named="usrc.yaml", output="U+202E"),
    # look-alike letters and Unicode normalisation
    Hostile(
        "lookalike_key",
        _replaced("lkey", "value: 1000", "v\u0430lue: 1000"),
        1,
        ("FC202",),
        output="U+0430 CYRILLIC SMALL LETTER A",
    ),
    Hostile(
        "lookalike_part_of",
        _source_line("lpart", "part_of: t\u03bftal"),
        1,
        ("FC402",),
        named="lpart.yaml",
        output="U+03BF GREEK SMALL LETTER OMICRON",
    ),
    Hostile(
        "lookalike_qualifier",
        _claim_line("lqual", "qualifier: \uff41bout\n"),
        1,
        ("FC203",),
        output="U+FF41",
    ),
    Hostile(
        "lookalike_id",
        _replaced("lid", "id: hostile", "id: h\u043estile"),
        1,
        ("FC204",),
        output="U+043E",
    ),
    Hostile(
        "nfd_source_name",
        nfd_source_name,
        1,
        ("FC301",),
        output="Unicode normalisation (NFC against NFD)",
    ),
    # file names that would start a workflow command, clear the screen, reverse the text
    Hostile(
        "workflow_command_in_a_name",
        _named_file("a\n::error file=x::pwned.yaml"),
        1,
        ("FC201",),
        named="a\\x0a::error file=x::pwned.yaml",
    ),
    Hostile(
        "escape_codes_in_a_name",
        _named_file("\x1b[2J\u202eevil.yaml"),
        1,
        ("FC201",),
        named="\\x1b[2J<U+202E>evil.yaml",
    ),
    Hostile(
        "undecodable_name",
        undecodable_file_name,
        1,
        ("FC101",),
        named="caf\\udce9.yaml",
        line=False,
    ),
    Hostile(
        "folder_past_the_path_limit",
        folder_past_the_path_limit,
        1,
        ("FC101",),
        named="claims/deep/ddd",
        line=False,
        verdict="hostile",
    ),
]


CASES: list[Hostile] = [
    # committed: tests/cases/nasty/
    nasty("billion_laughs", 1, "FC112"),
    nasty("self_alias", 1, "FC112"),
    nasty("merge_key", 1, "FC109"),
    nasty("flow_nesting_10000", 1, "FC107"),
    nasty("flow_nesting_unclosed", 1, "FC107"),
    nasty("block_nesting", 1, "FC107"),
    nasty("python_object_apply", 1, "FC108"),
    nasty("python_name", 1, "FC108"),
    nasty("tabs", 1, "FC102", output="tab character"),
    nasty("self_source", 1, "FC201", named="self_source.yaml"),
    nasty("same_source_twice", 0),
    nasty("figure_id_clash", 1, "FC401", named="source_clash.yaml", output="source_base.yaml:7"),
    nasty("directory_source", 1, "FC304"),
    nasty("etc_passwd", 1, "FC303"),
    nasty("relations", 1, "FC402", "FC403", "FC404", "FC405", "FC406", "FC407"),
    nasty("wrong_everything", 1, "FC111", "FC202", "FC203", "FC204", "FC205"),
    nasty("weird_numbers", 1, "FC205", output="out of range"),
    nasty("unicode", 1, "FC204"),
    nasty("long_strings", 1, "FC202", "FC205"),
    nasty("many_documents", 1, "FC102", output="more than one YAML document"),
    nasty("empty", 1, "FC103"),
    nasty("comments_only", 1, "FC103"),
    nasty("top_level_scalar", 1, "FC104"),
    nasty("top_level_list", 1, "FC104"),
    # generated into tmp_path
    Hostile("bom_crlf", bom_crlf, 0),
    Hostile("bom_crlf_typo", bom_crlf_typo, 1, ("FC202",), output=":6:1:"),
    Hostile("nul_byte", nul_byte, 1, ("FC106",), output=":8:1:"),
    Hostile("not_utf8", not_utf8, 1, ("FC106",), output=":8:11:"),
    Hostile("utf16", utf16, 1, ("FC106",)),
    Hostile("random_bytes", random_bytes, 1, ("FC106",)),
    Hostile("overlong_line", overlong_line, 0),
    Hostile("overlong_broken_line", overlong_broken_line, 1, ("FC102",)),
    Hostile("two_megabytes", two_megabytes, 1, ("FC105",), line=False),
    Hostile("deep_flow_100000", deep_flow_100000, 1, ("FC107",)),
    Hostile("deep_block_nesting", deep_block_nesting, 1, ("FC107",)),
    Hostile("dense_list", dense_list, 1, ("FC105",), output="more than 20,000 items"),
    Hostile("dense_values", dense_values, 1, ("FC105",), output="more than 200,000 values"),
    Hostile("source_named_20000_times", source_named_20000_times, 1, ("FC201",)),
    Hostile("many_aliases", many_aliases, 1, ("FC112",), output="189,900 more problems"),
    Hostile("many_duplicate_keys", many_duplicate_keys, 1, ("FC110",), output="more problems"),
    Hostile("many_errors", many_errors, 1, ("FC203", "FC205"), named="errors.yaml"),
    Hostile("ten_thousand_figures", ten_thousand_figures, 0, verdict="may be incomplete"),
    Hostile("max_terms_12_on_200", max_terms_12_on_200, 0, verdict="may be incomplete"),
    Hostile(
        "max_terms_all_on_10000",
        max_terms_all_on_10000,
        0,
        verdict="may be incomplete",
        known_bug="close to the bound: 1.6 s on a quiet machine, 2.2-2.5 s on a busy one; "
        "any number of terms over 10,000 figures spends the whole budget (search.py). It "
        "hung (an n x n bounds table) until the search's owner bounded that table",
    ),
    Hostile("series_of_240_flows", series("flows", 240), 0),
    # Past judge.MAX_WINDOWS windows only those that reproduce the number alone are made;
    # past judge.MAX_PAIRS stock pairs the bands are asked per match, not tabulated.
    Hostile("series_of_1000_flows", series("flows", 1000), 0),
    Hostile("series_of_3000_stocks", series("stocks", 3000), 0),
    Hostile("part_of_cycle_3000", part_of_cycle_3000, 1, ("FC404",), named="cycle.yaml"),
    Hostile("part_of_chain_65", part_of_chain(65), 0),
    Hostile(
        "part_of_chain_3000",
        part_of_chain(3000),
        1,
        ("FC205",),
        named="chain.yaml",
        output="part of more than 64 figures",
    ),
    Hostile("unknown_wholes", unknown_wholes, 1, ("FC402",), named="unknown.yaml"),
    Hostile("symlink_loop", symlink_loop, 1, ("FC302",)),
    Hostile("symlink_out", symlink_out, 1, ("FC303",)),
    Hostile("same_source_by_symlink", same_source_by_symlink, 0),
    Hostile("named_pipe_source", named_pipe_source, 1, ("FC101",), named="pipe.yaml", line=False),
    Hostile("named_pipe_claim", named_pipe_claim, 1, ("FC101",), line=False),
    Hostile("device_claim", device_claim, 1, named="/dev/zero", line=False),
    Hostile("etc_passwd_claim", etc_passwd_claim, 1, named="/etc/passwd", line=False),
    Hostile("unreadable_claim", unreadable_claim, 1, ("FC101",), line=False),
    Hostile("many_sources", many_sources, 1, ("FC301",), output="more problems"),
    Hostile("nul_in_source_path", nul_in_source_path, 1, ("FC301",), output="NUL"),
    Hostile(
        "synonyms_19000_described_as_19000",
        synonyms_against_described_as(19_000, 19_000),
        0,
        verdict="SUPPORTED",
        known_bug="the terminal table lists all 19,000 wordings of the basis figure, which "
        "Rich takes 5-8 s to lay out (render/terminal.py); --format json answers in 2-3 s",
    ),
    Hostile("synonyms_5000_described_as_10000", synonyms_against_described_as(5_000, 10_000), 0),
    Hostile("many_synonym_groups", many_synonym_groups, 0),
    Hostile("long_wordings", long_wordings, 0, verdict="SUPPORTED"),
    Hostile("many_also_asserts", many_also_asserts, 0),
    Hostile(
        "directory_of_hostiles",
        directory_of_hostiles,
        1,
        ("FC102", "FC108", "FC112"),
        named="batch/",
    ),
    *ISSUE_13,
]
# Inputs built to cost half a second of CPU or more per run (measured one by one, in-process):
# marked slow, so that .ci/run's second command runs them and the default run stays short.
STRESS = {
    "dense_values",
    "long_wordings",
    "many_also_asserts",
    "many_synonym_groups",
    "synonyms_5000_described_as_10000",
    "synonyms_19000_described_as_19000",
    "many_aliases",
    "many_errors",
    "many_sources",
    "max_terms_12_on_200",
    "max_terms_all_on_10000",
    "overlong_line",
    "part_of_chain_65",
    "part_of_chain_3000",
    "part_of_cycle_3000",
    "series_of_240_flows",
    "series_of_3000_stocks",
    "source_named_20000_times",
    "ten_thousand_figures",
    "unknown_wholes",
}
POSIX_ONLY = {
    "workflow_command_in_a_name",
    "escape_codes_in_a_name",
    "undecodable_name",
    "folder_past_the_path_limit",
    "symlink_loop",
    "symlink_out",
    "same_source_by_symlink",
    "named_pipe_source",
    "named_pipe_claim",
    "device_claim",
    "etc_passwd_claim",
    "unreadable_claim",
}
