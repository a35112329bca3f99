"""Claims seen across a story: each article's claims with their frame's entities mapped to story
entity ids, and the reporting verbs they carry. The unit every later step (align, scope,
conflicts, verdicts) works on."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from newstrace.records import AnnotatedArticle, Claim, ClaimRef, StoryEntity

__all__ = ["AUTHORED", "REPORTING", "StoryClaim", "cue_lemmas", "head_word", "mention_spans", "story_claims"]

REPORTING = {"announce", "say", "declare", "state", "report", "confirm", "claim", "tell", "deny", "reveal"}
# Acts whose author is itself a checkable fact: "X announced / ordered / approved Y".
AUTHORED = REPORTING | {"order", "approve", "decide", "sign", "launch", "propose", "appoint"}
_STORY_ID = re.compile(r"^E\d+$")


@dataclass
class StoryClaim:
    """A claim with its article and its frame's entities mapped to story entity ids."""

    ref: ClaimRef
    claim: Claim
    ann: AnnotatedArticle
    actors: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    objects: set[str] = field(default_factory=set)
    speaker: str | None = None
    # Every story entity mentioned inside the claim (demonyms count for their country).
    mentioned: set[str] = field(default_factory=set)
    cues: set[str] = field(default_factory=set)  # reporting verbs of statements it carries ("announce")

    @property
    def entities(self) -> set[str]:
        speaker = {self.speaker} if self.speaker and _STORY_ID.match(self.speaker) else set()
        return self.mentioned | self.actors | self.places | self.objects | speaker

    @property
    def checkable(self) -> bool:
        return self.claim.kind in ("report", "quote", "background")


def story_claims(
    anns: Sequence[AnnotatedArticle], story_ids: dict[str, str], entities: Sequence[StoryEntity] = ()
) -> list[StoryClaim]:
    spans = mention_spans(entities)
    out: list[StoryClaim] = []
    for ann in anns:
        aid = ann.article.id
        for c in ann.claims:
            f = c.frame
            sc = StoryClaim(ClaimRef(aid, c.id), c, ann)
            sc.actors = {s for e in f.actors if (s := story_ids.get(f"{aid}/{e}"))}
            sc.places = {s for e in f.places if (s := story_ids.get(f"{aid}/{e}"))}
            sc.objects = {s for e in f.objects if (s := story_ids.get(f"{aid}/{e}"))}
            if f.speaker:
                sc.speaker = story_ids.get(f"{aid}/{f.speaker}") or f.speaker
            sc.mentioned = {eid for a, b, eid in spans[aid] if c.start <= a and b <= c.end}
            sc.cues = cue_lemmas(ann, c)
            out.append(sc)
    return out


def mention_spans(entities: Sequence[StoryEntity]) -> dict[str, list[tuple[int, int, str]]]:
    """Article id -> (start, end, story entity id) of every mention, related ones included."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in entities:
        for m in (*e.mentions, *e.related):
            spans[m.article].append((m.start, m.end, e.id))
    return spans


def cue_lemmas(ann: AnnotatedArticle, c: Claim) -> set[str]:
    """Reporting verbs of the statements inside the claim, roughly lemmatized ("announced")."""
    out: set[str] = set()
    if c.frame.action in REPORTING:
        out.add(c.frame.action)
    for q in ann.quotes:
        if q.cue is not None and c.start <= q.cue.start < c.end:
            word = ann.article.text[q.cue.start : q.cue.end].split()[-1].casefold()
            for suffix, repl in (("ied", "y"), ("ed", ""), ("d", ""), ("s", "")):
                if word.endswith(suffix) and (stem := word[: -len(suffix)] + repl) in REPORTING:
                    out.add(stem)
                    break
    return out


def head_word(obj: str) -> str:
    words = re.findall(r"[a-z]+", obj.casefold())
    return words[-1] if words else ""
