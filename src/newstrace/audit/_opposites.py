"""Opposite words ("rose" / "fell", "approved" / "rejected"), from the packaged
``data/antonyms.tsv``: what the audit's reversed-meaning check and the perturbation generator
share, so the edits the model is tested on are the ones the check knows."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newstrace.lexicon import data_fields

DATA_FILE = "antonyms.tsv"  # in the package's data/


@dataclass(frozen=True, slots=True)
class Opposite:
    """One reading of a word form: its parts of speech, and the opposite word's form in the
    same inflection slot ("rose" -> "fell"; a slot the opposite lacks falls back to its base)."""

    pos: frozenset[str]
    form: str
    opposite: str
    family: tuple[str, ...]  # every form of the word itself ("rise", "rises", "rose", ...)
    opposite_family: tuple[str, ...]


@lru_cache(maxsize=1)
def opposites() -> dict[str, tuple[Opposite, ...]]:
    """Lower-cased word form -> its readings with an opposite (both directions of every line)."""
    table: dict[str, list[Opposite]] = {}
    for _, (pos, a, b) in data_fields(DATA_FILE, 3):
        tags = frozenset(pos.split("|"))
        fa, fb = tuple(a.split(",")), tuple(b.split(","))
        for mine, theirs in ((fa, fb), (fb, fa)):
            for slot, form in enumerate(mine):
                other = theirs[slot] if slot < len(theirs) else theirs[0]
                reading = Opposite(tags, form, other, mine, theirs)
                # A form in two slots of one word ("lowered": past and participle) is one reading.
                if reading not in table.setdefault(form, []):
                    table[form].append(reading)
    return {k: tuple(v) for k, v in table.items()}


def readings(form: str, pos: str) -> tuple[Opposite, ...]:
    """The readings of ``form`` (any case) that fit a token tagged ``pos``."""
    return tuple(o for o in opposites().get(form.lower(), ()) if pos in o.pos)
