"""Training examples made by perturbing source sentences (``newstrace.audit.perturb``)."""

from __future__ import annotations

from collections import Counter

import pytest

from newstrace.audit.perturb import MIN_TOKENS, Example, perturb
from newstrace.readers import article_from_text

TEXTS = {
    "council": (
        "date 2024-03-13\n"
        "The city council of Gdansk approved the new housing plan on Tuesday after a long debate. "
        "The plan adds 400 flats near the river and costs 52 million zlotys. "
        "Mayor Anna Kowal said the first residents would move in by March next year. "
        "Opposition councillor Piotr Nowak voted against the plan on Tuesday evening. "
        "Builders from Warsaw will start work on the site in June."
    ),
    "crash": (
        "date 2024-03-12\n"
        "A bus crash near Lublin killed 12 people on Monday, police said. "
        "The driver of the bus, a 54-year-old man from Krakow, was taken to hospital in Lublin. "
        "Prosecutor Jan Malek opened an investigation into the crash on Monday night. "
        "The road between Lublin and Zamosc was closed for 9 hours on Monday. "
        "Minister Ewa Lis visited the injured in the Lublin hospital on Tuesday."
    ),
    "bank": (
        "date 2024-03-10\n"
        "The national bank raised its main interest rate to 6 percent on Thursday. "
        "Governor Adam Glapinski told reporters in Warsaw that inflation had risen for 3 months. "
        "Analysts at the Pekao bank had expected a smaller rise on Thursday. "
        "The zloty gained 2 percent against the euro after the decision in Warsaw."
    ),
}
SEEDS = range(1, 9)


def _parsed(pipeline, text: str, aid: str):
    """One article parsed as ``perturb`` needs it (``keep_docs=True``)."""
    [ann] = pipeline.annotate([article_from_text(text, id=aid)], keep_docs=True)
    return ann


@pytest.fixture(scope="module")
def anns(pipeline):
    articles = [article_from_text(text, id=aid) for aid, text in TEXTS.items()]
    return list(pipeline.annotate(articles, keep_docs=True))


@pytest.fixture(scope="module")
def sentences(anns) -> dict[str, set[str]]:
    """Each article's sentences, as perturb sees them."""
    return {a.article.id: {s.text.strip() for _, doc in a.docs for s in doc.sents} for a in anns}


@pytest.fixture(scope="module")
def examples(anns) -> list[Example]:
    """Examples over several seeds, so every kind of change shows up."""
    return [e for seed in SEEDS for e in perturb(anns, seed=seed)]


def test_deterministic_for_a_seed(anns):
    first = perturb(anns, seed=13)
    assert first and perturb(anns, seed=13) == first
    assert perturb(anns, seed=14) != first


def test_both_classes_from_every_article(anns):
    ex = perturb(anns, per_article=8, seed=13)
    by_article = Counter((e.source, e.supported) for e in ex)
    for aid in TEXTS:
        assert by_article[(aid, True)] >= 1 and by_article[(aid, False)] >= 1
        # At most per_article each, at most half of them supported.
        assert by_article[(aid, True)] + by_article[(aid, False)] <= 8
        assert by_article[(aid, True)] <= 4


def test_kinds_match_labels(examples):
    kinds = Counter(e.kind for e in examples)
    for kind in ("copy", "shorten", "entity", "number", "date", "negate", "opposite", "foreign"):
        assert kinds[kind] >= 1, kind
    for e in examples:
        assert e.supported == (e.kind in ("copy", "shorten")), e
        assert e.text == e.text.strip() and e.text


def test_copies_are_source_sentences_verbatim(examples, sentences, anns):
    texts = {a.article.id: a.article.text for a in anns}
    copies = [e for e in examples if e.kind == "copy"]
    assert copies
    for e in copies:
        assert e.text in sentences[e.source]
        assert e.text in texts[e.source]
        assert sum(w.strip(".,").isalpha() for w in e.text.split()) >= MIN_TOKENS - 2


def test_shortened_sentences_are_shorter_and_drawn_from_a_source(examples, sentences):
    shortened = [e for e in examples if e.kind == "shorten"]
    assert shortened
    for e in shortened:
        assert e.text not in sentences[e.source]
        # A source sentence holds all its words, and more.
        kept = _words(e.text)
        assert any(kept < _words(s) for s in sentences[e.source]), e


def _words(text: str) -> set[str]:
    return {w.strip(".,;:").casefold() for w in text.split()}


@pytest.mark.parametrize("kind", ["number", "date", "entity"])
def test_changed_sentences_differ_from_every_source_sentence(examples, sentences, kind):
    changed = [e for e in examples if e.kind == kind]
    assert changed
    every = set().union(*sentences.values())
    for e in changed:
        assert not e.supported
        assert e.text not in every, e


def test_number_and_date_changes_touch_only_the_value(examples, sentences):
    for e in (e for e in examples if e.kind in ("number", "date")):
        # Exactly one source sentence has the same words around the changed one.
        words = e.text.split()
        near = [
            s
            for s in sentences[e.source]
            if len(s.split()) == len(words)
            and sum(a != b for a, b in zip(s.split(), words, strict=True)) == 1
        ]
        assert len(near) == 1, e


def test_opposites_turn_one_word_in_its_inflection(examples, sentences):
    # "approved" -> "rejected", "raised" -> "lowered"/"cut", "gained" -> "lost": one word
    # replaced by the same form of its opposite, the rest of the sentence as it was.
    changed = [e for e in examples if e.kind == "opposite"]
    assert changed
    pairs = set()
    for e in changed:
        words = e.text.split()
        [src] = [
            s
            for s in sentences[e.source]
            if len(s.split()) == len(words)
            and sum(a != b for a, b in zip(s.split(), words, strict=True)) == 1
        ]
        [(old, new)] = [(a, b) for a, b in zip(src.split(), words, strict=True) if a != b]
        pairs.add((old, new))
    known = {
        ("approved", "rejected"),
        ("raised", "lowered"),
        ("raised", "cut"),
        ("gained", "lost"),
        ("first", "last"),
        ("smaller", "larger"),
        ("smaller", "bigger"),
        ("rise", "fall"),
        ("risen", "fallen"),
        ("new", "old"),
        ("after", "before"),
        ("against", "for"),
        ("closed", "opened"),
        ("opened", "closed"),
        ("start", "end"),
        ("start", "stop"),
        ("near", "far"),
        ("long", "short"),
        ("main", "minor"),
        ("national", "foreign"),
    }
    assert pairs and pairs <= known, pairs - known


def test_foreign_sentences_come_from_another_article(examples, sentences):
    foreign = [e for e in examples if e.kind == "foreign"]
    assert foreign
    for e in foreign:
        assert e.text not in sentences[e.source]
        assert any(e.text in sents for aid, sents in sentences.items() if aid != e.source)


def test_short_or_lone_articles(pipeline):
    short = _parsed(pipeline, "Rain fell. Roads closed.", "short")
    assert perturb([short]) == []  # no sentence long enough to perturb
    lone = _parsed(pipeline, TEXTS["bank"], "bank")
    ex = perturb([lone], seed=2)
    assert ex and not any(e.kind == "foreign" for e in ex)  # nothing to borrow from


def test_a_changed_year_stays_a_plausible_year(pipeline):
    text = (
        "date 2024-03-10\n"
        "The old bridge over the Vistula in Torun was built in 1934 by the city council. "
        "The new museum of the city of Torun opened its doors in 2019 after a long delay."
    )
    ann = _parsed(pipeline, text, "years")
    years = {"1934", "2019"}
    changed = [e for seed in range(1, 40) for e in perturb([ann], seed=seed) if e.kind == "number"]
    assert changed
    for e in changed:
        new = [w.strip(".") for w in e.text.split() if w.strip(".").isdigit() and w.strip(".") not in years]
        assert len(new) == 1 and any(1 <= abs(int(new[0]) - int(y)) <= 5 for y in years), e


def test_swaps_exchange_a_verbs_doer_and_object_only(pipeline):
    # "The new prosecutor is Jan Malek" for "Jan Malek is the new prosecutor" says the same, so a
    # copula's two sides are never swapped; a verb's subject and object are.
    text = (
        "date 2024-03-12\n"
        "Jan Malek was the new prosecutor for nearly two years before the elections. "
        "The regional bank sued the national regulator on Monday after a long dispute."
    )
    ann = _parsed(pipeline, text, "swaps")
    swaps = {e.text for seed in range(1, 40) for e in perturb([ann], seed=seed) if e.kind == "swap"}
    assert swaps == {"The national regulator sued the regional bank on Monday after a long dispute."}


def test_entity_edits_name_someone_else(pipeline):
    # "Barack Obama" for "Obama" or "Merkel's" for "Merkel" is the same person, no edit; a
    # replacement drops its own "the" ("a the Trump Foundation official").
    text = (
        "date 2024-03-12\n"
        "President Barack Obama met Chancellor Angela Merkel in Berlin on Monday morning. "
        "Obama said the talks with Merkel were useful and friendly and very long. "
        "A spokesman for the Trump Foundation said the money went to a school in Ohio. "
        "Merkel's office said the two leaders would meet again in Paris next year."
    )
    ann = _parsed(pipeline, text, "names")
    edits = [e for seed in range(1, 40) for e in perturb([ann], seed=seed) if e.kind == "entity"]
    assert edits
    for e in edits:
        assert not e.text.startswith(("Barack Obama said", "Angela Merkel's office")), e.text
        assert " the the " not in e.text and " a the " not in e.text.lower(), e.text


def test_one_edit_of_one_sentence(anns):
    import random

    from newstrace.audit.perturb import edit, name_pool

    council = next(a for a in anns if a.article.id == "council")
    pool = name_pool(council.docs)
    assert "Warsaw" in pool["GPE"] and "Anna Kowal" in pool["PERSON"]
    first = next(s for _, doc in council.docs for s in doc.sents)
    rng = random.Random(1)
    assert edit(first, "negate", pool, rng) == (
        "The city council of Gdansk did not approve the new housing plan on Tuesday after a long debate."
    )
    assert edit(first, "opposite", pool, rng) == (
        "The city council of Gdansk rejected the new housing plan on Tuesday after a long debate."
    )
    with pytest.raises(ValueError, match="unknown edit"):
        edit(first, "rewrite", pool, rng)
