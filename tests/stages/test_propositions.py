"""The propositions the claims stage reads inside each claim (one predication each)."""

from __future__ import annotations

import pytest

from newstrace.readers import article_from_text
from newstrace.records import AnnotatedArticle, Claim
from newstrace.stages.claims import ClaimsStage
from newstrace.stages.entities import EntitiesStage
from newstrace.stages.segment import SegmentStage


@pytest.fixture(scope="module")
def segment(settings):  # type: ignore[no-untyped-def]
    return SegmentStage(settings)


def _claims(segment, text: str) -> tuple[str, list[Claim]]:  # type: ignore[no-untyped-def]
    art = article_from_text(text, id="t")
    [ann] = EntitiesStage()(segment([AnnotatedArticle(article=art)]))
    [out] = ClaimsStage()([ann])
    for c in out.claims:
        for p in c.props:
            assert c.start <= p.start < p.end <= c.end  # inside its claim
    return art.text, list(out.claims)


def _props(segment, text: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    body, claims = _claims(segment, text)
    return [(p.action, p.subject, body[p.start : p.end]) for c in claims for p in c.props]


def test_coordinated_verbs_are_two_facts_sharing_the_subject(segment) -> None:  # type: ignore[no-untyped-def]
    props = _props(segment, "Mayor Anna Ruiz met flood victims and toured a shelter in the harbour district.")
    actions = {a: (s, span) for a, s, span in props}
    assert {"meet", "tour"} <= set(actions)
    assert "toured" not in actions["meet"][1] and "met" not in actions["tour"][1]
    assert actions["tour"][0] == "Mayor Anna Ruiz"  # the subject written with the other verb


def test_participle_relative_clause_and_named_event(segment) -> None:  # type: ignore[no-untyped-def]
    props = _props(
        segment,
        "The earthquake struck Qarun island on Sunday, killing seven people. "
        "The governor visited Brask, a town that had been cut off for days. "
        "During his visit to the port, the minister promised new funds.",
    )
    actions = {a: span for a, _, span in props}
    assert "killing seven people" in actions["kill"] and "killing" not in actions["strike"]
    assert "cut off" in actions["cut"] and "cut off" not in actions["visit"]
    # "his visit to the port": an event named by a noun, its own fact
    assert any(a == "visit" and span.startswith("his visit to the port") for a, _, span in props)


def test_light_verbs_give_way_to_the_event_and_plans_are_marked(segment) -> None:  # type: ignore[no-untyped-def]
    body, claims = _claims(
        segment,
        "Putin made a rare visit to the Kursk region on Tuesday. The council will approve the budget.",
    )
    props = [p for c in claims for p in c.props]
    assert any(p.action == "visit" for p in props)  # "made a visit": the act is the visit
    plan = next(p for p in props if p.action == "approve")
    assert plan.future and not next(p for p in props if p.action == "visit").future


def test_own_words_leave_out_the_facts_inside(segment) -> None:  # type: ignore[no-untyped-def]
    body, claims = _claims(
        segment, "Gerasimov, in his report to the president on the offensive, praised the engineers."
    )
    praise = next(p for c in claims for p in c.props if p.action == "praise")
    assert "report" not in praise.text and "praised the engineers" in praise.text
    assert "  " not in praise.text


def test_a_passive_verbs_actor_is_its_agent_not_its_subject(segment) -> None:  # type: ignore[no-untyped-def]
    art = article_from_text(
        "The liberation of Kostrivka was announced by General Ivan Petrov on Monday.", id="t"
    )
    [ann] = EntitiesStage()(segment([AnnotatedArticle(article=art)]))
    [out] = ClaimsStage()([ann])
    ids = {e.name: e.id for e in out.entities}
    [announce] = [p for c in out.claims for p in c.props if p.action == "announce"]
    # Who announced is Petrov (the agent); Kostrivka is what was announced about.
    assert announce.actors == (ids["Ivan Petrov"],)


def test_theme_is_what_the_act_is_done_to_never_a_time_or_place(segment) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(
        segment,
        "The president held a meeting with the acting governor on Tuesday. "
        "The role of the volunteer brigades was praised by the general. "
        "The actress died on Thursday in Beverly Hills.",
    )
    themes = {p.action: set(p.theme_lemmas) for c in claims for p in c.props}
    assert "governor" in themes["meeting"] and "tuesday" not in themes["meeting"]
    assert {"role", "volunteer", "brigade"} <= themes["praise"] and "general" not in themes["praise"]
    assert themes["die"] == set()
    actors = {p.action: set(p.actor_lemmas) for c in claims for p in c.props}
    assert actors["praise"] == {"general"}  # who acts in a passive is its agent
