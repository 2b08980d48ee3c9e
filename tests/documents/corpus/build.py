"""Build the corpus's PDFs from their sources, each with the producer real reports come from.

- *.fodt (flat OpenDocument text): LibreOffice Writer (`soffice`), as Word-like offices do;
- *.tex: pdfLaTeX, twice (the table of contents), with Latin Modern fonts;
- *.html: Chromium's print to PDF, with CSS page margin boxes for the header and footer.

The PDFs are committed beside their sources, so the tests need none of these tools. Run
`python tests/documents/corpus/build.py` after changing a source (Debian packages:
libreoffice-writer-nogui, texlive-latex-recommended and lmodern, chromium), then update the
expected candidates in tests/documents/test_corpus.py, reading the diff of `factcheck draft`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def build(source: Path, folder: Path) -> Path:
    """source's PDF, built in folder."""
    if source.suffix == ".fodt":
        _run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), source])
    elif source.suffix == ".tex":
        for _ in range(2):
            _run(["pdflatex", "-interaction=nonstopmode", "-output-directory", folder, source])
    elif source.suffix == ".html":
        target = folder / f"{source.stem}.pdf"
        _run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--print-to-pdf={target}",
                source.as_uri(),
            ]
        )
    return folder / f"{source.stem}.pdf"


def _run(command: list[str | Path]) -> None:
    subprocess.run([str(part) for part in command], check=True, capture_output=True, timeout=300)


def main() -> None:
    sources = [p for p in sorted(HERE.iterdir()) if p.suffix in {".fodt", ".tex", ".html"}]
    if len(sys.argv) > 1:
        sources = [s for s in sources if s.stem in sys.argv[1:]]
    with tempfile.TemporaryDirectory() as folder:
        for source in sources:
            built = build(source, Path(folder))
            shutil.copyfile(built, HERE / built.name)
            print(f"{source.name} -> {built.name}")


if __name__ == "__main__":
    main()
