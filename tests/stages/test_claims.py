from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newstrace.readers import article_from_text, read_paths
from newstrace.records import AnnotatedArticle, Claim, Quote, Span, TimeExpr
from newstrace.stages._claim_rules import parse_number
from newstrace.stages.claims import ClaimsStage, make_claims
from newstrace.stages.entities import EntitiesStage
from newstrace.stages.segment import SegmentStage

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def segment(settings):  # type: ignore[no-untyped-def]
    return SegmentStage(settings)


def _annotate(segment, text: str, times: tuple[TimeExpr, ...] = ()) -> AnnotatedArticle:
    art = article_from_text(text, id="t")
    [ann] = EntitiesStage()(segment([AnnotatedArticle(article=art)]))
    return ann.replace(times=times)


def _claims(
    segment, text: str, times: tuple[TimeExpr, ...] = (), quotes: tuple[Quote, ...] = ()
) -> list[Claim]:
    ann = _annotate(segment, text, times).replace(quotes=quotes)
    [out] = ClaimsStage()([ann])
    _check_offsets(out)
    return list(out.claims)


def _check_offsets(ann: AnnotatedArticle) -> None:
    text = ann.article.text
    last = -1
    for n, c in enumerate(ann.claims, start=1):
        assert c.id == f"c{n}"
        assert c.text == text[c.start : c.end]
        assert c.text == c.text.strip() and c.text
        assert c.start >= last
        last = c.end
        for q in c.frame.quantities:
            assert text[q.start : q.end] == q.text
            assert c.start <= q.start and q.end <= c.end


def _time(text: str, phrase: str, value: str) -> TimeExpr:
    i = text.index(phrase)
    return TimeExpr(i, i + len(phrase), phrase, "DATE", value)


def _one(segment, sentence: str, **kw) -> Claim:  # type: ignore[no-untyped-def]
    claims = _claims(segment, sentence, **kw)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


# --- splitting ----------------------------------------------------------------------------------


def test_two_independent_clauses_become_two_claims(segment):
    text = (
        "Army helicopters joined the search in the afternoon, and the coast guard said more than "
        "600 rescuers were working in the valley."
    )
    a, b = _claims(segment, text)
    assert a.text == "Army helicopters joined the search in the afternoon"
    assert b.text.startswith("the coast guard said more than 600 rescuers")
    assert b.text.endswith("valley.")
    assert (a.kind, b.kind) == ("report", "quote")


def test_semicolon_splits(segment):
    claims = _claims(segment, "The old bridge collapsed on Monday; two trucks fell into the river below.")
    assert [c.text for c in claims] == [
        "The old bridge collapsed on Monday",
        "two trucks fell into the river below.",
    ]


def test_subordinate_clause_and_shared_subject_do_not_split(segment):
    assert len(_claims(segment, "The mayor resigned after the council voted to cut the school budget.")) == 1
    assert (
        len(_claims(segment, "The governor declared an emergency and ordered an evacuation of the town."))
        == 1
    )


def test_attribution_after_the_content_does_not_split(segment):
    c = _one(
        segment, "The death toll has risen to 17, the emergency service said, as rescuers searched the town."
    )
    assert c.kind == "quote"


def test_dateline_and_verbless_lines_are_not_claims(segment):
    text = (
        "date 2025-03-12 Kostrivka, March 12 (Test Wire) - The dam failed after days of heavy rain.\n\n"
        "Flood latest\n\nRescue teams evacuated hundreds of residents."
    )
    claims = _claims(segment, text)
    assert [c.text for c in claims] == [
        "The dam failed after days of heavy rain.",
        "Rescue teams evacuated hundreds of residents.",
    ]


# --- kinds --------------------------------------------------------------------------------------


def test_plain_report(segment):
    c = _one(segment, "Rescue crews evacuated 3,000 people from the town on Monday.")
    assert (c.kind, c.cues) == ("report", ())
    # One evaluative adjective is ordinary reporting, not analysis.
    assert _one(segment, "The president made a rare visit to the port city on Tuesday.").kind == "report"


def test_said_is_quote_only_when_attributed(segment):
    c = _one(segment, "The mayor said the bridge was safe for traffic.")
    assert c.kind == "quote" and c.cues == ("said",)
    assert c.frame.speaker == "The mayor"
    assert c.frame.action == "be"  # the frame describes what was said, not the saying
    # A passive "said" with no speaker attributes nothing.
    assert _one(segment, "Nothing was said about the cost of the repairs at the meeting.").kind == "report"


def test_modal_inside_a_reported_plan_is_a_quote(segment):
    c = _one(segment, "The mayor said the city could open a second shelter next week.")
    assert c.kind == "quote"
    c = _one(segment, "The storm could reach the coast by Friday evening.")
    assert (c.kind, c.cues) == ("speculation", ("could",))


@pytest.mark.parametrize(
    "sentence,cue",
    [
        ("The buffer zone would serve as a neutral area between the two armies.", "would"),
        ("This proposal, if implemented, may change the balance of power in the region.", "if"),
        ("The feasibility of such a plan remains uncertain, given the fighting.", "remains uncertain"),
        ("Casualties are likely to rise as the water recedes.", "likely"),
    ],
)
def test_speculation(segment, sentence, cue):
    c = _one(segment, sentence)
    assert c.kind == "speculation"
    assert cue in c.cues


def test_could_not_is_a_fact(segment):
    assert _one(segment, "The director could not be reached for comment on Tuesday.").kind == "report"


@pytest.mark.parametrize(
    "sentence,cue",
    [
        ("The visit was seen as a signal of renewed commitment to the region.", "was seen as"),
        ("The decision underscores the fragility of the ceasefire.", "underscores"),
        ("Critics argue that the plan is far too expensive for the town.", "Critics argue"),
        (
            "Crews moved thousands of people out of the valley, underscoring how fast the state responds.",
            "underscoring",
        ),
        ("The proposal reflects a broader strategy of controlled escalation.", "reflects"),
    ],
)
def test_opinion(segment, sentence, cue):
    c = _one(segment, sentence)
    assert c.kind == "opinion"
    assert cue in c.cues


def test_person_highlighting_something_reports_speech_not_opinion(segment):
    assert (
        _one(segment, "The minister highlighted the need for more shelters in the north.").kind != "opinion"
    )


def test_evaluative_words_inside_a_quote_belong_to_the_speaker(segment):
    c = _one(segment, '"This is a significant and complex moment for the region," the mayor said.')
    assert c.kind == "quote"


def test_background_by_date_and_by_past_perfect(segment):
    text = "date 2025-05-21\n\nIn August 2024, the army launched an offensive into the border region."
    c = _one(segment, text, times=(_time(text, "August 2024", "2024-08"),))
    assert c.kind == "background" and c.cues == ("August 2024",)
    assert c.frame.times == ("2024-08",)
    assert _one(segment, "The repairs had not begun when the old dam gave way.").kind == "background"


def test_past_perfect_dated_in_the_storys_days_is_no_background(segment):
    """ "had been pulled out alive by late Tuesday" tells the story's progress; the same tense
    dated years back, or undated, is background."""
    text = "date 2025-02-12\n\nFive miners had been pulled out alive by late Tuesday."
    c = _one(segment, text, times=(_time(text, "late Tuesday", "2025-02-11"),))
    assert c.kind == "report"
    text = "date 2025-02-12\n\nThe mine had been closed in 2019 after a fire."
    assert _one(segment, text, times=(_time(text, "2019", "2019"),)).kind == "background"


def test_old_date_on_a_noun_is_not_background(segment):
    text = "date 2025-03-10\n\nThe dam, built in 1968, failed early on Monday."
    times = (_time(text, "1968", "1968"), _time(text, "Monday", "2025-03-10"))
    c = _one(segment, text, times=times)
    assert c.kind == "report"
    assert c.frame.times == ("1968", "2025-03-10")
    assert c.frame.quantities == ()  # a year is not an amount


# --- frame --------------------------------------------------------------------------------------


def test_actors_objects_places_times_from_annotations(segment):
    text = (
        "date 2025-03-12\n\n"
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Wednesday."
    )
    ann = _annotate(segment, text, (_time(text, "Wednesday", "2025-03-12"),))
    ids = {m.text: e.id for e in ann.entities for m in e.mentions}
    [out] = ClaimsStage()([ann])
    [c] = out.claims
    f = c.frame
    assert f.actors == (ids["Olaf Scholz"],)
    assert f.action == "meet"
    assert ids["Emmanuel Macron"] in f.objects
    assert ids["Paris"] in f.places
    assert f.times == ("2025-03-12",)
    assert f.negated is False


def test_speaker_and_via_copied_from_quote(segment):
    text = "Olaf Scholz told Reuters that the talks would resume in June."
    ann = _annotate(segment, text)
    sid = next(e.id for e in ann.entities if e.name == "Olaf Scholz")
    cue = text.index("told")
    content = text.index("the talks")
    quote = Quote(
        speaker="Olaf Scholz",
        speaker_entity=sid,
        speaker_span=Span(0, 11),
        cue=Span(cue, cue + 4),
        content=Span(content, len(text) - 1),
        kind="indirect",
        via=("Reuters",),
    )
    [out] = ClaimsStage()([ann.replace(quotes=(quote,))])
    [c] = out.claims
    assert c.kind == "quote"
    assert (c.frame.speaker, c.frame.via) == (sid, ("Reuters",))
    assert c.frame.action == "resume"


def _quantities(segment, sentence: str) -> list[tuple[str, float, str | None]]:
    c = _one(segment, sentence)
    return [(q.text, q.value, q.unit) for q in c.frame.quantities]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Rescuers found 21 people in the flooded school.", [("21 people", 21.0, "people")]),
        ("About 1,900 residents remained in the shelters.", [("1,900 residents", 1900.0, "resident")]),
        ("The state pledged 12 million euros to the fund.", [("12 million euros", 12e6, "euro")]),
        ("A 40-metre wave struck the harbour wall.", [("40-metre", 40.0, "metre")]),
        ("A magnitude-5.9 earthquake struck Qeshm island.", [("magnitude-5.9", 5.9, "magnitude")]),
        ("The navy seized six AK-47 rifles.", [("six AK-47 rifles", 6.0, "rifle")]),
        ("Delegations from nine member states signed the accord.", [("nine member states", 9.0, "state")]),
        (
            "The reservoir held 3.5 million cubic metres of water.",
            [("3.5 million cubic metres", 3.5e6, "metre")],
        ),
        (
            "Twenty-one boats and four hundred volunteers joined the search.",
            [("Twenty-one boats", 21.0, "boat"), ("four hundred volunteers", 400.0, "volunteer")],
        ),
        ("The death toll has risen to 17.", [("17", 17.0, None)]),
        ("Several hundred demonstrators gathered near the hall.", []),
        # Numbers split by stray spaces (badly de-tokenized text) are no quantities: neither "3"
        # nor "800" km is what "3, 800 km" says. A year before a comma is no such split.
        ("The fortress lies about 3, 800 km from the capital.", []),
        ("Around 1. 3 billion people marked the festival.", []),
        ("In 2014, 300 people marched to the square.", [("300 people", 300.0, "people")]),
        # A unit abbreviation glued to its number, which the parser hangs elsewhere; "m" after a
        # currency sign is millions, not metres.
        ("He slipped and fell about 200m down a steep icy gully.", [("200m", 200.0, "m")]),
        ("A man was killed after falling around 2,000ft while climbing.", [("2,000ft", 2000.0, "ft")]),
        # A verb inside a hyphenated modifier does not part the number from its noun.
        ("Rescuers reached the 12 worst-hit villages.", [("12 worst-hit villages", 12.0, "village")]),
        # A scale hyphenated to its figure is part of it.
        ("Thieves made off with a $2.6-million haul.", [("2.6-million haul", 2.6e6, "haul")]),
        # "per cent" is "percent", whichever word the parser hangs the number on.
        ("Greek stocks plunged 5.4 per cent.", [("5.4 per cent", 5.4, "percent")]),
        ("Unemployment rose to 12 per cent last year.", [("12 per cent", 12.0, "percent")]),
        # Both sides of a size are in the unit written after the second.
        (
            "Thieves took a portrait measuring 65 by 50 centimetres.",
            [("65", 65.0, "centimetre"), ("50 centimetres", 50.0, "centimetre")],
        ),
        # A rate's time unit is part of its unit: a speed, not a length.
        ("The storm packed winds of 185 km/h on Monday.", [("185 km/h", 185.0, "km/hour")]),
        ("Gusts reached 120 kilometres per hour.", [("120 kilometres per hour", 120.0, "kilometre/hour")]),
        ("The storm hit the coast with winds of 165 km/h.", [("165 km/h", 165.0, "km/hour")]),
    ],
)
def test_quantities(segment, sentence, expected):
    assert _quantities(segment, sentence) == expected


@pytest.mark.parametrize(
    "sentence,governor",
    [
        ("A climber died after falling about 150 metres at the ridge.", "fall"),
        ("The island has a population of 120,000.", "population"),
        ("The island is home to 120,000 people.", "home"),
        ("The quake struck at a depth of 10 kilometres.", "depth"),
    ],
)
def test_quantity_governor(segment, sentence, governor):
    """What the amount measures: the word above its phrase, past prepositions."""
    [q] = _one(segment, sentence).frame.quantities
    assert q.governor == governor


def test_a_conjuncts_governor_is_the_coordinations(segment):
    """In "had 24 points and seven rebounds" the rebounds are had, not pointed: a conjunct's
    amount belongs to what the first conjunct belongs to."""
    [pts, reb] = _one(
        segment, "Tyler Hansbrough finished with 24 points and seven rebounds."
    ).frame.quantities
    assert (pts.governor, reb.governor) == ("finish", "finish")


def test_parse_number_words():
    assert parse_number(["twenty", "one"]) == 21
    assert parse_number(["two", "hundred", "thousand"]) == 200_000
    assert parse_number(["1,250.5"]) == 1250.5
    assert parse_number(["ninety", "nine"]) == 99
    assert parse_number(["many"]) is None


@pytest.mark.parametrize(
    "sentence,hedge",
    [
        ("The commander was reportedly killed in the strike near the border.", "reportedly"),
        ("Local officials allegedly ignored the warnings for months.", "allegedly"),
        (
            "The participation of foreign troops has not been independently verified.",
            "not independently verified",
        ),
        ("The minister appears to have left the country on Sunday.", "appears to"),
        ("Rebels are believed to control the northern road.", "is believed to"),
        ("Two engineers were questioned, according to local media.", "according to"),
    ],
)
def test_hedges(segment, sentence, hedge):
    assert hedge in _one(segment, sentence).frame.hedges


def test_no_hedge_in_plain_report(segment):
    assert _one(segment, "Two engineers were questioned by the police on Tuesday.").frame.hedges == ()


@pytest.mark.parametrize(
    "sentence,negated",
    [
        ("The company did not respond to requests for comment.", True),
        ("Rescuers found no survivors in the flooded district.", True),
        ("The regional council never published its report on the dam.", True),
        ("Not every member was enthusiastic about the plan.", True),
        ("Rescuers found three survivors in the flooded district.", False),
    ],
)
def test_negation(segment, sentence, negated):
    assert _one(segment, sentence).frame.negated is negated


def test_factory_and_empty_article(settings, segment):
    stage = make_claims(settings)
    ann = _annotate(segment, "date 2025-03-12\n\n")
    [out] = stage([ann])
    assert out.claims == ()


# --- the example corpus -------------------------------------------------------------------------

REPORTS = [
    ("bpa_summit_20250313", "Halvian police closed the harbour front"),
    ("bpa_summit_20250313", "Leaders of the Council of Amber Coast States opened"),
    ("meridian_dam_20250312", "The government has ordered emergency inspections"),
    ("meridian_dam_20250310", "The water swept away parked cars"),
    ("meridian_summit_20250314", "The Sarnholm Declaration creates"),
    ("lesna_courier_kostrivka", "Volunteers have set up collection points"),
    ("continental_review_dam_analysis", "Ministers have promised inspections"),
    ("vt-20250312-shelters", "About 1,900 people remained in temporary shelters"),
]


@pytest.fixture(scope="module")
def corpus(settings, segment) -> dict[str, AnnotatedArticle]:  # type: ignore[no-untyped-def]
    arts = [a for a in read_paths([EXAMPLES / "corpus"], settings) if not hasattr(a, "code")]
    batch = EntitiesStage()(segment([AnnotatedArticle(article=a) for a in arts]))
    try:
        from newstrace.stages.times import TimesStage

        batch = TimesStage()(batch)
    except ImportError:  # the times tagger is optional here: kinds must not depend on it
        pass
    try:
        from newstrace.stages.quotes import make_quotes

        batch = make_quotes(settings)(batch)
    except ImportError:
        pass
    out = ClaimsStage()(batch)
    for ann in out:
        _check_offsets(ann)
    return {ann.article.id: ann for ann in out}


def _covering(ann: AnnotatedArticle, phrase: str) -> list[Claim]:
    text = ann.article.text
    i = text.find(phrase)
    assert i >= 0, phrase
    return [c for c in ann.claims if c.start < i + len(phrase) and i < c.end]


def test_corpus_gold_opinions_are_opinion_or_speculation(corpus):
    gold = json.loads((EXAMPLES / "gold" / "expected.json").read_text(encoding="utf-8"))
    assert gold["opinion"]
    for item in gold["opinion"]:
        ann = corpus[re.sub(r"\.(txt|html)$", "", item["file"])]
        claims = _covering(ann, item["text"])
        assert claims, item
        assert all(c.kind in ("opinion", "speculation") for c in claims), (
            item,
            [(c.kind, c.text) for c in claims],
        )


@pytest.mark.parametrize("article,phrase", REPORTS)
def test_corpus_reports_stay_reports(corpus, article, phrase):
    [c] = _covering(corpus[article], phrase)
    assert c.kind == "report", (c.text, c.cues)


def test_corpus_wire_copy_has_little_opinion(corpus):
    for name in ("meridian_dam_20250310", "bpa_dam_20250311", "lesna_courier_kostrivka", "vt-20250310-dam"):
        kinds = [c.kind for c in corpus[name].claims]
        assert "opinion" not in kinds and "speculation" not in kinds, name


def test_corpus_analysis_is_mostly_opinion(corpus):
    kinds = [c.kind for c in corpus["continental_review_dam_analysis"].claims]
    assert sum(k in ("opinion", "speculation") for k in kinds) * 3 >= len(kinds)


def test_a_day_between_the_doers_and_their_act_dates_the_act(segment):
    """ "investigators on Thursday arrested the former official": Thursday dates the arrest (the
    parser hangs it on "investigators"); a day on an object noun stays the noun's."""
    text = "date 2025-06-05\n\nAnti-corruption investigators on Thursday arrested the former finance chief."
    c = _one(segment, text, times=(_time(text, "Thursday", "2025-06-05"),))
    assert c.frame.time_heads == ("arrest",)
