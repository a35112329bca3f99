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


def _articles(objs: list[dict]) -> list[dict]:
    return [o for o in objs if o["kind"] == "article"]


def _validate(obj: dict, schema: dict) -> None:
    jsonschema.validate(obj, schema)
    if obj["kind"] == "story":
        return
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
    for o in objs:
        _validate(o, schema)
    assert [o["kind"] for o in objs] == ["article", "article", "story"]
    assert [o["id"] for o in _articles(objs)] == ["wire_dam", "page"]
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
    objs = _articles(_lines(res.stdout))
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
    rows = [line.split() for line in res.stdout.splitlines() if line[:1].isdigit()]
    # pipeline order, one aligned row per stage
    assert [r[1] for r in rows] == ["segment", "entities", "times", "quotes", "claims"]
    assert len({line.index("requires") for line in res.stdout.splitlines()[:1]}) == 1
    header = res.stdout.splitlines()[0]
    starts = {line.find(r[1]) for line, r in zip(res.stdout.splitlines()[2:], rows, strict=False)}
    assert starts == {header.index("stage")}
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


def test_story_line_resolves_entities_across_articles(tmp_path, schema):
    (tmp_path / "a.txt").write_text(
        "date 2025-05-21 Kursk, May 21 - Acting governor Alexander Khinshtein met volunteers on Tuesday. "
        "The Democratic People's Republic of Korea (DPRK) sent troops, officials said.",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "date 2025-05-22 Moscow, May 22 - Interim Governor Alexander Khinstin said on Wednesday that "
        "North Korea had sent troops. Khinstin thanked them.",
        encoding="utf-8",
    )
    res = runner.invoke(app, ["extract", str(tmp_path), "--json", "-q"])
    assert res.exit_code == 0, res.output
    objs = _lines(res.stdout)
    for o in objs:
        _validate(o, schema)
    story = objs[-1]
    assert story["kind"] == "story"
    by_alias = {a: e for e in story["entities"] for a in [e["name"], *e["aliases"]]}
    governor = by_alias["Alexander Khinstin"]
    assert governor is by_alias["Alexander Khinshtein"]
    assert any("transliteration" in m["reason"] for m in governor["merges"])
    korea = by_alias["North Korea"]
    assert "DPRK" in korea["aliases"]
    # Each per-article entity points at its story entity.
    arts = _articles(objs)
    refs = {e["story_entity"] for a in arts for e in a["entities"] if e["name"].startswith("Alexander")}
    assert refs == {governor["id"]}
    # --no-resolve streams articles and writes no story line.
    res = runner.invoke(app, ["extract", str(tmp_path), "--json", "-q", "--no-resolve"])
    objs = _lines(res.stdout)
    assert [o["kind"] for o in objs] == ["article", "article"]
    assert all(e["story_entity"] is None for o in objs for e in o["entities"])


def test_bench_timex_command(tmp_path):
    fixture = Path(__file__).parent / "bench" / "fixtures" / "mini.tml"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "mini.tml").write_bytes(fixture.read_bytes())
    (tmp_path / "b" / "copy.tml").write_bytes(fixture.read_bytes())  # same DOCID: scored once
    (tmp_path / "b" / "broken.tml").write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    res = runner.invoke(app, ["bench", "timex", str(tmp_path), "--json"])
    assert res.exit_code == 0, res.output
    reports = json.loads(res.stdout)
    assert list(reports) == [str(tmp_path / "a")]
    assert reports[str(tmp_path / "a")]["docs"] == 1
    assert "broken.tml: cannot read TimeML" in res.stderr
    res = runner.invoke(app, ["bench", "timex", str(tmp_path), "--min-value-f1", "1.01"])
    assert res.exit_code == 1
    assert "below floor" in res.stderr
    res = runner.invoke(app, ["bench", "timex", str(tmp_path / "missing")])
    assert res.exit_code == 2


def test_help_reads_like_a_mature_cli():
    for args in (
        ["--help"],
        ["compare", "--help"],
        ["extract", "--help"],
        ["audit", "--help"],
        ["bench", "trust", "--help"],
    ):
        out = runner.invoke(app, args).stdout
        for odd in ("<bool>", "<list[", "{paths}", "<str>", "<int>"):
            assert odd not in out, (args, odd)
    out = runner.invoke(app, ["compare", "--help"]).stdout
    assert "PATH..." in out and "--all-conflicts" in out


def test_error_lines_keep_the_readme_format(tmp_path):
    missing = tmp_path / "missing.txt"
    res = runner.invoke(app, ["compare", str(missing)])
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert lines[0] == f"{missing}: [E107] no such file or directory"  # path:line: [code] message
    assert lines[1] == "newstrace: error: no articles could be read"
    assert not any(line.startswith("error ") for line in lines)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "A line."}\n{not json\n', encoding="utf-8")
    res = runner.invoke(app, ["extract", str(bad), "-q"])
    assert f"{bad}:2: [E105]" in res.stderr
    res = runner.invoke(app, ["audit", "--derived", str(bad)])
    assert res.exit_code == 2 and res.stderr.startswith("newstrace: error: give --derived PATH")


def test_bench_gold_errors_keep_the_readme_format(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "2_2.json").write_text("{not json\n", encoding="utf-8")
    res = runner.invoke(app, ["bench", "facts", str(tmp_path), "--gold", str(gold)])
    assert res.exit_code == 1
    assert res.stderr.splitlines()[0].startswith(f"{gold / '2_2.json'}:1: [E105] ")
