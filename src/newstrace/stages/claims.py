"""``claims``: check-worthy statements, their kind and a comparable frame of what they say.

A claim is a sentence, or one independent clause of it when the sentence joins clauses that each
have their own subject ("Helicopters joined the search, and officials said ...") or a semicolon.
Headlines without a verb, datelines and short fragments are not claims.

The kind is decided in this order, each step a reading a careful editor would make:
1. ``opinion``: the writer interprets ("underscoring ...", "was seen as a signal", "critics argue");
2. ``speculation``: the writer conditions or predicts ("would", "could", "likely", "if implemented");
3. ``quote``: the statement is attributed to a speaker (a Quote overlaps it, or "X said ...");
4. ``opinion`` again when two or more evaluative words pile up ("the multifaceted, complex ...");
5. ``background``: earlier history (past perfect, "has long", a date well before the article's);
6. ``report`` otherwise.
Words inside reported speech (quote marks, the complement of "said", everything but "according
to X") belong to the speaker, so they never make the *writer's* claim opinion or speculation.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newstrace._doclen import doc_length
from newstrace.config import Settings
from newstrace.records import AnnotatedArticle, Claim, ClaimKind, Frame, Proposition, Quantity, Quote
from newstrace.stages._claim_rules import (
    BACKGROUND_PATTERNS,
    CLOCK_WORDS,
    EVALUATIVE_WORDS,
    EVALUATOR_NOUNS,
    EVALUATOR_VERBS,
    HEDGE_PATTERNS,
    INTERPRET_LEMMAS,
    MEASURE_UNITS,
    MONTHS,
    NUMBER_WORDS,
    OPINION_PATTERNS,
    PERSON_NOUNS,
    REPORT_LEMMAS,
    SAY_LEMMAS,
    SCALES,
    SCHEDULE_LEMMAS,
    SPEC_MODALS,
    SPEC_PATTERNS,
    SPEC_WORDS,
    VAGUE_COUNTS,
    is_number_word,
    parse_number,
)
from newstrace.stages._propositions import (
    LIGHT_VERBS,
    content_lemmas,
    event_word,
    is_future,
    predications,
    theme,
)
from newstrace.stages._registry import register

Token = Any  # spaCy Token / Doc: spaCy ships no type information mypy can use
Doc = Any

VERB_POS = ("VERB", "AUX")
SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
ACTOR_TYPES = ("PERSON", "ORG", "GPE")
PLACE_TYPES = ("GPE", "LOC", "FAC")
# People-like subjects: an interpretation verb with one of these as subject reports speech.
PERSON_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you"})
NEG_SUBJECTS = frozenset({"nobody", "none", "nothing", "neither", "no one"})
NON_SPEAKERS = frozenset({"it", "this", "that", "which", "there"})
MIN_WORDS = 3
# A date must end this long before the article's date for a claim about it to be background.
BACKGROUND_GAP = dt.timedelta(days=30)
OBJECT_DEPS = ("dobj", "attr", "dative", "oprd", "acomp")
MAX_NP_TOKENS = 6
_TRIM_TAIL = frozenset(
    {",", ";", ":", "-", "\u2013", "\u2014", "and", "but", "or", "while", "whereas", "yet"}
)
# After a dateline's place: ", May 21", ", 11 March", a "(Credit)" and the dash or colon after it.
_DATELINE_TAIL = re.compile(
    r",?\s*(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2})|(?:\d{1,2}\s+[A-Z][a-z]{2,8}))?\s*(?:\([^)\n]{1,40}\))?"
    r"\s*[-\u2014\u2013:]*\s*"
)
_AFTER_CREDIT = re.compile(r"\)?\s*[-\u2014\u2013:.]*\s*")
_QUOTE_PAIRS = re.compile(r"\u201c[^\u201c\u201d]*\u201d|\"[^\"\n]*\"")


@dataclass
class _Article:
    """Per-article lookups shared by all its claims."""

    ann: AnnotatedArticle
    text: str
    ments: list[tuple[int, int, str, str]]  # (start, end, entity id, entity type), sorted
    ment_starts: list[int]
    direct: list[tuple[int, int]]  # character spans inside quote marks
    ref_date: dt.date | None
    dateline_end: int

    def entities_in(self, start: int, end: int, types: Iterable[str] | None = None) -> list[str]:
        """Entity ids with a mention inside [start, end), in text order, without repeats."""
        allowed = set(types) if types is not None else None
        out: list[str] = []
        i = bisect.bisect_left(self.ment_starts, start)
        while i < len(self.ments) and self.ments[i][0] < end:
            s, e, eid, etype = self.ments[i]
            if e <= end and (allowed is None or etype in allowed) and eid not in out:
                out.append(eid)
            i += 1
        return out

    def entity_at(self, start: int, end: int) -> tuple[str, str] | None:
        """The entity (id, type) whose mention covers [start, end)."""
        i = bisect.bisect_right(self.ment_starts, start) - 1
        while i >= 0 and i >= bisect.bisect_right(self.ment_starts, start) - 4:
            s, e, eid, etype = self.ments[i]
            if s <= start and end <= e:
                return eid, etype
            i -= 1
        return None

    def in_direct(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.direct)


@dataclass
class _Clause:
    off: int
    doc: Doc
    i: int  # token range [i, j) in doc
    j: int
    start: int  # global character offsets
    end: int
    root: Token = None
    tokens: list[Token] = field(default_factory=list)


@dataclass
class _Attribution:
    """Who a claim is attributed to and which of its tokens are the reported content."""

    cue: str
    speaker: str | None = None
    via: tuple[str, ...] = ()
    content: tuple[int, int] | None = None  # global span
    predicate: Token | None = None


# --- helpers over tokens ------------------------------------------------------------------------


def _g(cl: _Clause, tok: Token) -> tuple[int, int]:
    return cl.off + tok.idx, cl.off + tok.idx + len(tok.text)


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in SUBJ_DEPS for c in tok.children)


def _subject(tok: Token) -> Token | None:
    """The subject of a predicate, inherited from the verb it is coordinated with or controlled by."""
    t = tok
    for _ in range(4):
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return c
        if t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
            t = t.head
        else:
            return None
    return None


def _in_subtree(tok: Token, top: Token) -> bool:
    return top.left_edge.i <= tok.i <= top.right_edge.i and (
        tok.i == top.i or any(a.i == top.i for a in tok.ancestors)
    )


def _reporting_child(root: Token) -> Token | None:
    """ "Y did X, officials said": the reporting verb hanging off the content's root."""
    for c in root.children:
        if c.lemma_.lower() not in REPORT_LEMMAS or not _has_subject(c) or c.i < root.i:
            continue
        if c.dep_ == "parataxis":
            return c
        # The parser also hangs a trailing "..., the department said" on as a conj.
        if c.dep_ == "conj" and not any(d.dep_ in ("ccomp", "xcomp", "dobj") for d in c.children):
            return c
    return None


def _according_to(root: Token) -> Token | None:
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            return c
    return None


# --- splitting -----------------------------------------------------------------------------------


def _sentence_span(ann: AnnotatedArticle, start: int, end: int) -> tuple[int, Any] | None:
    for off, doc in ann.docs:
        if off <= start and end <= off + doc_length(doc):
            span = doc.char_span(start - off, end - off, alignment_mode="expand")
            if span is not None and len(span):
                return off, span
    return None


def _split_points(span: Any, art: _Article, off: int) -> list[int]:
    """Token indices where a new independent clause starts inside a sentence."""
    root = span.root
    starts: set[int] = set()

    rep = _reporting_child(root)

    def conj_chain(v: Token) -> None:
        for c in v.children:
            if rep is not None and c.i == rep.i:
                continue  # "Y happened, the department said": one attributed statement
            if c.dep_ == "conj" and c.pos_ in VERB_POS and c.i > v.i and _has_subject(c):
                starts.add(c.left_edge.i)
                conj_chain(c)

    conj_chain(root)
    # "Y happened, the department said, as Z": a reporting verb between the two is no splice.
    reporting_between = any(c.lemma_.lower() in REPORT_LEMMAS and c.i < root.i for c in root.children)
    if root.lemma_.lower() not in REPORT_LEMMAS and not reporting_between:
        # "A operates the dams, B inspects them": the parser hangs the first clause as a ccomp.
        for c in root.children:
            if (
                c.dep_ in ("ccomp", "parataxis")
                and c.i < root.i
                and c.pos_ in VERB_POS
                and c.lemma_.lower() not in REPORT_LEMMAS
                and _has_subject(c)
                and c.right_edge.i + 1 < span.end
                and span.doc[c.right_edge.i + 1].text in (",", ";")
            ):
                starts.add(c.right_edge.i + 1)
    for t in span:
        if t.text == ";":
            starts.add(t.i + 1)
    doc = span.doc
    # Never split inside quote marks: a speaker's sentence is one statement.
    return sorted(s for s in starts if span.start < s < span.end and not art.in_direct(off + doc[s].idx))


def _segments(span: Any, points: list[int]) -> list[tuple[int, int]]:
    bounds = [span.start, *points, span.end]
    segs: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        doc = span.doc
        while b > a and doc[b - 1].lower_ in _TRIM_TAIL and b != span.end:
            b -= 1
        while a < b and (doc[a].dep_ == "cc" or doc[a].is_punct and doc[a].text in _TRIM_TAIL):
            a += 1
        if b > a:
            segs.append((a, b))

    # A side without its own verb or too short is not a clause of its own: merge it back.
    def clause_like(a: int, b: int) -> bool:
        part = span.doc[a:b]
        return sum(1 for t in part if t.is_alpha) >= 3 and any(t.pos_ in VERB_POS for t in part)

    merged: list[tuple[int, int]] = []
    for a, b in segs:
        if merged and (not clause_like(a, b) or not clause_like(*merged[-1])):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _clauses(art: _Article) -> list[_Clause]:
    out: list[_Clause] = []
    for sent in art.ann.sentences:
        found = _sentence_span(art.ann, sent.start, sent.end)
        if found is None:
            continue
        off, span = found
        for a, b in _segments(span, _split_points(span, art, off)):
            doc = span.doc
            start = off + doc[a].idx
            end = off + doc[b - 1].idx + len(doc[b - 1].text)
            start = max(start, sent.start)
            end = min(end, sent.end)
            if start < art.dateline_end:
                # Skip the dateline ("Moscow, May 21") glued to the first sentence.
                start = art.dateline_end
            while start < end and art.text[start].isspace():
                start += 1
            if end <= start:
                continue
            toks = [t for t in doc[a:b] if off + t.idx >= start and off + t.idx < end]
            if not toks:
                continue
            sub = doc[toks[0].i : toks[-1].i + 1]
            cl = _Clause(off, doc, toks[0].i, toks[-1].i + 1, start, end, _main_root(sub), toks)
            if _is_claim(cl):
                out.append(cl)
    return out


def _main_root(sub: Any) -> Token:
    """The clause's main predicate. The small parser sometimes makes the first clause a ccomp of a
    later verb ("The dam was completed in 1968, when ... maintenance was an afterthought"); only a
    reporting verb takes a clause before it, so otherwise the earlier clause is the main one."""
    root = sub.root
    if root.lemma_.lower() in REPORT_LEMMAS:
        return root
    for c in root.children:
        early = c.i < root.i and c.left_edge.i <= sub.start + 1
        if c.dep_ == "ccomp" and early and c.pos_ in VERB_POS and _has_subject(c):
            return c
    return root


def _is_claim(cl: _Clause) -> bool:
    words = sum(1 for t in cl.tokens if t.is_alpha)
    if words < MIN_WORDS:
        return False
    return any(t.pos_ in VERB_POS and t.dep_ != "amod" for t in cl.tokens)


# --- attribution ---------------------------------------------------------------------------------


def _content_is_clause(cl: _Clause, q: Quote) -> bool:
    """Whether a quote's content is a statement (a clause with a subject), not "to share data"."""
    a, b = q.content.start, q.content.end
    inside = [t for t in cl.tokens if a <= cl.off + t.idx < b]
    if inside and inside[0].lower_ == "that":
        return True
    tops = [t for t in inside if not a <= cl.off + t.head.idx < b or t.head.i == t.i]
    return any(_has_subject(t) for t in tops)


def _quote_counts(cl: _Clause, q: Quote) -> bool:
    """Whether a Quote is a real attribution: noisy cue hits ("It also confirms plans") are not."""
    if q.kind != "indirect":
        return True
    if q.speaker is None and not q.via:
        return False
    if q.speaker is not None and q.speaker.strip().lower() in NON_SPEAKERS:
        return False
    return _content_is_clause(cl, q)


def _main_predicates(cl: _Clause) -> list[Token]:
    """The clause's root and the verbs coordinated with it inside the clause."""
    root = cl.root
    return [root, *[c for c in root.children if c.dep_ == "conj" and cl.i <= c.i < cl.j]]


def _main_cue(cl: _Clause, q: Quote) -> bool:
    """Whether the quote's cue is the clause's main predicate (or coordinated with it), so the
    attribution governs the claim: "as rescuers said ..." in a side clause does not."""
    if q.cue is None:
        return False
    for t in _main_predicates(cl):
        a, b = _g(cl, t)
        if q.cue.start <= a < q.cue.end:
            return True
    return False


def _attached_quote(cl: _Clause, quotes: tuple[Quote, ...]) -> Quote | None:
    best: Quote | None = None
    best_overlap = 0
    root_pos = _g(cl, cl.root)[0]
    for q in quotes:
        overlap = min(cl.end, q.content.end) - max(cl.start, q.content.start)
        if overlap <= 0:
            continue
        if not (q.content.start <= root_pos < q.content.end or _main_cue(cl, q)):
            continue
        if not _quote_counts(cl, q):
            continue
        if overlap > best_overlap:
            best, best_overlap = q, overlap
    return best


def _speaker_of(art: _Article, cl: _Clause, tok: Token) -> str:
    a, b = _g(cl, tok.left_edge)[0], _g(cl, tok.right_edge)[1]
    head = art.entity_at(*_g(cl, tok))
    if head is not None:
        return head[0]
    return art.text[a:b]


def _syntactic_attribution(art: _Article, cl: _Clause) -> _Attribution | None:
    """ "X said (that) Y", "Y, X said", "according to X, Y" read off the parse."""
    root = cl.root
    rep = _reporting_child(root)
    if rep is not None and rep.lemma_.lower() in SAY_LEMMAS:
        subj = _subject(rep)
        if subj is not None and subj.lower_ not in NON_SPEAKERS:
            return _Attribution(rep.text, _speaker_of(art, cl, subj), predicate=root)
    acc = _according_to(root)
    if acc is not None:
        pobj = [c for t in acc.children for c in t.children if c.dep_ == "pobj"]
        speaker = _speaker_of(art, cl, pobj[0]) if pobj else None
        return _Attribution("according to", speaker, predicate=root)
    for t in _main_predicates(cl):
        if t.lemma_.lower() not in SAY_LEMMAS or t.pos_ != "VERB":
            continue
        subj = _subject(t)
        comp = next((c for c in t.children if c.dep_ in ("ccomp", "parataxis")), None)
        # "Nothing was said about ...": a passive "said" names no speaker.
        if subj is None or subj.dep_ != "nsubj" or subj.lower_ in NON_SPEAKERS:
            continue
        direct = any(cl.start <= a < cl.end for a, _ in art.direct)
        if comp is not None or (direct and t.i == root.i):
            a = _g(cl, comp.left_edge)[0] if comp is not None else None
            b = _g(cl, comp.right_edge)[1] if comp is not None else None
            content = (a, b) if a is not None and b is not None else None
            return _Attribution(t.text, _speaker_of(art, cl, subj), content=content, predicate=comp or root)
    # A sentence of a quotation whose speaker is named in another sentence: "quoted" words.
    inside = sum(min(b, cl.end) - max(a, cl.start) for a, b in art.direct if a < cl.end and cl.start < b)
    if inside * 2 >= cl.end - cl.start:
        return _Attribution("quotation marks", predicate=root)
    return None


class _Reported:
    """Which tokens of a clause are someone else's words rather than the writer's."""

    def __init__(self, art: _Article, cl: _Clause, quote: Quote | None) -> None:
        self.art = art
        self.cl = cl
        self.rep = _reporting_child(cl.root)
        self.acc = _according_to(cl.root)
        self.quote = quote

    def __call__(self, tok: Token) -> bool:
        pos = self.cl.off + tok.idx
        if self.art.in_direct(pos):
            return True
        if self.rep is not None and not _in_subtree(tok, self.rep):
            return True
        if self.acc is not None and not _in_subtree(tok, self.acc):
            return True
        t = tok
        while t.head.i != t.i:
            if t.dep_ in ("ccomp", "xcomp") and t.head.lemma_.lower() in REPORT_LEMMAS:
                return True
            t = t.head
        return False


# --- kind ----------------------------------------------------------------------------------------


def _token_at(cl: _Clause, pos: int) -> Token | None:
    for t in cl.tokens:
        if cl.off + t.idx <= pos < cl.off + t.idx + len(t.text):
            return t
    return None


def _pattern_cues(
    cl: _Clause, text: str, patterns: Iterable[tuple[str, re.Pattern[str]]], reported: _Reported
) -> list[str]:
    out: list[str] = []
    for _cue, rx in patterns:
        for m in rx.finditer(text):
            tok = _token_at(cl, cl.start + m.start())
            words = m.group(0).lower()
            if tok is not None and not reported(tok) and words not in out:
                out.append(words)
                break
    return out


def _person_like(art: _Article, cl: _Clause, subj: Token) -> bool:
    if subj.lower_ in PERSON_PRONOUNS or subj.lemma_.lower() in PERSON_NOUNS:
        return True
    ent = art.entity_at(*_g(cl, subj))
    return ent is not None and ent[1] in ("PERSON", "ORG", "GPE", "NORP")


def _opinion_cues(art: _Article, cl: _Clause, text: str, reported: _Reported) -> list[str]:
    cues: list[str] = []
    for t in cl.tokens:
        lemma = t.lemma_.lower()
        if lemma in EVALUATOR_VERBS and t.pos_ == "VERB":
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ in EVALUATOR_NOUNS:
                cues.append(f"{subj.text} {t.text}")
                continue
        if reported(t) or lemma not in INTERPRET_LEMMAS or t.pos_ != "VERB":
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is None and t.dep_ in ("conj", "xcomp") and t.head.pos_ in VERB_POS:
            subj = _subject(t.head)
        agent = next((c for c in t.children if c.dep_ == "agent"), None)
        if subj is not None and _person_like(art, cl, subj):
            continue  # "Putin highlighted the need ..." reports what a person said
        if agent is not None and any(_person_like(art, cl, c) for c in agent.children):
            continue
        if agent is None and any(c.dep_ == "auxpass" for c in t.children):
            continue  # "X was highlighted": someone highlighted it, a report with vague attribution
        cues.append(t.text)
    cues += _pattern_cues(cl, text, OPINION_PATTERNS, reported)
    return cues


def _speculation_cues(cl: _Clause, text: str, reported: _Reported) -> list[str]:
    cues: list[str] = []
    for t in cl.tokens:
        if reported(t):
            continue
        low = t.lower_
        if t.tag_ == "MD" and low in SPEC_MODALS:
            negated = any(c.dep_ == "neg" for c in t.head.children)
            if negated and low in ("could", "would"):
                continue  # "could not be reached", "would not say": facts about the past
            cues.append(t.text)
        elif low in SPEC_WORDS or (low == "if" and t.dep_ == "mark"):
            cues.append(t.text)
    for cue in _pattern_cues(cl, text, SPEC_PATTERNS, reported):
        if cue not in cues:
            cues.append(cue)
    return cues


def _evaluative_cues(art: _Article, cl: _Clause, reported: _Reported) -> list[str]:
    cues: list[str] = []
    for t in cl.tokens:
        low = t.lower_
        if low in EVALUATIVE_WORDS and low not in cues and not reported(t) and not art.entity_at(*_g(cl, t)):
            cues.append(low)
    return cues


def _period_end(value: str) -> dt.date | None:
    """The last day a TIMEX3 date value covers: "2024-08" -> 2024-08-31; None if unanchored."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if m is None:
        dec = re.fullmatch(r"(\d{3})X?", value)  # a decade, "199" / "199X"
        return dt.date(int(dec.group(1)) * 10 + 9, 12, 31) if dec else None
    y = int(m.group(1))
    if m.group(3):
        try:
            return dt.date(y, int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if m.group(2):
        mon = int(m.group(2))
        if not 1 <= mon <= 12:
            return None
        return dt.date(y, mon, calendar.monthrange(y, mon)[1])
    return dt.date(y, 12, 31)


def _attaches_to(tok: Token, root: Token, inside: tuple[int, int], cl: _Clause) -> bool:
    """Whether a time phrase modifies the clause's main predicate ("In 2024, X did"), not a noun
    inside it ("a dam built in 1968")."""
    t = tok
    for _ in range(12):
        if t.i == root.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
        in_time = inside[0] <= cl.off + t.idx < inside[1]
        if t.i == root.i:
            return True
        if not in_time and (t.pos_ in VERB_POS or t.pos_ in ("NOUN", "PROPN", "PRON")):
            return False
    return False


def _dated_recently(art: _Article, cl: _Clause, root: Token) -> bool:
    """Whether the clause's predicate is dated within the story's days ("had been pulled out
    alive by late Tuesday"): a past perfect then tells the story's own progress, not its
    background."""
    if art.ref_date is None:
        return False
    for tx in art.ann.times:
        if tx.type not in ("DATE", "TIME") or not (cl.start <= tx.start and tx.end <= cl.end):
            continue
        end = _period_end(tx.value[:10])
        tok = _token_at(cl, tx.start)
        if end is None or tok is None:
            continue
        if abs((art.ref_date - end).days) <= 7 and _attaches_to(tok, root, (tx.start, tx.end), cl):
            return True
    return False


def _background_cues(art: _Article, cl: _Clause, text: str, reported: _Reported) -> list[str]:
    cues: list[str] = []
    root = cl.root
    if root.tag_ == "VBN" and not reported(root):
        aux = [c for c in root.children if c.dep_ == "aux" and c.lower_ == "had"]
        if aux and not _dated_recently(art, cl, root):
            cues.append(f"had {root.text}")
    cues += _pattern_cues(cl, text, BACKGROUND_PATTERNS, reported)
    if art.ref_date is not None:
        for tx in art.ann.times:
            if tx.type != "DATE" or not (cl.start <= tx.start and tx.end <= cl.end):
                continue
            end = _period_end(tx.value)
            tok = _token_at(cl, tx.start)
            if end is None or tok is None or reported(tok):
                continue
            if end < art.ref_date - BACKGROUND_GAP and _attaches_to(tok, root, (tx.start, tx.end), cl):
                cues.append(tx.text)
    return cues


def _kind(
    art: _Article, cl: _Clause, quote: Quote | None, attr: _Attribution | None
) -> tuple[ClaimKind, tuple[str, ...]]:
    text = art.text[cl.start : cl.end]
    reported = _Reported(art, cl, quote)
    cues = _opinion_cues(art, cl, text, reported)
    if cues:
        return "opinion", tuple(cues)
    cues = _speculation_cues(cl, text, reported)
    if cues:
        return "speculation", tuple(cues)
    if quote is not None:
        cue = art.text[quote.cue.start : quote.cue.end] if quote.cue is not None else "quotation"
        return "quote", (cue,)
    if attr is not None:
        return "quote", (attr.cue,)
    cues = _evaluative_cues(art, cl, reported)
    if len(cues) >= 2:
        return "opinion", tuple(cues)
    cues = _background_cues(art, cl, text, reported)
    if cues:
        return "background", tuple(cues)
    return "report", ()


# --- frame ---------------------------------------------------------------------------------------


def _content_predicate(cl: _Clause, quote: Quote | None, attr: _Attribution | None) -> Token:
    """The predicate of what is claimed: for "X said Y", Y's verb, so frames compare across outlets."""
    if attr is not None and attr.predicate is not None:
        return _lexical(attr.predicate)
    root = cl.root
    if quote is None or _reporting_child(root) is not None:
        return _lexical(root)
    if root.lemma_.lower() in REPORT_LEMMAS:
        for c in root.children:
            if c.dep_ in ("ccomp", "xcomp") and cl.i <= c.i < cl.j and c.pos_ in VERB_POS:
                return _lexical(c)
    a, b = quote.content.start, quote.content.end
    if not a <= _g(cl, root)[0] < b:
        for t in cl.tokens:
            top = a <= cl.off + t.idx < b and not a <= cl.off + t.head.idx < b
            if top and t.pos_ in VERB_POS and t.dep_ not in ("aux", "auxpass"):
                return _lexical(t)
    return _lexical(root)


def _lexical(pred: Token) -> Token:
    """ "will be able to return" -> "return": the verb that carries the meaning."""
    if pred.lemma_.lower() in SCHEDULE_LEMMAS and any(c.dep_ == "auxpass" for c in pred.children):
        x = next((c for c in pred.children if c.dep_ == "xcomp"), None)
        if x is not None:
            return x  # "is expected to present": the presenting is the claim
    if pred.lemma_.lower() == "be":
        for c in pred.children:
            if c.dep_ == "acomp" and c.lower_ == "able":
                x = next((d for d in c.children if d.dep_ == "xcomp"), None)
                if x is not None:
                    return x
    return pred


def _resolve_pronoun(art: _Article, pos: int) -> str | None:
    """ "he"/"she": the most recent person mentioned before, within a few paragraphs."""
    i = bisect.bisect_left(art.ment_starts, pos) - 1
    while i >= 0:
        s, e, eid, etype = art.ments[i]
        if pos - s > 1500:
            return None
        if etype == "PERSON" and e <= pos:
            return eid
        i -= 1
    return None


def _span_of(cl: _Clause, tok: Token) -> tuple[int, int]:
    return _g(cl, tok.left_edge)[0], _g(cl, tok.right_edge)[1]


def _np_text(art: _Article, cl: _Clause, tok: Token) -> str:
    """A short noun phrase: the head with its pre-modifiers, no determiner ("ongoing efforts")."""
    left = [c for c in tok.lefts if c.dep_ not in ("det", "predet", "poss", "case", "punct", "cc", "preconj")]
    first = min((c.left_edge for c in left), key=lambda t: t.i, default=tok)
    toks = list(cl.doc[first.i : tok.i + 1])[-MAX_NP_TOKENS:]
    return art.text[_g(cl, toks[0])[0] : _g(cl, toks[-1])[1]]


def _agents(pred: Token) -> list[Token] | None:
    """Who does a passive verb's act: the objects of its "by" phrase (empty when unsaid); None
    when the verb is not passive."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in pred.children):
        return None
    return [p for c in pred.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def _actors(art: _Article, cl: _Clause, pred: Token) -> list[str]:
    agents = _agents(pred)
    sides: list[Token] = []
    if agents is not None:
        sides += agents
    else:
        subj = _subject(pred)
        if subj is not None and _g(cl, subj)[0] < cl.start:
            # A dateline parsed as a second subject ("Kostrivka, April 3 - Mayor Novak opened"):
            # take the subject inside the claim.
            subj = next((c for c in pred.children if c.dep_ in SUBJ_DEPS and _g(cl, c)[0] >= cl.start), None)
        if subj is not None:
            sides.append(subj)
    out: list[str] = []
    for s in sides:
        out += [i for i in _who(art, cl, s) if i not in out]
    return out


def _who(art: _Article, cl: _Clause, tok: Token, pronouns: tuple[str, ...] = ("he", "she")) -> list[str]:
    """The actor entities a subject names: the person a pronoun stands for, else the names
    inside the subject's phrase (kept to the claim: the parser may hang a dateline, "Kostrivka,
    April 3 (River Post) -", on the subject)."""
    if tok.lower_ in pronouns:
        eid = _resolve_pronoun(art, _g(cl, tok)[0])
        return [eid] if eid is not None else []
    a, b = _span_of(cl, tok)
    return art.entities_in(max(a, cl.start), min(b, cl.end), types=ACTOR_TYPES)


def _objects(art: _Article, cl: _Clause, pred: Token) -> list[str]:
    heads: list[Token] = [c for c in pred.children if c.dep_ in OBJECT_DEPS]
    if any(c.dep_ == "auxpass" for c in pred.children):
        heads += [c for c in pred.children if c.dep_ == "nsubjpass"]
    for x in pred.children:
        if x.dep_ == "xcomp":
            heads += [c for c in x.children if c.dep_ in ("dobj", "attr")]
    if not heads:
        for p in pred.children:
            if p.dep_ == "prep" and p.lower_ not in ("in", "on", "at", "during", "since", "after", "before"):
                heads += [c for c in p.children if c.dep_ == "pobj"][:1]
            if heads:
                break
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "conj"]
    out: list[str] = []
    for h in heads:
        if not (cl.start <= cl.off + h.idx < cl.end) or h.pos_ in ("PRON",) and h.lower_ not in NEG_SUBJECTS:
            continue
        ent = art.entity_at(*_g(cl, h))
        item = ent[0] if ent is not None else _np_text(art, cl, h)
        if item and item not in out:
            out.append(item)
    return out


def _negated(pred: Token, root: Token) -> bool:
    # "Investigators didn't say why she was suspended": not saying denies nothing said.
    heads = (pred,) if root is not pred and root.lemma_.lower() in REPORT_LEMMAS else (pred, root)
    for v in heads:
        for c in v.children:
            if c.dep_ == "neg" or c.lower_ == "never":
                return True
    for c in pred.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (
            c.lower_ in NEG_SUBJECTS or any(d.dep_ == "neg" for d in c.children)
        ):
            return True  # "Nobody warned us", "Not every member was enthusiastic"
        if c.dep_ in ("dobj", "attr", "nsubjpass") and any(
            d.lower_ == "no" for d in c.children if d.dep_ == "det"
        ):
            return True
    return False


# Numbers split by stray spaces, as badly de-tokenized or PDF-extracted text writes them:
# "3, 800 km" (3,800), "1. 3 billion" (1.3), "5 - 0 win". Neither piece is a quantity of its own.
# Text right before a number that makes it the tail of a bigger one; a 4-digit group before a
# comma is a year ("In 2014, 300 people"), not a thousands group, so it does not count.
_FRAGMENT_BEFORE = re.compile(r"(?:(?<![\d,.])\d{1,3}(?:,\s?\d{3})*,\s+|(?<![\d.])\d+\.\s+|\d\s+-\s+)$")
# Text right after a number that makes it the head of a bigger one ("3" in "3, 800").
_FRAGMENT_AFTER = re.compile(r",\s+\d{3}(?!\d)|\.\s+\d|\s+-\s+\d")


# A scale word glued to its reading by a hyphen: "magnitude-5.9", "level-3", "category-4".
_GLUED_SCALE = re.compile(r"^(magnitude|level|category|grade|force)-(\d+(?:\.\d+)?)$", re.I)


def _designation(tok: Token) -> bool:
    """A model name written with a number ("AK-47", "F-16", "A320"): letters and digits in one
    token, or a number right after a short all-capitals name ("AK 47") or glued to a name."""
    text = tok.text
    if text[:1].isalpha() and any(ch.isdigit() for ch in text):
        return True  # "AK-47", "A320"; not "40-metre" or "36-year-old", which are amounts
    if tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    if prev.text in ("-", "\u2011") and tok.i >= 2:
        prev = tok.doc[tok.i - 2]
    # "AK 47", "AK-47" split by the tokenizer; never "A 40-metre wave" (a determiner).
    return (
        prev.pos_ == "PROPN"
        and prev.is_alpha
        and (prev.whitespace_ == "" or (prev.is_upper and len(prev.text) <= 3))
    )


def _quantities(art: _Article, cl: _Clause) -> list[Quantity]:
    """Numbers with their unit noun: "12 million euros", "40-metre", "nine member states"."""
    out: list[Quantity] = []
    times = [(t.start, t.end) for t in art.ann.times if t.type != "DURATION"]
    toks = cl.tokens
    k = 0
    while k < len(toks):
        t = toks[k]
        money = _GLUED_MONEY.match(t.text)
        if money and k > 0 and toks[k - 1].text in _CURRENCY_SIGNS and not toks[k - 1].whitespace_:
            # "£1.5bn", "$50k": the figure and its scale in one token, after a currency sign
            base = parse_number([money.group(1)])
            if base is not None:
                a, b = _g(cl, t)
                out.append(Quantity(a, b, art.text[a:b], base * _MONEY_SCALES[money.group(2).lower()], None,
                                    _governor(t), _holder(cl, t)))  # fmt: skip
            k += 1
            continue
        glued = _GLUED_SCALE.match(t.text)
        if glued:
            # "a magnitude-5.9 earthquake": the scale and its reading in one token
            value = parse_number([glued.group(2)])
            if value is not None:
                a, b = _g(cl, t)
                out.append(Quantity(a, b, art.text[a:b], value, glued.group(1).lower()))
            k += 1
            continue
        if not (is_number_word(t.text) and (t.tag_ == "CD" or t.like_num)) or _designation(t):
            k += 1
            continue
        group = [t]
        k += 1
        while k < len(toks):
            nxt = toks[k]
            if nxt.lower_ in NUMBER_WORDS or (nxt.tag_ == "CD" and is_number_word(nxt.text)):
                group.append(nxt)
                k += 1
            elif (
                nxt.text == "-"
                and k + 1 < len(toks)
                and toks[k + 1].lower_ in NUMBER_WORDS
                and (group[-1].lower_ in NUMBER_WORDS or toks[k + 1].lower_ in SCALES)
            ):
                # "twenty-five"; "$2.6-million", "110-billion": the scale hyphenated to its figure
                group.append(toks[k + 1])
                k += 2
            else:
                break
        q = _quantity(art, cl, group, times)
        if q is not None:
            out.append(q)
    return out


def _quantity(
    art: _Article, cl: _Clause, group: list[Token], times: list[tuple[int, int]]
) -> Quantity | None:
    start, end = _g(cl, group[0])[0], _g(cl, group[-1])[1]
    if any(a < end and start < b for a, b in times):
        return None  # a date or clock time, not an amount
    text = art.ann.article.text
    tail = _FRAGMENT_AFTER.match(text, end)
    if tail is not None and tail.group(0)[0] == "," and not re.fullmatch(r"\d{1,3}", text[start:end]):
        tail = None  # "in 1998, 2004 and 2010": a year is no thousands group
    if tail is not None or _FRAGMENT_BEFORE.search(text, max(0, start - 12), start):
        return None  # a piece of a number split by stray spaces ("3, 800 km", "1. 3 billion")
    if re.search(r"\d[-\u2013]$", text[max(0, start - 2) : start]) or re.match(
        r"[-\u2013]\d", text[end : end + 2]
    ):
        return None  # one side of a score or a range ("a 27-24 loss", "10-15 people"): no amount of its own
    value = parse_number([t.text for t in group])
    if value is None:
        return None
    last = group[-1]
    doc = cl.doc
    before = doc[group[0].i - 1].lower_ if group[0].i > 0 else ""
    scale_tok: Token | None = None
    if (
        before in _CURRENCY_SIGNS
        and not last.whitespace_
        and last.i + 1 < len(doc)
        and doc[last.i + 1].lower_ in _MONEY_SCALES
    ):
        # "$600m", "€3m": a scale glued to a sum of money is millions (thousands, billions), not metres
        scale_tok = doc[last.i + 1]
        value *= _MONEY_SCALES[scale_tok.lower_]
        end = max(end, _g(cl, scale_tok)[1])
    after = doc[last.i + 1].lower_ if last.i + 1 < len(doc) else ""
    if before in MONTHS or after in MONTHS or after in CLOCK_WORDS:
        return None
    if group[0].lower_ in SCALES and before in VAGUE_COUNTS:
        return None  # "several hundred demonstrators" has no value to compare
    unit_tok: Token | None = None
    head = last.head
    if head.pos_ == "NUM" and head.dep_ in ("nummod", "compound") and head.i > last.i and _designation(head):
        head = head.head  # "six AK-47 rifles": the count is of the rifles, "AK-47" names their model
    if (
        head.pos_ in ("NOUN", "PROPN")
        and head.i > last.i
        and head.i - last.i <= 4
        and head.ent_type_ != "PERSON"
        # "a magnitude of 5.9 hit Qarun island": a verb between them, so the noun is no unit;
        # a verb inside a hyphenated modifier ("the 12 worst-hit villages") is no such verb
        and not any(t.pos_ in ("VERB", "AUX") and not _hyphenated(t) for t in doc[last.i + 1 : head.i])
    ):
        unit_tok = head
        # A unit of measure before the head noun wins: "50 million euro fund" counts euros.
        for t in doc[last.i + 1 : head.i]:
            if t.lemma_.lower() in MEASURE_UNITS:
                unit_tok = t
                break
    if unit_tok is not None and scale_tok is not None and unit_tok.i == scale_tok.i:
        unit_tok = None  # "$600m": the "m" is the scale, the currency sign the unit
    if unit_tok is None and _glued_unit(doc, last, before):
        unit_tok = doc[last.i + 1]  # "200m", "2,000ft": the parser often hangs the unit elsewhere
    sized = (
        unit_tok is None
        and last.i + 3 < len(doc)
        and doc[last.i + 1].lower_ in ("by", "x", "\u00d7")
        and doc[last.i + 2].like_num
        and doc[last.i + 3].lemma_.lower() in MEASURE_UNITS
    )
    if sized:
        unit_tok = doc[last.i + 3]  # "65 by 50 centimetres": both sides of a size are in its unit
    per_cent = _per_cent(doc, last)
    if per_cent is not None:
        unit_tok = per_cent  # "5.4 per cent": British spelling of "percent", hung on "per" by the parser
    digits = group[0].text[:1].isdigit()
    if unit_tok is None:
        if not digits:
            return None  # a bare "one" is far more often a pronoun than an amount
        if len(group) == 1 and re.fullmatch(r"1[89]\d\d|20\d\d", group[0].text):
            return None  # a year
    if unit_tok is not None and unit_tok.i > last.i and not sized:
        end = _g(cl, unit_tok)[1]
    end = min(end, cl.end)
    unit = (
        (unit_tok.lemma_ if unit_tok.pos_ != "VERB" else unit_tok.text).lower()
        if unit_tok is not None
        else None
    )
    if per_cent is not None:
        unit = "percent"
    rate = _per_time(doc, unit_tok) if unit_tok is not None and unit is not None else None
    if rate is not None:
        # "165 km/h", "120 kilometres per hour": a speed, not a length
        unit = f"{unit}/{_TIME_UNITS[rate.lower_.rstrip('.')]}"
        rate_end = _g(cl, rate)[1] - (1 if rate.text.endswith(".") and len(rate.text) > 1 else 0)
        end = min(max(end, rate_end), cl.end)
    top = unit_tok or last
    own = frozenset(range(last.i, rate.i + 1)) if rate is not None else frozenset()
    return Quantity(start, end, art.text[start:end], value, unit, _governor(top, own), _holder(cl, top))


# Unit abbreviations written glued to their number ("200m", "2,000ft", "60km").
_GLUED_UNITS = frozenset("m km ft mi cm mm kg lb lbs mph kph kmh sq".split())
_CURRENCY_SIGNS = frozenset("$ € £ ¥".split())
# Scales written glued to a sum of money: "$600m", "£1.5bn", "$50k".
_MONEY_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}
_GLUED_MONEY = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(k|m|mn|bn)$", re.I)


_TIME_UNITS = {"h": "hour", "hr": "hour", "hour": "hour", "s": "second", "sec": "second", "second": "second",
               "min": "minute", "minute": "minute"}  # fmt: skip


def _per_time(doc: Any, unit: Token) -> Token | None:
    """The time unit of a rate right after a unit ("km/h", "metres per second"), or None."""
    i = unit.i
    # A sentence's last "h." keeps its full stop in one token ("winds of 165 km/h.").
    if i + 2 >= len(doc) or doc[i + 2].lower_.rstrip(".") not in _TIME_UNITS:
        return None
    if doc[i + 1].text == "/" and not unit.whitespace_ and not doc[i + 1].whitespace_:
        return doc[i + 2]
    if doc[i + 1].lower_ == "per":
        return doc[i + 2]
    return None


def _per_cent(doc: Any, last: Token) -> Token | None:
    """The "cent" of "per cent" right after the number, or None."""
    if last.i + 2 < len(doc) and doc[last.i + 1].lower_ == "per" and doc[last.i + 2].lower_ == "cent":
        return doc[last.i + 2]
    return None


def _glued_unit(doc: Any, last: Token, before: str) -> bool:
    """The token right after the number, with no space between, is a unit abbreviation; not
    after a currency sign, where "m" is millions ("$4m")."""
    if last.whitespace_ or last.i + 1 >= len(doc) or before in _CURRENCY_SIGNS:
        return False
    nxt = doc[last.i + 1]
    return nxt.lower_ in _GLUED_UNITS and (
        nxt.i + 1 >= len(doc) or not doc[nxt.i + 1].is_alpha or bool(nxt.whitespace_)
    )


def _hyphenated(tok: Token) -> bool:
    """The token is part of a hyphenated word ("worst-hit", "hardest-hit")."""
    doc = tok.doc
    return (tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_) or (
        tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_
    )


def _holder(cl: _Clause, tok: Token) -> tuple[int, int] | None:
    """The named subject of the verb an amount hangs from: whose amount it is ("the Nationals
    offered an eight-year deal", "Gray was shot 11 times"). Only a name counts: a pronoun's
    person is a guess and a common noun ("a man") names nobody. Character offsets, or None."""
    subj: Token | None = None
    for t in [tok, *tok.ancestors]:
        if t.pos_ in ("NOUN", "PROPN"):
            # "the Nationals' eight-year offer": the owner named before the noun
            subj = next((c for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        elif t.pos_ in ("VERB", "AUX"):
            subj = _subject(t)
            if subj is None and t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
                subj = t.head  # "the team ... offered Teixeira a deal": the noun it qualifies
            elif subj is None and t.dep_ == "ccomp":
                # "Lynch reported the Red Sox team ... offered": without "that", the parser often
                # takes the clause's subject for the reporting verb's object.
                subj = next((c for c in t.head.children if c.dep_ == "dobj" and c.i < t.i), None)
            break
        if subj is not None:
            break
    if subj is not None and subj.pos_ == "NOUN":
        # "the Red Sox team": the name the common noun is compounded with
        subj = next((c for c in subj.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if subj is None or subj.pos_ != "PROPN":
        return None
    # the whole name the subject is part of
    ent = next((e for e in subj.doc.ents if e.start <= subj.i < e.end), None)
    first, last = (ent[0], ent[-1]) if ent is not None else (subj.left_edge, subj)
    return _g(cl, first)[0], _g(cl, last)[1]


def _governor(tok: Token, skip: frozenset[int] = frozenset()) -> str | None:
    """The lemma of the word an amount belongs to: the verb or noun above its phrase, passing
    prepositions ("falling about 150 metres" -> fall, "a population of 120,000" -> population,
    "home to 120,000 people" -> home). It tells what is measured: depth or distance, a fall or a
    climb. None at the root (a headline's "Kills 10" has nothing above it). A conjunct belongs
    to what its coordination belongs to: in "had 24 points and seven rebounds" the rebounds
    are had, not pointed."""
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    for _ in range(4 + len(skip)):
        if t.head is t:
            return None
        t = t.head
        if t.i in skip:
            continue  # a word of the amount itself: the "h" of "km/h"
        if t.pos_ in ("VERB", "NOUN", "PROPN", "ADJ") and not t.like_num:
            return str(t.lemma_).lower()
        if t.pos_ not in ("ADP", "NUM", "ADV", "CCONJ", "PART"):
            return None
    return None


def _hedges(text: str) -> list[str]:
    out: list[str] = []
    for cue, rx in HEDGE_PATTERNS:
        if cue not in out and rx.search(text):
            out.append(cue)
    return out


def _joined(tokens: list[Token]) -> str:
    """Tokens as written, a space where a left-out stretch was (a gap in the token indices)."""
    out: list[str] = []
    for k, t in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        out.append(t.text + (t.whitespace_ or (" " if nxt is not None and nxt.i != t.i + 1 else "")))
    return "".join(out).strip()


def _props(
    art: _Article, cl: _Clause, quote: Quote | None, attr: _Attribution | None
) -> tuple[Proposition, ...]:
    """The facts the claim states, one per predication of its content (see ``_propositions``)."""
    pred = _content_predicate(cl, quote, attr)
    inside = {t.i for t in cl.tokens}
    frame = cl.root if cl.root.lemma_.lower() in REPORT_LEMMAS else None
    out: list[Proposition] = []
    for p in predications(pred, inside, frame):
        start = max(cl.start, _g(cl, p.tokens[0])[0])
        end = min(cl.end, _g(cl, p.tokens[-1])[1])
        if end <= start:
            continue
        words = list(p.tokens)
        subject = ""
        actors: list[str] = []
        who: list[Token] = []  # the words naming who acts
        agents = _agents(p.pred)
        if agents is not None:
            # "The liberation was announced by Gerasimov": who acts is the agent, not the
            # passive subject (what was done).
            actors = [i for a in agents for i in _who(art, cl, a, ("he", "she"))]
            who = [t for a in agents for t in a.subtree]
        if p.subject is not None:
            if agents is None:
                actors = _who(art, cl, p.subject, ("he", "she", "his", "her"))
                who = list(p.subject.subtree)
            if p.inherited:
                subject = _np_text(art, cl, p.subject)
                own = {t.i for t in words}
                words = [*(t for t in p.subject.subtree if t.i not in own), *words]
        out.append(
            Proposition(
                start=start,
                end=end,
                action=event_word(p.pred).lemma_.lower(),
                subject=subject,
                actors=tuple(actors),
                lemmas=tuple(content_lemmas(words)),
                actor_lemmas=tuple(content_lemmas(who)),
                theme_lemmas=tuple(content_lemmas(theme(p.pred, {t.i for t in p.tokens}))),
                negated=_negated(p.pred, p.pred),
                future=p.pred.pos_ in VERB_POS and is_future(p.pred),
                text=_joined(list(p.tokens)),
            )
        )
    return tuple(out)


def _frame(art: _Article, cl: _Clause, quote: Quote | None, attr: _Attribution | None) -> Frame:
    pred = _content_predicate(cl, quote, attr)
    text = art.text[cl.start : cl.end]
    times: list[str] = []
    heads: list[str] = []
    for t in art.ann.times:
        if cl.start <= t.start and t.end <= cl.end and t.value not in times:
            times.append(t.value)
            heads.append(_time_head(cl, t.start, t.end))
    speaker: str | None = None
    via: tuple[str, ...] = ()
    if quote is not None:
        speaker = quote.speaker_entity or quote.speaker
        via = quote.via
    elif attr is not None:
        speaker, via = attr.speaker, attr.via
    return Frame(
        actors=tuple(_actors(art, cl, pred)),
        action=pred.lemma_.lower() if pred is not None else None,
        objects=tuple(_objects(art, cl, pred)),
        times=tuple(times),
        places=tuple(art.entities_in(cl.start, cl.end, types=PLACE_TYPES)),
        quantities=tuple(_quantities(art, cl)),
        speaker=speaker,
        via=via,
        hedges=tuple(_hedges(text)),
        negated=_negated(pred, cl.root),
        time_heads=tuple(heads),
    )


def _time_head(cl: _Clause, start: int, end: int) -> str:
    """Lemma of the word a time expression modifies: "visit" in "his visit on Tuesday" and in
    "made a visit on May 21" (light verbs give way to their object), "say" in "said Tuesday"."""
    inside = [t for t in cl.tokens if start <= cl.off + t.idx < end]
    if not inside:
        return ""
    ids = {t.i for t in inside}
    root = next((t for t in inside if t.head.i not in ids), inside[0])
    head = root.head
    if head.i == root.i:
        return ""
    if head.pos_ == "ADP" or head.dep_ in ("prep", "agent"):
        if head.head.i == head.i:
            return ""
        head = head.head
    verb = head.head
    if (
        head.dep_ == "nsubj"
        and verb.pos_ in VERB_POS
        and head.i < inside[0].i
        and inside[-1].i < verb.i
        and any(c.dep_ == "dobj" for c in verb.children)
    ):
        # "investigators on Thursday arrested the former official": the day dates the act, not
        # its doers. Only for a doer acting on something: "the flight on Friday was cancelled"
        # and "the match on Friday ended" date an event noun, not the act told of it.
        head = verb
    if head.lemma_.lower() in LIGHT_VERBS:
        obj = next((c for c in head.children if c.dep_ in ("dobj", "attr")), None)
        if obj is not None:
            head = obj
    return str(head.lemma_.lower())


# --- article -------------------------------------------------------------------------------------


def _ref_date(ann: AnnotatedArticle) -> dt.date | None:
    """The article's date; undated articles fall back on the latest full date they mention."""
    if ann.article.published is not None:
        return ann.article.published
    ends = [e for t in ann.times if t.type == "DATE" and t.anchored and (e := _period_end(t.value))]
    return max(ends) if ends else None


def _dateline_end(ann: AnnotatedArticle) -> int:
    art = ann.article
    text = art.text
    end = art.body_start
    if art.place_span is not None:
        m = _DATELINE_TAIL.match(text, art.place_span.end)
        end = max(end, m.end() if m else art.place_span.end)
    if art.credit_span is not None:
        m = _AFTER_CREDIT.match(text, art.credit_span.end)
        end = max(end, m.end() if m else art.credit_span.end)
    return end


def _direct_spans(ann: AnnotatedArticle) -> list[tuple[int, int]]:
    spans = [(q.content.start, q.content.end) for q in ann.quotes if q.kind == "direct"]
    text = ann.article.text
    # Quote marks read off the text too, so the stage behaves when no quotes stage ran.
    spans += [(m.start() + 1, m.end() - 1) for m in _QUOTE_PAIRS.finditer(text, ann.article.body_start)]
    return sorted(set(spans))


def extract_claims(ann: AnnotatedArticle) -> tuple[Claim, ...]:
    """The claims of one annotated article (needs sentences, docs, entities; times/quotes optional)."""
    ments = sorted((m.start, m.end, e.id, e.type) for e in ann.entities for m in e.mentions)
    art = _Article(
        ann=ann,
        text=ann.article.text,
        ments=ments,
        ment_starts=[m[0] for m in ments],
        direct=_direct_spans(ann),
        ref_date=_ref_date(ann),
        dateline_end=_dateline_end(ann),
    )
    claims: list[Claim] = []
    for cl in _clauses(art):
        quote = _attached_quote(cl, ann.quotes)
        attr = None if quote is not None else _syntactic_attribution(art, cl)
        kind, cues = _kind(art, cl, quote, attr)
        claims.append(
            Claim(
                id=f"c{len(claims) + 1}",
                start=cl.start,
                end=cl.end,
                text=art.text[cl.start : cl.end],
                kind=kind,
                frame=_frame(art, cl, quote, attr),
                cues=cues,
                props=_props(art, cl, quote, attr),
            )
        )
    return tuple(claims)


class ClaimsStage:
    def __call__(self, batch: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
        return [ann.replace(claims=extract_claims(ann)) for ann in batch]


@register("claims", requires=("sentences", "docs", "entities", "times", "quotes"), assigns=("claims",))
def make_claims(settings: Settings) -> ClaimsStage:
    return ClaimsStage()
