from __future__ import annotations

from newstrace.readers import article_from_text
from newstrace.records import AnnotatedArticle
from newstrace.stages.segment import SegmentStage, chunks


def test_sentences_respect_paragraphs_and_offsets(settings, fixtures):
    text = (fixtures / "wire_dam.txt").read_text(encoding="utf-8")
    art = article_from_text(text, id="w")
    [ann] = SegmentStage(settings)([AnnotatedArticle(article=art)])
    assert ann.sentences[0].start == art.body_start
    for s in ann.sentences:
        piece = text[s.start : s.end]
        assert piece == piece.strip() and piece
        assert "\n\n" not in piece, "a blank line always ends a sentence"
    assert any(text[s.start : s.end].startswith("Duarte will visit") for s in ann.sentences)
    labels = {(m.text, m.label) for m in ann.mentions}
    assert ("Helena Duarte", "PERSON") in labels
    for m in ann.mentions:
        assert text[m.start : m.end] == m.text


def test_chunks_cover_text_at_paragraph_breaks():
    text = "intro\n\n" + ("para one words. " * 20 + "\n\n") * 10
    pieces = list(chunks(text, 7, limit=400))
    assert "".join(p for _, p in pieces) == text[7:]
    assert all(len(p) <= 400 for _, p in pieces)
    assert all(text[off : off + len(p)] == p for off, p in pieces)
    assert all(p.endswith("\n") for _, p in pieces[:-1])


def test_long_article_is_chunked_with_global_offsets(settings):
    para = "The council met on Monday. It approved the budget after a long debate.\n\n"
    text = "date 2025-02-05 Oslo, Feb. 5 - " + para * 2000  # ~150k chars: more than one chunk
    art = article_from_text(text, id="long")
    [ann] = SegmentStage(settings)([AnnotatedArticle(article=art)])
    assert len(ann.docs) >= 2
    assert len(ann.sentences) >= 4000
    last = ann.sentences[-1]
    assert text[last.start : last.end] == "It approved the budget after a long debate."
