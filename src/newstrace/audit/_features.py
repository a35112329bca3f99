"""Support features of a derived sentence against its sources, from the parses the pipeline made.

Each feature asks one question a careful reader asks of a summary sentence: is it worded like
some source sentence (embedding cosine), are its words and word pairs in the source (lexical
coverage, n-grams), are its grammatical links in the source (dependency arcs: "X visited Y" is
not carried by a source that has "Y visited X"), and does it bring names or numbers the source
never mentions. The feature order is the order of the model's weights: append, never reorder.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from newstrace._doclen import doc_length

FEATURES = (
    "cos1",  # best cosine against a source sentence
    "cos2",  # mean of the two best
    "cov",  # share of content words found anywhere in the sources
    "cov_ev",  # share of content words found in the evidence sentences
    "bigram",  # share of word pairs found in the sources
    "trigram",  # share of word triples found in the sources
    "arc",  # share of dependency links (head, child) found in the sources
    "new_names",  # names in the sentence the sources never mention
    "new_numbers",  # numbers the sources never mention
    "missing",  # content words found nowhere in the sources
    "negation_differs",  # negated where the best evidence is not, or the reverse
    "length",  # tokens, /10
    "new_entities",  # named or numeric entities whose words never occur together in the sources
    # P(entails) of an entailment cross-encoder (models.entailment), the premise being the best
    # evidence sentences joined in source order (a summary sentence often fuses two or three).
    # Absent when no entailment model is loaded: a support model reading it then takes its
    # training mean (no push either way).
    "entail",
)
ENTAIL_FEATURES = ("entail",)

NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000",
}  # fmt: skip
_FUNCTION_POS = {"PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "AUX", "PRON", "PART", "SPACE", "SYM"}
_NAME_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
_NUMBER_TYPES = {"CARDINAL", "DATE", "MONEY", "QUANTITY", "PERCENT", "TIME", "ORDINAL"}


@dataclass(frozen=True, slots=True)
class Tok:
    """The parts of a spaCy token the features read, detached from spaCy (cheap to keep)."""

    start: int  # global offset in the article text
    end: int
    lemma: str
    norm: str  # lower-cased, digits for number words, thousands separators dropped
    pos: str
    dep: str
    head: int  # index of the head in the same token list
    ent: str
    iob: str  # "B" begins an entity, "I" continues it
    lower: str
    content: bool
    neg: bool


def toks_of(docs: Sequence[tuple[int, Any]], start: int, end: int) -> list[Tok]:
    """Tokens of ``[start, end)`` from the pipeline's (offset, Doc) chunks; heads outside the
    range point at the token itself."""
    out: list[Tok] = []
    for off, doc in docs:
        size = doc_length(doc)
        if off + size <= start or off >= end:
            continue
        # The tokens of [start, end) through a character span (spaCy finds it by bisection),
        # not by walking the whole document once per sentence.
        span = doc.char_span(max(0, start - off), min(size, end - off), alignment_mode="expand")
        window = span if span is not None else doc
        picked = [t for t in window if start <= off + t.idx < end and not t.is_space]
        base = len(out)
        index = {t.i: base + n for n, t in enumerate(picked)}
        for n, t in enumerate(picked):
            norm = t.lower_.replace(",", "")
            norm = NUMBER_WORDS.get(norm, norm)
            out.append(
                Tok(
                    start=off + t.idx,
                    end=off + t.idx + len(t.text),
                    lemma=t.lemma_.lower(),
                    norm=norm,
                    pos=t.pos_,
                    dep=t.dep_,
                    head=index.get(t.head.i, base + n),
                    ent=t.ent_type_,
                    iob=t.ent_iob_,
                    lower=t.lower_,
                    content=(t.is_alpha or t.like_num) and not t.is_stop and t.pos_ not in _FUNCTION_POS,
                    neg=t.dep_ == "neg",
                )
            )
    return _join_split_numbers(out)


def _join_split_numbers(toks: list[Tok]) -> list[Tok]:
    """Numbers that stray spaces split into tokens ("3, 800", "1. 3": badly de-tokenized or
    PDF-extracted text) read as one ("3800", "1.3"; spaCy splits "5-0" itself): the first piece
    carries the whole number, the rest become punctuation, so a text that writes the number
    whole matches it word for word."""
    out = list(toks)
    n = 0
    while n < len(out) - 1:
        t, nxt = out[n], out[n + 1]
        joined: tuple[str, str, int] | None = None  # (written, norm, tokens consumed)
        if t.norm[:-1].isdigit() and t.norm.endswith(".") and nxt.norm.isdigit() and nxt.start > t.end:
            joined = (t.lower + nxt.lower, t.norm + nxt.norm, 1)  # "1." + "3"
        elif n + 2 < len(out) and t.norm.isdigit() and out[n + 2].norm.isdigit():
            sep, tail = nxt.lower, out[n + 2]
            spaced = tail.start > nxt.end
            if spaced and sep == "," and len(t.norm) <= 3 and len(tail.norm) == 3:
                joined = (t.lower + "," + tail.lower, t.norm + tail.norm, 2)
            elif spaced and sep == ".":
                joined = (t.lower + "." + tail.lower, t.norm + "." + tail.norm, 2)
        if joined is None:
            n += 1
            continue
        written, norm, used = joined
        out[n] = replace(t, lemma=written, norm=norm, lower=written, pos="NUM", content=True)
        for k in range(n + 1, n + 1 + used):
            out[k] = replace(out[k], lemma=out[k].lower, pos="PUNCT", content=False)
        n += used + 1
    return out


def _keys(t: Tok) -> tuple[str, str]:
    return t.lemma, t.norm


@dataclass
class SourceIndex:
    """Everything the features look up in the sources, built once per audit."""

    words: set[str] = field(default_factory=set)
    bigrams: set[tuple[str, str]] = field(default_factory=set)
    trigrams: set[tuple[str, str, str]] = field(default_factory=set)
    arcs: set[tuple[str, str]] = field(default_factory=set)
    # Lower-cased source tokens joined by spaces, one piece per sentence, for multi-word names;
    # joined once when first read (growing one string sentence by sentence copies it each time).
    pieces: list[str] = field(default_factory=list)
    _text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self.pieces)
        return self._text

    def add(self, toks: Sequence[Tok]) -> None:
        self.pieces.append(" " + " ".join(t.lower for t in toks) + " ")
        self._text = None
        for t in toks:
            self.words.update(_keys(t))
        lem = [t.lemma for t in toks if t.pos != "PUNCT"]
        self.bigrams.update(zip(lem, lem[1:], strict=False))
        self.trigrams.update(zip(lem, lem[1:], lem[2:], strict=False))
        for t in toks:
            h = toks[t.head]
            if h is not t:
                self.arcs.add((h.lemma, t.lemma))
                hh = toks[h.head]
                if hh is not h:  # two hops: "visited the plant in Kursk" ~ "visited Kursk"
                    self.arcs.add((hh.lemma, t.lemma))


def _share(items: Sequence[Any], found: Iterable[bool]) -> float:
    return sum(found) / len(items) if items else 1.0


def sentence_features(
    toks: Sequence[Tok],
    index: SourceIndex,
    evidence: Sequence[Sequence[Tok]],
    cosines: Sequence[float],
) -> dict[str, float]:
    """The feature vector of one derived sentence (its tokens ``toks``) against the sources;
    ``evidence`` are the best-matching source sentences, ``cosines`` their similarities, best first."""
    content = [t for t in toks if t.content]
    ev_words = {k for sent in evidence for t in sent for k in _keys(t)}
    lem = [t.lemma for t in toks if t.pos != "PUNCT"]
    bigrams = list(zip(lem, lem[1:], strict=False))
    trigrams = list(zip(lem, lem[1:], lem[2:], strict=False))
    arcs = [
        (toks[t.head].lemma, t.lemma)
        for t in toks
        if toks[t.head] is not t and t.content and toks[t.head].content
    ]
    found = [t.lemma in index.words or t.norm in index.words for t in content]
    names = [t for t in toks if (t.ent in _NAME_TYPES or t.pos == "PROPN") and t.norm.isalpha()]
    numbers = [t for t in toks if _is_number(t)]
    best = evidence[0] if evidence else ()
    neg_here = any(t.neg for t in toks)
    neg_there = any(t.neg for t in best)
    top = sorted(cosines, reverse=True)
    spans: list[list[Tok]] = []
    for t in toks:
        if t.iob == "B":
            spans.append([t])
        elif t.iob == "I" and spans:
            spans[-1].append(t)
    new_entities = sum(1 for sp in spans if f" {' '.join(t.lower for t in sp)} " not in index.text)
    return {
        "cos1": top[0] if top else 0.0,
        "cos2": sum(top[:2]) / len(top[:2]) if top else 0.0,
        "cov": _share(content, found),
        "cov_ev": _share(content, (t.lemma in ev_words or t.norm in ev_words for t in content)),
        "bigram": _share(bigrams, (b in index.bigrams for b in bigrams)),
        "trigram": _share(trigrams, (b in index.trigrams for b in trigrams)),
        "arc": _share(arcs, (a in index.arcs for a in arcs)),
        "new_names": float(sum(t.norm not in index.words and t.lemma not in index.words for t in names)),
        "new_numbers": float(sum(t.norm not in index.words for t in numbers)),
        "missing": float(len(found) - sum(found)),
        "negation_differs": float(neg_here != neg_there) if best else 0.0,
        "length": len(toks) / 10,
        "new_entities": float(new_entities),
    }


def unseen_names(toks: Sequence[Tok], index: SourceIndex) -> list[str]:
    """The name words of a sentence that occur nowhere in the sources, as written."""
    out: list[str] = []
    for t in toks:
        name = (t.ent in _NAME_TYPES or t.pos == "PROPN") and t.norm.isalpha()
        if name and t.norm not in index.words and t.lemma not in index.words and t.lower not in out:
            out.append(t.lower)
    return out


def _is_number(t: Tok) -> bool:
    """Digits inside a numeric entity: what ``new_numbers`` counts and ``unseen_numbers`` lists."""
    return t.ent in _NUMBER_TYPES and any(c.isdigit() for c in t.norm)


def unseen_numbers(toks: Sequence[Tok], index: SourceIndex) -> list[str]:
    """The numbers of a sentence that occur nowhere in the sources, as written."""
    out: list[str] = []
    for t in toks:
        if _is_number(t) and t.norm not in index.words and t.lower not in out:
            out.append(t.lower)
    return out
