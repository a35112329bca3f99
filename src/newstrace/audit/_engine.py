"""The audit itself, in four steps (one function each):

1. ``_Context``: the source sentences most like each derived sentence (shared rare words pick
   candidates, sentence embeddings rank them);
2. ``_distortions``: typed differences between a derived claim and the source claims that state
   the same fact. The typed conflicts of ``newstrace compare`` (date, number, attribution, actor,
   place, negation) are reused, so the audit and the cross-source comparison never disagree on
   what a conflict is; plus what only an audit sees: a hedge or a relay dropped;
3. ``_label``: the support model's score (``_model``) over the features (``_features``), then
   the label with a reason a fact-checker can check;
4. ``_omissions``: the sources' report claims and quotes the derived text does not carry.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import partial
from itertools import zip_longest
from typing import Any

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from newstrace.api import with_reference_date
from newstrace.audit._align import NAME_GLUE as _NAME_GLUE
from newstrace.audit._align import Alignment, SourceUnits
from newstrace.audit._features import (
    NUMBER_WORDS,
    SourceIndex,
    Tok,
    sentence_features,
    toks_of,
    unseen_names,
    unseen_numbers,
)
from newstrace.audit._model import Decision, SupportModel, carried, entailment_rule
from newstrace.audit._opposites import readings
from newstrace.config import Settings, load_settings
from newstrace.errors import require_unique_ids
from newstrace.lexicon import same_first_name
from newstrace.models import Entailment, WordVectors, load_entailment, load_word_vectors
from newstrace.records import (
    AnnotatedArticle,
    Article,
    AuditLabel,
    AuditReport,
    AuditSentence,
    Distortion,
    DistortionType,
    Evidence,
    Omission,
    Quote,
    StoryEntity,
)
from newstrace.story.align import Embed
from newstrace.story.claims import StoryClaim, story_claims
from newstrace.story.conflicts import conflicts
from newstrace.story.resolve import resolve_entities
from newstrace.story.scope import dates, event_dates, same_date

# Labels that leave a derived text consistent with its sources (an opinion is no factual claim).
CONSISTENT_LABELS: frozenset[AuditLabel] = frozenset({"supported", "partially_supported", "opinion"})
EVIDENCE_K = 3  # evidence sentences kept per derived sentence
SOURCE_CACHE = 16  # parsed source articles kept between audits
EMBED_CACHE = 4096  # sentence vectors kept between audits
LEXICAL_K = 4  # source sentences embedded per derived sentence, picked by shared words
SAME_FACT = 0.55  # sentence cosine from which two claims may state the same fact
SWAP_MIN = 0.7  # sentence cosine from which one differing name is a swap, not another fact
SWAP_REST = 0.8  # share of the derived sentence's other content words the source sentence must share
FLAT_RESTATEMENT = 0.7  # share of a derived claim's words in a source claim that restates it
OMITTED_BELOW = 0.6  # a source claim no derived sentence matches this well is omitted
# A derived sentence of at least this many words found word for word in a source is a copy: no
# typed check can find it contradicted and the entailment doubt has no edit to find.
VERBATIM_WORDS = 5
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})
_CONFLICT_DISTORTION: dict[str, DistortionType] = {
    "date": "date_changed",
    "number": "number_changed",
    "attribution": "attribution_moved",
    "actor": "entity_swapped",
    "place": "entity_swapped",
    "negation": "negation_flipped",
}
_CONTRADICTING = {
    "date_changed",
    "number_changed",
    "attribution_moved",
    "entity_swapped",
    "negation_flipped",
    "meaning_reversed",
    "roles_swapped",
}


class Auditor:
    """Build once (spaCy, the embedding model and the support model load here), then audit any
    number of derived texts."""

    def __init__(
        self, settings: Settings | None = None, embed: Embed | None = None, model: SupportModel | None = None
    ) -> None:
        from newstrace.api import embedder
        from newstrace.pipeline import Pipeline

        self.settings = settings or load_settings()
        self.pipeline = Pipeline(self.settings)
        self.embed = embed or embedder(self.settings)
        # Sentence vectors kept between audits: several rewrites of one wire story embed the
        # wire's sentences once (embedding is the costliest step of an audit).
        self._cached_embed = _EmbedCache(self.embed)
        self.vectors: WordVectors | None = load_word_vectors(self.settings.word_vectors)
        # "Does the source say this, in other words too?": a cross-encoder whose reading is the
        # "entail" feature and decides the entailment rule (SupportModel.entailed_from, doubted_below).
        self.entailment: Entailment | None = load_entailment(self.settings.entailment)
        self._model = model
        self._parsed: dict[tuple[str, str], AnnotatedArticle] = {}

    @property
    def model(self) -> SupportModel:
        # Loaded on first use: computing features (as training does) needs no model.
        if self._model is None:
            self._model = SupportModel.load()
        return self._model

    def annotate(self, sources: Sequence[Article], derived: Article) -> list[AnnotatedArticle]:
        """Parsed sources and derived text.

        Sources are kept parsed (a few, keyed by id and text): auditing several rewrites of one
        wire story parses the wire once. An undated derived text is read as of its sources'
        latest date (recorded as ``metadata.published_from = "sources"``): a rewrite's "on
        Sunday" must be comparable with the wire's "on Monday"; give it a date to override."""
        require_unique_ids([(a.id, a.path) for a in (*sources, derived)], "audit")
        todo = [a for a in sources if (a.id, a.text) not in self._parsed]
        for art, ann in zip(todo, self.pipeline.annotate(todo, keep_docs=True), strict=True):
            self._parsed[(art.id, art.text)] = ann
            while len(self._parsed) > SOURCE_CACHE:
                self._parsed.pop(next(iter(self._parsed)))
        anns = [self._parsed[(a.id, a.text)] for a in sources]
        dates = [a.published for a in sources if a.published is not None]
        derived = with_reference_date(derived, max(dates, default=None), "sources")
        return [*anns, *self.pipeline.annotate([derived], keep_docs=True)]

    def audit(self, sources: Sequence[Article], derived: Article) -> AuditReport:
        anns = self.annotate(sources, derived)
        return audit_annotated(
            anns[:-1], anns[-1], self._cached_embed, self.model, self.vectors, entail=self.entailment
        )

    def trace(self, sources: Sequence[Article], derived: Article) -> tuple[AuditReport, list[Trace]]:
        """The audit and, per derived sentence, what the carried-in-other-words rule decided
        from: what ``newstrace bench calibrate`` re-labels under other settings without parsing
        again."""
        anns = self.annotate(sources, derived)
        out: list[Trace] = []
        report = audit_annotated(
            anns[:-1], anns[-1], self._cached_embed, self.model, self.vectors, out, self.entailment
        )
        return report, out

    def features(
        self, sources: Sequence[Article], derived: Article
    ) -> list[tuple[int, int, dict[str, float]]]:
        """(start, end, features) of every derived sentence: what training and evaluation read."""
        anns = self.annotate(sources, derived)
        ctx = _Context(anns[:-1], anns[-1], self._cached_embed, self.entailment)
        return [(s.start, s.end, ctx.features(n)) for n, s in enumerate(ctx.dsents)]


class _EmbedCache:
    """An embedding function that remembers the vectors of the last EMBED_CACHE texts."""

    def __init__(self, embed: Embed) -> None:
        self.embed = embed
        self.vectors: dict[str, np.ndarray[Any, Any]] = {}

    def __call__(self, texts: list[str]) -> np.ndarray[Any, Any]:
        if not texts:
            return np.asarray(self.embed([]))
        todo = list(dict.fromkeys(t for t in texts if t not in self.vectors))
        fresh = dict(zip(todo, self.embed(todo), strict=True)) if todo else {}
        out: np.ndarray[Any, Any] = np.stack([fresh[t] if t in fresh else self.vectors[t] for t in texts])
        self.vectors.update(fresh)
        while len(self.vectors) > EMBED_CACHE:
            self.vectors.pop(next(iter(self.vectors)))
        return out


def audit_articles(
    sources: Sequence[Article], derived: Article, settings: Settings | None = None, embed: Embed | None = None
) -> AuditReport:
    """One-off audit; for many texts build an :class:`Auditor` once instead."""
    return Auditor(settings, embed).audit(sources, derived)


@dataclass(frozen=True)
class _Sent:
    ann: AnnotatedArticle
    start: int
    end: int
    toks: list[Tok]

    @property
    def text(self) -> str:
        return self.ann.article.text[self.start : self.end]


# Web-page furniture that text extraction leaves in a saved article: ad slots, share and
# subscribe prompts, links to other stories, photo credits and captions. Never a claim of the
# article, so never evidence and never an omission.
_FURNITURE = re.compile(
    r"^\W*(advertisement|story continues below|continue reading|read more|read next|related( stories| articles| coverage)?\b"
    r"|more on this( story)?\b|recommended\b|click here|sign up|subscribe|follow us|share (this|on)|listen to (this|the)"
    r"|watch:|video:|photo:|image( copyright| caption| source)?:?|caption:|pictured:|getty images|copyright ©"
    r"|all rights reserved|this (article|story) (was|has been) (updated|corrected)|(posted|published|updated)( on)?:)"
    r"(?=\W|$)",
    re.IGNORECASE,
)


def is_furniture(text: str, toks: Sequence[Tok]) -> bool:
    """Whether a source sentence is page furniture rather than the article's text: a line that
    starts like an ad slot, a prompt, a credit or a caption label, or a short line with no verb
    ("Getty Images", "More from Politics", "Photo: AP")."""
    line = text.strip()
    if _FURNITURE.match(line):
        return True
    words = [t for t in toks if t.pos not in ("PUNCT", "SYM", "SPACE")]
    return (
        0 < len(words) <= 6
        and not any(t.pos in ("VERB", "AUX") for t in toks)
        and not any(c.isdigit() for c in line)
    )


# How a sentence ends: terminal punctuation, maybe inside a closing quote or bracket.
_ENDS = re.compile(r"[.!?…:;][\"'”’)\]]*$")


def _spans(ann: AnnotatedArticle) -> list[tuple[int, int]]:
    """The parser's sentences, with a fragment it cut off in mid-line glued to what follows:
    a sentence ends at terminal punctuation or at a line end. After a page's furniture line
    the parser may split "Army | helicopters joined the search" and lose the first word."""
    text = ann.article.text
    out: list[tuple[int, int]] = []
    glue = False
    for s in ann.sentences:
        if glue and out:
            out[-1] = (out[-1][0], s.end)
        else:
            out.append((s.start, s.end))
        a, b = out[-1]
        rest = text[b : b + 200]
        glue = (
            bool(rest) and "\n" not in rest[: len(rest) - len(rest.lstrip())] and not _ENDS.search(text[a:b])
        )
    return out


def _flat(text: str) -> str:
    """Text compared for copying: one kind of quote mark and space, lower case."""
    return " ".join(text.translate(_QUOTES).lower().split())


def _verbatim(derived: str, sources: Sequence[str]) -> bool:
    """Whether a derived sentence is a source's own words (its closing punctuation aside)."""
    words = _flat(derived).rstrip(".!?;:,\"' ")
    return len(words.split()) >= VERBATIM_WORDS and any(words in src for src in sources)


_WORD = re.compile(r"\w[\w'’.,-]*\w|\w")


def _plain_toks(text: str, start: int, end: int) -> list[Tok]:
    """Words of unparsed text as tokens that only their forms can match (no tag, no parse):
    enough to find a name or a number written there."""
    out: list[Tok] = []
    for m in _WORD.finditer(text, start, end):
        low = m.group().lower().rstrip(".,")
        norm = low.replace(",", "")
        content = low not in STOP_WORDS  # "the", "will" of a title-case headline say nothing
        tok = Tok(m.start(), m.start() + len(low), low, NUMBER_WORDS.get(norm, norm), "X", "", len(out), "", "",
                  low, content, False)  # fmt: skip
        out.append(tok)
    return out


def _sentences(ann: AnnotatedArticle, source: bool = False, furniture: bool = False) -> list[_Sent]:
    """The article's sentences; of a source, its text's (``furniture``: its page furniture's)."""
    text = ann.article.text
    out = []
    spans = _spans(ann) if source else [(s.start, s.end) for s in ann.sentences]
    parsed = set(spans)
    if furniture:
        # Text no sentence covers (a headline the segmenter set apart) is furniture too.
        cuts = [0, *(x for span in spans for x in span), len(text)]
        gaps = [
            (cuts[k], cuts[k + 1]) for k in range(0, len(cuts) - 1, 2) if text[cuts[k] : cuts[k + 1]].strip()
        ]
        spans = sorted(spans + [g for g in gaps if g[0] < g[1]])
    for start, end in spans:
        piece = text[start:end]
        if not piece.strip():
            continue
        toks = toks_of(ann.docs, start, end)
        gap = furniture and (start, end) not in parsed
        if gap and not toks:
            toks = _plain_toks(text, start, end)  # a headline the pipeline did not parse
        if source and not gap and is_furniture(piece, toks) != furniture:
            continue
        out.append(_Sent(ann, start, end, toks))
    return out


class _Context:
    """One audit's parses, embeddings and indexes, shared by the steps."""

    def __init__(
        self,
        sources: Sequence[AnnotatedArticle],
        derived: AnnotatedArticle,
        embed: Embed,
        entail: Entailment | None = None,
    ) -> None:
        self.sources = list(sources)
        self.derived = derived
        self.dsents = _sentences(derived)
        self.ssents = [s for a in self.sources for s in _sentences(a, source=True)]
        self.index = SourceIndex()
        for s in self.ssents:
            self.index.add(s.toks)
        # Page furniture is no evidence and nothing to omit, but a name or number a derived
        # sentence takes from a headline or dateline ("20-13 win in K. C. Posted on ...",
        # "(March 20, 2007)") is in the sources: the unit checks look there too.
        self.furniture = [s for a in self.sources for s in _sentences(a, source=True, furniture=True)]
        self.full_index = SourceIndex()
        for s in [*self.ssents, *self.furniture]:
            self.full_index.add(s.toks)
        # Embedding every source sentence costs more than the rest of the audit together, so
        # only the sentences sharing the most (rarer) words with some derived sentence are
        # embedded; the others keep similarity 0.
        picked = sorted(self._lexical_candidates())
        texts = [s.text for s in self.dsents] + [self.ssents[j].text for j in picked]
        vecs = embed(texts)
        dv, sv = vecs[: len(self.dsents)], vecs[len(self.dsents) :]
        self.sims = np.zeros((len(self.dsents), len(self.ssents)), dtype=np.float32)
        if picked:
            self.sims[:, picked] = dv @ sv.T
        # Claims of each source sentence, found once: distortions and omissions both ask.
        self.claims_in: list[list[StoryClaim]] = [[] for _ in self.ssents]
        self.sentence_of: dict[int, int] = {}  # id(claim) -> its source sentence
        # Entailment readings, made when first asked: the rule reads only sentences no typed
        # check, opinion or dropped hedge has decided (each pair is read alone, so nothing is
        # lost by not batching).
        self._nli = entail if self.ssents else None
        self.readings: dict[int, float] = {}

    def reading(self, n: int) -> float | None:
        """The entailment model's reading of derived sentence ``n`` by its :meth:`premise`
        (None without a model)."""
        if self._nli is None:
            return None
        if n not in self.readings:
            self.readings[n] = self._nli([self.premise(n)], [self.dsents[n].text])[0]
        return self.readings[n]

    def premise(self, n: int) -> str:
        """The best evidence of derived sentence ``n`` (up to four sentences; a summary sentence
        often fuses two or three), taken best first while it fits the entailment model's input
        uncut, then put in source order."""
        assert self._nli is not None
        d = self.dsents[n]
        order = {id(a): k for k, a in enumerate(self.sources)}
        # The two source sentences sharing the most rare words and the two closest in meaning
        # (on the written summaries the union separates faithful from edited sentences better
        # than either: AUC 0.726 against 0.723 and 0.703), alternately.
        lexical = self.lexical[n][:2]
        close = [j for j, _ in self.top(n, 2)]
        best = list(dict.fromkeys(j for pair in zip_longest(lexical, close) for j in pair if j is not None))
        kept = [best[i] for i in self._nli.fit([self.ssents[j].text for j in best], d.text)]
        picked = sorted(kept, key=lambda j: (order[id(self.ssents[j].ann)], self.ssents[j].start))
        return " ".join(self.ssents[j].text for j in picked)

    def _lexical_candidates(self) -> set[int]:
        df: dict[str, int] = defaultdict(int)
        bags = [{t.lemma for t in s.toks if t.content} for s in self.ssents]
        for bag in bags:
            for w in bag:
                df[w] += 1
        n = len(bags) + 1
        idf = {w: math.log(n / c) + 0.1 for w, c in df.items()}
        picked: set[int] = set()
        self.lexical: list[list[int]] = []  # per derived sentence, the source sentences sharing most
        for d in self.dsents:
            words = {t.lemma for t in d.toks if t.content}
            scored = [(sum(idf[w] for w in words & bag), j) for j, bag in enumerate(bags)]
            best = sorted((x for x in scored if x[0] > 0), reverse=True)[:LEXICAL_K]
            picked.update(j for _, j in best)
            self.lexical.append([j for _, j in best])
        return picked

    def index_claims(self, sclaims: Sequence[StoryClaim]) -> None:
        starts: dict[int, list[tuple[int, int, int]]] = defaultdict(list)  # article -> sentences
        for j, s in enumerate(self.ssents):
            starts[id(s.ann)].append((s.start, s.end, j))
        for c in sclaims:
            for a, b, j in starts[id(c.ann)]:
                if a <= c.claim.start < b:
                    self.claims_in[j].append(c)
                    self.sentence_of[id(c)] = j
                    break

    def top(self, n: int, k: int = EVIDENCE_K) -> list[tuple[int, float]]:
        row = self.sims[n]
        if not row.size:
            return []
        order = np.argsort(-row, kind="stable")[:k]
        return [(int(j), float(row[j])) for j in order]

    def features(self, n: int, entail: bool = True) -> dict[str, float]:
        """The support features of derived sentence ``n``; ``entail``: with the entailment
        reading (when a model is loaded), which costs a model run."""
        top = self.top(n)
        d = self.dsents[n]
        feats = sentence_features(
            d.toks, self.index, [self.ssents[j].toks for j, _ in top], [c for _, c in top]
        )
        reading = self.reading(n) if entail else None
        if reading is not None:
            feats["entail"] = reading
        return feats


@dataclass(frozen=True, slots=True)
class Trace:
    """One derived sentence's label and what the support decision read: calibration
    (``newstrace bench calibrate``) re-labels traces under other settings without parsing
    again. ``key_aligned``: every name and number has a counterpart; ``unaligned``: content
    words without one; ``units``: units checked; ``cos1``: the best sentence cosine."""

    start: int
    end: int
    label: AuditLabel
    reached: bool  # the support decision was made (no contradiction, opinion or dropped hedge)
    score: float  # the support score
    adds_numbers: bool  # it gives a number the sources never give (unsupported whatever the score)
    key_aligned: bool
    unaligned: int
    units: int
    cos1: float
    entail: float | None = None  # the entailment model's reading, None without one
    invents: bool = False  # it gives a name or number the sources never mention
    copy: bool = False  # a source's own words: the entailment doubt never applies

    def carried(self, unaligned: int, cosine: float) -> bool:
        """The alignment rule under other thresholds (``SupportModel.carried``)."""
        return carried(self.units, self.key_aligned, self.unaligned, self.cos1, unaligned, cosine)

    def consistent(self, rule: Decision) -> bool:
        """Whether the label under other settings (the support score's threshold and the
        entailment rule's among them) would leave the sentence consistent."""
        if not self.reached:
            return self.label in CONSISTENT_LABELS
        ok = (
            rule.support_by == "score" and self.score >= rule.threshold and not self.adds_numbers
        ) or self.carried(rule.carried_unaligned, rule.carried_cosine)
        return entailment_rule(
            ok, self.entail, rule.entailed_from, rule.doubted_below, self.invents, self.copy
        )


def audit_annotated(
    sources: Sequence[AnnotatedArticle],
    derived: AnnotatedArticle,
    embed: Embed,
    model: SupportModel,
    vectors: WordVectors | None = None,
    trace: list[Trace] | None = None,
    entail: Entailment | None = None,
) -> AuditReport:
    ctx = _Context(sources, derived, embed, entail)
    entities = resolve_entities([*ctx.sources, derived])
    story_ids = {ref: e.id for e in entities for ref in e.members}
    names = {e.id: e for e in entities}
    units = SourceUnits(
        [(s.ann.article.text, s.toks) for s in [*ctx.ssents, *ctx.furniture]],
        vectors,
        _aliases(entities, derived),
        body=len(ctx.ssents),
    )
    claims = story_claims([*ctx.sources, derived], story_ids, entities)
    dclaims = [c for c in claims if c.ann is derived]
    sclaims = [c for c in claims if c.ann is not derived]
    ctx.index_claims(sclaims)
    # A claim of a headline or furniture line (a related story's link) states nothing the
    # derived text is checked against.
    sclaims = [c for c in sclaims if id(c) in ctx.sentence_of]
    flat_sources = [_flat(a.article.text) for a in ctx.sources]
    out: list[AuditSentence] = []
    for n, d in enumerate(ctx.dsents):
        top = ctx.top(n)
        evidence = tuple(
            Evidence(s.ann.article.id, s.start, s.end, s.text, round(cos, 4))
            for j, cos in top
            for s in (ctx.ssents[j],)
        )
        mine = [c for c in dclaims if d.start <= c.claim.start < d.end]
        found = _distortions([(c, _candidates(ctx, n, sclaims, c)) for c in mine], names, units)
        found += _swapped_names(ctx, n, found)
        found += _reversed_words(ctx, n, found)
        found += _swapped_roles(ctx, n, found)
        found += _added_negation(ctx, n, found)
        found += _moved_statements(ctx, n, found, units, story_ids)
        aligned = units.align(d.toks, d.ann.article.text)
        if not any(f.type in _CONTRADICTING for f in found):
            found += tuple(x for x in aligned.distortions if x not in found)
        copy = _verbatim(d.text, flat_sources)
        if copy:
            # The source says these very words: a typed check that calls them changed has
            # matched another sentence. A dropped hedge or relay still counts.
            found = tuple(f for f in found if f.type not in _CONTRADICTING)
        # The entailment reading only where the support model reads it; otherwise when the rule
        # needs it (below, through ``reading``).
        feats = ctx.features(n, entail="entail" in model.features)
        score = model.score(feats)
        new_numbers = unseen_numbers(d.toks, ctx.full_index)
        here = _only_here(entities, derived, d, ctx.full_index)
        label, reason = _label(
            mine,
            feats,
            score,
            model.threshold,
            found,
            evidence,
            here,
            unseen_names(d.toks, ctx.full_index),
            new_numbers,
            aligned,
            model,
            partial(ctx.reading, n),
            copy,
            always_read=trace is not None,
        )
        if trace is not None:
            soft = any(f.type in ("hedge_dropped", "relay_dropped") for f in found)
            reached = label != "opinion" and not soft and not any(f.type in _CONTRADICTING for f in found)
            trace.append(
                Trace(
                    d.start,
                    d.end,
                    label,
                    reached,
                    score,
                    bool(new_numbers),
                    aligned.key_units_aligned,
                    len(aligned.unaligned_words),
                    aligned.units,
                    feats["cos1"],
                    ctx.readings.get(n),
                    bool(new_numbers or here),
                    copy,
                )  # fmt: skip
            )
        out.append(AuditSentence(d.start, d.end, d.text, label, round(score, 4), evidence, reason, found))
    checked = [s for s in out if s.label != "opinion"]
    consistent = all(s.label in CONSISTENT_LABELS for s in out)
    # Rank by the weakest factual sentence: one invented or contradicted sentence is what matters.
    score = min((s.score if s.label != "contradicted" else 0.0 for s in checked), default=1.0)
    return AuditReport(
        derived=derived.article.id,
        sources=tuple(a.article.id for a in ctx.sources),
        consistent=consistent,
        score=round(score, 4),
        sentences=tuple(out),
        omissions=tuple(_omissions(ctx)),
    )


# ---------------------------------------------------------------------------- distortions


def _candidates(ctx: _Context, n: int, sclaims: Sequence[StoryClaim], d: StoryClaim) -> list[StoryClaim]:
    """Source claims that may state the same fact as derived claim ``d`` (in sentence ``n``):
    those in sentences worded alike, and, as in ``compare``, those dating the same word or
    reporting a statement on the same day, however differently worded ("Putin announced on
    April 26" / "was announced by Gerasimov on April 26")."""
    near = {j for j, cos in ctx.top(n, k=8) if cos >= SAME_FACT}
    out = [c for c in sclaims if ctx.sentence_of.get(id(c), -1) in near]
    taken = {id(c) for c in out}
    heads = event_dates(d)
    days = dates(d)
    for c in sclaims:
        if id(c) in taken:
            continue
        ch = event_dates(c)
        same_word = any(same_date(x, y) for h in heads.keys() & ch.keys() for x in heads[h] for y in ch[h])
        same_day = bool(d.cues & c.cues) and any(same_date(x, y) for x in days for y in dates(c))
        if same_word or same_day:
            out.append(c)
    return out


# Entity types whose swap changes the fact ("the council of Warsaw" for "of Gdansk").
_SWAP_KINDS = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organisation",
    "NORP": "nationality or group",  # "the Polish media" for "the American media"
}


def _name_runs(toks: Sequence[Tok]) -> list[tuple[frozenset[str], str]]:
    """Runs of proper-noun tokens (a name as written, NER or not): (their lower-cased words,
    their entity type or "")."""
    runs: list[list[Tok]] = []
    for i, t in enumerate(toks):
        if t.pos == "PROPN":
            if runs and i > 0 and runs[-1][-1] is toks[i - 1]:
                runs[-1].append(t)
            else:
                runs.append([t])
    return [(frozenset(t.lower for t in r), next((t.ent for t in r if t.ent), "")) for r in runs]


def _written_as_name(toks: Sequence[Tok], text: str) -> bool:
    # Hyphens, apostrophes and periods occur inside names ("O’Neill", "U.S.", "Al-Assad").
    return bool(toks) and all(
        text[t.start : t.end][:1].isupper()
        and re.sub(r"[-.'’]", "", text[t.start : t.end]).isalpha()
        and t.end - t.start > 1
        for t in toks
    )


def _same_neighbour(
    dtoks: Sequence[Tok], dch: Sequence[Tok], stoks: Sequence[Tok], sch: Sequence[Tok]
) -> bool:
    """Whether the changed names are followed by the same word, a surname ("Gabby Giffords" /
    "Gabrielle Giffords" is one person). A shared title before them ("Mayor") proves nothing."""
    di, si = dtoks.index(dch[-1]), stoks.index(sch[-1])
    if di + 1 >= len(dtoks) or si + 1 >= len(stoks):
        return False
    a, b = dtoks[di + 1], stoks[si + 1]
    if not (a.lower == b.lower and a.pos in ("PROPN", "NOUN") and a.lower.isalpha()):
        return False
    # "Gabby" / "Gabrielle", "Bill" / "William" may be one person, and so may names sharing an
    # initial that no table knows; "Chelsea Clinton" is not "Hillary Clinton".
    return dch[0].lower[:1] == sch[0].lower[:1] or same_first_name(dch[0].lower, sch[0].lower)


def _changed_names(dtoks: Sequence[Tok], stoks: Sequence[Tok]) -> tuple[list[Tok], list[Tok]] | None:
    """The one name of each sentence that the other lacks, by proper-noun runs: a run is changed
    when it has words the other sentence lacks ("Mayor Piotr Nowak" against "Mayor Anna Kowal";
    "Kowal" against "Anna Kowal" is the same name). Against all the other sentence's words, not
    only its names: the tagger may miss a name there ("Trump has had")."""
    dwords = {t.lower for t in dtoks}
    swords = {t.lower for t in stoks}
    only_d = [r for r in _name_runs(dtoks) if r[0] - swords]
    only_s = [r for r in _name_runs(stoks) if r[0] - dwords]
    if len(only_d) != 1 or len(only_s) != 1:
        return None
    dt_ = [t for t in dtoks if t.pos == "PROPN" and t.lower in only_d[0][0] - swords]
    st_ = [t for t in stoks if t.pos == "PROPN" and t.lower in only_s[0][0] - dwords]
    return (dt_, st_) if dt_ and st_ else None


def _aligned_names(dtoks: Sequence[Tok], stoks: Sequence[Tok]) -> tuple[list[Tok], list[Tok]] | None:
    """The one name replaced by another in the same place, when the sentences line up word for
    word but there: "Oregon slapped tariffs on ... Mexico" for "Mexico slapped tariffs on ...
    Mexico", where the source's name is still in the derived sentence, so no run is missing.
    Words the derived text drops elsewhere are allowed; words it adds are not."""
    ops = SequenceMatcher(
        a=[t.lower for t in stoks], b=[t.lower for t in dtoks], autojunk=False
    ).get_opcodes()
    changes = [op for op in ops if op[0] != "equal"]
    replaced = [op for op in changes if op[0] == "replace"]
    if len(replaced) != 1 or any(op[0] == "insert" for op in changes):
        return None
    _, s0, s1, d0, d1 = replaced[0]
    st_, dt_ = list(stoks[s0:s1]), list(dtoks[d0:d1])

    def name_like(toks: list[Tok]) -> bool:
        def word(t: Tok) -> bool:
            return t.pos == "PROPN" or t.ent in _SWAP_KINDS

        return (
            len(toks) <= 6
            and word(toks[0])
            and word(toks[-1])
            and all(word(t) or t.lower in _NAME_GLUE for t in toks)
        )

    return (dt_, st_) if name_like(dt_) and name_like(st_) else None


def _alike(ctx: _Context, n: int, found: Sequence[Distortion]) -> tuple[_Sent, _Sent] | None:
    """Derived sentence ``n`` and its best source sentence, when they are worded alike enough
    (cosine >= SWAP_MIN) for one changed word or name to be a change of the same fact, and no
    contradiction is known yet: what each one-slot check below starts from."""
    top = ctx.top(n, k=1)
    if not top or top[0][1] < SWAP_MIN or any(f.type in _CONTRADICTING for f in found):
        return None
    return ctx.dsents[n], ctx.ssents[top[0][0]]


def _shares_rest(rest_d: set[str], rest_s: set[str]) -> bool:
    """Whether the source sentence shares the derived one's other content words (SWAP_REST)."""
    return bool(rest_d) and len(rest_d & rest_s) >= SWAP_REST * len(rest_d)


def _swapped_names(ctx: _Context, n: int, found: Sequence[Distortion]) -> tuple[Distortion, ...]:
    """A derived sentence worded like its best source sentence but naming another person, place
    or organisation in one slot: exactly one name on each side that the other side lacks, of
    the same type where the tagger typed both, the rest of the words shared. Typed conflicts
    from claim comparison come first; this catches the rest (a swapped place inside a noun
    phrase, a swapped doer of an act), which the new-name checks miss when both names occur in
    the sources."""
    pair = _alike(ctx, n, found)
    if pair is None:
        return ()
    d, s = pair
    changed = _changed_names(d.toks, s.toks) or _aligned_names(d.toks, s.toks)
    if not changed:
        return ()
    dt_, st_ = changed
    dtype = next((t.ent for t in dt_ if t.ent), "")
    stype = next((t.ent for t in st_ if t.ent), "")
    if dtype and stype and _SWAP_KINDS.get(dtype, dtype) != _SWAP_KINDS.get(stype, stype):
        return ()  # a person for a place: another fact, not a swap
    rest_d = {t.lemma for t in d.toks if t.content and t.pos != "PROPN" and t not in dt_}
    rest_s = {t.lemma for t in s.toks if t.content and t.pos != "PROPN" and t not in st_}
    if not _shares_rest(rest_d, rest_s):
        return ()
    dtext, stext = d.ann.article.text, s.ann.article.text
    dt_ = [t for t in dt_ if t.pos == "PROPN" or (t.ent and t.lower not in _NAME_GLUE)]
    st_ = [t for t in st_ if t.pos == "PROPN" or (t.ent and t.lower not in _NAME_GLUE)]
    if not _written_as_name(dt_, dtext) or not _written_as_name(st_, stext):
        return ()  # "u", "-", or a lower-cased summary the tagger guessed at
    if _same_neighbour(d.toks, dt_, s.toks, st_):
        return ()  # "Gabby Giffords" / "Gabrielle Giffords": one person, another first name
    dw = dtext[dt_[0].start : dt_[-1].end]
    sw = stext[st_[0].start : st_[-1].end]
    if re.sub(r"[\W_]", "", dw.casefold()) == re.sub(r"[\W_]", "", sw.casefold()):
        return ()  # one name split or spelled another way ("U.s" / "U. S.")

    def speaks(ann: AnnotatedArticle, t: Tok) -> bool:
        return any(
            q.speaker_span and q.speaker_span.start <= t.start < q.speaker_span.end for q in ann.quotes
        )

    person = "PERSON" in (dtype, stype)  # "the council of Warsaw approved": a place, though it speaks
    if person and speaks(d.ann, dt_[0]) and speaks(s.ann, st_[0]):
        why = f"The derived text gives this statement to {dw!r}; the source, otherwise alike, to {sw!r}."
        return (Distortion("attribution_moved", dw, sw, why),)
    kind = _SWAP_KINDS.get(dtype or stype, "name")
    why = f"The derived text names the {kind} {dw!r} where the source, otherwise alike, names {sw!r}."
    return (Distortion("entity_swapped", dw, sw, why),)


def _moved_statements(
    ctx: _Context, n: int, found: Sequence[Distortion], units: SourceUnits, story_ids: dict[str, str]
) -> tuple[Distortion, ...]:
    """A statement the derived text gives to one named speaker and the sources to another: the
    content of one of the derived sentence's quotations has its counterparts (same words,
    lemmas or near-synonyms) in one source quotation's content, clearly more than in any other,
    and the two speakers are named and are not one entity ("a charge Clinton's spokesman called
    'pathetic'" against "President Obama called it 'pathetic'"). The predicate checks need the
    statement's verb and arguments alike; a quotation's content is what identifies it."""
    if any(f.type in _CONTRADICTING for f in found):
        return ()
    d = ctx.dsents[n]

    def named(ann: AnnotatedArticle, q: Quote) -> list[Tok] | None:
        sp = q.speaker_span
        if sp is None:
            return None
        sents = ctx.dsents if ann is ctx.derived else [s for s in ctx.ssents if s.ann is ann]
        toks = [t for s in sents for t in s.toks if sp.start <= t.start < sp.end]
        # A named speaker, not a description ("the UN special envoy" is someone the source may
        # call by name): the phrase's head, the token whose head lies outside it, is a name.
        inside = {id(t) for t in toks}
        heads = [t for s in sents for t in s.toks if id(t) in inside and id(s.toks[t.head]) not in inside]
        if not heads or heads[0].pos != "PROPN":
            return None
        names = [t for t in toks if t.pos == "PROPN" and t.lower.isalpha()]
        return names or None

    def entity(ann: AnnotatedArticle, q: Quote) -> str | None:
        if q.speaker_entity is None:
            return None
        return story_ids.get(f"{ann.article.id}/{q.speaker_entity}")

    # Statements of this sentence only.
    mine = [q for q in ctx.derived.quotes if d.start <= q.content.start and q.content.end <= d.end + 1]
    if not mine:
        return ()
    source_toks: dict[int, list[Tok]] = defaultdict(list)  # each source article's tokens, once
    for s in ctx.ssents:
        source_toks[id(s.ann)] += s.toks
    for qd in mine:
        dspeaker = named(ctx.derived, qd)
        content = [t for t in d.toks if qd.content.start <= t.start < qd.content.end and t.content]
        if dspeaker is None or len(content) < 3:
            continue
        scored: list[tuple[float, AnnotatedArticle, Quote]] = []
        for ann in ctx.sources:
            stoks = source_toks[id(ann)]
            for qs in ann.quotes:
                inside = [t for t in stoks if qs.content.start <= t.start < qs.content.end and t.content]
                if not inside:
                    continue
                held = sum(1 for t in content if any(units.stands_for(t, u) for u in inside))
                scored.append((held / len(content), ann, qs))
        if not scored:
            continue
        scored.sort(key=lambda x: -x[0])
        best, ann, qs = scored[0]
        if best < 0.6 or (
            len(scored) > 1 and scored[1][0] > best - 0.2 and scored[1][2].speaker != qs.speaker
        ):
            continue  # no one quotation says it, or two speakers say it alike
        sspeaker = named(ann, qs)
        if sspeaker is None:
            continue
        dwords = {t.lower for t in dspeaker}
        swords = {t.lower for t in sspeaker}
        if dwords & swords or units.aliases & swords:
            continue
        around = {
            t.lower
            for s in ctx.ssents
            if s.ann is ann and s.start <= qs.content.start < s.end
            for t in s.toks
        }
        if dwords & (around | {w.lower() for v in qs.via for w in v.split()}):
            continue  # the source names the derived speaker beside it: a relay ("X reported Y said")
        ed, es = entity(ctx.derived, qd), entity(ann, qs)
        if ed is not None and ed == es:
            continue
        dtext, stext = ctx.derived.article.text, ann.article.text
        dw = dtext[dspeaker[0].start : dspeaker[-1].end]
        sw = stext[sspeaker[0].start : sspeaker[-1].end]
        why = f"The derived text gives this statement to {dw!r}; the source, to {sw!r}."
        return (Distortion("attribution_moved", dw, sw, why),)
    return ()


def _reversed_words(ctx: _Context, n: int, found: Sequence[Distortion]) -> tuple[Distortion, ...]:
    """A derived sentence worded like its best source sentence but with one word turned into its
    opposite ("shares fell" for "shares rose", "the court rejected" for "approved", "before"
    for "after"; ``data/antonyms.tsv``): the rest of the words shared, the same number of
    negations on both sides ("did not win" for "lost" says the same), and neither sentence
    holding both words ("rose, then fell" is no reversal)."""
    pair = _alike(ctx, n, found)
    if pair is None:
        return ()
    d, s = pair
    if sum(t.neg for t in d.toks) != sum(t.neg for t in s.toks):
        return ()
    dlow = {t.lower for t in d.toks}
    slow = {t.lower for t in s.toks}
    for t in d.toks:
        for o in readings(t.lower, t.pos):
            if slow & set(o.family) or dlow & set(o.opposite_family):
                continue
            there = [u for u in s.toks if u.lower in o.opposite_family and u.pos in o.pos]
            if not there:
                continue
            rest_d = {x.lemma for x in d.toks if x.content and x is not t}
            rest_s = {x.lemma for x in s.toks if x.content and x is not there[0]}
            if not _shares_rest(rest_d, rest_s):
                return ()
            dw = d.ann.article.text[t.start : t.end]
            sw = s.ann.article.text[there[0].start : there[0].end]
            why = (
                f"The derived text says {dw!r} where the source, otherwise alike, says the opposite, {sw!r}."
            )
            return (Distortion("meaning_reversed", dw, sw, why),)
    return ()


# What a negation adds or takes away besides itself: "took" -> "did not take".
_NEGATION_WORDS = {"not", "n't", "never", "no"}
_NEGATION_GLUE = {"do", "does", "did", "be", "have", "will", "would", "can", "could"}


def _added_negation(ctx: _Context, n: int, found: Sequence[Distortion]) -> tuple[Distortion, ...]:
    """A derived sentence that is its best source sentence, word for word (by lemma), but for a
    negation put in or taken out ("Trump did not take offense" for "Trump took offense"): a
    flip the claim comparison misses when the sentence holds another negation already, or no
    claim was read from it."""
    pair = _alike(ctx, n, found)
    if pair is None:
        return ()
    d, s = pair
    dt_ = [t for t in d.toks if t.pos != "PUNCT"]
    st_ = [t for t in s.toks if t.pos != "PUNCT"]
    dl = [t.lemma.casefold() for t in dt_]
    sl = [t.lemma.casefold() for t in st_]
    changes = [op for op in SequenceMatcher(a=sl, b=dl, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not changes:
        return ()
    added = [w for op in changes if op[0] in ("insert", "replace") for w in dl[op[3] : op[4]]]
    dropped = [w for op in changes if op[0] in ("delete", "replace") for w in sl[op[1] : op[2]]]
    if not set(added + dropped) <= _NEGATION_WORDS | _NEGATION_GLUE:
        return ()
    plus = sum(w in _NEGATION_WORDS for w in added) - sum(w in _NEGATION_WORDS for w in dropped)
    if plus == 0:
        return ()
    # The changed words and the word after them on each side: "did not take" / "took".
    _, i1, i2, j1, j2 = changes[0]
    dspan = dt_[j1 : min(j2 + 1, len(dt_))]
    sspan = st_[i1 : min(i2 + 1, len(st_))]
    dw = d.ann.article.text[dspan[0].start : dspan[-1].end] if dspan else ""
    sw = s.ann.article.text[sspan[0].start : sspan[-1].end] if sspan else ""
    what = "negates" if plus > 0 else "states"
    why = f"The derived text {what} what the source, otherwise word for word, "
    why += f"{'states' if plus > 0 else 'negates'}: {dw!r} for {sw!r}."
    return (Distortion("negation_flipped", dw, sw, why),)


def _roles(toks: Sequence[Tok]) -> dict[tuple[str, str, str], tuple[Tok, Tok]]:
    """(verb lemma, doer, undergoer) of every verb with both, by the head words' lower-cased
    forms, active or passive: "the mayor opened the bridge" and "the bridge was opened by the
    mayor" give the same triple. Pronouns are left out: what they stand for is unknown here."""
    out: dict[tuple[str, str, str], tuple[Tok, Tok]] = {}
    for i, v in enumerate(toks):
        if v.pos != "VERB":
            continue
        doer: Tok | None = None
        undergoer: Tok | None = None
        for j, c in enumerate(toks):
            if c.head != i or j == i:
                continue
            if c.dep == "nsubj":
                doer = c
            elif c.dep in ("dobj", "nsubjpass"):
                undergoer = c
            elif c.dep == "agent":  # "by the mayor": the doer is the preposition's object
                doer = next(
                    (x for k, x in enumerate(toks) if x.head == j and k != j and x.dep == "pobj"), doer
                )
        if doer and undergoer and "PRON" not in (doer.pos, undergoer.pos) and doer.lower != undergoer.lower:
            out[(v.lemma, doer.lower, undergoer.lower)] = (doer, undergoer)
    return out


def _swapped_roles(ctx: _Context, n: int, found: Sequence[Distortion]) -> tuple[Distortion, ...]:
    """A derived sentence worded like its best source sentence but with the doer and the one it
    was done to exchanged ("the bank sued the regulator" for "the regulator sued the bank"):
    the same verb with the two roles the other way round, the source never saying it the
    derived text's way, and the rest of the words shared."""
    pair = _alike(ctx, n, found)
    if pair is None:
        return ()
    d, s = pair
    if not _shares_rest({x.lemma for x in d.toks if x.content}, {x.lemma for x in s.toks if x.content}):
        return ()
    droles, sroles = _roles(d.toks), _roles(s.toks)
    for (verb, doer, undergoer), (dt, ut) in droles.items():
        if (verb, undergoer, doer) in sroles and (verb, doer, undergoer) not in sroles:
            text = d.ann.article.text
            a, b = _phrase(d.toks, dt, text), _phrase(d.toks, ut, text)
            why = (
                f"The derived text has {a!r} as the one who acts and {b!r} as the one acted on "
                f"({verb!r}); the source, otherwise alike, has them the other way round."
            )
            return (Distortion("roles_swapped", f"{a} / {b}", f"{b} / {a}", why),)
    return ()


def _phrase(toks: Sequence[Tok], head: Tok, text: str) -> str:
    """The words of ``head``'s noun phrase (it and the tokens hung on it, left of it)."""
    i = toks.index(head)
    start = i
    while (
        start > 0
        and toks[start - 1].head == i
        and toks[start - 1].dep in ("compound", "amod", "det", "poss", "nmod", "nummod", "case")
    ):
        start -= 1
    return text[toks[start].start : head.end]


def _distortions(
    pairs: Sequence[tuple[StoryClaim, Sequence[StoryClaim]]],
    names: dict[str, Any],
    units: SourceUnits | None = None,
) -> tuple[Distortion, ...]:
    found: list[Distortion] = []
    seen: set[tuple[str, str, str]] = set()

    def add(kind: DistortionType, derived: str, source: str, why: str) -> None:
        if (kind, derived, source) not in seen:
            seen.add((kind, derived, source))
            found.append(Distortion(kind, derived, source, why))

    for d, candidates in pairs:
        for s in candidates:
            for c in conflicts([d, s], names, lambda a, b: True):
                dv = next(v for v in c.values if v.article == d.ref.article)
                sv = next(v for v in c.values if v.article != d.ref.article)
                if c.type == "date" and dv.text.casefold() == sv.text.casefold():
                    continue  # the same words ("in July"): only the resolver's reading differs
                if units is not None and c.type == "number" and units.has_number(dv.text):
                    continue  # the sources give this number too: likely another quantity there
                if c.type in ("actor", "place") and _all_words_in(dv.text, s.claim.text):
                    continue  # the source sentence names it too ("LaRue denied being Deep Throat")
                add(_CONFLICT_DISTORTION[c.type], dv.text, sv.text, _reword(c.explanation, d, s))
    for d, candidates in pairs:
        flat = d.claim.kind == "report" and not d.claim.frame.hedges and not d.claim.frame.speaker
        if not flat:
            continue
        for s in candidates:
            if not _restates(d, s):
                continue
            f = s.claim.frame
            if f.hedges:
                add(
                    "hedge_dropped",
                    d.claim.text,
                    s.claim.text,
                    f"The source hedges this ({', '.join(repr(h) for h in f.hedges)}); the derived text states it as fact.",
                )
            elif (
                s.claim.kind == "quote"
                and (f.speaker or f.via)
                and not (s.speaker and s.speaker in d.entities)
            ):
                # A derived claim naming the speaker reports the speaker's act ("X declared ..."),
                # not the speaker's words as fact.
                who = names[s.speaker].name if s.speaker in names else s.speaker
                via = f" via {', '.join(f.via)}" if f.via else ""
                add(
                    "relay_dropped",
                    d.claim.text,
                    s.claim.text,
                    f"The source attributes this to {who or 'a source'}{via}; the derived text presents it as confirmed fact.",
                )
    return tuple(found)


def _all_words_in(value: str, text: str) -> bool:
    words = {w for w in _words(value) if w}
    return bool(words) and words <= set(_words(text))


def _restates(d: StoryClaim, s: StoryClaim) -> bool:
    """The derived claim says what the source claim says (shared content words, most of them)."""
    dw = {w for w in _words(d.claim.text) if len(w) > 3}
    sw = {w for w in _words(s.claim.text) if len(w) > 3}
    return bool(dw) and len(dw & sw) / len(dw) >= FLAT_RESTATEMENT


def _words(text: str) -> list[str]:
    return [w.strip(".,;:!?\"'()[]").casefold() for w in text.split()]


def _reword(explanation: str, d: StoryClaim, s: StoryClaim) -> str:
    """Compare's explanation names articles by id; here one side is the derived text."""
    return explanation.replace(f"article {d.ref.article}", "the derived text").replace(
        f"article {s.ref.article}", f"source {s.ref.article}"
    )


# ---------------------------------------------------------------------------- labels

_CARRIED = "Carried by the sources in other words"
_NOT_CARRIED = "Not carried by the sources"


def _aliases(entities: Sequence[StoryEntity], derived: AnnotatedArticle) -> frozenset[str]:
    """Lower-cased words of the derived text's names whose entity the sources mention too
    ("Khinstin" for the sources' "Khinshtein", "DPRK" for "North Korea")."""
    aid = derived.article.id
    out: set[str] = set()
    for e in entities:
        if any(m.article != aid for m in e.mentions):
            for m in e.mentions:
                if m.article == aid:
                    out.update(w.casefold() for w in re.findall(r"\w+", m.text))
    return frozenset(out)


def _only_here(
    entities: Sequence[StoryEntity], derived: AnnotatedArticle, d: _Sent, index: SourceIndex
) -> list[str]:
    """Names in sentence ``d`` whose entity no source mentions (after cross-article resolution,
    so "Khinstin" for the sources' "Khinshtein" is not new), and whose words are not all in
    the sources either: a source written in lower case ("richie benaud") has no entity the
    tagger found, but it does mention "Richie"."""
    aid = derived.article.id
    out: list[str] = []
    for e in entities:
        if e.type not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT"):
            continue
        here = [m for m in e.mentions if m.article == aid and d.start <= m.start < d.end]
        if (
            here
            and all(m.article == aid for m in e.mentions)
            and not any(m.article != aid for m in e.related)
        ) and not all(w in index.words for w in _words(here[0].text) if w):
            out.append(here[0].text)
    return out


def _label(
    mine: Sequence[StoryClaim],
    feats: dict[str, float],
    score: float,
    threshold: float,
    found: Sequence[Distortion],
    evidence: Sequence[Evidence],
    new_names: Sequence[str] = (),
    unseen: Sequence[str] = (),
    new_numbers: Sequence[str] = (),
    aligned: Alignment | None = None,
    model: SupportModel | None = None,
    reading: Callable[[], float | None] | None = None,
    copy: bool = False,
    always_read: bool = False,
) -> tuple[AuditLabel, str]:
    """The sentence's label and why. ``reading``: its entailment reading, asked only once the
    typed checks, opinion and dropped hedges have left the support decision open, and only when
    it can change it (``always_read``: for calibration, which re-labels under other settings);
    ``copy``: the sentence is a source's own words, which the entailment reading never doubts."""
    best = (
        f"best source match {evidence[0].source} (similarity {evidence[0].score:.2f})"
        if evidence
        else "no source text"
    )
    contra = [d for d in found if d.type in _CONTRADICTING]
    if contra:
        return "contradicted", " ".join(dict.fromkeys(d.explanation for d in contra))
    if mine and all(c.claim.kind in ("opinion", "speculation") for c in mine):
        cues = sorted({cue for c in mine for cue in c.claim.cues})
        kind = "speculation" if any(c.claim.kind == "speculation" for c in mine) else "interpretation"
        return "opinion", f"The writer's {kind}, not a report" + (
            f" (cues: {', '.join(cues)})." if cues else "."
        )
    share = f"{feats['cov']:.0%} of its content words are in the sources"
    soft = [d for d in found if d.type in ("hedge_dropped", "relay_dropped")]
    if soft:
        # The claim was matched to a source claim that says the same thing with a hedge or a
        # relay: carried, but not as confirmed as the derived text makes it, whatever the score.
        return "partially_supported", " ".join(dict.fromkeys(d.explanation for d in soft)) + f" ({best})."
    label, reason = _support(
        feats, score, threshold, best, share, new_names, unseen, new_numbers, aligned, model
    )
    consistent = label in CONSISTENT_LABELS
    entail = feats.get("entail")
    invents = bool(new_numbers or new_names)
    # A copy the support decision passes is never doubted, and a sentence it rejects that gives a
    # name or number the sources never mention is never rescued: no reading changes either.
    open_ = always_read or not ((consistent and copy) or (not consistent and invents))
    if entail is None and reading is not None and model is not None and open_:
        entail = reading()
    if model is None or entail is None:
        return label, reason
    if model.entailment_rule(consistent, entail, invents, copy) == consistent:
        return label, reason
    if not consistent:
        # Reworded beyond what the word and unit checks accept, yet the evidence entails it.
        return "supported", (
            f"Carried in other words: its best evidence entails it ({entail:.2f}, from "
            f"{model.entailed_from:.2f}); the wording checks alone found: {reason[0].lower()}{reason[1:]}"
        )
    # Worded like the sources, yet no evidence entails it: the small edit word checks miss.
    return "unsupported", (
        f"Not entailed by its best evidence ({entail:.2f}, below {model.doubted_below:.2f}) although "
        f"worded like the sources: {reason[0].lower()}{reason[1:]}"
    )


def _support(
    feats: dict[str, float],
    score: float,
    threshold: float,
    best: str,
    share: str,
    new_names: Sequence[str],
    unseen: Sequence[str],
    new_numbers: Sequence[str],
    aligned: Alignment | None,
    model: SupportModel | None,
) -> tuple[AuditLabel, str]:
    """The support decision: the score, the carried-in-other-words rule, new numbers."""
    by_alignment = model is not None and model.support_by == "alignment"
    if score < threshold or (by_alignment and aligned is not None):
        if aligned is not None and model is not None and model.carried(aligned, feats["cos1"]):
            # Reworded: the score reads copy-like wording, which a faithful paraphrase lacks;
            # every name and number it checks has a counterpart, and all but a few words.
            syn = ", ".join(f"{a!r} for {b!r}" for a, b in aligned.synonyms[:4])
            loose = ", ".join(aligned.unaligned_words)
            return "supported", (
                f"{_CARRIED}: every name and number it gives is in them"
                + (f"; near-synonyms: {syn}" if syn else "")
                + (f"; words with no counterpart: {loose}" if loose else "")
                + f"; {share}; {best}."
            )
        missing = []
        names_missing = list(new_names) or (aligned.unaligned_names if aligned else [])
        if names_missing:
            missing.append("names the sources never mention: " + ", ".join(names_missing))
        elif aligned is not None and aligned.unaligned_words:
            missing.append("words with no counterpart in the sources: " + ", ".join(aligned.unaligned_words))
        elif unseen:
            missing.append("words the sources never use: " + ", ".join(unseen))
        if new_numbers:
            missing.append("numbers the sources never give: " + ", ".join(new_numbers))
        what = "; ".join(missing) or "no source sentence says this"
        return "unsupported", f"{_NOT_CARRIED}: {what}; {share}; {best}."
    if new_numbers:
        # A number the sources never give, in a sentence otherwise carried: the detail a
        # fact-checker must verify (a changed year or toll would read as "mostly carried").
        # New names are left to the score: after entity resolution they still flag too many
        # faithful summaries (QAGS sentence accuracy 0.727 -> 0.696).
        nums = ", ".join(new_numbers)
        return "unsupported", f"Gives numbers the sources never give: {nums}; {share}; {best}."
    if feats["missing"] >= 2 or feats["new_names"]:  # (new numbers were answered above)
        return "partially_supported", f"Mostly carried, with additions: {share}; {best}."
    return "supported", f"Carried by the sources: {share}; {best}."


# ---------------------------------------------------------------------------- omissions


def _omissions(ctx: _Context) -> list[Omission]:
    """Source reports and quotes no derived sentence carries, most important first: the lead
    of an article before its tail, quotes and claims rich in names before the rest."""
    if not ctx.dsents:
        return []
    covered = ctx.sims.max(axis=0) if ctx.sims.size else np.zeros(len(ctx.ssents))
    derived_words = {w for s in ctx.dsents for w in _words(s.text) if len(w) > 3}
    # Position of each sentence in its article, counted once, for the lead weight.
    order: list[int] = []
    n_sents: dict[int, int] = defaultdict(int)
    for s in ctx.ssents:
        order.append(n_sents[id(s.ann)])
        n_sents[id(s.ann)] += 1
    out: list[Omission] = []
    for j, s in enumerate(ctx.ssents):
        if covered[j] >= OMITTED_BELOW:
            continue
        facts = [c for c in ctx.claims_in[j] if c.claim.kind in ("report", "quote")]
        if not facts:
            continue
        words = {w for w in _words(s.text) if len(w) > 3}
        if words and len(words & derived_words) / len(words) >= 0.8:
            continue  # its words are all there, spread over several derived sentences
        lead = 1.0 - order[j] / max(1, n_sents[id(s.ann)])
        quote = any(c.claim.kind == "quote" for c in facts)
        rich = min(1.0, len({e for c in facts for e in c.entities}) / 3)
        importance = round(0.5 * lead + 0.3 * quote + 0.2 * rich, 4)
        reason = ("a quote" if quote else "a reported fact") + (" from the lead" if lead >= 0.8 else "")
        out.append(
            Omission(
                s.ann.article.id, s.start, s.end, s.text, importance, reason + " the derived text leaves out"
            )
        )
    out.sort(key=lambda o: (-o.importance, o.source, o.start))
    return out


__all__ = ["CONSISTENT_LABELS", "Auditor", "Trace", "audit_annotated", "audit_articles"]
