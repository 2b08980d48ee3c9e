"""Renderers depend on the models and small tables (bands, wording, kinds, units), never on
the engine: a renderer can be read, and changed, without knowing the judge."""

from __future__ import annotations

import subprocess
import sys

ENGINE = ("factcheck.judge", "factcheck.search", "factcheck.load", "factcheck.series")
RENDERERS = ("terminal", "markdown", "claimreview")


def test_no_renderer_imports_the_engine() -> None:
    # A fresh interpreter: this test process has imported everything already.
    imports = "; ".join(f"import factcheck.render.{name}" for name in RENDERERS)
    code = f"import sys; {imports}; print('\\n'.join(sorted(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert [name for name in loaded if name.startswith(ENGINE)] == []
