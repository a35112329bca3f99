"""`newstrace audit` end to end: JSON against the schema, offsets into the original files (HTML
through the source map), the Markdown and terminal reports, batch mode and bad input.

Labels and scores are the engine's to tune: only obvious cases are asserted (a sentence copied
from the source is supported, a sentence about something unrelated is not)."""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from newstrace.audit import CONSISTENT_LABELS
from newstrace.cli import app

FIX = Path(__file__).parent.parent / "fixtures" / "audit"
COPIED = (
    "Storms last month tore a 40-metre gap in the barrier and flooded two hundred homes in the lower town."
)
UNRELATED = "The Italian football club signed a new goalkeeper from Brazil for a record transfer fee."

runner = CliRunner()


@pytest.fixture(scope="module")
def schema() -> dict:
    text = resources.files("newstrace").joinpath("schema/audit.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def _sentence(doc: dict, text: str) -> dict:
    [s] = [s for s in doc["sentences"] if text in s["text"]]
    return s


def _visible(markup: str) -> str:
    """The words of an HTML slice, tags dropped and entities decoded, for comparing with text."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", markup)).split())


def _check_text_offsets(doc: dict, files: dict[str, str]) -> None:
    """Offsets index the original files; for plain text the slice is the text itself."""
    derived = files[doc["derived"]]
    for s in doc["sentences"]:
        assert derived[s["start"] : s["end"]] == s["text"]
        for e in s["evidence"]:
            assert files[e["source"]][e["start"] : e["end"]] == e["text"]
    for o in doc["omissions"]:
        assert files[o["source"]][o["start"] : o["end"]] == o["text"]


def test_audit_json_schema_offsets_and_markdown(schema, tmp_path):
    md = tmp_path / "audit.md"
    res = runner.invoke(
        app,
        [
            "audit",
            "--source",
            str(FIX / "source.txt"),
            "--derived",
            str(FIX / "derived.txt"),
            "--json",
            "--markdown",
            str(md),
            "-q",
        ],
    )
    assert res.exit_code == 0, res.output
    [doc] = _lines(res.stdout)
    jsonschema.validate(doc, schema)
    assert doc["derived"] == "derived" and doc["sources"] == ["source"]
    files = {
        "derived": (FIX / "derived.txt").read_text(encoding="utf-8"),
        "source": (FIX / "source.txt").read_text(encoding="utf-8"),
    }
    _check_text_offsets(doc, files)
    # Sentences in order, not overlapping, covering the three paragraphs of the derived text.
    spans = [(s["start"], s["end"]) for s in doc["sentences"]]
    assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert any("on Friday" in s["text"] for s in doc["sentences"])
    copied = _sentence(doc, COPIED)
    assert copied["label"] == "supported"
    assert copied["evidence"] and max(copied["evidence"], key=lambda e: e["score"])["text"] == COPIED
    unrelated = _sentence(doc, UNRELATED)
    assert unrelated["label"] not in CONSISTENT_LABELS
    assert unrelated["score"] < copied["score"]
    assert doc["consistent"] is False
    assert 0.0 <= doc["score"] < 1.0

    report = md.read_text(encoding="utf-8")
    assert report.startswith("# newstrace audit: derived")
    assert "not consistent" in report
    assert "football club" in report and "**Supported**" in report
    # Markdown offsets are the JSON's.
    assert f"{copied['start']}-{copied['end']}" in report


def test_audit_terminal_report():
    res = runner.invoke(
        app, ["audit", "--source", str(FIX / "source.txt"), "--derived", str(FIX / "derived.txt")]
    )
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "SUPPORTED" in out
    assert "football club" in out
    assert "evidence source" in out
    assert "NOT CONSISTENT" in out.splitlines()[-1]
    assert "derived audited against 1 source(s): not consistent" in res.stderr


def test_audit_verdict_line_says_what_decides_it_and_relays_name_only_the_changed_words():
    root = Path(__file__).parent.parent.parent / "examples"
    res = runner.invoke(
        app,
        ["audit", "--source", str(root / "corpus" / "meridian_dam_20250310.txt"),
         "--derived", str(root / "derived" / "dam_rewrite.txt")],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    last = res.stdout.strip().splitlines()[-1]
    # no bare score beside supported sentences: the sentences that make it inconsistent come first
    assert "score" not in last
    assert last.startswith("NOT CONSISTENT with its sources: 1 contradicted and 1 unsupported of 6 sentences")
    relays = [line for line in res.stdout.splitlines() if "relay dropped" in line]
    assert relays
    source = (root / "corpus" / "meridian_dam_20250310.txt").read_text(encoding="utf-8")
    sentence = "Officials said the number of dead was likely to rise."
    assert sentence in source
    assert not any(sentence in line for line in relays)  # the source sentence is the evidence line


def test_audit_html_offsets_map_into_the_markup(schema):
    res = runner.invoke(
        app,
        [
            "audit",
            "--source",
            str(FIX / "source.html"),
            "--derived",
            str(FIX / "derived.html"),
            "--json",
            "-q",
        ],
    )
    assert res.exit_code == 0, res.output
    [doc] = _lines(res.stdout)
    jsonschema.validate(doc, schema)
    files = {
        "source": (FIX / "source.html").read_text(encoding="utf-8"),
        "derived": (FIX / "derived.html").read_text(encoding="utf-8"),
    }
    body = {k: v.index("<article>") for k, v in files.items()}
    checked = 0
    for s in doc["sentences"]:
        assert s["start"] is not None and s["start"] > body["derived"]
        assert _visible(files["derived"][s["start"] : s["end"]]) == " ".join(s["text"].split())
        for e in s["evidence"]:
            assert e["start"] is not None and e["start"] > body["source"]
            assert _visible(files["source"][e["start"] : e["end"]]) == " ".join(e["text"].split())
            checked += 1
    for o in doc["omissions"]:
        if o["start"] is not None:
            assert _visible(files["source"][o["start"] : o["end"]]) == " ".join(o["text"].split())
    assert checked
    copied = _sentence(doc, COPIED)
    assert copied["label"] == "supported"
    # The entity-encoded quote marks are part of the mapped span of the quote sentence.
    quoted = [e for s in doc["sentences"] for e in s["evidence"] if "stronger than before" in e["text"]]
    for e in quoted:
        assert files["source"][e["start"] : e["end"]].startswith("&ldquo;")


def test_audit_same_stem_sources_get_distinct_ids(tmp_path, schema):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text((FIX / "source.txt").read_text(encoding="utf-8"), "utf-8")
    res = runner.invoke(
        app,
        [
            "audit",
            "--source",
            str(tmp_path / "a" / "story.txt"),
            "--source",
            str(tmp_path / "b" / "story.txt"),
            "--derived",
            str(FIX / "derived.txt"),
            "--json",
            "-q",
        ],
    )
    assert res.exit_code == 0, res.output
    [doc] = _lines(res.stdout)
    jsonschema.validate(doc, schema)
    assert len(set(doc["sources"])) == 2


def test_audit_bad_inputs(tmp_path, schema):
    derived = str(FIX / "derived.txt")
    source = str(FIX / "source.txt")
    # A missing derived text: a clear error, named, exit 1.
    res = runner.invoke(app, ["audit", "--source", source, "--derived", str(tmp_path / "none.txt")])
    assert res.exit_code == 1
    assert "none.txt: [E107]" in res.stderr
    assert "derived text" in res.stderr and "could not be read" in res.stderr
    # No readable source: exit 1.
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    res = runner.invoke(app, ["audit", "--source", str(tmp_path / "empty.txt"), "--derived", derived])
    assert res.exit_code == 1
    assert "empty.txt: [E101]" in res.stderr and "no source article could be read" in res.stderr
    # One source missing, one readable: the audit still runs, exit 1 at the end.
    res = runner.invoke(
        app,
        ["audit", "--source", source, "--source", str(tmp_path / "gone.txt"), "--derived", derived, "--json"],
    )
    assert res.exit_code == 1
    assert "gone.txt: [E107]" in res.stderr
    [doc] = _lines(res.stdout)
    jsonschema.validate(doc, schema)
    assert doc["sources"] == ["source"]
    # Usage errors: exit 2.
    assert runner.invoke(app, ["audit", "--derived", derived]).exit_code == 2
    assert runner.invoke(app, ["audit", "--source", source]).exit_code == 2
    res = runner.invoke(app, ["audit", "--source", source, "--derived", derived, "--date", "12/03/2025"])
    assert res.exit_code == 2
    res = runner.invoke(app, ["audit", "--pairs", str(tmp_path / "p.jsonl"), "--source", source])
    assert res.exit_code == 2


def test_audit_pairs_batch_goes_on_past_bad_lines(tmp_path, schema):
    src = (FIX / "source.txt").read_text(encoding="utf-8")
    lines = [
        json.dumps({"id": "p1", "source": src, "derived": COPIED + "\n\n" + UNRELATED}),
        "{not json",
        json.dumps({"id": "p3", "source": src}),
        "",
        json.dumps({"id": 4, "source": [src, "The board met on Monday."], "derived": COPIED}),
        json.dumps({"id": "p5", "source": "  ", "derived": COPIED}),
        json.dumps({"source": src, "derived": COPIED}),
    ]
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["audit", "--pairs", str(pairs), "--json"])
    assert res.exit_code == 1
    objs = _lines(res.stdout)
    for o in objs:
        jsonschema.validate(o, schema)
    assert [o["id"] for o in objs] == ["p1", "p3", 4, "p5"]
    by_id = {o["id"]: o for o in objs}
    # Errors: named by file and line on stderr, with a stable code; an error line where the id is known.
    assert f"{pairs}:2: [E105]" in res.stderr
    assert f"{pairs}:3: [E106]" in res.stderr and "'derived'" in res.stderr
    assert f"{pairs}:6: [E101]" in res.stderr
    assert f"{pairs}:7: [E106]" in res.stderr and "'id'" in res.stderr
    assert by_id["p3"]["error"]["code"] == "E106" and by_id["p3"]["error"]["line"] == 3
    assert by_id["p5"]["error"]["code"] == "E101"
    assert "2 pair(s) audited, 4 error(s)" in res.stderr
    # Results: offsets into the texts given, sources named after the pair id.
    p1 = by_id["p1"]
    assert p1["derived"] == "p1/derived" and p1["sources"] == ["p1/source"]
    derived_text = COPIED + "\n\n" + UNRELATED
    for s in p1["sentences"]:
        assert derived_text[s["start"] : s["end"]] == s["text"]
        for e in s["evidence"]:
            assert src[e["start"] : e["end"]] == e["text"]
    assert _sentence(p1, COPIED)["label"] == "supported"
    assert _sentence(p1, UNRELATED)["label"] not in CONSISTENT_LABELS
    assert p1["consistent"] is False
    assert by_id[4]["sources"] == ["4/source-1", "4/source-2"]
    assert _sentence(by_id[4], COPIED)["label"] == "supported"
    # A file that is not there: exit 1, named.
    res = runner.invoke(app, ["audit", "--pairs", str(tmp_path / "missing.jsonl"), "--json"])
    assert res.exit_code == 1 and "missing.jsonl" in res.stderr
