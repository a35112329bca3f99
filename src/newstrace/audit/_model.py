"""The support model: a logistic regression over the features of ``_features``.

Small on purpose: a dozen weights kept as JSON in the package (``support_model.json``), trained
by ``benchmarks/train_audit_model.py`` on examples made by perturbing source sentences
(``newstrace.audit.perturb``), so a user can read, retrain and diff it. Plain numpy: no
scikit-learn at run time.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from newstrace._logreg import fit_logistic
from newstrace.audit._align import Alignment
from newstrace.audit._features import ENTAIL_FEATURES, FEATURES
from newstrace.errors import ModelError

MODEL_FILE = "support_model.json"


def carried(
    units: int, key_aligned: bool, unaligned: int, cos1: float, max_unaligned: int, min_cosine: float
) -> bool:
    """The carried-in-other-words rule: every name and number has a counterpart, at most
    ``max_unaligned`` other content words lack one, and the best cosine is ``min_cosine`` or more.
    A fragment with no unit ("Sgt.", a lone quote mark) states nothing to check."""
    if units == 0:
        return True
    return key_aligned and unaligned <= max_unaligned and cos1 >= min_cosine


def entailment_rule(
    consistent: bool,
    entail: float | None,
    entailed_from: float,
    doubted_below: float,
    invents: bool = False,
    copy: bool = False,
) -> bool:
    """Whether a sentence the support decision found ``consistent`` (or not) stays so once the
    entailment model's reading ``entail`` is heard: a reworded sentence the sources entail is
    carried; a sentence worded like the sources that no evidence entails (a small edit: a
    changed word, a negation) is not. A sentence that ``invents`` (gives a name or number the
    sources never mention) is never carried by it: the model passes over "worth 300000 euros"
    or "Developer Marek Zielinski will build the flats" as details.
    A ``copy`` (a source's own words) has no edit to find: it is never doubted.
    ``None``: no entailment model, the decision stands."""
    if entail is None or (consistent and copy):
        return consistent
    if not consistent:
        return entail >= entailed_from and not invents
    return entail >= doubted_below


@dataclass(frozen=True, slots=True)
class Decision:
    """The settings that turn a sentence's readings into a label, chosen together by
    ``newstrace bench calibrate`` (see :class:`SupportModel` for each one's meaning): one record,
    so calibration re-labels traces under a candidate without a long parameter list."""

    support_by: str = "score"
    carried_unaligned: int = -1
    carried_cosine: float = 1.0
    threshold: float = 0.5
    entailed_from: float = 2.0
    doubted_below: float = -1.0


@dataclass(frozen=True)
class SupportModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float = 0.5  # score from which a sentence counts as supported
    trained_on: str = ""
    # The carried-in-other-words rule: a sentence scored below the threshold still counts as
    # supported when every name and number has a counterpart in the sources, at most
    # ``carried_unaligned`` other content words have none (-1: the rule is off) and its best
    # sentence cosine is at least ``carried_cosine``. Chosen by ``newstrace bench calibrate`` on
    # ``calibrated_on``, never on the sets it is scored on.
    carried_unaligned: int = -1
    carried_cosine: float = 1.0
    # "score": the support score decides, and the rule above only rescues what it rejects;
    # "alignment": the rule alone decides (support from alignment, not from one score).
    support_by: str = "score"
    calibrated_on: str = ""
    # The entailment rule (models.entailment): a sentence the rules above leave unsupported is
    # supported when the entailment model reads it as entailed by its best evidence with at least
    # ``entailed_from`` (2.0: off), and one they pass is unsupported when it reads below
    # ``doubted_below`` (-1.0: off). Chosen by ``newstrace bench calibrate`` with the settings above.
    entailed_from: float = 2.0
    doubted_below: float = -1.0

    @property
    def decision(self) -> Decision:
        return Decision(
            self.support_by,
            self.carried_unaligned,
            self.carried_cosine,
            self.threshold,
            self.entailed_from,
            self.doubted_below,
        )

    def entailment_rule(
        self, consistent: bool, entail: float | None, invents: bool = False, copy: bool = False
    ) -> bool:
        return entailment_rule(consistent, entail, self.entailed_from, self.doubted_below, invents, copy)

    def carried(self, aligned: Alignment, cos1: float) -> bool:
        return carried(
            aligned.units,
            aligned.key_units_aligned,
            len(aligned.unaligned_words),
            cos1,
            self.carried_unaligned,
            self.carried_cosine,
        )

    def score(self, feats: Mapping[str, float]) -> float:
        # An entailment feature absent (models.entailment = "none") is read at its training mean.
        x = np.array(
            [
                feats[f] if f in feats or f not in ENTAIL_FEATURES else m
                for f, m in zip(self.features, self.mean, strict=True)
            ],
            dtype=np.float64,
        )
        z = (x - np.array(self.mean)) / np.array(self.scale)
        return float(1.0 / (1.0 + np.exp(-(z @ np.array(self.coef) + self.intercept))))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path | None = None) -> SupportModel:
        try:
            if path is None:
                raw = resources.files("newstrace.audit").joinpath(MODEL_FILE).read_text(encoding="utf-8")
            else:
                raw = Path(path).read_text(encoding="utf-8")
            data: dict[str, Any] = json.loads(raw)
            vectors = {k: tuple(data[k]) for k in ("features", "mean", "scale", "coef")}
            model = cls(**{**data, **vectors})
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise ModelError(
                f"cannot load the audit support model {path or MODEL_FILE}: {exc}", code="E306"
            ) from None
        if model.support_by not in ("score", "alignment"):
            raise ModelError(
                f"audit model support_by must be 'score' or 'alignment', not {model.support_by!r}",
                code="E306",
            )
        unknown = set(model.features) - set(FEATURES)
        if unknown:
            raise ModelError(f"audit model uses unknown features {sorted(unknown)}", code="E306")
        return model


def fit(
    rows: Sequence[Mapping[str, float]],
    labels: Sequence[bool],
    *,
    features: Sequence[str] = FEATURES,
    l2: float = 1.0,
    steps: int = 2000,
    trained_on: str = "",
) -> SupportModel:
    """L2-regularized logistic regression by gradient descent on standardized features, with
    balanced class weights. Deterministic: same rows, same weights."""
    x = np.array([[r[f] for f in features] for r in rows], dtype=np.float64)
    y = np.array(labels, dtype=np.float64)
    mean, scale, coef, b = fit_logistic(x, y, l2=l2, steps=steps)
    return SupportModel(
        features=tuple(features),
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        coef=tuple(float(v) for v in coef),
        intercept=float(b),
        trained_on=trained_on,
    )
