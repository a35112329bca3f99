"""Calibration of the audit's alignment rule (``newstrace.bench.calibrate``): re-labelling
traces under other settings, choosing settings on some sets, scoring them on another."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newstrace.audit import Decision, Trace
from newstrace.bench.calibrate import CalibrationRow, choose, cross_table, sentence_bacc
from newstrace.cli import app


def trace(
    label="unsupported",
    reached=True,
    score=0.1,
    key=True,
    unaligned=0,
    units=5,
    cos1=0.6,
    numbers=False,
    entail=None,
):
    return Trace(0, 10, label, reached, score, numbers, key, unaligned, units, cos1, entail, numbers)


def test_trace_relabels_under_other_settings():
    t = trace(unaligned=2, cos1=0.55)
    assert t.consistent(Decision("alignment", 2, 0.5))
    assert not t.consistent(Decision("alignment", 1, 0.5))  # too many words without a counterpart
    assert not t.consistent(Decision("alignment", 2, 0.6))  # too unlike any source sentence
    assert not trace(key=False).consistent(Decision("alignment", 4, 0.0))  # a name or number unmatched
    assert trace(units=0, cos1=0.0).consistent(Decision("alignment", -1, 0.9))  # a fragment states nothing


def test_score_mode_keeps_what_the_score_accepts():
    t = trace(score=0.9, key=False)
    assert t.consistent(Decision("score", -1, 1.0))
    assert not t.consistent(Decision("alignment", 4, 0.0))
    assert not trace(score=0.9, numbers=True).consistent(Decision("score", -1, 1.0))  # a new number


def test_score_threshold_is_a_setting():
    t = trace(score=0.35, key=False)
    assert t.consistent(Decision("score", -1, 1.0, 0.3))
    assert not t.consistent(Decision("score", -1, 1.0, 0.4))
    # Faithful sentences score 0.35-0.45, edited ones 0.1: a threshold of 0.5 rejects both,
    # the calibration picks one between.
    rows = [CalibrationRow(True, (trace(score=0.35 + k / 100, key=False),)) for k in range(10)]
    rows += [CalibrationRow(False, (trace(score=0.1, key=False),)) for _ in range(10)]
    rule = choose([rows])
    assert rule.support_by == "score" and 0.1 < rule.threshold <= 0.35
    assert (rule.entailed_from, rule.doubted_below) == (
        2.0,
        -1.0,
    )  # no entailment reading: the rule stays off
    assert sentence_bacc(rows, rule)[0] == 1.0


def test_entailment_rule_rescues_and_doubts():
    reworded = trace(score=0.1, key=False, entail=0.4)  # rejected by the wording checks
    assert not reworded.consistent(Decision("score", -1, 1.0))
    assert reworded.consistent(Decision("score", -1, 1.0, 0.5, 0.3))  # entailed from 0.3 on
    assert not reworded.consistent(Decision("score", -1, 1.0, 0.5, 0.5))
    edited = trace(score=0.9, entail=0.01)  # worded like the source, entailed by nothing
    assert edited.consistent(Decision("score", -1, 1.0))
    assert not edited.consistent(Decision("score", -1, 1.0, 0.5, 2.0, 0.02))
    assert not trace(label="contradicted", reached=False, entail=0.9).consistent(
        Decision("score", -1, 1.0, 0.5, 0.3)
    )
    # Calibration finds the rescue where faithful rewordings the wording checks reject read
    # high, and the doubt where edits the wording checks pass read low.
    rows = [
        CalibrationRow(True, (trace(score=0.1, key=False, cos1=0.3, entail=0.3 + k / 100),))
        for k in range(10)
    ]
    rows += [CalibrationRow(False, (trace(score=0.1, key=False, cos1=0.3, entail=0.01),)) for _ in range(10)]
    rule = choose([rows])
    assert 0.01 < rule.entailed_from <= 0.3 and rule.doubted_below == -1.0
    assert sentence_bacc(rows, rule)[0] == 1.0
    rows = [CalibrationRow(True, (trace(score=0.9, entail=0.3),)) for _ in range(10)]
    rows += [CalibrationRow(False, (trace(score=0.9, entail=0.01),)) for _ in range(10)]
    rule = choose([rows])
    assert 0.01 < rule.doubted_below <= 0.3
    assert sentence_bacc(rows, rule)[0] == 1.0


def test_decided_labels_are_kept():
    assert not trace(label="contradicted", reached=False).consistent(Decision("alignment", 4, 0.0))
    assert trace(label="opinion", reached=False, key=False).consistent(Decision("alignment", -1, 1.0))


def test_choose_and_cross_table():
    # Faithful sentences have one loose word; edited ones an unmatched name.
    faithful = [CalibrationRow(True, (trace(unaligned=1),)) for _ in range(4)]
    edited = [CalibrationRow(False, (trace(key=False),)) for _ in range(4)]
    rows = faithful + edited
    rule = choose([rows])
    assert sentence_bacc(rows, rule)[0] == 1.0
    assert rule.carried_unaligned >= 1
    [row] = cross_table({"a": rows, "b": rows}, [(["a"], "b")])
    assert row["scored"] == "b" and row["sentence_bacc"] == 1.0
    assert row["rule_off_bacc"] == 0.5  # the score alone passes nothing here
    assert cross_table({"a": rows}, [(["a"], "missing")]) == []


QAGS_MINI = Path(__file__).parent / "fixtures" / "qags_mini"


def test_calibrate_command_reports_a_bad_line_and_goes_on(tmp_path):
    for name in ("mturk_cnndm.jsonl", "mturk_xsum.jsonl"):
        text = (QAGS_MINI / name).read_text(encoding="utf-8")
        if name == "mturk_cnndm.jsonl":
            text = text.rstrip("\n") + "\n{not json\n"
        (tmp_path / name).write_text(text, encoding="utf-8")
    res = CliRunner().invoke(app, ["bench", "calibrate", "--qags", str(tmp_path), "--json", "-q"])
    assert res.exit_code == 1
    assert f"{tmp_path / 'mturk_cnndm.jsonl'}:4: cannot read QAGS record" in res.stderr
    table = json.loads(res.stdout)
    assert {r["scored"] for r in table} == {"cnndm", "xsum"}


def test_calibrate_command_names_a_missing_qags_file(tmp_path):
    (tmp_path / "mturk_cnndm.jsonl").write_text((QAGS_MINI / "mturk_cnndm.jsonl").read_text(encoding="utf-8"))
    res = CliRunner().invoke(app, ["bench", "calibrate", "--qags", str(tmp_path)])
    assert res.exit_code == 2
    assert "mturk_xsum.jsonl" in res.stderr


def test_a_copy_is_never_doubted():
    copy = Trace(0, 10, "supported", True, 0.9, False, True, 0, 5, 1.0, 0.01, False, True)
    assert copy.consistent(Decision("score", -1, 1.0, 0.5, 2.0, 0.02))
    assert not trace(score=0.9, entail=0.01).consistent(Decision("score", -1, 1.0, 0.5, 2.0, 0.02))


def test_entailment_never_carries_a_new_number():
    t = trace(score=0.9, numbers=True, entail=0.9)
    assert not t.consistent(Decision("score", -1, 1.0, 0.5, 0.1))
