"""Who is independent of whom, and what each group's verdict means: sources (copy lineage, one
outlet's articles, an article relaying another outlet), single-source details inside shared
claims, the order and wording of groups."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

from newstrace._unionfind import UnionFind
from newstrace.records import AnnotatedArticle, Conflict, CopyLink, Group, StoryEntity
from newstrace.story.claims import StoryClaim
from newstrace.story.facts import Fact

__all__ = ["Known", "explain_fact", "explain_group", "group_order", "severity", "single_source_details", "sources"]

Severity = Literal["low", "medium", "high"]


def sources(anns: Sequence[AnnotatedArticle], links: Sequence[CopyLink]) -> dict[str, str]:
    """Article id -> independent-source id. Copies, one outlet's articles, and an article that
    cites another outlet of the story collapse into one source."""
    ids = [a.article.id for a in anns]
    uf: UnionFind[str] = UnionFind(ids)
    union = uf.union
    for link in links:
        union(link.a, link.b)
    outlet: dict[str, str] = {}
    for a in anns:
        name = _outlet(a)
        if name:
            if name in outlet:
                union(outlet[name], a.article.id)
            else:
                outlet[name] = a.article.id
    # An article relaying a statement "via" another outlet of the story depends on it.
    for a in anns:
        for q in a.quotes:
            for via in q.via:
                key = via.casefold().removeprefix("the ")
                for name, aid in outlet.items():
                    if name == key or (len(key) > 3 and key in name):
                        union(a.article.id, aid)
    return {i: uf.find(i) for i in ids}


def _outlet(a: AnnotatedArticle) -> str | None:
    name = a.article.source or a.article.credit
    return name.casefold().removeprefix("the ") if name else None


_DETAIL_TYPES = {"PERSON", "ORG", "FAC", "GPE", "LOC", "EVENT", "LAW", "PRODUCT"}


class Known:
    """What each independent source mentions or quotes, indexed once per story so the
    single-source checks cost the same per claim however large the story is."""

    def __init__(
        self, anns: Sequence[AnnotatedArticle], entities: Sequence[StoryEntity], source_of: dict[str, str]
    ) -> None:
        self.entity_sources = {e.id: {source_of[m.article] for m in e.mentions} for e in entities}
        self.ngrams: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for a in anns:
            words = _WORDS.findall(a.article.text.casefold())
            src = source_of[a.article.id]
            for n in (1, 2, 3):
                for i in range(len(words) - n + 1):
                    self.ngrams[tuple(words[i : i + n])].add(src)

    def quoted_by_others(self, words: str, src: str) -> bool:
        """Whether another source has these words (every word trigram of them, or the short phrase)."""
        toks = _WORDS.findall(words.casefold())
        if not toks:
            return True
        n = min(3, len(toks))
        grams = [tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)]
        common = set.intersection(*(self.ngrams.get(g, set()) for g in grams))
        return bool(common - {src})


_WORDS = re.compile(r"\w+")


def single_source_details(
    members: Sequence[StoryClaim],
    names: dict[str, StoryEntity],
    source_of: dict[str, str],
    known: Known,
) -> list[Group]:
    """Details inside a shared claim that only one source gives: a person, place or body no
    other source mentions anywhere in the story ("Kiriyenko"), or a direct quote nobody else has."""
    out: list[Group] = []
    for m in members:
        src = source_of[m.ref.article]
        art = m.ann.article
        details: list[str] = []
        for eid in sorted(m.mentioned):
            ent = names.get(eid)
            if ent is None or ent.type not in _DETAIL_TYPES or _is_relay(ent, m.ann):
                continue
            if known.entity_sources.get(eid) == {src}:
                details.append(ent.name)
        for q in m.ann.quotes:
            if q.kind == "direct" and m.claim.start <= q.content.start < m.claim.end and q.speaker:
                words = art.text[q.content.start : q.content.end].strip(" .,'\u2018\u2019\"")
                if words and not known.quoted_by_others(words, src):
                    details.append(f"{q.speaker}'s words '{words}'")
        if details:
            out.append(
                Group(
                    id="",
                    verdict="single_source",
                    claims=(m.ref,),
                    independent_sources=1,
                    explanation=f"Only {m.ref.article} gives this detail: {'; '.join(details)}.",
                    severity="medium",
                )
            )
    return out


def _is_relay(ent: StoryEntity, ann: AnnotatedArticle) -> bool:
    """Outlets and wire services that relay a statement are sourcing, not story facts."""
    names = {ent.name.casefold(), *(a.casefold() for a in ent.aliases)}
    relays = {v.casefold() for q in ann.quotes for v in q.via}
    credit = {(ann.article.credit or "").casefold(), (ann.article.source or "").casefold()}
    return bool(names & (relays | credit)) or any(
        w in ent.name.casefold() for w in ("news agency", "agency", "wire", "media")
    )


_ORDER = {"conflict": 0, "update": 1, "single_source": 2, "corroborated": 3, "opinion": 4}


def group_order(g: Group) -> tuple[int, int, str, str]:
    first = g.claims[0]
    return (_ORDER[g.verdict], -g.independent_sources, first.article, first.claim.zfill(6))


def severity(verdict: str, found: Sequence[Conflict]) -> Severity:
    if found:
        return "high" if any(c.severity == "high" for c in found) else "medium"
    return "medium" if verdict == "single_source" else "low"


def explain_fact(fact: Fact, source_of: dict[str, str]) -> str:
    """How many independent sources state a fact, and which of its articles were counted as one
    source (copies of one another, one outlet's articles, or one relaying the other)."""
    arts = sorted({s.article for s in fact.spans})
    what = "Background fact (another or earlier event), stated" if fact.background else "Stated"
    text = f"{what} by {fact.independent_sources} independent sources ({', '.join(arts)})."
    by_source: dict[str, list[str]] = defaultdict(list)
    for a in arts:
        by_source[source_of[a]].append(a)
    same = [group for group in by_source.values() if len(group) > 1]
    if same:
        text += " Counted as one source each (copies, one outlet, or one relaying the other): " + "; ".join(
            " and ".join(group) for group in same
        ) + "."
    return text


def explain_group(
    verdict: str, members: Sequence[StoryClaim], independent: int, found: Sequence[Conflict]
) -> str:
    arts = sorted({m.ref.article for m in members})
    if verdict in ("conflict", "update"):
        return " ".join(c.explanation for c in found)
    if verdict == "corroborated":
        return f"Reported by {independent} independent sources ({', '.join(arts)})."
    if verdict == "opinion":
        kinds = sorted({m.claim.kind for m in members})
        return f"{' and '.join(kinds).capitalize()}, not a checkable fact ({', '.join(arts)})."
    facts = sorted({m.ref.article for m in members if m.checkable})
    others = [a for a in arts if a not in facts]
    if len(facts) > 1:
        return f"Only one independent source: {', '.join(facts)} are copies of or depend on one another."
    if others:
        return f"Only {facts[0]} reports this as fact; {', '.join(others)} touches on it only in analysis."
    return f"Only {arts[0]} reports this."
