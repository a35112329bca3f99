"""Corroborated facts: one proposition per group, said in words, with each source's own span.

A reporter copies "established by N independent sources" into a story, so a corroborated group
must be one fact, not a bag of similar sentences. The unit here is the *proposition* the claims
stage reads from the parse (who did what, to whom: one per predication of a claim, with its own
character span), not the whole claim:

1. every proposition of a checkable claim (a report, a quote, background; never opinion or
   speculation) is embedded once, with its subject when the span does not hold it;
2. two propositions of different articles state one fact when their wording is close and their
   frames agree on what the fact is about: the same action, or an entity or content word in
   common beyond it; they never do when they give different figures of one measure, when one
   denies what the other says, when one is background (another event) and the other not, or
   when they are two different acts of different actors, or of one actor on different things;
3. facts are grown by *complete* linkage: a proposition joins a fact only if it is close to
   every member, so one broad sentence cannot chain unrelated facts together (the bag problem);
   two propositions of one claim never share a fact (a sentence states a fact once);
4. a fact is reported when at least two independent sources state it, with a statement built
   from its most central member, the date its members agree on, and per source its span and how
   it says it (``less_specific``, ``hedged``, ``attributed``, ``background``).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from newstrace.errors import ModelError
from newstrace.lexicon import opposite_lemmas
from newstrace.models import WordVectors
from newstrace.records import FactMark, FactSpan, Proposition, StoryEntity
from newstrace.story.align import Embed, embed_claims, neighbours
from newstrace.story.claims import StoryClaim, mention_spans
from newstrace.story.quantities import count_kind, measure, restated, within_precision
from newstrace.story.scope import DAY, Scopes, same_date

__all__ = ["FEATURES", "Fact", "FactFinder", "FactModel", "find_facts"]

TOP_K = 10  # nearest propositions (by wording) considered for each one
# Word-vector cosine from which two different words say nearly the same ("troops" / "fighters"
# 0.46, "role" / "involvement" 0.51); unrelated words of en_core_web_md sit around 0.1-0.3.
SOFT_MIN = 0.4
# Below these, two propositions of one actor do different acts (embedding cosine of the action
# lemmas) to different things (word match of their themes): see ``_two_acts``.
TWO_ACTS_ACTION = 0.35
TWO_ACTS_THEME = 0.3
CANDIDATE_MIN = 0.45  # cosine below which two propositions are never compared
MODEL_FILE = "fact_model.json"
# A member with at most this share of the richest member's content words, all of them shared,
# says the fact less specifically ("volunteers" for "representatives from volunteer groups").
_LESS = 0.6
_PRONOUNS = frozenset({"he", "she", "his", "her", "they", "their"})
_POSSESSIVE = frozenset({"his", "her", "their"})
# Actions too common to say that two propositions are about one act.
_WEAK_ACTIONS = frozenset({"be", "have", "do", "say", "tell", "make", "take", "get", "go", "come", "include"})
# A page dating itself ("Posted: Nov 27, 2005", "Last updated at 11:11 GMT") states no fact.
_PAGE_ACTIONS = frozenset({"post", "update", "publish"})
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# What the pair model reads of two propositions (each in [0, 1]):
FEATURES = (
    "cos",  # sentence-embedding cosine of the two spans
    "action_cos",  # embedding cosine of the two action lemmas ("die" / "pass")
    "lemma_overlap",  # content words in common, weighted by rarity in the story, over the smaller side
    "entity_overlap",  # story entities in common, weighted the same way
    "length_ratio",  # content words of the shorter side over the longer
    "number_same",  # a figure of one value on both sides
    "day_same",  # a day date in common
    "day_differ",  # day dates on both sides, none in common
    "attributed",  # one side or both is someone's statement
    "actor_same",  # who acts is named on both sides and the same
    "actor_differ",  # who acts is named on both sides and not the same
    "action_args",  # the same action and a content word or entity in common beyond it
    "claim_cos",  # sentence-embedding cosine of the two whole claims
    # What each says of who acts (its words less the actor's and the names), matched word by
    # word through static word vectors ("role of troops" / "involvement of fighters"), over the
    # side it covers best; exact matches only without word vectors.
    "said_soft",
)


@dataclass(frozen=True)
class FactModel:
    """Logistic regression over ``FEATURES``: the probability that two propositions of
    different articles state one fact. ``confirm``: the probability that pairs them; ``link``:
    the probability every pair inside a fact must reach (complete linkage). Kept as JSON in the
    package (``data/fact_model.json``), fitted by ``benchmarks/train_fact_model.py``."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    confirm: float = 0.5
    link: float = 0.3
    trained_on: str = ""

    @functools.cached_property
    def _arrays(self) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        # Built once: prob runs for every candidate pair of a story.
        return np.array(self.mean), np.array(self.scale), np.array(self.coef)

    def prob(self, x: np.ndarray[Any, Any]) -> float:
        mean, scale, coef = self._arrays
        z = (x - mean) / scale
        return float(1.0 / (1.0 + np.exp(-(z @ coef + self.intercept))))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path | None = None) -> FactModel:
        try:
            if path is None:
                raw = resources.files("newstrace").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
            else:
                raw = Path(path).read_text(encoding="utf-8")
            data: dict[str, Any] = json.loads(raw)
            vectors = {k: tuple(data[k]) for k in ("features", "mean", "scale", "coef")}
            model = cls(**{**data, **vectors})
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise ModelError(f"cannot load the fact pair model {path or MODEL_FILE}: {exc}", code="E309") from None
        if tuple(model.features) != FEATURES:
            raise ModelError(f"fact pair model features {list(model.features)} are not {list(FEATURES)}",
                             code="E309")  # fmt: skip
        return model


@functools.cache
def _default_model() -> FactModel:
    return FactModel.load()


@dataclass
class _Unit:
    sc: StoryClaim
    prop: Proposition
    text: str  # the span as written, with its subject before it when the span lacks it
    lemmas: frozenset[str]
    entities: frozenset[str]
    days: frozenset[str]
    background: bool  # told as background (an earlier event) or dated outside the story
    quantities: list[Any] = field(default_factory=list)
    actors: frozenset[str] = frozenset()  # story entity ids of who acts
    outside: bool = False  # dated outside the story's window: about another event
    shown: str = ""  # the span as it reads in the article (the other facts inside it kept), subject named
    said: tuple[str, ...] = ()  # what it says of who acts: content words less the actor's and the names


@dataclass(frozen=True)
class Fact:
    """One proposition stated by several articles: ``spans`` one per stating proposition."""

    statement: str
    spans: tuple[FactSpan, ...]
    independent_sources: int
    background: bool
    claims: tuple[StoryClaim, ...]


def _units(claims: Sequence[StoryClaim], entities: Sequence[StoryEntity], scopes: Scopes) -> list[_Unit]:
    story_ids = {ref: e.id for e in entities for ref in e.members}
    names = {e.id: e.name for e in entities}
    kinds = {e.id: e.type for e in entities}
    spans = mention_spans(entities)
    out: list[_Unit] = []
    for sc in claims:
        if not sc.checkable:
            continue
        text = sc.ann.article.text
        aid = sc.ref.article
        outside = scopes.outside_window(sc)
        background = sc.claim.kind == "background" or outside
        for p in sc.claim.props:
            if p.action in _PAGE_ACTIONS and len(p.lemmas) <= 8:
                continue  # the page's own "Posted: ... / Last updated at ..." line, not news
            ents = {eid for a, b, eid in spans[aid] if p.start <= a and b <= p.end}
            if p.subject:  # the subject is written with another verb of the sentence
                ents |= sc.actors
            # Who acts, by name: a person before the bodies named around them ("Chief of the
            # General Staff of the Russian Armed Forces Valery Gerasimov" -> Gerasimov).
            named_actors = [x for e in p.actors if (x := story_ids.get(f"{aid}/{e}")) in names]
            named_actors.sort(key=lambda x: kinds[x] != "PERSON")
            name = names[named_actors[0]] if named_actors else None
            words = _with_subject(p.text or text[p.start : p.end], p.subject, name)
            shown = _with_subject(text[p.start : p.end], p.subject, name)
            days = frozenset(
                t.value for t in sc.ann.times if p.start <= t.start and t.end <= p.end and _DAY.match(t.value)
            )
            qs = [q for q in sc.claim.frame.quantities if p.start <= q.start < p.end]
            actors = frozenset(s for e in p.actors if (s := story_ids.get(f"{aid}/{e}")))
            named = {w.casefold() for a, b, _ in spans[aid] if p.start <= a and b <= p.end for w in text[a:b].split()}
            drop = set(p.actor_lemmas) | named
            said = tuple(w for w in p.lemmas if w not in drop)
            out.append(
                _Unit(sc, p, words, frozenset(p.lemmas), frozenset(ents), days, background, qs, actors, outside,
                      shown, said)  # fmt: skip
            )
    return out


def _with_subject(words: str, subject: str, name: str | None) -> str:
    """The words of a proposition with who acts before them when they do not say it: the
    name for a pronoun ("his visit to the region" -> "Vladimir Putin's visit to the region")."""
    first = words.split(" ", 1)[0]
    if name and first.casefold() in _POSSESSIVE:
        # "his last month's report", whoever the clause's subject is: the owner is who acts.
        return f"{_possessive(name)} {words[len(first):].lstrip()}"
    if subject.casefold() in _PRONOUNS and name:
        own = words.casefold().startswith(subject.casefold())
        return f"{_possessive(name)} {words[len(subject):].lstrip()}" if own else f"{name} {words}"
    if subject and not words.casefold().startswith(subject.casefold()):
        return f"{subject} {words}"
    return words


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _figures_differ(a: _Unit, b: _Unit) -> bool:
    """Different figures of one measure ("12 dead" / "14 dead") are two facts, not one."""
    for qa in a.quantities:
        ma = measure(a.sc, qa)
        if ma is None or restated(a.sc, qa):
            continue
        for qb in b.quantities:
            mb = measure(b.sc, qb)
            if mb is None or mb.kind != ma.kind or restated(b.sc, qb):
                continue
            if ma.kind == "casualties" and count_kind(a.sc, qa) != count_kind(b.sc, qb):
                continue
            if not within_precision(a.sc, qa, ma, b.sc, qb, mb):
                return True
    return False


def _compatible(a: _Unit, b: _Unit) -> bool:
    """Nothing in the frames says these are two facts: one denies what the other says, one is
    about another event, one tells of a plan and the other of the act, their actions are
    opposites, or they give different figures of one measure."""
    # Only dates say a claim is about another event: a tense that tells it as background ("had
    # commended") may still tell of the story's own events.
    if a.outside != b.outside:
        return False
    if a.prop.negated != b.prop.negated or a.prop.future != b.prop.future:
        return False
    if frozenset({a.prop.action, b.prop.action}) in opposite_lemmas():
        return False  # "opened the summit" / "closed the summit"
    return not _figures_differ(a, b)


def _two_acts(a: _Unit, b: _Unit, action_cos: float, theme_soft: Callable[[], float]) -> bool:
    """Two different acts (``action_cos`` below TWO_ACTS_ACTION) are two facts, however alike the
    wording around a shared name, when two named actors share none ("the association argued" /
    "the court ruled") or one actor does them to different things ("Gerasimov commended the
    troops' role" / "the liberation was announced by Gerasimov"). ``theme_soft``: the word match
    of the two themes over the side matched worst (one theme word in common with a long theme is
    not the same thing), asked for only when the rest leaves it open. Without a named actor on
    either side nothing is decided here."""
    if a.prop.action == b.prop.action or action_cos >= TWO_ACTS_ACTION:
        return False
    if a.actors and b.actors and not a.actors & b.actors:
        return True  # two actors named, none in common: "the association argued" / "the court ruled"
    if not a.actors & b.actors:
        return False
    return bool(a.prop.theme_lemmas and b.prop.theme_lemmas) and theme_soft() < TWO_ACTS_THEME


def _overlap(x: frozenset[str], y: frozenset[str], weight: dict[str, float]) -> float:
    if not x or not y:
        return 0.0
    shared = sum(weight.get(w, 1.0) for w in x & y)
    return shared / min(sum(weight.get(w, 1.0) for w in x), sum(weight.get(w, 1.0) for w in y))


class FactFinder:
    """The propositions of one story, embedded once, and what the pair model reads of any two."""

    def __init__(
        self,
        claims: Sequence[StoryClaim],
        entities: Sequence[StoryEntity],
        scopes: Scopes,
        embed: Embed,
        claim_vecs: np.ndarray[Any, Any] | None = None,
        vectors: WordVectors | None = None,
    ) -> None:
        self.units = _units(claims, entities, scopes)
        n = len(self.units)
        if claim_vecs is None and claims:
            claim_vecs = embed_claims(claims, embed)
        row = {id(c): k for k, c in enumerate(claims)}
        self._claim_vec = [claim_vecs[row[id(u.sc)]] for u in self.units] if claim_vecs is not None else []
        # A claim's only proposition that covers nearly all of it is the claim: its vector is
        # the claim's (embedding is most of the cost of a story; this spares about half of it).
        own = [k for k, u in enumerate(self.units) if not self._is_claim(u)]
        self.vecs = np.array(self._claim_vec, dtype=np.float32) if n else np.zeros((0, 1))
        if own:
            fresh = embed([self.units[k].text for k in own])
            for row_, k in enumerate(own):
                self.vecs[k] = fresh[row_]
        actions = sorted({u.prop.action for u in self.units})
        avecs = embed(actions) if actions else np.zeros((0, 1))
        self._action = {a: avecs[k] for k, a in enumerate(actions)}
        # Rarity in the story: a word or entity in every proposition ("fire", "Waitrose") tells
        # facts apart less than one in a few ("roof", "arson").
        df: dict[str, int] = defaultdict(int)
        for u in self.units:
            for w in u.lemmas | u.entities:
                df[w] += 1
        self.weight = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        # Each unit's said and theme words as unit word vectors, for the word-by-word matches.
        self._vectors = vectors
        self._rows: dict[tuple[str, ...], np.ndarray[Any, Any] | None] = {}

    @staticmethod
    def _is_claim(u: _Unit) -> bool:
        c = u.sc.claim
        whole = len(c.props) == 1 and not u.prop.subject and u.text == c.text[u.prop.start - c.start : u.prop.end - c.start]
        return whole and (u.prop.end - u.prop.start) >= 0.8 * (c.end - c.start)

    def _word_rows(self, words: tuple[str, ...]) -> np.ndarray[Any, Any] | None:
        if self._vectors is None:
            return None
        if words not in self._rows:
            self._rows[words] = self._vectors.rows(words)
        return self._rows[words]

    def soft(self, a: tuple[str, ...], b: tuple[str, ...], least: bool = False) -> float:
        """How fully one side's words are matched on the other (a word by itself, or by its
        nearest word there when their vectors are close: SOFT_MIN), weighted by rarity, over
        the side matched best (``least``: worst)."""
        if not a or not b:
            return 0.0
        sims = np.array([[1.0 if x == y else 0.0 for y in b] for x in a])
        va, vb = self._word_rows(a), self._word_rows(b)
        if va is not None and vb is not None:
            cos = va @ vb.T
            sims = np.maximum(sims, np.where(cos >= SOFT_MIN, cos, 0.0))
        wa = np.array([self.weight.get(w, 1.0) for w in a])
        wb = np.array([self.weight.get(w, 1.0) for w in b])
        cover_a = float(wa @ sims.max(axis=1) / wa.sum())
        cover_b = float(wb @ sims.max(axis=0) / wb.sum())
        return min(cover_a, cover_b) if least else max(cover_a, cover_b)

    def cos(self, i: int, j: int) -> float:
        return float(self.vecs[i] @ self.vecs[j])

    def candidates(self) -> list[tuple[int, int]]:
        """Pairs of propositions of different articles near in wording, or naming the same
        action ("his visit to the region" / "made a rare visit to the Kursk Region": worded
        apart, one act), each once."""
        out: set[tuple[int, int]] = set()
        for i, row in enumerate(neighbours(self.vecs, TOP_K)):
            for j, c in row:
                if c >= CANDIDATE_MIN and self.units[i].sc.ref.article != self.units[j].sc.ref.article:
                    out.add((min(i, j), max(i, j)))
        by_action: dict[str, list[int]] = defaultdict(list)
        for i, u in enumerate(self.units):
            if u.prop.action not in _WEAK_ACTIONS:
                by_action[u.prop.action].append(i)
        for members in by_action.values():
            for x, i in enumerate(members):
                for j in members[x + 1 : x + 1 + 50]:  # bounded: a common action must not go quadratic
                    if self.units[i].sc.ref.article != self.units[j].sc.ref.article:
                        out.add((i, j))
        return sorted(out)

    def compatible(self, i: int, j: int) -> bool:
        a, b = self.units[i], self.units[j]
        if not _compatible(a, b):
            return False
        action_cos = float(self._action[a.prop.action] @ self._action[b.prop.action])
        themes = functools.partial(self.soft, a.prop.theme_lemmas, b.prop.theme_lemmas, least=True)
        return not _two_acts(a, b, action_cos, themes)

    def features(self, i: int, j: int) -> np.ndarray[Any, Any]:
        a, b = self.units[i], self.units[j]
        acts = (a.prop.action, b.prop.action)
        la = a.lemmas - {acts[0]}
        lb = b.lemmas - {acts[1]}
        na = {q.value for q in a.quantities}
        nb = {q.value for q in b.quantities}
        return np.array(
            [
                self.cos(i, j),
                float(self._action[acts[0]] @ self._action[acts[1]]),
                _overlap(la, lb, self.weight),
                _overlap(a.entities, b.entities, self.weight),
                min(len(la), len(lb)) / max(1, len(la), len(lb)),
                float(bool(na & nb)),
                float(bool(a.days & b.days)),
                float(bool(a.days and b.days and not a.days & b.days)),
                float(a.sc.claim.kind == "quote" or b.sc.claim.kind == "quote"),
                float(bool(a.actors & b.actors)),
                float(bool(a.actors and b.actors and not a.actors & b.actors)),
                float(acts[0] == acts[1] and bool(la & lb or a.entities & b.entities)),
                float(self._claim_vec[i] @ self._claim_vec[j]),
                self.soft(a.said, b.said),
            ],
            dtype=np.float64,
        )


def find_facts(
    claims: Sequence[StoryClaim],
    entities: Sequence[StoryEntity],
    scopes: Scopes,
    source_of: dict[str, str],
    embed: Embed,
    model: FactModel | None = None,
    claim_vecs: np.ndarray[Any, Any] | None = None,
    vectors: WordVectors | None = None,
) -> list[Fact]:
    """The facts at least two independent sources state, in the order of their first span
    (``claim_vecs``: the claims' embeddings when the caller has them, one row per claim)."""
    model = model or _default_model()
    finder = FactFinder(claims, entities, scopes, embed, claim_vecs, vectors)
    units = finder.units
    if len(units) < 2:
        return []
    probs: dict[tuple[int, int], float] = {}

    def prob(i: int, j: int) -> float:
        key = (min(i, j), max(i, j))
        if key not in probs:
            probs[key] = model.prob(finder.features(*key)) if finder.compatible(*key) else 0.0
        return probs[key]

    # 1. Pairs that state one fact.
    pairs = {(i, j): p for i, j in finder.candidates() if (p := prob(i, j)) >= model.confirm}

    # 2. Complete linkage, most probable pair first: a proposition joins a fact only if it is
    # likely enough to state it with every member.
    cluster = list(range(len(units)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(units))}

    def joinable(x: list[int], y: list[int]) -> bool:
        for i in x:
            for j in y:
                if units[i].sc is units[j].sc:
                    return False  # one claim states a fact once
                if prob(i, j) < model.link:
                    return False
        return True

    for (i, j), _ in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        ci, cj = cluster[i], cluster[j]
        if ci == cj or not joinable(members[ci], members[cj]):
            continue
        keep, gone = min(ci, cj), max(ci, cj)
        for m in members[gone]:
            cluster[m] = keep
        members[keep] = sorted(members[keep] + members.pop(gone))

    # 3. Facts of two or more independent sources.
    out: list[Fact] = []
    for idx in members.values():
        us = [units[i] for i in idx]
        independent = len({source_of[u.sc.ref.article] for u in us})
        if independent < 2:
            continue
        central = max(idx, key=lambda i: (sum(prob(i, j) for j in idx if j != i), -len(units[i].text), -i))
        out.append(
            Fact(
                statement=_statement(units[central], us),
                spans=tuple(_span(u, us) for u in us),
                independent_sources=independent,
                background=all(u.background for u in us),
                claims=tuple(u.sc for u in us),
            )
        )
    out.sort(key=lambda f: min((s.article, s.start) for s in f.spans))
    return out


def _statement(central: _Unit, us: Sequence[_Unit]) -> str:
    """The fact in words: the central member's words with its subject named, and the date every
    dated member agrees on."""
    # As it reads in the article when short enough; else its own words, the clauses of the
    # other facts inside it left out.
    shown = " ".join(central.shown.split())
    text = shown if len(shown) <= 170 else " ".join(central.text.split())
    disputed = _disputed_days(us)
    others = [_days(u) for u in us if u.sc.ref.article != central.sc.ref.article]
    for t in central.sc.ann.times:
        if not (central.prop.start <= t.start < central.prop.end and DAY.match(t.value[:10])):
            continue
        # A day only the central member gives, or one the members dispute, is not established:
        # the statement does not assert it ("On May 21, Putin made a visit" -> "Putin made a
        # visit", the wire dating the visit the day before).
        if t.value[:10] in disputed or not any(same_date(t.value[:10], y) for d in others for y in d):
            lead = r"(?:\b(?:on|in|at|late|early|shortly|just|after|before|around|about|until|since|by)\s+)*"
            text = re.sub(rf"{lead}{re.escape(t.text)}\s*,?\s*", "", text, flags=re.I).strip(" ,")
            # a preposition left hanging before a comma or the end ("broke out shortly after , ...")
            text = re.sub(r"\s*\b(?:shortly\s+|just\s+)?(?:after|before|around|until|since|on|at)\s*(?=,|$)", "", text)
    # Left-out clauses leave their commas behind: "The centre, , is part of ..."
    text = re.sub(r"\s*([,;:])(?:\s*[,;:])+", r"\1", text)
    # A reporting verb joined to the fact's clause: "declared a state of emergency ... and said"
    text = re.sub(r",?\s+(?:and|but)\s+(?:said|says|added|told)$", "", text)
    # A span cut inside brackets: "this morning (July 21st" -> "this morning"
    while text.count("(") > text.count(")"):
        text = text[: text.rindex("(")].rstrip(" ,;:")
    text = re.sub(r"^(?:that|which|who|whom|where|when)\s+", "", text, flags=re.I)
    text = text.strip(" ,;:.\"'\u201c\u201d\u2018\u2019")
    if len(text) > 160:
        text = text[:157].rsplit(" ", 1)[0] + "..."
    text = text[:1].upper() + text[1:]
    if disputed:
        return f"{text} (dates differ: {' / '.join(sorted(disputed))})"
    days = [u.days for u in us if u.days]
    agreed = frozenset.intersection(*days) if days else frozenset()
    if len(agreed) == 1 and len(days) == len({u.sc.ref.article for u in us if u.days}):
        day = next(iter(agreed))
        if day not in text:
            text = f"{text} ({day})"
    return text


def _days(u: _Unit) -> set[str]:
    """The days (TIMEX3 day values, an undated article's XXXX-05-21 too) inside a member's span."""
    return {t.value[:10] for t in u.sc.ann.times if u.prop.start <= t.start < u.prop.end and DAY.match(t.value[:10])}


def _disputed_days(us: Sequence[_Unit]) -> set[str]:
    """The days the members of a fact give it when two members share no day that could be the
    same (an undated article's "May 21", XXXX-05-21, against another's 2025-05-20); empty when
    every two dated members agree on one."""
    sets = [d for u in us if (d := _days(u))]
    clash = any(
        not any(same_date(x, y) for x in a for y in b) for i, a in enumerate(sets) for b in sets[i + 1 :]
    )
    return set().union(*sets) if clash else set()


def _span(u: _Unit, us: Sequence[_Unit]) -> FactSpan:
    marks: list[FactMark] = []
    richest = max(len(o.lemmas) for o in us)
    others = frozenset().union(*(o.lemmas for o in us if o is not u))
    if len(u.lemmas) <= _LESS * richest and u.lemmas <= others:
        marks.append("less_specific")
    if u.sc.claim.frame.hedges:
        marks.append("hedged")
    if u.sc.claim.kind == "quote":
        marks.append("attributed")
    if u.background:
        marks.append("background")
    text = u.sc.ann.article.text[u.prop.start : u.prop.end]
    return FactSpan(u.sc.ref.article, u.sc.ref.claim, u.prop.start, u.prop.end, text, tuple(marks))
