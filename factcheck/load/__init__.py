"""YAML files -> validated models, with every problem located as file:line:col and key path.

The way through, one module each:

- text.py: the file's text, refused early when it is no YAML file (size, encoding, NUL);
- reader.py: read_document, which parses with events.py (libyaml's events, fast) or
  nodes.py (PyYAML's composer, for a broken file's precise message), both turning YAML
  into plain data by the same rules (scalars.py), into a document.py Document whose
  marks.py Marks say where each key and value stands;
- validation.py: the models' validation, each pydantic error made a located Problem;
- claims.py: load_claim, which loads a claim and the sources it names into a case.py Case;
- sources.py: where a named source may be, and the SourceCache that reads each file once;
- relations.py: the rules between figures (unique ids, part_of, no circles, ancestors);
- limits.py: the bounds on a file and on the problems listed.
"""

from __future__ import annotations

from factcheck.load.case import Case, FigureOrigin, LoadedSource
from factcheck.load.claims import claim_case, load_claim
from factcheck.load.document import Document, KeyPath, Parsed, format_key_path
from factcheck.load.events import PURE_PYTHON_BYTES
from factcheck.load.events import read_events as _read_events  # tests/test_fuzz.py
from factcheck.load.limits import (
    DEFAULT_MAX_FILE_BYTES,
    MAX_DEPTH,
    MAX_FILE_BYTES_ENV,
    MAX_ITEMS,
    MAX_PROBLEMS,
    MAX_VALUES,
    max_file_bytes,
)
from factcheck.load.links import check_links
from factcheck.load.nodes import read_nodes as _read_nodes  # tests/test_fuzz.py
from factcheck.load.reader import read_document
from factcheck.load.relations import MAX_WHOLES, ancestors, check_figures
from factcheck.load.sources import ROOT_MARKERS, SourceCache, find_root, resolve_source_path
from factcheck.load.validation import ModelT, validate

__all__ = [
    "DEFAULT_MAX_FILE_BYTES",
    "MAX_DEPTH",
    "MAX_FILE_BYTES_ENV",
    "MAX_ITEMS",
    "MAX_PROBLEMS",
    "MAX_VALUES",
    "MAX_WHOLES",
    "PURE_PYTHON_BYTES",
    "ROOT_MARKERS",
    "Case",
    "Document",
    "FigureOrigin",
    "KeyPath",
    "LoadedSource",
    "ModelT",
    "Parsed",
    "SourceCache",
    "_read_events",
    "_read_nodes",
    "ancestors",
    "check_figures",
    "check_links",
    "claim_case",
    "find_root",
    "format_key_path",
    "load_claim",
    "max_file_bytes",
    "read_document",
    "resolve_source_path",
    "validate",
]
