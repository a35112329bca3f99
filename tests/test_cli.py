"""The command line end to end: JSON output validated against the schema, exit codes, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from newstrace.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def schema() -> dict:
    text = resources.files("newstrace").joinpath("schema/extract.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def _validate(obj: dict, schema: dict) -> None:
    jsonschema.validate(obj, schema)
    text = obj["text"]
    for s in obj["sentences"]:
        assert 0 <= s["start"] < s["end"] <= len(text)
    for e in obj["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for t in obj["times"]:
        assert text[t["start"] : t["end"]] == t["text"]


def test_extract_json_validates_against_schema(fixtures, schema):
    res = runner.invoke(
        app, ["extract", str(fixtures / "wire_dam.txt"), str(fixtures / "page.html"), "--json", "-q"]
    )
    assert res.exit_code == 0, res.output
    objs = _lines(res.stdout)
    assert [o["id"] for o in objs] == ["wire_dam", "page"]
    for o in objs:
        _validate(o, schema)
    wire = objs[0]
    assert wire["published"] == "2024-11-06"
    assert wire["place"] == "Porto Alegre"
    values = {t["text"]: t["value"] for t in wire["times"]}
    # Wednesday 2024-11-06: past-tense weekdays go back, "will ... on Friday" goes forward.
    assert values.get("Tuesday") == "2024-11-05" or values.get("on Tuesday") == "2024-11-05"
    assert "2024-10" in values.values()  # "last month"
    assert "2023-08" in values.values()  # "August 2023"
    assert "2024-11-08" in values.values()  # "will visit ... on Friday"
    names = {e["name"] for e in wire["entities"]}
    assert "Helena Duarte" in names


def test_extract_reference_date_for_undated(fixtures, schema):
    res = runner.invoke(app, ["extract", str(fixtures / "undated_analysis.txt"), "--json", "-q"])
    [obj] = _lines(res.stdout)
    _validate(obj, schema)
    assert obj["published"] is None
    april = [t for t in obj["times"] if "April 26" in t["text"]]
    assert april and april[0]["value"] == "XXXX-04-26" and april[0]["anchored"] is False
    assert any(w.startswith("W002") for w in obj["warnings"])

    res = runner.invoke(
        app, ["extract", str(fixtures / "undated_analysis.txt"), "--json", "-q", "--date", "2025-05-21"]
    )
    [obj] = _lines(res.stdout)
    april = [t for t in obj["times"] if "April 26" in t["text"]]
    assert april[0]["value"] == "2025-04-26" and april[0]["anchored"] is True


def test_bad_inputs_reported_and_batch_goes_on(fixtures, schema):
    res = runner.invoke(app, ["extract", str(fixtures), "--json"])
    assert res.exit_code == 1
    objs = _lines(res.stdout)
    ids = {o["id"] for o in objs}
    assert {"wire_dam", "page", "hx-1", "alone_header"} <= ids
    for o in objs:
        _validate(o, schema)
    err = res.stderr
    assert "feed.jsonl:2: [E105]" in err
    assert "image.txt: [E102]" in err
    assert "empty.txt: [E101]" in err
    assert "hostile.html: [E108]" in err


def test_usage_errors(fixtures, tmp_path):
    res = runner.invoke(app, ["extract", str(fixtures / "wire_dam.txt"), "--date", "21/05/2025"])
    assert res.exit_code == 2
    res = runner.invoke(app, ["extract", str(tmp_path / "none.txt")])
    assert res.exit_code == 1
    assert "E107" in res.stderr
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[models]\nnope = 1\n", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(fixtures / "wire_dam.txt"), "--config", str(cfg)])
    assert res.exit_code == 2
    assert "E201" in res.stderr


def test_readable_summary(fixtures):
    res = runner.invoke(app, ["extract", str(fixtures / "wire_dam.txt")])
    assert res.exit_code == 0
    assert "published 2024-11-06" in res.stdout
    assert "Helena Duarte" in res.stdout
    assert "2024-11-05" in res.stdout


def test_deterministic(fixtures):
    a = runner.invoke(app, ["extract", str(fixtures), "--json", "-q"]).stdout
    b = runner.invoke(app, ["extract", str(fixtures), "--json", "-q"]).stdout
    assert a == b


def test_stages_and_version():
    res = runner.invoke(app, ["stages"])
    assert "segment" in res.stdout and "requires: sentences" in res.stdout
    res = runner.invoke(app, ["--version"])
    assert res.stdout.startswith("newstrace ")


def test_console_script_entry_point(fixtures):
    # The installed `newstrace` script, as users run it.
    exe = Path(sys.executable).parent / "newstrace"
    proc = subprocess.run(
        [str(exe), "extract", str(fixtures / "alone_header.txt"), "--json", "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    [obj] = _lines(proc.stdout)
    values = {t["value"] for t in obj["times"]}
    assert "2025-01-02" in values  # Thursday before Friday 2025-01-03
    assert "2024-12-30" in values  # "Dec. 30" in past narration, January DCT: previous year
