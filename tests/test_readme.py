"""The README stays true: its demo output is what `newstrace demo` prints (issue 24)."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from newstrace.cli import app

ROOT = Path(__file__).parent.parent


def test_readme_demo_output_is_real(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- demo-output -->\n```text\n(.*?)\n```", readme, re.S)
    assert block, "the README shows the demo's output"
    shown = [line for line in block.group(1).splitlines() if line.strip() and line != "..."]
    monkeypatch.chdir(ROOT)  # as the README runs it, from the repository root
    res = CliRunner().invoke(app, ["demo"], terminal_width=100)
    assert res.exit_code == 0, res.output
    printed = set(res.stdout.splitlines())
    missing = [line for line in shown if line not in printed]
    assert not missing, missing
