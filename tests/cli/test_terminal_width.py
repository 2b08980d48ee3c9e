"""verify on a real terminal (a pseudo-terminal of a set size): the report follows the
terminal's width with colour and without (NO_COLOR), and keeps every number whole; the
issue behind it: NO_COLOR on an 80-column terminal laid out at a fixed 100 columns."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.conftest import REPO, hang_guard

pty = pytest.importorskip("pty", reason="pseudo-terminals are POSIX")
fcntl = pytest.importorskip("fcntl")
termios = pytest.importorskip("termios")

SEED = "claims/trump-2024-09-23-325k-migrant-children.yaml"
SGR = re.compile(r"\x1b\[[0-9;]*m")
HANG_SECONDS = 120  # a guard against a hang, not a timing: the run takes about a second


def _on_terminal(columns: int, env: dict[str, str]) -> str:
    """verify's stdout, written to a terminal `columns` wide, as the terminal received it."""
    import struct

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR")}
    environ.update(env)
    with hang_guard(HANG_SECONDS):
        process = subprocess.Popen(
            [sys.executable, "-m", "factcheck.cli", "verify", SEED],
            cwd=REPO, env=environ, stdout=follower, stderr=subprocess.PIPE,
        )  # fmt: skip
        os.close(follower)
        received = bytearray()
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closes once the process has gone (EIO)
                break
            if not chunk:
                break
            received += chunk
        assert process.wait() == 0, process.stderr.read() if process.stderr else ""
    os.close(leader)
    if process.stderr:
        process.stderr.close()
    return received.decode("utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("columns", "colour"), [(60, True), (80, False)], ids=["60-colour", "80-NO_COLOR"]
)
def test_the_report_follows_the_terminals_width(columns: int, colour: bool) -> None:
    text = _on_terminal(columns, {} if colour else {"NO_COLOR": "1"})
    assert bool(SGR.search(text)) == colour
    lines = SGR.sub("", text).split("\n")
    assert max(len(line.rstrip()) for line in lines) <= columns
    # laid out at the terminal's width, not at a fixed one: the box spans it
    assert len(lines[0]) == columns, lines[0]
    flowing = " ".join(SGR.sub("", text).split())
    for whole in ("323,000", "-2,000 (-0.6%)", "0.0%-5.3%", "more than 291,000", "325,000"):
        assert whole in flowing
    assert "…" not in text
