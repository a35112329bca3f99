"""Entity resolution across articles: merge per-article entities that denote one real entity.

Input is the per-article entities the ``entities`` stage produced; nothing is re-parsed.
Each merge keeps a reason a person can check. Rules, in order of confidence:

1. same name: identical names (case, "the", possessives ignored) of compatible types;
2. alias: a gazetteer alias or an acronym written out in one article ("DPRK" = "North Korea");
3. acronym: an all-caps name equal to the initials of another entity's name;
4. transliteration: two people whose surnames are near-identical after folding romanization
   variants ("Khinshtein" ~ "Khinstin"), *and* whose first names agree, *or* who hold the same
   role ("governor") in their articles. A first name and its short form agree ("Gabby" /
   "Gabrielle", ``data/nicknames.tsv``); different first names never merge ("Nadia Petrenko"
   and "Ihor Petrenko" stay apart);
5. surname alone: an entity known only by a surname joins the one full name in the story with
   that surname; with two candidates it stays alone.
Demonyms ("North Korean") are attached to their country as ``related`` mentions, not merged.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from newstrace._unionfind import UnionFind
from newstrace.lexicon import Place, demonyms, gazetteer, initials, name_key, same_first_name, strip_titles
from newstrace.records import AnnotatedArticle, Entity, Merge, StoryEntity, StoryMention
from newstrace.story._names import fold, name_similarity, skeleton

SURNAME_MIN = 0.9
FIRSTNAME_MIN = 0.85
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
_ROLE_WORDS = (
    "governor",
    "president",
    "prime minister",
    "minister",
    "mayor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "director",
    "commander",
    "general",
    "secretary",
    "ambassador",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "senator",
    "judge",
    "prosecutor",
    "head",
    "leader",
    "envoy",
)
_ROLE_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in _ROLE_WORDS) + r")\b", re.IGNORECASE)
_COMPATIBLE = {frozenset({"GPE", "LOC"}), frozenset({"GPE", "ORG"}), frozenset({"ORG", "FAC"})}


@dataclass
class _Node:
    ref: str
    article: str
    entity: Entity
    key: str
    canon: str
    roles: set[str] = field(default_factory=set)

    @property
    def is_person(self) -> bool:
        return self.entity.type == "PERSON"

    @property
    def tokens(self) -> list[str]:
        return list(strip_titles(self.entity.name).split())


def _compatible(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in _COMPATIBLE


def _roles(ann: AnnotatedArticle, ent: Entity) -> set[str]:
    """Role words next to the entity's mentions, within its sentence (e.g. 'acting governor X')."""
    text = ann.article.text
    found: set[str] = set()
    for m in ent.mentions:
        sent = next((s for s in ann.sentences if s.start <= m.start < s.end), None)
        lo = max(sent.start if sent else 0, m.start - 60)
        hi = min(sent.end if sent else len(text), m.end + 40)
        found.update(w.group(1).casefold() for w in _ROLE_RE.finditer(text, lo, hi))
    return found


def _person_match(a: _Node, b: _Node) -> str | None:
    """Reason to merge two people with multi-token names, or None."""
    ta, tb = a.tokens, b.tokens
    if len(ta) < 2 or len(tb) < 2:
        return None
    sur = name_similarity(ta[-1], tb[-1])
    if sur < SURNAME_MIN and skeleton(fold(ta[-1])) != skeleton(fold(tb[-1])):
        return None
    first = name_similarity(ta[0], tb[0])
    nickname = same_first_name(ta[0], tb[0]) and ta[0].casefold() != tb[0].casefold()
    first_ok = first >= FIRSTNAME_MIN or skeleton(fold(ta[0])) == skeleton(fold(tb[0])) or nickname
    shared_roles = sorted(a.roles & b.roles)
    if not first_ok:
        return None  # different first names: two people who share a surname
    how = ", a short form (data/nicknames.tsv)" if nickname and first < FIRSTNAME_MIN else ""
    evidence = [f"first names agree ({ta[0]} ~ {tb[0]}{how})"]
    if shared_roles:
        evidence.append(f"same role ({', '.join(shared_roles)})")
    return f"transliteration: {a.entity.name} ~ {b.entity.name} (surname similarity {sur:.2f}); " + "; ".join(
        evidence
    )


def resolve_entities(anns: Sequence[AnnotatedArticle]) -> tuple[StoryEntity, ...]:
    gaz = gazetteer()
    dem = demonyms()
    nodes: list[_Node] = []
    norp: list[tuple[str, Entity]] = []
    acronym_defs: dict[str, str] = {}  # acronym key -> long-form key, from any article
    for ann in anns:
        aid = ann.article.id
        for ent in ann.entities:
            if ent.type == "NORP":
                norp.append((aid, ent))
                continue
            key = name_key(strip_titles(ent.name) if ent.type == "PERSON" else ent.name)
            place = gaz.get(key)
            canon = name_key(place.name) if place is not None else key
            nodes.append(_Node(f"{aid}/{ent.id}", aid, ent, key, canon, _roles(ann, ent)))
            # An entity whose mentions include an acronym and a long form records the pairing.
            for m in ent.mentions:
                if _ACRONYM.match(m.text) and m.text != ent.name:
                    acronym_defs.setdefault(name_key(m.text), key)

    uf: UnionFind[int] = UnionFind(range(len(nodes)))
    merges: list[Merge] = []

    def merge(i: int, j: int, reason: str) -> None:
        if uf.union(i, j):
            merges.append(Merge(nodes[i].ref, nodes[j].ref, reason))

    # A one-word "person" that is a place elsewhere in the story is that place: the small model
    # tags unfamiliar city names as people ("Sarnholm").
    place_keys = {n.key for n in nodes if n.entity.type in ("GPE", "LOC")}
    for n in nodes:
        if n.is_person and len(n.tokens) == 1 and n.key in place_keys:
            n.entity = replace(n.entity, type="GPE")

    # 1-2. Same name, or the same gazetteer / acronym canonical form.
    first_by_canon: dict[str, int] = {}
    for i, n in enumerate(nodes):
        canon = acronym_defs.get(n.canon, n.canon)
        if n.is_person and len(n.tokens) < 2:
            continue  # bare surnames are handled by rule 5
        if canon in first_by_canon:
            j = first_by_canon[canon]
            if _compatible(nodes[j].entity.type, n.entity.type):
                if nodes[j].key == n.key:
                    reason = f"same name: {n.entity.name}"
                else:
                    reason = f"alias: {nodes[j].entity.name} = {n.entity.name}"
                merge(j, i, reason)
        else:
            first_by_canon[canon] = i

    # 3. Acronyms across articles: "CACS" here, "Council of Amber Coast States" there.
    by_initials: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        if not n.is_person and " " in n.entity.name:
            by_initials[initials(n.entity.name)].append(i)
    for i, n in enumerate(nodes):
        if _ACRONYM.match(n.entity.name):
            cands = {uf.find(j) for j in by_initials.get(n.entity.name, [])}
            if len(cands) == 1:
                j = by_initials[n.entity.name][0]
                merge(j, i, f"acronym: {n.entity.name} = {nodes[j].entity.name}")

    # 4. Transliteration variants of people's full names.
    # Blocked by the folded surname's first letter, so a large story is not all-pairs.
    people = [i for i, n in enumerate(nodes) if n.is_person and len(n.tokens) >= 2]
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in people:
        blocks[fold(nodes[i].tokens[-1])[:1]].append(i)
    for block in blocks.values():
        for x, i in enumerate(block):
            for j in block[x + 1 :]:
                if uf.find(i) != uf.find(j) and (why := _person_match(nodes[i], nodes[j])) is not None:
                    merge(i, j, why)

    # 5. Bare surnames join the single full name (group) in the story that ends with them. With
    # no full name to join, the same bare name in several articles is one person ("Mahmud" in a
    # wire story and in its rewrite); with two candidates it stays alone.
    bare_first: dict[str, int] = {}
    for i, n in enumerate(nodes):
        if not n.is_person or len(n.tokens) != 1:
            continue
        groups = {
            uf.find(j) for j in people if name_similarity(nodes[j].tokens[-1], n.tokens[0]) >= SURNAME_MIN
        }
        if len(groups) == 1:
            j = next(j for j in people if uf.find(j) in groups)
            merge(j, i, f"surname: {n.entity.name} -> {nodes[j].entity.name}")
        elif not groups:
            bare = name_key(n.tokens[0])
            if bare in bare_first:
                merge(bare_first[bare], i, f"same name: {n.entity.name}")
            else:
                bare_first[bare] = i

    return _build(nodes, uf, merges, norp, dem)


def _build(
    nodes: list[_Node],
    uf: UnionFind[int],
    merges: list[Merge],
    norp: list[tuple[str, Entity]],
    dem: dict[str, Place],
) -> tuple[StoryEntity, ...]:
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        members[uf.find(i)].append(i)
    canon_of_root = {root: nodes[root].canon for root in members}
    related: dict[int, list[StoryMention]] = defaultdict(list)
    for aid, ent in norp:
        place = dem.get(name_key(ent.name))
        if place is None:
            continue
        target = name_key(place.name)
        root = next((r for r, c in canon_of_root.items() if c == target), None)
        if root is not None:
            related[root].extend(StoryMention(aid, m.start, m.end, m.text) for m in ent.mentions)
    by_ref = {n.ref: uf.find(i) for i, n in enumerate(nodes)}
    out: list[StoryEntity] = []
    order = sorted(members, key=lambda r: (nodes[r].article, nodes[r].entity.mentions[0].start))
    for n, root in enumerate(order, start=1):
        group = [nodes[i] for i in members[root]]
        mentions = tuple(
            StoryMention(g.article, m.start, m.end, m.text) for g in group for m in g.entity.mentions
        )
        names = Counter(g.entity.name for g in group)
        # The most used full name; ties go to the longest.
        name = max(names, key=lambda t: (len(t.split()) > 1, names[t], len(t)))
        types = Counter(g.entity.type for g in group)
        aliases = tuple(sorted({m.text for m in mentions} - {name}))
        out.append(
            StoryEntity(
                id=f"E{n}",
                name=name,
                type=types.most_common(1)[0][0],
                aliases=aliases,
                mentions=mentions,
                members=tuple(g.ref for g in group),
                merges=tuple(m for m in merges if by_ref[m.a] == root),
                related=tuple(related.get(root, ())),
            )
        )
    return tuple(out)
