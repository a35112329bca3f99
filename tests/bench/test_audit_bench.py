"""The QAGS audit benchmark on a tiny hand-written QAGS-format fixture (never the real data).

Scoring helpers are checked on hand-computed cases; the end-to-end run only relies on obvious
audit decisions: a summary sentence copied from its article is consistent, one about something
unrelated is not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newstrace.bench.audit import (
    Binary,
    join_sentences,
    majority_yes,
    parse_record,
    predicted_sentences,
    read_qags,
    run_audit_bench,
)
from newstrace.cli import app
from newstrace.records import AuditReport, AuditSentence

FIX = Path(__file__).parent / "fixtures" / "qags_mini"


def test_majority_yes() -> None:
    assert majority_yes(["yes", "yes", "no"])
    assert not majority_yes(["yes", "no", "no"])
    assert not majority_yes(["yes", "no"])  # a tie is not a majority
    assert majority_yes(["Yes ", "YES", "no"])


def test_join_sentences_keeps_offsets() -> None:
    text, spans = join_sentences(["First one.", "Second, longer one."])
    assert text == "First one.\n\nSecond, longer one."
    assert [text[a:b] for a, b in spans] == ["First one.", "Second, longer one."]


def test_binary_counts_hand_computed() -> None:
    b = Binary()
    # (gold consistent, predicted consistent)
    for gold, pred in [(False, False), (False, True), (True, True), (True, True), (True, False)]:
        b.add(gold, pred)
    assert (b.tp, b.fn, b.tn, b.fp) == (1, 1, 2, 1)
    assert b.recall == 0.5 and b.precision == 0.5
    assert b.balanced_accuracy == pytest.approx((0.5 + 2 / 3) / 2)
    one_class = Binary()
    one_class.add(True, True)
    one_class.add(True, False)
    assert one_class.balanced_accuracy == 0.5 and one_class.precision == 0.0


def test_parse_record_gold_and_errors() -> None:
    obj = {
        "article": "A text.",
        "summary_sentences": [
            {
                "sentence": " One. ",
                "responses": [{"response": "yes"}, {"response": "no"}, {"response": "yes"}],
            },
            {"sentence": "Two.", "responses": [{"response": "no"}, {"response": "no"}, {"response": "yes"}]},
        ],
    }
    rec = parse_record(obj, "r", "f:1")
    assert rec.derived == "One.\n\nTwo."
    assert [(s.text, s.consistent, s.yes) for s in rec.sentences] == [("One.", True, 2), ("Two.", False, 1)]
    assert rec.derived[rec.sentences[1].start : rec.sentences[1].end] == "Two."
    assert rec.consistent is False
    with pytest.raises(ValueError, match="article"):
        parse_record({"summary_sentences": obj["summary_sentences"]}, "r", "f:1")
    with pytest.raises(ValueError, match="yes/no"):
        parse_record(
            {"article": "x", "summary_sentences": [{"sentence": "s", "responses": [{"response": "maybe"}]}]},
            "r",
            "f:1",
        )


def test_read_qags_limit_and_bad_lines() -> None:
    bad: list[tuple[str, int]] = []
    recs = read_qags(FIX / "mturk_cnndm.jsonl", on_error=lambda f, n, m: bad.append((Path(f).name, n)))
    assert [r.id for r in recs] == ["mturk_cnndm-1", "mturk_cnndm-2"]
    assert bad == [("mturk_cnndm.jsonl", 3)]
    assert [r.consistent for r in recs] == [False, True]
    assert len(read_qags(FIX / "mturk_cnndm.jsonl", limit=1)) == 1


def test_predicted_sentences_by_overlap() -> None:
    rec = parse_record(
        {
            "article": "x",
            "summary_sentences": [
                {"sentence": "Alpha beta. Gamma delta.", "responses": [{"response": "yes"}]},
                {"sentence": "Epsilon.", "responses": [{"response": "yes"}]},
            ],
        },
        "r",
        "f:1",
    )
    g1, g2 = rec.sentences
    # The audit split the first gold sentence in two; one half is unsupported.
    report = AuditReport(
        derived="d",
        sources=("s",),
        consistent=False,
        score=0.2,
        sentences=(
            AuditSentence(g1.start, g1.start + 11, "Alpha beta.", "supported", 0.9),
            AuditSentence(g1.start + 12, g1.end, "Gamma delta.", "unsupported", 0.2),
            AuditSentence(g2.start, g2.end, "Epsilon.", "opinion", 0.5),
        ),
    )
    preds = predicted_sentences(report, rec.sentences)
    assert [p for p, _ in preds] == [False, True]
    assert [len(h) for _, h in preds] == [2, 1]


def test_run_bench_on_fixture() -> None:
    errors: list[int] = []
    report = run_audit_bench(FIX, on_error=lambda f, n, m: errors.append(n))
    assert errors == [3] and report.read_errors == 1
    assert [f.name for f in report.files] == ["mturk_cnndm", "mturk_xsum"]
    pooled = report.pooled()
    ours, base = pooled.newstrace, pooled.baseline
    assert base is not None
    assert (ours.sentence.n, ours.summary.n, ours.pairs) == (5, 4, 4)
    assert ours.sentence.tp + ours.sentence.fn == 2  # gold: the football and the volcano sentences
    # Copies are consistent and unrelated sentences are not, for the audit and for the baseline.
    assert ours.sentence.balanced_accuracy == 1.0
    assert ours.summary.balanced_accuracy == 1.0
    assert base.sentence.balanced_accuracy == 1.0
    assert ours.seconds > 0 and base.seconds > 0
    assert report.errors() == []
    by_text = {s.text: s for s in pooled.sentences}
    football = next(s for t, s in by_text.items() if "football" in t)
    assert football.gold_consistent is False and football.labels
    assert football.baseline_cosine is not None and football.baseline_cosine < 0.5
    d = report.to_dict()
    assert set(d["files"]) == {"mturk_cnndm", "mturk_xsum", "all"}
    assert d["files"]["all"]["ratio"]["sentence_bacc"] == 1.0
    text = report.format()
    assert "mturk_xsum" in text and "ratio newstrace/baseline" in text


def test_bench_audit_command(tmp_path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["bench", "audit", str(FIX), "--json", "--limit", "1", "--no-baseline"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["files"]["all"]["newstrace"]["summary"]["n"] == 2
    assert "baseline" not in doc["files"]["all"]
    res = runner.invoke(app, ["bench", "audit", str(FIX), "--min-sentence-bacc", "1.01", "--limit", "1"])
    assert res.exit_code == 1
    assert "below floor" in res.stderr
    assert "mturk_cnndm" in res.stdout and "baseline" in res.stdout
    res = runner.invoke(app, ["bench", "audit", str(tmp_path)])
    assert res.exit_code == 2 and "mturk_cnndm.jsonl" in res.stderr


def test_other_jsonl_sets_in_the_qags_format(tmp_path) -> None:
    import shutil

    from newstrace.bench.audit import qags_files

    assert qags_files(FIX) == ["mturk_cnndm.jsonl", "mturk_xsum.jsonl"]
    shutil.copy(FIX / "mturk_xsum.jsonl", tmp_path / "summedits_news.jsonl")
    assert qags_files(tmp_path) == ["summedits_news.jsonl"]
    report = run_audit_bench(tmp_path, baseline=False)
    assert [f.name for f in report.files] == ["summedits_news"]
    assert report.pooled().newstrace.pairs == 2


ROOT = Path(__file__).resolve().parents[2]


def _benchmark_script(name: str) -> Any:
    """A script under benchmarks/ (not a package), loaded as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_perturbed_set_writer(tmp_path) -> None:
    mod = _benchmark_script("make_perturbed_qags")
    corpus = ROOT / "examples" / "corpus"
    assert mod.main([str(corpus), str(tmp_path / "a"), "--limit", "2"]) == 0
    assert mod.main([str(corpus), str(tmp_path / "b"), "--limit", "2"]) == 0
    first = (tmp_path / "a" / "perturbed.jsonl").read_text(encoding="utf-8")
    assert first == (tmp_path / "b" / "perturbed.jsonl").read_text(encoding="utf-8")  # same seed, same file
    records = read_qags(tmp_path / "a" / "perturbed.jsonl")
    assert records and all(len(r.sentences) == 1 for r in records)
    kinds = {
        json.loads(line)["kind"]: r.sentences[0].consistent
        for line, r in zip(first.splitlines(), records, strict=True)
    }
    assert kinds.get("copy") is True and any(v is False for v in kinds.values())


def test_edited_summary_writer(tmp_path) -> None:
    mod = _benchmark_script("make_edited_summaries")
    assert mod.main([str(FIX), str(tmp_path / "a")]) == 0
    assert mod.main([str(FIX), str(tmp_path / "b")]) == 0
    first = (tmp_path / "a" / "edited.jsonl").read_text(encoding="utf-8")
    assert first == (tmp_path / "b" / "edited.jsonl").read_text(encoding="utf-8")  # same seed, same file
    lines = [json.loads(line) for line in first.splitlines()]
    records = read_qags(tmp_path / "a" / "edited.jsonl")
    assert records and len(records) == len(lines) and len(lines) % 2 == 0
    # Pairs: a faithful summary sentence as it is, then the same sentence with one typed edit.
    for (orig, rec_o), (changed, rec_c) in zip(
        zip(lines[::2], records[::2], strict=True), zip(lines[1::2], records[1::2], strict=True), strict=True
    ):
        assert orig["kind"] == "faithful" and rec_o.sentences[0].consistent
        assert changed["kind"] in mod.KINDS and not rec_c.sentences[0].consistent
        assert rec_o.sentences[0].text != rec_c.sentences[0].text and rec_o.article == rec_c.article


def test_label_accuracy_counts_the_weakest_label_per_gold_sentence():
    from newstrace.bench.audit import SentenceResult, label_accuracy

    def s(labels, gold):
        return SentenceResult("r", "t", gold, False, tuple(labels), None, "")

    acc = label_accuracy(
        [
            s(["supported"], True),  # right
            s(["supported", "unsupported"], False),  # counts as unsupported: right
            s(["unsupported"], True),  # wrong
            s(["contradicted"], False),  # right
            s(["opinion"], False),  # wrong
            s([], True),  # no audit sentence: not counted
        ]
    )
    assert acc == {"contradicted": (1, 1), "unsupported": (1, 2), "opinion": (0, 1), "supported": (1, 1)}
