"""Who is independent of whom, and what each group's verdict means: sources (copy lineage, one
outlet's articles, an article relaying another outlet), single-source details inside shared
claims, the order and wording of groups."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

from newstrace._unionfind import UnionFind
from newstrace.records import AnnotatedArticle, Conflict, CopyLink, Group, SourceLink, StoryEntity
from newstrace.story.claims import StoryClaim
from newstrace.story.facts import Fact

__all__ = [
    "Known",
    "count_sources",
    "explain_fact",
    "explain_group",
    "group_order",
    "severity",
    "single_source_details",
    "source_groups",
    "source_links",
    "sources",
    "why_one_source",
]

Severity = Literal["low", "medium", "high"]


def source_links(anns: Sequence[AnnotatedArticle], links: Sequence[CopyLink]) -> list[SourceLink]:
    """Why articles count as one source, pair by pair: near-copies, one outlet's articles, and an
    article relaying a statement via another outlet of the story."""
    out = [SourceLink(link.a, link.b, "copy", f"similarity {link.similarity:.2f}") for link in links]
    outlet: dict[str, list[str]] = defaultdict(list)
    shown: dict[str, str] = {}
    for a in anns:
        name = _outlet(a)
        if name:
            if name in outlet:
                out.append(SourceLink(outlet[name][0], a.article.id, "outlet", shown[name]))
            else:
                shown[name] = (a.article.source or a.article.credit or name).strip()
            outlet[name].append(a.article.id)
    for a in anns:
        relayed: set[str] = set()
        for q in a.quotes:
            for via in q.via:
                key = via.casefold().removeprefix("the ")
                for name, aids in outlet.items():
                    if not (name == key or (len(key) > 3 and key in name)):
                        continue
                    # relaying an outlet depends on each of its articles in the story
                    for aid in aids:
                        if aid != a.article.id and aid not in relayed:
                            relayed.add(aid)
                            out.append(SourceLink(a.article.id, aid, "relay", shown[name]))
    return out


def sources(
    anns: Sequence[AnnotatedArticle], links: Sequence[CopyLink], between: Sequence[SourceLink] | None = None
) -> dict[str, str]:
    """Article id -> independent-source id. Copies, one outlet's articles, and an article that
    cites another outlet of the story collapse into one source (``source_links`` says why;
    ``between``: those links when the caller has them already)."""
    ids = [a.article.id for a in anns]
    uf: UnionFind[str] = UnionFind(ids)
    for link in source_links(anns, links) if between is None else between:
        uf.union(link.a, link.b)
    return {i: uf.find(i) for i in ids}


def why_one_source(articles: Sequence[str], links: Sequence[SourceLink]) -> str:
    """Why these articles (of one source) count once, in words, through the links that join
    them (those inside the group first): "vt-20250310-dam and meridian_dam_20250310 share most
    of their text (similarity 0.77); nl-20250314-rescue-centre relays Baltic Press Agency
    (bpa_summit_20250313)"."""
    members = list(dict.fromkeys(articles))
    inside = set(members)
    edges: list[SourceLink] = []
    for pool in ([x for x in links if x.a in inside and x.b in inside], list(links)):
        joined, edges = {members[0]}, []
        grew = True
        while grew and not inside <= joined:
            grew = False
            for link in pool:
                if (link.a in joined) != (link.b in joined):
                    joined |= {link.a, link.b}
                    edges.append(link)
                    grew = True
        if inside <= joined:
            break
    said: list[str] = []
    for link in edges:
        if link.why == "copy":
            said.append(f"{link.a} and {link.b} share most of their text ({link.detail})")
        elif link.why == "outlet":
            said.append(f"{link.a} and {link.b} are both {link.detail}")
        else:
            said.append(f"{link.a} relays {link.detail} ({link.b})")
    return "; ".join(dict.fromkeys(said))


def source_groups(
    order: Sequence[str], source_of: dict[str, str], links: Sequence[SourceLink]
) -> list[tuple[str, list[str], str]]:
    """The independent sources of a story as (label, articles, why they count as one): labels
    "S1", "S2", ... in the order of their first article (``order``: article ids in report
    order), so no article names a group the others would seem to have copied."""
    members: dict[str, list[str]] = defaultdict(list)
    for aid in order:
        members[source_of[aid]].append(aid)
    return [
        (f"S{k}", arts, why_one_source(arts, links) if len(arts) > 1 else "")
        for k, arts in enumerate(members.values(), start=1)
    ]


def count_sources(articles: Sequence[str], source_of: dict[str, str], links: Sequence[SourceLink]) -> str:
    """ "2 independent sources (a, b)", or with the articles counted as one named and why: "2
    independent sources in 3 articles (a, b, c; b and c count as one: c relays Baltic Press
    Agency (b))"."""
    arts = sorted(set(articles))
    n = len({source_of[a] for a in arts})
    noun = "independent source" if n == 1 else "independent sources"
    by_source: dict[str, list[str]] = defaultdict(list)
    for a in arts:
        by_source[source_of[a]].append(a)
    same = [group for group in by_source.values() if len(group) > 1]
    if not same:
        return f"{n} {noun} ({', '.join(arts)})"
    why = "; ".join(f"{' and '.join(g)} count as one: {why_one_source(g, links)}" for g in same)
    return f"{n} {noun} in {len(arts)} articles ({', '.join(arts)}; {why})"


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


def explain_fact(fact: Fact, source_of: dict[str, str], links: Sequence[SourceLink] = ()) -> str:
    """How many independent sources state a fact, and which of its articles were counted as one
    source, and why (a copy, one outlet, a relay)."""
    what = "Background fact (another or earlier event), stated" if fact.background else "Stated"
    return f"{what} by {count_sources([s.article for s in fact.spans], source_of, links)}."


def explain_group(
    verdict: str,
    members: Sequence[StoryClaim],
    independent: int,
    found: Sequence[Conflict],
    source_of: dict[str, str] | None = None,
    links: Sequence[SourceLink] = (),
) -> str:
    arts = sorted({m.ref.article for m in members})
    if verdict in ("conflict", "update"):
        return " ".join(c.explanation for c in found)
    if verdict == "corroborated":
        if source_of is not None:
            return f"Reported by {count_sources(arts, source_of, links)}."
        return f"Reported by {independent} independent sources ({', '.join(arts)})."
    if verdict == "opinion":
        kinds = sorted({m.claim.kind for m in members})
        return f"{' and '.join(kinds).capitalize()}, not a checkable fact ({', '.join(arts)})."
    facts = sorted({m.ref.article for m in members if m.checkable})
    others = [a for a in arts if a not in facts]
    if len(facts) > 1:
        why = why_one_source(facts, links) if links else "copies of or depending on one another"
        return f"Only one independent source: {', '.join(facts)} count as one ({why})."
    if others:
        return f"Only {facts[0]} reports this as fact; {', '.join(others)} touches on it only in analysis."
    return f"Only {arts[0]} reports this."
