"""The support model (``newstrace.audit._model``): load, save, fit."""

from __future__ import annotations

import json
import random

import pytest

from newstrace.audit._features import FEATURES
from newstrace.audit._model import SupportModel, fit
from newstrace.errors import ModelError


def _synthetic(n: int = 40, seed: int = 3) -> tuple[list[dict[str, float]], list[bool]]:
    """Supported rows have high cosine and coverage and nothing new; unsupported the reverse."""
    rng = random.Random(seed)
    rows: list[dict[str, float]] = []
    labels: list[bool] = []
    for i in range(n):
        good = i % 2 == 0
        base = 0.85 if good else 0.3
        row = {f: 0.0 for f in FEATURES}
        for f in ("cos1", "cos2", "cov", "cov_ev", "bigram", "trigram", "arc"):
            row[f] = base + rng.uniform(-0.1, 0.1)
        row["new_names"] = 0.0 if good else float(rng.randint(1, 3))
        row["missing"] = float(rng.randint(0, 1) if good else rng.randint(3, 6))
        row["length"] = rng.uniform(0.8, 2.0)
        rows.append(row)
        labels.append(good)
    return rows, labels


def test_shipped_model_loads():
    model = SupportModel.load()
    assert model.features and set(model.features) <= set(FEATURES)
    n = len(model.features)
    assert len(model.mean) == len(model.scale) == len(model.coef) == n
    assert 0.0 < model.threshold < 1.0
    # Its score is a probability and higher for a copy than for an invention.
    copy = dict.fromkeys(FEATURES, 1.0) | {"new_names": 0.0, "new_numbers": 0.0, "missing": 0.0}
    copy |= {"negation_differs": 0.0, "new_entities": 0.0, "length": 1.2}
    invented = dict.fromkeys(FEATURES, 0.1) | {"new_names": 2.0, "missing": 5.0, "new_entities": 2.0}
    invented |= {"negation_differs": 0.0, "new_numbers": 1.0, "length": 1.2}
    assert model.score(copy) >= model.threshold > model.score(invented)
    assert 0.0 <= model.score(invented) <= model.score(copy) <= 1.0


def test_save_load_round_trip(tmp_path):
    model = SupportModel(
        features=("cos1", "cov", "new_names"),
        mean=(0.5, 0.8, 0.2),
        scale=(0.2, 0.1, 0.5),
        coef=(1.5, 2.0, -1.0),
        intercept=0.25,
        threshold=0.6,
        trained_on="unit test",
    )
    path = tmp_path / "model.json"
    model.save(path)
    assert json.loads(path.read_text(encoding="utf-8"))["trained_on"] == "unit test"
    loaded = SupportModel.load(path)
    for name in ("features", "mean", "scale", "coef"):
        assert tuple(getattr(loaded, name)) == getattr(model, name)
    assert (loaded.intercept, loaded.threshold, loaded.trained_on) == (0.25, 0.6, "unit test")
    feats = {"cos1": 0.7, "cov": 0.9, "new_names": 1.0}
    assert loaded.score(feats) == model.score(feats)


def test_save_load_round_trip_is_equal(tmp_path):
    model = SupportModel(("cos1",), (0.5,), (0.2,), (1.5,), 0.25)
    path = tmp_path / "model.json"
    model.save(path)
    loaded = SupportModel.load(path)
    assert loaded == model
    assert hash(loaded) == hash(model)


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"features": ["cos1"]}',  # fields missing
        '{"features": ["cos1"], "mean": [0], "scale": [1], "coef": [1], "intercept": 0, "extra": 1}',
        "[]",
    ],
)
def test_corrupt_file_raises_e306(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelError) as info:
        SupportModel.load(path)
    assert info.value.code == "E306"


def test_missing_file_and_unknown_feature_raise_e306(tmp_path):
    with pytest.raises(ModelError) as info:
        SupportModel.load(tmp_path / "absent.json")
    assert info.value.code == "E306"
    path = tmp_path / "unknown.json"
    SupportModel(("cos1", "vibes"), (0.0, 0.0), (1.0, 1.0), (1.0, 1.0), 0.0).save(path)
    with pytest.raises(ModelError) as info:
        SupportModel.load(path)
    assert info.value.code == "E306" and "vibes" in str(info.value)


def test_fit_separates_a_separable_set():
    rows, labels = _synthetic()
    model = fit(rows, labels, trained_on="synthetic")
    assert model.features == FEATURES and model.trained_on == "synthetic"
    for row, good in zip(rows, labels, strict=True):
        if good:
            assert model.score(row) > 0.5
        else:
            assert model.score(row) < 0.5
    # Coverage pushes towards supported, new names away from it.
    coef = dict(zip(model.features, model.coef, strict=True))
    assert coef["cov"] > 0 > coef["new_names"]
    # A constant feature gets scale 1, not a division by zero.
    assert dict(zip(model.features, model.scale, strict=True))["new_numbers"] == 1.0


def test_fit_is_deterministic_and_respects_features():
    rows, labels = _synthetic()
    assert fit(rows, labels) == fit(rows, labels)
    small = fit(rows, labels, features=("cos1", "new_names"), steps=300)
    assert small.features == ("cos1", "new_names") and len(small.coef) == 2
    assert small.score(rows[0]) > 0.5 > small.score(rows[1])


def test_missing_entailment_features_read_at_their_mean():
    """models.entailment = "none": the entailment features are absent and push neither way;
    any other missing feature is still an error."""
    rows, labels = _synthetic()
    for k, row in enumerate(rows):
        row["entail"] = 0.9 if labels[k] else 0.05
    model = fit(rows, labels)
    row = dict(rows[0])
    bare = {f: v for f, v in row.items() if f != "entail"}
    at_mean = {**bare, "entail": model.mean[model.features.index("entail")]}
    assert model.score(bare) == pytest.approx(model.score(at_mean))
    assert model.score(row) > model.score(bare) > model.score({**row, "entail": 0.0})
    with pytest.raises(KeyError):
        model.score({f: v for f, v in row.items() if f != "cos1"})
