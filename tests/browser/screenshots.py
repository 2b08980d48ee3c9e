"""Screenshots against golden ones, compared loosely: fonts antialias a little differently
from one machine to the next, but a missing chart, section or verdict changes the picture.

A screenshot and its golden are reduced to grey at a quarter of their size (which blurs
antialiasing away), and may differ by more than DIFFERENT levels of grey in at most
TOLERATED of the pixels; their heights may differ by at most HEIGHT_SLACK. Every screenshot
taken is also saved under the test's tmp_path, to look at; the golden files are refreshed,
like the others, with FACTCHECK_REFRESH_GOLDEN=1 (then look at them before committing); they
are kept in 16 greys, which the comparison's tolerance absorbs.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.conftest import REFRESH

DIFFERENT = 64  # of 255 levels of grey
TOLERATED = 0.03
HEIGHT_SLACK = 0.05
SCALE = 4


def assert_looks_like(png: bytes, golden: Path, saved: Path, *, refresh: bool = REFRESH) -> None:
    from PIL import Image, ImageChops

    saved.write_bytes(png)
    if refresh or not golden.exists():
        if not refresh:
            pytest.fail(f"golden screenshot {golden} is missing; FACTCHECK_REFRESH_GOLDEN=1")
        golden.parent.mkdir(parents=True, exist_ok=True)
        # Kept in 16 greys: the comparison is in grey, and the repository stays small.
        grey = Image.open(io.BytesIO(png)).convert("L").quantize(16)
        grey.save(golden, optimize=True)
        return
    actual = Image.open(io.BytesIO(png)).convert("L")
    expected = Image.open(golden).convert("L")
    assert actual.width == expected.width, f"{saved}: width {actual.width}, not {expected.width}"
    slack = abs(actual.height - expected.height) / expected.height
    assert slack <= HEIGHT_SLACK, f"{saved}: height {actual.height}, not about {expected.height}"
    size = (expected.width // SCALE, expected.height // SCALE)
    difference = ImageChops.difference(
        actual.resize(size, Image.Resampling.BOX), expected.resize(size, Image.Resampling.BOX)
    )
    histogram = difference.histogram()
    changed = sum(histogram[DIFFERENT:]) / (size[0] * size[1])
    assert changed <= TOLERATED, (
        f"{saved} differs from {golden} in {changed:.1%} of its pixels "
        f"(at most {TOLERATED:.0%}); look at both, and refresh the golden if intended"
    )
