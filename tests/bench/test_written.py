"""Written summaries (issue 23): the reader that turns them into audit bench records, on files
written here, and the packaged set's own consistency."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstrace.bench.written import EDIT_TYPES, default_gold_dir, written_records
from newstrace.errors import InputError

ARTICLE = "The council approved the budget on Monday. It gave 3 million euros to schools."


def _gold(tmp_path: Path, summaries: list[dict]) -> Path:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "t1.json").write_text(json.dumps({"summaries": summaries}), encoding="utf-8")
    pol = tmp_path / "polnear" / "train" / "text"
    pol.mkdir(parents=True)
    (pol / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return gold


SUMMARY = {
    "id": "t1-01",
    "source": {"corpus": "polnear", "file": "train/text/a.txt"},
    "sentences": ["The council passed its budget on Monday.", "Schools got 3 million euros."],
    "edits": [
        {"id": "t1-01a", "type": "number", "sentence": 1, "original": "3", "edited": "5",
         "text": "Schools got 5 million euros."},
    ],
}  # fmt: skip


def test_a_faithful_summary_and_each_edit_become_records(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [SUMMARY])
    recs = written_records(gold, None, tmp_path / "polnear")["t1"]
    faithful, edited = recs
    assert faithful.kind == "faithful" and faithful.consistent and faithful.article == ARTICLE
    assert edited.kind == "number" and not edited.consistent
    assert [s.consistent for s in edited.sentences] == [True, False]
    assert edited.sentences[1].text == "Schools got 5 million euros."
    assert faithful.derived[edited.sentences[0].start : edited.sentences[0].end] == SUMMARY["sentences"][0]


def test_a_summary_and_its_edited_copies_audit_one_source_article(tmp_path: Path) -> None:
    """One source article, one id: the auditor parses it once for the summary and its copies,
    as it would for a desk's several rewrites of one wire."""
    from newstrace.bench.audit import record_articles
    from newstrace.config import load_settings

    recs = written_records(_gold(tmp_path, [SUMMARY]), None, tmp_path / "polnear")["t1"]
    assert {r.source for r in recs} == {"t1-01"}
    sources = [record_articles(r, load_settings())[0] for r in recs]
    assert {a.id for a in sources} == {"t1-01/source"}
    assert [record_articles(r, load_settings())[1].id for r in recs] == ["t1-01/derived", "t1-01a/derived"]


def test_missing_sources_and_bad_edits_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    bad_edit = {**SUMMARY, "id": "t1-02", "edits": [{**SUMMARY["edits"][0], "sentence": 7}]}
    gold = _gold(tmp_path, [SUMMARY, bad_edit])
    (gold / "t2.json").write_text(
        json.dumps({"summaries": [{**SUMMARY, "source": {"corpus": "ecbplus", "doc": "9_9ecb"}}]})
    )
    (gold / "t3.json").write_text("{oops")
    errors: list[InputError] = []
    got = written_records(gold, tmp_path / "nowhere", tmp_path / "polnear", errors.append)
    assert set(got) == set()  # t1 has a bad edit, t2 a missing document, t3 bad JSON
    codes = sorted(e.code for e in errors)
    assert codes == ["E105", "E106", "E107"]
    assert any("t3.json:1" in str(e) for e in errors)
    with pytest.raises(InputError):
        written_records(tmp_path / "empty", None, None)


def test_the_packaged_set_is_well_formed() -> None:
    files = sorted(default_gold_dir().glob("*.json"))
    summaries = [s for f in files for s in json.loads(f.read_text(encoding="utf-8"))["summaries"]]
    assert len(summaries) >= 60  # the issue asks for at least 60
    for s in summaries:
        assert 2 <= len(s["sentences"]) <= 4 and 2 <= len(s["edits"]) <= 3, s["id"]
        for e in s["edits"]:
            assert e["type"] in EDIT_TYPES, e["id"]
            k = e["sentence"]
            if e["type"] != "addition":
                assert e["text"] == s["sentences"][k].replace(e["original"], e["edited"], 1), e["id"]
            assert e["text"] != s["sentences"][k], e["id"]


def test_bench_written_floor(tmp_path: Path) -> None:
    """`bench written --min-sentence-bacc` exits 1 below the floor (a CI gate) and 0 at it."""
    from typer.testing import CliRunner

    from newstrace.cli import app

    gold = _gold(tmp_path, [SUMMARY])
    runner = CliRunner()
    args = [
        "bench",
        "written",
        "--gold",
        str(gold),
        "--polnear",
        str(tmp_path / "polnear"),
        "-q",
        "--no-baseline",
    ]
    res = runner.invoke(app, [*args, "--min-sentence-bacc", "1.01"])
    assert res.exit_code == 1 and "below floor" in res.stderr
    assert "t1" in res.stdout
    res = runner.invoke(app, [*args, "--min-sentence-bacc", "0.0"])
    assert res.exit_code == 0, res.output
