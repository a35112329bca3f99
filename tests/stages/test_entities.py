from __future__ import annotations

from newstrace.lexicon import gazetteer, name_key, strip_titles
from newstrace.readers import article_from_text
from newstrace.records import AnnotatedArticle, Entity
from newstrace.stages.entities import EntitiesStage, _acronym_defs
from newstrace.stages.segment import SegmentStage


def _entities(settings, text: str) -> tuple[Entity, ...]:
    art = article_from_text(text, id="t")
    batch = SegmentStage(settings)([AnnotatedArticle(article=art)])
    [ann] = EntitiesStage()(batch)
    for e in ann.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    return ann.entities


def _find(ents, form):
    hits = [e for e in ents if any(m.text == form for m in e.mentions)]
    assert hits, f"no entity with mention {form!r}: {[e.name for e in ents]}"
    return hits[0]


TEXT = (
    "date 2025-03-05 Geneva, March 5 - Foreign Minister Amara Okafor met envoys of the "
    "Democratic People's Republic of Korea (DPRK) on Tuesday. Okafor said the DPRK delegation "
    "had asked for more time. North Korea's ambassador did not comment. "
    "The International Atomic Energy Agency (IAEA) said its inspectors were ready. An IAEA "
    "spokesman confirmed the plan. Officials in the Tavria region said the Tavria "
    "Region council would meet. Paul Okafor, a local trader, said prices had risen."
)


def test_acronym_and_gazetteer_aliases(settings):
    ents = _entities(settings, TEXT)
    korea = _find(ents, "DPRK")
    forms = {m.text for m in korea.mentions}
    assert "Democratic People's Republic of Korea" in forms
    assert "North Korea" in forms
    assert korea.name == "North Korea"
    assert korea.type == "GPE"
    iaea = _find(ents, "IAEA")
    assert "International Atomic Energy Agency" in {m.text for m in iaea.mentions}


def test_possessive_and_leading_article_trimmed(settings):
    ents = _entities(settings, TEXT)
    texts = {m.text for e in ents for m in e.mentions}
    assert "North Korea's" not in texts
    assert not any(t.startswith("the ") for t in texts)


def test_two_people_sharing_a_surname_stay_apart(settings):
    ents = _entities(settings, TEXT)
    amara = _find(ents, "Amara Okafor")
    paul = _find(ents, "Paul Okafor")
    assert amara.id != paul.id
    # "Okafor" alone is ambiguous here (two full names end with it): it must not join either.
    assert all(m.text != "Okafor" for m in amara.mentions + paul.mentions)


def test_surname_joins_unique_full_name(settings):
    ents = _entities(
        settings,
        "date 2025-03-05 Geneva, March 5 - Foreign Minister Amara Okafor arrived on Tuesday. "
        "Okafor said talks went well.",
    )
    amara = _find(ents, "Amara Okafor")
    assert [m.text for m in amara.mentions] == ["Amara Okafor", "Okafor"]
    assert amara.name == "Amara Okafor"


def test_region_suffix_and_retyping(settings):
    ents = _entities(settings, TEXT)
    tavria = [e for e in ents if "Tavria" in e.name]
    assert len(tavria) == 1, [(e.name, [m.text for m in e.mentions]) for e in tavria]
    assert tavria[0].type in ("GPE", "LOC")


def test_a_name_in_a_list_of_places_is_a_place(settings):
    """The small model tags the last of "Sydney, Melbourne, Brisbane and Fremantle" a person."""
    from newstrace.records import Mention
    from newstrace.stages.entities import _listed_places

    text = "Terminals in Sydney, Melbourne, Brisbane and Fremantle were shut. Anna Lee, Tom Hall and Sydney spoke."
    def at(word: str, label: str, nth: int = 0) -> Mention:
        i = -1
        for _ in range(nth + 1):
            i = text.index(word, i + 1)
        return Mention(i, i + len(word), word, label)

    ms = [at("Sydney", "GPE"), at("Melbourne", "GPE"), at("Brisbane", "GPE"), at("Fremantle", "PERSON"),
          at("Anna Lee", "PERSON"), at("Tom Hall", "PERSON"), at("Sydney", "GPE", 1)]  # fmt: skip
    labels = [m.label for m in _listed_places(ms, text)]
    assert labels == ["GPE", "GPE", "GPE", "GPE", "PERSON", "PERSON", "GPE"]


def test_name_keys_and_titles():
    assert name_key("The al - Shabaab's") == name_key("al-Shabaab") == "al-shabaab"
    assert name_key("Smith-Jones") == "smith-jones"
    # British style writes titles without a period.
    assert strip_titles("Dr Zhai") == strip_titles("Dr. Zhai") == "Zhai"
    assert strip_titles("Mrs Thatcher") == "Thatcher"
    assert strip_titles("Drummond Smith") == "Drummond Smith"


def test_acronym_definitions():
    text = "the Korean Central News Agency (KCNA) and the Workers' Party of Korea (WPK) and (XYZ)"
    assert _acronym_defs(text, 0) == {"KCNA": "Korean Central News Agency", "WPK": "Workers' Party of Korea"}


def test_gazetteer_is_consistent():
    gaz = gazetteer()
    assert gaz["dprk"].name == "North Korea"
    assert gaz["united states of america"].name == "United States"
    for place in set(gaz.values()):
        assert place.type in ("GPE", "LOC", "ORG")


def test_role_references_link_to_the_earlier_unique_person(settings):
    text = (
        "date 2025-05-21 Tarnov, May 21 - Velarian President Marta Kowal visited the flooded town "
        "on Tuesday. "
        "The President promised new homes. Local media quoted the Velarian leader as saying aid was coming. "
        "Prime Minister Jan Novak stayed in the capital. The president of the local football club, "
        "Piotr Wolny, said the stadium would shelter families."
    )
    ents = _entities(settings, text)
    kowal = _find(ents, "Marta Kowal")
    forms = [m.text for m in kowal.mentions]
    assert "The President" in forms
    assert kowal.name == "Marta Kowal"
    # "the president of the local football club" is qualified: not a reference to Kowal.
    assert all(
        "football" not in text[m.start : m.end + 20]
        for m in kowal.mentions[1:]
        if m.text.lower() == "the president"
    )


def test_ambiguous_role_reference_is_left_alone(settings):
    text = (
        "date 2025-05-21 Geneva, May 21 - President Marta Kowal of Velaria met President Ivan Dorsky "
        "of Halvia on Tuesday. The President said talks went well."
    )
    ents = _entities(settings, text)
    for e in ents:
        assert all(m.text != "The President" for m in e.mentions), e
