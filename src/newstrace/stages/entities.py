"""``entities``: clean spaCy's mentions, correct their types, and group them within a document.

Grouping rules, each a fact a reader applies without thinking:
- the same name (ignoring case, a leading "the" and a possessive) is the same entity;
- a surname alone joins the full name it ends ("Putin" -> "Vladimir Putin") when only one
  person in the document has that surname;
- an acronym joins its expansion: written out once as "Long Name (LN)" in the text, or listed
  as an alias in the packaged gazetteer ("DPRK" = "North Korea");
- a name the small model mistypes ("Kursk" as PRODUCT) takes the gazetteer's type, or GPE when
  followed by "region", "oblast", "province".
Cross-article resolution (transliterations, roles) belongs to the story level, not here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from newstrace._unionfind import UnionFind
from newstrace.config import Settings
from newstrace.lexicon import STOP_INITIAL, Place, demonyms, gazetteer, initials, name_key, strip_titles
from newstrace.records import AnnotatedArticle, Entity, Mention
from newstrace.stages._registry import register

KEEP_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
_REGION_AFTER = re.compile(
    r"\s+(?:region|Region|oblast|Oblast|province|Province|district|District|governorate)\b"
)
_REGION_SUFFIX = re.compile(r"\s+(?:region|oblast|province|governorate)$")
_OUTLET_WORDS = {
    "Wire",
    "Agency",
    "News",
    "Times",
    "Post",
    "Press",
    "Herald",
    "Courier",
    "Review",
    "Today",
    "Journal",
    "Gazette",
    "Tribune",
    "Service",
    "Radio",
    "Television",
    "TV",
    "Daily",
    "Telegraph",
}
_ACRONYM_DEF = re.compile(r"\(([A-Z][A-Z0-9&.]{1,9})\)")


def _clean(m: Mention, text: str) -> Mention | None:
    """Trim a leading article, trailing possessive and punctuation from a mention span."""
    s, e = m.start, m.end
    # "The World Health Organization (WHO": the model swallows an acronym's opening bracket.
    paren = text.find(" (", s, e)
    if paren > s:
        e = paren
    span = text[s:e]
    lead = re.match(r"(?:the|The)\s+", span)
    if lead and m.label != "WORK_OF_ART":
        s += lead.end()
    tail = re.search(r"(?:['\u2019]s?|[\s,.;:])+$", text[s:e])
    if tail and m.label not in ("NORP",):
        e = s + tail.start()
    # "Article 4 of the": the small model sometimes ends a name on a function word.
    trail = re.search(r"\s+(?:of|the|and|of the)$", text[s:e])
    if trail:
        e = s + trail.start()
    if e <= s:
        return None
    return Mention(s, e, text[s:e], m.label)


def _acronym_defs(text: str, start: int) -> dict[str, str]:
    """Acronyms written out in the text as "Long Name (LN)": acronym -> long name."""
    defs: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text, start):
        acr = m.group(1).replace(".", "")
        before = text[max(start, m.start() - 120) : m.start()].rstrip()
        words = re.findall(r"[A-Za-z][\w'\u2019.-]*|&", before)
        # Take the shortest tail of preceding words whose initials spell the acronym.
        for n in range(1, min(len(words), 12) + 1):
            tail = words[-n:]
            if tail[0].casefold() in STOP_INITIAL:
                continue
            if initials(" ".join(tail)) == acr:
                defs.setdefault(acr, " ".join(tail))
                break
    return defs


def _retype(m: Mention, text: str, gaz: dict[str, Place], person_tokens: set[str]) -> Mention:
    key = name_key(m.text)
    place = gaz.get(key)
    label = m.label
    if place is not None and label != "NORP":
        # Keep PERSON when the word is part of someone's full name here ("Michael Jordan").
        if label != "PERSON" or key not in person_tokens:
            label = place.type
    elif label in ("PRODUCT", "ORG", "PERSON", "FAC") and (
        _REGION_AFTER.match(text, m.end) or _REGION_SUFFIX.search(key)
    ):
        label = "GPE"
    elif label in ("PERSON", "PRODUCT", "WORK_OF_ART") and m.text.split()[-1] in _OUTLET_WORDS:
        label = "ORG"  # "Meridian Wire", "Baltic Press Agency" are outlets, not people
    return m if label == m.label else Mention(m.start, m.end, m.text, label)


_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")


def _listed_places(mentions: list[Mention], text: str) -> list[Mention]:
    """A name tagged as a person inside a list of places is a place: "in Sydney, Melbourne,
    Brisbane and Fremantle" (the small model often makes the last of a list a person). Only in a
    list of at least three where two or more are places, and only names of one or two words."""
    out = list(mentions)
    ordered = sorted(range(len(out)), key=lambda n: out[n].start)
    chain: list[int] = []

    def settle() -> None:
        places = sum(out[n].label == "GPE" for n in chain)
        if len(chain) >= 3 and places >= 2:
            for n in chain:
                m = out[n]
                if m.label == "PERSON" and len(m.text.split()) <= 2:
                    out[n] = Mention(m.start, m.end, m.text, "GPE")

    for n in ordered:
        if chain:
            last = out[chain[-1]]
            gap = text[last.end : out[n].start]
            if last.end <= out[n].start and _LIST_SEPARATOR.fullmatch(gap):
                chain.append(n)
                continue
            settle()
        chain = [n]
    if chain:
        settle()
    return out


def group_mentions(text: str, body_start: int, raw: tuple[Mention, ...]) -> tuple[Entity, ...]:
    gaz = gazetteer()
    cleaned = [c for m in raw if m.label in KEEP_LABELS and (c := _clean(m, text)) is not None]
    person_tokens = {
        w.casefold() for m in cleaned if m.label == "PERSON" and " " in m.text for w in m.text.split()
    }
    mentions = _listed_places([_retype(m, text, gaz, person_tokens) for m in cleaned], text)

    # Acronyms the model missed (it often skips "KCNA"): add every whole-word use of a defined one.
    defs = _acronym_defs(text, body_start)
    covered = {(m.start, m.end) for m in mentions}
    for acr in defs:
        for hit in re.finditer(rf"\b{re.escape(acr)}\b", text[body_start:]):
            s, e = body_start + hit.start(), body_start + hit.end()
            if (s, e) not in covered and not any(m.start <= s < m.end for m in mentions):
                mentions.append(Mention(s, e, acr, "ORG"))
                covered.add((s, e))
    _add_surname_mentions(text, body_start, mentions)
    mentions.sort(key=lambda m: (m.start, m.end))

    # One key per mention; aliases (gazetteer, acronym definitions) map to one canonical key.
    acr_to_long = {name_key(a): name_key(long) for a, long in defs.items()}
    # "Kursk-2 Nuclear Power Plant (NPP)": the acronym spells only the tail of the name the model found.
    mention_keys = {name_key(m.text) for m in mentions}
    for acr, long in list(acr_to_long.items()):
        if long not in mention_keys:
            longer = sorted(k for k in mention_keys if k.endswith(" " + long) or k.endswith("-" + long))
            if longer:
                acr_to_long[acr] = longer[0]

    def canonical(m: Mention) -> str:
        k = name_key(strip_titles(m.text) if m.label == "PERSON" else m.text)
        if m.label == "NORP":
            return "norp:" + k  # "Russian" relates to Russia but is not the same entity
        k = acr_to_long.get(k, k)
        if m.label in ("GPE", "LOC"):
            # "Kursk Region" and "Kursk" name one place in news usage.
            k = _REGION_SUFFIX.sub("", k) or k
        place = gaz.get(k)
        return name_key(place.name) if place is not None else k

    groups: UnionFind[int] = UnionFind(range(len(mentions)))
    by_key: dict[str, int] = {}
    for i, m in enumerate(mentions):
        k = canonical(m)
        if k in by_key:
            groups.union(by_key[k], i)
        else:
            by_key[k] = i

    # Surnames: "Putin" -> "Vladimir Putin" when one full name in the document ends that way.
    full_by_last: dict[str, set[int]] = defaultdict(set)
    for i, m in enumerate(mentions):
        core = strip_titles(m.text)
        if m.label == "PERSON" and " " in core:
            full_by_last[core.split()[-1].casefold()].add(groups.find(i))
    for i, m in enumerate(mentions):
        core = strip_titles(m.text)
        if m.label == "PERSON" and " " not in core:
            roots = full_by_last.get(core.casefold(), set())
            if len(roots) == 1:
                groups.union(i, next(iter(roots)))

    _link_role_references(text, body_start, mentions, groups)

    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        members[groups.find(i)].append(i)
    entities: list[Entity] = []
    for n, root in enumerate(sorted(members, key=lambda r: mentions[members[r][0]].start), start=1):
        ms = [mentions[i] for i in members[root]]
        entities.append(Entity(f"e{n}", _best_name(ms, gaz), _best_type(ms, gaz), tuple(ms)))
    return tuple(entities)


_HEAD_ROLES = {"president", "prime minister", "premier", "chancellor", "king", "queen", "leader", "monarch"}
_ROLE = (
    r"(?P<role>president|leader|prime minister|premier|chancellor|governor|foreign minister"
    r"|defen[cs]e minister|minister|mayor|general|commander|spokesman|spokeswoman|chief|king|queen|monarch)"
)
_ROLE_REF = re.compile(
    rf"\b(?:the|The)\s+(?:(?P<adj>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+)?{_ROLE}\b", re.IGNORECASE
)
_ROLE_WORD = re.compile(rf"\b{_ROLE}\b", re.IGNORECASE)


def _person_roles(text: str, m: Mention) -> tuple[set[str], set[str]]:
    """Role words and nationalities written next to a full name: "Russian President Vladimir Putin"."""
    before = text[max(0, m.start - 60) : m.start]
    before = re.split(r"[.;,\n]", before)[-1]
    after = text[m.end : m.end + 50]
    appositive = re.match(r",\s+(?:the\s+)?([^,.;]{0,40})", after)
    window = before + " " + (appositive.group(1) if appositive else "")
    roles = {r.group("role").casefold() for r in _ROLE_WORD.finditer(window)}
    dem = demonyms()
    words = re.findall(r"[A-Z][a-z]+", before)
    phrases = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    nats = {k for k in map(name_key, phrases) if k in dem}
    return roles, nats


def _link_role_references(
    text: str, body_start: int, mentions: list[Mention], groups: UnionFind[int]
) -> None:
    """ "The President", "the Russian leader" -> the one person mentioned earlier with that role.

    Only earlier people count (anaphora looks back), and only an unambiguous match links.
    """
    people: dict[int, tuple[int, set[str], set[str]]] = {}  # root -> (first offset, roles, nationalities)
    for i, m in enumerate(mentions):
        if m.label != "PERSON" or " " not in strip_titles(m.text):
            continue
        root = groups.find(i)
        roles, nats = _person_roles(text, m)
        first, r0, n0 = people.get(root, (m.start, set(), set()))
        people[root] = (min(first, m.start), r0 | roles, n0 | nats)
    if not people:
        return
    # A demonym inside the phrase ("the *Russian* leader") does not block it; names do.
    taken = [(m.start, m.end) for m in mentions if m.label != "NORP"]
    for ref in _ROLE_REF.finditer(text, body_start):
        s, e = ref.start(), ref.end()
        if any(a < e and s < b for a, b in taken) or re.match(r"\s+(?:of\b|[A-Z])", text[e : e + 4]):
            continue  # part of a name, or qualified ("the president of the club")
        role = ref.group("role").casefold()
        adj = name_key(ref.group("adj")) if ref.group("adj") else None
        cands = []
        for root, (first, roles, nats) in people.items():
            if first >= s:
                continue
            fits = role in roles or (role == "leader" and roles & _HEAD_ROLES)
            if fits and (adj is None or adj in nats):
                cands.append(root)
        if len(cands) == 1:
            # The mention starts at the role phrase's "the" so it reads as written.
            mentions.append(Mention(s, e, text[s:e], "PERSON"))
            groups.add(len(mentions) - 1)
            groups.union(cands[0], len(mentions) - 1)
            taken.append((s, e))


def _add_surname_mentions(text: str, body_start: int, mentions: list[Mention]) -> None:
    """Add bare surnames the model missed ("Okafor said") when one full name ends with them."""
    owners: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        core = strip_titles(m.text)
        if m.label == "PERSON" and " " in core:
            owners[core.split()[-1]].add(core)
    taken = [(m.start, m.end) for m in mentions]
    for surname, fulls in owners.items():
        if len(fulls) != 1 or len(surname) < 3 or not surname[0].isupper():
            continue
        for hit in re.finditer(rf"\b{re.escape(surname)}\b(?!['\u2019]?\w)", text[body_start:]):
            s, e = body_start + hit.start(), body_start + hit.end()
            if not any(a <= s < b or a < e <= b for a, b in taken):
                mentions.append(Mention(s, e, surname, "PERSON"))
                taken.append((s, e))


def _best_name(ms: list[Mention], gaz: dict[str, Place]) -> str:
    for m in ms:
        place = gaz.get(name_key(m.text))
        if place is not None:
            return place.name
    names = [strip_titles(m.text) if m.label == "PERSON" else m.text for m in ms]
    # Role references ("the Russian leader") describe the entity; they never name it.
    names = [n for n in names if not n.lower().startswith("the ")] or names
    # The fullest form: most words, then most frequent, then first seen.
    counts = Counter(names)
    return max(names, key=lambda t: (len(t.split()), counts[t], -names.index(t)))


def _best_type(ms: list[Mention], gaz: dict[str, Place]) -> str:
    for m in ms:
        place = gaz.get(name_key(m.text))
        if place is not None and m.label != "PERSON":
            return place.type
    counts = Counter(m.label for m in ms)
    longest = max(ms, key=lambda m: (len(m.text.split()), counts[m.label]))
    return longest.label


class EntitiesStage:
    def __call__(self, batch: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
        return [ann.replace(entities=group_mentions(ann.article.text, ann.article.body_start, _dateline_typed(ann)))
                for ann in batch]  # fmt: skip


def _dateline_typed(ann: AnnotatedArticle) -> tuple[Mention, ...]:
    """The dateline names a place: a mention there is a GPE whatever the model said ("Kostrivka")."""
    span = ann.article.place_span
    if span is None:
        return ann.mentions
    return tuple(
        Mention(m.start, m.end, m.text, "GPE") if span.start <= m.start and m.end <= span.end else m
        for m in ann.mentions
    )


@register("entities", requires=("mentions",), assigns=("entities",))
def make_entities(settings: Settings) -> EntitiesStage:
    return EntitiesStage()
