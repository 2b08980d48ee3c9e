"""The loose screenshot comparison: blind to antialiasing, not to a missing part."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.browser.screenshots import assert_looks_like

Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")


def picture(*, shift: int = 0, blank: bool = False, height: int = 400) -> bytes:
    """Lines of "text" (bars) and a "chart" (a block), as a page screenshot would have."""
    image = Image.new("RGB", (400, height), "white")
    draw = ImageDraw.Draw(image)
    for row in range(20, 200, 12):
        draw.rectangle((20 + shift, row, 300 + shift, row + 5), fill=(30, 30, 30))
    if not blank:
        draw.rectangle((20, 240, 380, 330), fill=(29, 107, 52))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def golden(tmp_path: Path) -> Path:
    path = tmp_path / "golden.png"
    path.write_bytes(picture())
    return path


def test_a_pixel_of_antialiasing_passes(golden: Path, tmp_path: Path) -> None:
    assert_looks_like(picture(shift=1), golden, tmp_path / "shot.png", refresh=False)
    assert (tmp_path / "shot.png").read_bytes() == picture(shift=1)  # kept to look at


def test_a_missing_chart_fails(golden: Path, tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match="differs from"):
        assert_looks_like(picture(blank=True), golden, tmp_path / "shot.png", refresh=False)


def test_a_page_of_another_length_fails(golden: Path, tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match="height"):
        assert_looks_like(picture(height=480), golden, tmp_path / "shot.png", refresh=False)
