"""Where a figure is of: the place a population counts, and the places a count is told of.

Two counts conflict only when they count the same thing in the same place: a town's toll is no
rival to both bombings' total, Kenya's 247 is no rival to Dar es Salaam's six, and Qeshm's
population none to Bandar Abbas's. The rules read the places the claims stage and entity
resolution found (``StoryClaim.places``, ``StoryEntity.mentions``), the words around a figure,
and containment from ``places.compatible_places``.
"""

from __future__ import annotations

import functools
import re

from newstrace.lexicon import gazetteer, name_key
from newstrace.records import Quantity, StoryEntity
from newstrace.story.claims import StoryClaim
from newstrace.story.places import apart, compatible_places, containers, placed
from newstrace.story.quantities import HEDGE, Measure

__all__ = ["country_names", "other_places_counted", "other_scope"]


@functools.cache
def country_names() -> frozenset[str]:
    """Names of countries (the gazetteer's entries with a demonym)."""
    return frozenset(p.name for p in gazetteer().values() if p.demonyms)


@functools.cache
def _country_keys() -> frozenset[str]:
    return frozenset(c.casefold() for c in country_names())


# A place named after these words is where something lies from, not the place counted:
# "an island off the coast southwest of Bandar Abbas ... has a population of 100,000".
_REFERENCE_BEFORE = re.compile(
    r"\b(?:(?:north|south|east|west)\w*\s+of|from|to|than|near|off)\s+(?:the\s+)?$", re.I
)
# A place and, right after it, how many live there: "Qeshm Island, home to 200,000 people".
_APPOSED = re.compile(
    r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)"
    r"(?:\s+(?:island|isle|city|town|village|province|region|county|district|state))?\s*,\s*"
    r"(?:which\s+(?:has|is\s+home\s+to)\s+|home\s+to\s+|with\s+(?:a\s+)?population\s+of\s+|"
    r"a\s+(?:city|town|village|island|region|province)\s+of\s+)"
    rf"{HEDGE}$"
)
_WATER_WORDS = r"(?:gulf|sea|ocean|bay|strait|river|lake|coast|channel)"
_WATER = re.compile(rf"^(?:the\s+)?{_WATER_WORDS}\b|\b{_WATER_WORDS}$", re.I)


def _water(name: str) -> bool:
    """A sea, a gulf, a coast ("the Persian Gulf", "Gulf of Aden"), not a city named for one
    ("Green Bay", "Salt Lake City": the gazetteer knows them)."""
    return bool(_WATER.search(name.strip())) and not containers(name)


_PLACE_KIND_WORDS = {"the", "island", "islands", "isle"}


def _place_key(name: str) -> str:
    """ "Qeshm Island" and "Qeshm" are one island; "Qeshm City" is a town on it."""
    words = re.findall(r"[\w'-]+", name.casefold())
    # "Iran's Qeshm Island" is Qeshm: a possessive before the name says whose it is.
    return " ".join(w for w in words if w not in _PLACE_KIND_WORDS and not w.endswith("'s"))


def _counted_place(sc: StoryClaim, q: Quantity, names: dict[str, StoryEntity]) -> str | None:
    """The place whose population a figure gives, as a name key: the place it follows as an
    apposition ("near Qeshm Island, home to 200,000 people"), else the named holder of its verb
    ("Qeshm ... has a population of 100,000"), else the nearest place named before it in the
    claim that is no point of reference (not "... off the coast from the city of Bandar Abbas
    and is home to 100,000"); a country or a sea is not taken ("Qeshm is Iran's largest island in the
    Persian Gulf, with a population of 120,000"). None when none is named ("The island, which
    has about 200,000 residents")."""
    text = sc.ann.article.text
    countries = _country_keys()
    # The name right before, whatever the tagger made of it ("Bandar Abbas" may come out a person).
    apposed = _APPOSED.search(text, sc.claim.start, q.start)
    if apposed is not None:
        said = apposed.group("name")
        if _place_key(said) and said.casefold() not in countries and not _water(said):
            return _place_key(said)  # "the city of Bandar Abbas, home to 500,000"; not "The island"
    if q.holder is not None:
        held = text[q.holder[0] : q.holder[1]]
        if held[:1].isupper() and _place_key(held) and held.casefold() not in countries and not _water(held):
            return _place_key(held)
    best: tuple[int, str] | None = None
    for pid in sc.places:
        place = names.get(pid)
        if place is None or place.type not in ("GPE", "LOC") or place.name.casefold() in countries:
            continue
        for m in place.mentions:
            if m.article != sc.ref.article or not (sc.claim.start <= m.start and m.end <= q.start):
                continue
            said = text[m.start : m.end]
            if _water(said) or _REFERENCE_BEFORE.search(text, max(sc.claim.start, m.start - 12), m.start):
                continue
            if best is None or m.start > best[0]:
                best = (m.start, _place_key(said))
    return best[1] if best else None


def other_places_counted(a: StoryClaim, qa: Quantity, b: StoryClaim, qb: Quantity,
                          names: dict[str, StoryEntity]) -> bool:  # fmt: skip
    """Two population figures of places that are not one ("Qeshm, home to 120,000" / "Bandar
    Abbas, home to 400,000"), or of no named place on either side: a city and the province
    around it have two populations, so containment is no sameness here."""
    pa, pb = _counted_place(a, qa, names), _counted_place(b, qb, names)
    if pa is None and pb is None:
        return True
    return pa is not None and pb is not None and pa != pb


# A place where the claim's happening is: after "in", "at", "across", "outside" (a few words may
# stand between: "in the Tanzanian capital Dar-es-Salaam"), or joined to such a place ("in Kenya
# and Tanzania"); not a point of reference ("200 km from Kerman", "southwest of Bandar Abbas").
_WHERE_BEFORE = re.compile(
    r"(?:\b(?:[Ii]n|[Aa]t(?!\s+(?:least|most)\b)|[Aa]cross|[Tt]hroughout|[Oo]utside|[Ii]nside)\s+(?:the\s+)?"
    r"(?:(?!(?:of|from|to|with|for)\b)[\w'-]+\s+){0,3}?|"
    r"\b(?:[Ii]n|[Aa]t)\s+(?:the\s+)?[A-Z][^.;:]{0,60}?(?:,\s*|\s+and\s+|,\s*and\s+)(?:the\s+)?)$"
)


# A country named as the owner of an institution ("outside the U.S. embassy", "Kenyan police"
# aside, "U.S. officials said") is no place where the happening was; a full stop after a name
# ends its sentence, unless the name is an abbreviation ("U.S").
_INSTITUTION_AFTER = re.compile(
    r"\s+(?:embass(?:y|ies)|consulates?|missions?|government|officials?|forces|troops|military|army|"
    r"navy|ambassadors?|president|authorities|police|soldiers|citizens|nationals|diplomats?|envoys?)\b",
    re.I,
)


def _owns_institution(text: str, start: int, end: int) -> bool:
    at = (
        end + 1
        if text[end : end + 1] == "." and ("." in text[start:end] or text[start:end].isupper())
        else end
    )
    return bool(_INSTITUTION_AFTER.match(text, at))


# "the toll for both bombings", "the twin blasts", "the bombings on Aug. 7 killed 259": a count
# over several happenings (not "both sides", "the two car bombs" of one attack).
_BOTH = re.compile(
    r"\b(?:both|twin)\s+(?:of\s+the\s+)?(?:bomb|attack|blast|explosion|quake|earthquake|shooting|raid|crash|storm)"
    r"\w*s\b|\b(?:bombings|attacks|quakes|earthquakes|shootings|raids|crashes|storms)\b",
    re.I,
)


def _place_groups(
    sc: StoryClaim, names: dict[str, StoryEntity], q: Quantity
) -> list[list[StoryEntity]] | None:
    """The separate places (a town with its country is one) a figure is told of as where it
    happened: two for "the explosions at U.S. embassies in Nairobi, Kenya, and Dar-es-Salaam,
    Tanzania, killed at least 110 people", one for "At least 74 were killed in Nairobi", none
    when none is named. The places named after the figure, before the next one, are its own
    ("killed 247 people in Kenya and 12 people in Tanzania"); without them, the claim's. None
    (several, unnamed) for a count "for both bombings" or of "the bombings" naming no place."""
    text = sc.ann.article.text
    lo, hi = sc.claim.start, sc.claim.end
    for o in sc.claim.frame.quantities:
        if o.end <= q.start:
            lo = max(lo, o.end)
        elif o.start >= q.end:
            hi = min(hi, o.start)
    where = _where(sc, names, q.end, hi)
    if not where:
        if _BOTH.search(text, lo, hi):
            return None
        # "Six people were also killed and at least 58 injured ... in the Tanzanian capital"
        where = _where(sc, names, sc.claim.start, sc.claim.end)
    groups: list[list[StoryEntity]] = []
    for place in where:
        for g in groups:
            if any(compatible_places(place, o) for o in g):
                g.append(place)
                break
        else:
            groups.append([place])
    # A place the tables cannot place (a small town, an industrial estate) is taken to lie in the
    # one country the claim names ("in the Dahej industrial estate in India's western state of
    # Gujarat"): one place, not two.
    holding = [g for g in groups if not _local(g)]
    if len(holding) == 1:
        unplaced = [g for g in groups if g is not holding[0] and not any(placed(x) for x in g)]
        for g in unplaced:
            holding[0].extend(g)
            groups.remove(g)
    return groups


def _where(sc: StoryClaim, names: dict[str, StoryEntity], lo: int, hi: int) -> list[StoryEntity]:
    """The places named between ``lo`` and ``hi`` as where the claim's happening was."""
    text = sc.ann.article.text
    out: list[StoryEntity] = []
    for pid in sorted(sc.places):
        place = names.get(pid)
        # Political units only: a "location" (a valley, a coast) may hold a town or lie beside
        # it, and the gazetteer cannot say which.
        if place is None or place.type != "GPE":
            continue
        if any(
            m.article == sc.ref.article
            and lo <= m.start < hi
            and _WHERE_BEFORE.search(text, max(sc.claim.start, m.start - 90), m.start)
            and not _owns_institution(text, m.start, m.end)
            for m in place.mentions
        ):
            out.append(place)
    return out


def other_scope(a: StoryClaim, qa: Quantity, ma: Measure, b: StoryClaim, qb: Quantity, mb: Measure,
                names: dict[str, StoryEntity]) -> bool:  # fmt: skip
    """The two counts are of different places: one over several and the other in one of them
    ("killed at least 110 people" at the embassies in Nairobi and Dar-es-Salaam, against "Six
    people were also killed ... in the Tanzanian capital": a total and a part), or each in one
    place that cannot hold the other (Kenya's 247 against Dar-es-Salaam's six). Only for counts
    that add up (casualties, count nouns, sums); a quake's magnitude felt in two countries is one."""
    if ma.physical or ma.kind in ("magnitude", "age", "population"):
        return False
    ga, gb = _place_groups(a, names, qa), _place_groups(b, names, qb)
    na, nb = (2 if g is None else len(g) for g in (ga, gb))
    if (na >= 2 and nb == 1) or (nb >= 2 and na == 1):
        return True
    if (
        ga
        and gb
        and len(ga) == len(gb) == 1
        and apart(ga[0], gb[0])
    ):
        return True
    # A count told as one place's share ("In Huancayo alone, 17 people died") against a count
    # naming no place or a place holding it: a part of the other, no rival to it, unless it is
    # the larger. Containment alone does not make a part: "eight Americans were killed in
    # Nairobi" and "11 Americans were killed in Kenya" count one embassy's dead.
    if ga and len(ga) == 1 and _alone(a, qa) and (not gb or len(gb) == 1 and _inside(ga[0], gb[0])):
        return ma.value <= mb.value
    if gb and len(gb) == 1 and _alone(b, qb) and (not ga or len(ga) == 1 and _inside(gb[0], ga[0])):
        return mb.value <= ma.value
    # A count told over a wide area with no place the tagger found ("killed 18 people in the
    # eastern province of Albay", "the toll across the region") against a count in towns (one or
    # a few villages): a part of it, unless larger.
    if not ga and gb and _wide(a) and all(not _named_in(a, g) and _local(g) for g in gb):
        return mb.value <= ma.value
    if not gb and ga and _wide(b) and all(not _named_in(b, g) and _local(g) for g in ga):
        return ma.value <= mb.value
    return False


# Words that say a count is over a wide area: "in the eastern province of Albay", "across the
# region", "nationwide" (not "the regional health department": an institution's name).
_WIDE = re.compile(
    r"\b(?:in|across|throughout)\s+the\s+(?:[\w'-]+\s+){0,3}?(?:province|region|state|country|nation|"
    r"prefecture|governorate)\b|\b(?:statewide|nationwide|countrywide|province-wide|region-wide)\b",
    re.I,
)


def _wide(sc: StoryClaim) -> bool:
    return bool(_WIDE.search(sc.claim.text))


def _local(group: list[StoryEntity]) -> bool:
    """A place below a country (a town, a city, a district)."""
    countries = _country_keys()
    return not any(name_key(n) in countries for x in group for n in (x.name, *x.aliases))


def _named_in(sc: StoryClaim, group: list[StoryEntity]) -> bool:
    """Whether the claim names one of these places itself."""
    text = sc.claim.text.casefold()
    return any(
        re.search(rf"\b{re.escape(n.casefold())}\b", text) for x in group for n in (x.name, *x.aliases)
    )


def _inside(inner: list[StoryEntity], outer: list[StoryEntity]) -> bool:
    """Whether a place of ``inner`` lies in one of ``outer`` that is not itself in ``inner`` (a
    city in its country or US state, as the gazetteer has them)."""
    held = {name_key(n) for x in inner for n in (x.name, *x.aliases)}
    return any(
        name_key(n) in containers(m) and name_key(n) not in held
        for x in inner
        for m in (x.name, *x.aliases)
        for y in outer
        for n in (y.name, *y.aliases)
    )


# "In Huancayo alone, 17 people died", "Nairobi alone counted 200 dead": the place's share of a
# larger count.
_ALONE = re.compile(r"\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s+alone\b")


def _alone(sc: StoryClaim, q: Quantity) -> bool:
    return bool(_ALONE.search(sc.ann.article.text, sc.claim.start, sc.claim.end))
