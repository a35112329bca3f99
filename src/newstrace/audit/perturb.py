"""Training examples for the support model, made by perturbing source sentences (as FactCC was
trained): a sentence kept or shortened stays supported; one with a name, number, date or
negation changed, a word turned into its opposite, its subject and object swapped, or taken
from another article is not.

Deterministic: the same articles and seed give the same examples.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from newstrace.audit._opposites import readings
from newstrace.records import AnnotatedArticle

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
_OPTIONAL_DEPS = {"prep", "advcl", "appos", "relcl", "npadvmod", "advmod", "acl"}
_SWAP_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
MIN_TOKENS = 8


@dataclass(frozen=True, slots=True)
class Example:
    source: str  # article id the sentence comes from
    text: str  # the derived sentence
    supported: bool
    kind: str  # how it was made: copy, shorten, entity, number, date, negate, opposite, swap, foreign


def _sentences(ann: AnnotatedArticle) -> Iterator[Any]:
    for off, doc in ann.docs:
        for s in doc.sents:
            if sum(1 for t in s if t.is_alpha) >= MIN_TOKENS:
                yield off, s


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,")
    return text[:1].upper() + text[1:]


def _shorten(sent: Any, rng: random.Random) -> str | None:
    options = [
        t
        for t in sent
        if t.dep_ in _OPTIONAL_DEPS and t.head.dep_ == "ROOT" and 2 <= len(list(t.subtree)) <= 0.4 * len(sent)
    ]
    if not options:
        return None
    t = rng.choice(options)
    sub = list(t.subtree)
    a, b = sub[0].idx - sent.start_char, sub[-1].idx + len(sub[-1].text) - sent.start_char
    return _tidy(sent.text[:a] + sent.text[b:])


def _replace(sent: Any, start: int, end: int, new: str) -> str:
    a, b = start - sent.start_char, end - sent.start_char
    return str(sent.text[:a] + new + sent.text[b:])


def _name_words(name: str) -> set[str]:
    return {w for w in re.findall(r"\w+", name.casefold()) if w not in ("the", "s", "of", "and")}


def _pool_name(text: str) -> str:
    """An entity as a replacement: without a leading "the" (the sentence has its own
    determiner: "a the Trump Foundation official") or a trailing possessive."""
    text = re.sub(r"^[Tt]he\s+", "", text)
    return re.sub(r"['’]s$", "", text)


def _entity(sent: Any, pool: dict[str, list[str]], rng: random.Random) -> str | None:
    ents = [e for e in sent.ents if e.label_ in _SWAP_TYPES]
    rng.shuffle(ents)
    for e in ents:
        mine = _name_words(e.text)
        # Another name, not the same one written longer or shorter ("Barack Obama" for "Obama",
        # "Trump's" for "Trump"): those say the same.
        others = [
            x
            for x in pool.get(e.label_, [])
            if x.casefold() not in sent.text.casefold() and not _name_words(x) & mine
        ]
        if others:
            return _replace(sent, e.start_char, e.end_char, rng.choice(sorted(set(others))))
    return None


def _number(sent: Any, rng: random.Random) -> str | None:
    nums = [t for t in sent if t.like_num and t.text.replace(",", "").isdigit()]
    if not nums:
        return None
    t = rng.choice(nums)
    value = int(t.text.replace(",", ""))
    if 1800 <= value <= 2100 and "," not in t.text:
        # A year moves by a few years ("in 2014" -> "in 2011"), as a real error would; scaling it
        # like a count gave "in 1209", which any reader (and the model) spots for free.
        new = value + rng.choice([-1, 1]) * rng.randint(1, 5)
    else:
        new = value + rng.choice([-1, 1]) * max(1, round(value * rng.uniform(0.2, 0.8)))
    if new <= 0 or new == value:
        new = value + rng.randint(2, 9)
    return _replace(sent, t.idx, t.idx + len(t.text), f"{new:,}" if "," in t.text else str(new))


def _date(sent: Any, rng: random.Random) -> str | None:
    for t in sent:
        for names in (_WEEKDAYS, _MONTHS):
            if t.text in names:
                new = rng.choice([n for n in names if n != t.text])
                return _replace(sent, t.idx, t.idx + len(t.text), new)
    return None


def _negate(sent: Any) -> str | None:
    root = sent.root
    if any(c.dep_ == "neg" for c in root.children):
        neg = next(c for c in root.children if c.dep_ == "neg")
        return _tidy(_replace(sent, neg.idx, neg.idx + len(neg.text), ""))
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass") or (c.dep_ == "cop")]
    if aux:
        a = aux[0]
        return _replace(sent, a.idx, a.idx + len(a.text), a.text + " not")
    if root.tag_ == "VBD":
        return _replace(sent, root.idx, root.idx + len(root.text), f"did not {root.lemma_}")
    if root.tag_ == "VBZ":
        return _replace(sent, root.idx, root.idx + len(root.text), f"does not {root.lemma_}")
    return None


def _opposite(sent: Any, rng: random.Random) -> str | None:
    """One word turned into its opposite, in the same inflection ("rose" -> "fell")."""
    words = [t for t in sent if readings(t.text, t.pos_)]
    if not words:
        return None
    t = rng.choice(words)
    new = rng.choice(readings(t.text, t.pos_)).opposite
    if t.text[:1].isupper():
        new = new[:1].upper() + new[1:]
    return _replace(sent, t.idx, t.idx + len(t.text), new)


def _swap(sent: Any) -> str | None:
    root = sent.root
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    # Only a verb's object: "the nominee is Trump" for "Trump is the nominee" says the same.
    obj = [c for c in root.children if c.dep_ == "dobj"]
    if not subj or not obj:
        return None
    s, o = list(subj[0].subtree), list(obj[0].subtree)
    if len(s) > 4 or len(o) > 4 or s[0].pos_ == "PRON" or o[0].pos_ == "PRON":
        return None
    s_text = sent.doc.text[s[0].idx : s[-1].idx + len(s[-1].text)]
    o_text = sent.doc.text[o[0].idx : o[-1].idx + len(o[-1].text)]
    if s_text.casefold() == o_text.casefold():
        return None
    text = _replace(
        sent,
        o[0].idx,
        o[-1].idx + len(o[-1].text),
        s_text[:1].lower() + s_text[1:] if s[0].pos_ != "PROPN" else s_text,
    )
    # The subject comes first, so its offsets are unchanged by the replacement after it.
    a, b = s[0].idx - sent.start_char, s[-1].idx + len(s[-1].text) - sent.start_char
    return _tidy(text[:a] + o_text + text[b:])


# The changes that make an unsupported example; "entity" twice, as names are what summaries
# most often get wrong.
CHANGES = ("entity", "entity", "number", "date", "negate", "opposite", "swap", "foreign")


def name_pool(docs: Sequence[tuple[int, Any]]) -> dict[str, list[str]]:
    """The names of a parse by entity type, as replacements for ``edit(kind="entity")``."""
    pool: dict[str, list[str]] = {}
    for _, doc in docs:
        for e in doc.ents:
            pool.setdefault(e.label_, []).append(_pool_name(e.text))
    return pool


def edit(sent: Any, kind: str, pool: dict[str, list[str]], rng: random.Random) -> str | None:
    """One spaCy sentence changed one way: ``kind`` is entity (another name of the same type
    from ``pool``), number, date, negate, opposite or swap; None where the sentence offers no
    such change."""
    if kind == "entity":
        return _entity(sent, pool, rng)
    if kind == "number":
        return _number(sent, rng)
    if kind == "date":
        return _date(sent, rng)
    if kind == "negate":
        return _negate(sent)
    if kind == "opposite":
        return _opposite(sent, rng)
    if kind == "swap":
        return _swap(sent)
    raise ValueError(f"unknown edit {kind!r}")


def perturb(
    anns: Sequence[AnnotatedArticle],
    per_article: int = 8,
    seed: int = 13,
    changes: Sequence[str] = CHANGES,
) -> list[Example]:
    """About ``per_article`` examples from each article (parsed with ``keep_docs=True``), half
    supported and half not, the unsupported ones made by ``changes``."""
    rng = random.Random(seed)
    out: list[Example] = []
    for n, ann in enumerate(anns):
        sents = list(_sentences(ann))
        if not sents:
            continue
        pool = name_pool(ann.docs)
        aid = ann.article.id
        others = [a for m, a in enumerate(anns) if m != n and a.docs]
        made: list[Example] = []
        for _ in range(per_article * 3):
            if len(made) >= per_article:
                break
            _, s = rng.choice(sents)
            want_supported = len([e for e in made if e.supported]) * 2 < per_article
            if want_supported:
                kind = rng.choice(["copy", "shorten", "shorten"])
                text = s.text.strip() if kind == "copy" else _shorten(s, rng)
            else:
                kind = rng.choice(changes)
                if kind == "foreign":
                    other = list(_sentences(rng.choice(others))) if others else []
                    text = rng.choice(other)[1].text.strip() if other else None
                else:
                    text = edit(s, kind, pool, rng)
            if text and text.strip() != "" and (kind == "copy" or text.strip() != s.text.strip()):
                made.append(Example(aid, text.strip(), want_supported, kind))
        out.extend(made)
    return out
