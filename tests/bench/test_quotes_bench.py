from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newstrace.bench.quotes import Counts, group_quotes, run_quotes_bench, score_items
from newstrace.records import Quote, Span

FIX = Path(__file__).parent / "fixtures" / "polnear_mini"


def test_counts_prf() -> None:
    c = Counts(tp=2, n_sys=4, n_gold=5)
    assert c.precision == 0.5 and c.recall == 0.4
    assert c.f1 == pytest.approx(2 * 0.5 * 0.4 / 0.9)


def test_score_items_hand_computed() -> None:
    text = '"Hello there," said Ann. Bob left.  Cy came.'
    gold = [((0, 14),), ((25, 33),), ((36, 44),)]
    # exact after trimming the quote marks and comma; a partial overlap; an item matching nothing.
    system = [((1, 12),), ((25, 28),), ((15, 19),)]
    exact = score_items(gold, system, text, exact=True)
    assert (exact.tp, exact.n_sys, exact.n_gold) == (1, 3, 3)
    overlap = score_items(gold, system, text, exact=False)
    assert (overlap.tp, overlap.n_sys, overlap.n_gold) == (2, 3, 3)


def test_greedy_matching_is_one_to_one() -> None:
    text = "x" * 40
    gold = [((0, 20),)]
    system = [((0, 10),), ((5, 20),)]  # both overlap the one gold item; only the larger counts
    c = score_items(gold, system, text, exact=False)
    assert (c.tp, c.n_sys, c.n_gold) == (1, 2, 1)


def test_group_quotes_by_speaker_and_cue() -> None:
    sp, cue = Span(20, 23), Span(15, 19)
    qs = [
        Quote("Ann", None, sp, cue, Span(1, 12), "direct"),
        Quote("Ann", None, sp, cue, Span(26, 40), "direct"),
        Quote(None, None, None, None, Span(50, 60), "direct"),
        Quote(None, None, None, None, Span(70, 80), "direct"),
    ]
    items = group_quotes(qs)
    assert len(items) == 3
    assert items[0].content == ((1, 12), (26, 40))
    assert items[0].source == ((20, 23),) and items[0].cue == ((15, 19),)
    assert items[1].source == () and items[1].cue == ()


def test_run_bench_on_fixture() -> None:
    baseline = importlib.util.find_spec("textacy") is not None
    report = run_quotes_bench(FIX, baseline=baseline)
    assert report.documents == 1 and report.gold_attributions == 3
    content = report.newstrace.counts["content"]
    # The two-fragment direct quote, the "officials said" clause and the parenthetical "Ortiz added".
    assert content["overlap"].tp == 3 and content["overlap"].n_gold == 3
    assert content["exact"].tp == 3
    assert report.newstrace.counts["source"]["exact"].tp == 3
    d = report.to_dict()
    assert d["newstrace"]["content"]["overlap"]["f1"] == 1.0
    assert d["newstrace"]["words_per_second"] > 0
    table = report.format()
    assert "newstrace" in table and "content" in table
    if baseline:
        # textacy finds direct quotations only: the one quoted attribution.
        assert report.baseline is not None
        assert report.baseline.counts["content"]["overlap"].tp == 1
