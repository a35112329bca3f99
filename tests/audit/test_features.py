"""Support features (``newstrace.audit._features``) on spaCy parses of short texts."""

from __future__ import annotations

import pytest

from newstrace.audit._features import (
    ENTAIL_FEATURES,
    FEATURES,
    SourceIndex,
    Tok,
    sentence_features,
    toks_of,
    unseen_names,
    unseen_numbers,
)
from newstrace.models import load_spacy

SOURCE = "Mayor Anna Kowal closed the old bridge in Gdansk on Monday after inspectors found 14 cracks."


@pytest.fixture(scope="module")
def nlp(settings):
    return load_spacy(settings.spacy_model)


@pytest.fixture(scope="module")
def parse(nlp):
    def run(text: str) -> list[Tok]:
        return toks_of([(0, nlp(text))], 0, len(text))

    return run


@pytest.fixture(scope="module")
def source(parse) -> tuple[list[Tok], SourceIndex]:
    toks = parse(SOURCE)
    index = SourceIndex()
    index.add(toks)
    return toks, index


def _features(parse, source, text: str, cos: float = 0.9) -> dict[str, float]:
    src_toks, index = source
    return sentence_features(parse(text), index, [src_toks], [cos])


def test_toks_of_offsets_and_range(nlp):
    text = "Police arrested twelve men. The court freed them on Friday."
    doc = nlp(text)
    # Chunks carry their offset in the article: token offsets are global.
    off = 100
    toks = toks_of([(off, doc)], off, off + len(text))
    assert [text[t.start - off : t.end - off] for t in toks] == [t.text for t in doc if not t.is_space]
    assert next(t for t in toks if t.lower == "twelve").norm == "12"  # number words normalized
    # Only the second sentence, heads kept inside the range.
    second = text.index("The court")
    part = toks_of([(off, doc)], off + second, off + len(text))
    assert part[0].lower == "the" and part[0].start == off + second
    assert all(0 <= t.head < len(part) for t in part)
    root = next(t for t in part if t.dep == "ROOT")
    assert root.lemma == "free" and part[root.head] is root
    assert next(t for t in part if t.lower == "the").content is False
    assert next(t for t in part if t.lower == "court").content is True
    # A chunk outside the range gives nothing.
    assert toks_of([(off, doc)], 0, off) == []


def test_feature_order_is_the_dict_order(parse, source):
    feats = _features(parse, source, SOURCE)
    # The entailment features come from the audit's context (one batch per derived text).
    assert (*feats, *ENTAIL_FEATURES) == FEATURES
    assert len(set(FEATURES)) == len(FEATURES)


def test_copy_is_fully_covered(parse, source):
    feats = _features(parse, source, SOURCE, cos=1.0)
    assert feats["cov"] == 1.0
    assert feats["cov_ev"] == 1.0
    assert feats["bigram"] == 1.0
    assert feats["trigram"] == 1.0
    assert feats["arc"] == 1.0
    assert feats["new_names"] == 0.0
    assert feats["new_numbers"] == 0.0
    assert feats["missing"] == 0.0
    assert feats["new_entities"] == 0.0
    assert feats["negation_differs"] == 0.0
    assert feats["cos1"] == 1.0 and feats["cos2"] == 1.0
    assert feats["length"] == pytest.approx(len(parse(SOURCE)) / 10)
    assert unseen_names(parse(SOURCE), source[1]) == []


def test_new_name_is_counted_and_listed(parse, source):
    text = "Mayor Piotr Nowak closed the old bridge in Gdansk on Monday."
    feats = _features(parse, source, text)
    assert feats["new_names"] >= 1
    assert feats["new_entities"] >= 1
    assert feats["cov"] < 1.0 and feats["missing"] >= 1
    names = unseen_names(parse(text), source[1])
    assert "nowak" in names and "piotr" in names
    assert "gdansk" not in names and "mayor" not in names


def test_new_number_is_counted(parse, source):
    text = "Inspectors found 27 cracks in the old bridge."
    feats = _features(parse, source, text)
    assert feats["new_numbers"] >= 1
    assert feats["new_names"] == 0.0
    same = _features(parse, source, "Inspectors found 14 cracks in the old bridge.")
    assert same["new_numbers"] == 0.0
    assert unseen_numbers(parse(text), source[1]) == ["27"]
    assert unseen_numbers(parse("Inspectors found 14 cracks in the old bridge."), source[1]) == []


def test_numbers_split_by_stray_spaces_are_known_joined(parse):
    # Badly de-tokenized sources write "3, 800 km" and "1. 3 billion"; a derived text that
    # writes them whole repeats them, it does not bring new numbers.
    index = SourceIndex()
    index.add(
        parse("The fort lies 3, 800 km from Moscow and 1. 3 billion people live nearby; it ended 5 - 0.")
    )
    assert unseen_numbers(parse("The fort lies 3,800 km from Moscow."), index) == []
    assert unseen_numbers(parse("About 1.3 billion people live nearby."), index) == []
    assert unseen_numbers(parse("It ended 5-0."), index) == []
    assert unseen_numbers(parse("The fort lies 3,900 km from Moscow."), index) == ["3,900"]
    # The first piece carries the whole number; the rest are punctuation, not content.
    toks = parse("It lies 3, 800 km away.")
    head = next(t for t in toks if t.lower.startswith("3"))
    assert (head.norm, head.lower, head.pos) == ("3800", "3,800", "NUM")
    assert [t.content for t in toks if t.lower in (",", "800")] == [False, False]
    # A list with ordinary spacing ("3, 4") is not a number: the tail must have three digits.
    assert [t.norm for t in parse("Rooms 3, 4 and 5.") if t.pos == "NUM"][:2] == ["3", "4"]


def test_negation_differs_from_best_evidence(parse, source):
    feats = _features(parse, source, "The old bridge in Gdansk was not closed on Monday.")
    assert feats["negation_differs"] == 1.0
    assert feats["cov"] == 1.0  # same words, opposite claim: only the negation feature tells
    # Without evidence there is nothing to differ from.
    _, index = source
    text = "The bridge was not closed."
    assert sentence_features(parse(text), index, [], [])["negation_differs"] == 0.0


def test_reordered_words_lose_ngrams_not_coverage(parse, source):
    feats = _features(parse, source, "Cracks found inspectors 14 after Monday on Gdansk in bridge old.")
    assert feats["cov"] == 1.0
    assert feats["trigram"] < 0.5


def test_cosines_best_first(parse, source):
    src_toks, index = source
    text = "Mayor Anna Kowal closed the old bridge."
    feats = sentence_features(parse(text), index, [src_toks, src_toks], [0.4, 0.8])
    assert feats["cos1"] == pytest.approx(0.8)
    assert feats["cos2"] == pytest.approx(0.6)
    none = sentence_features(parse(text), index, [], [])
    assert none["cos1"] == 0.0 and none["cos2"] == 0.0 and none["cov_ev"] == 0.0
