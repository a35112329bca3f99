"""Names and places: the packaged gazetteer and the normalizations every name comparison shares.

Used by the ``entities`` stage (within one article) and by story-level resolution (across
articles), so both agree on what "the same name" means.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newstrace.errors import ModelError

STOP_INITIAL = {"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "&"}
_TITLES = re.compile(
    r"^(?:(?:President|Prime Minister|Minister|Governor|Gov\.|Senator|Sen\.|Rep\.|Mayor|General|Gen\.|"
    r"Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Chancellor|King|Queen|Pope|Premier|Secretary|Judge|Justice)\s+)+"
)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    type: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...] = ()


def data_lines(name: str) -> list[tuple[int, str]]:
    """(line number, line) of the packaged table ``data/<name>``, blank and ``#`` lines left out."""
    text = resources.files("newstrace").joinpath("data", name).read_text(encoding="utf-8")
    return [
        (n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")
    ]


def data_fields(name: str, least: int, most: int | None = None) -> list[tuple[int, list[str]]]:
    """(line number, tab-separated fields) of the packaged table ``data/<name>``. A line with fewer
    than ``least`` or more than ``most`` fields (default: exactly ``least``) raises E308 naming
    the table and the line: an edited table fails at load, not as a wrong answer later."""
    most = least if most is None else most
    rows = []
    for n, line in data_lines(name):
        fields = line.split("\t")
        if not least <= len(fields) <= most or not fields[0].strip():
            want = str(least) if least == most else f"{least} to {most}"
            raise ModelError(
                f"data/{name} line {n}: want {want} tab-separated fields, got {len(fields)}", code="E308"
            )
        rows.append((n, fields))
    return rows


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Lower-cased name or alias -> Place, from the packaged ``data/places.tsv``."""
    table: dict[str, Place] = {}
    for _, (name, typ, *rest) in data_fields("places.tsv", 2, 4):
        aliases = tuple(a for a in (rest[0].split("|") if rest else []) if a)
        demonyms = tuple(d for d in (rest[1].split("|") if len(rest) > 1 else []) if d)
        place = Place(name, typ, aliases, demonyms)
        for key in (name, *aliases):
            table[name_key(key)] = place
    return table


@lru_cache(maxsize=1)
def demonyms() -> dict[str, Place]:
    """Lower-cased demonym ("north korean") -> the Place it relates to."""
    return {name_key(d): p for p in set(gazetteer().values()) for d in p.demonyms}


@lru_cache(maxsize=1)
def nicknames() -> dict[str, frozenset[str]]:
    """Lower-cased first name -> the first names that may be the same person's, from the
    packaged ``data/nicknames.tsv`` ("bill" -> william; "william" -> bill, billy, will, ...)."""
    table: dict[str, set[str]] = defaultdict(set)
    for _, (formal, short) in data_fields("nicknames.tsv", 2):
        formal = formal.casefold()
        for nick in short.split("|"):
            table[formal].add(nick.casefold())
            table[nick.casefold()].add(formal)
    return {k: frozenset(v) for k, v in table.items()}


def same_first_name(a: str, b: str) -> bool:
    """Whether two first names may name one person: equal, or a name and its short form
    ("Bill" / "William", "Gabby" / "Gabrielle"); two short forms of different names are not."""
    a, b = a.casefold().rstrip("."), b.casefold().rstrip(".")
    return a == b or b in nicknames().get(a, frozenset())


def name_key(text: str) -> str:
    """Comparison key: case-folded, curly apostrophes unified, no leading "the" or possessive."""
    t = text.replace("\u2019", "'").strip()
    t = re.sub(r"^(?:the|The)\s+", "", t)
    t = re.sub(r"'s$|'$", "", t)
    t = re.sub(r"(?<=\w) - (?=\w)", "-", t)  # "al - Shabaab", as tokenized text writes "al-Shabaab"
    return " ".join(t.split()).casefold()


def initials(name: str) -> str:
    """Initials of the content words: "Workers' Party of Korea" -> "WPK"."""
    words = re.findall(r"[A-Za-z][\w'\u2019-]*", name)
    return "".join(w[0].upper() for w in words if w.casefold() not in STOP_INITIAL)


def strip_titles(text: str) -> str:
    """Drop leading titles from a person's name: "President Vladimir Putin" -> "Vladimir Putin"."""
    return _TITLES.sub("", text).strip()


@functools.cache
def opposite_lemmas() -> frozenset[frozenset[str]]:
    """Pairs of base forms with opposite meanings ("open"/"close", "rise"/"fall"), from
    ``data/antonyms.tsv`` (each line: parts of speech, then the two words' forms, base first)."""
    out: set[frozenset[str]] = set()
    for _, (_pos, a, b) in data_fields("antonyms.tsv", 3):
        out.add(frozenset({a.split(",")[0].strip().lower(), b.split(",")[0].strip().lower()}))
    return frozenset(out)
