"""Corroborated facts (issue 22): one proposition per group, each source's own span, and what
keeps two propositions apart. Articles are written here; each test pairs a fact that must be
found with a trap, so a rule that just stops grouping fails."""

from __future__ import annotations

import json

import jsonschema
import pytest

from newstrace import article_from_text
from newstrace.api import compare_articles
from newstrace.errors import ModelError
from newstrace.render.json import compare_json
from newstrace.story.compare import StoryReport
from newstrace.story.facts import FEATURES, FactModel

WIRE = (
    "date 2025-03-12\nsource Wire Service\n"
    "The mayor of Kelport, Anna Ruiz, met flood victims and toured a shelter in the harbour district "
    "on Tuesday. The city council approved an emergency fund of 2 million euros for repairs. "
    "Critics say the response was far too slow and badly organised."
)
PAPER = (
    "date 2025-03-12\nsource Harbour Herald\n"
    "Anna Ruiz, the mayor of Kelport, toured a shelter in the harbour district on Tuesday. "
    "The council approved an emergency fund of 2 million euros. "
    "The response was far too slow and badly organised, according to critics of the council."
)


@pytest.fixture(scope="module")
def report() -> StoryReport:
    return compare_articles([article_from_text(WIRE, id="wire"), article_from_text(PAPER, id="paper")])


def _facts(report: StoryReport):  # type: ignore[no-untyped-def]
    return [g for g in report.groups if g.verdict == "corroborated"]


def test_each_fact_is_one_proposition_with_each_sources_own_words(report: StoryReport) -> None:
    facts = _facts(report)
    assert facts, "the shared tour and fund are corroborated"
    for g in facts:
        assert g.statement and len(g.spans) == len(g.claims) >= 2
        assert len({s.article for s in g.spans}) >= 2
        for s in g.spans:
            text = next(a.article.text for a in report.articles if a.article.id == s.article)
            assert text[s.start : s.end] == s.text
    tour = [g for g in facts if any("toured a shelter" in s.text for s in g.spans)]
    assert len(tour) == 1
    wire_tour = next(s for s in tour[0].spans if s.article == "wire")
    # The wire's sentence states two facts; its span for this one is the tour, not the meeting.
    assert "toured a shelter" in wire_tour.text and "met flood victims" not in wire_tour.text
    fund = [g for g in facts if any("emergency fund" in s.text for s in g.spans)]
    assert len(fund) == 1 and fund[0] is not tour[0]


def test_a_sentence_never_sits_twice_in_one_fact_and_a_fact_is_listed_once(report: StoryReport) -> None:
    facts = _facts(report)
    for g in facts:
        assert len(set(g.claims)) == len(g.claims)
    keys = [frozenset((s.article, s.start, s.end) for s in g.spans) for g in facts]
    assert len(keys) == len(set(keys))


def test_opinion_never_corroborates(report: StoryReport) -> None:
    kinds = {(a.article.id, c.id): c.kind for a in report.articles for c in a.claims}
    for g in _facts(report):
        assert all(kinds[(r.article, r.claim)] not in ("opinion", "speculation") for r in g.claims)


def _shared(a: str, b: str) -> list[set[str]]:
    arts = [article_from_text(f"date 2025-03-12\nsource {k}\n{t}", id=k) for k, t in (("one", a), ("two", b))]
    return [{s.text for s in g.spans} for g in _facts(compare_articles(arts))]


def _together(groups: list[set[str]], a: str, b: str) -> bool:
    return any(any(a in t for t in g) and any(b in t for t in g) for g in groups)


def test_different_figures_of_one_measure_are_two_facts() -> None:
    a = "The storm killed 12 people in the coastal town of Brask on Monday, officials said."
    assert _together(_shared(a, "In Brask, a coastal town, Monday's storm killed 12 people, the coastguard said."),
                     "12 people", "12 people")  # fmt: skip
    b = "In Brask, a coastal town, Monday's storm killed 14 people, the coastguard said."
    assert not _together(_shared(a, b), "12 people", "14 people")


def test_a_denial_a_plan_and_the_opposite_act_are_not_the_act() -> None:
    act = "The ministry closed the Varna bridge to lorries on Friday after the inspection."
    same = "On Friday the ministry closed the Varna bridge to lorries after the inspection."
    assert _together(_shared(act, same), "ministry closed", "ministry closed")
    for other, words in (
        (
            "The ministry did not close the Varna bridge to lorries on Friday after the inspection.",
            "not close",
        ),
        ("The ministry will close the Varna bridge to lorries on Friday after the inspection.", "will close"),
        ("The ministry opened the Varna bridge to lorries on Friday after the inspection.", "opened"),
    ):
        assert not _together(_shared(act, other), "ministry closed", words), other


def test_json_gives_fact_ids_per_claim_and_validates(report: StoryReport) -> None:
    from importlib import resources

    doc = compare_json(report)
    schema = json.loads(resources.files("newstrace").joinpath("schema/compare.schema.json").read_text())
    jsonschema.validate(doc, schema)
    facts = {g["id"]: g for g in doc["groups"] if g["verdict"] == "corroborated"}
    assert facts
    for g in facts.values():
        assert g["statement"] and all({"start", "end", "text", "marks"} <= set(r) for r in g["claims"])
        for r in g["claims"]:
            claim = next(c for c in doc["claims"] if (c["article"], c["id"]) == (r["article"], r["claim"]))
            assert g["id"] in claim["facts"]
            assert claim["start"] <= r["start"] < r["end"] <= claim["end"]


def test_the_pair_model_file_is_checked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    model = FactModel.load()
    assert model.features == FEATURES and 0 < model.link <= model.confirm < 1
    bad = tmp_path / "m.json"
    bad.write_text('{"features": ["cos"], "mean": [0], "scale": [1], "coef": [1], "intercept": 0}')
    with pytest.raises(ModelError) as e:
        FactModel.load(bad)
    assert e.value.code == "E309"
    bad.write_text("{not json")
    with pytest.raises(ModelError):
        FactModel.load(bad)


def _finder(a: str, b: str):  # type: ignore[no-untyped-def]
    from newstrace.api import embedder
    from newstrace.config import load_settings
    from newstrace.models import load_word_vectors
    from newstrace.pipeline import Pipeline
    from newstrace.story.claims import story_claims
    from newstrace.story.facts import FactFinder
    from newstrace.story.resolve import resolve_entities
    from newstrace.story.scope import Scopes, story_window

    settings = load_settings()
    arts = [article_from_text(f"date 2025-03-12\nsource {k}\n{t}", id=k) for k, t in (("one", a), ("two", b))]
    anns = list(Pipeline(settings).annotate(arts))
    entities = resolve_entities(anns)
    story_ids = {ref: e.id for e in entities for ref in e.members}
    claims = story_claims(anns, story_ids, entities)
    vectors = load_word_vectors(settings.word_vectors)
    return FactFinder(
        claims, entities, Scopes(claims, story_window(anns)), embedder(settings), vectors=vectors
    )


def _pair(finder, action_a: str, action_b: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    units = finder.units
    i = next(k for k, u in enumerate(units) if u.sc.ref.article == "one" and u.prop.action == action_a)
    j = next(k for k, u in enumerate(units) if u.sc.ref.article == "two" and u.prop.action == action_b)
    return i, j


def test_one_actor_doing_two_acts_to_two_things_is_two_facts() -> None:
    said = "General Ivan Petrov, chief of the army staff, praised the role of the volunteer brigades in the campaign."
    finder = _finder(
        said, "The liberation of Brask was announced by General Ivan Petrov, chief of the army staff."
    )
    i, j = _pair(finder, "praise", "announce")
    assert finder.units[i].actors & finder.units[j].actors  # one actor on both sides (the passive's agent)
    assert not finder.compatible(i, j)
    # The same act told in other words stays comparable, and its words match through word vectors.
    finder = _finder(
        said, "General Ivan Petrov, the army chief of staff, praised the part of volunteer fighters."
    )
    i, j = _pair(finder, "praise", "praise")
    assert finder.compatible(i, j)
    assert finder.soft(("role", "brigade"), ("part", "brigade")) > finder.soft(
        ("role", "brigade"), ("bridge", "brigade")
    )


def test_a_facts_statement_names_who_acts_for_a_pronoun() -> None:
    wire = (
        "Army chief of staff General Ivan Petrov, in his report to President Lena Sorel on Monday, "
        "praised the volunteer brigades."
    )
    other = "General Ivan Petrov's report to President Lena Sorel on Monday praised the volunteer brigades."
    arts = [
        article_from_text(f"date 2025-03-12\nsource {k}\n{t}", id=k)
        for k, t in (("one", wire), ("two", other))
    ]
    statements = [g.statement for g in _facts(compare_articles(arts))]
    assert statements and not any(s.lower().startswith(("his ", "army his", "chief his")) for s in statements)


def test_a_statement_asserts_no_day_the_sources_do_not_share() -> None:
    wire = "date 2025-05-21\nsource Wire\nMayor Anna Ruiz toured the flooded harbour district of Kelport on Tuesday."
    rewrite = "source Blog\nOn May 21, Mayor Anna Ruiz toured the flooded harbour district of Kelport."
    arts = [article_from_text(wire, id="wire"), article_from_text(rewrite, id="blog")]
    facts = [g for g in _facts(compare_articles(arts)) if any("toured" in s.text for s in g.spans)]
    assert facts, "the tour is one fact, its date aside"
    statement = facts[0].statement
    assert "May 21" not in statement and "Tuesday" not in statement
    assert "dates differ: 2025-05-20 / XXXX-05-21" in statement
