"""The bundled example corpus against its gold expectations (examples/gold/expected.json).

This is the project's own quality gate for reading and time normalization: it runs anywhere,
without ../shared.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstrace.records import AnnotatedArticle, Article

EXAMPLES = Path(__file__).parent.parent / "examples"
GOLD = json.loads((EXAMPLES / "gold" / "expected.json").read_text(encoding="utf-8"))


def _key(art: Article) -> str:
    name = Path(art.path).name
    return f"{name}#{art.id}" if name.endswith(".jsonl") else name


@pytest.fixture(scope="module")
def corpus(pipeline) -> dict[str, AnnotatedArticle]:
    from newstrace.readers import read_paths

    recs = list(read_paths([EXAMPLES / "corpus"]))
    arts = [r for r in recs if isinstance(r, Article)]
    assert len(arts) == len(recs), [r for r in recs if not isinstance(r, Article)]
    return {_key(a.article): a for a in pipeline.annotate(arts)}


def test_corpus_shape(corpus):
    assert len(corpus) >= 8
    outlets = {g["outlet"] for g in GOLD["articles"].values()}
    events = {g["event"] for g in GOLD["articles"].values()}
    assert len(outlets) >= 4 and len(events) >= 2


@pytest.mark.parametrize("name", sorted(GOLD["articles"]))
def test_article_metadata(corpus, name):
    gold = GOLD["articles"][name]
    art = corpus[name].article
    assert (art.published.isoformat() if art.published else None) == gold["published"]
    assert art.place == gold["place"]
    assert art.credit == gold["credit"]
    for field in ("source", "author", "title"):
        if field in gold:
            assert getattr(art, field) == gold[field], field
    assert art.language == "en"


def test_time_values(corpus):
    """Every gold time expression is found (overlapping span) with the gold TIMEX3 value."""
    misses = []
    for item in GOLD["times"]:
        ann = corpus[item["file"]]
        text = ann.article.text
        at = text.find(item["text"])
        assert at >= 0, item
        end = at + len(item["text"])
        hits = [t for t in ann.times if t.start < end and at < t.end]
        if not hits or hits[0].value != item["value"]:
            misses.append((item, [(t.text, t.value) for t in hits]))
    assert not misses, misses


def _owner(ents, name: str) -> str | None:
    for e in ents:
        if any(m.text == name for m in e.mentions) or e.name == name:
            return e.id
    return None


def test_same_document_aliases(corpus):
    """Acronym/alias pairs planted inside one article end up in one entity."""
    pairs = [p for p in GOLD["entities_same"] if p["a"][0] == p["b"][0]]
    for p in pairs:
        ents = corpus[p["a"][0]].entities
        owner_a = _owner(ents, p["a"][1])
        assert owner_a is not None, p
        assert owner_a == _owner(ents, p["b"][1]), p


def test_same_document_different_people(corpus):
    pairs = [p for p in GOLD["entities_different"] if p["a"][0] == p["b"][0]]
    for p in pairs:
        ents = corpus[p["a"][0]].entities
        ids_a = {e.id for e in ents if p["a"][1] in {m.text for m in e.mentions} | {e.name}}
        ids_b = {e.id for e in ents if p["b"][1] in {m.text for m in e.mentions} | {e.name}}
        assert ids_a and ids_b and not ids_a & ids_b, p
