"""``quotes``: who said what, direct and reported, with the reporting cue and relay chain.

How a statement is found:
- quote marks are paired on the raw text (straight, curly, single curly or straight singles
  used as marks); a paragraph left open continues into the next one that opens with a mark,
  and any other unbalanced mark is skipped with warning W003 while the rest of the document
  is still processed;
- reporting cues come from the dependency parse: a reporting verb outside quote marks, its
  clausal complement (ccomp, some xcomp, parataxis) as the content and its subject as the
  speaker; "X, Y said" (cue after the content), "according to X", a colon or a quote right
  next to the cue, and verbs that frame a quoted word ("called them 'heroes'") are handled
  too;
- a cue's content that is all quoted text is a ``direct`` quote (content without the marks);
  quoted text plus the writer's words is ``mixed``; no quote marks is ``indirect``;
- relays: an outlet's report of someone else's statement ("..., local media reported, citing
  X"; "X was quoted as saying by TASS"; "X told the Baltic Press Agency"; "according to TASS")
  keeps the original speaker and lists the outlet in ``via``;
- a speaker that is "he"/"she" or a role ("the President") takes the most recent PERSON
  mentioned before it in the same or the previous paragraph; a relative "who" takes its
  antecedent.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from newstrace.config import Settings
from newstrace.records import AnnotatedArticle, Entity, Quote, Span
from newstrace.stages._cue_model import CueModel, load_cue_model
from newstrace.stages._quote_rules import (
    CUE_NOUNS,
    CUE_VERBS,
    DOCUMENT_HEADS,
    LIGHT_ADJS,
    LIGHT_NOUNS,
    LIGHT_VERBS,
    MEDIUM_NOUNS,
    NON_CONTENT_PREPS,
    NOUN_PREPS,
    OBJECT_CUES,
    OUTLET_HEADS,
    PERSON_PRONOUNS,
    PREP_VERBS,
    PREPS,
    REPORT_OBJECT_VERBS,
    ROLE_HEADS,
    STANCE_ADJ,
    SURVEY_HEADS,
    TEXT_NOUNS,
    XCOMP_CUES,
    XCOMP_ENTRY,
    Marks,
    scan_double,
    scan_single,
)
from newstrace.stages._registry import register

Token = Any  # spaCy Token: spaCy ships no type information mypy can use

# Verbs that frame a quoted word or phrase rather than a clause ("called it 'a disgrace'").
FRAME_VERBS = frozenset("call describe refer dub label brand term characterize characterise".split())
SUBJ_DEPS = ("nsubj", "csubj")
REL_PRONOUNS = frozenset({"who", "that", "which"})
_DATELINE_TAIL = re.compile(
    r",?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)\n]{1,30}\))?\s*[-\u2014\u2013:]*\s*"
)
# A dateline inside a speaker phrase: "MACAU (Reuters) –", "Dec 29 (Reuters) -", "WASHINGTON --".
_LEAD_DATELINE = re.compile(
    r"(?:[A-Z][A-Za-z.]*(?:[ ,]+[A-Z0-9][A-Za-z0-9.]*){0,4}\s*)?(?:\([A-Za-z. ]{1,20}\)\s*)?(?<=[)A-Z])\s*"
    r"(?:--|[-\u2013\u2014])\s+"
)
# Punctuation between a statement and a trailing cue clause ("A happened, B said"; "A" -- B said).
_HANDOVER = frozenset({",", "\u2014", "\u2013", "--", "-", ":", ";", "\u201d", '"', "''"})
_TRIM = " \t\r\n\u00a0,;:.\u2014\u2013-"


@dataclass
class _Cand:
    """A quote under construction; spans are global (start, end) character offsets."""

    cue: tuple[int, int] | None
    content: tuple[int, int]
    speaker: tuple[int, int] | None = None
    speaker_tok: Token | None = None
    head_pos: int | None = None  # global offset of the speaker phrase's head token
    ante_pos: int | None = None  # for a relative pronoun speaker ("who said"): its antecedent
    via: list[str] = field(default_factory=list)
    outlet: str | None = None  # set when the speaker is a news outlet reporting
    kind: str = "indirect"
    direct: tuple[Marks, ...] = ()
    split: tuple[tuple[int, int], ...] = ()  # content fragments around "X, he said, Y"
    fixed: bool = False  # content set by the layout (transcript turn): not widened to quote marks
    shallow: bool = False  # a survey's finding ("In a poll, 38 percent said"): statements inside count
    learned: bool = False  # the cue is a verb the cue model promoted, not a lexicon entry


def _gchar(off: int, tok: Token) -> tuple[int, int]:
    return off + tok.idx, off + tok.idx + len(tok.text)


def _tokens_span(off: int, toks: list[Token]) -> tuple[int, int] | None:
    if not toks:
        return None
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return off + first.idx, off + last.idx + len(last.text)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def _block(tok: Token, toks: list[Token]) -> list[Token]:
    """The contiguous run of ``toks`` (by token index) that contains ``tok``."""
    idx = {t.i for t in toks}
    lo = hi = tok.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    return [t for t in toks if lo <= t.i <= hi]


class _Doc:
    """Per-article context: text, quote marks, paragraphs and entity mentions."""

    def __init__(self, ann: AnnotatedArticle, cue_model: CueModel | None = None) -> None:
        art = ann.article
        self.text = art.text
        self.start = art.body_start
        self.pairs, self.bad = scan_double(self.text, self.start, len(self.text))
        singles = scan_single(self.text, self.start, len(self.text), self.pairs)
        self.marks = sorted(self.pairs + singles, key=lambda m: m.open)
        self._mark_starts = [m.open for m in self.marks]
        self.par_starts = [self.start] + [self.start + m.end() for m in re.finditer(r"\n\s*", art.body)]
        self.entities = ann.entities
        self.mention_index = sorted(
            ((m.start, m.end, e) for e in ann.entities for m in e.mentions), key=lambda x: x[0]
        )
        self.dateline_end = -1
        self.learned: set[int] = set()  # offsets of verbs the cue model promoted to cues
        self.cue_model: CueModel | None = cue_model
        if art.place_span is not None and art.place_span.start <= self.start + 2:
            tail = _DATELINE_TAIL.match(self.text, art.place_span.end)
            self.dateline_end = tail.end() if tail else art.place_span.end

    def mark_at(self, pos: int) -> Marks | None:
        """The quoted stretch (marks included) containing ``pos``."""
        i = bisect.bisect_right(self._mark_starts, pos) - 1
        if i >= 0 and self.marks[i].open <= pos < self.marks[i].outer[1]:
            return self.marks[i]
        return None

    def marks_in(self, s: int, e: int) -> list[Marks]:
        return [m for m in self.marks if m.open < e and m.outer[1] > s]

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.par_starts, pos) - 1

    def entity_at(self, pos: int) -> Entity | None:
        for s, e, ent in self.mention_index:
            if s > pos:
                break
            if s <= pos < e:
                return ent
        return None

    def person_before(self, pos: int, anchor: int) -> Entity | None:
        """Most recent PERSON mention ending before ``pos``, in the paragraph of ``anchor`` (where
        the statement starts: a quote may run paragraphs before its "she said") or the one before."""
        par = self.paragraph(anchor)
        best: tuple[int, Entity] | None = None
        for s, e, ent in self.mention_index:
            if e > pos:
                break
            if ent.type == "PERSON" and self.paragraph(s) >= par - 1 and (best is None or s >= best[0]):
                best = (s, ent)
        return best[1] if best else None


def _is_outlet(tok: Token, ctx: _Doc, off: int) -> bool:
    if tok.lower_ in OUTLET_HEADS:
        return True
    ent = ctx.entity_at(off + tok.idx)
    return ent is not None and ent.type == "ORG" and any(w.lower() in OUTLET_HEADS for w in ent.name.split())


def _outlet_name(tok: Token, ctx: _Doc, off: int) -> str:
    """An outlet's name: the ORG entity inside its phrase, else the phrase without "the"."""
    skip = {t.i for c in tok.children if c.dep_ in ("acl", "relcl", "advcl", "prep") for t in c.subtree}
    own = [t for t in tok.subtree if t.i not in skip]
    for t in own:
        ent = ctx.entity_at(off + t.idx)
        if ent is not None and ent.type == "ORG":
            return ent.name
    toks = [t for t in _block(tok, own) if t.dep_ not in ("det", "punct", "appos")]
    span = _tokens_span(off, toks)
    return ctx.text[span[0] : span[1]] if span else tok.text


def _states(tok: Token) -> bool:
    """Does this clause hold a cue of its own ("Mr. Kamin, who emphasized that...")?"""
    return any(t.lemma_ in CUE_VERBS or t.lemma_ in OBJECT_CUES for t in tok.subtree if t.pos_ == "VERB")


def _phrase(tok: Token, ctx: _Doc, off: int, exclude: Token | None = None) -> tuple[int, int] | None:
    """The noun phrase headed by ``tok``: its subtree (minus ``exclude``'s), one contiguous run.

    Clauses inside it that make statements of their own, and a leading "even"/"both", are left
    out: they belong to other attributions, not to the name of this speaker.
    """
    skip = {t.i for t in exclude.subtree} if exclude is not None else set()
    for c in tok.children:
        if (c.dep_ in ("relcl", "acl") and _states(c)) or (
            c.dep_ in ("advmod", "predet", "preconj") and c.i < tok.i
        ):
            skip.update(t.i for t in c.subtree)
        elif (
            c.dep_ == "prep"
            and c.i > tok.i
            and c.lower_ in ("on", "in", "during", "last", "this")
            and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)
        ):
            skip.update(t.i for t in c.subtree)  # "the report on Wednesday": when, not who
        elif c.dep_ == "acl" and c.tag_ == "VBG" and c.i > tok.i and c.left_edge.nbor(-1).text == ",":
            skip.update(t.i for t in c.subtree)  # "Trump, appearing after Clinton, said" (not "a database
            # tracking deaths shows": a participle without a comma restricts the noun)
    toks = [t for t in tok.subtree if t.i not in skip]
    end = off + tok.right_edge.idx + len(tok.right_edge.text)
    toks = [t for t in _block(tok, toks) if _name_part(t, tok, end, ctx, off)]
    if not toks:
        return None
    span = _tokens_span(off, _block(tok, toks) if tok in toks else toks)
    if span is None:
        return None
    if span[0] < ctx.dateline_end <= off + tok.idx:
        span = (ctx.dateline_end, span[1])  # "WASHINGTON -- President Obama said"
    lead = _LEAD_DATELINE.match(ctx.text, span[0], off + tok.idx)
    if lead is None and tok.text.isupper() and len(tok.text) > 2 and tok.i == tok.left_edge.i:
        # "WASHINGTON -- President Obama said": the parser made the dateline the subject and the
        # speaker its apposition
        lead = _LEAD_DATELINE.match(ctx.text, span[0], span[1])
        if lead is not None and lead.end() >= span[1]:
            lead = None
    if lead is not None:
        span = (lead.end(), span[1])  # "MACAU (Reuters) – Top donor Sheldon Adelson said"
    before_head = _SPACED_DASH.search(ctx.text, span[0], off + tok.idx)
    while before_head is not None:  # "... predictable - Donald J. Trump has vowed": the last dash
        span = (before_head.end(), span[1])
        before_head = _SPACED_DASH.search(ctx.text, span[0], off + tok.idx)
    span = _trim(ctx.text, *span)
    span = _speaker_tail(ctx.text, span)
    inside = ctx.text[span[0] : span[1]]
    for dash in ("\u2014", "--", "\u2013", " - "):
        m = re.match(r"\s*" + re.escape(dash.strip()), ctx.text[span[1] : span[1] + 6])
        if dash in inside and m is not None:
            return span[0], span[1] + m.end()  # "Jo Lee -- a teacher from Ames --": the closing dash too
    return span


# A dash set off by spaces: what comes before it in a speaker phrase is another sentence part.
_SPACED_DASH = re.compile(r"\s(?:--|[-\u2013\u2014\u2015])\s+")
_QUANT_TAIL = re.compile(r"[\s,]+(?:both|all|each|alike|too)$", re.I)


def _speaker_tail(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Leave out a trailing quantifier: "Smith and Jones both said" has Smith and Jones as speakers.
    (An age, "Renee Gold, 83, of Sarasota", and a possessive, "Kerry's", were tried too: PolNeAR
    keeps them about as often as it drops them, and dropping them lost source F1.)"""
    m = _QUANT_TAIL.search(text, span[0], span[1])
    return _trim(text, span[0], m.start()) if m is not None and m.end() == span[1] else span


def _name_part(t: Token, head: Token, end: int, ctx: _Doc, off: int) -> bool:
    """Whether ``t`` may be part of a speaker phrase: not inside quote marks (quoted words parsed
    into the subject: "“The dam held,” said X"), unless the marks hold a short title after the head
    and inside the phrase ("the host of “Morning Joe”")."""
    m = ctx.mark_at(off + t.idx)
    if m is None:
        return True
    inner = ctx.text[m.inner[0] : m.inner[1]]
    return m.open > off + head.idx and m.outer[1] <= end + 1 and len(inner.split()) <= 6 and "," not in inner


def _cue_span(v: Token, off: int) -> tuple[int, int]:
    """The cue: the verb with auxiliaries, negation and adverbs right before it ("has also
    said") and a particle after ("pointed out")."""
    lo = v
    while lo.i > 0 and lo.nbor(-1).head == v and lo.nbor(-1).dep_ in ("aux", "auxpass", "neg", "advmod"):
        lo = lo.nbor(-1)
    while lo != v and lo.dep_ == "advmod" and lo.i < v.i and lo.lower_ in ("when", "how", "why", "where"):
        lo = lo.nbor(1)
    hi = v
    if v.i + 1 < len(v.doc) and v.nbor(1).dep_ == "prt" and v.nbor(1).head == v:
        hi = v.nbor(1)
    return off + lo.idx, off + hi.idx + len(hi.text)


# Verbs that put out a document ("issued a statement saying").
_ISSUE_VERBS = frozenset("issue release put send post publish sign circulate distribute".split())


def _subject(v: Token, ctx: _Doc, off: int) -> tuple[Token | None, Token | None]:
    """(subject token, antecedent for a relative pronoun) of a cue verb, inherited if needed.

    A "subject" inside quote marks is a misparse of the quoted words ("“The dam held,” said X").
    """
    outer = _trailing_participle_of(v)
    if outer is not None:
        subjs = [c for c in outer.children if c.dep_ in SUBJ_DEPS and ctx.mark_at(off + c.idx) is None]
        if subjs:
            subj = min(subjs, key=lambda c: abs(c.i - outer.i))
            return subj, outer.head if subj.lower_ in REL_PRONOUNS and outer.dep_ == "relcl" else None
    cur = v
    controlled = False  # reached through an infinitive: "was quick to point out", "was prompted to say"
    for _ in range(4):
        deps = SUBJ_DEPS + (("nsubjpass",) if cur.lemma_ == "quote" or controlled else ())
        subjs = [c for c in cur.children if c.dep_ in deps and ctx.mark_at(off + c.idx) is None]
        # two subjects: "A happened, B said" misparsed; the speaker is the one nearest the cue
        subj = min(subjs, key=lambda c: abs(c.i - cur.i)) if subjs else None
        if subj is not None:
            ante = cur.head if subj.lower_ in REL_PRONOUNS and cur.dep_ == "relcl" else None
            return subj, ante
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN") and _passive_participle(cur):
            break  # "a summit expected to", "a draft seen by": the noun is what is expected or seen
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
            issued = cur.head.head
            if (
                cur.head.lemma_.lower() in DOCUMENT_HEADS
                and cur.head.dep_ == "dobj"
                and issued.lemma_ in _ISSUE_VERBS
                and issued.i < cur.head.i
            ):
                # "X issued a statement saying ...": X speaks, not the statement
                issuer = next((c for c in issued.children if c.dep_ in SUBJ_DEPS), None)
                if issuer is not None and ctx.mark_at(off + issuer.idx) is None:
                    rel = issuer.lower_ in REL_PRONOUNS and issued.dep_ == "relcl"
                    return issuer, issued.head if rel else None
            doer = _doer_of_object(cur, ctx, off)
            return (doer, None) if doer is not None else (cur.head, None)
        if cur.dep_ in ("advcl", "conj") and any(c.dep_ == "nsubjpass" for c in cur.children):
            break  # "When terrorists are revealed as X, Obama said": a passive with its own subject
        # "..., adding that" / "and added": the participle or conjunct shares its head's subject.
        if cur.dep_ in ("advcl", "xcomp", "conj", "pcomp") and cur.head != cur:
            controlled = cur.dep_ == "xcomp" and (cur != v or cur.tag_ == "VB")  # not "kept saying"
            pcomp = cur.dep_ == "pcomp"
            cur = cur.head if not pcomp else cur.head.head
            if cur.dep_ == "acomp" and controlled:
                cur = cur.head  # "voters are more likely to say", "he is correct to note"
            elif pcomp and cur.pos_ in ("ADJ", "ADV") and cur.dep_ in ("acomp", "advmod"):
                cur = cur.head  # "stopped short of calling", "was quick about saying"
            continue
        break
    found = (
        _agent(v, ctx, off)
        or _after_cue_subject(v, ctx, off)
        or _inverted_object(v, ctx, off)
        or _stranded_subject(v, ctx, off)
    )
    return found, None


# Verbs whose object is the one addressed ("“...,” Bozell tells Breitbart"), never the speaker.
_ADDRESSEE_VERBS = frozenset("tell ask inform assure warn remind urge brief email text".split())


def _inverted_object(v: Token, ctx: _Doc, off: int) -> Token | None:
    """ "“It's Bernie's to lose,” added another Democrat": after a statement that comes first,
    the parser sometimes takes the inverted speaker for the verb's object."""
    if (
        v.lemma_ not in CUE_VERBS
        or v.i == v.sent.start
        or v.nbor(-1).text not in (",", "\u201d", '"', "''", "\u2019", "'")
    ):
        return None
    obj = next((c for c in v.children if c.dep_ in ("dobj", "attr", "npadvmod") and c.i > v.i), None)
    if obj is None or obj.left_edge.i != v.i + 1 or ctx.mark_at(off + obj.idx) is not None:
        return None
    if any(c.dep_ in ("ccomp", "xcomp") and c.i > v.i for c in v.children):
        return None  # "added another $5m that...": a real object with a clause after
    if obj.ent_type_ in ("DATE", "TIME") or v.tag_ == "VBG" or v.lemma_ in _ADDRESSEE_VERBS:
        return None
    named = obj.ent_type_ in ("PERSON", "ORG", "NORP") or obj.pos_ == "PROPN"
    return obj if named or _holder_like_person(obj) else None


def _trailing_participle_of(v: Token) -> Token | None:
    """The reporting verb whose statement ``v`` continues in "X said A, adding that B" (also
    "noting", "arguing", "saying"): the parser hangs the participle inside A, but it is X's
    statement of its own."""
    doc = v.doc
    if v.tag_ != "VBG" or v.lemma_ not in CUE_VERBS or v.dep_ not in ("advcl", "conj", "xcomp"):
        return None
    if v.i == 0 or doc[v.i - 1].text != ",":
        return None
    a = v.head
    for _ in range(4):
        if a.pos_ == "VERB" and a.lemma_ in CUE_VERBS and a.i < v.i and a != v.head:
            return a
        if a.head == a:
            return None
        a = a.head
    return None


def _stranded_subject(v: Token, ctx: _Doc, off: int) -> Token | None:
    """ "Texas, leading a coalition of 13 states, asked ...", "Sanders, meanwhile, who sits at
    zero endorsements, said ...": the parser hung the cue's subject on the interrupting clause."""
    if v.tag_ not in ("VBD", "VBZ", "VBP") or v.dep_ not in ("ROOT", "conj", "ccomp"):
        return None
    for c in v.children:
        if c.dep_ in ("advcl", "relcl") and c.i < v.i:
            subj = next((s for s in c.children if s.dep_ in SUBJ_DEPS and s.i < c.i), None)
            if (
                subj is not None
                and subj.lower_ not in REL_PRONOUNS
                and (subj.left_edge.i == v.sent.start or subj.left_edge.nbor(-1).text == ",")
                and subj.right_edge.i + 1 < v.i
                and subj.doc[subj.right_edge.i + 1].text == ","
                and ctx.mark_at(off + subj.idx) is None
                and _holder_like(subj)
            ):
                return subj
    return None


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _comma_led_speaker(v: Token, ctx: _Doc, off: int) -> tuple[Token, Token, int] | None:
    """(first token, name token, end offset in the parsed text) of a speaker the parser lost in
    "As part of his plea, Marcel Lazar, 44, said ..." or "“...,” delegate Bill Eastland, wearing
    a cowboy hat, said ...": a finite reporting verb right after a comma, with no subject found.
    The speaker is the comma-set stretch before it that starts with a name (not inside quote
    marks, not a clause of its own); a bare age closing it is left out."""
    if v.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc, start = v.doc, v.sent.start
    i = v.i - 1
    while i > start and doc[i].dep_ in ("advmod", "neg") and doc[i].head == v:
        i -= 1  # "also said"
    if i <= start or doc[i].text != ",":
        return None
    end = i
    cuts = [start - 1] + [t.i for t in doc[start:end] if t.text in (",", "\u201d", '"', "''")]
    for k, cut in enumerate(cuts):
        first = cut + 1
        while first < end and (doc[first].is_punct or doc[first].is_space):
            first += 1
        if first >= end or ctx.mark_at(off + doc[first].idx) is not None:
            continue
        if doc[first].pos_ != "PROPN" or doc[first].ent_type_ in ("DATE", "TIME"):
            continue  # "On Friday, Texas, leading a coalition, asked": Texas asked
        run = doc[first:end]
        if any(t.tag_ in _FINITE for t in run) or any(ctx.mark_at(off + t.idx) is not None for t in run[:3]):
            return None  # a clause ("Trump won, Clinton said") or quoted words, not a speaker
        name = next((t for t in run if t.ent_type_ == "PERSON"), doc[first])
        last = end - 1
        later = [c for c in cuts[k + 1 :] if c > first]
        if later and all(t.like_num for t in doc[later[-1] + 1 : end]):
            last = later[-1] - 1  # "Marcel Lazar, 44," -> "Marcel Lazar"
        while last > first and doc[last].is_punct:
            last -= 1
        return doc[first], name, doc[last].idx + len(doc[last].text)
    return None


def _passive_participle(v: Token) -> bool:
    """A past participle on a noun read as passive ("a summit expected to", "a draft seen by"): any
    but a bare reporting verb, which may be a misparsed finite one ("the agency reported on
    Monday, citing ..."); with an agent or an infinitive even that one is passive."""
    return v.tag_ == "VBN" and (
        v.lemma_ not in CUE_VERBS
        or any(
            c.dep_ == "agent" or (c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children))
            for c in v.children
        )
    )


def _apposed_name(subj: Token) -> Token | None:
    """In "Ban Ki-moon, the secretary general of the United Nations, vowed" the parser may give
    the verb two subjects, the name and its role, side by side: the speaker is both."""
    doc = subj.doc
    i = subj.left_edge.i
    if subj.pos_ != "NOUN" or i < 2 or doc[i - 1].text != ",":  # a role; "X, Trump said": two names
        return None
    prev = doc[i - 2]
    while prev.head != prev and prev.head.i < i and prev.dep_ not in SUBJ_DEPS:
        prev = prev.head
    if prev.dep_ not in SUBJ_DEPS or prev.head != subj.head or prev.right_edge.i != i - 2:
        return None
    return prev if prev.ent_type_ == "PERSON" or prev.pos_ == "PROPN" else None


def _doer_of_object(part: Token, ctx: _Doc, off: int) -> Token | None:
    """ "Clinton spent the run-up to the caucuses portraying Sanders as ...", "The senator emailed
    supporters saying ...": a participle hung on the main verb's object (or an object's
    preposition) speaks for the main verb's subject, unless that object is itself a text or a
    source ("a video showing", "an ad saying", "voters saying")."""
    noun = part.head
    if part.tag_ != "VBG" or noun.dep_ not in ("dobj", "pobj", "dative"):
        return None
    if noun.ent_type_ in ("PERSON", "ORG", "NORP", "PERCENT", "CARDINAL") or noun.pos_ == "PROPN":
        return None
    if noun.lemma_.lower() in MEDIUM_NOUNS or noun.lemma_.lower() in TEXT_NOUNS or _holder_like_person(noun):
        return None
    main = noun.head.head if noun.dep_ == "pobj" else noun.head
    for _ in range(6):  # "spent much of the run-up to the caucuses portraying": up to the verb
        if main.pos_ in ("VERB", "AUX") or main.dep_ not in ("prep", "pobj", "dobj"):
            break
        main = main.head
    if main.pos_ not in ("VERB", "AUX"):
        return None
    subjs = [c for c in main.children if c.dep_ in SUBJ_DEPS and ctx.mark_at(off + c.idx) is None]
    return subjs[0] if subjs and _holder_like(subjs[0]) else None


def _holder_like_person(tok: Token) -> bool:
    """A pronoun, a role noun ("the governor") or a people noun ("officials", "voters")."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    return low in _HOLDER_PRONOUNS or lemma in ROLE_HEADS or lemma in _HOLDER_NOUNS or low in _HOLDER_NOUNS


def _name_after_quote(v: Token, ctx: _Doc, off: int) -> tuple[Token, Marks] | None:
    """ "“...,” Brent Bozell, founder of the Center, tells Breitbart": a name between a closing quote
    mark and a subjectless cue is its speaker (the parser often hangs the name on the quote)."""
    g = off + v.idx
    before = [m for m in ctx.marks if m.outer[1] <= g and m.outer[1] >= g - 200]
    if not before:
        return None
    gap_start = before[-1].outer[1]
    gap = [t for t in v.doc[v.sent.start : v.i] if off + t.idx >= gap_start]
    words = [t for t in gap if not t.is_punct and not t.is_space]
    if not words or len(words) > 20 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    if words[0].pos_ != "PROPN" and words[0].ent_type_ != "PERSON":
        return None
    head = words[0]
    while head.i + 1 < v.i and v.doc[head.i + 1].pos_ == "PROPN":
        head = v.doc[head.i + 1]  # the last word of the leading name
    return head, before[-1]


def _agent(v: Token, ctx: _Doc, off: int) -> Token | None:
    """ "X was criticized by his rivals", "is considered unclean by Muslims": a passive cue's agent
    holds the stance."""
    for c in v.children:
        if c.dep_ == "agent":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and ctx.mark_at(off + obj.idx) is None and _holder_like(obj):
                return obj
    return None


def _after_cue_subject(v: Token, ctx: _Doc, off: int) -> Token | None:
    """ "X said, suggesting ...", "X said Thursday, not even needing to mention ...": a participle
    right after a cue clause shares that cue's subject; the parser often hangs it elsewhere."""
    part = v if v.tag_ == "VBG" else v.head if v.dep_ == "xcomp" and v.head.tag_ == "VBG" else None
    if part is None:
        return None
    doc, start = part.doc, part.sent.start
    i = part.i - 1
    while i > start and doc[i].dep_ in ("neg", "advmod"):
        i -= 1
    if doc[i].text != ",":
        return None
    i -= 1
    while i > start and (doc[i].ent_type_ in ("DATE", "TIME") or doc[i].dep_ == "advmod"):
        i -= 1  # "said Thursday,", "said later,"
    prev = doc[i]
    if prev.pos_ != "VERB" or prev.lemma_ not in CUE_VERBS:
        return None
    subjs = [c for c in prev.children if c.dep_ in SUBJ_DEPS and ctx.mark_at(off + c.idx) is None]
    return min(subjs, key=lambda c: abs(c.i - prev.i)) if subjs else None


_WH_WORDS = frozenset("when whether how why what where".split())


def _wh_clause(v: Token, c: Token) -> bool:
    """Is ``c`` an indirect question parsed as an adverbial clause, right after the cue (or its
    addressee): "did not say when they would vote", "asked reporters whether"? A subjectless
    "said when asked" is the circumstance, not the statement."""
    first = c.left_edge
    between = [t for t in v.doc[v.i + 1 : first.i] if t.dep_ not in ("dobj", "dative", "det", "prt")]
    wh = first.lower_ in _WH_WORDS or (first.lower_ == "if" and v.lemma_ in ("ask", "wonder"))
    return first.i > v.i and wh and not between and any(x.dep_ in SUBJ_DEPS for x in c.children)


# "said in / on / during a statement (an interview, a tweet) that ...": the medium's preposition.
_MEDIUM_PREPS = frozenset({"in", "on", "during"})


# Verbs that tell someone to do something: their infinitive is the content ("told aides to wait").
_DIRECTIVES = frozenset("warn tell advise remind caution instruct implore beg direct".split())


def _content_children(v: Token, ctx: _Doc, off: int) -> list[Token]:
    """Clausal complements of a cue verb that carry its content."""
    # A verb the cue model promoted takes complements, infinitives and objects alike.
    learned = off + v.idx in ctx.learned
    out: list[Token] = []
    for c in v.children:
        if c.dep_ == "ccomp" or (c.dep_ == "parataxis" and c.i > v.i):
            # "A happened, B reported": a trailing cue with its own subject is not A's content.
            if (
                c.i > v.i
                and c.lemma_ in CUE_VERBS
                and any(x.dep_ in SUBJ_DEPS for x in c.children)
                and c.left_edge.i > 0
                and c.left_edge.nbor(-1).text in (",", "\u2014")
            ):
                continue
            out.append(c)
        elif (c.dep_ == "xcomp" or (c.dep_ == "oprd" and v.lemma_ in ("seem", "appear"))) and (
            v.lemma_ in XCOMP_CUES or learned
        ):
            out.append(c)
        elif c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > v.i and v.lemma_ in CUE_VERBS:
            out.append(c)  # "said legalizing it could put people to work" (a clause misparsed)
        elif c.dep_ == "advcl" and v.lemma_ in CUE_VERBS and _wh_clause(v, c):
            out.append(c)  # "have not said when they would vote": an indirect question
        elif (
            c.dep_ in ("xcomp", "advcl")
            and c.i > v.i
            and v.lemma_ in _DIRECTIVES
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ):
            out.append(c)  # "warned officials to boost security": what they were told to do
        elif (
            c.dep_ == "advcl"
            and c.i > v.i
            and v.lemma_ in CUE_VERBS
            and not any(m.dep_ == "mark" for m in c.children)
            and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
            and any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children)
        ):
            out.append(c)  # "said after the convention he would not accept": a misparsed complement
    if out:
        return out
    if v.lemma_ in CUE_VERBS:
        # "said in a statement that ...": the parser hangs the that-clause on the document noun.
        for c in v.children:
            if c.dep_ != "prep" or c.lower_ not in _MEDIUM_PREPS or c.i < v.i:
                continue
            for doc_noun in (g for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in MEDIUM_NOUNS):
                for cl in doc_noun.children:
                    if (
                        cl.dep_ in ("acl", "ccomp", "relcl")
                        and cl.left_edge.lower_ == "that"
                        and cl.left_edge.dep_ == "mark"
                    ):
                        return [cl]
        # "told a meeting of leaders that few people understood": the parser took the that-clause
        # for a relative clause on the addressee; a true one has "that" as subject or object
        # The same on a time phrase: "tweeted in the early morning hours that X was ..."
        for c in v.children:
            if c.dep_ not in ("dobj", "prep") or c.i < v.i:
                continue
            for cl in c.subtree:
                mark = cl.left_edge
                if (
                    cl.dep_ == "relcl"
                    and mark.lower_ == "that"
                    and (mark.dep_ == "mark" or (mark.dep_ == "advmod" and c.dep_ == "prep"))
                    and mark.head == cl
                    and any(x.dep_ in SUBJ_DEPS for x in cl.children)
                ):
                    return [cl]
    if v.lemma_ not in OBJECT_CUES and v.lemma_ not in PREP_VERBS and not learned:
        if v.lemma_ in REPORT_OBJECT_VERBS:
            # "proclaimed a goal", "did not suggest retaliation": a reporting verb's object.
            return [c for c in v.children if c.dep_ == "dobj" and c.i > v.i]
        return out
    for c in v.children:
        # "called for the United States to lead": "for" marks an infinitive clause with a subject.
        mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "for"), None)
        if (
            c.dep_ == "advcl"
            and c.i > v.i
            and mark is not None
            and mark.i == c.left_edge.i
            and any(x.dep_ in SUBJ_DEPS for x in c.children)
        ):
            return [x for x in c.children if x != mark]
    # Stance verbs: the object is the position taken ("criticized the plan", "called for X").
    objs = [c for c in v.children if c.dep_ in ("dobj", "oprd")] if v.lemma_ in OBJECT_CUES or learned else []
    if v.lemma_ in ("accuse", "warn", "ask", "urge", "thank", "congratulate", "blame", "tell"):
        objs = [c for c in objs if c.dep_ == "oprd"]  # their object is the addressee
    preps = [
        c
        for c in v.children
        if c.dep_ == "prep"
        and (v.lemma_, c.lower_) not in NON_CONTENT_PREPS
        and (
            c.lower_ in PREPS
            if v.lemma_ in PREP_VERBS
            else c.lower_ in ("for", "of", "about", "as", "to", "against")
        )
        and c.i > v.i
        and any(g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME") for g in c.children)
    ]
    if objs and preps and preps[0].lower_ == "as":
        return objs + preps[:1]  # "described it as a disaster"
    if objs:
        return objs
    # "called for a recount", "spoke about the plan": the preposition's object, the preposition
    # itself being part of the cue.
    return [g for g in preps[0].children if g.dep_ in ("pobj", "pcomp")] if preps else []


def _adjacent_quote(v: Token, subj: Token | None, ctx: _Doc, off: int) -> tuple[int, int] | None:
    """A quote right after the cue ("said: “...”") or right before its clause ("“...,” X said"), or
    both around it ("“A,” X said, “B.”": one statement in two fragments)."""
    toks = [v] + ([subj] if subj is not None else [])
    right = max(max(t.right_edge.i for t in toks), v.i)
    left = min(min(t.left_edge.i if t == subj else t.i for t in toks), v.i)
    doc = v.doc
    near = v.i + 1 if v.i + 1 < len(doc) and doc[v.i + 1].dep_ == "prt" else v.i
    after_hit: Marks | None = None
    for r in dict.fromkeys((near, right)):
        after = off + doc[r].idx + len(doc[r].text)
        m = re.match(r"[\s,:\u2014\u2013-]*", ctx.text[after:])
        pos = after + (m.end() if m else 0)
        hit = ctx.mark_at(pos)
        # Not across a sentence end ("declared bankruptcy. “...”") or a paragraph break without a colon.
        gap = ctx.text[off + doc[r].idx : pos]
        crosses = doc[r].text in (".", "!", "?") or ("\n" in gap and ":" not in gap)
        if hit is not None and hit.open == pos and hit.double and not crosses:
            after_hit = hit
            break
    if subj is not None and subj.head != v and subj.head.i < v.i:
        return after_hit.outer if after_hit else None  # "“...,” Ramos said, referring to X"
    before = off + doc[left].idx
    m2 = re.search(r"[\s,:\u2014\u2013-]*$", ctx.text[max(ctx.start, before - 40) : before])
    pos2 = before - (len(m2.group(0)) if m2 else 0) - 1
    hit = ctx.mark_at(pos2) if pos2 >= ctx.start else None
    before_hit = (
        hit if hit is not None and hit.outer[1] - 1 == pos2 and "\n" not in ctx.text[pos2:before] else None
    )
    if after_hit is not None:
        if before_hit is not None and ctx.text[before_hit.inner[0] : before_hit.inner[1]].rstrip().endswith(
            ","
        ):
            return before_hit.open, after_hit.outer[1]  # "“A,” X said, “B.”"
        return after_hit.outer
    return before_hit.outer if before_hit is not None else None


def _colon_block(v: Token, ctx: _Doc, off: int) -> tuple[int, int] | None:
    """ "X added:" closing its paragraph: the next paragraph is what X said."""
    doc = v.doc
    i = v.i + 1
    while i < len(doc) and (doc[i].dep_ == "prt" or (doc[i].is_space and "\n" not in doc[i].text)):
        i += 1
    if i >= len(doc) or doc[i].text != ":":
        return None
    after = off + doc[i].idx + 1
    m = re.compile(r"[ \t\u00a0]*\n\s*([^\n]+)").match(ctx.text, after)
    if m is None:
        return None
    span = _trim(ctx.text, m.start(1), m.end(1))
    return span if span[1] > span[0] else None


def _parenthetical(v: Token, subj: Token | None, ctx: _Doc, off: int) -> tuple[tuple[int, int], ...]:
    """The sentence around a parenthetical cue ("Acts of protest, Mr. Obama said, are ...")."""
    if subj is None or subj.i > v.i:
        return ()
    sent = v.sent
    lo, hi = subj.left_edge.i, v.i
    doc = v.doc
    if hi + 1 < len(doc) and doc[hi + 1].dep_ == "prt":
        hi += 1
    mods: set[int] = set()
    while hi + 1 < sent.end and doc[hi + 1].head == v and doc[hi + 1].dep_ in ("advmod", "npadvmod"):
        mods.update(t.i for t in doc[hi + 1].subtree)  # "A, B said then, C"
        hi = doc[hi + 1].right_edge.i
    if not (
        lo - 1 > sent.start and doc[lo - 1].text == "," and hi + 2 < sent.end and doc[hi + 1].text == ","
    ):
        return ()
    own = {t.i for t in subj.subtree} | {v.i, hi} | mods
    if any(doc[i].i not in own and doc[i].head != v for i in range(lo, hi + 1)):
        return ()  # "A, B said, adding, C": "adding" is no parenthetical of its own
    if doc[hi + 2].head == v and doc[hi + 2].dep_ in ("advcl", "prep", "npadvmod", "conj", "cc"):
        return ()  # "A, B said, adding C" / "A, B said, in a statement": the cue's own modifiers
    first = _tokens_span(off, list(doc[sent.start : lo - 1]))
    second = _tokens_span(off, list(doc[hi + 2 : sent.end]))
    if first is None or second is None:
        return ()
    frags = tuple(_trim(ctx.text, *f) for f in (first, second))
    return frags if all(e > s for s, e in frags) else ()


def _content_span(v: Token, subj: Token | None, ctx: _Doc, off: int) -> tuple[int, int] | None:
    kids = [] if v.lemma_ in FRAME_VERBS else _content_children(v, ctx, off)
    if kids:
        toks = [t for k in kids for t in k.subtree]
        tail = next((t for t in toks if _trailing_participle_of(t) == v), None)
        if tail is not None and any(t.i < tail.i - 1 for t in toks):
            toks = [t for t in toks if t.i < tail.i - 1]  # "said A, adding that B": A only
        last = max(toks, key=lambda t: t.i)
        if last.pos_ == "CCONJ":
            # "talk about the border and how ...": a conjunction left dangling by a misparse ends
            # no content (following the misparsed conjunct costs more than it gains on PolNeAR).
            toks = [t for t in toks if t != last]
        span = _tokens_span(off, toks)
        return _trim(ctx.text, *span) if span else None
    nxt = v.doc[v.i + 1] if v.i + 1 < v.sent.end - 1 else None
    if v.lemma_ in CUE_VERBS and nxt is not None and nxt.lower_ == "that" and nxt.tag_ == "IN":
        # "said that ..." whose clause the parser lost: the rest of the sentence.
        span = _tokens_span(off, list(v.doc[nxt.i : v.sent.end]))
        return _trim(ctx.text, *span) if span else None
    if v.lemma_ in FRAME_VERBS or v.lemma_ == "quote":
        # "called them 'heroes'": the quoted words inside the verb's own phrase.
        inside = [m for t in v.subtree if t.i > v.i and (m := ctx.mark_at(off + t.idx)) is not None]
        if inside:
            return inside[0].outer
    adj = _adjacent_quote(v, subj, ctx, off)
    if adj is not None:
        return adj
    block = _colon_block(v, ctx, off)
    if block is not None or v.lemma_ == "continue":
        return block
    if v.lemma_ in FRAME_VERBS:
        kids = _content_children(v, ctx, off)
        span = _tokens_span(off, [t for k in kids for t in k.subtree])
        return _trim(ctx.text, *span) if span else None
    # "A did X, the agency reported": the parser may hang the cue on the agency as a modifier.
    head = v.head
    if v.dep_ == "acl":
        outer = v.head.head
        comma = subj is not None and subj.left_edge.i > 0 and subj.left_edge.nbor(-1).text == ","
        if subj != v.head or outer.pos_ not in ("VERB", "AUX") or not comma:
            return None
        head = outer
    if (
        v.dep_ in ("ccomp", "parataxis", "advcl", "conj", "acl")
        and head.i < v.i
        and subj is not None
        and subj.i > head.i
    ):
        # "A happened, B said": the content is the head clause before the cue's own clause.
        cut = min(v.left_edge.i, subj.left_edge.i)
        while cut < subj.left_edge.i and v.doc[cut].dep_ == "punct" and v.doc[cut].head == v:
            cut += 1  # the comma hung on the cue: "A happened, B reported"
        if cut == 0 or v.doc[cut - 1].text not in _HANDOVER:
            return None  # "X said the campaign would respond": no comma, no "A happened, B said"
        toks = [t for t in head.subtree if t.i < cut]
        span = _tokens_span(off, toks)
        return _trim(ctx.text, *span) if span else None
    closing = _closing_cue_content(v, subj, ctx, off)
    if closing is None and v.lemma_ in CUE_VERBS and v.tag_ == "VBN":
        # "The issue was first reported by the Post": what was reported is the passive subject
        passive = next((c for c in v.children if c.dep_ == "nsubjpass" and c.i < v.i), None)
        if passive is not None and any(c.dep_ == "agent" for c in v.children):
            span = _tokens_span(off, list(passive.subtree))
            return _trim(ctx.text, *span) if span else None
    return closing


# What may follow a sentence-closing cue clause ("..., he said on Monday in an interview.").
_CLOSING_TAIL_DEPS = frozenset("punct prep npadvmod advmod".split())


def _closing_cue_content(v: Token, subj: Token | None, ctx: _Doc, off: int) -> tuple[int, int] | None:
    """ "A happened, B said." where the parser hung A on the cue verb itself (as a second
    subject, a modifier or an interjection): the content is the sentence before the cue clause."""
    if v.lemma_ not in CUE_VERBS or v.dep_ != "ROOT" or subj is None or subj.head != v:
        return None
    lo = v
    while lo.i > 0 and lo.nbor(-1).head == v and lo.nbor(-1).dep_ in ("aux", "neg", "advmod"):
        lo = lo.nbor(-1)
    if subj.i < v.i:
        if subj.right_edge.i + 1 != lo.i:
            return None
        cut = subj.left_edge.i
        tail = [t for t in v.children if t.i > v.i]
    else:
        if subj.left_edge.i != v.i + 1:
            return None  # "said Geert Wilders, founder of ...": the subject right after the cue
        cut = lo.i
        tail = [t for t in v.children if t.i > subj.right_edge.i]
    sent = v.sent
    if cut <= sent.start or v.doc[cut - 1].text not in _HANDOVER:
        return None
    if any(t.dep_ not in _CLOSING_TAIL_DEPS for t in tail) or any(
        x.lower_ == "that" and x.tag_ == "IN" for t in tail for x in t.subtree
    ):
        return None  # "he told a meeting that ...": the statement follows the cue after all
    toks = [t for t in v.doc[sent.start : cut - 1]]
    if not any(t.pos_ not in ("PUNCT", "SPACE") for t in toks):
        return None
    span = _tokens_span(off, toks)
    return _trim(ctx.text, *span) if span else None


def _apply_relay_detail(cand: _Cand, v: Token, subj: Token | None, ctx: _Doc, off: int) -> None:
    """Outlets in the cue's own clause: "citing X", "by TASS", "told the Baltic Press Agency"."""
    if subj is not None and _is_outlet(subj, ctx, off):
        cited = next(
            (
                g
                for c in v.children
                if c.lemma_ == "cite" and c.dep_ in ("advcl", "xcomp", "conj", "dep")
                for g in c.children
                if g.dep_ == "dobj"
            ),
            None,
        )
        name = _outlet_name(subj, ctx, off)
        if cited is not None:
            if cited.lemma_.lower() in DOCUMENT_HEADS:
                # "citing a statement from X": X is the speaker.
                src = next(
                    (
                        p
                        for c in cited.children
                        if c.lower_ in ("from", "by", "of")
                        for p in c.children
                        if p.dep_ == "pobj"
                    ),
                    None,
                )
                cited = src or cited
            cand.speaker = _phrase(cited, ctx, off)
            cand.speaker_tok = cited
            cand.head_pos = off + cited.idx
            cand.via.append(name)
        cand.outlet = name
    if v.lemma_ == "quote":
        for t in v.subtree:
            if t.lower_ == "by" and t.dep_ in ("agent", "prep"):
                obj = next((p for p in t.children if p.dep_ == "pobj"), None)
                if obj is not None:
                    cand.via.append(_outlet_name(obj, ctx, off))
                    break
    if v.lemma_ == "tell":
        obj = next((c for c in v.children if c.dep_ in ("dative", "dobj", "iobj")), None)
        if obj is not None and _is_outlet(obj, ctx, off):
            cand.via.append(_outlet_name(obj, ctx, off))


def _quote_cue_span(v: Token, off: int) -> tuple[int, int]:
    """'was quoted as saying': the passive verb through its "as saying" complement."""
    s, e = _cue_span(v, off)
    for t in v.subtree:
        if t.lower_ == "saying" and t.i > v.i and t.i - v.i <= 3:
            e = off + t.idx + len(t.text)
    return s, e


def _quote_led(split: tuple[tuple[int, int], ...], ctx: _Doc) -> bool:
    """Whether a parenthetical cue's sentence opens with a quote ("“A,” he said, “B.”"): that one
    is a direct quote; "The industry, she said, is ''doing better''" stays a mixed one."""
    return ctx.mark_at(split[0][0]) is not None or ctx.mark_at(split[0][0] - 1) is not None


def _relayed_by_outlet(v: Token, ctx: _Doc, off: int) -> bool:
    """Is ``v`` ("citing X") the relay of an outlet's report ("TASS reported, citing X")? A
    person's "he said, citing X" is a statement of its own."""
    head = v.head
    if head == v or head.lemma_ not in CUE_VERBS:
        return False
    subj = _subject(head, ctx, off)[0]
    return subj is not None and _is_outlet(subj, ctx, off)


def _verb_cands(doc: Any, off: int, ctx: _Doc) -> list[_Cand]:
    cands: list[_Cand] = []
    for v in doc:
        g = off + v.idx
        if g < ctx.start or ctx.mark_at(g) is not None:
            continue
        lemma = v.lemma_.lower()
        if (
            v.lower_ == "in"
            and v.dep_ == "prep"
            and v.i == v.sent.start
            and any(c.dep_ == "pobj" and c.lemma_.lower() in SURVEY_HEADS for c in v.children)
        ):
            c = _in_survey(v, off, ctx)
            if c is not None:
                cands.append(c)
            continue
        if v.lower_ == "according" and v.i + 1 < len(doc) and v.nbor(1).lower_ == "to":
            c = _according(v, doc, off, ctx)
            if c is not None:
                cands.append(c)
            continue
        if v.pos_ == "NOUN" and lemma in CUE_NOUNS:
            c = _noun_cue(v, off, ctx)
            if c is not None:
                cands.append(c)
            continue
        if v.pos_ == "VERB" and (
            lemma in ("seem", "appear")
            or (
                lemma in _PASSIVE_HEDGES
                and v.tag_ == "VBN"
                and any(c.dep_ == "auxpass" for c in v.children)
                and not any(c.dep_ == "agent" for c in v.children)
            )
        ):
            c = _seem_cue(v, off, ctx)
            if c is not None:
                cands.append(c)
            continue
        if v.pos_ == "VERB" and lemma in LIGHT_VERBS:
            c = _light_cue(v, off, ctx)
            if c is not None:
                cands.append(c)
            continue
        if v.pos_ == "ADJ" and lemma in STANCE_ADJ:
            c = _stance_adj(v, off, ctx)
            if c is not None:
                cands.append(c)
            continue
        if v.pos_ not in ("VERB", "AUX"):
            continue
        listed = (
            lemma in CUE_VERBS
            or lemma in FRAME_VERBS
            or lemma in OBJECT_CUES
            or lemma in XCOMP_ENTRY
            or lemma == "continue"
            or lemma in PREP_VERBS
        )
        if not listed:
            # The long tail of cues ("grilled", "unleashed") the lexicons do not list: the cue
            # model decides. (Promoting nouns and adjectives the same way cost precision on PolNeAR.)
            if (
                ctx.cue_model is None
                or v.pos_ != "VERB"
                or lemma in _ISSUE_VERBS  # "issued a statement saying": the statement is the cue
                or not ctx.cue_model.is_cue(v)
            ):
                continue
            ctx.learned.add(g)
        if v.dep_ == "amod" or (lemma == "cite" and _relayed_by_outlet(v, ctx, off)):
            continue  # "TASS reported, citing X" is the report's relay, handled with the report
        if lemma in CUE_VERBS and v.dep_ == "advcl" and v.left_edge.lower_ == "as":
            c = _as_reported(v, off, ctx)
            if c is not None:
                cands.append(c)
                continue
        subj, ante = _subject(v, ctx, off)
        after_quote = _name_after_quote(v, ctx, off) if subj is None and lemma in CUE_VERBS else None
        content: tuple[int, int] | None
        if after_quote is not None:
            subj, content = after_quote[0], after_quote[1].outer
        else:
            content = _content_span(v, subj, ctx, off)
        split = _parenthetical(v, subj, ctx, off) if lemma in CUE_VERBS else ()
        if split and (_quote_led(split, ctx) or content is None and v.dep_ == "ROOT"):
            split = ()
        if split:
            content = (split[0][0], split[-1][1])
        if content is None or content[1] <= content[0]:
            continue
        if (
            subj is None
            and lemma not in CUE_VERBS
            and any(c.lower_ == "to" and c.dep_ == "aux" for c in v.children)
        ):
            continue  # "a plan to support X": an infinitive with no holder at all is no stance. (A
            # passive "was criticized", "is called 'X'" or a participle is one without a source.)
        if lemma not in CUE_VERBS and subj is not None and not _holder_like(subj):
            continue  # "The event highlighted ...": things do not hold stances, people and bodies do
        cue = _quote_cue_span(v, off) if lemma == "quote" else _cue_span(v, off)
        if v.dep_ == "xcomp" and v.head.lemma_ in ("seem", "appear") and v.head.i < v.i:
            cue = (_cue_span(v.head, off)[0], cue[1])  # "seemed to offer" is one cue
        for nxt in range(v.i + 1, min(v.i + 6, len(doc) - 1)):
            linked = doc[nxt].head == v or (doc[nxt].lower_ == "for" and doc[nxt].head.head == v)
            if doc[nxt].dep_ == "agent":
                break  # "praised by the mayor as": the agent is the speaker, not part of the cue
            if doc[nxt].dep_ in ("prep", "mark") and linked and content[0] == off + doc[nxt + 1].idx:
                cue = (cue[0], off + doc[nxt].idx + len(doc[nxt].text))  # "called for", "accused her of"
                break
        cand = _Cand(cue=cue, content=content, split=split, learned=not listed)
        if subj is not None:
            if subj.lower_ in REL_PRONOUNS and ante is not None:
                cand.speaker = _gchar(off, subj)
                cand.ante_pos = off + ante.idx
            else:
                through = (
                    subj.head == v
                    or (subj.head.dep_ == "agent" and subj.head.head == v)
                    or (subj.head.head == v and subj.head.i < v.i and subj.head.dep_ in ("advcl", "relcl"))
                    or after_quote is not None  # the parser hung the name on the quoted words
                )
                cand.speaker = _phrase(subj, ctx, off, exclude=None if through else v)
                name = _apposed_name(subj)
                if name is not None and cand.speaker is not None:
                    lead = _phrase(name, ctx, off)
                    if lead is not None:
                        cand.speaker = (lead[0], cand.speaker[1])
            cand.speaker_tok = subj
            cand.head_pos = off + subj.idx
        elif lemma in CUE_VERBS:
            lost = _comma_led_speaker(v, ctx, off)
            if lost is not None and not (lost[0].idx < content[1] - off and content[0] - off < lost[2]):
                cand.speaker = (off + lost[0].idx, off + lost[2])
                cand.speaker_tok = lost[1]
                cand.head_pos = off + lost[1].idx
        _apply_relay_detail(cand, v, subj, ctx, off)
        cands.append(cand)
    return cands


_HOLDER_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "who", "that", "which"})
_HOLDER_NOUNS = frozenset(
    """official officials spokesman spokeswoman spokesperson analyst analysts critic critics lawmaker
    lawmakers expert experts resident residents voter voters supporter supporters opponent opponents
    campaign group party company court government administration committee union council agency
    ministry department police prosecutor prosecutors lawyer lawyers attorney candidate candidates
    democrat democrats republican republicans member members leader leaders aide aides adviser
    advisers advisor advisors source sources observer observers economist economists""".split()
)


def _holder_like(subj: Token | None) -> bool:
    """Whether a subject can hold a stance: a named person or body, a pronoun, a role noun, or any
    definite noun phrase ("the resolution condemned", "the judge ordered": PolNeAR annotates
    documents, bodies and groups as sources as readily as people), but not a clause ("Leaving
    now would show") nor an indefinite thing ("a storm highlighted")."""
    if subj is None:
        return False
    if subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or subj.pos_ == "PROPN":
        return True  # names, even ones the small model does not tag ("Ivy Holt")
    if _holder_like_person(subj):
        return True
    if subj.pos_ in ("VERB", "AUX"):
        return False
    return not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children)


def _stance_adj(a: Token, off: int, ctx: _Doc) -> _Cand | None:
    """ "X is critical of Y", "X was upbeat about Y": a stance adjective's object, its holder the
    subject of the copula; the cue runs from the copula to the preposition."""
    head = a.head
    if a.dep_ != "acomp" or head.pos_ not in ("AUX", "VERB"):
        return None
    subj = next((c for c in head.children if c.dep_ in SUBJ_DEPS and ctx.mark_at(off + c.idx) is None), None)
    prep = next((c for c in a.children if c.dep_ == "prep" and c.lower_ in PREPS and c.i > a.i), None)
    if subj is None or prep is None or subj.lower_ in REL_PRONOUNS:
        return None
    objs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
    span = _tokens_span(off, [t for g in objs for t in g.subtree])
    if span is None:
        return None
    content = _trim(ctx.text, *span)
    cue = (_cue_span(head, off)[0], off + prep.idx + len(prep.text))
    if content[1] <= content[0] or cue[0] >= cue[1]:
        return None
    cand = _Cand(cue=cue, content=content, speaker=_phrase(subj, ctx, off), speaker_tok=subj)
    cand.head_pos = off + subj.idx
    return cand


def _noun_cue(n: Token, off: int, ctx: _Doc) -> _Cand | None:
    """ "Trump's claim that X", "her criticism of Y", "the attack on Z by W": a statement noun with a
    holder (possessive, or "by"/"from" phrase) and a complement (a that-clause or a preposition's
    object). The cue is the noun, through the preposition when the content is its object. Without
    a holder ("the criticism of the plan") it is a sourceless attribution."""
    if n.dep_ == "pobj" and n.head.head.lemma_ in CUE_VERBS and n.head.lower_ in _MEDIUM_PREPS:
        return None  # "said in a statement that": the verb is the cue, the statement its medium
    holder = next((c for c in n.children if c.dep_ == "poss"), None)
    if holder is None and n.dep_ == "ROOT":
        # "But Trump claims that ...": a verb the tagger took for a noun, with its subject
        holder = next((c for c in n.children if c.dep_ == "nsubj" and c.i < n.i), None)
    if holder is None:
        holder = next(
            (
                g
                for c in n.children
                if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i > n.i
                for g in c.children
                if g.dep_ == "pobj" and _holder_like(g)
            ),
            None,
        )
    if holder is not None and ctx.mark_at(off + holder.idx) is not None:
        return None
    cue_end = off + n.idx + len(n.text)
    toks: list[Token] = []
    for c in n.children:
        if c.i < n.i:
            continue
        if c.dep_ in ("acl", "ccomp", "appos") and any(
            m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children
        ):
            toks = list(c.subtree)
            break
        if c.dep_ == "prep" and c.lower_ in NOUN_PREPS and c.i == n.i + 1:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs and all(g.ent_type_ not in ("DATE", "TIME") for g in objs):
                toks = [t for g in objs for t in g.subtree]
                cue_end = off + c.idx + len(c.text)
                break
    span = _tokens_span(off, toks)
    if span is None:
        return None
    content = _trim(ctx.text, *span)
    if content[1] <= content[0]:
        return None
    if holder is None:
        return _Cand(cue=(off + n.idx, cue_end), content=content)
    speaker = _phrase(holder, ctx, off)
    if speaker is None:
        return None
    cand = _Cand(cue=(off + n.idx, cue_end), content=content, speaker=speaker, speaker_tok=holder)
    cand.head_pos = off + holder.idx
    return cand


def _that_clause(tok: Token) -> Token | None:
    """A clause under ``tok`` introduced by "that" (its complement, not a relative clause)."""
    for c in tok.children:
        if (
            c.dep_ in ("ccomp", "acl", "advcl")
            and c.i > tok.i
            and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)
        ):
            return c
    return None


def _light_cue(v: Token, off: int, ctx: _Doc) -> _Cand | None:
    """Multi-word cues built on a light verb: "made clear that X", "took a swipe at X", "raised
    questions about X", "made no mention of X", "had harsh words for X", "came out against X".
    The cue runs from the verb through the preposition (or the noun or adjective before "that")."""
    toks: list[Token] = []
    cue_end = 0
    adj = next((c for c in v.children if c.lower_ in LIGHT_ADJS and c.i == v.i + 1), None)
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in LIGHT_NOUNS), None)
    came_out = v.lemma_ == "come" and any(c.dep_ == "prt" and c.lower_ == "out" for c in v.children)
    if v.lemma_ == "make" and adj is not None:
        clause = _that_clause(v) or _that_clause(adj)
        if clause is not None:
            toks, cue_end = list(clause.subtree), off + adj.idx + len(adj.text)
    elif obj is not None and (clause := _that_clause(obj)) is not None:
        toks, cue_end = list(clause.subtree), off + obj.idx + len(obj.text)
    elif obj is not None or came_out:
        after = obj.i if obj is not None else v.i
        preps = [
            c
            for h in ([obj, v] if obj is not None else [v])
            for c in h.children
            if c.dep_ == "prep" and c.i > after and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        ]
        prep = min(preps, key=lambda c: c.i) if preps else None
        # "made the case to voters", "had questions for the witness": an audience, not a position.
        to_whom = prep is not None and (
            prep.lower_ == "to" or prep.lower_ == "for" and obj is not None and obj.lemma_ == "question"
        )
        if prep is not None and prep.lower_ in PREPS and not to_whom:
            objs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
            toks, cue_end = [t for g in objs for t in g.subtree], off + prep.idx + len(prep.text)
    span = _tokens_span(off, toks)
    subj, _ = _subject(v, ctx, off)
    if span is None or subj is None or not _holder_like(subj):
        return None
    content = _trim(ctx.text, *span)
    if content[1] <= content[0]:
        return None
    cand = _Cand(cue=(_cue_span(v, off)[0], cue_end), content=content, speaker_tok=subj)
    cand.speaker = _phrase(subj, ctx, off, exclude=v if subj.head != v else None)
    cand.head_pos = off + subj.idx
    return cand


# "is expected to", "is said to": a passive statement with no speaker, read like "seems to".
_PASSIVE_HEDGES = frozenset("expect believe think say report rumor rumour estimate".split())


def _seem_cue(v: Token, off: int, ctx: _Doc) -> _Cand | None:
    """The writer's hedge "X seems/appears to Y", "X seemed unperturbed": no source, the content
    being the subject and the complement (two fragments; the complement alone after "it")."""
    comp = next(
        (
            c
            for c in v.children
            if c.i > v.i
            and (
                c.dep_ in ("xcomp", "acomp", "oprd", "attr", "ccomp")
                or (c.dep_ == "prep" and c.lower_ == "like")
            )
        ),
        None,
    )
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < v.i), None)
    if comp is None or subj is None or ctx.mark_at(off + comp.idx) is not None:
        return None
    if (
        v.lemma_ in ("seem", "appear")
        and comp.dep_ == "xcomp"
        and comp.pos_ == "VERB"
        and subj.lower_ != "it"
        and (comp.lemma_.lower() in CUE_VERBS or comp.lemma_.lower() in OBJECT_CUES)
    ):
        return None  # "Rubio seemed to offer a caveat": a statement of Rubio's, found at "offer"
    frags = []
    if subj.lower_ != "it" or comp.dep_ == "xcomp":
        span = _tokens_span(off, list(subj.subtree))
        if span is not None:
            frags.append(_trim(ctx.text, *span))
    span = _tokens_span(off, list(comp.subtree))
    if span is None:
        return None
    frags.append(_trim(ctx.text, *span))
    frags = [f for f in frags if f[1] > f[0]]
    if not frags:
        return None
    cue = _cue_span(v, off)
    return _Cand(cue=cue, content=(frags[0][0], frags[-1][1]), split=tuple(frags) if len(frags) > 1 else ())


def _as_reported(v: Token, off: int, ctx: _Doc) -> _Cand | None:
    """ "As The Daily Post reported, X happened", "as reported by Y, ...": the clause the "as"
    phrase modifies is the content."""
    mark = v.left_edge
    if not any(c.i == mark.i and c.dep_ == "mark" for c in v.children):
        return None
    subj = next((c for c in v.children if c.dep_ in SUBJ_DEPS), None)
    if subj is None:
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        subj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    if subj is None or ctx.mark_at(off + subj.idx) is not None:
        return None
    skip = {t.i for t in v.subtree}
    toks = [t for t in v.head.subtree if t.i not in skip and v.sent.start <= t.i < v.sent.end]
    before = [t for t in toks if t.i < v.i]
    after = [t for t in toks if t.i > v.i]
    span = _tokens_span(off, before if len(before) >= len(after) else after)
    if span is None:
        return None
    content = _trim(ctx.text, *span)
    if content[1] <= content[0]:
        return None
    cand = _Cand(cue=_cue_span(v, off), content=content, speaker=_phrase(subj, ctx, off), speaker_tok=subj)
    cand.head_pos = off + subj.idx
    if _is_outlet(subj, ctx, off):
        cand.outlet = _outlet_name(subj, ctx, off)
    return cand


def _in_survey(v: Token, off: int, ctx: _Doc) -> _Cand | None:
    """ "In the new poll, Smith leads by 9 points": the survey is the source, "in" the cue, the
    clause around it the content (as with "according to")."""
    obj = next(c for c in v.children if c.dep_ == "pobj")
    cand = _according_content(v, obj, (off + v.idx, off + v.idx + len(v.text)), off, ctx)
    if cand is not None:
        cand.shallow = True
    return cand


def _according(v: Token, doc: Any, off: int, ctx: _Doc) -> _Cand | None:
    to = v.nbor(1)
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        obj = next((c for c in v.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    return _according_content(v, obj, (off + v.idx, off + to.idx + len(to.text)), off, ctx)


def _according_content(v: Token, obj: Token, cue: tuple[int, int], off: int, ctx: _Doc) -> _Cand | None:
    head = v.head
    if head == v or head.pos_ not in ("VERB", "AUX"):
        head = v.sent.root
    skip = {t.i for t in v.subtree}
    for c in head.children:
        if c.dep_ in ("conj", "cc") and c.i > v.i > head.i:
            skip.update(t.i for t in c.subtree)  # "A, according to X, and B": X vouches for A only
    toks = [t for t in head.subtree if t.i not in skip and t.i >= v.sent.start and t.i < v.sent.end]
    if not toks:
        return None
    # The content is the larger side of the sentence around "according to X".
    before = [t for t in toks if t.i < v.i]
    after = [t for t in toks if t.i > v.i]
    side = before if len(before) >= len(after) else after
    span = _tokens_span(off, side)
    if span is None:
        return None
    content = _trim(ctx.text, *span)
    if content[1] <= content[0]:
        return None
    cand = _Cand(cue=cue, content=content)
    cand.speaker = _phrase(obj, ctx, off)
    comma = _subject_in_source(v, obj, head)
    if comma is not None:
        # "According to a draft seen by X, the declaration will ...": the parser hung the main
        # clause's subject on the source; the source ends at the comma, the statement starts after
        rest = [t for t in v.sent if t.i > comma.i]
        speaker = _tokens_span(off, [t for t in v.subtree if obj.left_edge.i <= t.i < comma.i])
        stated = _tokens_span(off, rest)
        if speaker is not None and stated is not None:
            cand.speaker, cand.content = speaker, _trim(ctx.text, *stated)
    cand.speaker_tok = obj
    cand.head_pos = off + obj.idx
    if _is_outlet(obj, ctx, off):
        cand.outlet = _outlet_name(obj, ctx, off)
    return cand


def _subject_in_source(v: Token, obj: Token, head: Token) -> Token | None:
    """The comma ending a leading "According to X," whose verb has no subject of its own while a
    comma-set phrase after X was parsed into X's phrase (as an apposition or a modifier)."""
    if v.i > head.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in head.children):
        return None
    comma = next((t for t in v.subtree if t.i > obj.i and t.text == ","), None)
    if comma is None or not any(t.i > comma.i for t in v.subtree):
        return None
    return comma


def _within(pos: int, span: tuple[int, int]) -> bool:
    return span[0] <= pos < span[1]


def _resolve_relays(cands: list[_Cand]) -> list[_Cand]:
    """An outlet reporting a statement that has its own speaker is a relay, not a speaker."""
    drop: set[int] = set()
    for i, r in enumerate(cands):
        if r.outlet is None:
            continue
        inner = [
            c
            for j, c in enumerate(cands)
            if j != i
            and c.cue is not None
            and _within(c.cue[0], r.content)
            and c.outlet is None
            # "The army decided to X, the agency reported": a learned cue ("decided") inside a
            # report is what was reported, not a statement the agency relays.
            and not c.learned
        ]
        if inner:
            for c in inner:
                c.via.extend(v for v in [r.outlet, *r.via] if v not in c.via)
            drop.add(i)
    return [c for i, c in enumerate(cands) if i not in drop]


def _drop_nested(cands: list[_Cand]) -> list[_Cand]:
    """A cue inside another statement's content ("X said they would refuse to leave", "X argued
    that Y, saying Z") is part of that statement: PolNeAR annotates the outer attribution and
    rarely the embedded one (about one embedded cue in four is gold), so only the outer one is kept."""
    return [
        c
        for c in cands
        if c.cue is None
        or not any(
            o is not c and o.cue is not None and not o.shallow and _within(c.cue[0], o.content) for o in cands
        )
    ]


def _attach_marks(cands: list[_Cand], ctx: _Doc) -> set[Marks]:
    """Classify each candidate as direct, mixed or indirect by the quote marks in its content."""
    used: set[Marks] = set()
    for c in cands:
        ms = ctx.marks_in(*c.content)
        if not ms:
            continue
        if c.fixed:
            used.update(ms)
            continue
        s, e = c.content
        residual = ctx.text[s:e]
        own = [(m.open, m.outer[1]) for m in ms] + [x for x in (c.cue, c.speaker) if x is not None]
        for a0, b0 in sorted(own, key=lambda x: -x[0]):
            a, b = max(a0, s) - s, min(b0, e) - s
            if a < b:
                residual = residual[:a] + residual[b:]
        if not re.search(r"\w", residual):
            c.kind = "direct"
            c.direct = tuple(sorted(ms, key=lambda m: m.open))
            c.content = (min(m.open for m in ms), max(m.outer[1] for m in ms))
        else:
            c.kind = "mixed"
            c.content = (min(s, min(m.open for m in ms)), max(e, max(m.outer[1] for m in ms)))
        used.update(ms)
    return used


class QuotesStage:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        name = settings.cue_model
        self.cue_model = None if name == "none" else load_cue_model(None if name == "bundled" else name)

    def __call__(self, batch: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
        out: list[AnnotatedArticle] = []
        for ann in batch:
            quotes, warnings = extract_quotes(ann, self.cue_model)
            out.append(ann.replace(quotes=tuple(quotes), warnings=ann.warnings + tuple(warnings)))
        return out


def _speaker_fields(c: _Cand, ctx: _Doc) -> tuple[str | None, str | None, Span | None]:
    if c.speaker is None or c.speaker[1] <= c.speaker[0]:
        return None, None, None
    s, e = c.speaker
    tok = c.speaker_tok
    ent: Entity | None = None
    if c.ante_pos is not None:
        ent = ctx.entity_at(c.ante_pos)
    elif tok is not None and (
        tok.lower_ in PERSON_PRONOUNS
        or (
            tok.lower_ in ROLE_HEADS
            and any(t.lower_ == "the" for t in tok.children)
            and not any(t.pos_ == "PROPN" and t.lower_ not in ROLE_HEADS for t in tok.subtree if t != tok)
        )
    ):
        ent = ctx.person_before(s, min(s, c.content[0]))
    elif c.head_pos is not None:
        ent = ctx.entity_at(c.head_pos)
        if ent is not None and not s <= c.head_pos < e:
            ent = None
    if ent is not None:
        return ent.name, ent.id, Span(s, e)
    name = _display(ctx, tok, c.head_pos, s, e)
    if tok is not None and tok.dep_ == "poss":  # not "McDonald's said"
        name = _POSSESSIVE.sub("", name)
    return name, None, Span(s, e)


# A holder written as a possessive ("the government's claim"): the name is without it, the span
# (the words as written) keeps it.
_POSSESSIVE = re.compile(r"(?<=\S)(?:['\u2019]s|(?<=s)['\u2019])$")


def _display(ctx: _Doc, tok: Token | None, head_pos: int | None, start: int, end: int) -> str:
    """The speaker's words as a name to quote mid-sentence: a capital that only marks the start of
    a sentence goes ("Officials said" -> "officials", "The mayor said" -> "the mayor"), a name's
    stays."""
    words = ctx.text[start:end]
    if tok is None or head_pos is None or not words[:1].isupper() or words[1:2].isupper():
        return words
    off = head_pos - tok.idx
    first = next((t for t in tok.doc if off + t.idx == start), None)
    if first is None or first.pos_ == "PROPN" or first.text == "I":
        return words
    if not (first.is_sent_start or 0 <= start - ctx.dateline_end <= 2):
        return words
    if first.ent_type_ and first.ent_type_ not in ("NORP", "CARDINAL", "ORDINAL", "DATE"):
        return words
    return words[0].lower() + words[1:]


def _content(ctx: _Doc, s: int, e: int) -> Span:
    if s < ctx.dateline_end <= e:
        s = ctx.dateline_end  # "Moscow, May 21 Displaced residents ..., Putin said"
    s, e = _trim(ctx.text, s, e) if e > s else (s, e)
    return Span(s, e)


def _inner(ctx: _Doc, m: Marks) -> Span:
    """A direct quote's words: inside the marks, without the comma that hands over to the cue."""
    s, e = m.inner
    while s < e and ctx.text[s].isspace():
        s += 1
    while e > s and (ctx.text[e - 1].isspace() or ctx.text[e - 1] == ","):
        e -= 1
    return Span(s, e)


# "“...” ― Name" closing a line: a quote signed with a dash.
_DASH_SIGNED = re.compile(
    r"[ \t\u00a0]*(\u2015|\u2014|\u2013|--)[ \t\u00a0]*"
    r"([A-Z](?:[^\n.!?\u201c\"]|(?<=\b[A-Z])\.){1,60}?)[ \t\u00a0.]*(?=\n|$)"
)
# A transcript turn: "PENCE: Well, look, ..." (an upper-case or personal name label).
_TURN = re.compile(r"[ \t]*[\"\u201c]?[ \t]*([A-Z][A-Za-z.'\- ]{1,40}?):[ \t]+(\S[^\n]*)")
# A reporting verb closing a turn label ("Limbaugh continued:", "Trump told reporters:").
_TURN_VERB = re.compile(
    r"\s+(?:said|says|added|adds|continued|continues|wrote|writes|explained|explains|replied|"
    r"responded|asked|asks|tweeted|tweets|noted|notes|declared|concluded|recalled|stated|warned|"
    r"argued|insisted|(?:told|tells) [a-z]+)$"
)
_NOT_SPEAKERS = frozenset(
    """
    the latest contributing poll twitter breaking revealed report wow update byline note editor's
    editors note watch read related photos video source sources correction clarification so q a
    """.split()
)


def _dash_signed(ctx: _Doc) -> list[_Cand]:
    out: list[_Cand] = []
    for m in ctx.marks:
        if not m.double:
            continue
        hit = _DASH_SIGNED.match(ctx.text, m.outer[1])
        if hit is None or len(hit.group(2).split()) > 6:
            continue
        src = _trim(ctx.text, hit.start(2), hit.end(2))
        out.append(_Cand(cue=hit.span(1), content=m.outer, speaker=src, head_pos=src[0]))
    return out


def _turns(ctx: _Doc) -> list[_Cand]:
    out: list[_Cand] = []
    for p in ctx.par_starts[1:]:
        m = _TURN.match(ctx.text, p)
        if m is None:
            continue
        label, label_end = m.group(1), m.end(1)
        verb = _TURN_VERB.search(label)
        if verb is not None:  # "Limbaugh continued: “...”": the verb is the cue, not the name's
            label, label_end = label[: verb.start()], m.start(1) + verb.start()
        words = label.split()
        if not words or len(words) > 3 or label.lower() in _NOT_SPEAKERS or words[0].lower() in _NOT_SPEAKERS:
            continue
        ent = ctx.entity_at(m.start(1))
        if not (label.isupper() and len(label) > 1) and (ent is None or ent.type != "PERSON"):
            continue
        content = _trim(ctx.text, m.start(2), m.end(2))
        while content[1] > content[0] and ctx.text[content[1] - 1] in '"\u201d':
            content = (content[0], content[1] - 1)  # the mark closing the whole transcript
        while verb is not None and content[1] > content[0] and ctx.text[content[0]] in '"\u201c':
            content = (content[0] + 1, content[1])  # the quote the verb introduces: its words only
        if content[1] <= content[0]:
            continue
        colon = m.end(1)
        cue = (label_end + 1 if verb is not None else colon, colon + 1)
        out.append(
            _Cand(cue=cue, content=content, speaker=(m.start(1), label_end), head_pos=m.start(1), fixed=True)
        )
    return out


_HEADLINE = re.compile(r"([A-Z][^:\n.?!]{1,60}?):[ \t]+(\S[^\n]*)")


def _headline(ctx: _Doc) -> _Cand | None:
    """The headline convention "Pence: Flowers Won't Be at Debate" in the article's first line:
    a short source, a colon, and what the source said."""
    m = _HEADLINE.match(ctx.text, ctx.start)
    if m is None or len(m.group(1).split()) > 6:
        return None
    src = (m.start(1), m.end(1))
    content = _trim(ctx.text, m.start(2), m.end(2))
    if content[1] <= content[0]:
        return None
    return _Cand(cue=(m.end(1), m.end(1) + 1), content=content, speaker=src, head_pos=src[1] - 1)


def extract_quotes(ann: AnnotatedArticle, cue_model: CueModel | None = None) -> tuple[list[Quote], list[str]]:
    """All quotes of one article, and W003 warnings for the quote marks that were skipped.

    Without ``cue_model`` only the lexicons' cues count (the stage passes the configured model)."""
    ctx = _Doc(ann, cue_model)
    warnings = [f"W003 unbalanced quote mark at offset {n} skipped" for n in ctx.bad]
    cands: list[_Cand] = []
    for off, doc in ann.docs:
        cands.extend(_verb_cands(doc, off, ctx))
    head = _headline(ctx)
    if head is not None:
        cands.append(head)
    turns = _turns(ctx)
    if turns:
        cands = [c for c in cands if not any(_within(c.content[0], t.content) for t in turns)] + turns
    cands.extend(_dash_signed(ctx))
    cands = _resolve_relays(cands)
    cands = _drop_nested(cands)
    used = _attach_marks(cands, ctx)
    quotes: list[Quote] = []
    for c in cands:
        speaker, ent_id, sspan = _speaker_fields(c, ctx)
        cue = Span(*c.cue) if c.cue is not None else None
        via = tuple(c.via)
        if c.fixed:
            quotes.append(Quote(speaker, ent_id, sspan, cue, _content(ctx, *c.content), "direct", via))
        elif c.kind == "direct":
            taken = {(q.content.start, q.content.end) for q in quotes}
            for m in c.direct:
                span = _inner(ctx, m)
                if (span.start, span.end) not in taken:
                    quotes.append(Quote(speaker, ent_id, sspan, cue, span, "direct", via))
        else:
            for frag in c.split or (c.content,):
                span = _content(ctx, *frag)
                if span.end > span.start:
                    quotes.append(Quote(speaker, ent_id, sspan, cue, span, c.kind, via))  # type: ignore[arg-type]
    quotes.extend(_unattributed(ctx, used, quotes))
    quotes.sort(key=lambda q: (q.content.start, q.content.end))
    return quotes, warnings


def _unattributed(ctx: _Doc, used: set[Marks], found: list[Quote]) -> list[Quote]:
    """Quotes no cue claimed: a continuation of the same speaker's quote in the paragraph, or
    a speakerless direct quote (only for double marks around a few words: single marks and
    one- or two-word stretches are mostly titles and scare quotes)."""
    out: list[Quote] = []
    direct = sorted((q for q in found if q.kind == "direct"), key=lambda q: q.content.start)
    for m in ctx.marks:
        if m in used:
            continue
        span = _inner(ctx, m)
        prev = [q for q in direct if q.content.end <= m.open]
        if prev and ctx.paragraph(prev[-1].content.end) == ctx.paragraph(m.open) and prev[-1].speaker:
            p = prev[-1]
            between = (p.content.end, m.open)
            if not any(q.cue is not None and _within(q.cue.start, between) and q is not p for q in found):
                out.append(Quote(p.speaker, p.speaker_entity, p.speaker_span, p.cue, span, "direct", p.via))
                continue
        if m.double and len(ctx.text[span.start : span.end].split()) >= 4:
            out.append(Quote(None, None, None, None, span, "direct"))
    return out


@register("quotes", requires=("sentences", "docs", "entities"), assigns=("quotes",))
def make_quotes(settings: Settings) -> QuotesStage:
    return QuotesStage(settings)
