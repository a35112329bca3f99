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

__all__ = ["is_future", "LIGHT_VERBS", "Predication", "content_lemmas", "event_word", "predications"]

VERB_POS = ("VERB", "AUX")
SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
# Verbs whose object names the event: "made a visit", "held a meeting", "paid tribute".
LIGHT_VERBS = frozenset("make hold pay take conduct carry give stage".split())
# Reporting verbs that make an act of their own: who announced it is a checkable fact.
ANNOUNCING = frozenset({"announce", "confirm", "declare", "deny", "reveal", "proclaim"})
# Prepositions whose object is an event in its own right: "during a visit", "after the attack".
EVENT_PREPOSITIONS = frozenset({"during", "after", "following", "amid", "before", "ahead"})
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
    """ "..., killing seven people", "Accompanied by the governor, ...": a subjectless
    participle clause that adds a fact of its own."""
    if _subject(c) is not None:
        return False
    return bool((c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG") or (c.dep_ == "advcl" and c.tag_ == "VBN"))


def _agent_poss(t: Token) -> Token | None:
    """Who did the act a noun names: its possessor when that is a person or a name ("his visit",
    "Putin's visit"), not a time ("last month's report")."""
    poss = next((c for c in t.children if c.dep_ == "poss"), None)
    return poss if poss is not None and poss.pos_ in ("PRON", "PROPN") else None


def _names_event(t: Token) -> bool:
    """A noun that names an event of its own, as the object of a preposition: after "during",
    "after", ... ("during a visit to the region"), or someone's act with its argument after
    "in"/"on" ("in his report to the President on ...")."""
    if t.pos_ != "NOUN" or t.dep_ != "pobj":
        return False
    if t.head.lower_ in EVENT_PREPOSITIONS:
        return True
    return (
        t.head.lower_ in ("in", "on", "at")
        and any(c.dep_ == "poss" for c in t.children)
        and any(c.dep_ == "prep" for c in t.children)
    )


def _own(v: Token) -> list[Token]:
    """Tokens of ``v``'s subtree whose nearest verb above them is ``v`` (not a verb under it)."""
    out = []
    for t in v.subtree:
        h = t
        while h.i != v.i and h.head.i != h.i:
            h = h.head
            if h.i != v.i and h.pos_ in VERB_POS:
                break
        if h.i == v.i and t.i != v.i:
            out.append(t)
    return out


def is_future(pred: Token) -> bool:
    """Whether a predicate tells of something still to come: "will host", "is going to host",
    "is to host", a headline's bare "To Host"."""
    for c in pred.children:
        if c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo"):
            return True
        if (
            c.dep_ == "aux"
            and c.lower_ == "to"
            and pred.dep_ in ("ROOT", "xcomp")
            and pred.head.lemma_ in ("be", "go", pred.lemma_)
        ):
            return True
    return False


def event_word(pred: Token) -> Token:
    """The word that names what happened: the object of a light verb ("made a visit" ->
    "visit"), else the verb itself."""
    if pred.lemma_.lower() in LIGHT_VERBS:
        obj = next((c for c in pred.children if c.dep_ in ("dobj", "attr")), None)
        if obj is not None and obj.pos_ == "NOUN":
            return obj
    return pred


# Dependents that name what a verb's act is done to: "struck the island", "was the winner".
_THEME_DEPS = ("dobj", "attr", "dative", "oprd")


# Prepositions whose object takes part in the act ("met with", "accompanied by", "spoke to"), not
# those that place it in time or space ("died on Thursday in Beverly Hills").
_PARTNER_PREPS = frozenset("with by to for against about of into from over".split())


def _partners(t: Token) -> list[Token]:
    """The objects of ``t``'s prepositions that take part in the act (_PARTNER_PREPS)."""
    return [
        p
        for c in t.children
        if c.dep_ in ("prep", "agent") and c.lower_ in _PARTNER_PREPS
        for p in c.children
        if p.dep_ == "pobj"
    ]


def theme(pred: Token, own: set[int]) -> list[Token]:
    """The words naming what (or whom) the act is done to or with, kept to the predication's
    own tokens ``own``: the object ("commended the role of the troops"), a passive's subject
    ("the involvement of the fighters was highlighted"), the argument of an event noun ("held a
    meeting with the governor", "his visit to the port"), else a verb's first prepositional
    object that takes part in the act ("met with volunteers", "accompanied by the governor"),
    never a time or a place ("died on Thursday in Beverly Hills" has none)."""
    ev = event_word(pred)
    if ev.i != pred.i:  # "held a meeting with X": the parser hangs "with X" on either word
        heads = _partners(ev) + _partners(pred)
    elif pred.pos_ not in VERB_POS:
        heads = _partners(ev)
    else:
        passive = any(c.dep_ == "auxpass" for c in pred.children)
        heads = [c for c in pred.children if c.dep_ in _THEME_DEPS or (passive and c.dep_ == "nsubjpass")]
        if not heads:
            heads = _partners(pred)[:1]
    return [t for h in heads for t in h.subtree if t.i in own]


def predications(pred: Token, inside: set[int], frame: Token | None = None) -> list[Predication]:
    """The predications of a claim whose content predicate is ``pred``; ``inside`` holds the
    token indices of the claim (a clause split off a sentence keeps to its own tokens).
    ``frame``: the reporting verb when the claim is "X said Y"; an event it names ("said during
    a visit to the region") is a fact of the claim too, done by the speaker."""
    found: list[tuple[Token, Token | None, bool]] = []
    seen: set[int] = set()

    def walk(v: Token, subj: Token | None, inherited: bool) -> None:
        if v.i in seen or v.i not in inside:
            return
        seen.add(v.i)
        found.append((v, subj, inherited))
        if v.pos_ not in VERB_POS:
            return  # a nominal event: its arguments are its own
        for c in v.children:
            if c.dep_ == "conj" and c.pos_ in VERB_POS:
                own = _subject(c)
                walk(c, own if own is not None else subj, own is None)
            elif _is_participle_adjunct(c):
                walk(c, subj, True)
        for t in _own(v):
            if t.dep_ == "pcomp" and t.pos_ in VERB_POS and _subject(t) is not None:
                walk(t, _subject(t), False)  # "..., with Kim himself referring to the troops as heroes"
            elif t.dep_ == "relcl" and t.pos_ in VERB_POS:
                # "the Kursk Region, a territory that had been liberated": a relative clause
                # states a fact about the noun it hangs on (through an apposition).
                own = _subject(t)
                if own is not None and own.lower_ not in ("that", "which", "who"):
                    walk(t, own, False)  # "the region, where the dam failure killed 17"
                else:
                    head = t.head.head if t.head.dep_ == "appos" else t.head
                    walk(t, head, True)
            elif _names_event(t):
                # "during his visit on Tuesday": an event named by a noun, its own fact; who did
                # it is the possessor or the clause's subject.
                poss = _agent_poss(t)
                walk(t, poss if poss is not None else subj, True)

    walk(pred, _subject(pred), False)
    if frame is not None and frame.i != pred.i and frame.i in inside:
        if frame.lemma_.lower() in ANNOUNCING:
            # "On April 26, Putin announced that Russia had regained control": who announced
            # what, and when, is a fact of its own beside what was announced.
            found.append((frame, _subject(frame), False))
            seen.add(frame.i)
        for t in _own(frame):
            if _names_event(t):  # "said during a visit to the region": done by the speaker
                poss = _agent_poss(t)
                walk(t, poss if poss is not None else _subject(frame), True)
    out: list[Predication] = []
    for v, subj, inherited in found:
        # A predication's own tokens: its subtree, less the subtrees of the other predications
        # hanging under it (and the conjunction joining them).
        below = {t.i for t in v.subtree}
        drop = {t.i for o, _, _ in found if o.i != v.i and o.i in below for t in o.subtree}
        # A preposition left without its object ("During" of "During his visit") goes with it.
        drop |= {t.i for t in v.subtree if t.dep_ == "prep" and t.i not in drop and any(c.i in drop for c in t.children)
                 and all(c.i in drop for c in t.children)}  # fmt: skip
        toks = [
            t
            for t in v.subtree
            if t.i in inside and t.i not in drop and not (t.dep_ == "cc" and t.head.i == v.i)
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
