"""Long, messy sources: web-page furniture left in a saved article (ad slots, share prompts,
links to other stories, captions, credits) changes no label, and is never evidence or an
omission."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newstrace.api import read_articles
from newstrace.audit import Auditor
from newstrace.audit._engine import is_furniture
from newstrace.readers import article_from_text

EXAMPLES = Path(__file__).parent.parent.parent / "examples"
FURNITURE = [
    "Story continues below advertisement",
    "Advertisement",
    "Read more: Dam operators across the region review spillways",
    "Photo: Meridian Wire",
    "Getty Images",
    "Share this article",
    "Sign up for our morning newsletter",
    "Related coverage",
]


@pytest.fixture(scope="module")
def auditor(settings) -> Auditor:
    return Auditor(settings)


def test_furniture_lines_are_recognised() -> None:
    for line in FURNITURE:
        assert is_furniture(line, []), line
    assert not is_furniture("Images of the flooded valley spread online on Monday.", [])


def test_messy_source_changes_no_label(auditor, settings) -> None:
    arts, failed = read_articles(
        [EXAMPLES / "corpus" / "meridian_dam_20250310.txt", EXAMPLES / "derived" / "dam_rewrite.txt"]
    )
    assert failed == 0
    source, derived = arts
    paragraphs = source.text.split("\n\n")
    messy_text = "\n\n".join(p + "\n\n" + FURNITURE[i % len(FURNITURE)] for i, p in enumerate(paragraphs))
    messy = article_from_text(messy_text, id=source.id, path=source.path, settings=settings)
    messy = dataclasses.replace(messy, published=source.published)
    clean = auditor.audit([source], derived)
    dirty = auditor.audit([messy], derived)
    assert [s.label for s in dirty.sentences] == [s.label for s in clean.sentences]
    furniture = set(FURNITURE)
    for s in dirty.sentences:
        assert not any(e.text.strip() in furniture for e in s.evidence)
    assert not any(o.text.strip() in furniture for o in dirty.omissions)
    assert len(dirty.omissions) == len(clean.omissions)


def test_a_fragment_cut_in_mid_line_joins_its_sentence() -> None:
    """After a furniture line the parser may cut "Army | helicopters joined ..."; a sentence
    ends at terminal punctuation or a line end, so the fragment is glued back (and is then not
    mistaken for a short furniture line)."""
    from newstrace.audit._engine import _spans
    from newstrace.records import AnnotatedArticle, Article, Sentence

    text = "Photo: Meridian Wire\n\nArmy helicopters joined the search. Rescuers came.\nMore news"
    cut = [(0, 20), (22, 26), (27, 57), (58, 72), (73, 82)]
    ann = AnnotatedArticle(Article("a", "a.txt", text), sentences=tuple(Sentence(a, b) for a, b in cut))
    spans = _spans(ann)
    assert [text[a:b] for a, b in spans] == [
        "Photo: Meridian Wire",
        "Army helicopters joined the search.",
        "Rescuers came.",
        "More news",
    ]


def test_a_number_or_name_in_the_headline_is_in_the_sources(auditor, settings) -> None:
    # The headline is set apart from the body and never parsed; a summary taking its score
    # from it still has a counterpart there (but the headline is no evidence).
    text = (
        "Colts clinch playoff berth with 20-13 win in K. C. Posted on December 23, 2012\n\n"
        "The Indianapolis Colts beat the Kansas City Chiefs on Sunday and clinched a playoff berth. "
        "Andrew Luck threw the winning touchdown to Reggie Wayne."
    )
    source = article_from_text(text, id="src", settings=settings)
    assert source.text.startswith("Colts clinch")
    report, [trace] = auditor.trace(
        [source], article_from_text("The Colts beat the Chiefs 20-13 on Sunday.", id="drv")
    )
    assert trace.key_aligned and not trace.adds_numbers  # every name and number has a counterpart
    assert report.sentences[0].label == "supported"
    assert all(not e.text.startswith("Colts clinch") for e in report.sentences[0].evidence)


def test_a_furniture_line_is_no_counterpart_of_an_act(auditor, settings) -> None:
    # A related-story link says who sued whom in another story: the typed checks never read it.
    text = (
        "Smith and Jones argued over the fence for years, neighbours said.\n\n"
        "Related: Jones sued Smith over a parking space in 2019\n\n"
        "The town council will hear both men on Monday."
    )
    source = article_from_text(text, id="src", settings=settings)
    report = auditor.audit(
        [source], article_from_text("Smith sued Jones over a parking space in 2019.", id="drv")
    )
    assert all(d.type != "roles_swapped" for s in report.sentences for d in s.distortions)
