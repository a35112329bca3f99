"""Cross-article entity resolution, on hand-built entities (logic) and the example corpus (pipeline)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstrace.records import AnnotatedArticle, Article, Entity, Mention, Sentence
from newstrace.story import resolve_entities

EXAMPLES = Path(__file__).parent.parent.parent / "examples"


def _article(aid: str, text: str, names: list[tuple[str, str]]) -> AnnotatedArticle:
    """An article whose entities are the given (surface form, type), one entity per form."""
    ents = []
    for n, (form, typ) in enumerate(names, start=1):
        at = text.index(form)
        ents.append(Entity(f"e{n}", form, typ, (Mention(at, at + len(form), form, typ),)))
    art = Article(id=aid, path=f"{aid}.txt", text=text)
    return AnnotatedArticle(article=art, sentences=(Sentence(0, len(text)),), entities=tuple(ents))


def _by_mention(ents, aid: str, form: str):
    for e in ents:
        if any(m.article == aid and m.text == form for m in e.mentions):
            return e
    raise AssertionError(f"{form!r} in {aid} not found")


def test_transliteration_with_role_evidence():
    a = _article(
        "a", "He met acting governor Alexander Khinshtein in Kursk.", [("Alexander Khinshtein", "PERSON")]
    )
    b = _article(
        "b",
        "Accompanied by interim Governor Alexander Khinstin, he toured.",
        [("Alexander Khinstin", "PERSON")],
    )
    ents = resolve_entities([a, b])
    e = _by_mention(ents, "a", "Alexander Khinshtein")
    assert _by_mention(ents, "b", "Alexander Khinstin").id == e.id
    assert "Alexander Khinstin" in e.aliases
    [merge] = e.merges
    assert "transliteration" in merge.reason and "governor" in merge.reason


def test_shared_surname_different_first_names_stay_apart():
    a = _article("a", "Nurse Nadia Petrenko said the ward was full.", [("Nadia Petrenko", "PERSON")])
    b = _article("b", "Minister Ihor Petrenko said aid was coming.", [("Ihor Petrenko", "PERSON")])
    c = _article("c", "Petrenko said more later.", [("Petrenko", "PERSON")])
    ents = resolve_entities([a, b, c])
    assert _by_mention(ents, "a", "Nadia Petrenko").id != _by_mention(ents, "b", "Ihor Petrenko").id
    # A bare surname with two candidates joins neither.
    bare = _by_mention(ents, "c", "Petrenko")
    assert len(bare.members) == 1


def test_a_first_name_and_its_short_form_are_one_person():
    a = _article("a", "Gabrielle Giffords spoke in Tucson.", [("Gabrielle Giffords", "PERSON")])
    b = _article("b", "Gabby Giffords thanked the doctors.", [("Gabby Giffords", "PERSON")])
    c = _article("c", "Chelsea Giffords was not there.", [("Chelsea Giffords", "PERSON")])
    ents = resolve_entities([a, b, c])
    e = _by_mention(ents, "a", "Gabrielle Giffords")
    assert _by_mention(ents, "b", "Gabby Giffords").id == e.id
    assert "short form" in e.merges[0].reason
    assert _by_mention(ents, "c", "Chelsea Giffords").id != e.id


def test_nickname_table():
    from newstrace.lexicon import nicknames, same_first_name

    assert same_first_name("Bill", "William") and same_first_name("william", "BILL")
    assert same_first_name("Gabby", "Gabrielle") and same_first_name("Anna", "anna")
    assert not same_first_name("Chelsea", "Hillary")
    assert not same_first_name("Kate", "Katie")  # two short forms: the table does not say
    table = nicknames()
    assert {"christopher", "christine", "christina"} <= table["chris"]
    for name, others in table.items():
        assert name == name.casefold() and " " not in name
        assert all(name in table[o] for o in others)  # both directions


def test_same_bare_name_in_two_articles_is_one_person():
    # No full name anywhere to join: the same bare name, in any case, is still one person (a wire
    # story's "Mahmud" and its rewrite's), not two people who did the same thing.
    a = _article("a", "Mahmud died from five bullet wounds.", [("Mahmud", "PERSON")])
    b = _article("b", "mahmud died after the attack.", [("mahmud", "PERSON")])
    c = _article("c", "Osei said he would stay.", [("Osei", "PERSON")])
    ents = resolve_entities([a, b, c])
    e = _by_mention(ents, "a", "Mahmud")
    assert _by_mention(ents, "b", "mahmud").id == e.id
    assert e.merges[0].reason == "same name: mahmud"
    assert _by_mention(ents, "c", "Osei").id != e.id


def test_bare_surname_joins_unique_full_name():
    a = _article("a", "Valery Gerasimov reported to the president.", [("Valery Gerasimov", "PERSON")])
    b = _article("b", "Gerasimov announced the result.", [("Gerasimov", "PERSON")])
    ents = resolve_entities([a, b])
    e = _by_mention(ents, "a", "Valery Gerasimov")
    assert _by_mention(ents, "b", "Gerasimov").id == e.id
    assert e.name == "Valery Gerasimov"
    assert e.merges[0].reason.startswith("surname")


def test_aliases_acronyms_and_demonyms():
    a = _article(
        "a",
        "The DPRK said its troops fought. North Korean officers were there.",
        [("DPRK", "GPE"), ("North Korean", "NORP")],
    )
    b = _article("b", "North Korea confirmed it.", [("North Korea", "GPE")])
    c = _article(
        "c",
        "The Council of Amber Coast States met. CACS leaders spoke.",
        [("Council of Amber Coast States", "ORG")],
    )
    d = _article("d", "CACS ministers arrived.", [("CACS", "ORG")])
    ents = resolve_entities([a, b, c, d])
    korea = _by_mention(ents, "a", "DPRK")
    assert _by_mention(ents, "b", "North Korea").id == korea.id
    assert korea.name == "North Korea"
    assert [r.text for r in korea.related] == ["North Korean"]
    assert all(m.text != "North Korean" for m in korea.mentions), "a demonym is related, not the entity"
    cacs = _by_mention(ents, "c", "Council of Amber Coast States")
    assert _by_mention(ents, "d", "CACS").id == cacs.id
    assert any("acronym" in m.reason for m in cacs.merges)


def test_output_is_deterministic_and_ids_are_unique():
    a = _article("a", "Vladimir Putin visited Kursk.", [("Vladimir Putin", "PERSON"), ("Kursk", "GPE")])
    b = _article("b", "Putin toured Kursk.", [("Putin", "PERSON"), ("Kursk", "GPE")])
    one = resolve_entities([a, b])
    assert one == resolve_entities([a, b])
    assert len({e.id for e in one}) == len(one) == 2


@pytest.fixture(scope="module")
def corpus_entities(pipeline):
    from newstrace.readers import read_paths

    arts = [r for r in read_paths([EXAMPLES / "corpus"]) if isinstance(r, Article)]
    anns = list(pipeline.annotate(arts))
    keys = {}
    for ann in anns:
        name = Path(ann.article.path).name
        keys[f"{name}#{ann.article.id}" if name.endswith(".jsonl") else name] = ann.article.id
    return resolve_entities(anns), keys


def _find(ents, aid: str, name: str):
    for e in ents:
        if any(m.article == aid and (m.text == name) for m in e.mentions):
            return e
    return None


def test_example_corpus_people(corpus_entities):
    """The gold's planted person pairs: transliterations merge, shared surnames do not."""
    ents, keys = corpus_entities
    gold = json.loads((EXAMPLES / "gold" / "expected.json").read_text(encoding="utf-8"))
    checked = 0
    for pair in gold["entities_same"]:
        if pair["kind"] != "transliteration":
            continue
        ea = _find(ents, keys[pair["a"][0]], pair["a"][1])
        eb = _find(ents, keys[pair["b"][0]], pair["b"][1])
        assert ea is not None and eb is not None, pair
        assert ea.id == eb.id, pair
        checked += 1
    for pair in gold["entities_different"]:
        ea = _find(ents, keys[pair["a"][0]], pair["a"][1])
        eb = _find(ents, keys[pair["b"][0]], pair["b"][1])
        assert ea is not None and eb is not None, pair
        assert ea.id != eb.id, pair
        checked += 1
    assert checked >= 6
