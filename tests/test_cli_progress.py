"""Progress on long commands: shown on a terminal, never in a pipe or with --quiet (issue 24).

The commands run as users run them, through the installed console script, with stderr on a
pseudo-terminal (the only way rich shows live progress) or on a pipe."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).parent / "newstrace"
CORPUS = Path(__file__).parent.parent / "examples" / "corpus"
ARTICLES = [str(CORPUS / "meridian_dam_20250310.txt"), str(CORPUS / "bpa_dam_20250311.txt")]

pytestmark = pytest.mark.skipif(not hasattr(pty, "openpty"), reason="needs a POSIX pseudo-terminal")


def _on_terminal(args: list[str]) -> str:
    """Run with stderr on a pseudo-terminal; everything it wrote there."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [str(EXE), *args], stdout=subprocess.DEVNULL, stderr=slave, stdin=subprocess.DEVNULL
    )
    os.close(slave)
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            out += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=120)
    os.close(master)
    assert proc.returncode == 0, out.decode(errors="replace")[-2000:]
    return out.decode(errors="replace")


def test_compare_shows_what_it_is_doing_on_a_terminal() -> None:
    shown = _on_terminal(["compare", *ARTICLES])
    # the steps, in order, before the final summary line
    for step in ("Loading the language model", "Annotating articles", "Comparing 2 articles"):
        assert step in shown, step
    assert shown.index("Loading the language model") < shown.index("2 article(s) compared")


def test_audit_shows_progress_and_quiet_silences_it() -> None:
    shown = _on_terminal(
        ["audit", "--source", ARTICLES[0], "--derived", str(CORPUS.parent / "derived" / "dam_rewrite.txt")]
    )
    assert "Auditing dam_rewrite" in shown
    quiet = _on_terminal(["compare", "-q", *ARTICLES])
    assert "Loading" not in quiet and "Annotating" not in quiet and "compared" not in quiet


def test_a_pipe_gets_no_progress() -> None:
    proc = subprocess.run([str(EXE), "compare", *ARTICLES], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0
    assert "Annotating" not in proc.stderr and "\r" not in proc.stderr
    assert proc.stderr.strip().endswith("2 article(s) compared, 0 input error(s)")


def test_extract_shows_progress_whatever_the_batch_size() -> None:
    shown = _on_terminal(["extract", *ARTICLES, "--json"])
    assert "Annotating articles" in shown and "2 article(s) annotated" in shown
