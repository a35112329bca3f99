"""Gold gate for the audit: the example rewrite (examples/derived/dam_rewrite.txt) of the
Meridian Wire dam report, with one planted phenomenon per sentence (see examples/README.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newstrace.api import read_articles
from newstrace.audit import Auditor
from newstrace.records import AuditReport, AuditSentence

EXAMPLES = Path(__file__).parent.parent.parent / "examples"


@pytest.fixture(scope="module")
def report(settings) -> AuditReport:
    arts, failed = read_articles(
        [EXAMPLES / "corpus" / "meridian_dam_20250310.txt", EXAMPLES / "derived" / "dam_rewrite.txt"]
    )
    assert failed == 0
    source, derived = arts
    return Auditor(settings).audit([source], derived)


def _sentence(report: AuditReport, words: str) -> AuditSentence:
    [hit] = [s for s in report.sentences if words in s.text]
    return hit


def test_changed_toll_and_day_are_contradicted(report):
    s = _sentence(report, "At least 12 people")
    assert s.label == "contradicted"
    kinds = {d.type: d for d in s.distortions}
    assert kinds["number_changed"].derived == "12 people" and kinds["number_changed"].source == "nine people"
    assert (kinds["date_changed"].derived, kinds["date_changed"].source) == ("Sunday", "Monday")


def test_copied_sentence_is_supported(report):
    s = _sentence(report, "The Horodnia dam")
    assert s.label == "supported"
    assert s.evidence[0].text.startswith("The Horodnia dam")


def test_invented_expert_is_unsupported_and_named(report):
    s = _sentence(report, "Tomas Brandt")
    assert s.label == "unsupported"
    assert "Tomas Brandt" in s.reason


def test_officials_forecast_stated_as_fact_is_a_dropped_relay(report):
    s = _sentence(report, "will rise")
    assert s.label == "partially_supported"
    assert [d.type for d in s.distortions] == ["relay_dropped"]
    assert "Officials said" in s.distortions[0].source


def test_governors_own_act_is_not_a_dropped_relay(report):
    s = _sentence(report, "declared a state of emergency")
    dropped = [d.derived for d in s.distortions if d.type == "relay_dropped"]
    # The evacuation is the governor's claim, the declaration his act.
    assert dropped and all("declared" not in d for d in dropped)
    assert "Oleksiy Dorofeyev" in s.reason
    assert not re.search(r"\be\d+\b", s.reason)  # names, never internal entity ids


def test_speculation_is_opinion(report):
    assert _sentence(report, "reignite a bitter debate").label == "opinion"


def test_omissions_put_quotes_first_and_the_verdict_is_inconsistent(report):
    assert not report.consistent
    texts = [o.text for o in report.omissions]
    assert texts[0].startswith("Dorofeyev told reporters")
    assert any("Halyna Moroz" in t for t in texts)
    assert [o.importance for o in report.omissions] == sorted(
        (o.importance for o in report.omissions), reverse=True
    )
