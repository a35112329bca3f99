"""The learned cue model: is this verb a reporting or stance cue, whatever its lemma?

The quotes stage's lexicons cover the frequent cues; the long tail ("sings", "grilled",
"unleashed", "decided against") is where attribution recall is lost. A sparse logistic regression
over parse features of the token (lemma, dependency, its children and its subject) scores every
verb the lexicons do not list, and the stage treats a verb that scores above the threshold as a
cue of its own. Trained by ``benchmarks/train_cue_model.py`` on PolNeAR's training split (gold
Cue spans); the few thousand weights it keeps are JSON in the package, so a user can read,
retrain and diff them. Plain Python at run time: no scikit-learn.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from newstrace.errors import ModelError
from newstrace.stages._quote_rules import (
    CUE_NOUNS,
    CUE_VERBS,
    OBJECT_CUES,
    PREP_VERBS,
    STANCE_ADJ,
    XCOMP_CUES,
)

MODEL_FILE = "cue_model.json"
# Parts of speech the model scores (the training examples are exactly these tokens).
POS = frozenset({"VERB", "NOUN", "ADJ"})
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_WORD_DEPS = frozenset({"prep", "agent", "mark", "aux", "neg", "advmod", "prt"})
_LEXICONS = (
    ("cue", CUE_VERBS),
    ("obj", OBJECT_CUES),
    ("prep", PREP_VERBS),
    ("xcomp", XCOMP_CUES),
    ("noun", CUE_NOUNS),
    ("adj", STANCE_ADJ),
)


def features(tok: Any, in_quote: bool) -> list[str]:
    """The sparse binary features of one spaCy token (names, not hashes: the JSON stays readable)."""
    lem = tok.lemma_.lower()
    out = ["b", "lem=" + lem, "pos=" + tok.pos_, "tag=" + tok.tag_, "dep=" + tok.dep_]
    out += ["ld=" + lem + "|" + tok.dep_, "lt=" + lem + "|" + tok.tag_]
    out += ["lex=" + name for name, words in _LEXICONS if lem in words]
    subj = None
    for c in tok.children:
        d = c.dep_
        out += ["cd=" + d, "lcd=" + lem + "|" + d]
        if d in _WORD_DEPS:
            out += ["cw=" + d + "|" + c.lower_, "lcw=" + lem + "|" + d + "|" + c.lower_]
        if d in _SUBJ:
            subj = c
        if d == "ccomp":
            marks = [x.lower_ for x in c.children if x.dep_ == "mark"]
            out.append("ccmark=" + (marks[0] if marks else "-"))
        if d == "dobj":
            out.append("obj=" + (c.ent_type_ or c.lemma_.lower() if c.pos_ != "PRON" else "PRON"))
        if d == "poss":
            out.append("poss=" + (c.ent_type_ or c.pos_))
    if subj is not None:
        if subj.pos_ == "PRON":
            slem = subj.lower_
        elif subj.pos_ == "NOUN":
            slem = subj.lemma_.lower()
        else:
            slem = "P"
        out += ["sp=" + subj.pos_, "se=" + (subj.ent_type_ or "-"), "sl=" + slem]
        out.append("lse=" + lem + "|" + (subj.ent_type_ or subj.pos_))
    else:
        out.append("nosubj")
    head = tok.head
    out += ["hl=" + head.lemma_.lower(), "hd=" + head.dep_, "hp=" + head.pos_]
    if tok.ent_type_:
        out.append("ent=" + tok.ent_type_)
    out.append(f"inq={int(in_quote)}")
    doc = tok.doc
    out.append("pw=" + (doc[tok.i - 1].lower_ if tok.i > 0 else "^"))
    out.append("nw=" + (doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "$"))
    return out


@dataclass(frozen=True)
class CueModel:
    weights: Mapping[str, float]
    bias: float
    threshold: float = 0.5  # probability from which an unlisted verb counts as a cue
    trained_on: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)

    def prob(self, feats: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-z))

    def is_cue(self, tok: Any, in_quote: bool = False) -> bool:
        return self.prob(features(tok, in_quote)) >= self.threshold

    def to_json(self) -> str:
        body = {
            "trained_on": self.trained_on,
            "threshold": self.threshold,
            "bias": self.bias,
            "meta": dict(self.meta),
            "weights": dict(sorted(self.weights.items())),
        }
        return json.dumps(body, indent=0, ensure_ascii=False) + "\n"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CueModel:
        if not isinstance(data, Mapping) or not isinstance(data.get("weights"), Mapping):
            raise ValueError('expected a JSON object with "bias" and a "weights" object')
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data.get("threshold", 0.5)),
            trained_on=str(data.get("trained_on", "")),
            meta=dict(data.get("meta", {})),
        )


@lru_cache(maxsize=4)
def load_cue_model(path: str | None = None) -> CueModel:
    """The bundled model, or one written by ``benchmarks/train_cue_model.py`` at ``path``."""
    try:
        if path is None:
            text = resources.files("newstrace").joinpath("data/" + MODEL_FILE).read_text("utf-8")
        else:
            text = Path(path).read_text("utf-8")
        return CueModel.from_dict(json.loads(text))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        where = path or f"newstrace/data/{MODEL_FILE}"
        raise ModelError(f"cannot read the cue model {where}: {exc}", code="E307") from None
