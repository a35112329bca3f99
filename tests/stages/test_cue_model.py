from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from newstrace.config import Settings, load_settings
from newstrace.errors import ModelError
from newstrace.records import AnnotatedArticle, Article
from newstrace.stages._cue_model import POS, CueModel, features, load_cue_model
from newstrace.stages._quote_rules import CUE_VERBS, OBJECT_CUES, PREP_VERBS, XCOMP_CUES
from newstrace.stages.entities import EntitiesStage
from newstrace.stages.quotes import QuotesStage, extract_quotes
from newstrace.stages.segment import SegmentStage

# "grumble" is in no lexicon: only a cue model can make it a cue.
GRUMBLE = (
    "The Harbor Board met on Monday.\n\nMayor Lena Ortiz grumbled that the ferry fees were far too high.\n"
)


@pytest.fixture(scope="module")
def parsed(settings: Settings) -> AnnotatedArticle:
    ann = AnnotatedArticle(Article("t", "t.txt", GRUMBLE))
    return EntitiesStage()(SegmentStage(settings)([ann]))[0]


def _token(ann: AnnotatedArticle, word: str):  # type: ignore[no-untyped-def]
    return next(t for _, doc in ann.docs for t in doc if t.text == word)


def test_grumble_is_unlisted() -> None:
    assert not {"grumble"} & (CUE_VERBS | OBJECT_CUES | PREP_VERBS | XCOMP_CUES)


def test_features_name_the_verb_its_complement_and_its_subject(parsed: AnnotatedArticle) -> None:
    tok = _token(parsed, "grumbled")
    assert tok.pos_ in POS
    f = features(tok, False)
    assert f == features(tok, False)  # deterministic
    assert {"b", "lem=grumble", "pos=VERB", "cd=ccomp", "ccmark=that", "inq=0"} <= set(f)
    assert "se=PERSON" in f and "nosubj" not in f
    assert "lex=cue" not in f
    said = features(_token(parsed, "met"), True)
    assert "inq=1" in said and "lem=meet" in said


def test_prob_is_a_logistic_of_summed_weights() -> None:
    m = CueModel({"a": 2.0, "b": -1.0}, bias=-1.0, threshold=0.5)
    assert m.prob(["a", "b"]) == pytest.approx(0.5)
    assert m.prob(["a"]) == pytest.approx(1 / (1 + 2.718281828459045**-1))
    assert m.prob(["unknown"]) == pytest.approx(1 / (1 + 2.718281828459045))


def test_json_round_trip(tmp_path: Path) -> None:
    m = CueModel({"lem=grumble": 3.5, "b": -0.25}, bias=-2.0, threshold=0.6, trained_on="x", meta={"C": 0.5})
    path = tmp_path / "m.json"
    path.write_text(m.to_json(), encoding="utf-8")
    back = load_cue_model(str(path))
    assert back == m
    assert list(json.loads(path.read_text())["weights"]) == ["b", "lem=grumble"]  # sorted: diffable


def test_bundled_model_loads_and_is_small() -> None:
    m = load_cue_model()
    assert 0.0 < m.threshold < 1.0
    assert 500 < len(m.weights) < 20_000
    assert m.meta["positives"] > 1000 and m.trained_on
    # What it learned is readable: listed cue verbs weigh in favour, a dative "to" child does not hurt.
    assert m.weights.get("lex=cue", 0.0) > 0.0


@pytest.mark.parametrize("content", ["not json", '{"weights": {}}', '{"bias": 0, "weights": [1]}'])
def test_unreadable_model_is_E307(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelError) as err:
        load_cue_model(str(path))
    assert err.value.code == "E307" and "bad.json" in err.value.message
    with pytest.raises(ModelError):
        load_cue_model(str(tmp_path / "missing.json"))


def test_a_promoted_verb_becomes_a_cue_with_speaker_and_content(parsed: AnnotatedArticle) -> None:
    text = parsed.article.text
    assert [q for q in extract_quotes(parsed)[0] if q.cue is not None] == []  # lexicons only
    model = CueModel({"lem=grumble": 10.0}, bias=-5.0)
    quotes, _ = extract_quotes(parsed, model)
    (q,) = [q for q in quotes if q.cue is not None]
    assert text[q.cue.start : q.cue.end] == "grumbled"
    assert (
        q.speaker_span is not None and text[q.speaker_span.start : q.speaker_span.end] == "Mayor Lena Ortiz"
    )
    assert text[q.content.start : q.content.end] == "that the ferry fees were far too high"
    assert q.kind == "indirect"
    # Below the threshold the verb stays an ordinary verb.
    assert [q for q in extract_quotes(parsed, replace(model, threshold=0.999))[0] if q.cue] == []


def test_stage_reads_the_configured_model(parsed: AnnotatedArticle, tmp_path: Path) -> None:
    path = tmp_path / "grumble.json"
    path.write_text(CueModel({"lem=grumble": 10.0}, bias=-5.0).to_json(), encoding="utf-8")
    custom = QuotesStage(load_settings(**{"models.cue_model": str(path)}))
    assert [q.cue for q in custom([parsed])[0].quotes if q.cue]
    off = QuotesStage(load_settings(**{"models.cue_model": "none"}))
    assert off.cue_model is None and not [q for q in off([parsed])[0].quotes if q.cue]
    assert QuotesStage(load_settings()).cue_model == load_cue_model()
    with pytest.raises(ModelError):
        QuotesStage(load_settings(**{"models.cue_model": str(tmp_path / "nope.json")}))
