"""The one exception hierarchy. `cli.py` turns these into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from factcheck.escape import visible


class ExitCode:
    """Documented exit codes (docs/errors.md)."""

    OK = 0
    INVALID_INPUT = 1
    USAGE = 2
    GATE = 3  # --fail-on matched, or a verdict differs from the claim's `expect`
    INTERNAL = 70  # a bug: EX_SOFTWARE from sysexits.h
    INTERRUPTED = 130


@dataclass(frozen=True)
class PhraseStatus:
    """Where a source's phrase stands in its document (docs/provenance.md): `found` (with
    its page label and offsets in that page's text), `missing` or `ambiguous`."""

    text: str
    status: str
    page: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file, located as precisely as we can."""

    path: str
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when unknown
    message: str
    code: str
    key_path: str = ""
    severity: str = "error"  # error | warning | info (a phrase found: JSON output only)
    phrase: PhraseStatus | None = field(default=None, compare=False)

    def format(self) -> str:
        """One line, `path:line:col: key: message [CODE]`, with every control, line break
        and bidi control from the input (a file name, a key) shown escaped (escape.py)."""
        where = visible(self.path)
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        key = f" {visible(self.key_path)}:" if self.key_path else ""
        return f"{where}:{key} {visible(self.message)} [{self.code}]"


class FactcheckError(Exception):
    """Base class of every error factcheck reports to its user."""


class SettingError(FactcheckError):
    """An environment variable or option holds a value out of its range: a usage error
    (exit 2), like a bad option."""


class InputError(FactcheckError):
    """One or more input files are invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


def problem_at(
    path: Path | str,
    message: str,
    code: str,
    line: int = 0,
    column: int = 0,
    key_path: str = "",
) -> Problem:
    return Problem(
        path=str(path), line=line, column=column, message=message, code=code, key_path=key_path
    )


# Every problem code factcheck emits, with a short title: the one registry that docs and
# tests read (docs/errors.md explains each code; tests/test_check.py keeps all three in step).
# A code's meaning never changes once released; retire a code rather than reuse it.
CODES: dict[str, str] = {
    # FC1xx: reading the file
    "FC101": "file not found or unreadable",
    "FC102": "invalid YAML",
    "FC103": "empty file",
    "FC104": "top level is not a mapping",
    "FC105": "file larger than the size limit",
    "FC106": "not UTF-8 text",
    "FC107": "nested too deeply",
    "FC108": "YAML tag not allowed",
    "FC109": "key is not a plain word",
    "FC110": "duplicate key",
    "FC111": "not a real date",
    "FC112": "YAML alias not allowed",
    "FC113": "not a YAML file",
    # FC2xx: the claim or source format
    "FC201": "missing required key",
    "FC202": "unknown key",
    "FC203": "wrong type or value",
    "FC204": "invalid id",
    "FC205": "value breaks a rule",
    "FC206": "source file given where a claim is expected",
    "FC207": "claim has no sources and no figures",
    "FC208": "neither a claim nor a source",
    # FC3xx: source paths
    "FC301": "source file not found",
    "FC302": "source path loops through symlinks",
    "FC303": "source path leaves the repository",
    "FC304": "source path is a directory",
    # FC4xx: relations between figures
    "FC401": "figure id used twice",
    "FC402": "relation names no figure",
    "FC403": "figure names itself",
    "FC404": "part_of cycle",
    "FC405": "part and whole in different units",
    "FC406": "part larger than its whole",
    "FC407": "disjoint_with contradicts part_of",
    "FC408": "overlap_statement names no statement of the source",
    "FC409": "superseded_by cycle",
    "FC410": "revision not published after the figure it replaces",
    "FC411": "revision in another unit",
    # FC5xx: warnings from `factcheck check` (fail only with --strict); FC503, a draft's
    # TODO, is an error unless --allow-draft
    "FC501": "quote does not contain the figure's number",
    "FC502": "figure has no described_as",
    "FC503": "placeholder still to be filled in",
    "FC504": "no figure in the claim's unit",
    "FC505": "claim text does not contain its value",
    # FC52x: warnings about what the published formats (HTML, Markdown, ClaimReview) show
    "FC520": "figure that can reach a verdict has no label",
    "FC521": "claim text longer than ClaimReview's 75 characters",
    "FC522": "ClaimReview's review_url or publisher not configured",
    # FC7xx: the document behind a source (`document:`), checked by `check` and `verify`
    "FC700": "phrase found in the document (listed in JSON only)",
    "FC701": "document not found or unreadable",
    "FC702": "document path leaves the repository",
    "FC703": "document cannot be read",
    "FC704": "document's sha256 differs",
    "FC705": "document's page count differs",
    "FC706": "quote not in the document",
    "FC707": "phrase not in the document",
    "FC708": "quote on another page than the figure's",
    "FC709": "figure's value not in its quote or table cell",
    "FC710": "table cell not in the document",
    "FC711": "quote found on several pages",
    "FC712": "flow list splits a phrase at its commas",
    "FC713": "no page with this label in the document",
    # FC6xx: configuration (factcheck.toml, [tool.factcheck])
    "FC601": "configuration file unreadable",
    "FC602": "configuration key unknown or of the wrong type",
    "FC603": "configuration value inconsistent",
    "FC604": "FACTCHECK_REVIEWED is not a date",
    "FC605": "SOURCE_DATE_EPOCH is not a whole number of seconds",
    # FC8xx: a site (`factcheck site`)
    "FC801": "two claim files with one id",
    "FC802": "two source files with one id",
}
