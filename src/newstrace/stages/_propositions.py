"""The predications inside one claim, read from its dependency parse.

A claim is a sentence or an independent clause, and one sentence often states several facts:
"Putin met volunteers and held a meeting with Khinshtein", "The quake struck Qeshm island,
killing seven people", "the quake, which measured 5.9, ...". Corroboration must be judged fact
by fact, so each verb that carries its own proposition becomes one :class:`Predication`: its
predicate, its subject (said in the clause or shared with the verb it is coordinated with), and
the tokens that are its own (its subtree, less the subtrees of the other predications).

Pure parse reading: the claims stage turns these into :class:`newstrace.records.Proposition`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Token = Any  # spaCy Token

__all__ = ["LIGHT_VERBS", "Predication", "content_lemmas", "event_word", "predications"]

VERB_POS = ("VERB", "AUX")
SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
# Verbs whose object names the event: "made a visit", "held a meeting", "paid tribute".
LIGHT_VERBS = frozenset("make hold pay take conduct carry give stage".split())
# Words that never tell two facts apart (the reporting frame, auxiliaries, vague nouns).
_WEAK = frozenset(
    "be have do say tell report state add include also year day time people thing way one".split()
)


@dataclass(frozen=True)
class Predication:
    """One verb and what belongs to it. ``subject`` is the subject's head token (None when the
    verb has none: an imperative, a headline fragment); ``inherited`` when it is written with
    another verb ("Putin met X and held Y": "held" inherits "Putin")."""

    pred: Token
    subject: Token | None
    inherited: bool
    tokens: tuple[Token, ...]


def _subject(v: Token) -> Token | None:
    return next((c for c in v.children if c.dep_ in SUBJ_DEPS), None)


def _is_participle_adjunct(c: Token) -> bool:
    """ "..., killing seven people": a subjectless -ing clause that adds a fact of its own."""
    return c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and _subject(c) is None


def event_word(pred: Token) -> Token:
    """The word that names what happened: the object of a light verb ("made a visit" ->
    "visit"), else the verb itself."""
    if pred.lemma_.lower() in LIGHT_VERBS:
        obj = next((c for c in pred.children if c.dep_ in ("dobj", "attr")), None)
        if obj is not None and obj.pos_ == "NOUN":
            return obj
    return pred


def predications(pred: Token, inside: set[int]) -> list[Predication]:
    """The predications of a claim whose content predicate is ``pred``; ``inside`` holds the
    token indices of the claim (a clause split off a sentence keeps to its own tokens)."""
    found: list[tuple[Token, Token | None, bool]] = []
    seen: set[int] = set()

    def walk(v: Token, subj: Token | None, inherited: bool) -> None:
        if v.i in seen or v.i not in inside:
            return
        seen.add(v.i)
        found.append((v, subj, inherited))
        for c in v.children:
            if c.dep_ == "conj" and c.pos_ in VERB_POS:
                own = _subject(c)
                walk(c, own if own is not None else subj, own is None)
            elif _is_participle_adjunct(c):
                walk(c, subj, True)
        # "the quake, which measured 5.9, struck ...": a relative clause on an argument states
        # a fact about that argument.
        for c in v.children:
            if c.dep_ in SUBJ_DEPS + ("dobj", "pobj", "attr"):
                for r in c.children:
                    if r.dep_ == "relcl" and r.pos_ in VERB_POS:
                        walk(r, c, True)

    walk(pred, _subject(pred), False)
    heads = {v.i for v, _, _ in found}
    out: list[Predication] = []
    for v, subj, inherited in found:
        # A predication's own tokens: its subtree, less the subtrees of the other predications
        # hanging under it (and the conjunction joining them).
        others = [o for o, _, _ in found if o.i != v.i and o.i in {t.i for t in v.subtree}]
        drop = {t.i for o in others for t in o.subtree}
        toks = [
            t
            for t in v.subtree
            if t.i in inside and t.i not in drop and not (t.dep_ == "cc" and t.head.i in heads and t.head.i == v.i)
        ]
        # Trim punctuation and conjunctions left at either end.
        while toks and (toks[0].is_punct or toks[0].dep_ == "cc"):
            toks.pop(0)
        while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
            toks.pop()
        if toks:
            out.append(Predication(v, subj, inherited, tuple(toks)))
    return out


def content_lemmas(tokens: tuple[Token, ...] | list[Token]) -> list[str]:
    """Lower-case lemmas of the words that say what the fact is about, in text order."""
    out: list[str] = []
    for t in tokens:
        if t.is_stop or t.is_punct or not (t.is_alpha or t.like_num):
            continue
        if t.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"):
            continue
        lem = t.lemma_.lower()
        if lem in _WEAK or lem in out:
            continue
        out.append(lem)
    return out
