"""benchmarks/train_cue_model.py on the PolNeAR-style mini fixture (training needs scikit-learn,
in the test extra)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
MINI = Path(__file__).parent / "fixtures" / "polnear_mini"


@pytest.fixture(scope="module")
def train() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_cue_model", ROOT / "benchmarks" / "train_cue_model.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_examples_label_tokens_inside_gold_cues(train: ModuleType) -> None:
    parsed = train.parse(MINI)
    xs, ys = train.examples(parsed)
    assert len(xs) == len(ys) > 10
    positives = {next(f for f in x if f.startswith("lem=")) for x, y in zip(xs, ys, strict=True) if y}
    assert {"lem=say", "lem=add"} <= positives
    assert "lem=dredge" not in positives


def test_training_is_reproducible_and_writes_a_loadable_model(train: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    assert train.main([str(MINI), "--dev", str(MINI), "--out", str(out), "--c", "10"]) == 0
    first = out.read_text()
    assert train.main([str(MINI), "--out", str(out), "--c", "10"]) == 0
    data = json.loads(out.read_text())
    assert data["weights"] == json.loads(first)["weights"]  # same data, same weights
    assert data["trained_on"] == "fixtures/polnear_mini" and data["meta"]["positives"] > 0
    from newstrace.stages._cue_model import load_cue_model

    model = load_cue_model(str(out))
    xs, ys = train.examples(train.parse(MINI))
    assert all(model.prob(x) >= model.threshold for x, y in zip(xs, ys, strict=True) if y)
    assert not any(model.prob(x) >= model.threshold for x, y in zip(xs, ys, strict=True) if not y)
