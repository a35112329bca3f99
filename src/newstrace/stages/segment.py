"""``segment``: spaCy over the article body -> sentences and raw named-entity mentions.

Long bodies are parsed in chunks cut at paragraph breaks, so a huge article neither hits
spaCy's max_length nor holds one giant Doc in memory; offsets stay global.
"""

from __future__ import annotations

from collections.abc import Iterator

from newstrace.config import Settings
from newstrace.models import load_spacy
from newstrace.records import AnnotatedArticle, Mention, Sentence
from newstrace.stages._registry import register

CHUNK_CHARS = 100_000


def chunks(text: str, start: int, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Split ``text[start:]`` into (offset, piece) of at most ``limit`` chars, preferring blank lines."""
    pos = start
    end = len(text)
    while pos < end:
        stop = min(end, pos + limit)
        if stop < end:
            cut = text.rfind("\n\n", pos, stop)
            if cut <= pos:
                cut = text.rfind("\n", pos, stop)
            if cut <= pos:
                cut = text.rfind(" ", pos, stop)
            stop = cut + 1 if cut > pos else stop
        yield pos, text[pos:stop]
        pos = stop


class SegmentStage:
    def __init__(self, settings: Settings) -> None:
        self.nlp = load_spacy(settings.spacy_model)
        self.batch_size = settings.batch_size

    def __call__(self, batch: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
        pieces: list[tuple[int, int, str]] = []  # (batch index, offset, text)
        for i, ann in enumerate(batch):
            for off, piece in chunks(ann.article.text, ann.article.body_start):
                pieces.append((i, off, piece))
        parsed = self.nlp.pipe((p[2] for p in pieces), batch_size=self.batch_size)
        sents: list[list[Sentence]] = [[] for _ in batch]
        ments: list[list[Mention]] = [[] for _ in batch]
        docs: list[list[tuple[int, object]]] = [[] for _ in batch]
        for (i, off, _), doc in zip(pieces, parsed, strict=True):
            docs[i].append((off, doc))
            for s in doc.sents:
                text = s.text
                lead = len(text) - len(text.lstrip())
                body = text.strip()
                if body:
                    a = off + s.start_char + lead
                    sents[i].append(Sentence(a, a + len(body)))
            for e in doc.ents:
                ments[i].append(Mention(off + e.start_char, off + e.end_char, e.text, e.label_))
        return [
            ann.replace(sentences=tuple(sents[i]), mentions=tuple(ments[i]), docs=tuple(docs[i]))
            for i, ann in enumerate(batch)
        ]


@register("segment", assigns=("sentences", "mentions", "docs"))
def make_segment(settings: Settings) -> SegmentStage:
    return SegmentStage(settings)
