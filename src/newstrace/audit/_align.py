"""Unit alignment: what a reader checks in a derived sentence, and where the source says it.

A reworded sentence rarely has a source sentence "worded alike", so support is not read from one
sentence's similarity. The derived sentence is broken into the units a reader would check: names,
numbers, the content words, and its predicates with their arguments (who did what to whom).
Each unit is looked for in the sources by its counterpart: the same word form or lemma (names
through the story's entity resolution too), or, for the other content words, a near-synonym by
word vectors ("talks" for "negotiations"), never a word the antonym table opposes to it.

Two things come out of it:

- :meth:`SourceUnits.align` tells which units have no counterpart at all: what ``unsupported``
  names, and what lets a paraphrase whose every name and number is in the sources count as
  carried;
- the typed checks then run on aligned predicates instead of on one source sentence worded
  alike: the derived predicate is matched to the source predicate with the same (or a
  near-synonym) verb sharing the most arguments, and the two are compared slot by slot: polarity
  (``negation_flipped``), doer and undergoer exchanged (``roles_swapped``), another speaker
  (``attribution_moved``) or another name in a slot (``entity_swapped``), another count of the
  same thing (``number_changed``), a word turned into its opposite (``meaning_reversed``).

Pure over token lists (``_features.Tok``) and article texts: the engine feeds it the parses it
already has, tests feed it small parses.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from newstrace.audit._features import Tok
from newstrace.audit._opposites import readings
from newstrace.models import WordVectors
from newstrace.records import Distortion, DistortionType
from newstrace.stages._quote_rules import CUE_VERBS
from newstrace.story.places import nested

# Verbs that report speech or a stance: any one is the counterpart of any other ("said" in the
# source, "told reporters", "stated", "according to" in the summary); which one the derived text
# picks is its wording, who says it is the fact.
SPEECH = frozenset(CUE_VERBS) | frozenset(
    "accord call urge praise declare claim warn accuse denounce hail describe liken suggest insist "
    "argue dismiss criticize criticise confirm announce report tell say state add note".split()
)
NEAR_SYNONYM = 0.62  # word-vector cosine from which a content word stands for another
MIN_SHARED = 0.4  # share of a predicate's arguments its source counterpart must hold
MIN_SHARED_SWAP = 0.5  # ... to call another name in one of its slots a swap
_NAME_ENTS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
_NEGATORS = {"not", "n't", "never", "no"}
_RELATIVE = {"who", "whom", "which", "that"}
# Acts both sides do to each other: "Putin met Obama" is "Obama met Putin".
_MUTUAL = frozenset(
    "meet marry debate play face tie draw agree talk speak negotiate fight clash compete chat spar "
    "wrestle partner date divorce embrace hug kiss".split()
)
_MUTUAL_PREPS = frozenset({"with", "against", "alongside", "versus", "vs"})
_DOER = {"nsubj"}
_UNDERGOER = {"dobj", "nsubjpass"}

# Word similarity: a function of two words, or word vectors (``newstrace.models.WordVectors``),
# whose ``nearest`` scores one word against many at once.
WordSimilarity = Callable[[str, str], float]


def is_number(t: Tok) -> bool:
    return any(c.isdigit() for c in t.norm)


def is_name(t: Tok) -> bool:
    return (t.pos == "PROPN" or t.ent in _NAME_ENTS) and t.norm.isalpha()


def _name_like(toks: Sequence[Tok], i: int, text: str) -> bool:
    """A name, or a capitalized noun inside the sentence ("the Sixers", which the tagger may
    read as a common noun)."""
    t = toks[i]
    return is_name(t) or (
        i > 0 and t.pos == "NOUN" and text[t.start : t.start + 1].isupper() and t.norm.isalpha()
    )


def _is_title(toks: Sequence[Tok], i: int) -> bool:
    """A capitalized title before a person's name, outside the name itself ("Author Stephenie
    Meyer", "Federal Reserve Chair Janet Yellen"): a word to find, not a name the sources must
    give ("chairman" says it)."""
    t = toks[i]
    return (
        t.pos == "PROPN" and not t.ent and t.head != i and toks[t.head].ent == "PERSON" and t.lower.isalpha()
    )


# An acronym of this many letters matches a name written out only with the same word after both
# ("L. A. County" / "Los Angeles County"); a longer one may stand for any part of a run of name
# words ("OSCE" in "the Organization for Security and Cooperation in Europe and the CIS").
_SHORT_ACRONYM = 2


@dataclass(frozen=True, slots=True)
class _Acronym:
    """Letters a text writes as an acronym, or the initials of a run of its name words, with the
    word after them ("L. A. County": "county")."""

    letters: str
    after: str


def _capitals(toks: Sequence[Tok], text: str) -> list[tuple[_Acronym, int, int]]:
    """The acronyms a sentence writes, with their first and last token: a name in capitals
    ("OSCE", tagged a name, or of three letters or more in an unparsed line; "IN" of "LOG IN" is
    no acronym) and dotted initials ("L. A." -> LA)."""
    out: list[tuple[_Acronym, int, int]] = []
    letters, first = "", -1

    def after(k: int) -> str:
        return toks[k + 1].lower if k + 1 < len(toks) else ""

    for i, t in enumerate(toks):
        raw = text[t.start : t.end]
        written = raw.replace(".", "")
        name = t.pos == "PROPN" or bool(t.ent) or (t.pos == "X" and len(written) >= 3)
        if 2 <= len(written) <= 6 and written.isalpha() and written.isupper() and (name or "." in raw):
            out.append((_Acronym(written, after(i)), i, i))  # "OSCE", "U.S."
        if len(written) == 1 and written.isupper() and (raw.endswith(".") or text[t.end : t.end + 1] == "."):
            first = i if not letters else first
            letters += written  # "L. A."
            continue
        if len(letters) >= 2:
            out.append((_Acronym(letters, after(i - 1)), first, i - 1))
        letters = ""
    if len(letters) >= 2:
        out.append((_Acronym(letters, ""), first, len(toks) - 1))
    return out


def _initials(toks: Sequence[Tok], text: str, at: int | None = None) -> set[_Acronym]:
    """The initials of each run of capitalized words, whole or in part ("Organization for
    Security and Cooperation in Europe" -> OSCE, "Los Angeles County" -> LA, LAC; the glue words
    of names skipped); ``at``: only the parts holding that token. A person's name is never
    abbreviated, and its words start no run."""
    runs: list[list[int]] = []
    for i, t in enumerate(toks):
        word = text[t.start : t.end]
        # Any capitalized word: the tagger reads some words of a long name as common nouns
        # ("Cooperation"); an unparsed line's words only when they say something.
        ok = t.pos in ("PROPN", "NOUN", "ADJ") or (t.pos == "X" and t.content)
        if word[:1].isupper() and word.isalpha() and ok and t.ent != "PERSON":
            glue = sum(1 for x in toks[runs[-1][-1] + 1 : i] if x.lower in _INITIAL_GLUE) if runs else 0
            if runs and runs[-1][-1] >= i - 1 - glue:
                runs[-1].append(i)
            else:
                runs.append([i])
    out: set[_Acronym] = set()
    for run in runs:
        for lo in range(len(run)):
            for hi in range(lo + 1, min(len(run), lo + 8)):
                if at is None or run[lo] <= at <= run[hi]:
                    letters = "".join(text[toks[k].start].upper() for k in run[lo : hi + 1])
                    nxt = toks[run[hi] + 1].lower if run[hi] + 1 < len(toks) else ""
                    out.add(_Acronym(letters, nxt))
    return out


def _stands_for(short: _Acronym, full: _Acronym) -> bool:
    """Whether an acronym written on one side stands for a run of name words on the other: the
    same letters, and for two letters the same word after both ("L. A. County" / "Los Angeles
    County")."""
    if short.letters != full.letters:
        return False
    if len(short.letters) > _SHORT_ACRONYM:
        return True
    # Two letters stand for too many names ("AP", "US": "Austin Police", "Ursula Stone"); the
    # story's entity resolution knows the common ones ("US" / "United States").
    return bool(short.after and short.after == full.after)


def is_unit(t: Tok) -> bool:
    """A token a reader checks: a content word, a name or a number."""
    return t.pos != "PUNCT" and (t.content or is_number(t) or t.pos == "PROPN")


def _keys(t: Tok) -> tuple[str, ...]:
    return (t.lemma, t.norm, t.lower)


_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers_in(written: str) -> list[str]:
    """The digit strings of a text, thousands separators dropped (".38-caliber" -> ".38" is
    "38"; "IE10" -> "10"), so a number written inside a longer token still finds its match."""
    return [m.replace(",", "") for m in _DIGITS.findall(written)]


@dataclass(frozen=True, slots=True)
class _Pred:
    """A verb of a sentence with its polarity and its doer and undergoer (token indices)."""

    verb: int
    negated: bool
    doer: int | None
    undergoer: int | None
    args: frozenset[int]  # every content token of its clause but the verb and the doer's phrase
    complement: int | None = None  # a copula's "factor" in "was not a factor"


def _opposed(toks: Sequence[Tok], i: int, stoks: Sequence[Tok], k: int) -> bool:
    """Whether token ``i`` or its modifiers and token ``k`` or its modifiers hold a word and its
    opposite (``data/antonyms.tsv``): "bad news" / "good news"."""
    mine = [t for j, t in enumerate(toks) if j == i or (t.head == i and j != i)]
    theirs = {t.lower for j, t in enumerate(stoks) if j == k or (t.head == k and j != k)}
    return any(theirs & set(o.opposite_family) for t in mine for o in readings(t.lower, t.pos))


def _preds(toks: Sequence[Tok]) -> list[_Pred]:
    kids: dict[int, list[int]] = defaultdict(list)
    for i, t in enumerate(toks):
        if t.head != i:
            kids[t.head].append(i)
    out: list[_Pred] = []
    for i, v in enumerate(toks):
        # A verb, or a copula heading its clause ("alcohol was not a factor").
        if not (v.pos == "VERB" or (v.pos == "AUX" and v.dep not in ("aux", "auxpass"))):
            continue
        doer = next((j for j in kids[i] if toks[j].dep in _DOER), None)
        undergoer = next((j for j in kids[i] if toks[j].dep in _UNDERGOER), None)
        agent = next((j for j in kids[i] if toks[j].dep == "agent"), None)
        if agent is not None:  # "by the mayor": the doer is the preposition's object
            doer = next((j for j in kids[agent] if toks[j].dep == "pobj"), doer)
        complement = next((j for j in kids[i] if toks[j].dep in ("attr", "acomp")), None)
        # "not", "never", and "no longer" (its "no" hangs on "longer"); a "no" in front of a
        # noun ("noticed no warning signs") negates the noun, not the act, but after a copula
        # it denies the predicate ("was no endorsement" = "is not an endorsement").
        negated = any(
            (
                toks[j].dep == "neg"
                or toks[j].lower in ("not", "n't", "never")
                or (toks[j].dep == "advmod" and any(toks[k].lower in _NEGATORS for k in kids[j]))
            )
            # A reporting verb after its fronted words: the "not" of "'Absolutely not,' he
            # said" is what was said, not a denial of saying it.
            and not (v.lemma in SPEECH and doer is not None and j < doer < i)
            and not (j + 1 < len(toks) and toks[j + 1].lower == "only")  # "not only ... but"
            for j in kids[i]
        )
        if v.lemma == "be" and complement is not None:
            negated = negated or any(toks[k].lower == "no" and toks[k].dep == "det" for k in kids[complement])
        # "rather than match", "instead of matching", "without matching": the act did not happen.
        before = [t.lower for t in toks[max(0, i - 3) : i] if t.lower != "to"]
        negated = (
            negated or before[-1:] == ["without"] or before[-2:] in (["rather", "than"], ["instead", "of"])
        )
        args: set[int] = set()
        todo = list(kids[i])
        speech = v.lemma in SPEECH
        while todo:  # the clause: the verb's subtree without the clauses hung on it
            j = todo.pop()
            # A speech verb keeps what is said: who says it is read against the same words.
            if toks[j].pos == "VERB" and toks[j].dep not in ("xcomp", "amod", "compound") and not speech:
                continue
            if j == doer:
                continue  # who acts is what a swap check compares, not what finds the act
            if is_unit(toks[j]):
                args.add(j)
            todo.extend(kids[j])
        # A relative pronoun stands for the noun its clause hangs on ("Trump, who edged out
        # Rubio": Trump edged out Rubio; "the rules, which Bush had weakened").
        # Only a name, and not for a reporting verb: "one man who says he called 911" is no
        # one in particular, and a speaker is read from the sentence that quotes them.
        if v.dep == "relcl" and v.head != i and is_name(toks[v.head]) and v.lemma not in SPEECH:
            if doer is not None and toks[doer].lower in _RELATIVE:
                doer = v.head
            if undergoer is not None and toks[undergoer].lower in _RELATIVE:
                undergoer = v.head
        out.append(_Pred(i, negated, doer, undergoer, frozenset(args), complement))
    # A verb with no subject of its own acts through the subject of the verb it hangs on: a
    # participle ("Cruz won, defeating Trump") or a verb coordinated with it ("Putin met X and
    # held Y"); not a passive participle ("Accompanied by X, Putin toured").
    by_verb = {p.verb: k for k, p in enumerate(out)}
    for k, p in enumerate(out):
        v = toks[p.verb]
        h = by_verb.get(v.head)
        passive = any(toks[j].dep in ("nsubjpass", "auxpass") for j in kids[p.verb])
        if (
            p.doer is None
            and h is not None
            and h != k
            and out[h].doer is not None
            and not passive
            # Who says it is read from the sentence that says it, not inherited ("Husted
            # condemned the ruling and said the state would appeal": "said" is matched among
            # many reporting verbs, where an inherited speaker misleads more than it helps).
            and v.lemma not in SPEECH
            and (v.dep == "conj" or (v.dep in ("advcl", "xcomp") and v.lower.endswith("ing")))
            # "Jones caught Smith stealing a car": Smith steals (the head's object acts); a
            # participle set off as an adjunct ("won the caucuses, defeating Trump") does not.
            and not (v.dep == "xcomp" and out[h].undergoer is not None)
        ):
            out[k] = replace(p, doer=out[h].doer)
    # A negation spans verbs coordinated under it that have no subject or auxiliary of their own
    # and the same inflection ("not to divide itself or succumb to fear", "hasn't eaten or
    # slept"); not a conjunct in another form ("did not stop and turned around").
    by_verb = {p.verb: k for k, p in enumerate(out)}
    for k, p in enumerate(out):
        v = toks[p.verb]
        h = by_verb.get(v.head)
        if (
            v.dep == "conj"
            and h is not None
            and out[h].negated
            and not p.negated
            and not any(toks[j].dep in ("nsubj", "nsubjpass", "aux", "auxpass") for j in kids[p.verb])
            and (v.lower == v.lemma) == (toks[v.head].lower == toks[v.head].lemma)
            # "not X but Y" affirms Y.
            and all(
                toks[j].lower in ("or", "nor", "and")
                for j in kids[v.head]
                if toks[j].dep == "cc" and v.head < j < p.verb
            )
        ):
            out[k] = replace(p, negated=True)
    return out


# How a name modifies a noun: "the Virginia delegation", "Mexican jobs", "Fox News's anchor",
# "Wallace of Fox News" (the object of "of" under the noun).
_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "pobj"}
# Words that may sit inside a name ("University of Utah", "Bosnia and Herzegovina").
NAME_GLUE = frozenset({"of", "and", "the", "&", "de", "for"})
# Words an acronym skips ("Organization for Security and Cooperation in Europe": OSCE).
_INITIAL_GLUE = NAME_GLUE | {"in", "on"}

_PLACE_PREPS = {"in": "in/at", "at": "in/at"}  # "in Moscow" / "at the Stade de Suisse"


def _prep_slots(toks: Sequence[Tok], verb: int, text: str) -> list[tuple[str, int]]:
    """Names that are objects of the prepositions hung on a verb ("in" -> "Moscow")."""
    out: list[tuple[str, int]] = []
    for k, t in enumerate(toks):
        if t.head == verb and t.dep == "prep" and k != verb:
            for j, u in enumerate(toks):
                if u.head == k and u.dep == "pobj" and j != k and _name_like(toks, j, text):
                    out.append((_PLACE_PREPS.get(t.lower, t.lower), j))
    return out


def _holder(toks: Sequence[Tok], i: int) -> int | None:
    """Who or what figure ``i`` is said of: the name its phrase hangs on ("Rubio at 25
    percent"), else the subject of the verb it belongs to ("the city added $20,000"); not a
    pronoun. None when it hangs on neither."""
    k = i
    for _ in range(6):
        h = toks[k].head
        if h == k:
            return None
        t = toks[h]
        if is_name(t) and t.pos == "PROPN":
            return h
        if t.pos in ("VERB", "AUX"):
            doer = next(
                (j for j, c in enumerate(toks) if c.head == h and j != h and c.dep in ("nsubj", "nsubjpass")),
                None,
            )
            if doer is None or toks[doer].pos == "PRON" or doer == i:
                return None
            return doer
        k = h
    return None


def _measure(toks: Sequence[Tok], i: int) -> str:
    """What a figure measures as far as the words beside it say (:func:`_figure_kind`), a time
    of day ("6 p.m.", "4:00") included."""
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
    if ":" in toks[i].lower or nxt.replace(".", "") in ("am", "pm"):
        return "time"
    return _figure_kind(toks, i)


def _figure_kind(toks: Sequence[Tok], i: int) -> str:
    """What a figure counts, as far as the words next to it say: a currency sign before it, or
    the noun or unit after it ("$", "percent", "points"); "" when nothing says."""
    before = toks[i - 1].lower if i > 0 else ""
    if before in ("$", "£", "€", "¥"):
        return before
    after = toks[i + 1] if i + 1 < len(toks) else None
    if after is not None and after.pos in ("NOUN", "SYM") and after.lower.isalpha():
        return after.lemma
    return ""


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_ORDINALS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
)
_MAGNITUDES = frozenset(
    {"100", "1000", "1000000", "1000000000", "hundred", "thousand", "million", "billion", "trillion"}
)
_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "conj", "xcomp", "csubj", "parataxis", "acl", "cc", "punct"})
_CLIMB = frozenset(
    {"nummod", "quantmod", "compound", "npadvmod", "appos", "pobj", "prep", "nmod", "amod", "punct"}
)


def _value(t: Tok) -> tuple[str, tuple[str, ...]] | None:
    """What kind of value a token gives and the value: a figure ("number", its digits), a day
    of the week or a month (a date's parts), an ordinal ("third"); None for other words. A
    month needs a capital ("may" is a verb)."""
    if t.pos == "PUNCT":
        return None  # a piece of a number split by stray spaces ("1, 600"), read whole before it
    if t.lower in _WEEKDAYS:
        return "weekday", (t.lower,)
    if t.lower in _MONTHS and t.pos == "PROPN":
        return "month", (t.lower,)
    if t.lower in _ORDINALS:
        return "ordinal", (t.lower,)
    if t.norm in _MAGNITUDES:
        return None  # "million" in "$60 million" scales the figure before it
    if is_number(t):
        # "6:00" is "6" (a clock's zero minutes are no figure of their own).
        nums = [n for k, n in enumerate(_numbers_in(t.norm)) if k == 0 or n.strip("0")]
        return ("number", tuple(nums)) if nums else None
    return None


def _clause(toks: Sequence[Tok], head: int) -> set[int]:
    """The tokens of ``head``'s clause: those whose heads lead to it without entering another
    clause."""
    out = {head}
    for k in range(len(toks)):
        path: list[int] = []
        x = k
        for _ in range(len(toks)):
            if x in out:
                out.update(path)
                break
            if toks[x].dep in _CLAUSES - {"punct", "cc"} or toks[x].head == x:
                break
            path.append(x)
            x = toks[x].head
    return out


def _arguments(toks: Sequence[Tok], head: int) -> set[int]:
    """What ``head`` says besides itself, a word per argument: its own dependents (not its
    clauses), the objects of its prepositions, and what stands in apposition to them ("two
    gang members, Guillermo Hernandez, 20, ..."); a conjunct verb's subject is its first verb's."""
    own = {k for k, u in enumerate(toks) if u.head == head and k != head and u.dep not in _CLAUSES}
    if toks[head].dep == "conj" and not any(toks[k].dep in ("nsubj", "nsubjpass") for k in own):
        # A conjunct verb acts through its first verb's subject ("Felt ... and has died").
        first = toks[head].head
        own |= {
            k
            for k, u in enumerate(toks)
            if u.head == first and k != first and u.dep in ("nsubj", "nsubjpass")
        }
    own |= {k for k, u in enumerate(toks) if u.head in own and toks[u.head].dep == "prep" and u.dep == "pobj"}
    own |= {k for k, u in enumerate(toks) if u.head in own and u.dep == "appos"}
    return own


def _rest_of_place(
    toks: Sequence[Tok],
    where: dict[int, set[int]],
    i: int,
    anchor: int,
    skip: set[int | None],
    words: frozenset[str] = frozenset(),
) -> list[int]:
    """What the place of token ``i`` says besides ``i`` and its ``skip`` words (its nouns, its
    verb) and the ``words`` of its own name: the aligned units among the arguments of
    ``anchor``, else of its whole clause (a summary sentence fuses two or three source
    sentences, often in one clause)."""
    rest: list[int] = []
    for scope in (_arguments(toks, anchor), _clause(toks, anchor)):
        rest = [
            x for x in where
            if x in scope and x != i and x not in skip and toks[x].head != i and toks[x].lower not in words
        ]  # fmt: skip
        if len(rest) >= 2:
            break
    return rest


def _displacing(
    others: Sequence[tuple[float, int, int, float]], own: float, own_share: float, alone: bool
) -> tuple[int, int] | None:
    """The source mention (sentence, token) of another value or name that takes the derived one's
    place, from each candidate's (fit, sentence, token, share of the place said) and the best
    fit and share of the derived one's own mentions: the best-fitting candidate in a sentence
    saying half the place and sharing its noun or verb (or, with ``alone`` and no mention of the
    derived one at all, saying three quarters of it), a whole noun or verb ahead of the own
    mentions and saying as much of the place; None when there is none."""
    best: tuple[float, int, int, float] | None = None
    for score, j, k, share in others:
        if ((share >= 0.5 and score >= 1) or (alone and own < 0 and share >= 0.75)) and (
            best is None or score > best[0]
        ):
            best = (score, j, k, share)
    if best is None or best[0] < own + 1 or best[3] < own_share:
        return None
    return best[1], best[2]


def _slot(toks: Sequence[Tok], i: int) -> tuple[tuple[int, ...], int | None]:
    """Where value ``i`` sits: the nouns it is said of, nearest first ("age" in "at age 91",
    "bullets" in "three of the seven bullets", "night" in "Sunday night", "percentage points"
    in "three percentage points"; none past a preposition: "surgery in October" is not said of
    the surgery) and the verb its clause hangs on (None when there is none within a few steps)."""
    nouns: list[int] = [
        k for k, u in enumerate(toks)
        if u.head != k and toks[u.head].head == i and toks[u.head].dep == "prep"
        and toks[u.head].lower == "of" and u.dep == "pobj" and u.pos in ("NOUN", "PROPN")
    ]  # fmt: skip
    verb: int | None = None
    passed = False
    k = i
    for _ in range(8):
        h = toks[k].head
        if h == k:
            break
        u = toks[h]
        if u.pos in ("VERB", "AUX") and u.dep not in ("aux", "auxpass"):
            verb = h
            break
        if not passed and u.pos in ("NOUN", "PROPN") and _value(u) is None and u.lemma.isalpha():
            nouns.append(h)
        passed = passed or toks[k].dep == "pobj"
        if toks[k].dep not in _CLIMB and k != i:
            break
        k = h
    # And as written, whatever the parse: the nouns right after it ("three percentage points"
    # read as a conjunct of "plus or minus").
    for k in range(i + 1, min(i + 3, len(toks))):
        if toks[k].pos != "NOUN" or not toks[k].lemma.isalpha():
            break
        if k not in nouns:
            nouns.append(k)
    return tuple(nouns), verb


_NAME_GROUPS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


def _name_at(toks: Sequence[Tok], i: int) -> tuple[str, frozenset[str], str] | None:
    """The name headed by token ``i`` (a proper noun no other proper noun of its name hangs on):
    its kind (person, organization, place), its words, and the role it has ("in" for the
    object of "in" or "at", "'s" for a possessor, else its dependency); None for other tokens."""
    t = toks[i]
    kind = _NAME_GROUPS.get(t.ent)
    if kind is None or t.pos != "PROPN" or not t.lower.isalpha() or t.dep == "compound":
        return None
    words = frozenset(w for w in _name_words(toks, i) if w not in NAME_GLUE)
    h = toks[t.head]
    if t.dep == "pobj" and h.dep == "prep":
        role = _PLACE_PREPS.get(h.lower, h.lower)
    elif t.dep == "poss":
        role = "'s"
    else:
        role = t.dep
    return kind, words, role


def _partner_slots(toks: Sequence[Tok], p: _Pred, text: str) -> list[tuple[str, int]]:
    """Names after the prepositions of a predicate's verb or of what it acts on ("took
    directions from Labott": "from" -> Labott)."""
    out = _prep_slots(toks, p.verb, text)
    if p.undergoer is not None:
        out += _prep_slots(toks, p.undergoer, text)
    return out


def _phrase(toks: Sequence[Tok], i: int, text: str) -> str:
    """The words of token ``i``'s name or noun phrase: it and its compounds and modifiers."""
    lo = i
    while (
        lo > 0 and toks[lo - 1].head == i and toks[lo - 1].dep in ("compound", "amod", "det", "poss", "nmod")
    ):
        lo -= 1
    while lo > 0 and toks[lo - 1].dep == "compound" and toks[toks[lo - 1].head].head == i:
        lo -= 1
    return text[toks[lo].start : toks[i].end]


def _stem(word: str) -> str:
    """A word without case or a plural "s": the parser leaves "Republicans" as its own lemma."""
    w = word.lower()
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _subtree_words(toks: Sequence[Tok], i: int) -> set[str]:
    """Lower-cased words of the phrase headed by token ``i``, its conjuncts, appositions and
    prepositional objects included."""
    inside = {i}
    grew = True
    while grew:
        grew = False
        for j, t in enumerate(toks):
            if j not in inside and t.head in inside and t.head != j:
                inside.add(j)
                grew = True
    return {toks[j].lower for j in inside}


def _name_words(toks: Sequence[Tok], i: int) -> set[str]:
    """Lower-cased words of the name headed by token ``i`` (its compound proper nouns)."""
    out = {toks[i].lower}
    for t in toks:
        if t.head == i and t.dep == "compound" and t.pos == "PROPN":
            out.add(t.lower)
    return out


@dataclass
class Alignment:
    """One derived sentence against the sources."""

    unaligned_names: list[str] = field(default_factory=list)
    unaligned_numbers: list[str] = field(default_factory=list)
    unaligned_words: list[str] = field(default_factory=list)
    synonyms: list[tuple[str, str]] = field(default_factory=list)  # (derived word, source word)
    words: int = 0  # content words checked (names and numbers aside)
    units: int = 0  # units checked, names and numbers included
    distortions: list[Distortion] = field(default_factory=list)

    @property
    def key_units_aligned(self) -> bool:
        return not self.unaligned_names and not self.unaligned_numbers


class SourceUnits:
    """The source sentences' units, indexed once per audit: which sentences hold each word, and
    their predicates (parsed lazily)."""

    def __init__(
        self,
        sentences: Sequence[tuple[str, Sequence[Tok]]],
        similarity: WordSimilarity | WordVectors | None = None,
        aliases: frozenset[str] = frozenset(),
        body: int | None = None,
    ) -> None:
        self.sentences = [(text, list(toks)) for text, toks in sentences]
        # The first ``body`` sentences are the articles' text; the rest (a headline, page
        # furniture) hold counterparts of names and numbers but no act the typed checks compare.
        self.body = len(self.sentences) if body is None else body
        self.similarity = similarity
        self.aliases = aliases  # derived name words resolved to an entity the sources mention
        self.where: dict[str, set[int]] = defaultdict(set)
        self.lemmas: dict[str, set[int]] = defaultdict(set)  # content lemmas, for near-synonyms
        for j, (_, toks) in enumerate(self.sentences):
            for t in toks:
                for k in _keys(t):
                    self.where[k].add(j)
                if t.lemma in SPEECH and t.pos == "VERB":
                    self.where["<speech>"].add(j)
                if t.content and t.pos != "PROPN" and t.lemma.isalpha():
                    self.lemmas[t.lemma].add(j)
                for num in _numbers_in(t.norm):
                    self.where["<num>" + num].add(j)
        # Names written in capitals and the initials of names written out, both ways round.
        self.capitals: dict[str, list[_Acronym]] = defaultdict(list)
        self.initials: dict[str, list[_Acronym]] = defaultdict(list)
        for text, toks in self.sentences:
            for c, _, _ in _capitals(toks, text):
                self.capitals[c.letters].append(c)
            for x in _initials(toks, text):
                self.initials[x.letters].append(x)
        self._preds: dict[int, list[_Pred]] = {}
        self._vals: dict[int, list[tuple[int, tuple[str, tuple[str, ...]]]]] = {}
        self._names: dict[int, list[tuple[int, tuple[str, frozenset[str], str]]]] = {}
        self._syn: dict[str, tuple[str, set[int]] | None] = {}
        self._matrix: tuple[list[str], Any] | None = None  # WordVectors.stacked, made when first asked

    def preds(self, j: int) -> list[_Pred]:
        if j not in self._preds:
            self._preds[j] = _preds(self.sentences[j][1])
        return self._preds[j]

    def exact(self, t: Tok) -> set[int]:
        out: set[int] = set()
        for k in _keys(t):
            out |= self.where.get(k, set())
        if is_number(t):
            for num in _numbers_in(t.norm):
                out |= self.where.get("<num>" + num, set())
        elif is_name(t) and t.lower.endswith("s"):  # "Democrats" for "Democrat"
            out |= self.where.get(t.lower[:-1], set())
        if t.lemma in SPEECH and t.pos == "VERB":
            out |= self.where.get("<speech>", set())
        return out

    def synonym(self, t: Tok) -> tuple[str, set[int]] | None:
        """The source lemma closest to ``t``'s by word vectors, from NEAR_SYNONYM, and where it
        occurs; never a word the antonym table opposes to it."""
        if self.similarity is None or not t.lemma.isalpha():
            return None
        if t.lemma not in self._syn:
            opposed = {w for o in readings(t.lower, t.pos) for w in o.opposite_family}
            if isinstance(self.similarity, WordVectors):  # one product with the sources' words
                scored = [
                    (s, lemma)
                    for s, lemma in self.similarity.against(t.lemma, self._pool())
                    if lemma not in opposed
                ]
            else:
                scored = [
                    (self.similarity(t.lemma, lemma), lemma) for lemma in self.lemmas if lemma not in opposed
                ]
            best, score = "", NEAR_SYNONYM
            for s, lemma in scored:  # the first of equals, in source order
                if s > score or (s == score and not best):
                    best, score = lemma, s
            self._syn[t.lemma] = (best, self.lemmas[best]) if best else None
        return self._syn[t.lemma]

    def _pool(self) -> tuple[list[str], Any]:
        """The sources' content lemmas with their vectors, stacked once per audit (a derived
        word's near-synonym is looked for among them, hundreds of times per audit)."""
        if self._matrix is None:
            assert isinstance(self.similarity, WordVectors)
            self._matrix = self.similarity.stacked(list(self.lemmas))
        return self._matrix

    def counterpart(self, t: Tok) -> set[int]:
        found = self.exact(t)
        if found or is_name(t) or is_number(t):
            return found
        syn = self.synonym(t)
        return syn[1] if syn else set()

    # ------------------------------------------------------------------------------ align

    def align(self, toks: Sequence[Tok], text: str) -> Alignment:
        """Which units of a derived sentence (tokens ``toks`` of ``text``) have no counterpart
        in the sources, and the typed differences of its aligned predicates and numbers."""
        out = Alignment()
        where: dict[int, set[int]] = {}
        for i, t in enumerate(toks):
            if not is_unit(t):
                continue
            found = self.exact(t)
            if is_number(t) and t.lower in ("one", "1") and t.dep in ("nummod", "det"):
                continue  # "one reader" is "a reader": an article, not a count to check
            out.units += 1
            if is_number(t):
                if not found and t.lower not in out.unaligned_numbers:
                    out.unaligned_numbers.append(t.lower)
            elif is_name(t) and not _is_title(toks, i):
                if not found and t.lower not in self.aliases:
                    # Written in capitals on one side and in full on the other ("the OSCE" /
                    # "the Organization for Security and Cooperation in Europe", "L. A." /
                    # "Los Angeles"): the name's words or their initials are there.
                    if self._abbreviated(toks, text, i):
                        continue
                    if t.lower not in out.unaligned_names:
                        out.unaligned_names.append(t.lower)
            else:
                out.words += 1
                if not found:
                    syn = self.synonym(t)
                    if syn:
                        found = syn[1]
                        out.synonyms.append((t.lower, syn[0]))
                    elif t.lower not in out.unaligned_words:
                        out.unaligned_words.append(t.lower)
            where[i] = found
        body = {i: {j for j in js if j < self.body} for i, js in where.items()}
        out.distortions = self._typed(toks, text, body)
        return out

    def _abbreviated(self, toks: Sequence[Tok], text: str, i: int) -> bool:
        """Whether name token ``i`` is an acronym of a name the sources write out, or part of a
        name whose initials the sources write as an acronym."""
        if toks[i].ent == "PERSON":
            return False  # a person's name is not abbreviated ("Ursula Stone" is no "U.S.")
        for c, lo, hi in _capitals(toks, text):
            if lo <= i <= hi and any(_stands_for(c, x) for x in self.initials.get(c.letters, ())):
                return True
        return any(
            _stands_for(c, x) for x in _initials(toks, text, at=i) for c in self.capitals.get(x.letters, ())
        )

    def _best_sentence(self, units: Sequence[int], where: dict[int, set[int]]) -> int | None:
        """The source sentence holding the most of ``units`` (rarer words weigh more)."""
        n = len(self.sentences) + 1
        score: dict[int, float] = defaultdict(float)
        for i in units:
            js = where.get(i, set())
            for j in js:
                score[j] += math.log(n / len(js))
        if not score:
            return None
        return min(score, key=lambda j: (-score[j], j))

    def _typed(self, toks: Sequence[Tok], text: str, where: dict[int, set[int]]) -> list[Distortion]:
        found: list[Distortion] = []
        for p in _preds(toks):
            d = self._compare_pred(toks, text, p, where)
            if d is not None:
                found.append(d)
                break
        if not found:
            found += self._numbers(toks, text, where)
        if not found:
            found += self._placed_values(toks, text, where)
        if not found:
            found += self._placed_names(toks, text, where)
        if not found:
            found += self._held_numbers(toks, text, where)
        if not found:
            found += self._modifiers(toks, text, where)
        if not found:
            found += self._opposites(toks, text, where)
        return found

    def _modifiers(self, toks: Sequence[Tok], text: str, where: dict[int, set[int]]) -> list[Distortion]:
        """A name that modifies a noun, swapped for another name of the same kind: "the Virginia
        delegation" for "the Williamsburg delegation", "Chris Wallace of Fox News" for "of
        Lauer". The source sentence that says the rest has the same noun with another name in
        the same place, and the derived name nowhere in that sentence."""
        for i, x in enumerate(toks):
            if x.dep not in _MODIFIER_DEPS or not _name_like(toks, i, text):
                continue
            h = x.head
            if toks[h].dep == "prep" and toks[h].lower in ("of", "per", "from"):
                h = toks[h].head  # "Wallace of Fox News": the slot hangs on "Wallace"
            if h == i or not self.exact(x) or x.lower in NAME_GLUE:
                continue
            others = [k for k in where if k != i and toks[k].head != i]
            j = self._best_sentence(others, where)
            if j is None or j in where.get(i, set()) or j not in where.get(h, set()):
                continue
            stext, stoks = self.sentences[j]
            held = sum(1 for k in others if j in where[k])
            if held < max(3, math.ceil(0.7 * len(others))):
                continue  # the sentence must say the rest, so that the slot is the same
            mine = _name_words(toks, i) | {x.lower}
            dwords = {t.lower for t in toks}
            for k, y in enumerate(stoks):
                yh = y.head
                if stoks[yh].dep == "prep" and stoks[yh].lower in ("of", "per", "from"):
                    yh = stoks[yh].head
                if y.dep != x.dep or yh == k or not self.stands_for(toks[h], stoks[yh]):
                    continue
                if not _name_like(stoks, k, stext) or self._same_thing(toks, i, stoks, k):
                    continue
                if y.lower in mine or y.lower in dwords:
                    continue  # not replaced: the derived sentence has it too
                dw, sw = _phrase(toks, i, text), _phrase(stoks, k, stext)
                why = f"The derived text has {dw!r} where the source, otherwise saying the same, has {sw!r}."
                return [Distortion("entity_swapped", dw, sw, why)]
        return []

    def _match_pred(
        self, toks: Sequence[Tok], p: _Pred, where: dict[int, set[int]]
    ) -> tuple[int, _Pred, int] | None:
        """The source predicate standing for derived predicate ``p``: same lemma (any speech
        verb for a speech verb, else a near-synonym), in a sentence holding the most of ``p``'s
        arguments; (sentence, predicate, arguments shared)."""
        v = toks[p.verb]
        speech = v.lemma in SPEECH
        syn = None if speech else self.synonym(v)
        best: tuple[int, _Pred, int] | None = None
        for j in sorted(
            where.get(p.verb) or {k for k in self.exact(v) if k < self.body}
        ):  # (a copula is no unit)
            stoks = self.sentences[j][1]
            for q in self.preds(j):
                w = stoks[q.verb]
                same = (
                    w.lemma == v.lemma
                    or (speech and w.lemma in SPEECH)
                    or (syn is not None and w.lemma == syn[0])
                )
                if not same:
                    continue
                # Arguments shared within the clause, not anywhere in the sentence: "said" has
                # many counterparts, the one saying this is the one whose clause holds it.
                theirs = set().union(*(self._own_keys(stoks[u]) for u in q.args)) if q.args else set()
                if q.doer is not None and not speech:
                    # Who acts there may be what is acted on here ("Thompson stopped Klitschko"
                    # for "Klitschko stopped Thompson"): the swap check needs the pair found.
                    theirs |= set(_keys(stoks[q.doer]))
                shared = sum(1 for a in p.args if self._match_keys(toks[a]) & theirs)
                if best is None or shared > best[2]:
                    best = (j, q, shared)
        return best

    def has_number(self, written: str) -> bool:
        """Whether the number(s) written in ``written`` ("23 points", "$1,500") all occur in the
        sources, however tokenized there."""
        nums = _numbers_in(written)
        return bool(nums) and all("<num>" + n in self.where for n in nums)

    @staticmethod
    def _own_keys(u: Tok) -> set[str]:
        keys = set(_keys(u))
        if u.lemma in SPEECH and u.pos == "VERB":
            keys.add("<speech>")
        return keys

    def _match_keys(self, a: Tok) -> set[str]:
        """The keys a source token must have one of (:meth:`_own_keys`) to stand for derived
        token ``a``: its own words, any reporting verb for a reporting verb, its near-synonym."""
        keys = set(_keys(a))
        if is_name(a) or is_number(a):
            return keys
        if a.lemma in SPEECH and a.pos == "VERB":
            keys.add("<speech>")
        syn = self.synonym(a)
        if syn is not None:
            keys.add(syn[0])
        return keys

    def stands_for(self, a: Tok, u: Tok) -> bool:
        """Whether source token ``u`` is a counterpart of derived token ``a``."""
        return bool(self._match_keys(a) & self._own_keys(u))

    def _compare_pred(
        self, toks: Sequence[Tok], text: str, p: _Pred, where: dict[int, set[int]]
    ) -> Distortion | None:
        m = self._match_pred(toks, p, where)
        if m is None:
            return None
        j, q, shared = m
        stext, stoks = self.sentences[j]
        if shared < max(1, math.ceil(MIN_SHARED * len(p.args))):
            return None  # the verb recurs, but not with this predicate's arguments
        v, w = toks[p.verb], stoks[q.verb]
        if (
            p.negated != q.negated
            and v.lemma == w.lemma
            and not self._negated_elsewhere(stoks, q)
            and self._same_or_unknown(toks, p.doer, stoks, q.doer)
            # A copula says little by itself: "was not at the summit" / "was absent".
            and (
                v.lemma != "be"
                or (
                    p.complement is not None
                    and q.complement is not None
                    and self.stands_for(toks[p.complement], stoks[q.complement])
                    # "is bad news" / "is not good news": two flips say the same.
                    and not _opposed(toks, p.complement, stoks, q.complement)
                )
            )
        ):
            dw = text[toks[p.verb].start : toks[p.verb].end]
            sw = stext[w.start : w.end]
            what = "negates" if p.negated else "states"
            why = (
                f"The derived text {what} {dw!r} where the source, on the same "
                f"{'act' if v.pos == 'VERB' else 'point'}, {'states' if p.negated else 'negates'} it ({sw!r})."
            )
            return Distortion("negation_flipped", ("not " if p.negated else "") + dw,
                              ("not " if q.negated else "") + sw, why)  # fmt: skip
        same = self._same_thing
        if (
            p.doer is not None
            and p.undergoer is not None
            and q.doer is not None
            and q.undergoer is not None
            and v.lemma not in _MUTUAL
            and same(toks, p.doer, stoks, q.undergoer)
            and same(toks, p.undergoer, stoks, q.doer)
            and not same(toks, p.doer, stoks, q.doer)
            and not self._said_so(toks, v.lemma, p.doer, p.undergoer)
        ):
            a, b = _phrase(toks, p.doer, text), _phrase(toks, p.undergoer, text)
            why = (
                f"The derived text has {a!r} as the one who acts and {b!r} as the one acted on "
                f"({v.lemma!r}); the source has them the other way round."
            )
            return Distortion("roles_swapped", f"{a} / {b}", f"{b} / {a}", why)
        # Who acts and a partner named after the same preposition, exchanged: "Reines took
        # directions from Labott" for "Labott took directions from Reines".
        if (
            p.doer is not None
            and q.doer is not None
            and not same(toks, p.doer, stoks, q.doer)
            and v.lemma not in _MUTUAL
        ):
            mine_p = _partner_slots(toks, p, text)
            theirs_q = _partner_slots(stoks, q, stext)
            for prep, obj in mine_p:
                if prep in _MUTUAL_PREPS:
                    continue  # "met with", "drew against": either side may be named first
                for prep_q, obj_q in theirs_q:
                    if (
                        prep == prep_q
                        and same(toks, p.doer, stoks, obj_q)
                        and same(toks, obj, stoks, q.doer)
                        and not self._said_so(toks, v.lemma, p.doer, obj, prep)
                    ):
                        a, b = _phrase(toks, p.doer, text), _phrase(toks, obj, text)
                        why = (
                            f"The derived text has {a!r} as the one who acts and {b!r} after {prep!r} "
                            f"({v.lemma!r}); the source has them the other way round."
                        )
                        return Distortion("roles_swapped", f"{a} / {b}", f"{b} / {a}", why)
        if v.lemma == "be" or shared < math.ceil(MIN_SHARED_SWAP * len(p.args)):
            return None  # "X is the Cyrus ...": identity statements; a swap needs the rest said
        pairs: list[tuple[int | None, int | None, bool]] = [
            (p.doer, q.doer, True),
            (p.undergoer, q.undergoer, False),
        ]
        # Names under the same preposition of the verb ("in Moscow" / "in Mannheim").
        slots_q = _prep_slots(stoks, q.verb, stext)
        slots_p = _prep_slots(toks, p.verb, text)
        for prep, obj in slots_p:
            same_prep = [k for pp, k in slots_q if pp == prep]
            if same_prep and not any(self._same_thing(toks, obj, stoks, k) for k in same_prep):
                # Not when the derived text names the source's place in the same slot too ("at
                # The Venetian in Las Vegas" / "in Las Vegas").
                if any(self._same_thing(toks, o, stoks, same_prep[0]) for pp, o in slots_p if pp == prep):
                    continue
                pairs.append((obj, same_prep[0], False))
        for mine, theirs, doer in pairs:
            if mine is None or theirs is None:
                continue
            d = self._slot_swap(toks, text, mine, stoks, stext, theirs, q, speech=v.lemma in SPEECH and doer)
            if d is not None:
                return d
        return None

    def _said_so(self, toks: Sequence[Tok], verb: str, doer: int, other: int, prep: str = "") -> bool:
        """Whether some source predicate of ``verb`` has the derived text's doer acting on (or,
        with ``prep``, with) the derived text's other party: then the exchanged order the check
        found is another act, and the derived one is said too."""
        for j in range(self.body):
            stext, stoks = self.sentences[j]
            for q in self.preds(j):
                if stoks[q.verb].lemma != verb or q.doer is None:
                    continue
                if not self._same_thing(toks, doer, stoks, q.doer):
                    continue
                if prep:
                    slots = _partner_slots(stoks, q, stext)
                    if any(pp == prep and self._same_thing(toks, other, stoks, k) for pp, k in slots):
                        return True
                elif q.undergoer is not None and self._same_thing(toks, other, stoks, q.undergoer):
                    return True
        return False

    def _same_or_unknown(
        self, toks: Sequence[Tok], i: int | None, stoks: Sequence[Tok], k: int | None
    ) -> bool:
        """Whether two predicates' doers may be one (either unknown or a pronoun counts)."""
        if i is None or k is None or "PRON" in (toks[i].pos, stoks[k].pos):
            return True
        return self._same_thing(toks, i, stoks, k) or self.stands_for(toks[i], stoks[k])

    def _negated_elsewhere(self, stoks: Sequence[Tok], q: _Pred) -> bool:
        # "no one was charged", "without": a negation the verb's own children do not carry.
        return any(t.lower in _NEGATORS or t.lemma == "without" for t in stoks) and not q.negated

    @staticmethod
    def _same_thing(toks: Sequence[Tok], i: int, stoks: Sequence[Tok], k: int) -> bool:
        a, b = toks[i], stoks[k]
        if "PRON" in (a.pos, b.pos):
            return False
        if a.pos in ("PROPN", "NOUN") and b.pos in ("PROPN", "NOUN") and a.lower[:3] == b.lower[:3]:
            return True  # "the Cavs" / "the Cavaliers", "Gabby" / "Gabrielle"
        return a.lemma == b.lemma or a.lower == b.lower or bool(_name_words(toks, i) & _name_words(stoks, k))

    def _slot_swap(
        self,
        toks: Sequence[Tok],
        text: str,
        i: int,
        stoks: Sequence[Tok],
        stext: str,
        k: int,
        q: _Pred,
        speech: bool,
    ) -> Distortion | None:
        """The derived predicate's doer (undergoer) is a name; the aligned source predicate's is
        someone else, who is not the same person under another description (no source sentence
        holds both: "prosecutor Danette Meyers")."""
        a, b = toks[i], stoks[k]
        if not _name_like(toks, i, text) or b.pos == "PRON" or self._same_thing(toks, i, stoks, k):
            return None
        dwords = {_stem(x.lemma) for x in toks if x.head == i and is_unit(x)} | {_stem(a.lemma)}
        if dwords & ({_stem(x.lemma) for x in stoks if x.head == k and is_unit(x)} | {_stem(b.lemma)}):
            return None  # "Republicans" / "Republican supporters": one group, two phrasings
        if _name_words(stoks, k) <= _subtree_words(toks, i) or _name_words(toks, i) <= _subtree_words(
            stoks, k
        ):
            # One side's phrase names the other's too: "Summit and the director, Catherine
            # Hardwicke" for "Hardwicke"; "The Venetian in Las Vegas" for "Las Vegas".
            return None
        if not self.exact(a) and a.lower not in self.aliases:
            return None  # a name the sources never give: unsupported, not a swap
        mine = _name_words(toks, i)
        clause = {stoks[x].lower for x in q.args} | {stoks[q.verb].lower}
        if q.doer is not None:
            clause |= _name_words(stoks, q.doer)
        if mine & clause:
            return None  # the derived name takes part in that act in the source too
        b_name = _name_like(stoks, k, stext)
        if not b_name:
            # "a prosecutor" in the source: the derived name is another person only if no
            # source sentence holds both ("prosecutor Danette Meyers").
            theirs = {stoks[k].lemma} | _name_words(stoks, k)
            together = [
                s for w in mine for s in self.where.get(w, set()) if any(s in self.where.get(x, set()) for x in theirs)
            ]  # fmt: skip
            if together:
                return None
        dw, sw = _phrase(toks, i, text), _phrase(stoks, k, stext)
        if speech:
            why = f"The derived text gives this statement to {dw!r}; the source, to {sw!r}."
            return Distortion("attribution_moved", dw, sw, why)
        if not b_name:
            return None  # "the company" in the source: the name may well be who it is
        why = f"The derived text names {dw!r} where the source, on the same act, names {sw!r}."
        return Distortion("entity_swapped", dw, sw, why)

    def _held_numbers(self, toks: Sequence[Tok], text: str, where: dict[int, set[int]]) -> list[Distortion]:
        """Two figures exchanged between who holds them: the derived text gives X the figure a
        source sentence gives Y, where that sentence gives X another figure of the same kind
        ("the board offered $75,000 and the city added $20,000" for "the board offered $20,000
        and the city added $75,000"). The source sentence must hold both holders with both
        figures, so a figure said of two things in two places is no swap."""
        numbers = [i for i, t in enumerate(toks) if is_number(t)]
        held = {i: _holder(toks, i) for i in numbers}  # the derived text's numbers and holders
        figures = [i for i in numbers if any(c.isdigit() for c in toks[i].lower)]
        for i in figures:
            # Figures in digits with a kind said beside them: "two-time champion" is no figure.
            t, x = toks[i], held[i]
            kind = _figure_kind(toks, i)
            if x is None or not kind or not where.get(i):
                continue

            def is_x(stoks: Sequence[Tok], y: int | None, x: int = x) -> bool:
                return y is not None and (
                    self._same_thing(toks, x, stoks, y) or self.stands_for(toks[x], stoks[y])
                )

            for j in sorted(where[i]):
                stext, stoks = self.sentences[j]
                same_value = [
                    (k, _holder(stoks, k))
                    for k, u in enumerate(stoks)
                    if is_number(u) and _numbers_in(u.norm) == _numbers_in(t.norm)
                ]
                if any(is_x(stoks, y) for _, y in same_value):
                    continue  # the source gives X this figure too ("25 percent in Iowa and 30 in Ohio")
                for k, y in same_value:
                    if y is None:
                        continue
                    # X's own figure of the same kind in that sentence, another value.
                    for k2, u in enumerate(stoks):
                        if (
                            k2 == k
                            or not any(c.isdigit() for c in u.lower)
                            or _numbers_in(u.norm) == _numbers_in(t.norm)
                        ):
                            continue
                        if _figure_kind(stoks, k2) != kind:
                            continue
                        x2 = _holder(stoks, k2)
                        if x2 is None or not is_x(stoks, x2):
                            continue
                        if any(
                            _numbers_in(toks[d].norm) == _numbers_in(u.norm) and held[d] == x for d in numbers
                        ):
                            continue  # the derived text gives X that figure too
                        dw = _phrase(toks, x, text)
                        why = (
                            f"The derived text gives {text[t.start : t.end]!r} to {dw!r}; the source gives it to "
                            f"{_phrase(stoks, y, stext)!r} and {stext[u.start : u.end]!r} to {dw!r}."
                        )
                        return [Distortion("number_changed", f"{dw} {text[t.start : t.end]}",
                                           f"{_phrase(stoks, x2, stext)} {stext[u.start : u.end]}", why)]  # fmt: skip
        return []

    def _numbers(self, toks: Sequence[Tok], text: str, where: dict[int, set[int]]) -> list[Distortion]:
        """A count of something the source counts otherwise in the sentence that says the rest
        ("seven alleged violations" for "nine alleged rules violations")."""
        for i, t in enumerate(toks):
            if not is_number(t) or t.dep not in ("nummod", "quantmod") or toks[t.head] is t:
                continue
            h = toks[t.head]
            if where.get(i):
                continue  # the number is in the sources: which count it is needs more than a noun
            j = self._best_sentence([x for x in where if x != i], where)
            if j is None or j not in where.get(t.head, set()):
                continue
            stext, stoks = self.sentences[j]
            for s in stoks:
                sh = stoks[s.head]
                counts = is_number(s) and s.dep in ("nummod", "quantmod") and sh is not s
                if counts and sh.lemma == h.lemma and s.norm != t.norm:
                    dw = text[t.start : h.end] if t.start < h.start else text[t.start : t.end]
                    sw = stext[s.start : sh.end] if s.start < sh.start else stext[s.start : s.end]
                    why = f"The derived text gives {dw!r} where the source, on the same point, gives {sw!r}."
                    return [Distortion("number_changed", dw, sw, why)]
        return []

    def _values(self, j: int) -> list[tuple[int, tuple[str, tuple[str, ...]]]]:
        """The values (:func:`_value`) of source sentence ``j``, with their token indices."""
        if j not in self._vals:
            stoks = self.sentences[j][1]
            self._vals[j] = [(k, v) for k, u in enumerate(stoks) if (v := _value(u)) is not None]
        return self._vals[j]

    def _names_of(self, j: int) -> list[tuple[int, tuple[str, frozenset[str], str]]]:
        """The names (:func:`_name_at`) of source sentence ``j``, with their token indices."""
        if j not in self._names:
            stoks = self.sentences[j][1]
            self._names[j] = [(k, m) for k in range(len(stoks)) if (m := _name_at(stoks, k)) is not None]
        return self._names[j]

    def _placed_values(self, toks: Sequence[Tok], text: str, where: dict[int, set[int]]) -> list[Distortion]:
        """A figure, day, month or ordinal put where the sources put another: a source sentence
        gives the same place ("has died at age 95", "three of the seven bullets", "arrested
        Friday") another value, and no mention of the derived value in the sources sits in that
        place as well ("at age 91, was his part made public" is another act). A value's place
        is the noun it is said of, the verb of its clause and that verb's other arguments, read
        through their counterparts; the other value must sit in more of it than any mention of
        the derived value, by a whole noun or verb, and in a sentence saying as much of the rest.
        The typed check of ``_numbers`` needs the derived figure absent from the sources; a
        summary's changed figure is often one the article gives of something else."""
        for i, t in enumerate(toks):
            val = _value(t)
            if val is None:
                continue
            nouns, verb = _slot(toks, i)
            noun = nouns[0] if nouns else None
            if noun is None and verb is None:
                continue
            rest = _rest_of_place(toks, where, i, verb if verb is not None else nouns[0], {noun, verb})
            if not rest:
                continue

            place = partial(self._place, toks, nouns, verb, rest, where)
            kind = _measure(toks, i) if val[0] == "number" else ""
            derived_values = {v[1] for u in toks if (v := _value(u)) is not None and v[0] == val[0]}
            own, own_share = -1.0, 0.0
            others: list[tuple[float, int, int, float]] = []
            for j in range(self.body):
                stoks = self.sentences[j][1]
                values = self._values(j)
                for k, v in values:
                    if v[0] != val[0]:
                        continue
                    if v[1] == val[1]:
                        # The derived value's own mentions, leniently: a noun worded otherwise
                        # there still places it.
                        score, share = place(j, k, False)
                        own, own_share = max(own, score), max(own_share, share)
                    elif kind != (_measure(stoks, k) if val[0] == "number" else ""):
                        continue  # another measure ("6 p.m." is no count of booths)
                    elif v[1] not in derived_values:  # not "nine ..., seven of them"
                        score, share = place(j, k, True)
                        others.append((score, j, k, share))
            # A value the sources never give may be placed by what the sentence says alone.
            best = _displacing(others, own, own_share, alone=True)
            if best is None:
                continue
            j, k = best
            stext, stoks = self.sentences[j]
            dw, sw = text[t.start : t.end], stext[stoks[k].start : stoks[k].end]
            dtype: DistortionType = "date_changed" if val[0] in ("weekday", "month") else "number_changed"
            why = f"The derived text gives {dw!r} where the source, on the same point, gives {sw!r}."
            return [Distortion(dtype, dw, sw, why)]
        return []

    def _placed_names(self, toks: Sequence[Tok], text: str, where: dict[int, set[int]]) -> list[Distortion]:
        """A name put where the sources put another of its kind: what :meth:`_placed_values`
        reads for figures, for a person, organization or place in the same role ("in
        Lakewood" for "in Norwalk", "Carter's 13 points" for "VanDeest's 13 points"). The
        derived name must be one the sources mention (one they never mention is unsupported),
        and the other name one the derived sentence does not give too."""
        names = {i: n for i in range(len(toks)) if (n := _name_at(toks, i)) is not None}
        given = set().union(*(n[1] for n in names.values())) if names else set()
        for i, (kind, words, role) in names.items():
            if not where.get(i):
                continue
            nouns, verb = _slot(toks, i)
            if not nouns and verb is None:
                continue
            rest = _rest_of_place(
                toks, where, i, verb if verb is not None else nouns[0], {verb, *nouns}, words
            )
            if not rest:
                continue
            place = partial(self._place, toks, nouns, verb, rest, where)
            own, own_share = -1.0, 0.0
            others: list[tuple[float, int, int, float]] = []
            for j in range(self.body):
                stoks = self.sentences[j][1]
                for k, m in self._names_of(j):
                    if m[0] != kind:
                        continue
                    if m[1] & words:
                        score, share = place(j, k, False)
                        own, own_share = max(own, score), max(own_share, share)
                    elif m[2] == role and not (m[1] & given) and stoks[k].lower not in self.aliases:
                        if kind == "place" and nested(
                            _phrase(toks, i, text), _phrase(stoks, k, self.sentences[j][0])
                        ):
                            continue  # a place and one holding it ("in Brooklyn", "in New York")
                        score, share = place(j, k, True)
                        others.append((score, j, k, share))
            best = _displacing(others, own, own_share, alone=False)
            if best is None:
                continue
            j, k = best
            stext, stoks = self.sentences[j]
            dw, sw = _phrase(toks, i, text), _phrase(stoks, k, stext)
            why = f"The derived text names {dw!r} where the source, on the same point, names {sw!r}."
            return [Distortion("entity_swapped", dw, sw, why)]
        return []

    def _place(
        self,
        toks: Sequence[Tok],
        nouns: tuple[int, ...],
        verb: int | None,
        rest: Sequence[int],
        where: dict[int, set[int]],
        j: int,
        k: int,
        strict: bool,
    ) -> tuple[float, float]:
        """(fit, share of ``rest`` said) of value ``k`` of source sentence ``j`` in the place of
        a derived value (its ``nouns``, ``verb`` and the ``rest`` of what its clause says): a
        point each for a noun in common and the same verb, plus the share of the rest that sentence
        says. ``strict``: a value said of another noun has no place there (-1)."""
        stoks = self.sentences[j][1]
        snouns, sverb = _slot(stoks, k)
        score = 0.0
        if nouns:
            if any(self.stands_for(toks[a], stoks[n]) for a in nouns for n in snouns):
                score += 1
            elif strict:
                return -1.0, 0.0
        if verb is not None and sverb is not None and self.stands_for(toks[verb], stoks[sverb]):
            score += 1
        share = sum(1 for x in rest if j in where[x]) / len(rest)
        return score + share, share

    def _opposites(self, toks: Sequence[Tok], text: str, where: dict[int, set[int]]) -> list[Distortion]:
        """A word turned into its opposite ("admitted improper conduct" for "denied any improper
        conduct"): a source sentence holds the opposite word and the derived word's own context
        (its head, its dependents, its siblings), not the word itself, and both sides carry the
        same number of negations ("did not win" for "lost" says the same)."""
        dlow = {t.lower for t in toks}
        for i, t in enumerate(toks):
            for o in readings(t.lower, t.pos):
                if dlow & set(o.opposite_family):
                    continue  # "rose, then fell": both are said
                local = [
                    x for x in where
                    if x != i and (toks[x].head == i or x == t.head or (toks[x].head == t.head and x != t.head))
                ]  # fmt: skip
                if len(local) < 2:
                    continue
                candidates = sorted({j for form in o.opposite_family for j in self.where.get(form, set())})
                for j in candidates:
                    stext, stoks = self.sentences[j]
                    slow = {u.lower for u in stoks}
                    if slow & set(o.family):
                        continue
                    there = [
                        k for k, u in enumerate(stoks) if u.lower in o.opposite_family and u.pos in o.pos
                    ]
                    if not there or sum(u.neg for u in toks) != sum(u.neg for u in stoks):
                        continue
                    # The context must sit around the opposite word there too ("closed the
                    # plant" is not reversed by "opened fire" elsewhere in the sentence).
                    k = there[0]
                    near = [
                        y for y, u in enumerate(stoks)
                        if y != k and (u.head == k or y == stoks[k].head or (u.head == stoks[k].head and y != u.head))
                    ]  # fmt: skip
                    held = sum(1 for x in local if any(self.stands_for(toks[x], stoks[y]) for y in near))
                    if held < max(2, math.ceil(0.6 * len(local))):
                        continue
                    dw, sw = text[t.start : t.end], stext[stoks[k].start : stoks[k].end]
                    why = f"The derived text says {dw!r} where the source, on the same point, says the opposite, {sw!r}."
                    return [Distortion("meaning_reversed", dw, sw, why)]
        return []


__all__ = ["NAME_GLUE", "NEAR_SYNONYM", "SPEECH", "Alignment", "SourceUnits", "WordSimilarity"]
