from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newstrace.bench.timeml import GoldTimex
from newstrace.bench.timex import PRF, main, run_timex_bench, score_doc
from newstrace.records import TimeExpr

FIXTURES = Path(__file__).parent / "fixtures"
TEXT = "On Monday and last week he left; in 2020 it rained for three days."


def _g(s: int, e: int, typ: str, value: str) -> GoldTimex:
    return GoldTimex(s, e, TEXT[s:e], typ, value)


def _s(s: int, e: int, typ: str, value: str) -> TimeExpr:
    return TimeExpr(s, e, TEXT[s:e], typ, value)  # type: ignore[arg-type]


def test_hand_computed_scores() -> None:
    monday = TEXT.index("Monday")
    last_week = TEXT.index("last week")
    y2020 = TEXT.index("2020")
    three = TEXT.index("three days")
    gold = [
        _g(monday, monday + 6, "DATE", "2025-05-19"),
        _g(last_week, last_week + 9, "DATE", "2025-W20"),
        _g(y2020, y2020 + 4, "DATE", "2020"),
        _g(three, three + 10, "DURATION", "P3D"),
    ]
    system = [
        _s(monday - 3, monday + 6, "DATE", "2025-05-19"),  # relaxed only ("On Monday"), right value
        _s(last_week, last_week + 9, "DATE", "2025-W21"),  # strict, wrong value
        _s(y2020, y2020 + 4, "DURATION", "2020"),  # strict, right value, wrong type
        _s(0, 2, "DATE", "XXXX"),  # spurious: overlaps gold "Monday"? no: "On" ends before it
    ]
    counts, errors = score_doc("d", TEXT, gold, system)
    strict, relaxed, value, typ, n_sys, n_gold = counts
    assert (strict, relaxed, value, typ, n_sys, n_gold) == (2, 3, 2, 2, 4, 4)
    kinds = sorted(e.kind for e in errors)
    assert kinds == ["missed", "span", "spurious", "type", "value"]
    prf = PRF(value, n_sys, n_gold)
    assert prf.precision == pytest.approx(0.5) and prf.recall == pytest.approx(0.5)
    assert prf.f1 == pytest.approx(0.5)


def test_relaxed_matching_is_one_to_one() -> None:
    gold = [_g(3, 9, "DATE", "a"), _g(14, 23, "DATE", "b")]
    # One long system span overlapping both gold items matches only one of them.
    system = [_s(3, 23, "DATE", "a")]
    counts, _ = score_doc("d", TEXT, gold, system)
    assert counts[1] == 1 and counts[4] == 1 and counts[5] == 2


def test_run_on_fixture_with_custom_tagger() -> None:
    def perfect_on_tuesday(text: str, dct: dt.date | None) -> list[TimeExpr]:
        i = text.index("Tuesday")
        return [TimeExpr(i, i + 7, "Tuesday", "DATE", "2025-05-20")]

    rep = run_timex_bench(FIXTURES / "mini.tml", perfect_on_tuesday)
    assert rep.docs == 1 and rep.n_gold == 4 and rep.n_sys == 1
    assert rep.value.precision == 1.0 and rep.value.recall == pytest.approx(0.25)
    assert rep.words_per_s > 0
    d = rep.to_dict()
    assert d["value"]["correct"] == 1 and d["gold_timexes"] == 4
    assert "value" in rep.format()
    missed = [e.gold_text for e in rep.errors(["missed"])]
    assert missed == ["last month", "the past three years", "next week"]


def test_default_tagger_on_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    rep = run_timex_bench(FIXTURES / "mini.tml")
    assert rep.value.f1 == 1.0 and rep.strict.f1 == 1.0
    assert main([str(FIXTURES / "mini.tml"), "--json"]) == 0
    assert '"value"' in capsys.readouterr().out
